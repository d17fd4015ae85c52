/*
 * labels.c: the SSDA903 code lists in Welsh, beside the English labels
 * of domain/codes.c, and the distance bands in both languages, for the
 * pages that show a child's record (parts.h).  The Welsh follows the
 * words of the report (report/labels.c) and of Welsh Government's
 * returns on looked after children.  A unit test (tests/unit/u-web.c)
 * checks that every code of the lists the pages show has a Welsh label.
 */
#include "base/compat.h"
#include "web/parts.h"

#define RQ "\xe2\x80\x99"	/* right single quotation mark */
#define CIRC_A "\xc3\xa2"	/* a circumflex */
#define CIRC_U "\xc3\xbb"	/* u circumflex */
#define CIRC_W "\xc5\xb5"	/* w circumflex */
#define CIRC_Y "\xc5\xb7"	/* y circumflex */
#define UML_I "\xc3\xaf"	/* i diaeresis */

struct cy_label {
	const struct code_list *list;
	const char *code;
	const char *cy;
};

static const struct cy_label cy_labels[] = {
	{ &codes_sex, "1", "Gwryw" },
	{ &codes_sex, "2", "Benyw" },
	{ &codes_sex, "M", "Gwryw" },
	{ &codes_sex, "F", "Benyw" },
	{ &codes_sex, "U", "Anhysbys" },

	{ &codes_ethnic, "WBRI", "Gwyn Prydeinig" },
	{ &codes_ethnic, "WIRI", "Gwyn Gwyddelig" },
	{ &codes_ethnic, "WOTH", "Unrhyw gefndir Gwyn arall" },
	{ &codes_ethnic, "WIRT", "Teithiwr o dras Wyddelig" },
	{ &codes_ethnic, "WROM", "Sipsi/Roma" },
	{ &codes_ethnic, "MWBC", "Gwyn a Du Carib" UML_I "aidd" },
	{ &codes_ethnic, "MWBA", "Gwyn a Du Affricanaidd" },
	{ &codes_ethnic, "MWAS", "Gwyn ac Asiaidd" },
	{ &codes_ethnic, "MOTH", "Unrhyw gefndir Cymysg arall" },
	{ &codes_ethnic, "AIND", "Indiaidd" },
	{ &codes_ethnic, "APKN", "Pacistanaidd" },
	{ &codes_ethnic, "ABAN", "Bangladeshaidd" },
	{ &codes_ethnic, "AOTH", "Unrhyw gefndir Asiaidd arall" },
	{ &codes_ethnic, "BCRB", "Carib" UML_I "aidd" },
	{ &codes_ethnic, "BAFR", "Affricanaidd" },
	{ &codes_ethnic, "BOTH", "Unrhyw gefndir Du arall" },
	{ &codes_ethnic, "CHNE", "Tsieineaidd" },
	{ &codes_ethnic, "OOTH", "Unrhyw gr" CIRC_W "p ethnig arall" },
	{ &codes_ethnic, "REFU", "Wedi gwrthod" },
	{ &codes_ethnic, "NOBT", "Gwybodaeth heb ei chael eto" },

	{ &codes_rne, "S", "Dechrau derbyn gofal" },
	{ &codes_rne, "L", "Newid statws cyfreithiol yn unig" },
	{ &codes_rne, "P", "Newid lleoliad a gofalwr(wyr) yn unig" },
	{ &codes_rne, "T", "Newid lleoliad (yr un gofalwr(wyr)) yn unig" },
	{ &codes_rne, "B", "Newid statws cyfreithiol a lleoliad a "
	  "gofalwr(wyr)" },
	{ &codes_rne, "U", "Newid statws cyfreithiol a lleoliad (yr un "
	  "gofalwr(wyr))" },

	{ &codes_ls, "C1", "Gorchymyn gofal interim" },
	{ &codes_ls, "C2", "Gorchymyn gofal llawn" },
	{ &codes_ls, "D1", "Gorchymyn rhyddhau wedi" RQ "i roi" },
	{ &codes_ls, "E1", "Gorchymyn lleoli wedi" RQ "i roi" },
	{ &codes_ls, "V2", "Cyfnod unigol o lety o dan adran 20" },
	{ &codes_ls, "V3", "Cyfres gyt" CIRC_U "n o seibiannau byr (cyfnodau "
	  "wedi" RQ "u cofnodi)" },
	{ &codes_ls, "V4", "Cyfres gyt" CIRC_U "n o seibiannau byr (cytundebau "
	  "wedi" RQ "u cofnodi)" },
	{ &codes_ls, "L1", "Amddiffyniad yr heddlu, mewn llety awdurdod lleol" },
	{ &codes_ls, "L2", "Gorchymyn diogelu brys" },
	{ &codes_ls, "L3", "Gorchymyn asesu plentyn, mewn llety awdurdod "
	  "lleol" },
	{ &codes_ls, "J1", "Wedi" RQ "i remandio i lety awdurdod lleol neu lety "
	  "cadw ieuenctid" },
	{ &codes_ls, "J2", "Wedi" RQ "i leoli mewn llety awdurdod lleol o dan "
	  "PACE" },
	{ &codes_ls, "J3", "Gorchymyn adsefydlu ieuenctid gyda gofyniad "
	  "preswylio" },

	{ &codes_cin, "N1", "Cam-drin neu esgeulustod" },
	{ &codes_cin, "N2", "Anabledd y plentyn" },
	{ &codes_cin, "N3", "Salwch neu anabledd rhiant" },
	{ &codes_cin, "N4", "Teulu dan straen difrifol" },
	{ &codes_cin, "N5", "Camweithrediad teuluol" },
	{ &codes_cin, "N6", "Ymddygiad sy" RQ "n annerbyniol yn gymdeithasol" },
	{ &codes_cin, "N7", "Incwm isel" },
	{ &codes_cin, "N8", "Rhianta absennol" },

	{ &codes_place, "A3", "Wedi" RQ "i leoli i" RQ "w fabwysiadu gyda "
	  "chaniat" CIRC_A "d, gyda" RQ "r gofalwr maeth presennol" },
	{ &codes_place, "A4", "Wedi" RQ "i leoli i" RQ "w fabwysiadu gyda "
	  "chaniat" CIRC_A "d, nid gyda" RQ "r gofalwr maeth presennol" },
	{ &codes_place, "A5", "Wedi" RQ "i leoli i" RQ "w fabwysiadu gyda "
	  "gorchymyn lleoli, gyda" RQ "r gofalwr maeth presennol" },
	{ &codes_place, "A6", "Wedi" RQ "i leoli i" RQ "w fabwysiadu gyda "
	  "gorchymyn lleoli, nid gyda" RQ "r gofalwr maeth presennol" },
	{ &codes_place, "H5", "Byw lled-annibynnol" },
	{ &codes_place, "K1", "Cartref plant diogel" },
	{ &codes_place, "K2", "Cartref plant" },
	{ &codes_place, "K3", "Llety " CIRC_A " chymorth cofrestredig" },
	{ &codes_place, "P1", "Wedi" RQ "i leoli gyda" RQ "i riant neu ei "
	  "rieni, neu berson " CIRC_A " chyfrifoldeb rhiant" },
	{ &codes_place, "P2", "Byw" RQ "n annibynnol" },
	{ &codes_place, "P3", "Cyflogaeth breswyl" },
	{ &codes_place, "R1", "Cartref gofal preswyl" },
	{ &codes_place, "R2", "Sefydliad y GIG neu ymddiriedolaeth iechyd" },
	{ &codes_place, "R3", "Canolfan deulu neu uned mam a baban" },
	{ &codes_place, "R5", "Sefydliad troseddwyr ifanc" },
	{ &codes_place, "S1", "Ysgol breswyl" },
	{ &codes_place, "T0", "Symudiad dros dro (pob math)" },
	{ &codes_place, "T1", "Cyfnod dros dro yn yr ysbyty" },
	{ &codes_place, "T2", "Absenoldeb dros dro ar wyliau" },
	{ &codes_place, "T3", "Llety dros dro tra bo" RQ "r gofalwr maeth ar "
	  "wyliau" },
	{ &codes_place, "T4", "Llety dros dro am 7 diwrnod neu lai" },
	{ &codes_place, "U1", "Lleoliad maeth gyda pherthynas neu ffrind, "
	  "tymor hir" },
	{ &codes_place, "U2", "Lleoliad maeth gyda pherthynas neu ffrind, "
	  "mabwysiadwr cymeradwy" },
	{ &codes_place, "U3", "Lleoliad maeth gyda pherthynas neu ffrind, "
	  "arall" },
	{ &codes_place, "U4", "Lleoliad maeth gyda gofalwr arall, tymor hir" },
	{ &codes_place, "U5", "Lleoliad maeth gyda gofalwr arall, mabwysiadwr "
	  "cymeradwy" },
	{ &codes_place, "U6", "Lleoliad maeth gyda gofalwr arall, arall" },
	{ &codes_place, "Z1", "Lleoliad arall" },
	{ &codes_place, "Z11", "Lleoliad arall (Z11)" },
	{ &codes_place, "Z12", "Lleoliad arall (Z12)" },
	{ &codes_place, "Z13", "Lleoliad arall (Z13)" },
	{ &codes_place, "Z14", "Lleoliad arall (Z14)" },

	{ &codes_place_provider, "PR0", "Rhiant neu rieni, neu berson " CIRC_A
	  " chyfrifoldeb rhiant" },
	{ &codes_place_provider, "PR1", "Darpariaeth y cyngor ei hun" },
	{ &codes_place_provider, "PR2", "Darpariaeth cyngor arall" },
	{ &codes_place_provider, "PR3", "Darpariaeth gyhoeddus arall" },
	{ &codes_place_provider, "PR4", "Darpariaeth breifat" },
	{ &codes_place_provider, "PR5", "Darpariaeth wirfoddol neu" RQ "r "
	  "trydydd sector" },

	{ &codes_rec, "X1", "Cyfnod yn dod i ben a chyfnod newydd yn dechrau "
	  "ar yr un diwrnod" },
	{ &codes_rec, "E11", "Wedi" RQ "i fabwysiadu (heb wrthwynebiad)" },
	{ &codes_rec, "E12", "Wedi" RQ "i fabwysiadu (hepgor caniat" CIRC_A
	  "d)" },
	{ &codes_rec, "E13", "Gadael gofal i fyw gyda rhiant, perthynas neu "
	  "berson arall" },
	{ &codes_rec, "E14", "Llety ar remand wedi dod i ben" },
	{ &codes_rec, "E15", "Asesiad oedran wedi pennu ei fod yn 18 oed neu" RQ
	  "n h" CIRC_Y "n" },
	{ &codes_rec, "E16", "Y plentyn wedi symud dramor" },
	{ &codes_rec, "E17", "18 oed neu" RQ "n h" CIRC_Y "n ac wedi aros gyda" RQ
	  "r gofalwyr presennol" },
	{ &codes_rec, "E2", "Wedi marw" },
	{ &codes_rec, "E3", "Cyngor arall wedi cymryd y gofal drosodd" },
	{ &codes_rec, "E41", "Gorchymyn preswylio neu drefniadau plentyn "
	  "wedi" RQ "i roi" },
	{ &codes_rec, "E45", "Gorchymyn gwarcheidiaeth arbennig: cyn-ofalwr "
	  "maeth, perthynas neu ffrind" },
	{ &codes_rec, "E46", "Gorchymyn gwarcheidiaeth arbennig: cyn-ofalwr "
	  "maeth, arall" },
	{ &codes_rec, "E47", "Gorchymyn gwarcheidiaeth arbennig: gofalwr "
	  "arall, perthynas neu ffrind" },
	{ &codes_rec, "E48", "Gorchymyn gwarcheidiaeth arbennig: gofalwr "
	  "arall, arall" },
	{ &codes_rec, "E4A", "Wedi dychwelyd adref fel rhan o" RQ "r cynllun "
	  "gofal" },
	{ &codes_rec, "E4B", "Wedi dychwelyd adref nid fel rhan o" RQ "r "
	  "cynllun gofal" },
	{ &codes_rec, "E5", "Byw" RQ "n annibynnol gyda chymorth ffurfiol" },
	{ &codes_rec, "E6", "Byw" RQ "n annibynnol heb gymorth ffurfiol" },
	{ &codes_rec, "E7", "Wedi" RQ "i drosglwyddo i ofal preswyl a ariennir "
	  "gan ofal cymdeithasol i oedolion" },
	{ &codes_rec, "E8", "Daeth i ben am unrhyw reswm arall" },
	{ &codes_rec, "E9", "Wedi" RQ "i ddedfrydu i garchar" },

	{ &codes_reason_place_change, "CARPL", "Newid i" RQ "r cynllun gofal "
	  "neu ei weithredu" },
	{ &codes_reason_place_change, "CLOSE", "Ymddiswyddiad neu gau" RQ "r "
	  "ddarpariaeth" },
	{ &codes_reason_place_change, "ALLEG", "Honiad (adran 47)" },
	{ &codes_reason_place_change, "STAND", "Pryder am safonau gofal" },
	{ &codes_reason_place_change, "APPRR", "Cymeradwyaeth wedi" RQ "i "
	  "thynnu" RQ "n " "\xc3\xb4" "l" },
	{ &codes_reason_place_change, "CREQB", "Y gofalwr yn gofyn i" RQ "r "
	  "lleoliad ddod i ben oherwydd ymddygiad y plentyn" },
	{ &codes_reason_place_change, "CREQO", "Y gofalwr yn gofyn i" RQ "r "
	  "lleoliad ddod i ben am reswm arall" },
	{ &codes_reason_place_change, "CHILD", "Y plentyn yn gofyn i" RQ "r "
	  "lleoliad ddod i ben" },
	{ &codes_reason_place_change, "LAREQ", "Y cyngor yn gofyn i" RQ "r "
	  "lleoliad ddod i ben" },
	{ &codes_reason_place_change, "PLACE", "Newid i statws y lleoliad yn "
	  "unig" },
	{ &codes_reason_place_change, "CUSTOD", "Trefniant dalfa" },
	{ &codes_reason_place_change, "OTHER", "Arall" },

	{ &codes_missing, "M", "Ar goll o ofal" },
	{ &codes_missing, "A", "I ffwrdd o" RQ "r lleoliad heb ganiat" CIRC_A
	  "d" },

	{ &codes_sdq_reason, "SDQ1", "O dan 4 oed neu dros 16 oed" },
	{ &codes_sdq_reason, "SDQ2", "Y gofalwr wedi gwrthod" },
	{ &codes_sdq_reason, "SDQ3", "Difrifoldeb yr anabledd" },
	{ &codes_sdq_reason, "SDQ4", "Arall" },
	{ &codes_sdq_reason, "SDQ5", "Y person ifanc yn gwrthod" },

	{ &codes_bool01, "0", "Na" },
	{ &codes_bool01, "1", "Ie" },
};

