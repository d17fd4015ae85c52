#!/bin/sh
# t0800: `cartref serve` over real HTTP on loopback: the JSON API, pages in
# English and Welsh, security headers on every response, friendly errors,
# limits (413, 414, 431, 405), path traversal on /assets, static assets
# and their caching, keep-alive, the access log's privacy, and shutdown.
. tests/t/lib.sh

db=$WORK/x.db
log=$WORK/server.log
out=$WORK/server.out

SERVER_PORT_BASE=18000
. tests/t/lib-server.sh

if ! start_server; then
	not_ok "server starts" "$(cat "$log")"
	done_testing
	exit 1
fi
ok "server starts and answers on 127.0.0.1:$port"
U=http://127.0.0.1:$port

# --- the JSON API ---
get ping "$U/api/v1/ping"
check_eq "ping: 200" 200 "$(status ping)"
check_eq "ping: body" '{"status":"ok","service":"cartref"}' "$(cat "$WORK/ping.b")"
check_eq "ping: JSON content type" "application/json" "$(header ping Content-Type)"
get api404 "$U/api/v1/nope"
check_eq "unknown API resource: 404" 404 "$(status api404)"
check_eq "API errors are JSON" \
	'{"error":{"code":"not_found","message":"There is no such resource."}}' \
	"$(cat "$WORK/api404.b")"
get api405 -X DELETE "$U/api/v1/ping"
check_eq "DELETE on ping: 405" 405 "$(status api405)"
check_grep "405 JSON names the error" method_not_allowed "$WORK/api405.b"

# --- pages, English and Welsh ---
get en "$U/"
check_eq "start page: 200" 200 "$(status en)"
check_grep "start page in English" '<html lang="en"' "$WORK/en.b"
check_grep "start page: GOV.UK stylesheet linked" \
	'href="/assets/govuk-frontend.min.css?v=' "$WORK/en.b"
check_grep "start page: link to Cymraeg" 'href="/?lang=cy" rel="alternate" lang="cy"' \
	"$WORK/en.b"
check_grep "start page: OGL footer" "Open Government Licence v3.0" "$WORK/en.b"
check_eq "pages are text/html" "text/html; charset=utf-8" "$(header en Content-Type)"
get cy "$U/?lang=cy"
check_grep "?lang=cy gives Welsh" '<html lang="cy"' "$WORK/cy.b"
check_grep "Welsh start page text" "Monitro gofal preswyl" "$WORK/cy.b"
check_grep "Welsh footer" "Drwydded Llywodraeth Agored" "$WORK/cy.b"
check_grep "?lang=cy sets the lang cookie" "^Set-Cookie: lang=cy; Path=/;" "$WORK/cy.h"
get cookie -H "Cookie: lang=cy" "$U/"
check_grep "lang cookie gives Welsh" '<html lang="cy"' "$WORK/cookie.b"
get al -H "Accept-Language: cy-GB,cy;q=0.9,en;q=0.5" "$U/"
check_grep "Accept-Language gives Welsh" '<html lang="cy"' "$WORK/al.b"
get head -I "$U/"
check_eq "HEAD /: 200" 200 "$(status head)"
check "HEAD /: no body" sh -c "! grep -q '<html' '$WORK/head.b'"

# --- security headers on every response, errors included ---
for r in ping api404 en cy; do
	check_grep "$r: Content-Security-Policy" \
		"^Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'" \
		"$WORK/$r.h"
	check_grep "$r: nosniff" "^X-Content-Type-Options: nosniff" "$WORK/$r.h"
	check_grep "$r: no framing" "^X-Frame-Options: DENY" "$WORK/$r.h"
	check_grep "$r: Referrer-Policy" "^Referrer-Policy: same-origin" "$WORK/$r.h"
	check_grep "$r: COOP" "^Cross-Origin-Opener-Policy: same-origin" "$WORK/$r.h"
	check_grep "$r: Permissions-Policy" "^Permissions-Policy: " "$WORK/$r.h"
	check_grep "$r: not cached" "^Cache-Control: no-store" "$WORK/$r.h"
done
check "no Server header" sh -c "! grep -qi '^Server:' '$WORK/en.h'"

# --- friendly errors that leak nothing ---
get nf "$U/no/such/page"
check_eq "404: status" 404 "$(status nf)"
check_grep "404: friendly" "Page not found" "$WORK/nf.b"
check_grep "404: a way back" 'href="/"' "$WORK/nf.b"
check_grep "404: CSP too" "^Content-Security-Policy: " "$WORK/nf.h"
check "404: names nothing inside" sh -c "! grep -Eiq 'node_modules|/work/|src/|\\.c\\b|errno|sqlite|microhttpd' '$WORK/nf.b'"
get nfcy "$U/no/such/page?lang=cy"
check_eq "404 in Welsh: status" 404 "$(status nfcy)"
check_grep "404 in Welsh" "Heb ddod o hyd i" "$WORK/nfcy.b"
check_grep "404 in Welsh: lang" '<html lang="cy"' "$WORK/nfcy.b"
get xss "$U/%3Cscript%3Ealert(1)%3C/script%3E"
check "404: the path is never markup" sh -c "! grep -q '<script' '$WORK/xss.b'"
get nul "$U/a%00b"
check_eq "an encoded NUL: 400" 400 "$(status nul)"
check_grep "400: friendly" "problem with the request" "$WORK/nul.b"
get badpct "$U/?q=%zz"
check_eq "a bad escape in the query: 400" 400 "$(status badpct)"

