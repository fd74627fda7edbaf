"""Bounded loopback load test of `factlint serve` (see scripts/load.sh)."""

import http.client
import json
import os
import sys
import threading
import time
import urllib.parse

host, port = "127.0.0.1", int(sys.argv[1])
clients, seconds, corpus = int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
assert host == "127.0.0.1"
articles = []
for name in sorted(os.listdir(corpus)):
    if name.endswith((".md", ".txt", ".html")):
        with open(os.path.join(corpus, name), encoding="utf-8") as f:
            articles.append((name, f.read()))
assert articles, "no articles"
bodies = []
for i, (name, text) in enumerate(articles):
    if i % 2 == 0:
        fmt = "html" if name.endswith(".html") else "markdown" if name.endswith(".md") else "text"
        bodies.append(("/api/check", "application/json", json.dumps({"text": text, "format": fmt, "path": name}).encode()))
    else:
        bodies.append(("/v2/check", "application/x-www-form-urlencoded",
                       urllib.parse.urlencode({"text": text, "language": "en-US"}).encode()))

latencies, errors, lock = [], [], threading.Lock()
stop_at = time.monotonic() + seconds


def client(k):
    conn = http.client.HTTPConnection(host, port, timeout=30)
    mine, i = [], k
    while time.monotonic() < stop_at:
        path, kind, body = bodies[i % len(bodies)]
        i += clients
        t = time.perf_counter()
        try:
            conn.request("POST", path, body=body, headers={"content-type": kind})
            r = conn.getresponse()
            data = r.read()
            if r.status != 200:
                with lock:
                    errors.append(f"{r.status} {data[:200]!r}")
            else:
                json.loads(data)
        except Exception as e:  # noqa: BLE001 - every failure counts as an error
            with lock:
                errors.append(repr(e))
            conn.close()
            conn = http.client.HTTPConnection(host, port, timeout=30)
            continue
        mine.append(time.perf_counter() - t)
    conn.close()
    with lock:
        latencies.extend(mine)


threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
start = time.monotonic()
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.monotonic() - start
latencies.sort()
n = len(latencies)
pct = lambda p: latencies[min(n - 1, int(p * n))] * 1000 if n else float("nan")  # noqa: E731
print(json.dumps({
    "clients": clients, "seconds": round(elapsed, 1), "requests": n, "errors": len(errors),
    "requests_per_second": round(n / elapsed, 1), "p50_ms": round(pct(0.50), 1),
    "p99_ms": round(pct(0.99), 1), "articles": len(articles),
}))
for e in errors[:5]:
    print("error:", e, file=sys.stderr)
sys.exit(1 if errors else 0)
