/*
 * main.c: cartref's entry point: global options, then dispatch from the
 * command table to one cmd_*() per file.
 */
#include "base/compat.h"
#include "base/file.h"
#include "base/uktime.h"
#include "cli/cli.h"
#include "ingest/geo-import.h"

#define VERSION "0.1.0"

static const char help_usage[] =
	"usage: cartref help [COMMAND]\n"
	"\n"
	"Show the list of commands, or one command's help.\n";

static const char version_usage[] =
	"usage: cartref version\n\nPrint cartref's version and schema version.\n";

static const char migrate_usage[] =
	"usage: cartref [--db FILE] migrate\n"
	"\n"
	"Create or upgrade the store's schema and load the geography (local\n"
	"authorities, postcode districts, Welsh postcodes) from data/.\n"
	"Every other command does this too when it opens the store.\n";

static const char import_usage[] =
	"usage: cartref [--db FILE] import 903 --la CODE [--year YYYY] [--check]\n"
	"                 [--strict] [--report FILE] [--format text|json]\n"
	"                 [--rpc-on-start] FILE...\n"
	"       cartref [--db FILE] import homes [--check] FILE\n"
	"       cartref [--db FILE] import dir [--check] [--rpc-on-start] DIR\n"
	"       cartref [--db FILE] import inspections [--check] INSPECTIONS.csv\n"
	"                 [FINDINGS.csv]\n"
	"       cartref [--db FILE] import notifications [--check] FILE\n"
	"\n"
	"import 903     Read one council's SSDA903 return: any of its twelve tables\n"
	"               as CSV files, each recognised by its header row, or one\n"
	"               DfE XML file (*.xml) holding them all.  Every\n"
	"               problem is reported as FILE:LINE:COLUMN: RULE: message\n"
	"               (docs/validation.md lists the rules).  The import is one\n"
	"               transaction: with any problem nothing is written.  It\n"
	"               replaces the council's return for the same year.  Then\n"
	"               the DfE's validation rules in force for the year run\n"
	"               (with last year's return, if stored): their problems are\n"
	"               listed as FILE:LINE:COLUMN: CODE: message and counted,\n"
	"               and do not stop the import unless --strict.\n"
	"  --la CODE    the responsible council's GSS code, e.g. W06000015\n"
	"  --year YYYY  the reporting year (ending 31 March YYYY); by default the\n"
	"               year of the latest date in the files\n"
	"  --check      validate only; write nothing\n"
	"  --strict     a problem under the DfE's rules stops the import too\n"
	"  --report F   write the DfE rules' problems by child and by rule to F\n"
	"               (.csv, .xlsx or .json)\n"
	"  --format json  print the outcome as one JSON document on stdout\n"
	"  --rpc-on-start  the return has REASON_PLACE_CHANGE on the episode\n"
	"               a change of placement starts (not the DfE's way, on the\n"
	"               episode that ends): move each to the child's previous\n"
	"               episode before checking and storing\n"
	"\n"
	"import homes   Read the register of children's homes (docs/homes-register.md);\n"
	"               homes are added or updated by URN, all or nothing.\n"
	"\n"
	"import dir     Read a directory laid out as `cartref demo-data` writes it:\n"
	"               DIR/homes.csv and DIR/903/<CODE>/<YEAR>/*.csv (or one\n"
	"               *.xml), and the live missing episodes\n"
	"               DIR/missing-live.csv and strategy meetings\n"
	"               DIR/strategy-meetings.csv if there (docs/missing.md), and\n"
	"               DIR/inspections.csv, DIR/findings.csv and\n"
	"               DIR/notifications.csv, then DIR/recommendations.csv and\n"
	"               DIR/rec-progress.csv, if there (docs/inspections.md), all\n"
	"               in one transaction.\n"
	"\n"
	"import inspections  Read the inspections register and its findings\n"
	"               (docs/inspections.md); an inspection of the same home,\n"
	"               day and type is replaced with its findings.  All or\n"
	"               nothing; problems as FILE:LINE:COLUMN: RULE: message.\n"
	"import notifications  Read reg 60 notifications; one of the same\n"
	"               home, category, time and child already stored is not\n"
	"               added again.\n";