# --- path traversal on /assets: 404, never a file ---
for p in "/assets/../README.md" "/assets/%2e%2e/README.md" \
	"/assets/%2E%2E/%2E%2E/README.md" "/assets/..%2fREADME.md" \
	"/assets/fonts%2F..%2F..%2F..%2F..%2FREADME.md" \
	"/assets/..%5c..%5cREADME.md" "/assets/../../../../../../etc/passwd" \
	"/assets//etc/passwd" "/assets/%2fetc%2fpasswd" "/assets/." \
	"/assets/fonts" "/assets/fonts/" "/assets/../src/web/server.c" \
	"/assets/govuk-frontend.min.css.map" "/assets/../package.json"; do
	code=$(curl -s --path-as-is -o "$WORK/trav.b" -w '%{http_code}' "$U$p")
	check_eq "traversal $p: 404" 404 "$code"
	check "traversal $p: not a file" sh -c "! grep -Eq 'root:|cartref \\(Welsh|#include|\"dependencies\"' '$WORK/trav.b'"
done

# --- static assets ---
get css "$U/assets/govuk-frontend.min.css"
check_eq "GOV.UK CSS: 200" 200 "$(status css)"
check_eq "GOV.UK CSS: content type" "text/css; charset=utf-8" "$(header css Content-Type)"
check_eq "assets cached for a year" "public, max-age=31536000, immutable" \
	"$(header css Cache-Control)"
check_grep "assets: CSP too" "^Content-Security-Policy: " "$WORK/css.h"
# the real file, but for its @font-face rules for fonts not served
# (assets.c): the rest byte for byte
check "GOV.UK CSS: the real file, without the fonts not served" sh -c \
	"sed 's/@font-face{[^}]*\/assets\/fonts\/[^}]*}//g' node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css | cmp -s - '$WORK/css.b'"
check "GOV.UK CSS: no font it would ask for and not get" sh -c "! grep -q '/assets/fonts/' '$WORK/css.b'"
font=$(cd node_modules/govuk-frontend/dist/govuk/assets/fonts && ls *.woff2 | head -1)
get font "$U/assets/fonts/$font"
check_eq "GDS Transport is not served (GOV.UK-only licence)" 404 "$(status font)"
get own "$U/assets/cartref.css"
check_eq "cartref.css: served" 200 "$(status own)"
get svg "$U/assets/favicon.svg"
check_eq "svg: content type" "image/svg+xml" "$(header svg Content-Type)"
etag=$(header css ETag)
get css304 -H "If-None-Match: $etag" "$U/assets/govuk-frontend.min.css"
check_eq "If-None-Match: 304" 304 "$(status css304)"

# --- limits ---
head -c 100000 /dev/zero | tr '\0' a >"$WORK/big.txt"
get big -H "Content-Type: application/x-www-form-urlencoded" \
	--data-binary @"$WORK/big.txt" "$U/"
check_eq "body over 64 KiB: 413" 413 "$(status big)"
check_grep "413: friendly" "too large" "$WORK/big.b"
get bigc -H "Transfer-Encoding: chunked" --data-binary @"$WORK/big.txt" "$U/"
check_eq "chunked body over 64 KiB: 413" 413 "$(status bigc)"
long=$(head -c 3000 /dev/zero | tr '\0' a)
get long "$U/?q=$long"
check_eq "URL over 2 KiB: 414" 414 "$(status long)"
check_grep "414: friendly" "too long" "$WORK/long.b"
hdr=$(head -c 40000 /dev/zero | tr '\0' a)
get hbig -H "X-Big: $hdr" "$U/"
check_eq "headers over the memory limit: 431" 431 "$(status hbig)"
get brew -X BREW "$U/"
check_eq "unknown method: 405" 405 "$(status brew)"
check_eq "405: Allow" "GET, HEAD" "$(header brew Allow)"
get post -d "a=1" "$U/"
check_eq "POST to a GET page: 405" 405 "$(status post)"

# --- keep-alive ---
curl -sv -o /dev/null -o /dev/null "$U/api/v1/ping" "$U/" 2>"$WORK/ka.txt"
check_grep "keep-alive: second request re-uses the connection" \
	"Re-using existing connection" "$WORK/ka.txt"

# --- the access log: method, path, status, time; no query, no cookies ---
curl -s -o /dev/null -H "Cookie: sid=cookiesecret" "$U/api/v1/ping?token=querysecret"
curl -s -o /dev/null -d "password=formsecret" "$U/"
sleep 0.2
check_grep "access log: a line per request" \
	'Z GET /api/v1/ping 200 [0-9]*\.[0-9]ms$' "$log"
check_grep "access log: errors too" 'Z GET /no/such/page 404 ' "$log"
check "access log: no query strings" sh -c "! grep -Eq 'querysecret|\\?|lang=cy' '$log'"
check "access log: no cookies" sh -c "! grep -q cookiesecret '$log'"
check "access log: no bodies" sh -c "! grep -q formsecret '$log'"

# --- options ---
check "serve --help" sh -c "$CARTREF serve --help | grep -q '^usage: cartref .*serve'"
check_status "a non-loopback address is refused" 1 \
	"$CARTREF" --db "$db" serve --listen "0.0.0.0:$port"
check_status "a bad --listen is a usage error" 2 \
	"$CARTREF" --db "$db" serve --listen "nowhere"
check_status "an unknown option is a usage error" 2 \
	"$CARTREF" --db "$db" serve --frob

# --- shutdown ---
stop_server
check_eq "SIGTERM stops the server cleanly" 0 "$?"
check_grep "shutdown is logged" "cartref: stopping" "$log"
done_testing
