#!/usr/bin/env bash
# Query latency on the ANT corpus (both files): a fixed, seeded set of 1,000
# queries (500 real headlines, 500 runs of 1-3 headline words), top 10 with a
# snippet per hit, single thread, timed in-process after a warm-up pass;
# first without facets, then with the date and source facets over all matches.
# Needs ../shared/data/ant; skips cleanly without it.
#
#   bench/search.sh            (after ./run.sh build)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
DB="${BENCH_DB:-$BUILD_DIR/bench-ant.db}"
FILES=("${ANT_FILES[@]}")
bench_require search.sh indexer/akhbar-index searcher/akhbar-search bench/akhbar-bench-queries

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Incremental: builds the database once, then finds it up to date; rebuilds
# it when an older Akhbar (another analyzer version) made it.
"$BUILD_DIR/indexer/akhbar-index" -q --db "$DB" "${FILES[@]}" >&2 ||
    "$BUILD_DIR/indexer/akhbar-index" -q --db "$DB" --rebuild "${FILES[@]}" >&2
"$BUILD_DIR/bench/akhbar-bench-queries" 500 "${FILES[@]}" > "$work/queries.tsv"

run() {  # label, extra options...
    local label="$1"; shift
    "$BUILD_DIR/searcher/akhbar-search" --db "$DB" --batch "$work/queries.tsv" --json --limit 10 \
        --warmup --timings "$work/t.tsv" "$@" > /dev/null 2> "$work/err" || true
    read -r p50 p95 p99 n < <(percentiles "$work/t.tsv")
    printf "| %s | %s ms | %s ms | %s ms | %s |\n" "$label" "$p50" "$p95" "$p99" "$n"
}

echo "| run | p50 | p95 | p99 | queries timed |"
echo "|---|---|---|---|---|"
run "top-10 + snippets" --no-facets
run "top-10 + snippets + date and source facets" 
echo
echo "$(grep -c . "$work/queries.tsv") queries; not timed (reported by akhbar-search): $(grep -c . "$work/err" || true)"
sed 's/^/  /' "$work/err" | head -5