static const char validate_usage[] =
	"usage: cartref [--db FILE] validate [--la CODE] [--year YYYY] [--report FILE]\n"
	"                 [--format text|json]\n"
	"       cartref rules [--year YYYY] [--format text|md|json]\n"
	"\n"
	"validate   Run the DfE's SSDA903 validation rules in force for each year\n"
	"           over the stored returns (one council's, one year's, or all),\n"
	"           each with last year's return where stored, and print the\n"
	"           problems as LA/YEAR/TABLE:LINE: CODE: message, then the\n"
	"           count by rule.  Exit status 1 when there is any problem.\n"
	"  --report F  (with --la and --year) the problems by child and by rule\n"
	"              to F: .csv, .xlsx or .json\n"
	"rules      List the rule registry: each rule's code, years, nations,\n"
	"           tables, status and message (docs/validation.md is made from\n"
	"           `cartref rules --format md`).\n";

static const char export_usage[] =
	"usage: cartref [--db FILE] export 903 --la CODE --year YYYY DIR\n"
	"       cartref [--db FILE] export 903 --la CODE --year YYYY --format xml FILE\n"
	"       cartref [--db FILE] export homes FILE\n"
	"       cartref [--db FILE] export inspections DIR\n"
	"       cartref [--db FILE] export notifications FILE\n"
	"\n"
	"export 903     Write a council's stored return for a year as header.csv,\n"
	"               episodes.csv, missing.csv, oc2.csv and each later table\n"
	"               it had in DIR (created if needed), in the canonical form\n"
	"               import reads back byte for byte; with --format xml, as\n"
	"               one DfE XML file\n"
	"               (docs/validation.md \"Reading XML\").\n"
	"export homes   Write the register of homes as CSV.\n"
	"export inspections  Write DIR/inspections.csv and DIR/findings.csv\n"
	"               (created if needed) as import inspections reads them\n"
	"               back byte for byte (docs/inspections.md).\n"
	"export notifications  Write the reg 60 notifications as CSV.\n";

static const char stats_usage[] =
	"usage: cartref [--db FILE] stats\n"
	"\n"
	"Print the store's counts: councils, homes and places (open today, by\n"
	"provider type), and per reporting year the returns, children looked\n"
	"after during the year and at 31 March, episodes, missing and away\n"
	"periods and OC2 rows.\n";

static const char distance_usage[] =
	"usage: cartref [--db FILE] distance POSTCODE POSTCODE\n"
	"\n"
	"Straight-line distance in miles between two postcodes the SSDA903 way:\n"
	"full-postcode grid references where known, else the postcode district\n"
	"centroid; sqrt(dE^2 + dN^2) / 1000 / 1.6093, to one decimal place.\n"
	"Prints \"unknown\" (exit status 3) when either postcode is not known.\n";

static const char demo_usage[] =
	"usage: cartref demo-data [--seed N] [--scale wales|england]\n"
	"                         [--as-of YYYY-MM-DD] OUTDIR\n"
	"\n"
	"Write a deterministic synthetic data set as a real service would hold\n"
	"it on the reference date (--as-of): a register of children's homes\n"
	"(OUTDIR/homes.csv), an SSDA903 return per council for each of the last\n"
	"three complete reporting years before that date (a year runs 1 April\n"
	"to 31 March; OUTDIR/903/<CODE>/<YEAR>/*.csv), with real postcodes and\n"
	"councils, and the live missing episodes and strategy meetings since\n"
	"the last 31 March (OUTDIR/missing-live.csv, strategy-meetings.csv;\n"
	"docs/missing.md), all before the start of that day in the UK.  wales:\n"
	"22 councils, 178 homes with 774 places, about 6,400 children looked\n"
	"after at 31 March.  england: about 150 councils, 3,000 homes and\n"
	"85,000 children a year (for benchmarks).  No real child is in it.\n"
	"Same seed, scale and date: the same bytes.  Load it with\n"
	"`cartref import dir OUTDIR`.\n"
	"  --seed N      random seed (default 1)\n"
	"  --scale S     wales (default) or england\n"
	"  --as-of DATE  the demo's \"today\" (default: today, UK local time)\n";

