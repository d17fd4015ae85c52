/*
 * labels.c: every string a reader of a report sees, in English and Welsh.
 *
 * The Welsh follows the usage of Care Inspectorate Wales (Arolygiaeth
 * Gofal Cymru) and Welsh Government statistical releases: "plant sy'n
 * derbyn gofal" (looked after children), "cartrefi plant" (children's
 * homes), "lleoliadau" (placements), "mynd ar goll" (going missing),
 * "cyngor" (council), "rheoli datgelu" (disclosure control).  A unit test
 * (tests/unit/u-report.c) checks that every entry has both languages and
 * that the Welsh differs from the English wherever the English is words.
 *
 * Codes, JSON keys and numbers are not labels and are never translated;
 * council and home names come with the review (English and Welsh).
 */
#include "base/compat.h"
#include "report/report-internal.h"

#define L(key, en, cy) { key, { en, cy } }

static const struct label ui[UI_N] = {
	[UI_TITLE] = L("title", "National review of children's homes",
		       "Adolygiad cenedlaethol o gartrefi plant"),
	[UI_PUBLISHER] = L("publisher", "Care Inspectorate Wales",
			   "Arolygiaeth Gofal Cymru"),
	[UI_REPORTING_YEAR] = L("reporting_year", "Reporting year",
				"Blwyddyn adrodd"),
	[UI_PERIOD_TO] = L("period_to", "to", "i"),
	[UI_SCOPE] = L("scope", "Area covered", "Ardal"),
	[UI_SCOPE_NATIONAL] = L("scope_national", "Wales", "Cymru"),
	[UI_SCOPE_COUNCIL] = L("scope_council", "Council", "Cyngor"),
	[UI_SCOPE_HOME] = L("scope_home", "Children's home", "Cartref plant"),
	[UI_URN] = L("urn", "URN", "Cyfeirnod"),
	[UI_BANNER_PUBLISHED] =
		L("banner_published",
		  "Published figures: statistical disclosure control applied",
		  "Ffigurau i'w cyhoeddi: mae rheolaeth datgelu ystadegol "
		  "wedi'i chymhwyso"),
	[UI_BANNER_EXACT] =
		L("banner_exact",
		  "Exact figures \xe2\x80\x93 for staff only, not for "
		  "publication",
		  "Ffigurau manwl gywir \xe2\x80\x93 i staff yn unig, nid i'w "
		  "cyhoeddi"),
	[UI_SKIP_LINK] = L("skip_link", "Skip to main content",
			   "Neidio i'r prif gynnwys"),
	[UI_CONTENTS] = L("contents", "Contents", "Cynnwys"),
	[UI_KEY_FIGURES] = L("key_figures", "Key figures",
			     "Ffigurau allweddol"),
	[UI_INDICATOR] = L("indicator", "Indicator", "Dangosydd"),
	[UI_VALUE] = L("value", "Value", "Gwerth"),
	[UI_NUMERATOR] = L("numerator", "Numerator", "Rhifiadur"),
	[UI_DENOMINATOR] = L("denominator", "Denominator", "Enwadur"),
	[UI_COUNCIL] = L("council", "Council", "Cyngor"),
	[UI_HOME] = L("home", "Children's home", "Cartref plant"),
	[UI_PROVIDER_TYPE] = L("provider_type", "Provider type",
			       "Math o ddarparwr"),
	[UI_COUNCILS_SECTION] = L("councils_section", "Councils",
				  "Cynghorau"),
	[UI_HOMES_SECTION] = L("homes_section", "Children's homes",
			       "Cartrefi plant"),
	[UI_NOTES] = L("notes", "Notes", "Nodiadau"),
	[UI_NO_DATA] = L("no_data", "No data for this area.",
			 "Dim data ar gyfer yr ardal hon."),
	[UI_NOT_RECORDED] = L("not_recorded", "not recorded",
			      "heb ei gofnodi"),
	[UI_NA_SYMBOL] = L("na_symbol", "n/a", "amh."),
	[UI_TOTAL_ALL] = L("total_all", "All councils", "Pob cyngor"),
	[UI_RELEASE_DATE] = L("release_date", "Release date",
			      "Dyddiad cyhoeddi"),
	[UI_STATUS] = L("status", "Status", "Statws"),
	[UI_NEXT_UPDATE] = L("next_update", "Next update",
			     "Diweddariad nesaf"),
	[UI_NEXT_UPDATE_TBC] = L("next_update_tbc", "To be confirmed",
				 "I'w gadarnhau"),
	[UI_PRODUCED_BY] = L("produced_by", "Produced by", "Cynhyrchwyd gan"),
	[UI_CONTACT] = L("contact", "Contact", "Cyswllt"),
	[UI_EMAIL] = L("email", "Email", "E-bost"),
	[UI_PHONE] = L("phone", "Telephone", "Ff\xc3\xb4n"),
	[UI_KEY_POINTS] = L("key_points", "Key points", "Prif bwyntiau"),
	[UI_KP_INTRO] = L("kp_intro", "Figures for {c}.",
			  "Ffigurau ar gyfer {c}."),
	[UI_KP_INTRO_PREV] = L("kp_intro_prev",
			       "Figures for {c}, compared with {p}.",
			       "Ffigurau ar gyfer {c}, o'u cymharu \xc3\xa2 "
			       "{p}."),
	[UI_KP_LEVEL] = L("kp_level", "{s} was {c}.", "Roedd {s} yn {c}."),
	[UI_KP_SAME] = L("kp_same", "{s} was unchanged at {c}.",
			 "Arhosodd {s} yr un fath, sef {c}."),
	[UI_KP_ROSE] = L("kp_rose", "{s} rose from {p} to {c}.",
			 "Cododd {s} o {p} i {c}."),
	[UI_KP_ROSE_BY] = L("kp_rose_by", "{s} rose from {p} to {c} (up {d}).",
			    "Cododd {s} o {p} i {c} (cynnydd o {d})."),
	[UI_KP_LESS] = L("kp_less", "less than 0.1%", "lai na 0.1%"),
	[UI_KP_FELL_BY] = L("kp_fell_by",
			    "{s} fell from {p} to {c} (down {d}).",
			    "Gostyngodd {s} o {p} i {c} (gostyngiad o {d})."),
	[UI_KP_POINTS] = L("kp_points", "{d} percentage points",
			   "{d} pwynt canran"),
	[UI_ABOUT] = L("about", "About these statistics",
		       "Am yr ystadegau hyn"),
	[UI_COVERAGE] = L("coverage", "Coverage", "Cwmpas"),
	[UI_COVERAGE_NATIONAL] =
		L("coverage_national",
		  "These figures cover every child looked after by a council "
		  "during the year, wherever the child was placed, from the "
		  "returns the councils make about the children they look "
		  "after, and every children's home on the register.",
		  "Mae'r ffigurau hyn yn cwmpasu pob plentyn a oedd yn "
		  "derbyn gofal gan gyngor yn ystod y flwyddyn, ble bynnag y "
		  "cafodd ei leoli, o'r ffurflenni y mae'r cynghorau'n eu "
		  "gwneud am y plant sy'n derbyn gofal ganddynt, a phob "
		  "cartref plant ar y gofrestr."),
	[UI_COVERAGE_COUNCIL] =
		L("coverage_council",
		  "These figures cover the children this council looked "
		  "after during the year, wherever they were placed, and the "
		  "children's homes in its area. The table of councils "
		  "compares every council.",
		  "Mae'r ffigurau hyn yn cwmpasu'r plant a oedd yn derbyn "
		  "gofal gan y cyngor hwn yn ystod y flwyddyn, ble bynnag y "
		  "cawsant eu lleoli, a'r cartrefi plant yn ei ardal. Mae "
		  "tabl y cynghorau'n cymharu pob cyngor."),
	[UI_COVERAGE_HOME] =
		L("coverage_home",
		  "These figures cover this children's home and the children "
		  "placed there during the year. A period missing counts "
		  "when it started while the child was placed there.",
		  "Mae'r ffigurau hyn yn cwmpasu'r cartref plant hwn a'r "
		  "plant a leolwyd yno yn ystod y flwyddyn. Mae cyfnod ar "
		  "goll yn cyfrif pan ddechreuodd tra oedd y plentyn wedi'i "
		  "leoli yno."),
	[UI_COVERAGE_LIVE] =
		L("coverage_live",
		  "Figures on the response to children who go missing come "
		  "from what children's homes, police forces and councils "
		  "record while a child is missing.",
		  "Daw'r ffigurau am yr ymateb i blant sy'n mynd ar goll o'r "
		  "hyn y mae cartrefi plant, heddluoedd a chynghorau'n ei "
		  "gofnodi tra bo plentyn ar goll."),
	[UI_DEFINITIONS] = L("definitions", "Definitions", "Diffiniadau"),
	[UI_DISCLOSURE] = L("disclosure", "Protecting children's privacy",
			    "Diogelu preifatrwydd plant"),
	[UI_NOTE_DISCLOSURE] =
		L("note_disclosure",
		  "To protect children's privacy, numbers of children and of "
		  "events (such as periods missing) are rounded to the "
		  "nearest 5, and numbers from 1 to 4 are not shown; 0 means "
		  "none. Percentages, rates and averages are worked out from "
		  "the rounded numbers, and are not shown when they rest on "
		  "fewer than 10 children or events, or on a number from 1 "
		  "to 4. Numbers of children's homes and registered places "
		  "come from the public register of homes and are not "
		  "rounded. Each figure is rounded on its own, so a total "
		  "may differ from the sum of the rounded figures it is made "
		  "of.",
		  "Er mwyn diogelu preifatrwydd plant, mae niferoedd y plant "
		  "a'r digwyddiadau (fel cyfnodau ar goll) wedi'u talgrynnu "
		  "i'r 5 agosaf, ac nid yw niferoedd o 1 i 4 yn cael eu "
		  "dangos; mae 0 yn golygu dim. Cyfrifir canrannau, cyfraddau "
		  "a chyfartaleddau o'r niferoedd wedi'u talgrynnu, ac nid "
		  "ydynt yn cael eu dangos pan fyddant yn seiliedig ar lai "
		  "na 10 o blant neu ddigwyddiadau, neu ar nifer o 1 i 4. "
		  "Daw niferoedd y cartrefi plant a'r lleoedd cofrestredig "
		  "o'r gofrestr gyhoeddus o gartrefi ac nid ydynt wedi'u "
		  "talgrynnu. Caiff pob ffigur ei dalgrynnu ar ei ben ei "
		  "hun, felly gall cyfanswm fod yn wahanol i swm y ffigurau "
		  "wedi'u talgrynnu y mae wedi'i wneud ohonynt."),
	[UI_NOTE_EXACT] =
		L("note_exact",
		  "These are exact figures and could identify individual "
		  "children. They are for Care Inspectorate Wales staff "
		  "only and must not be shared or published; a version with "
		  "disclosure control applied can be produced for "
		  "publication.",
		  "Ffigurau manwl gywir yw'r rhain a gallent adnabod plant "
		  "unigol. Maent ar gyfer staff Arolygiaeth Gofal Cymru yn "
		  "unig ac ni ddylid eu rhannu na'u cyhoeddi; gellir "
		  "cynhyrchu fersiwn gyda rheolaeth datgelu ar gyfer ei "
		  "chyhoeddi."),
	[UI_NOTE_CHANGES_PUBLISHED] =
		L("note_changes_published",
		  "Changes from the year before are worked out from the "
		  "published (rounded) figures of both years.",
		  "Mae newidiadau ers y flwyddyn flaenorol yn cael eu "
		  "cyfrifo o ffigurau cyhoeddedig (wedi'u talgrynnu) y ddwy "
		  "flynedd."),
	[UI_NOTE_CHANGES_EXACT] =
		L("note_changes_exact",
		  "Changes from the year before are worked out from the "
		  "exact figures of both years.",
		  "Mae newidiadau ers y flwyddyn flaenorol yn cael eu "
		  "cyfrifo o ffigurau manwl gywir y ddwy flynedd."),
	[UI_SYMBOLS] = L("symbols", "Symbols", "Symbolau"),
	[UI_NOTE_SUPPRESSED] =
		L("note_suppressed",
		  "* not shown, to protect children's privacy or because "
		  "the figure is not robust enough to publish.",
		  "* heb ei ddangos, er mwyn diogelu preifatrwydd plant neu "
		  "am nad yw'r ffigur yn ddigon cadarn i'w gyhoeddi."),
	[UI_NOTE_NAN] = L("note_nan",
			  "\xe2\x80\x93 cannot be calculated: there are no "
			  "cases.",
			  "\xe2\x80\x93 ni ellir ei gyfrifo: nid oes "
			  "achosion."),
	[UI_NOTE_NA] = L("note_na", "n/a: not applicable to this area.",
			 "amh.: amherthnasol i'r ardal hon."),
	[UI_NOTE_NOT_RECORDED] =
		L("note_not_recorded",
		  "not recorded: there is no date in the data.",
		  "heb ei gofnodi: nid oes dyddiad yn y data."),
	[UI_NOTE_DECIMALS] =
		L("note_decimals",
		  "Percentages are shown to one decimal place, periods per "
		  "child and per place to two, and means and medians to one.",
		  "Dangosir canrannau i un lle degol, cyfnodau fesul plentyn "
		  "a fesul lle i ddau, a chymedrau a chanolrifau i un."),
	[UI_SOURCES] = L("sources", "Sources", "Ffynonellau"),
	[UI_NOTE_SOURCE] =
		L("note_source",
		  "The returns councils make about the children they look "
		  "after (the SSDA903 return), the register of children's "
		  "homes, and the records children's homes, police forces "
		  "and councils keep when a child goes missing.",
		  "Y ffurflenni y mae cynghorau'n eu gwneud am y plant sy'n "
		  "derbyn gofal ganddynt (ffurflen SSDA903), y gofrestr o "
		  "gartrefi plant, a'r cofnodion y mae cartrefi plant, "
		  "heddluoedd a chynghorau'n eu cadw pan fydd plentyn yn "
		  "mynd ar goll."),
	[UI_NOTE_HELD] = L("note_held", "The data held",
			   "Roedd y data'n cynnwys"),
	[UI_NOTE_CHILDREN] = L("note_children", "children", "o blant"),
	[UI_NOTE_EPISODES] = L("note_episodes", "episodes of care",
			       "o gyfnodau gofal"),
	[UI_NOTE_MAP] =
		L("note_map",
		  "Map boundaries: Office for National Statistics, licensed "
		  "under the Open Government Licence v3.0. Contains OS data "
		  "\xc2\xa9 Crown copyright and database right.",
		  "Ffiniau'r map: Swyddfa Ystadegau Gwladol, wedi'u "
		  "trwyddedu o dan y Drwydded Llywodraeth Agored v3.0. Yn "
		  "cynnwys data'r AO \xc2\xa9 Hawlfraint y Goron a hawliau "
		  "cronfa ddata."),
	[UI_XL_INTRO] =
		L("xl_intro",
		  "This workbook contains the figures of the national review "
		  "of children's homes for {s}, {c}.",
		  "Mae'r llyfr gwaith hwn yn cynnwys ffigurau'r adolygiad "
		  "cenedlaethol o gartrefi plant ar gyfer {s}, {c}."),
	[UI_XL_ONE_TABLE] = L("xl_one_table",
			      "This worksheet contains one table.",
			      "Mae'r daflen waith hon yn cynnwys un tabl."),
	[UI_XL_NOTES_REF] =
		L("xl_notes_ref",
		  "Definitions, coverage, disclosure control and the "
		  "shorthand used in cells are explained on the Notes "
		  "worksheet.",
		  "Esbonnir diffiniadau, cwmpas, rheolaeth datgelu a'r "
		  "llaw-fer a ddefnyddir mewn celloedd ar y daflen waith "
		  "Nodiadau."),
	[UI_XL_CONTENTS_INTRO] =
		L("xl_contents_intro",
		  "This worksheet contains one table: the worksheets of this "
		  "workbook, with a link to each.",
		  "Mae'r daflen waith hon yn cynnwys un tabl: taflenni gwaith "
		  "y llyfr gwaith hwn, gyda dolen i bob un."),
	[UI_XL_NOTES_INTRO] =
		L("xl_notes_intro",
		  "This worksheet contains one table: the notes that apply "
		  "to every table of this workbook.",
		  "Mae'r daflen waith hon yn cynnwys un tabl: y nodiadau sy'n "
		  "berthnasol i bob tabl yn y llyfr gwaith hwn."),
	[UI_XL_SHEET_NAME] = L("xl_sheet_name", "Worksheet name",
			       "Enw'r daflen waith"),
	[UI_XL_SHEET_TITLE] = L("xl_sheet_title", "Worksheet title",
				"Teitl y daflen waith"),
	[UI_XL_NOTE_NUMBER] = L("xl_note_number", "Note number",
				"Rhif y nodyn"),
	[UI_XL_NOTE_TEXT] = L("xl_note_text", "Note text", "Testun y nodyn"),
	[UI_XL_NOTE] = L("xl_note", "Note", "Nodyn"),
	[UI_XL_TABLE] = L("xl_table", "Table", "Tabl"),
	[UI_XL_UNIT] = L("xl_unit", "Unit", "Uned"),
	[UI_XL_SHORTHAND] = L("xl_shorthand",
			      "Shorthand used in this workbook",
			      "Llaw-fer a ddefnyddir yn y llyfr gwaith hwn"),
	[UI_XL_C] = L("xl_c",
		      "[c] confidential: not shown, to protect children's "
		      "privacy or because the figure is not robust enough to "
		      "publish.",
		      "[c] cyfrinachol: heb ei ddangos, er mwyn diogelu "
		      "preifatrwydd plant neu am nad yw'r ffigur yn ddigon "
		      "cadarn i'w gyhoeddi."),
	[UI_XL_X] = L("xl_x",
		      "[x] not available: cannot be calculated (there are no "
		      "cases) or not recorded.",
		      "[x] ddim ar gael: ni ellir ei gyfrifo (nid oes "
		      "achosion) neu heb ei gofnodi."),
	[UI_XL_Z] = L("xl_z", "[z] not applicable to this area.",
		      "[z] amherthnasol i'r ardal hon."),
	[UI_MAP_UNAVAILABLE] =
		L("map_unavailable",
		  "The map could not be drawn: the boundary file was not "
		  "found or could not be read.",
		  "Nid oedd modd llunio'r map: ni chafwyd hyd i'r ffeil "
		  "ffiniau neu nid oedd modd ei darllen."),
	[UI_LEGEND] = L("legend", "Key", "Allwedd"),
	[UI_LEGEND_NO_DATA] = L("legend_no_data", "Suppressed or no data",
				"Wedi'i atal neu dim data"),
	[UI_LEGEND_UNDER] = L("legend_under", "Under", "Llai na"),
	[UI_LEGEND_TO_UNDER] = L("legend_to_under", "to under", "i lai na"),
	[UI_LEGEND_OR_MORE] = L("legend_or_more", "or more", "neu fwy"),
	[UI_CHART_DESC] =
		L("chart_desc",
		  "Bar chart.  The table with it gives the same figures.",
		  "Siart bar.  Mae'r tabl gydag ef yn rhoi'r un ffigurau."),
	[UI_MAP_DESC] =
		L("map_desc",
		  "Map of Wales shaded by council.  The table with it gives "
		  "the same figures.",
		  "Map o Gymru wedi'i liwio fesul cyngor.  Mae'r tabl gydag "
		  "ef yn rhoi'r un ffigurau."),
};

