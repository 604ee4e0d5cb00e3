#!/usr/bin/env bash
# How index size, build time and query latency grow with the collection on
# one machine: fixed, seeded samples of the ANT corpus (both files) of
# increasing size, each indexed into a fresh database and searched with the
# same 1,000 seeded queries as bench/search.sh (top 10 with snippets, and
# with facets over all matches). Needs ../shared/data/ant; skips without it.
#
#   bench/scaling.sh [SIZE...]   (after ./run.sh build; default 5000 10000 20000 41686)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_require scaling.sh indexer/akhbar-index searcher/akhbar-search bench/akhbar-bench-queries
[ -x /usr/bin/time ] || { echo "bench/scaling.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(5000 10000 20000 41686)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# One fixed shuffle of all articles; each size takes its first SIZE lines,
# so that every sample contains the smaller ones.
zcat "${ANT_FILES[@]}" | shuf --random-source=<(yes 20251123) > "$work/all.jsonl"
"$BUILD_DIR/bench/akhbar-bench-queries" 500 "${ANT_FILES[@]}" > "$work/queries.tsv"

latency() {  # database, extra options... -> "p50 p95 p99"
    local db="$1"; shift
    "$BUILD_DIR/searcher/akhbar-search" --db "$db" --batch "$work/queries.tsv" --json --limit 10 \
        --warmup --timings "$work/t.tsv" "$@" > /dev/null 2>&1 || true
    percentiles "$work/t.tsv" | cut -d' ' -f1-3
}

echo "| articles | build | articles/s | index size | bytes/article | p50 / p95 / p99, no facets | p50 / p95 / p99, facets |"
echo "|---|---|---|---|---|---|---|"
for n in "${SIZES[@]}"; do
    head -n "$n" "$work/all.jsonl" > "$work/sample.jsonl"
    rm -rf "$work/db"
    /usr/bin/time -f "%e" -o "$work/time" "$BUILD_DIR/indexer/akhbar-index" -q --db "$work/db" \
        "$work/sample.jsonl" > /dev/null
    seconds=$(cat "$work/time")
    size=$(bytes_of "$work/db")
    read -r a50 a95 a99 < <(latency "$work/db" --no-facets)
    read -r f50 f95 f99 < <(latency "$work/db")
    awk -v n="$n" -v s="$seconds" -v z="$size" -v a="$a50 / $a95 / $a99 ms" -v f="$f50 / $f95 / $f99 ms" \
        'BEGIN { printf "| %d | %.1f s | %.0f | %.1f MB | %.0f | %s | %s |\n", n, s, n / s, z / 1e6, z / n, a, f }'
done
