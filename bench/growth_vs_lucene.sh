#!/usr/bin/env bash
# How cost grows with the collection, Akhbar beside Lucene in one run: the
# peers' common ANT corpus cut to SIZE articles, or repeated with distinct ids
# (`ID~2`, `ID~3`, ...) beyond its 41,686, each size indexed by both engines
# and searched with the peers' 1,000 queries (top 10, a snippet per hit; Akhbar
# as an OR of the words' stems, `--literal --strict exact`, as Lucene's). One
# Markdown row per size: build time, index size, peak memory while indexing,
# latency p50 and p99, each engine's and the ratio Akhbar / Lucene. Needs
# ../shared/peers and ../shared/data/ant; skips cleanly without them.
#
#   bench/growth_vs_lucene.sh [SIZE...]   (after ./run.sh build;
#                                          default 10000 41686 166744)
#
# Environment: PEERS_DIR (default ../shared/peers), VS_WORK (scratch folder,
# default $BUILD_DIR/vs-growth).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
PEERS="${PEERS_DIR:-$ROOT/../shared/peers}"
W="${VS_WORK:-$BUILD_DIR/vs-growth}"
bench_require growth_vs_lucene.sh indexer/akhbar-index searcher/akhbar-search
[ -x "$PEERS/run_lucene.sh" ] || { echo "bench/growth_vs_lucene.sh: skipped: $PEERS not found"; exit 0; }
[ -x /usr/bin/time ] || { echo "bench/growth_vs_lucene.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 41686 166744)

mkdir -p "$W"
"$PEERS/make_corpus.py" --out "$W/data" "${ANT_FILES[@]}" > "$W/data.sha256" 2> /dev/null
Q="$W/data/queries_latency.tsv"

echo "Growth, $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'), $(date -u +%FT%TZ)"
echo
echo "| articles | build s (Lucene / Akhbar, ratio) | index MB (L / A) | peak MB indexing (L / A) | p50 ms (L / A, ratio) | p99 ms (L / A, ratio) |"
echo "|---:|---|---|---|---|---|"
for n in "${SIZES[@]}"; do
    R="$W/$n"
    rm -rf "$R" && mkdir -p "$R"
    # The first n articles, the corpus repeated with distinct ids as needed.
    python3 - "$W/data/corpus.jsonl" "$n" > "$R/corpus.jsonl" <<'EOF'
import json, sys
# split("\n"), not splitlines(): article text holds U+2028 and the like.
lines = open(sys.argv[1], encoding="utf-8").read().rstrip("\n").split("\n")
n, copy = int(sys.argv[2]), 1
while n > 0:
    for line in lines[:n]:
        if copy > 1:
            a = json.loads(line)
            a["id"] = f"{a['id']}~{copy}"
            line = json.dumps(a, ensure_ascii=False)
        print(line)
    n -= min(n, len(lines))
    copy += 1
EOF
    echo "$n articles, before Lucene: $(uptime)" >&2
    "$PEERS/run_lucene.sh" --corpus "$R/corpus.jsonl" --queries "$Q" --out "$R/lucene" \
        --dataset "ant-$n" > "$R/lucene.out" 2> "$R/lucene.log"
    echo "$n articles, before Akhbar: $(uptime)" >&2
    /usr/bin/time -f '%e %M' -o "$R/index.time" "$BUILD_DIR/indexer/akhbar-index" -q \
        --db "$R/akhbar.db" "$R/corpus.jsonl" > /dev/null
    read -r build_s build_rss < <(tail -n 1 "$R/index.time")
    "$BUILD_DIR/searcher/akhbar-search" --db "$R/akhbar.db" --batch "$Q" --format trec --limit 10 \
        --literal --strict exact --no-facets --warmup --timings "$R/latency.tsv" > /dev/null \
        2> "$R/search.err" || [ $? -eq 2 ]
    "$PEERS/compare.py" "$R/lucene/result.json" --name akhbar --latency "$R/latency.tsv" \
        --build-s "$build_s" --build-rss-kb "$build_rss" --index "$R/akhbar.db" > "$R/compare.md"
    python3 - "$R/compare.md" "$n" <<'EOF'
import sys
rows = {}
for line in open(sys.argv[1], encoding="utf-8"):
    c = [x.strip() for x in line.strip().strip("|").split("|")]
    if len(c) == 4:
        rows[c[0]] = c[1:]
def pair(key, ratio=False):
    l, a, r = rows[key]
    return f"{l} / {a}" + (f" ({r}×)" if ratio else "")
print(f"| {int(sys.argv[2]):,} | {pair('build time (s)', True)} | {pair('index size (MB)')} "
      f"| {pair('peak RSS, indexing (MB)')} | {pair('latency p50 (ms)', True)} "
      f"| {pair('latency p99 (ms)', True)} |")
EOF
done