static const struct label recs_ui[RS_N] = {
	[RS_TITLE] = L("recs.title", "Recommendations: progress report",
		       "Argymhellion: adroddiad cynnydd"),
	[RS_AS_OF] = L("recs.as_of", "Position at", "Y sefyllfa ar"),
	[RS_INTRO] =
		L("recs.intro",
		  "What each organisation a recommendation was made to says it "
		  "has done, and whether the inspectorate accepts that it is "
		  "done.",
		  "Yr hyn y mae pob sefydliad y gwnaed argymhelliad iddo yn "
		  "dweud ei fod wedi'i wneud, ac a yw'r arolygiaeth yn derbyn "
		  "ei fod wedi'i gwblhau."),
	[RS_SUMMARY] = L("recs.summary", "Summary", "Crynodeb"),
	[RS_RECS] = L("recs.recs", "Recommendations", "Argymhellion"),
	[RS_ADDRESSEES] = L("recs.addressees",
			    "Organisations responding (one row each)",
			    "Sefydliadau sy'n ymateb (un rhes yr un)"),
	[RS_DONE] = L("recs.done", "Say they are done",
		      "Yn dweud eu bod wedi'u cwblhau"),
	[RS_ACCEPTED] = L("recs.accepted", "Done, accepted by the inspectorate",
			  "Wedi'u cwblhau, wedi'u derbyn gan yr arolygiaeth"),
	[RS_WITH_OVERDUE] = L("recs.with_overdue",
			      "With an action past its target date",
			      "Gyda cham gweithredu wedi mynd heibio i'w "
			      "ddyddiad targed"),
	[RS_OVERDUE_ACTIONS] = L("recs.overdue_actions",
				 "Actions past their target date",
				 "Camau gweithredu wedi mynd heibio i'w "
				 "dyddiad targed"),
	[RS_OLDEST_OVERDUE_ALL] = L("recs.oldest_overdue_all",
				    "Oldest target date missed",
				    "Y dyddiad targed hynaf a fethwyd"),
	[RS_CODE] = L("recs.code", "Recommendation", "Argymhelliad"),
	[RS_THEME] = L("recs.theme", "Theme", "Thema"),
	[RS_SOURCE] = L("recs.source", "Source", "Ffynhonnell"),
	[RS_MADE_ON] = L("recs.made_on", "Made on", "Fe'i gwnaed ar"),
	[RS_TEXT] = L("recs.text", "Recommendation text",
		      "Testun yr argymhelliad"),
	[RS_MADE_TIMES] = L("recs.made_times", "Made {s} times since {p}",
			    "Wedi'i wneud {s} gwaith ers {p}"),
	[RS_MADE_ONCE] = L("recs.made_once", "Made once", "Wedi'i wneud unwaith"),
	[RS_ALL_COUNCILS] = L("recs.all_councils", "Made to every council",
			      "Wedi'i wneud i bob cyngor"),
	[RS_ADDRESSEE] = L("recs.addressee", "Organisation", "Sefydliad"),
	[RS_KIND] = L("recs.kind", "Kind", "Math"),
	[RS_STATUS] = L("recs.status", "Its own status", "Ei statws ei hun"),
	[RS_VERDICT] = L("recs.verdict", "Inspectorate's verdict",
			 "Dyfarniad yr arolygiaeth"),
	[RS_LAST_UPDATE] = L("recs.last_update", "Last update",
			     "Diweddariad diwethaf"),
	[RS_ACTIONS] = L("recs.actions", "Actions", "Camau gweithredu"),
	[RS_OVERDUE] = L("recs.overdue", "Overdue actions",
			 "Camau gweithredu hwyr"),
	[RS_OLDEST_OVERDUE] = L("recs.oldest_overdue",
				"Oldest overdue target date",
				"Dyddiad targed hwyr hynaf"),
	[RS_NO_UPDATE] = L("recs.no_update", "No update yet",
			   "Dim diweddariad eto"),
	[RS_NONE] = L("recs.none", "None", "Dim"),
	[RS_NO_RECS] = L("recs.no_recs", "No recommendations are recorded.",
			 "Nid oes argymhellion wedi'u cofnodi."),
	[RS_NOTES] = L("recs.notes", "Notes", "Nodiadau"),
	[RS_NOTE_STATUS] =
		L("recs.note_status",
		  "Each organisation rates its own progress (not started, in "
		  "progress, done); the inspectorate then accepts or rejects "
		  "\"done\".",
		  "Mae pob sefydliad yn graddio ei gynnydd ei hun (heb "
		  "ddechrau, ar y gweill, wedi'i gwblhau); yna mae'r "
		  "arolygiaeth yn derbyn neu'n gwrthod \"wedi'i gwblhau\"."),
	[RS_NOTE_OVERDUE] =
		L("recs.note_overdue",
		  "An action is overdue when it is not done and its target "
		  "date is before the date of this position.",
		  "Mae cam gweithredu yn hwyr pan nad yw wedi'i wneud a bod "
		  "ei ddyddiad targed cyn dyddiad y sefyllfa hon."),
	[RS_NOTE_REPEATS] =
		L("recs.note_repeats",
		  "A recommendation made before, in an earlier review or "
		  "inspection, is counted with each earlier one it repeats.",
		  "Mae argymhelliad a wnaed o'r blaen, mewn adolygiad neu "
		  "arolygiad cynharach, yn cael ei gyfrif gyda phob un "
		  "cynharach y mae'n ei ailadrodd."),
	[RS_NOTE_DATA] =
		L("recs.note_data",
		  "This report holds organisations, dates and counts only: no "
		  "information about any child.",
		  "Mae'r adroddiad hwn yn cynnwys sefydliadau, dyddiadau a "
		  "chyfrifon yn unig: dim gwybodaeth am unrhyw blentyn."),
	[RS_KIND_INSPECTORATE] = L("recs.kind_inspectorate", "Inspectorate",
				   "Arolygiaeth"),
	[RS_KIND_COUNCIL] = L("recs.kind_council", "Council", "Cyngor"),
	[RS_KIND_PROVIDER] = L("recs.kind_provider", "Provider", "Darparwr"),
	[RS_KIND_POLICE] = L("recs.kind_police", "Police force", "Heddlu"),
	[RS_KIND_HEALTH_BOARD] = L("recs.kind_health_board", "Health board",
				   "Bwrdd iechyd"),
	[RS_SHEET_SUMMARY] = L("recs.sheet_summary", "Summary", "Crynodeb"),
	[RS_SHEET_RECS] = L("recs.sheet_recs", "Recommendations",
			    "Argymhellion"),
	[RS_SHEET_ADDRESSEES] = L("recs.sheet_addressees", "Progress",
				  "Cynnydd"),
};

