#!/usr/bin/env bash
# A bounded load test of akhbar-serve on loopback: 8 concurrent clients
# (keep-alive connections), 2,000 GET /search requests made from the seeded
# 1,000-query latency set of the ANT corpus (each query twice: once as is,
# once with a variation: sorted by date, a date range, page 2, or every word
# required), top 10 with snippets and facets. Counts errors (anything but
# 200), prints throughput and the p50/p99 latency seen by the clients.
# Needs ../shared (make_corpus.py and the ANT files); skips cleanly without.
#
#   bench/http_load.sh            (after ./run.sh build)
#   CLIENTS=8 REQUESTS=2000 THREADS=4 bench/http_load.sh
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
MAKE_CORPUS="${MAKE_CORPUS:-$ROOT/../shared/peers/make_corpus.py}"
DB="${BENCH_DB:-$BUILD_DIR/bench-http-ant.db}"
CLIENTS="${CLIENTS:-8}"
REQUESTS="${REQUESTS:-2000}"
THREADS="${THREADS:-4}"
if [ ! -f "$MAKE_CORPUS" ]; then
    echo "bench/http_load.sh: skipped: $MAKE_CORPUS not found (../shared is not beside the project)"
    exit 0
fi
bench_require http_load.sh indexer/akhbar-index server/akhbar-serve

work="$(mktemp -d)"
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

python3 "$MAKE_CORPUS" --out "$work/ant" "${ANT_FILES[@]}" > /dev/null 2>&1
# Built once: the corpus's checksum beside the database says it is this
# corpus (checking 41,686 articles one by one takes minutes).
sum="$(sha256sum "$work/ant/corpus.jsonl" | cut -d' ' -f1)"
if [ "$(cat "$DB.corpus-sha256" 2>/dev/null)" != "$sum" ]; then
    "$BUILD_DIR/indexer/akhbar-index" -q --db "$DB" "$work/ant/corpus.jsonl" >&2 ||
        "$BUILD_DIR/indexer/akhbar-index" -q --db "$DB" --rebuild "$work/ant/corpus.jsonl" >&2
    echo "$sum" > "$DB.corpus-sha256"
fi

"$BUILD_DIR/server/akhbar-serve" --db "$DB" --listen 127.0.0.1:0 --threads "$THREADS" \
    2> "$work/serve.err" &
server_pid=$!
url=""
for _ in $(seq 100); do
    url="$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$work/serve.err")"
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || { cat "$work/serve.err" >&2; echo "bench/http_load.sh: the server did not start" >&2; exit 1; }

python3 - "$url" "$work/ant/queries_latency.tsv" "$CLIENTS" "$REQUESTS" <<'PY'
import http.client, json, sys, threading, time, urllib.parse

url, queries_file, clients, total = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
host_port = urllib.parse.urlparse(url).netloc
queries = [line.rstrip("\n").split("\t", 1)[1] for line in open(queries_file, encoding="utf-8")
           if "\t" in line]
variations = ["&sort=date", "&from=2020-01-01&to=2024-12-31", "&offset=10", "&all=1"]
paths = []
for i in range(total):
    q = urllib.parse.quote(queries[(i // 2) % len(queries)])
    extra = "" if i % 2 == 0 else variations[(i // 2) % len(variations)]
    paths.append("/search?limit=10&q=" + q + extra)

latencies, errors, refused, lock = [], {}, {}, threading.Lock()
def client(mine, timed=True):
    conn = http.client.HTTPConnection(host_port, timeout=60)
    for path in mine:
        start = time.perf_counter()
        try:
            conn.request("GET", path)
            r = conn.getresponse()
            body = r.read()
            status = r.status
            if status == 200:
                json.loads(body)
        except Exception as e:  # a dropped connection counts as an error
            status = type(e).__name__
            conn.close()
            conn = http.client.HTTPConnection(host_port, timeout=60)
        ms = (time.perf_counter() - start) * 1000
        if not timed:
            continue
        with lock:
            if status == 400:  # a query the library refuses (stopwords only): not an error
                message = json.loads(body)["error"]["message"]
                refused[message] = refused.get(message, 0) + 1
                status = 200
            latencies.append(ms)
            if status != 200:
                errors[status] = errors.get(status, 0) + 1

# Warm-up, untimed: every Searcher of the pool opened, its caches filled.
warm = [threading.Thread(target=client, args=(paths[c:200:clients], False)) for c in range(clients)]
for t in warm: t.start()
for t in warm: t.join()
threads = [threading.Thread(target=client, args=(paths[c::clients],)) for c in range(clients)]
start = time.perf_counter()
for t in threads: t.start()
for t in threads: t.join()
elapsed = time.perf_counter() - start
latencies.sort()
pick = lambda p: latencies[min(len(latencies) - 1, int(len(latencies) * p))]
print(f"requests {len(latencies)}, clients {clients}, errors {sum(errors.values())} {errors or ''}")
print(f"queries refused by the library (400, counted as answered): {sum(refused.values())}",
      "; ".join(f"{n} x {m}" for m, n in sorted(refused.items(), key=lambda x: -x[1])[:3]))
print(f"throughput {len(latencies) / elapsed:.1f} requests/s over {elapsed:.1f} s")
print(f"latency p50 {pick(0.50):.1f} ms, p99 {pick(0.99):.1f} ms, max {latencies[-1]:.1f} ms")
PY
echo "server: akhbar-serve --threads $THREADS; database $DB, $(du -sh "$DB" | cut -f1)"