static const char demo_child_usage[] =
	"usage: cartref [--db FILE] demo-child [--as EMAIL] [--police EMAIL]\n"
	"                      [--la CODE] [--now TIME]\n"
	"\n"
	"A child for the demo's walk-through: looked after by council CODE\n"
	"(default Cardiff, W06000015), placed today in a home of the provider of\n"
	"the home manager EMAIL (default home-manager@demo.cartref.wales) in the\n"
	"area of the police force of --police (default police@demo.cartref.wales),\n"
	"under 18 and not missing.  Prints one line, tab-separated: LA/REF, the\n"
	"home's URN, name, council code and council name, and the child's age.\n"
	"Reads as EMAIL, scoped and audited like any read.  Exit status 3 when\n"
	"there is no such child.\n"
	"  --now TIME    the current time (default: the clock), UTC\n";

static const char review_usage[] =
	"usage: cartref [--db FILE] review [--year YYYY] [--la CODE | --home URN]\n"
	"                      [--publish] [--format json|csv|html|md|xlsx]\n"
	"                      [--lang en|cy] [-o FILE] [--timing]\n"
	"                      [--release-file FILE] [--release-date DATE]\n"
	"                      [--status S] [--next-update DATE|MONTH]\n"
	"                      [--producer T] [--producer-cy T] [--contact-name T]\n"
	"                      [--contact-name-cy T] [--contact-email E]\n"
	"                      [--contact-phone T]\n"
	"\n"
	"The national review's figures for a reporting year (1 April to 31 March,\n"
	"named by the year it ends; default: the latest year imported), for Wales\n"
	"(or every council in the store), one council (--la) or one home\n"
	"(--home): places and sufficiency, placement stability, missing from\n"
	"care, distance from home, outcomes, the quality of care (the homes'\n"
	"latest inspection ratings, notices and findings, and going missing and\n"
	"placement moves by rating), and tables by council, provider type and\n"
	"home.  Definitions: docs/indicators.md; JSON: docs/review-json.md.\n"
	"  --publish   disclosure control: counts 1-4 shown as *, others rounded\n"
	"              to the nearest 5, rates suppressed on small numbers.\n"
	"              Without it figures are exact: for staff only.\n"
	"  --format F  md (default), json, csv, html (one self-contained file\n"
	"              with charts and a map) or xlsx (needs -o)\n"
	"  --lang L    en (default) or cy (Cymraeg)\n"
	"  -o FILE     write to FILE (default: standard output)\n"
	"  --timing    print how long loading, computing and rendering took\n"
	"Release metadata, shown in the report (docs/review-json.md, \"Release\n"
	"metadata\"), from a file of key = value lines and these options:\n"
	"  --release-date DATE   yyyy-mm-dd (default: today, UK time)\n"
	"  --status S            management-information (default),\n"
	"                        official-statistics-in-development,\n"
	"                        official-statistics or\n"
	"                        accredited-official-statistics\n"
	"  --next-update D       yyyy-mm-dd or yyyy-mm (default: to be confirmed)\n"
	"  --producer, --producer-cy, --contact-name, --contact-name-cy,\n"
	"  --contact-email, --contact-phone   who produced it, whom to contact\n"
	"The year before is compared in the key points when it is stored.\n";

static const char user_usage[] =
	"usage: cartref [--db FILE] user add --email E --name N --role R --org KIND:CODE\n"
	"                                    [--password-stdin]\n"
	"       cartref [--db FILE] user disable|enable EMAIL\n"
	"       cartref [--db FILE] user reset EMAIL [--password-stdin]\n"
	"       cartref [--db FILE] user list | orgs | tokens [EMAIL]\n"
	"       cartref [--db FILE] user token EMAIL --label LABEL\n"
	"       cartref [--db FILE] user revoke-token ID\n"
	"       cartref [--db FILE] user org-add --kind K --code C --name-en N\n"
	"                    [--name-cy N] [--provider NAME] [--area GSS]...\n"
	"       cartref [--db FILE] user demo\n"
	"\n"
	"Manage who can sign in (docs/security.md).  Every change is written to\n"
	"the audit trail as done by cli:<your Unix user>.\n"
	"\n"
	"add            Add a user.  R is one of inspector, analyst,\n"
	"               council_social_worker, council_placements, home_manager,\n"
	"               police_missing_coordinator, admin, and must suit the\n"
	"               organisation: KIND:CODE such as inspectorate:CIW,\n"
	"               council:W06000015 (made from the geography on first use),\n"
	"               police:south-wales or provider:NAME.  Without\n"
	"               --password-stdin a random password is made and shown\n"
	"               once; with it, the first line of standard input is the\n"
	"               password (at least 12 characters).\n"
	"disable        Refuse sign-in, end the user's sessions, revoke their API\n"
	"               tokens.  enable undoes the first (tokens stay revoked).\n"
	"reset          Set a new password (made and shown once, or from\n"
	"               standard input) and end the user's sessions.\n"
	"list           Users: email, role, organisation, status, name.\n"
	"orgs           Organisations, with each police force's council areas.\n"
	"tokens         API tokens (of one user, or everyone's).\n"
	"token          Make an API token for a user, shown once (only its hash\n"
	"               is stored).  revoke-token ID revokes one.\n"
	"org-add        Add an organisation: a provider (--provider links it to\n"
	"               the provider of that name in the homes register), a police\n"
	"               force (--area for each council it covers), a health\n"
	"               board.  The inspectorate (CIW) and the four Welsh police\n"
	"               forces are there from the start.\n"
	"demo           Make one demo user per role, password \"demo-only-cartref\",\n"
	"               at demo.cartref.wales (needs the demo homes: make demo).\n";

