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

trap 'stop_server' EXIT
