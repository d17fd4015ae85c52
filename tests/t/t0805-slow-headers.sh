#!/bin/sh
# t0805: the server under slow-header clients and ambiguous framing
# (issue 10, item 12).  About 1,300 connections that never finished
# their headers, from a handful of addresses, once took every connection
# the server had.  Here 150 of them, 30 from each of five loopback
# addresses (tests/tools/http-probe.py slow), against a server allowed 120
# connections, 2 seconds to send headers, 40 connections sending headers
# in all and 10 from one address: a normal client from another address
# is served all through, the slow ones are refused at accept or closed
# by the server soon after the deadline, and none is left open.  Then
# requests whose framing two readers could take two ways (a length and
# chunks, two lengths, two Transfer-Encodings, two Hosts) get 400 and
# the connection closed, and with --public-name a Host that is not one of
# the names is 400.  Behind nginx (--trust-proxy) the guard stands aside.
. tests/t/lib.sh

db=$WORK/slow.db
log=$WORK/server.log
out=$WORK/server.out
PROBE="python3 tests/tools/http-probe.py"

fresh_db "$db"
SERVER_PORT_BASE=23000
. tests/t/lib-server.sh

if start_server --max-connections 120 --header-timeout 2 \
	--max-pending-headers 40 --pending-headers-per-ip 10; then
	ok "serve takes --header-timeout, --max-pending-headers, --pending-headers-per-ip"
else
	not_ok "serve takes --header-timeout, --max-pending-headers, --pending-headers-per-ip" "$(cat "$log")"
	done_testing
	exit 1
fi

# ---- slow headers ------------------------------------------------------------------
$PROBE slow "$port" 10-14 30 6 >"$WORK/slow.out" 2>&1 &
slow=$!
sleep 1
served=0
for i in 1 2 3 4; do
	code=$(curl -s --interface 127.0.0.2 --max-time 3 -o /dev/null \
		-w '%{http_code}' "$U/api/v1/ping")
	[ "$code" = 200 ] && served=$((served + 1))
	sleep 1
done
wait "$slow"
check_eq "a client from another address is served all through the storm" 4 "$served"
r=$(cat "$WORK/slow.out")
check_grep "150 slow connections opened" "^opened=150 " "$WORK/slow.out"
check_eq "none is left open" "open=0" "$(echo "$r" | grep -o 'open=[0-9]*')"
life=$(echo "$r" | sed -n 's/.*max_life=\([0-9]*\)\..*/\1/p')
if [ -n "$life" ] && [ "$life" -lt 4 ]; then
	ok "each closed within the 2-second deadline and a little ($r)"
else
	not_ok "each closed within the 2-second deadline and a little" "$r"
fi
refused=$(echo "$r" | sed -n 's/.*refused=\([0-9]*\).*/\1/p')
check "most refused at accept: 10 per address may wait ($r)" test "${refused:-0}" -ge 90
check_eq "and the server still answers" 200 \
	"$(curl -s -o /dev/null -w '%{http_code}' "$U/api/v1/ping")"

# ---- framing ----------------------------------------------------------------------------
raw() { printf "$1" | $PROBE raw "$port"; }
B400="HTTP/1.1 400 Bad Request"
check_eq "Content-Length with chunked: 400" "$B400" \
	"$(raw 'POST /sign-in HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n')"
check_eq "two Content-Lengths that disagree: 400" "$B400" \
	"$(raw 'POST /sign-in HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nabcdef')"
check_eq "two that agree: 400 too" "$B400" \
	"$(raw 'POST /sign-in HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nabcde')"
check_eq "two Transfer-Encodings: 400" "$B400" \
	"$(raw 'POST /sign-in HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n')"
check_eq "two Hosts: 400" "$B400" \
	"$(raw 'GET /api/v1/ping HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n')"
printf 'POST /sign-in HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /api/v1/ping HTTP/1.1\r\nHost: x\r\n\r\n' |
	python3 -c '
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5)
s.sendall(sys.stdin.buffer.read())
d = b""
while True:
    b = s.recv(4096)
    if not b:
        break
    d += b
print(d.count(b"HTTP/1.1 "), b"Connection: close" in d)' "$port" >"$WORK/smuggle.out" 2>&1
check_eq "what follows is never read as a request: one answer, then closed" "1 True" "$(cat "$WORK/smuggle.out")"
check_eq "a plain request is still fine" "HTTP/1.1 200 OK" \
	"$(raw 'GET /api/v1/ping HTTP/1.1\r\nHost: x\r\n\r\n')"
stop_server

# ---- Host --------------------------------------------------------------------------------
if start_server --public-name cartref.example.org --public-name 127.0.0.1; then
	ok "serve --public-name, twice"
else
	not_ok "serve --public-name, twice" "$(cat "$log")"
fi
host() { curl -s -o /dev/null -w '%{http_code}' -H "Host: $1" "$U/api/v1/ping"; }
check_eq "a configured name: 200" 200 "$(host cartref.example.org)"
check_eq "in any case, with a port: 200" 200 "$(host CARTREF.Example.org:443)"
check_eq "the other name: 200" 200 "$(host "127.0.0.1:$port")"
check_eq "another name: 400" 400 "$(host evil.example)"
check_eq "a name that only starts like one: 400" 400 "$(host cartref.example.org.evil)"
check_eq "a bad port: 400" 400 "$(host cartref.example.org:x)"
check_eq "no Host (HTTP/1.0): 400" "$B400" "$(raw 'GET /api/v1/ping HTTP/1.0\r\n\r\n')"
curl -s -D "$WORK/wrong-host.h" -o "$WORK/wrong-host.b" -H "Host: evil.example" "$U/children"
check "the 400 page, in Welsh and English" has wrong-host "Cymraeg"
stop_server
# ---- behind the proxy ---------------------------------------------------------------------
# nginx (--trust-proxy, from loopback) sends headers whole and keeps idle
# connections for the next request: the guard leaves it alone
if start_server --trust-proxy --header-timeout 2 --pending-headers-per-ip 5; then
	$PROBE slow "$port" 1-1 12 3 >"$WORK/proxy.out" 2>&1
	check_grep "the proxy's connections are neither refused nor cut at the deadline" \
		"^opened=12 refused=0 closed=0 open=12 " "$WORK/proxy.out"
else
	not_ok "serve --trust-proxy" "$(cat "$log")"
fi
stop_server
check_status "a --public-name that is not a host name" 2 \
	"$CARTREF" --db "$db" serve --listen 127.0.0.1:1 --public-name "bad name"
done_testing