static const char audit_usage[] =
	"usage: cartref [--db FILE] audit verify [--anchor ANCHOR --key-file FILE]\n"
	"       cartref [--db FILE] audit anchor --key-file FILE\n"
	"       cartref [--db FILE] audit list [--subject KIND[:ID]] [--user EMAIL]\n"
	"                                      [--limit N] [--before ID]\n"
	"\n"
	"The audit trail: every view or change of a child's record, sign-in\n"
	"and sign-out, and change to users, organisations and API tokens, with\n"
	"who, when and from where.  It is append-only and hash-chained\n"
	"(docs/security.md).\n"
	"\n"
	"verify   Recompute the chain.  Exit 0 with \"audit trail intact: N rows\"\n"
	"         and the head (last row id and hash: keep a copy elsewhere to\n"
	"         detect rows removed from the end); exit 1 naming the first\n"
	"         changed or missing row.  With --anchor (as printed by audit\n"
	"         anchor) and its key file, also check the trail still holds\n"
	"         the anchored row with its hash: exit 1 if rows were removed\n"
	"         from the end or the trail rewritten, or the MAC is wrong.\n"
	"anchor   Verify, then print the head as an anchor to keep elsewhere:\n"
	"         cartref-audit-anchor-v1:ID:HASH:MAC, MAC an HMAC-SHA512-256\n"
	"         under the key file (0600, at least 32 bytes, e.g. 32 random\n"
	"         bytes: umask 077; head -c 32 /dev/urandom >audit.key).\n"
	"list     Rows newest first, tab-separated: --subject child:ID or\n"
	"         user:EMAIL (or just the kind), --user EMAIL for what one user\n"
	"         did, --limit N (default 50, at most 1000), --before ID to page.\n";

