#!/usr/bin/env bash
# What story keys cost in instructions (docs/stories.md#cost): a figure this
# machine's drift cannot move, beside cost.sh's seconds. Indexes every
# eighth article of the ANT corpus under valgrind's callgrind with a build
# without story keys (BASE_BUILD_DIR) and with this one (BUILD_DIR), both at
# once (instruction counts do not depend on load), and prints the
# instructions of each, their ratio and the story signature's share. Under
# valgrind the CPU has no AVX-512, so the signature runs its AVX2 clone
# (common/src/story_signature.cpp).
# Needs valgrind, ../shared/peers and ../shared/data/ant; skips cleanly
# without them. About four minutes; not beside cost.sh (both write the
# corpus in $W/data).
#
#   BASE_BUILD_DIR=../base/build bench/stories/cost_instructions.sh
#
# Environment: PEERS_DIR (default ../shared/peers), COST_WORK (scratch,
# default $BUILD_DIR/story-cost).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
PEERS="${PEERS_DIR:-$ROOT/../shared/peers}"
W="${COST_WORK:-$BUILD_DIR/story-cost}"
bench_require stories/cost_instructions.sh indexer/akhbar-index
[ -x "$PEERS/make_corpus.py" ] || { echo "bench/stories/cost_instructions.sh: skipped: $PEERS not found"; exit 0; }
command -v valgrind > /dev/null || { echo "bench/stories/cost_instructions.sh: skipped: no valgrind"; exit 0; }
[ -n "${BASE_BUILD_DIR:-}" ] || { echo "bench/stories/cost_instructions.sh: set BASE_BUILD_DIR to a build without story keys" >&2; exit 1; }
[ -x "$BASE_BUILD_DIR/indexer/akhbar-index" ] || { echo "bench/stories/cost_instructions.sh: no $BASE_BUILD_DIR/indexer/akhbar-index" >&2; exit 1; }

mkdir -p "$W"
"$PEERS/make_corpus.py" --out "$W/data" "${ANT_FILES[@]}" > /dev/null 2>&1
awk 'NR % 8 == 0' "$W/data/corpus.jsonl" > "$W/eighth.jsonl"

# count NAME BUILD: callgrind's output for one build of the eighth.
count() {
    rm -rf "$W/cg-$1.db"
    valgrind --tool=callgrind --callgrind-out-file="$W/cg-$1.out" \
        "$2/indexer/akhbar-index" --db "$W/cg-$1.db" "$W/eighth.jsonl" > /dev/null 2> "$W/cg-$1.err"
}
count base "$BASE_BUILD_DIR" &
base_pid=$!
count stories "$BUILD_DIR" &
stories_pid=$!
for pid in "$base_pid" "$stories_pid"; do
    wait "$pid" || { echo "bench/stories/cost_instructions.sh: a build under valgrind failed; see $W/cg-*.err" >&2; exit 1; }
done

total() { awk '/^totals:/ { print $2 }' "$W/cg-$1.out"; }
# Instructions in story::signature and what it calls.
signature=$(callgrind_annotate --inclusive=yes "$W/cg-stories.out" |
    awk '/akhbar::story::signature\(/ && !found { gsub(",", "", $1); print $1; found = 1 }')
[ -n "$signature" ] || { echo "bench/stories/cost_instructions.sh: no story::signature in $W/cg-stories.out" >&2; exit 1; }
echo "| articles | without story keys: instructions | with story keys | ratio | story::signature |"
echo "|---:|---:|---:|---:|---:|"
awk -v n="$(wc -l < "$W/eighth.jsonl")" -v b="$(total base)" -v s="$(total stories)" -v g="$signature" 'BEGIN {
    printf "| %d | %.3f G | %.3f G | %.3f | %.3f G (%.1f%%) |\n", n, b / 1e9, s / 1e9, s / b, g / 1e9, 100 * g / s }'