static const struct label figs[FIG_N] = {
	[FIG_HOMES_OPEN] = L("places.homes_open",
			     "Children's homes open at 31 March",
			     "Cartrefi plant ar agor ar 31 Mawrth"),
	[FIG_PLACES] = L("places.places",
			 "Registered places in children's homes",
			 "Lleoedd cofrestredig mewn cartrefi plant"),
	[FIG_PLACES_LA] = L("places.places_la",
			    "Places in local authority homes",
			    "Lleoedd mewn cartrefi awdurdodau lleol"),
	[FIG_PLACES_PRIVATE] = L("places.places_private",
				 "Places in private homes",
				 "Lleoedd mewn cartrefi preifat"),
	[FIG_PLACES_VOLUNTARY] = L("places.places_voluntary",
				   "Places in voluntary sector homes",
				   "Lleoedd mewn cartrefi'r sector "
				   "gwirfoddol"),
	[FIG_IN_HOMES] = L("places.children_in_homes",
			   "Children in children's homes at 31 March",
			   "Plant mewn cartrefi plant ar 31 Mawrth"),
	[FIG_IN_SECURE] = L("places.children_in_secure",
			    "Children in secure children's homes at 31 March",
			    "Plant mewn cartrefi plant diogel ar 31 Mawrth"),
	[FIG_IN_HOMES_OUTSIDE_COUNCIL] =
		L("places.in_homes_outside_council",
		  "Children in children's homes at 31 March placed outside "
		  "their council",
		  "Plant mewn cartrefi plant ar 31 Mawrth a leolwyd y tu allan "
		  "i'w cyngor"),
	[FIG_PLACED_OUTSIDE_COUNCIL] =
		L("places.placed_outside_council",
		  "Children looked after at 31 March placed outside their "
		  "council",
		  "Plant sy'n derbyn gofal ar 31 Mawrth a leolwyd y tu allan "
		  "i'w cyngor"),
	[FIG_PLACED_OUTSIDE_WALES] =
		L("places.placed_outside_wales",
		  "Children looked after at 31 March placed outside Wales",
		  "Plant sy'n derbyn gofal ar 31 Mawrth a leolwyd y tu allan "
		  "i Gymru"),
	[FIG_CLA_31MAR] = L("stability.looked_after_31_march",
			    "Children looked after at 31 March",
			    "Plant sy'n derbyn gofal ar 31 Mawrth"),
	[FIG_LOOKED_AFTER_YEAR] =
		L("stability.looked_after_during_year",
		  "Children looked after at any time during the year",
		  "Plant a fu'n derbyn gofal ar unrhyw adeg yn ystod y "
		  "flwyddyn"),
	[FIG_PLACEMENTS_3PLUS] =
		L("stability.three_or_more_placements",
		  "Children looked after at 31 March with three or more "
		  "placements during the year",
		  "Plant sy'n derbyn gofal ar 31 Mawrth a gafodd dri lleoliad "
		  "neu fwy yn ystod y flwyddyn"),
	[FIG_MOVES_CARER] = L("stability.moves_with_change_of_carer",
			      "Placement moves with a change of carer",
			      "Symudiadau lleoliad gyda newid gofalwr"),
	[FIG_PLACEMENT_ENDINGS] = L("stability.placement_endings",
				    "Placements that ended during the year",
				    "Lleoliadau a ddaeth i ben yn ystod y "
				    "flwyddyn"),
	[FIG_LONG_TERM_STABILITY] =
		L("stability.long_term",
		  "Long-term stability: children in the same placement for at "
		  "least 2 years",
		  "Sefydlogrwydd tymor hir: plant a fu yn yr un lleoliad am o "
		  "leiaf 2 flynedd"),
	[FIG_MISSING_CHILDREN] = L("missing.children",
				   "Children who went missing",
				   "Plant a aeth ar goll"),
	[FIG_MISSING_PERIODS] = L("missing.periods",
				  "Periods missing from care",
				  "Cyfnodau ar goll o ofal"),
	[FIG_MISSING_PER_CHILD] =
		L("missing.periods_per_child",
		  "Periods missing per child who went missing",
		  "Cyfnodau ar goll fesul plentyn a aeth ar goll"),
	[FIG_MISSING_PCT] = L("missing.percent_of_looked_after",
			      "Looked after children who went missing",
			      "Plant sy'n derbyn gofal a aeth ar goll"),
	[FIG_MISSING_REPEAT] =
		L("missing.repeat_children",
		  "Children who went missing three or more times",
		  "Plant a aeth ar goll dair gwaith neu fwy"),
	[FIG_MISSING_MEDIAN_DAYS] =
		L("missing.median_days",
		  "Median length of a period missing (days)",
		  "Hyd canolrifol cyfnod ar goll (diwrnodau)"),
	[FIG_MISSING_MEAN_DAYS] =
		L("missing.mean_days",
		  "Mean length of a period missing (days)",
		  "Hyd cymedrig cyfnod ar goll (diwrnodau)"),
	[FIG_MISSING_OPEN] = L("missing.open_at_year_end",
			       "Periods missing still open at 31 March",
			       "Cyfnodau ar goll a oedd heb ddod i ben ar 31 "
			       "Mawrth"),
	[FIG_MISSING_CHILDREN_HOME] =
		L("missing.children_from_homes",
		  "Children who went missing from a children's home",
		  "Plant a aeth ar goll o gartref plant"),
	[FIG_MISSING_PERIODS_HOME] =
		L("missing.periods_from_homes",
		  "Periods missing from children's homes",
		  "Cyfnodau ar goll o gartrefi plant"),
	[FIG_MISSING_CHILDREN_OTHER] =
		L("missing.children_from_other",
		  "Children who went missing from other placements",
		  "Plant a aeth ar goll o leoliadau eraill"),
	[FIG_MISSING_PERIODS_OTHER] =
		L("missing.periods_from_other",
		  "Periods missing from other placements",
		  "Cyfnodau ar goll o leoliadau eraill"),
	[FIG_MISSING_PERIODS_CHANGE] =
		L("missing.periods_change_on_2_years_ago",
		  "Change in periods missing since two years earlier",
		  "Newid yn nifer y cyfnodau ar goll ers dwy flynedd "
		  "ynghynt"),
	[FIG_AWAY_CHILDREN] =
		L("away.children",
		  "Children away from placement without authorisation",
		  "Plant i ffwrdd o'u lleoliad heb ganiat\xc3\xa2""d"),
	[FIG_AWAY_PERIODS] =
		L("away.periods",
		  "Periods away from placement without authorisation",
		  "Cyfnodau i ffwrdd o'r lleoliad heb ganiat\xc3\xa2""d"),
	[FIG_DIST_OVER_20] =
		L("distance.over_20_miles",
		  "Children looked after at 31 March placed more than 20 miles "
		  "from home",
		  "Plant sy'n derbyn gofal ar 31 Mawrth a leolwyd fwy nag 20 "
		  "milltir o'u cartref"),
	[FIG_DIST_OVER_20_HOMES] =
		L("distance.over_20_miles_children_in_homes",
		  "Children in children's homes at 31 March placed more than "
		  "20 miles from home",
		  "Plant mewn cartrefi plant ar 31 Mawrth a leolwyd fwy nag 20 "
		  "milltir o'u cartref"),
	[FIG_DIST_UNKNOWN] =
		L("distance.unknown",
		  "Children looked after at 31 March whose distance from home "
		  "is not known",
		  "Plant sy'n derbyn gofal ar 31 Mawrth nad yw eu pellter o'u "
		  "cartref yn hysbys"),
	[FIG_DIST_MEDIAN] = L("distance.median_miles",
			      "Median distance from home (miles)",
			      "Pellter canolrifol o'r cartref (milltiroedd)"),
	[FIG_OC2_COHORT] =
		L("outcomes.cohort",
		  "Children looked after for at least 12 months at 31 March "
		  "(the outcomes cohort)",
		  "Plant a fu'n derbyn gofal am o leiaf 12 mis ar 31 Mawrth "
		  "(y garfan canlyniadau)"),
	[FIG_SDQ_RECORDED] =
		L("outcomes.sdq_recorded",
		  "With a Strengths and Difficulties Questionnaire (SDQ) "
		  "score",
		  "Gyda sg\xc3\xb4r Holiadur Cryfderau ac Anawsterau (SDQ)"),
	[FIG_SDQ_MEAN] = L("outcomes.sdq_mean", "Mean SDQ score",
			   "Sg\xc3\xb4r SDQ cymedrig"),
	[FIG_SDQ_CONCERN] =
		L("outcomes.sdq_17_or_more",
		  "With an SDQ score of 17 or more (a cause for concern)",
		  "Gyda sg\xc3\xb4r SDQ o 17 neu fwy (achos pryder)"),
	[FIG_CONVICTED] =
		L("outcomes.convicted",
		  "Convicted, or given a final warning or reprimand",
		  "Wedi'u cael yn euog, neu wedi cael rhybudd terfynol neu "
		  "gerydd"),
	[FIG_SUBSTANCE_MISUSE] =
		L("outcomes.substance_misuse",
		  "Identified as having a substance misuse problem",
		  "Wedi'u nodi fel rhai \xc3\xa2 phroblem camddefnyddio "
		  "sylweddau"),
	[FIG_HEALTH_CHECK] = L("outcomes.health_check",
			       "Health assessment up to date",
			       "Asesiad iechyd yn gyfredol"),
	[FIG_TEETH_CHECK] = L("outcomes.teeth_check",
			      "Teeth checked by a dentist",
			      "Dannedd wedi'u harchwilio gan ddeintydd"),
	[FIG_RESP_RETURNS] =
		L("missing_response.returns",
		  "Returns from missing episodes (recorded live)",
		  "Dychweliadau o gyfnodau ar goll (wedi'u cofnodi'n fyw)"),
	[FIG_RESP_RI_72H] =
		L("missing_response.return_interview_within_72_hours",
		  "Returns with a return interview held within 72 hours",
		  "Dychweliadau gyda chyfweliad dychwelyd wedi'i gynnal o "
		  "fewn 72 awr"),
	[FIG_RESP_RI_DECLINED] =
		L("missing_response.return_interviews_declined",
		  "Return interviews declined by the child",
		  "Cyfweliadau dychwelyd a wrthodwyd gan y plentyn"),
	[FIG_RESP_REPEAT] =
		L("missing_response.repeat_missing_children",
		  "Children who went missing three or more times (live and "
		  "SSDA903 records)",
		  "Plant a aeth ar goll dair gwaith neu fwy (cofnodion byw "
		  "ac SSDA903)"),
	[FIG_RESP_MEETINGS_PER_REPEAT] =
		L("missing_response.strategy_meetings_per_repeat_child",
		  "Strategy meetings per child who went missing three or "
		  "more times",
		  "Cyfarfodydd strategaeth fesul plentyn a aeth ar goll dair "
		  "gwaith neu fwy"),
	[FIG_RESP_REPEAT_NO_MEETING] =
		L("missing_response.repeat_children_without_meeting",
		  "Children who went missing three or more times with no "
		  "strategy meeting",
		  "Plant a aeth ar goll dair gwaith neu fwy heb gyfarfod "
		  "strategaeth"),
	[FIG_RESP_ARRESTED] =
		L("missing_response.arrested_or_charged",
		  "Children arrested or charged during or after a missing "
		  "episode",
		  "Plant a gafodd eu harestio neu eu cyhuddo yn ystod neu ar "
		  "\xc3\xb4l cyfnod ar goll"),
	[FIG_RESP_ARRESTED_PCT] =
		L("missing_response.arrested_or_charged_percent",
		  "Children who returned from going missing and were "
		  "arrested or charged",
		  "Plant a ddychwelodd ar \xc3\xb4l mynd ar goll ac a gafodd "
		  "eu harestio neu eu cyhuddo"),
	[FIG_RESP_ALERTS] = L("missing_response.alerts_raised",
			      "Alerts raised", "Rhybuddion a godwyd"),
	[FIG_RESP_ACK_MEDIAN] =
		L("missing_response.median_hours_to_acknowledge",
		  "Median time to acknowledge an alert (hours)",
		  "Amser canolrifol i gydnabod rhybudd (oriau)"),
	[FIG_RESP_UNACKED] =
		L("missing_response.alerts_unacknowledged",
		  "Alerts not acknowledged",
		  "Rhybuddion heb eu cydnabod"),
	[FIG_QUAL_HOMES_RATED] =
		L("quality.homes_rated",
		  "Homes open at 31 March with a rating from an inspection",
		  "Cartrefi ar agor ar 31 Mawrth \xc3\xa2 sg\xc3\xb4r o "
		  "arolygiad"),
	[FIG_QUAL_HOMES_OPEN_NOTICE] =
		L("quality.homes_with_open_notice",
		  "Homes with a Priority Action Notice not yet met at 31 March",
		  "Cartrefi \xc3\xa2 Hysbysiad Camau Blaenoriaeth heb ei "
		  "fodloni ar 31 Mawrth"),
	[FIG_QUAL_NOTICE_MEDIAN_DAYS] =
		L("quality.median_days_to_meet_notice",
		  "Median days from inspection to a Priority Action Notice "
		  "judged met",
		  "Diwrnodau canolrifol o'r arolygiad i fodloni Hysbysiad "
		  "Camau Blaenoriaeth"),
	[FIG_QUAL_MISSING_PER_PLACE_GOOD] =
		L("quality.missing_per_place_good_homes",
		  "Periods missing per place, homes rated Excellent or Good",
		  "Cyfnodau ar goll fesul lle, cartrefi \xc3\xa2 sg\xc3\xb4r "
		  "Rhagorol neu Da"),
	[FIG_QUAL_MISSING_PER_PLACE_POOR] =
		L("quality.missing_per_place_poor_homes",
		  "Periods missing per place, homes rated Needs improvement or "
		  "Poor",
		  "Cyfnodau ar goll fesul lle, cartrefi \xc3\xa2 sg\xc3\xb4r "
		  "Angen gwella neu Gwael"),
	[FIG_QUAL_PLACEMENTS3_GOOD] =
		L("quality.three_or_more_placements_good_homes",
		  "Children with three or more placements in the year, of "
		  "those placed in homes rated Excellent or Good",
		  "Plant \xc3\xa2 thri lleoliad neu fwy yn y flwyddyn, o'r "
		  "rhai a leolwyd mewn cartrefi \xc3\xa2 sg\xc3\xb4r "
		  "Rhagorol neu Da"),
	[FIG_QUAL_PLACEMENTS3_POOR] =
		L("quality.three_or_more_placements_poor_homes",
		  "Children with three or more placements in the year, of "
		  "those placed in homes rated Needs improvement or Poor",
		  "Plant \xc3\xa2 thri lleoliad neu fwy yn y flwyddyn, o'r "
		  "rhai a leolwyd mewn cartrefi \xc3\xa2 sg\xc3\xb4r Angen "
		  "gwella neu Gwael"),
};

