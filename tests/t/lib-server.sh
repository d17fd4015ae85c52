# tests/t/lib-server.sh: a cartref server for an end-to-end test, sourced
# after lib.sh (as git's t/lib-*.sh).  It listens on 127.0.0.1 only and
# is stopped by its PID, also when the script exits early.
#
# The script sets db (the store), out (the server's standard output) and
# log (its standard error, appended), and SERVER_PORT_BASE (default
# 20000): ports are tried from there, so that scripts running at the same
# time rarely meet.
#
#   start_server [serve options...]
#	a free port (retried when taken, up to 10 times) and a bounded
#	wait (30 s) for the server to answer /api/v1/ping; sets port, pid
#	and U (its base URL); 1 when it never answers
#   server_up
#	start_server as a check, "server starts on 127.0.0.1:PORT"; when
#	it does not, the server's log, and the script ends there
#   stop_server
#	stops it (SIGTERM) and returns its exit status (0: it stopped
#	cleanly)
pid=""
port=""

start_server() {
	tries=0
	while [ "$tries" -lt 10 ]; do
		port=$(( ${SERVER_PORT_BASE:-20000} + ($$ + tries * 97) % 1000))
		"$CARTREF" --db "$db" serve --listen "127.0.0.1:$port" "$@" \
			>"$out" 2>>"$log" &
		pid=$!
		i=0
		while [ "$i" -lt 300 ]; do
			if grep -q "serving" "$out" 2>/dev/null &&
			    curl -s -o /dev/null "http://127.0.0.1:$port/api/v1/ping"; then
				U=http://127.0.0.1:$port
				return 0
			fi
			kill -0 "$pid" 2>/dev/null || break	# exited: port taken?
			sleep 0.1
			i=$((i + 1))
		done
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		pid=""
		tries=$((tries + 1))
	done
	return 1
}

stop_server() {
	if [ -n "$pid" ]; then
		kill "$pid" 2>/dev/null
		wait "$pid"
		status=$?
		pid=""
		return "$status"
	fi
}

server_up() {
	if ! start_server; then
		not_ok "server starts" "$(cat "$log")"
		done_testing
		exit 1
	fi
	ok "server starts on 127.0.0.1:$port"
}

trap 'stop_server' EXIT

# HTTP with curl, each answer kept as $WORK/NAME.h (headers) and
# $WORK/NAME.b (body):
#
#   get NAME CURL-ARGS...          one request
#   status NAME                    its status code
#   header NAME FIELD              a header's value (first, no CR)
#   location NAME                  its Location
#   form_token NAME                the first CSRF token of a form in it
#   session_start WHO EMAIL PASSWORD
#	signs in with a fresh cookie jar, $WORK/WHO.jar (the answers are
#	WHO-form and WHO-in); true when sign-in answers 303
get() {
	name=$1
	shift
	curl -s -D "$WORK/$name.h" -o "$WORK/$name.b" "$@"
}
status() {
	sed -n '1s/^HTTP\/[0-9.]* \([0-9]*\).*/\1/p' "$WORK/$1.h"
}
header() {
	grep -i "^$2:" "$WORK/$1.h" | head -1 | sed 's/^[^:]*: *//; s/\r$//'
}
location() {
	header "$1" Location
}
form_token() {
	sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$WORK/$1.b" | head -1
}
session_start() {
	jar=$WORK/$1.jar
	rm -f "$jar"
	get "$1-form" -c "$jar" -b "$jar" "$U/sign-in"
	get "$1-in" -c "$jar" -b "$jar" \
		--data-urlencode "csrf=$(form_token "$1-form")" \
		--data-urlencode "email=$2" \
		--data-urlencode "password=$3" "$U/sign-in"
	[ "$(status "$1-in")" = 303 ]
}

# What a body says ($WORK/NAME.b); on failure each says why:
#
#   has NAME TEXT...               every text is in it
#   hasnt NAME TEXT...             no text is in it
#   html_ok NAME                   xmllint parses it with no error but
#	HTML5 tags it does not know (its HTML parser is HTML 4: nav,
#	main, svg...)
has() {
	f=$WORK/$1.b
	shift
	for t in "$@"; do
		grep -qF -- "$t" "$f" || { echo "no '$t' in $f"; return 1; }
	done
}
hasnt() {
	f=$WORK/$1.b
	shift
	for t in "$@"; do
		if grep -qF -- "$t" "$f"; then echo "'$t' in $f"; return 1; fi
	done
}
html_ok() {
	command -v xmllint >/dev/null ||
		{ echo "xmllint is not installed (scripts/deps)"; return 1; }
	[ -s "$WORK/$1.b" ] || { echo "$WORK/$1.b is empty"; return 1; }
	errs=$(xmllint --html --noout "$WORK/$1.b" 2>&1 |
		grep 'parser error' | grep -v 'Tag [a-z]* invalid')
	[ -z "$errs" ] || { echo "$errs"; return 1; }
}