static const char serve_usage[] =
	"usage: cartref [--db FILE] serve [--listen ADDRESS:PORT] [--assets DIR]\n"
	"                     [--threads N] [--max-connections N] [--public]\n"
	"                     [--behind-tls] [--trust-proxy] [--quiet]\n"
	"                     [--alerts-every SECONDS] [--demo]\n"
	"                     [--operator NAME] [--operator-cy NAME]\n"
	"                     [--contact-email ADDRESS]\n"
	"                     [--header-timeout SECONDS] [--max-pending-headers N]\n"
	"                     [--pending-headers-per-ip N] [--public-name NAME]...\n"
	"\n"
	"Serve the web application (English and Welsh) and the JSON API\n"
	"(/api/v1/...) until interrupted (SIGINT or SIGTERM).  One access log\n"
	"line per request goes to standard error: method, path without the\n"
	"query string, status and milliseconds.  Architecture, limits and\n"
	"running behind nginx for TLS and HTTP/2: docs/http.md.\n"
	"  --listen A:P        address and port (default 127.0.0.1:8080;\n"
	"                      [::1]:8080 for IPv6, localhost:8080)\n"
	"  --public            allow an address that is not loopback (put a\n"
	"                      TLS proxy in front)\n"
	"  --behind-tls        a TLS proxy is in front: Secure cookies, HSTS\n"
	"  --trust-proxy       believe X-Forwarded-For and X-Forwarded-Proto\n"
	"                      from a proxy on a loopback address\n"
	"  --assets DIR        where node_modules/govuk-frontend and\n"
	"                      src/web/static are (default: the repository the\n"
	"                      binary was built in, or $CARTREF_ASSETS)\n"
	"  --threads N         server threads (default: one per CPU)\n"
	"  --max-connections N open connections at most (default 1024)\n"
	"  --header-timeout S  seconds a connection may take to send a\n"
	"                      request's headers, from accept or its previous\n"
	"                      answer; then it is closed (default 10)\n"
	"  --max-pending-headers N  connections still sending headers, in all\n"
	"                      (default 256); more are refused at accept\n"
	"  --pending-headers-per-ip N  the same from one address, first requests only (default 64)\n"
	"  --public-name NAME  a name this server answers to (repeatable, at\n"
	"                      most 8); with any, a request whose Host is not\n"
	"                      one of them is 400\n"
	"  --quiet             no access log\n"
	"  --alerts-every S    run the alerts rules and deliver webhooks every\n"
	"                      S seconds (default 300; 0: never)\n"
	"  --demo              a demonstration with made-up children: the\n"
	"                      phase banner says so and the sign-in page lists\n"
	"                      the demo accounts (`cartref user demo`) and\n"
	"                      their password; without it, a Beta banner\n"
	"  --operator NAME     who runs this service, as the help, privacy and\n"
	"                      accessibility pages name them (default: \"the\n"
	"                      cartref demonstration team\")\n"
	"  --operator-cy NAME  the same in Welsh (default: --operator's name,\n"
	"                      or the demonstration's Welsh name)\n"
	"  --contact-email A   where people ask for help, report a problem or\n"
	"                      exercise their data rights (default\n"
	"                      help@demo.cartref.wales)\n";

static const char missing_usage[] =
	"usage: cartref [--db FILE] missing report --as EMAIL --child LA/REF --started TIME\n"
	"                    [--kind M|A] [home's fields] [--now TIME]\n"
	"       cartref [--db FILE] missing update ID --as EMAIL [home's fields]\n"
	"       cartref [--db FILE] missing police ID --as EMAIL [--ref R] [--grade G]\n"
	"                    [--arrested yes|no] [--charged yes|no]\n"
	"       cartref [--db FILE] missing return ID --as EMAIL --returned TIME [--place P]\n"
	"       cartref [--db FILE] missing interview ID --as EMAIL [--offered TIME]\n"
	"                    [--held TIME] [--by NAME] [--independent yes|no]\n"
	"                    [--outcome accepted|declined] [--summary TEXT]\n"
	"       cartref [--db FILE] missing strategy --as EMAIL --child LA/REF --held DATE\n"
	"                    [--agencies TEXT] [--decisions TEXT] [--review DATE] [--episode ID]\n"
	"       cartref [--db FILE] missing grab-pack --as EMAIL --child LA/REF\n"
	"                    [--description T] [--photo REF] [--health T] [--associates T]\n"
	"                    [--places T]\n"
	"       cartref [--db FILE] missing show ID | --child LA/REF --as EMAIL\n"
	"       cartref [--db FILE] missing list --as EMAIL\n"
	"       cartref [--db FILE] missing import [--check] [--now TIME] FILE...\n"
	"\n"
	"Missing from care, recorded live by the home, the police and the\n"
	"council (docs/missing.md), acting as the user EMAIL: the same scoping\n"
	"and audit as the web application (docs/access.md, \"Missing from\n"
	"care\"); out of scope reads as \"no such ...\".  After each change the\n"
	"child's alerts are evaluated.  TIME is UTC, yyyy-mm-ddThh:mm[:ss][Z];\n"
	"DATE is yyyy-mm-dd.\n"
	"\n"
	"report     the home: the child placed at one of its homes today is\n"
	"           missing (M, default) or away (A)\n"
	"update     the home's fields: --last-seen TIME --last-seen-place P\n"
	"           --circumstances T --actions T --exploitation yes|no\n"
	"           --associates T --locations T --health T\n"
	"police     the police: reference, risk grade (none, low, medium, high),\n"
	"           arrested or charged during or after the episode\n"
	"return     the police or the home: when and where the child came back\n"
	"interview  the child's council: the return interview\n"
	"strategy   the child's council: a strategy meeting\n"
	"grab-pack  with fields, the home updates the child's grab pack; without,\n"
	"           show it (the police only while the child is missing)\n"
	"show       one episode, or a child's live episodes and meetings\n"
	"list       the open episodes needing your attention\n"
	"import     CSV files of live episodes and strategy meetings (columns in\n"
	"           docs/missing.md), all or nothing, problems reported as\n"
	"           FILE:LINE:COLUMN: RULE: message; --check validates only\n"
	"  --now TIME  the current time (default: the clock), for tests\n";