const char *web_code_label_cy(const struct code_list *l, const char *code)
{
	for (size_t i = 0; code && i < ARRAY_SIZE(cy_labels); i++)
		if (cy_labels[i].list == l && !strcmp(cy_labels[i].code, code))
			return cy_labels[i].cy;
	return NULL;
}

const char *web_code_label(const struct request *req,
			   const struct code_list *l, const char *code)
{
	const char *en;

	if (!code || !code[0])
		return NULL;
	en = code_label(l, code);
	if (!en)
		return NULL;
	if (req->lang[0] == 'c') {
		const char *cy = web_code_label_cy(l, code);

		return cy ? cy : en;
	}
	return en;
}

static const char *const bands[DIST_NBANDS][2] = {
	[DIST_HIDDEN] = { "", "" },
	[DIST_UNKNOWN] = { "not known", "anhysbys" },
	[DIST_0_20] = { "20 miles or less", "20 milltir neu lai" },
	[DIST_21_40] = { "21 to 40 miles", "21 i 40 milltir" },
	[DIST_41_60] = { "41 to 60 miles", "41 i 60 milltir" },
	[DIST_61_80] = { "61 to 80 miles", "61 i 80 milltir" },
	[DIST_81_100] = { "81 to 100 miles", "81 i 100 milltir" },
	[DIST_OVER_100] = { "over 100 miles", "dros 100 milltir" },
};

const char *web_band_label(const struct request *req, enum distance_band b)
{
	if ((unsigned)b >= DIST_NBANDS)
		return "";
	return bands[b][req->lang[0] == 'c'];
}
