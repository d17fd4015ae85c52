#!/usr/bin/env python3
"""tests/tools/http-probe.py: raw HTTP for the end-to-end tests (t0805).

  http-probe.py raw PORT
      send standard input as it is (printf escapes already applied) to
      127.0.0.1:PORT and print the status line of the answer ("-" when
      the server closes without one)

  http-probe.py slow PORT FIRST-LAST PER SECONDS
      slow-header clients: from each source address 127.0.0.FIRST to
      127.0.0.LAST, PER connections that send a request line and then one
      header byte every 0.2 s, never ending the headers; for SECONDS.
      Prints one line: opened, refused (closed by the server within
      0.2 s of opening), closed (by the server later), open (still open
      at the end) and the longest time a connection lasted before the
      server closed it ("max_life").  Only for loopback test servers.
"""
import select
import socket
import sys
import time


def raw(port):
    data = sys.stdin.buffer.read()
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    s.sendall(data)
    got = b""
    try:
        while b"\r\n" not in got:
            b = s.recv(4096)
            if not b:
                break
            got += b
    except OSError:
        pass
    s.close()
    line = got.split(b"\r\n", 1)[0].decode("latin-1")
    print(line if line else "-")


def slow(port, span, per, seconds):
    first, last = (int(x) for x in span.split("-"))
    conns = []      # [socket, opened_at, closed_at or None]
    for a in range(first, last + 1):
        for _ in range(per):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.bind(("127.0.0.%d" % a, 0))
            try:
                s.connect(("127.0.0.1", port))
                s.sendall(b"GET /api/v1/ping HTTP/1.1\r\nHost: x\r\n")
            except OSError:
                conns.append([s, time.monotonic(), time.monotonic()])
                continue
            s.setblocking(False)
            conns.append([s, time.monotonic(), None])
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        live = [c for c in conns if c[2] is None]
        if not live:
            break
        r, _, _ = select.select([c[0] for c in live], [], [], 0.2)
        now = time.monotonic()
        for c in live:
            if c[0] in r:
                try:
                    b = c[0].recv(4096)
                except OSError:
                    b = b""
                if not b:
                    c[2] = now
                    continue
            try:
                c[0].send(b"X")     # one more byte of a header name
            except OSError:
                c[2] = now
    refused = sum(1 for c in conns if c[2] is not None and c[2] - c[1] < 0.2)
    closed = sum(1 for c in conns if c[2] is not None) - refused
    still = sum(1 for c in conns if c[2] is None)
    lives = [c[2] - c[1] for c in conns if c[2] is not None]
    print("opened=%d refused=%d closed=%d open=%d max_life=%.1f" %
          (len(conns), refused, closed, still, max(lives) if lives else 0))
    for c in conns:
        c[0].close()


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "raw":
        raw(int(sys.argv[2]))
    elif len(sys.argv) == 6 and sys.argv[1] == "slow":
        slow(int(sys.argv[2]), sys.argv[3], int(sys.argv[4]),
             float(sys.argv[5]))
    else:
        sys.stderr.write(__doc__)
        sys.exit(2)


if __name__ == "__main__":
    main()