static const char alerts_usage[] =
	"usage: cartref [--db FILE] alerts run [--now TIME]\n"
	"       cartref [--db FILE] alerts rules\n"
	"       cartref [--db FILE] alerts set RULE PARAM VALUE\n"
	"       cartref [--db FILE] alerts list --as EMAIL [--state S] [--rule R]\n"
	"                    [--la CODE] [--child [LA/]REF] [--home URN]\n"
	"                    [--page N] [--limit N] [--lang en|cy] [--tsv]\n"
	"       cartref [--db FILE] alerts show ID --as EMAIL [--lang en|cy]\n"
	"       cartref [--db FILE] alerts ack ID --as EMAIL --note TEXT [--all]\n"
	"       cartref [--db FILE] alerts resolve ID --as EMAIL --note TEXT\n"
	"       cartref [--db FILE] alerts outbox --as EMAIL [--limit N] [--before ID]\n"
	"\n"
	"Proactive alerts on missing from care and placement stability\n"
	"(docs/alerts.md).  TIME is UTC, yyyy-mm-ddThh:mm[:ss][Z].\n"
	"\n"
	"run      evaluate every rule now: raise new alerts, clear those that\n"
	"         no longer hold, escalate unanswered ones; one transaction,\n"
	"         idempotent.  An event older than its rule's horizon found\n"
	"         for the first time is recorded as historical and told to\n"
	"         nobody.  Prints the counts (historical ones on their own\n"
	"         line) and the time taken.\n"
	"rules    the rules: ids, descriptions (English, Welsh), recipients,\n"
	"         parameters with their current values and defaults\n"
	"set      change a parameter (audited)\n"
	"list     alerts for your organisation, one item per child or home,\n"
	"         most urgent first, in plain words (--lang cy: Welsh); --state\n"
	"         live (default: open or acknowledged), open, acknowledged,\n"
	"         resolved, cleared, historical or all; --tsv: one alert a\n"
	"         line, newest first, for scripts\n"
	"show     one alert (yours, or any for an inspector), in plain words\n"
	"ack      acknowledge an open alert with a note (--all: every open\n"
	"         alert about the same child or home); resolve: resolve one\n"
	"outbox   the messages to your organisation (in-app)\n"
	"  --as EMAIL  the user acting: the same scoping and audit as the web\n"
	"  --now TIME  the current time (default: the clock), for tests\n";

static const char webhook_usage[] =
	"usage: cartref [--db FILE] webhook add --org KIND:CODE --url URL\n"
	"       cartref [--db FILE] webhook list\n"
	"\n"
	"Deliver an organisation's alert messages to its own system: `cartref\n"
	"outbox deliver` POSTs each message as JSON, signed with HMAC-SHA256\n"
	"(X-Cartref-Signature: sha256=HEX; docs/alerts.md shows how to check\n"
	"it).  add prints the secret once; adding again replaces the URL and\n"
	"the secret.  KIND:CODE as for `user add`, e.g. police:south-wales,\n"
	"council:W06000015, inspectorate:CIW or provider:NAME (linked to the\n"
	"homes register).  Audited.\n";

static const char outbox_usage[] =
	"usage: cartref [--db FILE] outbox deliver [--now TIME] [--limit N]\n"
	"\n"
	"POST the alert messages due now to the organisations' webhooks\n"
	"(made after the webhook, not delivered, next attempt due); a 2xx\n"
	"answer delivers, anything else is retried after 1, 2, 4, ...\n"
	"minutes (at most an hour) and given up after 8 attempts.  Every\n"
	"attempt is recorded.  Run it from cron, like `alerts run`.\n";

