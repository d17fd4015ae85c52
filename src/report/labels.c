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
	[UI_NOTE_DEFINITIONS] =
		L("note_definitions",
		  "Every indicator is defined in the cartref documentation:",
		  "Mae pob dangosydd wedi'i ddiffinio yn nogfennaeth "
		  "cartref:"),
	[UI_NOTE_SUPPRESSED] =
		L("note_suppressed",
		  "* The figure could identify individual children or is not "
		  "robust enough to publish: counts from 1 to 4, and "
		  "percentages and averages whose numerator is suppressed or "
		  "whose denominator is under 10.",
		  "* Gallai'r ffigur adnabod plant unigol neu nid yw'n "
		  "ddigon cadarn i'w gyhoeddi: cyfrifon o 1 i 4, a "
		  "chanrannau a chyfartaleddau lle mae'r rhifiadur wedi'i "
		  "atal neu lle mae'r enwadur yn llai na 10."),
	[UI_NOTE_ROUNDED] =
		L("note_rounded",
		  "Counts are rounded to the nearest 5 for disclosure "
		  "reasons; 0 means none.  Percentages and averages are "
		  "calculated from the unrounded figures, so they may differ "
		  "from figures worked out from the rounded counts.",
		  "Mae cyfrifon wedi'u talgrynnu i'r 5 agosaf er mwyn osgoi "
		  "datgelu; mae 0 yn golygu dim.  Cyfrifir canrannau a "
		  "chyfartaleddau o'r ffigurau heb eu talgrynnu, felly "
		  "gallant fod yn wahanol i ffigurau a gyfrifir o'r "
		  "cyfrifon wedi'u talgrynnu."),
	[UI_NOTE_EXACT] =
		L("note_exact",
		  "These are exact figures and could identify individual "
		  "children.  They are for Care Inspectorate Wales staff "
		  "only and must not be published: publish only a report "
		  "made with disclosure control (--publish).",
		  "Ffigurau manwl gywir yw'r rhain a gallent adnabod plant "
		  "unigol.  Maent ar gyfer staff Arolygiaeth Gofal Cymru yn "
		  "unig ac ni ddylid eu cyhoeddi: dim ond adroddiad a "
		  "wnaed gyda rheolaeth datgelu (--publish) y dylid ei "
		  "gyhoeddi."),
	[UI_NOTE_NAN] = L("note_nan",
			  "\xe2\x80\x93 cannot be calculated: there are no "
			  "cases (the denominator is 0).",
			  "\xe2\x80\x93 ni ellir ei gyfrifo: nid oes achosion "
			  "(mae'r enwadur yn 0)."),
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
	[UI_NOTE_SOURCE] =
		L("note_source",
		  "Source: returns on looked after children (SSDA903) and "
		  "records of children missing from care held in cartref",
		  "Ffynhonnell: ffurflenni am blant sy'n derbyn gofal "
		  "(SSDA903) a chofnodion am blant sy'n mynd ar goll o ofal "
		  "a gedwir yn cartref"),
	[UI_NOTE_CHILDREN] = L("note_children", "children", "o blant"),
	[UI_NOTE_EPISODES] = L("note_episodes", "episodes of care",
			       "o gyfnodau gofal"),
	[UI_NOTE_MAP] =
		L("note_map",
		  "Map boundaries: Office for National Statistics, Open "
		  "Government Licence v3.0.  Contains OS data \xc2\xa9 Crown "
		  "copyright and database right 2025.",
		  "Ffiniau'r map: Swyddfa Ystadegau Gwladol, Trwydded "
		  "Llywodraeth Agored v3.0.  Yn cynnwys data'r AO \xc2\xa9 "
		  "Hawlfraint y Goron a hawliau cronfa ddata 2025."),
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
	[UI_PRODUCED_BY] = L("produced_by", "Produced with cartref.",
			     "Cynhyrchwyd gyda cartref."),
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
};

/* Short group names: workbook sheet names (31 characters at most). */
static const struct label groups_short[GROUP_NGROUPS] = {
	[GROUP_PLACES] = L("places", "Places", "Lleoedd"),
	[GROUP_STABILITY] = L("stability", "Stability", "Sefydlogrwydd"),
	[GROUP_MISSING] = L("missing", "Missing", "Mynd ar goll"),
	[GROUP_DISTANCE] = L("distance", "Distance", "Pellter"),
	[GROUP_OUTCOMES] = L("outcomes", "Outcomes", "Canlyniadau"),
	[GROUP_RESPONSE] = L("missing_response", "Response", "Ymateb"),
};

static const struct label sheets[SHEET_N] = {
	[SHEET_NOTES] = L("notes", "Notes", "Nodiadau"),
	[SHEET_COUNCILS] = L("councils", "Councils", "Cynghorau"),
	[SHEET_HOMES] = L("homes", "Homes", "Cartrefi"),
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
};

static const struct label_set all_sets[] = {
	SET("ui", ui),
	SET("figures", figs),
	SET("groups", groups),
	SET("groups_short", groups_short),
	SET("sheets", sheets),
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
	SET("rows.provider_types", rows_provider_types),
	SET("rows.placements", rows_placements),
	SET("rows.endings", rows_endings),
	SET("rows.missing_duration", rows_missing_duration),
	SET("rows.distance", rows_distance),
	SET("rows.outcomes", rows_outcomes),
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

const char *report__group_short(enum fig_group g, enum report_lang lang)
{
	if ((unsigned)g >= GROUP_NGROUPS)
		BUG("group %d", (int)g);
	return text(&groups_short[g], lang);
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