static const struct label groups[GROUP_NGROUPS] = {
	[GROUP_PLACES] = L("places", "Homes and places",
			   "Cartrefi a lleoedd"),
	[GROUP_STABILITY] = L("stability", "Placement stability",
			      "Sefydlogrwydd lleoliadau"),
	[GROUP_MISSING] = L("missing", "Going missing from care",
			    "Mynd ar goll o ofal"),
	[GROUP_DISTANCE] = L("distance", "Distance from home",
			     "Pellter o'r cartref"),
	[GROUP_OUTCOMES] = L("outcomes", "Outcomes for children",
			     "Canlyniadau i blant"),
	[GROUP_RESPONSE] = L("missing_response",
			     "The response to children who go missing",
			     "Yr ymateb i blant sy'n mynd ar goll"),
	[GROUP_QUALITY] = L("quality", "Quality of care", "Ansawdd gofal"),
};

static const struct label sheets[SHEET_N] = {
	[SHEET_COVER] = L("cover", "Cover", "Clawr"),
	[SHEET_CONTENTS] = L("contents", "Contents", "Cynnwys"),
	[SHEET_NOTES] = L("notes", "Notes", "Nodiadau"),
	[SHEET_TABLE] = L("table", "Table_", "Tabl_"),
};

static const struct label def_terms[DEF_N] = {
	[DEF_YEAR] = L("year", "Reporting year", "Blwyddyn adrodd"),
	[DEF_LOOKED_AFTER] = L("looked_after", "Looked after child",
			       "Plentyn sy'n derbyn gofal"),
	[DEF_HOME] = L("home", "Children's home", "Cartref plant"),
	[DEF_PLACEMENT] = L("placement", "Placement", "Lleoliad"),
	[DEF_MISSING] = L("missing", "Missing", "Ar goll"),
	[DEF_AWAY] = L("away", "Away without authorisation",
		       "I ffwrdd heb ganiat\xc3\xa2""d"),
	[DEF_DISTANCE] = L("distance", "Distance from home",
			   "Pellter o'r cartref"),
	[DEF_OUTCOMES] = L("outcomes", "Outcomes", "Canlyniadau"),
	[DEF_RETURN_INTERVIEW] = L("return_interview", "Return interview",
				   "Cyfweliad dychwelyd"),
	[DEF_STRATEGY_MEETING] = L("strategy_meeting", "Strategy meeting",
				   "Cyfarfod strategaeth"),
};