static const char recommendations_usage[] =
	"usage: cartref [--db FILE] recommendations import [--check] RECS.csv\n"
	"                 [PROGRESS.csv]\n"
	"       cartref [--db FILE] recommendations export DIR\n"
	"       cartref [--db FILE] recommendations list [--lang en|cy]\n"
	"       cartref [--db FILE] recommendations report [--format html|md|xlsx|json]\n"
	"                 [--lang en|cy] [-o FILE] [--as-of DATE]\n"
	"\n"
	"The register of recommendations and their follow-up (docs/inspections.md).\n"
	"import   Read recommendations.csv and rec-progress.csv (actions, updates,\n"
	"         verdicts): all or nothing, problems as FILE:LINE:COLUMN: RULE:\n"
	"         message.  KIND:* addresses every organisation of the kind\n"
	"         (council:* the Welsh councils, health_board:*, police:*,\n"
	"         provider:* the providers of the homes register).  A\n"
	"         recommendation or progress row already stored is not added\n"
	"         again; one stored with other content is a problem.\n"
	"export   Write DIR/recommendations.csv and DIR/rec-progress.csv\n"
	"         (DIR made if needed), as import reads them back byte for byte.\n"
	"list     Each recommendation: code, theme, addressees, how many say\n"
	"         they are done and how many of those the inspectorate accepted\n"
	"         (tab-separated; --lang cy: in Welsh).\n"
	"report   The progress report, for publication (docs/inspections.md,\n"
	"         \"Reports\"): each recommendation (code, theme, source, text),\n"
	"         how many times it has been made and since when, and each\n"
	"         organisation it was made to: its own status, the inspectorate's\n"
	"         verdict, its last update, its actions and those past their\n"
	"         target date.  No child's data.  --format md (default), html\n"
	"         (one self-contained file), json or xlsx (needs -o); --lang cy:\n"
	"         in Welsh; -o FILE (default: standard output); --as-of\n"
	"         yyyy-mm-dd: the day of the position (default: today, UK time).\n";

const struct command commands[] = {
	{ "help", cmd_help, "show commands or one command's help", help_usage, 0 },
	{ "version", cmd_version, "print the version", version_usage, 0 },
	{ "migrate", cmd_migrate, "create or upgrade the store", migrate_usage, 0 },
	{ "import", cmd_import, "import SSDA903 returns, the homes register, "
	  "inspections or notifications",
	  import_usage, 0 },
	{ "validate", cmd_validate, "the DfE's rules over stored returns",
	  validate_usage, 0 },
	{ "rules", cmd_rules, "list the DfE validation rules cartref knows",
	  validate_usage, 0 },
	{ "export", cmd_export, "export a return, the homes register, "
	  "inspections or notifications",
	  export_usage, 0 },
	{ "stats", cmd_stats, "print the store's counts", stats_usage, 0 },
	{ "distance", cmd_distance, "miles between two postcodes",
	  distance_usage, 0 },
	{ "review", cmd_review, "the national review's figures and report",
	  review_usage, 0 },
	{ "user", cmd_user, "add, disable or reset users", user_usage, 0 },
	{ "audit", cmd_audit, "verify and read the audit trail", audit_usage,
	  0 },
	{ "serve", cmd_serve, "serve the web application and API",
	  serve_usage, 0 },
	{ "demo-data", cmd_demo_data, "write the synthetic Wales data set",
	  demo_usage, 0 },
	{ "demo-child", cmd_demo_child, "a child for the demo walk-through",
	  demo_child_usage, 0 },
	{ "missing", cmd_missing, "record missing episodes live (issue 5)",
	  missing_usage, 0 },
	{ "alerts", cmd_alerts, "run, list and answer proactive alerts",
	  alerts_usage, 0 },
	{ "webhook", cmd_webhook, "deliver alerts to an organisation's system",
	  webhook_usage, 0 },
	{ "outbox", cmd_outbox, "send due alert messages to webhooks",
	  outbox_usage, 0 },
	{ "recommendations", cmd_recommendations,
	  "the recommendations register: import, export, list",
	  recommendations_usage, 0 },
};
const size_t ncommands = ARRAY_SIZE(commands);

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < ncommands; i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

const char *cli_usage_of(const char *name)
{
	const struct command *cmd = find_command(name);

	if (!cmd)
		BUG("no command %s", name);
	return cmd->usage;
}

