#!/usr/bin/env bash
# Indexing benchmark: both ANT files (41,686 articles) into a fresh database.
# Reports wall time, articles/s, MB/s of JSON input, peak memory and index size,
# best of N runs (default 3). Needs ../shared/data/ant; skips cleanly without it.
#
#   bench/index.sh [RUNS]        (after ./run.sh build)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RUNS="${1:-3}"
INDEX="$BUILD_DIR/indexer/akhbar-index"
FILES=("${ANT_FILES[@]}")
bench_require index.sh indexer/akhbar-index
[ -x /usr/bin/time ] || { echo "bench/index.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
json_bytes=$(zcat "${FILES[@]}" | wc -c)

best=""
for run in $(seq 1 "$RUNS"); do
    rm -rf "$work/db"
    /usr/bin/time -f "%e %M" -o "$work/time" "$INDEX" -q --db "$work/db" "${FILES[@]}" > "$work/out"
    read -r seconds peak_kb < "$work/time"
    articles=$(grep -o 'added [0-9]*' "$work/out" | grep -o '[0-9]*')
    size=$(du -sb "$work/db" | cut -f1)
    echo "run $run: ${seconds}s, $articles articles, peak ${peak_kb} KB, index $size bytes" >&2
    if [ -z "$best" ] || awk -v a="$seconds" -v b="$best" 'BEGIN { exit !(a < b) }'; then
        best="$seconds"; best_peak="$peak_kb"; best_size="$size"; best_articles="$articles"
    fi
done

awk -v s="$best" -v n="$best_articles" -v j="$json_bytes" -v p="$best_peak" -v z="$best_size" \
    -v cpus="$(nproc)" 'BEGIN {
    printf "| build | articles/s | MB/s (JSON in) | peak memory | index size |\n"
    printf "|---|---|---|---|---|\n"
    printf "| %.1f s | %.0f | %.1f | %.0f MB | %.1f MB |\n", s, n / s, j / 1e6 / s, p / 1024, z / 1e6
    printf "\n%d articles, %.1f MB of JSON, %d cores, best of runs\n", n, j / 1e6, cpus
}'