static const struct label def_texts[DEF_N] = {
	[DEF_YEAR] = L("year",
		       "The year from 1 April to 31 March. Figures \"at 31 "
		       "March\" are for the last day of the year.",
		       "Y flwyddyn o 1 Ebrill i 31 Mawrth. Mae ffigurau \"ar "
		       "31 Mawrth\" ar gyfer diwrnod olaf y flwyddyn."),
	[DEF_LOOKED_AFTER] =
		L("looked_after",
		  "A child in the care of a council, or given accommodation "
		  "by it, for more than 24 hours. Children who only have "
		  "short breaks are not counted.",
		  "Plentyn sydd yng ngofal cyngor, neu y mae'r cyngor yn "
		  "darparu llety iddo, am fwy na 24 awr. Nid yw plant sydd "
		  "ond yn cael seibiannau byr yn cael eu cyfrif."),
	[DEF_HOME] = L("home",
		       "A home registered with Care Inspectorate Wales to "
		       "look after children. A secure children's home may "
		       "also restrict a child's liberty.",
		       "Cartref sydd wedi'i gofrestru gydag Arolygiaeth Gofal "
		       "Cymru i ofalu am blant. Gall cartref plant diogel "
		       "hefyd gyfyngu ar ryddid plentyn."),
	[DEF_PLACEMENT] =
		L("placement",
		  "Where a looked after child lives. A child who moves to a "
		  "different carer or home starts a new placement.",
		  "Lle mae plentyn sy'n derbyn gofal yn byw. Mae plentyn sy'n "
		  "symud at ofalwr neu gartref gwahanol yn dechrau lleoliad "
		  "newydd."),
	[DEF_MISSING] =
		L("missing",
		  "A child is missing when they are not where they are "
		  "expected to be and no one knows where they are. A period "
		  "missing belongs to the year in which it started.",
		  "Mae plentyn ar goll pan nad yw lle y disgwylir iddo fod ac "
		  "nad oes neb yn gwybod ble mae. Mae cyfnod ar goll yn "
		  "perthyn i'r flwyddyn y dechreuodd ynddi."),
	[DEF_AWAY] = L("away",
		       "A child who is not where they are expected to be, "
		       "but whose whereabouts are known.",
		       "Plentyn nad yw lle y disgwylir iddo fod, ond y "
		       "gwyddys ble mae."),
	[DEF_DISTANCE] =
		L("distance",
		  "The straight-line distance in miles between the child's "
		  "home address and the placement. Children whose distance "
		  "is not known are counted apart.",
		  "Y pellter mewn llinell syth, mewn milltiroedd, rhwng "
		  "cyfeiriad cartref y plentyn a'r lleoliad. Caiff plant nad "
		  "yw eu pellter yn hysbys eu cyfrif ar wah\xc3\xa2n."),
	[DEF_OUTCOMES] =
		L("outcomes",
		  "For children looked after for at least 12 months at 31 "
		  "March. The Strengths and Difficulties Questionnaire (SDQ) "
		  "gives a score from 0 to 40; a score of 17 or more is a "
		  "cause for concern.",
		  "Ar gyfer plant a fu'n derbyn gofal am o leiaf 12 mis ar 31 "
		  "Mawrth. Mae'r Holiadur Cryfderau ac Anawsterau (SDQ) yn "
		  "rhoi sg\xc3\xb4r o 0 i 40; mae sg\xc3\xb4r o 17 neu fwy yn "
		  "achos pryder."),
	[DEF_RETURN_INTERVIEW] =
		L("return_interview",
		  "A conversation with a child after they come back from "
		  "going missing, to be held within 72 hours of their "
		  "return.",
		  "Sgwrs gyda phlentyn ar \xc3\xb4l iddo ddod yn \xc3\xb4l o "
		  "fod ar goll, i'w chynnal o fewn 72 awr i'w ddychweliad."),
	[DEF_STRATEGY_MEETING] =
		L("strategy_meeting",
		  "A meeting of the council, the police and others about a "
		  "child who goes missing again and again (three or more "
		  "times in the year).",
		  "Cyfarfod o'r cyngor, yr heddlu ac eraill am blentyn sy'n "
		  "mynd ar goll dro ar \xc3\xb4l tro (tair gwaith neu fwy yn y "
		  "flwyddyn)."),
};