static void print_overview(FILE *out)
{
	fprintf(out,
		"usage: cartref [--db FILE] COMMAND [ARGS]\n"
		"\n"
		"cartref monitors children's residential care in Wales.\n"
		"\n"
		"Commands:\n");
	for (size_t i = 0; i < ncommands; i++)
		fprintf(out, "  %-10s  %s\n", commands[i].name,
			commands[i].summary);
	fprintf(out,
		"\n"
		"Global options:\n"
		"  --db FILE   the store (default cartref.db, or $CARTREF_DB)\n"
		"  --group-readable  make files 0640 and directories 0750\n"
		"              (umask 027) for the store's group, instead of\n"
		"              0600 and 0700 (or $CARTREF_GROUP_READABLE=1)\n"
		"  --allow-world-readable  open a store that every account can\n"
		"              read (refused otherwise)\n"
		"\n"
		"`cartref COMMAND --help` shows a command's options.\n");
}

int cli_usage(const char *usage, bool to_stderr)
{
	fputs(usage, to_stderr ? stderr : stdout);
	return to_stderr ? 2 : 0;
}

bool cli_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			break;
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return true;
	}
	return false;
}

int cli_fail(const struct err *e)
{
	fprintf(stderr, "cartref: %s\n", err_text(e));
	return 1;
}

int cli_open_store(struct cli *c, struct store **out)
{
	struct err err = ERR_INIT;
	char datadir[4096];
	int rc;

	rc = store_open(out, c->db, &err);
	if (rc)
		return cli_fail(&err);
	if (store_geo_loaded(*out))
		return 0;
	rc = geo_find_datadir(datadir, sizeof(datadir), &err);
	if (!rc)
		rc = geo_import(*out, datadir, &err);
	if (rc) {
		store_close(*out);
		*out = NULL;
		return cli_fail(&err);
	}
	return 0;
}

int cmd_help(struct cli *c, int argc, char **argv)
{
	const struct command *cmd;

	(void)c;
	if (argc < 2) {
		print_overview(stdout);
		return 0;
	}
	cmd = find_command(argv[1]);
	if (!cmd) {
		fprintf(stderr, "cartref: no command \"%s\"\n", argv[1]);
		return 2;
	}
	return cli_usage(cmd->usage, false);
}

int cmd_version(struct cli *c, int argc, char **argv)
{
	(void)c;
	(void)argc;
	(void)argv;
	printf("cartref %s (store schema %d)\n", VERSION,
	       store_schema_latest());
	return 0;
}

int main(int argc, char **argv)
{
	struct cli c = { getenv("CARTREF_DB") };
	const struct command *cmd;
	const char *g = getenv("CARTREF_GROUP_READABLE");
	bool group = g && *g && strcmp(g, "0"), allow_world = false;
	int i = 1;

	/* before any thread: times are read and written in UK local time */
	uk_time_init();
	if (!c.db || !*c.db)
		c.db = "cartref.db";
	while (i < argc && argv[i][0] == '-') {
		if (!strcmp(argv[i], "--db") && i + 1 < argc) {
			c.db = argv[i + 1];
			i += 2;
		} else if (!strncmp(argv[i], "--db=", 5)) {
			c.db = argv[i] + 5;
			i++;
		} else if (!strcmp(argv[i], "--group-readable")) {
			group = true;
			i++;
		} else if (!strcmp(argv[i], "--allow-world-readable")) {
			allow_world = true;
			i++;
		} else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			print_overview(stdout);
			return 0;
		} else if (!strcmp(argv[i], "--version")) {
			return cmd_version(&c, 0, NULL);
		} else {
			fprintf(stderr, "cartref: unknown option %s\n", argv[i]);
			print_overview(stderr);
			return 2;
		}
	}
	/* before any file is made: private modes and umask (base/file.h) */
	file_policy_set(group, allow_world);
	if (i >= argc) {
		print_overview(stderr);
		return 2;
	}
	cmd = find_command(argv[i]);
	if (!cmd) {
		fprintf(stderr, "cartref: no command \"%s\" (see cartref help)\n",
			argv[i]);
		return 2;
	}
	if (cli_wants_help(argc - i, argv + i))
		return cli_usage(cmd->usage, false);
	return cmd->fn(&c, argc - i, argv + i);
}
