#!/usr/bin/env bash
# Scale-out on one machine: the ANT corpus (both files) as one database,
# as N local shards searched through a stub file, and as the same N shards
# served by xapian-tcpsrv on loopback; the same 1,000 seeded queries as
# bench/search.sh, timed in-process after a warm-up pass. Then index size
# before and after `akhbar-index --compact`, for a database and for month
# shards that were both grown by a second, incremental run.
# Needs ../shared/data/ant and xapian-tcpsrv; skips cleanly without the data.
#
#   bench/shards.sh [N]        (after ./run.sh build; N defaults to 4)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_require shards.sh indexer/akhbar-index searcher/akhbar-search bench/akhbar-bench-queries
command -v xapian-tcpsrv > /dev/null ||
    { echo "bench/shards.sh: needs xapian-tcpsrv (apt-get install xapian-tools)" >&2; exit 1; }
N="${1:-4}"
INDEX="$BUILD_DIR/indexer/akhbar-index"
SEARCH="$BUILD_DIR/searcher/akhbar-search"

work="$(mktemp -d)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill -- "-$pid" 2> /dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

# N parts of the corpus, article i in part i mod N.
zcat "${ANT_FILES[@]}" | awk -v n="$N" -v dir="$work" '{ print > (dir "/part" (NR - 1) % n ".jsonl") }'
"$INDEX" -q --db "$work/single" "${ANT_FILES[@]}" > /dev/null
: > "$work/local.stub"
: > "$work/remote.stub"
for i in $(seq 0 $((N - 1))); do
    "$INDEX" -q --db "$work/shard$i" "$work/part$i.jsonl" > /dev/null
    echo "auto shard$i" >> "$work/local.stub"
    port=$((20000 + RANDOM % 20000))
    setsid xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$port" "$work/shard$i" > /dev/null 2>&1 &
    pids+=($!)
    for _ in $(seq 100); do
        (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null && break
        sleep 0.05
    done
    echo "remote :127.0.0.1:$port" >> "$work/remote.stub"
done
"$BUILD_DIR/bench/akhbar-bench-queries" 500 "${ANT_FILES[@]}" > "$work/queries.tsv"

run() {  # label, database, extra options...
    local label="$1" db="$2"; shift 2
    "$SEARCH" --db "$db" --batch "$work/queries.tsv" --json --limit 10 \
        --warmup --timings "$work/t.tsv" "$@" > /dev/null 2> "$work/err" || true
    read -r p50 p95 p99 n < <(percentiles "$work/t.tsv")
    printf "| %s | %s ms | %s ms | %s ms | %s |\n" "$label" "$p50" "$p95" "$p99" "$n"
}

echo "Query latency, $(grep -c . "$work/queries.tsv") queries, top 10 with snippets:"
echo
echo "| layout | p50 | p95 | p99 | queries timed |"
echo "|---|---|---|---|---|"
for facets in no-facets facets; do
    opt=(); [ "$facets" = no-facets ] && opt=(--no-facets)
    run "one database, $facets" "$work/single" "${opt[@]}"
    run "$N local shards (stub file), $facets" "$work/local.stub" "${opt[@]}"
    run "$N remote shards (xapian-tcpsrv, loopback), $facets" "$work/remote.stub" "${opt[@]}"
done
echo
echo "one database $(bytes_of "$work/single") bytes; $N shards $(bytes_of "$work"/shard*) bytes"

[ "${SHARDS_LATENCY_ONLY:-}" = 1 ] && exit 0

# Compaction after growth: half the corpus, then the other half in a second
# (incremental, in-place) run.
for i in $(seq 0 $((N - 1))); do
    if [ $((i % 2)) -eq 0 ]; then cat "$work/part$i.jsonl"; fi
done > "$work/first.jsonl"
for i in $(seq 0 $((N - 1))); do
    if [ $((i % 2)) -eq 1 ]; then cat "$work/part$i.jsonl"; fi
done > "$work/second.jsonl"
echo
echo "| database grown in two runs | before --compact | after | compaction time |"
echo "|---|---|---|---|"
for layout in single month; do
    db="$work/grown-$layout"
    opt=(); [ "$layout" = month ] && opt=(--shard-by month)
    "$INDEX" -q --db "$db" "${opt[@]}" "$work/first.jsonl" > /dev/null
    "$INDEX" -q --db "$db" "$work/second.jsonl" > /dev/null
    before=$(bytes_of "$db")
    start=$(date +%s.%N)
    "$INDEX" --db "$db" --compact > /dev/null
    awk -v l="$layout" -v b="$before" -v a="$(bytes_of "$db")" -v s="$start" -v e="$(date +%s.%N)" \
        'BEGIN { printf "| %s | %.1f MB | %.1f MB | %.1f s |\n", l, b / 1e6, a / 1e6, e - s }'
done