static const struct label statuses[REPORT_STATUS_N] = {
	[REPORT_STATUS_MANAGEMENT] = L("management_information",
				       "Management information",
				       "Gwybodaeth reoli"),
	[REPORT_STATUS_IN_DEVELOPMENT] =
		L("official_statistics_in_development",
		  "Official statistics in development",
		  "Ystadegau swyddogol sy'n cael eu datblygu"),
	[REPORT_STATUS_OFFICIAL] = L("official_statistics",
				     "Official statistics",
				     "Ystadegau swyddogol"),
	[REPORT_STATUS_ACCREDITED] = L("accredited_official_statistics",
				       "Accredited official statistics",
				       "Ystadegau swyddogol achrededig"),
};

static const struct label status_notes[REPORT_STATUS_N] = {
	[REPORT_STATUS_MANAGEMENT] =
		L("management_information",
		  "These figures are management information: they come from "
		  "operational records and are not official statistics.",
		  "Gwybodaeth reoli yw'r ffigurau hyn: maent yn dod o "
		  "gofnodion gweithredol ac nid ydynt yn ystadegau "
		  "swyddogol."),
	[REPORT_STATUS_IN_DEVELOPMENT] =
		L("official_statistics_in_development",
		  "These are official statistics in development: new "
		  "statistics that are still being developed and tested with "
		  "the people who use them.",
		  "Ystadegau swyddogol sy'n cael eu datblygu yw'r rhain: "
		  "ystadegau newydd sy'n dal i gael eu datblygu a'u profi "
		  "gyda'r bobl sy'n eu defnyddio."),
	[REPORT_STATUS_OFFICIAL] =
		L("official_statistics",
		  "These are official statistics, produced under the Code of "
		  "Practice for Statistics.",
		  "Ystadegau swyddogol yw'r rhain, a gynhyrchwyd o dan y Cod "
		  "Ymarfer ar gyfer Ystadegau."),
	[REPORT_STATUS_ACCREDITED] =
		L("accredited_official_statistics",
		  "These are accredited official statistics: the Office for "
		  "Statistics Regulation has found that they meet the "
		  "highest standards of trustworthiness, quality and value.",
		  "Ystadegau swyddogol achrededig yw'r rhain: mae'r Swyddfa "
		  "Rheoleiddio Ystadegau wedi canfod eu bod yn bodloni'r "
		  "safonau uchaf o ran dibynadwyedd, ansawdd a gwerth."),
};

/* By enum fig_kind. */
static const struct label units[] = {
	[FIG_COUNT] = L("count", "Number", "Nifer"),
	[FIG_PERCENT] = L("percent", "Percentage", "Canran"),
	[FIG_RATIO] = L("ratio", "Ratio", "Cymhareb"),
	[FIG_MEAN] = L("mean", "Mean", "Cymedr"),
	[FIG_MEDIAN] = L("median", "Median", "Canolrif"),
	[FIG_DATE] = L("date", "Date", "Dyddiad"),
};

/*
 * The subjects of key points, by figure key.  English starts a sentence;
 * Welsh follows its verb ("Cododd nifer y plant ...").
 */
static const struct label key_subjects[] = {
	L("stability.looked_after_31_march",
	  "The number of children looked after at 31 March",
	  "nifer y plant sy'n derbyn gofal ar 31 Mawrth"),
	L("places.children_in_homes",
	  "The number of children in children's homes at 31 March",
	  "nifer y plant mewn cartrefi plant ar 31 Mawrth"),
	L("places.homes_open",
	  "The number of children's homes open at 31 March",
	  "nifer y cartrefi plant a oedd ar agor ar 31 Mawrth"),
	L("places.places",
	  "The number of registered places in children's homes",
	  "nifer y lleoedd cofrestredig mewn cartrefi plant"),
	L("missing.children", "The number of children who went missing",
	  "nifer y plant a aeth ar goll"),
	L("missing.periods", "The number of periods missing from care",
	  "nifer y cyfnodau ar goll o ofal"),
	L("stability.three_or_more_placements",
	  "The percentage of children looked after at 31 March who had "
	  "three or more placements during the year",
	  "canran y plant sy'n derbyn gofal ar 31 Mawrth a gafodd dri "
	  "lleoliad neu fwy yn ystod y flwyddyn"),
	L("distance.over_20_miles",
	  "The percentage of children looked after at 31 March placed more "
	  "than 20 miles from home",
	  "canran y plant sy'n derbyn gofal ar 31 Mawrth a leolwyd fwy nag "
	  "20 milltir o'u cartref"),
};

static const struct label tables[TAB_N] = {
	[TAB_COUNCILS] = L("councils", "Children and places by council",
			   "Plant a lleoedd fesul cyngor"),
	[TAB_PROVIDER_TYPES] = L("provider_types",
				 "Children's homes by type of provider",
				 "Cartrefi plant yn \xc3\xb4l math o "
				 "ddarparwr"),
	[TAB_HOMES] = L("homes", "Figures for each children's home",
			"Ffigurau ar gyfer pob cartref plant"),
	[TAB_PLACEMENTS] =
		L("placements",
		  "Children looked after at 31 March by number of placements "
		  "during the year",
		  "Plant sy'n derbyn gofal ar 31 Mawrth yn \xc3\xb4l nifer y "
		  "lleoliadau yn ystod y flwyddyn"),
	[TAB_ENDINGS] = L("endings",
			  "Placements that ended during the year, by reason",
			  "Lleoliadau a ddaeth i ben yn ystod y flwyddyn, yn "
			  "\xc3\xb4l rheswm"),
	[TAB_MISSING_TREND] =
		L("missing_trend",
		  "Periods missing from care by year and placement type",
		  "Cyfnodau ar goll o ofal yn \xc3\xb4l blwyddyn a math o "
		  "leoliad"),
	[TAB_MISSING_DURATION] =
		L("missing_duration", "Periods missing from care by length",
		  "Cyfnodau ar goll o ofal yn \xc3\xb4l hyd"),
	[TAB_DISTANCE] =
		L("distance", "Children placed, by distance from home",
		  "Plant a leolwyd, yn \xc3\xb4l pellter o'u cartref"),
	[TAB_OUTCOMES] =
		L("outcomes",
		  "Outcomes for children looked after for at least 12 months",
		  "Canlyniadau i blant a fu'n derbyn gofal am o leiaf 12 "
		  "mis"),
	[TAB_QUALITY_RATINGS] =
		L("quality_ratings",
		  "Children's homes by latest rating of each theme at 31 March",
		  "Cartrefi plant yn \xc3\xb4l sg\xc3\xb4r diweddaraf pob "
		  "thema ar 31 Mawrth"),
	[TAB_QUALITY_REGULATIONS] =
		L("quality_regulations",
		  "Findings of inspections during the year, by regulation",
		  "Canfyddiadau arolygiadau yn ystod y flwyddyn, yn "
		  "\xc3\xb4l rheoliad"),
	[TAB_QUALITY_BANDS] =
		L("quality_bands",
		  "Going missing and placement moves by the home's rating",
		  "Mynd ar goll a symud lleoliad yn \xc3\xb4l sg\xc3\xb4r y "
		  "cartref"),
};

/* The heading of each table's first column. */
static const struct label row_heads[TAB_N] = {
	[TAB_COUNCILS] = L("councils", "Council", "Cyngor"),
	[TAB_PROVIDER_TYPES] = L("provider_types", "Type of provider",
				 "Math o ddarparwr"),
	[TAB_HOMES] = L("homes", "Children's home", "Cartref plant"),
	[TAB_PLACEMENTS] = L("placements", "Placements during the year",
			     "Lleoliadau yn ystod y flwyddyn"),
	[TAB_ENDINGS] = L("endings", "Reason the placement ended",
			  "Rheswm dros ddod \xc3\xa2'r lleoliad i ben"),
	[TAB_MISSING_TREND] = L("missing_trend", "Reporting year",
				"Blwyddyn adrodd"),
	[TAB_MISSING_DURATION] = L("missing_duration",
				   "Length of period missing",
				   "Hyd y cyfnod ar goll"),
	[TAB_DISTANCE] = L("distance", "Distance from home",
			   "Pellter o'r cartref"),
	[TAB_OUTCOMES] = L("outcomes", "Measure", "Mesur"),
	[TAB_QUALITY_RATINGS] = L("quality_ratings", "Area and theme",
				  "Ardal a thema"),
	[TAB_QUALITY_REGULATIONS] = L("quality_regulations", "Regulation",
				      "Rheoliad"),
	[TAB_QUALITY_BANDS] = L("quality_bands",
				"Home's worst theme rating",
				"Sg\xc3\xb4r thema waethaf y cartref"),
};

