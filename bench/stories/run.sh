#!/usr/bin/env bash
# Story grouping measured on ANT (docs/stories.md, "Measured"): exact copies,
# synthetic near copies per threshold, story sizes per threshold, the largest
# stories at the thresholds worth looking at, and grouped pairs to judge.
# Builds nothing: run after ./run.sh build (or give BUILD_DIR). Prints each
# command before running it; writes its reports to OUT (default
# BUILD_DIR/stories). Needs ../shared/data/ant (skips cleanly without it).
#
#   bench/stories/run.sh                        everything
#   PAIRS_AT="0.55" bench/stories/run.sh        the pairs to judge at 0.55 only
# SAMPLE (500) originals for the near copies, PAIRS (200) pairs to judge at
# each of PAIRS_AT ("0.60": the threshold in the code) and, apart, the
# PAIRS at the code's threshold that were not judged in the first round
# (bench/stories/judgments/round1-0.60.tsv: the pairs of round 2), LARGEST
# ("0.30 0.40 0.50 0.55 0.60") the thresholds whose 10 largest stories are
# listed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
bench_require stories/run.sh bench/akhbar-story-bench
BENCH="$BUILD_DIR/bench/akhbar-story-bench"
OUT="${OUT:-$BUILD_DIR/stories}"
SAMPLE="${SAMPLE:-500}"
PAIRS="${PAIRS:-200}"
PAIRS_AT="${PAIRS_AT:-0.60}"
LARGEST="${LARGEST:-0.30 0.40 0.50 0.55 0.60}"
mkdir -p "$OUT"

# run REPORT COMMAND...: prints the command, runs it into OUT/REPORT.md.
run() {
    local report="$1"; shift
    echo "+ $* > $OUT/$report.md"
    "$@" > "$OUT/$report.md"
}

run exact "$BENCH" exact "${ANT_FILES[@]}"
run near "$BENCH" near --sample "$SAMPLE" "${ANT_FILES[@]}"
run sizes "$BENCH" sizes "${ANT_FILES[@]}"
for t in $LARGEST; do
    run "largest-$t" "$BENCH" largest --threshold "$t" --stories 10 --show 20 "${ANT_FILES[@]}"
done
for t in $PAIRS_AT; do
    run "pairs-$t-counts" "$BENCH" pairs --threshold "$t" --pairs "$PAIRS" --out "$OUT/pairs-$t" "${ANT_FILES[@]}"
done
run pairs-round2-counts "$BENCH" pairs --pairs "$PAIRS" --out "$OUT/pairs-round2" \
    --exclude "$ROOT/bench/stories/judgments/round1-0.60.tsv" "${ANT_FILES[@]}"
echo "bench/stories/run.sh: reports in $OUT"
