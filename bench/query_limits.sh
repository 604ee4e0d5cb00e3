#!/usr/bin/env bash
# The query limits (searcher/src/query_limits.hpp) against the query sets of
# bench/search.sh (1,000 latency queries on ANT) and bench/relevance/run.sh
# (QRCD train and dev questions, 2,000 known-item headlines, --literal), each
# against the database it runs on, default profile: the largest value of
# each limited quantity beside its limit. Exits 1 when a query of the sets
# breaks a limit. Needs ../shared/data (skips cleanly without it).
#
#   bench/query_limits.sh            (after ./run.sh build; reuses the
#                                     databases of the two benchmarks)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
QRCD="${QRCD_DIR:-$ROOT/../shared/data/qrcd}"
bench_require query_limits.sh indexer/akhbar-index bench/akhbar-bench-queries bench/akhbar-bench-prepare \
    bench/akhbar-bench-query-limits
WORK="${RELEVANCE_WORK:-$BUILD_DIR/relevance}"
DB="${BENCH_DB:-$BUILD_DIR/bench-ant.db}"
INDEX="$BUILD_DIR/indexer/akhbar-index"
LIMITS="$BUILD_DIR/bench/akhbar-bench-query-limits"
mkdir -p "$WORK/known-item"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# As bench/search.sh and bench/relevance/run.sh make them (3: some input
# skipped, as there).
"$INDEX" -q --db "$DB" "${ANT_FILES[@]}" >&2 || "$INDEX" -q --db "$DB" --rebuild "${ANT_FILES[@]}" >&2
"$BUILD_DIR/bench/akhbar-bench-queries" 500 "${ANT_FILES[@]}" > "$work/latency.tsv"
"$BUILD_DIR/bench/akhbar-bench-prepare" qrcd "$QRCD/QQA23_TaskA_QPC_v1.1.tsv" "$WORK/qrcd-passages.jsonl"
[ -f "$WORK/known-item/qrels" ] || "$BUILD_DIR/bench/akhbar-bench-prepare" known-item 2000 "$WORK/known-item" "${ANT_FILES[@]}"
for set in qrcd known-item; do
    input="$WORK/qrcd-passages.jsonl"
    [ "$set" = qrcd ] || input="$WORK/known-item/bodies.jsonl"
    built=0
    "$INDEX" -q --db "$WORK/$set-akhbar.db" --profile akhbar "$input" > /dev/null 2>&1 || built=$?
    if [ "$built" -ne 0 ] && [ "$built" -ne 3 ]; then
        "$INDEX" -q --db "$WORK/$set-akhbar.db" --profile akhbar --rebuild "$input" > /dev/null 2>&1 || true
    fi
done

status=0
echo "== latency queries (bench/search.sh)"
"$LIMITS" "$DB" "$work/latency.tsv" || status=1
echo "== QRCD train and dev questions (bench/relevance/run.sh)"
"$LIMITS" --literal "$WORK/qrcd-akhbar.db" "$QRCD/QQA23_TaskA_ayatec_v1.2_train.tsv" \
    "$QRCD/QQA23_TaskA_ayatec_v1.2_dev.tsv" || status=1
echo "== known-item headlines (bench/relevance/run.sh)"
"$LIMITS" --literal "$WORK/known-item-akhbar.db" "$WORK/known-item/queries.tsv" || status=1
exit "$status"