static const struct label charts[CHART_N] = {
	[CHART_COUNCIL_PLACES] =
		L("council_places",
		  "Places and children in children's homes by council",
		  "Lleoedd a phlant mewn cartrefi plant fesul cyngor"),
	[CHART_MISSING_MAP] =
		L("missing_map",
		  "Looked after children who went missing (%), by council",
		  "Plant sy'n derbyn gofal a aeth ar goll (%), fesul cyngor"),
	[CHART_DISTANCE] =
		L("distance",
		  "Children placed, by distance from home: percentage of "
		  "all children placed and of children in children's homes",
		  "Plant a leolwyd, yn \xc3\xb4l pellter o'u cartref: canran "
		  "yr holl blant a leolwyd a'r plant mewn cartrefi plant"),
};

/* Columns: per table first, then these shared ones. */
static const struct label cols_common[] = {
	L("places", "Places", "Lleoedd"),
	L("homes_open", "Homes open", "Cartrefi ar agor"),
	L("children_placed", "Children placed", "Plant a leolwyd"),
	L("missing_periods", "Periods missing", "Cyfnodau ar goll"),
	L("missing_children", "Children who went missing",
	  "Plant a aeth ar goll"),
	L("missing_per_place", "Periods missing per place",
	  "Cyfnodau ar goll fesul lle"),
	L("children_in_homes", "Children in children's homes",
	  "Plant mewn cartrefi plant"),
	L("return_interview_within_72_hours",
	  "Return interviews within 72 hours",
	  "Cyfweliadau dychwelyd o fewn 72 awr"),
	L("strategy_meetings_per_repeat_child",
	  "Strategy meetings per repeat missing child",
	  "Cyfarfodydd strategaeth fesul plentyn sy'n mynd ar goll dro ar "
	  "\xc3\xb4l tro"),
	L("median_hours_to_acknowledge",
	  "Median hours to acknowledge an alert",
	  "Oriau canolrifol i gydnabod rhybudd"),
	L("arrested_or_charged", "Children arrested or charged",
	  "Plant a gafodd eu harestio neu eu cyhuddo"),
};

static const struct label cols_councils[] = {
	L("looked_after_31_march", "Looked after at 31 March",
	  "Yn derbyn gofal ar 31 Mawrth"),
	L("missing_percent", "Looked after children who went missing",
	  "Plant sy'n derbyn gofal a aeth ar goll"),
	L("three_or_more_placements", "Three or more placements",
	  "Tri lleoliad neu fwy"),
	L("over_20_miles", "Placed more than 20 miles away",
	  "Wedi'u lleoli fwy nag 20 milltir i ffwrdd"),
};

static const struct label cols_homes[] = {
	L("moves_out", "Moves out", "Symudiadau allan"),
	L("last_inspection", "Last inspection", "Arolygiad diwethaf"),
};

static const struct label cols_quality_ratings[] = {
	L("homes", "Homes open", "Cartrefi ar agor"),
	L("rated", "Homes rated", "Cartrefi \xc3\xa2 sg\xc3\xb4r"),
	L("excellent", "Excellent", "Rhagorol"),
	L("excellent_percent", "Excellent (%)", "Rhagorol (%)"),
	L("good", "Good", "Da"),
	L("good_percent", "Good (%)", "Da (%)"),
	L("needs_improvement", "Needs improvement", "Angen gwella"),
	L("needs_improvement_percent", "Needs improvement (%)",
	  "Angen gwella (%)"),
	L("poor", "Poor", "Gwael"),
	L("poor_percent", "Poor (%)", "Gwael (%)"),
};

static const struct label cols_quality_regulations[] = {
	L("areas_for_improvement", "Areas for improvement",
	  "Meysydd i'w gwella"),
	L("priority_action_notices", "Priority Action Notices",
	  "Hysbysiadau Camau Blaenoriaeth"),
	L("findings", "All findings", "Pob canfyddiad"),
	L("outstanding", "Not met at 31 March",
	  "Heb eu bodloni ar 31 Mawrth"),
};

static const struct label cols_quality_bands[] = {
	L("homes", "Homes", "Cartrefi"),
	L("three_or_more_placements",
	  "Children placed with three or more placements in the year (%)",
	  "Plant a leolwyd \xc3\xa2 thri lleoliad neu fwy yn y flwyddyn "
	  "(%)"),
};

static const struct label rows_quality_bands[] = {
	L("excellent_good", "Excellent or Good", "Rhagorol neu Da"),
	L("needs_improvement_poor", "Needs improvement or Poor",
	  "Angen gwella neu Gwael"),
	L("not_rated", "Not yet rated", "Heb gael sg\xc3\xb4r eto"),
};

static const struct label cols_placements[] = {
	L("children", "Children", "Plant"),
};

static const struct label cols_endings[] = {
	L("endings", "Placements ended", "Lleoliadau a ddaeth i ben"),
};

static const struct label cols_missing_trend[] = {
	L("periods_home", "Periods missing from children's homes",
	  "Cyfnodau ar goll o gartrefi plant"),
	L("periods_other", "Periods missing from other placements",
	  "Cyfnodau ar goll o leoliadau eraill"),
	L("children_home", "Children missing from children's homes",
	  "Plant ar goll o gartrefi plant"),
	L("children_other", "Children missing from other placements",
	  "Plant ar goll o leoliadau eraill"),
	L("away_periods", "Periods away without authorisation",
	  "Cyfnodau i ffwrdd heb ganiat\xc3\xa2""d"),
};

static const struct label cols_missing_duration[] = {
	L("home", "From children's homes", "O gartrefi plant"),
	L("other", "From other placements", "O leoliadau eraill"),
};

static const struct label cols_distance[] = {
	L("all", "All children placed", "Pob plentyn a leolwyd"),
	L("children_homes", "Children in children's homes",
	  "Plant mewn cartrefi plant"),
	L("all_percent", "All children placed (%)",
	  "Pob plentyn a leolwyd (%)"),
	L("children_homes_percent", "Children in children's homes (%)",
	  "Plant mewn cartrefi plant (%)"),
};

static const struct label cols_outcomes[] = {
	L("all", "All children", "Pob plentyn"),
	L("children_homes", "In children's homes", "Mewn cartrefi plant"),
	L("other", "In other placements", "Mewn lleoliadau eraill"),
};

static const struct label rows_provider_types[] = {
	L("la", "Local authority", "Awdurdod lleol"),
	L("private", "Private", "Preifat"),
	L("voluntary", "Voluntary", "Gwirfoddol"),
};

static const struct label rows_placements[] = {
	L("1", "One placement", "Un lleoliad"),
	L("2", "Two placements", "Dau leoliad"),
	L("3", "Three placements", "Tri lleoliad"),
	L("4", "Four placements", "Pedwar lleoliad"),
	L("5+", "Five or more placements", "Pump neu fwy o leoliadau"),
};

/* REASON_PLACE_CHANGE codes (src/domain/codes.c) and blank. */
static const struct label rows_endings[] = {
	L("CARPL", "Change to or implementation of care plan",
	  "Newid i'r cynllun gofal neu ei weithredu"),
	L("CLOSE", "Resignation or closure of provision",
	  "Ymddiswyddiad neu gau'r ddarpariaeth"),
	L("ALLEG", "Allegation (section 47)", "Honiad (adran 47)"),
	L("STAND", "Standards of care concern", "Pryder am safonau gofal"),
	L("APPRR", "Approval removed",
	  "Cymeradwyaeth wedi'i thynnu'n \xc3\xb4l"),
	L("CREQB", "Carer requests end due to child's behaviour",
	  "Y gofalwr yn gofyn i'r lleoliad ddod i ben oherwydd ymddygiad y "
	  "plentyn"),
	L("CREQO", "Carer requests end, other reason",
	  "Y gofalwr yn gofyn i'r lleoliad ddod i ben am reswm arall"),
	L("CHILD", "Child requests placement end",
	  "Y plentyn yn gofyn i'r lleoliad ddod i ben"),
	L("LAREQ", "Council requests placement end",
	  "Y cyngor yn gofyn i'r lleoliad ddod i ben"),
	L("PLACE", "Change in the status of placement only",
	  "Newid i statws y lleoliad yn unig"),
	L("CUSTOD", "Custody arrangement", "Trefniant dalfa"),
	L("OTHER", "Other", "Arall"),
	L("blank", "Reason not recorded", "Rheswm heb ei gofnodi"),
};

static const struct label rows_missing_duration[] = {
	L("same_day", "Same day", "Yr un diwrnod"),
	L("1_2_days", "1 to 2 days", "1 i 2 diwrnod"),
	L("3_7_days", "3 to 7 days", "3 i 7 diwrnod"),
	L("8_28_days", "8 to 28 days", "8 i 28 diwrnod"),
	L("29_plus_days", "29 days or more", "29 diwrnod neu fwy"),
	L("open", "Still missing at 31 March", "Yn dal ar goll ar 31 Mawrth"),
};

static const struct label rows_distance[] = {
	L("0_20", "20 miles or less", "20 milltir neu lai"),
	L("21_40", "21 to 40 miles", "21 i 40 milltir"),
	L("41_60", "41 to 60 miles", "41 i 60 milltir"),
	L("61_80", "61 to 80 miles", "61 i 80 milltir"),
	L("81_100", "81 to 100 miles", "81 i 100 milltir"),
	L("over_100", "Over 100 miles", "Dros 100 milltir"),
	L("unknown", "Not known", "Anhysbys"),
};

