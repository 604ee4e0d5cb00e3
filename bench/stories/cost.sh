#!/usr/bin/env bash
# What story keys cost (docs/stories.md#cost), in one run on one machine:
# the same ANT corpus indexed by a build without story keys (BASE_BUILD_DIR,
# e.g. main before them) and by this one (BUILD_DIR), alternating, RUNS
# times each: wall and CPU seconds and bytes on disk; then the 1,000 latency queries of
# ../shared/peers (top 10, snippets, date and source facets, --warmup) on
# each build's index: the base build, this build with --no-collapse, and this
# build as it searches by default (one hit per story). Prints Markdown tables.
# Needs ../shared/peers and ../shared/data/ant; skips cleanly without them.
#
#   BASE_BUILD_DIR=../base/build bench/stories/cost.sh [RUNS]   (default 7)
#
# Environment: PEERS_DIR (default ../shared/peers), COST_WORK (scratch,
# default $BUILD_DIR/story-cost).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
RUNS="${1:-7}"
PEERS="${PEERS_DIR:-$ROOT/../shared/peers}"
W="${COST_WORK:-$BUILD_DIR/story-cost}"
bench_require stories/cost.sh indexer/akhbar-index searcher/akhbar-search
[ -x "$PEERS/make_corpus.py" ] || { echo "bench/stories/cost.sh: skipped: $PEERS not found"; exit 0; }
[ -n "${BASE_BUILD_DIR:-}" ] || { echo "bench/stories/cost.sh: set BASE_BUILD_DIR to a build without story keys" >&2; exit 1; }
for tool in indexer/akhbar-index searcher/akhbar-search; do
    [ -x "$BASE_BUILD_DIR/$tool" ] || { echo "bench/stories/cost.sh: no $BASE_BUILD_DIR/$tool" >&2; exit 1; }
done

mkdir -p "$W"
"$PEERS/make_corpus.py" --out "$W/data" "${ANT_FILES[@]}" > /dev/null 2>&1
C="$W/data/corpus.jsonl"
Q="$W/data/queries_latency.tsv"

# index NAME BUILD: one timed build of the corpus into $W/NAME.db; prints
# "wall-seconds cpu-seconds bytes" (cpu: user + system, all threads).
index() {
    rm -rf "$W/$1.db"
    /usr/bin/time -f '%e %U %S' -o "$W/$1.time" "$2/indexer/akhbar-index" --db "$W/$1.db" "$C" \
        > /dev/null 2> "$W/$1.err"
    read -r wall user sys < <(tail -n 1 "$W/$1.time")
    printf '%s %s %s\n' "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" \
        "$(bytes_of "$W/$1.db")"
}

# median: of the numbers on stdin, one a line
median() {
    sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "uptime before: $(uptime)"
echo
echo "| run | without story keys: s | cpu s | MB | with story keys: s | cpu s | MB | time ratio | cpu ratio | size ratio |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
: > "$W/index.runs"
for run in $(seq 1 "$RUNS"); do
    # Each goes first every other run: the machine's drift between two
    # builds favours neither.
    if [ $((run % 2)) -eq 1 ]; then
        read -r s0 c0 b0 < <(index base "$BASE_BUILD_DIR")
        read -r s1 c1 b1 < <(index stories "$BUILD_DIR")
    else
        read -r s1 c1 b1 < <(index stories "$BUILD_DIR")
        read -r s0 c0 b0 < <(index base "$BASE_BUILD_DIR")
    fi
    echo "$s0 $c0 $b0 $s1 $c1 $b1 $(awk -v a="$s0" -v b="$s1" -v c="$c0" -v d="$c1" -v e="$b0" -v f="$b1" \
        'BEGIN { print b / a, d / c, f / e }')" >> "$W/index.runs"
    awk -v r="$run" -v s0="$s0" -v c0="$c0" -v b0="$b0" -v s1="$s1" -v c1="$c1" -v b1="$b1" 'BEGIN {
        printf "| %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.3f | %.3f | %.3f |\n",
            r, s0, c0, b0 / 1e6, s1, c1, b1 / 1e6, s1 / s0, c1 / c0, b1 / b0 }'
done
# The ratios' medians are of each run's ratios (two builds next to each
# other in time), not of the medians' ratio.
col() { cut -d' ' -f"$1" "$W/index.runs" | median; }
awk -v s0="$(col 1)" -v c0="$(col 2)" -v b0="$(col 3)" -v s1="$(col 4)" -v c1="$(col 5)" -v b1="$(col 6)" \
    -v rs="$(col 7)" -v rc="$(col 8)" -v rb="$(col 9)" 'BEGIN {
    printf "| median | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.3f | %.3f | %.3f |\n",
        s0, c0, b0 / 1e6, s1, c1, b1 / 1e6, rs, rc, rb }'

# search NAME BUILD DB OPTIONS...: p50 p95 p99 of one timed pass over $Q.
search() {
    local name="$1" build="$2" db="$3"; shift 3
    "$build/searcher/akhbar-search" --db "$db" --batch "$Q" --limit 10 --warmup \
        --timings "$W/$name.tsv" "$@" > /dev/null 2> "$W/$name-search.err" || [ $? -eq 2 ]
    percentiles "$W/$name.tsv"
}

echo
echo "| run | base p50 | p99 | --no-collapse p50 | p99 | collapsed p50 | p99 | collapsed/base p50 | p99 |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
: > "$W/query.runs"
for run in $(seq 1 "$RUNS"); do
    # The three in turn go first.
    for k in 0 1 2; do
        case $(((run + k) % 3)) in
        0) read -r b50 _ b99 _ < <(search base "$BASE_BUILD_DIR" "$W/base.db") ;;
        1) read -r n50 _ n99 _ < <(search nocollapse "$BUILD_DIR" "$W/stories.db" --no-collapse) ;;
        2) read -r c50 _ c99 _ < <(search collapsed "$BUILD_DIR" "$W/stories.db") ;;
        esac
    done
    echo "$b50 $b99 $n50 $n99 $c50 $c99 $(awk -v b50="$b50" -v b99="$b99" -v c50="$c50" -v c99="$c99" \
        'BEGIN { print c50 / b50, c99 / b99 }')" >> "$W/query.runs"
    awk -v r="$run" -v b50="$b50" -v b99="$b99" -v n50="$n50" -v n99="$n99" -v c50="$c50" -v c99="$c99" 'BEGIN {
        printf "| %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.3f | %.3f |\n",
            r, b50, b99, n50, n99, c50, c99, c50 / b50, c99 / b99 }'
done
col() { cut -d' ' -f"$1" "$W/query.runs" | median; }
awk -v b50="$(col 1)" -v b99="$(col 2)" -v n50="$(col 3)" -v n99="$(col 4)" -v c50="$(col 5)" -v c99="$(col 6)" \
    -v r50="$(col 7)" -v r99="$(col 8)" 'BEGIN {
    printf "| median | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.3f | %.3f |\n",
        b50, b99, n50, n99, c50, c99, r50, r99 }'
echo
echo "uptime after: $(uptime)"