static const struct label rows_outcomes[] = {
	L("cohort", "Children in the cohort", "Plant yn y garfan"),
	L("sdq_recorded", "SDQ score recorded",
	  "Sg\xc3\xb4r SDQ wedi'i chofnodi"),
	L("sdq_mean", "Mean SDQ score", "Sg\xc3\xb4r SDQ cymedrig"),
	L("sdq_17_or_more", "SDQ score of 17 or more",
	  "Sg\xc3\xb4r SDQ o 17 neu fwy"),
	L("convicted", "Convicted, or given a final warning or reprimand",
	  "Euogfarn, rhybudd terfynol neu gerydd"),
	L("substance_misuse", "Identified as having a substance misuse problem",
	  "Wedi'u nodi fel rhai \xc3\xa2 phroblem camddefnyddio sylweddau"),
	L("health_check", "Health assessment up to date",
	  "Asesiad iechyd yn gyfredol"),
	L("teeth_check", "Teeth checked by a dentist",
	  "Dannedd wedi'u harchwilio gan ddeintydd"),
};

static const struct label months[12] = {
	L("1", "January", "Ionawr"),
	L("2", "February", "Chwefror"),
	L("3", "March", "Mawrth"),
	L("4", "April", "Ebrill"),
	L("5", "May", "Mai"),
	L("6", "June", "Mehefin"),
	L("7", "July", "Gorffennaf"),
	L("8", "August", "Awst"),
	L("9", "September", "Medi"),
	L("10", "October", "Hydref"),
	L("11", "November", "Tachwedd"),
	L("12", "December", "Rhagfyr"),
};

#define SET(name, a) { name, a, ARRAY_SIZE(a) }
#define NOSET { NULL, NULL, 0 }

static const struct label_set col_sets[TAB_N] = {
	[TAB_COUNCILS] = SET("cols.councils", cols_councils),
	[TAB_PROVIDER_TYPES] = NOSET,
	[TAB_HOMES] = SET("cols.homes", cols_homes),
	[TAB_PLACEMENTS] = SET("cols.placements", cols_placements),
	[TAB_ENDINGS] = SET("cols.endings", cols_endings),
	[TAB_MISSING_TREND] = SET("cols.missing_trend", cols_missing_trend),
	[TAB_MISSING_DURATION] =
		SET("cols.missing_duration", cols_missing_duration),
	[TAB_DISTANCE] = SET("cols.distance", cols_distance),
	[TAB_OUTCOMES] = SET("cols.outcomes", cols_outcomes),
	[TAB_QUALITY_RATINGS] =
		SET("cols.quality_ratings", cols_quality_ratings),
	[TAB_QUALITY_REGULATIONS] =
		SET("cols.quality_regulations", cols_quality_regulations),
	[TAB_QUALITY_BANDS] = SET("cols.quality_bands", cols_quality_bands),
};

static const struct label_set row_sets[TAB_N] = {
	[TAB_COUNCILS] = NOSET,
	[TAB_PROVIDER_TYPES] = SET("rows.provider_types", rows_provider_types),
	[TAB_HOMES] = NOSET,
	[TAB_PLACEMENTS] = SET("rows.placements", rows_placements),
	[TAB_ENDINGS] = SET("rows.endings", rows_endings),
	[TAB_MISSING_TREND] = NOSET,
	[TAB_MISSING_DURATION] =
		SET("rows.missing_duration", rows_missing_duration),
	[TAB_DISTANCE] = SET("rows.distance", rows_distance),
	[TAB_OUTCOMES] = SET("rows.outcomes", rows_outcomes),
	[TAB_QUALITY_RATINGS] = NOSET,
	[TAB_QUALITY_REGULATIONS] = NOSET,
	[TAB_QUALITY_BANDS] = SET("rows.quality_bands", rows_quality_bands),
};

static const struct label_set all_sets[] = {
	SET("ui", ui),
	SET("recs", recs_ui),
	SET("figures", figs),
	SET("groups", groups),
	SET("sheets", sheets),
	SET("def_terms", def_terms),
	SET("def_texts", def_texts),
	SET("statuses", statuses),
	SET("status_notes", status_notes),
	SET("units", units),
	SET("key_subjects", key_subjects),
	SET("tables", tables),
	SET("row_heads", row_heads),
	SET("charts", charts),
	SET("cols.common", cols_common),
	SET("cols.councils", cols_councils),
	SET("cols.homes", cols_homes),
	SET("cols.placements", cols_placements),
	SET("cols.endings", cols_endings),
	SET("cols.missing_trend", cols_missing_trend),
	SET("cols.missing_duration", cols_missing_duration),
	SET("cols.distance", cols_distance),
	SET("cols.outcomes", cols_outcomes),
	SET("cols.quality_ratings", cols_quality_ratings),
	SET("cols.quality_regulations", cols_quality_regulations),
	SET("cols.quality_bands", cols_quality_bands),
	SET("rows.provider_types", rows_provider_types),
	SET("rows.placements", rows_placements),
	SET("rows.endings", rows_endings),
	SET("rows.missing_duration", rows_missing_duration),
	SET("rows.distance", rows_distance),
	SET("rows.outcomes", rows_outcomes),
	SET("rows.quality_bands", rows_quality_bands),
	SET("months", months),
};

static const char *text(const struct label *l, enum report_lang lang)
{
	unsigned i = (unsigned)lang < REPORT_NLANGS ? (unsigned)lang : 0;

	return l->text[i] ? l->text[i] : "";
}

static const struct label *find(const struct label_set *s, const char *key)
{
	if (!key)
		return NULL;
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->v[i].key, key))
			return &s->v[i];
	return NULL;
}

const char *report__ui(enum ui_str id, enum report_lang lang)
{
	if ((unsigned)id >= UI_N)
		BUG("ui string %d", (int)id);
	return text(&ui[id], lang);
}

const char *report__recs_ui(enum recs_str id, enum report_lang lang)
{
	if ((unsigned)id >= RS_N)
		BUG("recs string %d", (int)id);
	return text(&recs_ui[id], lang);
}

const char *report__fig_label(enum review_fig f, enum report_lang lang)
{
	if ((unsigned)f >= FIG_N)
		BUG("figure %d", (int)f);
	return text(&figs[f], lang);
}

const char *report__group_title(enum fig_group g, enum report_lang lang)
{
	if ((unsigned)g >= GROUP_NGROUPS)
		BUG("group %d", (int)g);
	return text(&groups[g], lang);
}

const char *report__def_term(enum def_label d, enum report_lang lang)
{
	if ((unsigned)d >= DEF_N)
		BUG("definition %d", (int)d);
	return text(&def_terms[d], lang);
}

const char *report__def_text(enum def_label d, enum report_lang lang)
{
	if ((unsigned)d >= DEF_N)
		BUG("definition %d", (int)d);
	return text(&def_texts[d], lang);
}

const char *report__status_name(enum report_status st, enum report_lang lang)
{
	if ((unsigned)st >= REPORT_STATUS_N)
		BUG("status %d", (int)st);
	return text(&statuses[st], lang);
}

const char *report__status_note(enum report_status st, enum report_lang lang)
{
	if ((unsigned)st >= REPORT_STATUS_N)
		BUG("status %d", (int)st);
	return text(&status_notes[st], lang);
}

const char *report__unit(enum fig_kind k, enum report_lang lang)
{
	if ((unsigned)k >= ARRAY_SIZE(units))
		BUG("kind %d", (int)k);
	return text(&units[k], lang);
}

const char *report__key_subject(enum review_fig f, enum report_lang lang)
{
	static const struct label_set set = SET("", key_subjects);
	const struct label *l;

	if ((unsigned)f >= FIG_N)
		BUG("figure %d", (int)f);
	l = find(&set, report__figs[f].key);
	return l ? text(l, lang) : NULL;
}

const char *report__table_title(enum review_table_id t, enum report_lang lang)
{
	if ((unsigned)t >= TAB_N)
		BUG("table %d", (int)t);
	return text(&tables[t], lang);
}

const char *report__row_head(enum review_table_id t, enum report_lang lang)
{
	if ((unsigned)t >= TAB_N)
		BUG("table %d", (int)t);
	return text(&row_heads[t], lang);
}

const char *report__col_label(enum review_table_id t, const char *col,
			      enum report_lang lang)
{
	static const struct label_set common = SET("", cols_common);
	const struct label *l = NULL;

	if ((unsigned)t < TAB_N)
		l = find(&col_sets[t], col);
	if (!l)
		l = find(&common, col);
	return l ? text(l, lang) : col ? col : "";
}

const char *report__row_label(enum review_table_id t, const char *row,
			      enum report_lang lang)
{
	const struct label *l = NULL;

	if ((unsigned)t < TAB_N)
		l = find(&row_sets[t], row);
	return l ? text(l, lang) : NULL;
}

const char *report__chart_title(enum chart_label c, enum report_lang lang)
{
	if ((unsigned)c >= CHART_N)
		BUG("chart %d", (int)c);
	return text(&charts[c], lang);
}

const char *report__sheet_name(enum sheet_label s, enum report_lang lang)
{
	if ((unsigned)s >= SHEET_N)
		BUG("sheet %d", (int)s);
	return text(&sheets[s], lang);
}

const char *report__month(int m, enum report_lang lang)
{
	if (m < 1 || m > 12)
		BUG("month %d", m);
	return text(&months[m - 1], lang);
}

const struct label_set *report__label_sets(size_t *n)
{
	*n = ARRAY_SIZE(all_sets);
	return all_sets;
}
