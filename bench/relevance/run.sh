#!/usr/bin/env bash
# Relevance of every analyzer profile, side by side, regenerating
# docs/relevance.md. Runs are made with the public tools only: akhbar-index on
# JSON Lines, akhbar-search --batch FILE --literal --format trec.
#   - Qur'an QA 2023 passage retrieval (train and dev): MAP@10 and MRR@10,
#     official (no-answer questions count) and answerable questions only;
#   - known-item news search on ANT: 2,000 headlines (3+ words, fixed seed)
#     against the article bodies (no headlines indexed): MRR@10, success@10.
# Needs ../shared/data (skips cleanly without it).
#
#   bench/relevance/run.sh [PROFILE...]      (after ./run.sh build)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
QRCD="${QRCD_DIR:-$ROOT/../shared/data/qrcd}"
PROFILES=("$@")
[ "${#PROFILES[@]}" -gt 0 ] || PROFILES=(lucene akhbar snowball none)
bench_require relevance/run.sh indexer/akhbar-index searcher/akhbar-search bench/akhbar-trec-eval \
    bench/akhbar-bench-prepare
[ -f "$QRCD/QQA23_TaskA_QPC_v1.1.tsv" ] || { echo "bench/relevance/run.sh: skipped: no $QRCD"; exit 0; }

WORK="${RELEVANCE_WORK:-$BUILD_DIR/relevance}"
mkdir -p "$WORK/known-item"
INDEX="$BUILD_DIR/indexer/akhbar-index"
SEARCH="$BUILD_DIR/searcher/akhbar-search"
EVAL="$BUILD_DIR/bench/akhbar-trec-eval"
PREPARE="$BUILD_DIR/bench/akhbar-bench-prepare"

"$PREPARE" qrcd "$QRCD/QQA23_TaskA_QPC_v1.1.tsv" "$WORK/qrcd-passages.jsonl"
[ -f "$WORK/known-item/qrels" ] || "$PREPARE" known-item 2000 "$WORK/known-item" "${ANT_FILES[@]}"

# index PROFILE NAME JSONL: a database per profile, rebuilt when its input changed.
index() {
    local db="$WORK/$2-$1.db" status=0
    # 3: indexed, some input skipped (ANT has a few articles with no text,
    # which without their headline have nothing left); 1: built with an
    # older analyzer: rebuild.
    "$INDEX" -q --db "$db" --profile "$1" "$3" > /dev/null 2> "$WORK/index.err" || status=$?
    if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
        "$INDEX" -q --db "$db" --profile "$1" --rebuild "$3" > /dev/null 2> "$WORK/index.err" || true
    fi
    echo "$db"
}

# scores QRELS RUN -> "map mrr success answerable_map answerable_mrr"
scores() {
    "$EVAL" "$1" "$2" | awk -F'\t' '
        $1 == "official" { map = $5; mrr = $7; success = $9 }
        $1 == "answerable" { amap = $5; amrr = $7 }
        END { print map, mrr, success, amap, amrr }'
}

# evaluate DB QUERIES QRELS [SEARCH OPTION...] -> scores
evaluate() {
    local run="$WORK/run.trec"
    "$SEARCH" --db "$1" --batch "$2" --literal --format trec --limit 10 "${@:4}" > "$run" 2> "$WORK/search.err" || true
    scores "$3" "$run"
}

# row LABEL PROFILE [SEARCH OPTION...]: one line of the table.
rows=()
row() {
    local label="$1" profile="$2"
    shift 2
    echo "== $label" >&2
    local qdb kdb
    qdb=$(index "$profile" qrcd "$WORK/qrcd-passages.jsonl")
    read -r tmap tmrr _ tamap tamrr < <(evaluate "$qdb" "$QRCD/QQA23_TaskA_ayatec_v1.2_train.tsv" \
        "$QRCD/qrels/QQA23_TaskA_ayatec_v1.2_qrels_train.gold" "$@")
    read -r dmap dmrr _ damap damrr < <(evaluate "$qdb" "$QRCD/QQA23_TaskA_ayatec_v1.2_dev.tsv" \
        "$QRCD/qrels/QQA23_TaskA_ayatec_v1.2_qrels_dev.gold" "$@")
    kdb=$(index "$profile" known-item "$WORK/known-item/bodies.jsonl")
    read -r kmap kmrr ksuccess _ _ < <(evaluate "$kdb" "$WORK/known-item/queries.tsv" "$WORK/known-item/qrels" "$@")
    rows+=("| $label | $dmap | $dmrr | $damap | $tmap | $tmrr | $tamap | $kmrr | $ksuccess |")
    echo "${rows[-1]}" >&2
}

for profile in "${PROFILES[@]}"; do
    row "\`$profile\`" "$profile"
done
# Where the default's lead comes from: its analysis with plain BM25, and
# Lucene's analysis with Akhbar's ranking.
if [ "$#" -eq 0 ]; then
    row "\`akhbar\`, \`--ranking bm25\`" akhbar --ranking bm25
    row "\`lucene\`, \`--ranking akhbar\`" lucene --ranking akhbar
fi

# The stock baselines of the issue on the same documents and queries
# (baselines.py): SQLite FTS5 and PostgreSQL's arabic configuration. A run is
# kept until its documents, queries or the script change (PostgreSQL ranks
# every OR match: about 12 minutes for the known-item queries). BASELINES=0
# leaves them out.
# baseline ENGINE NAME DOCS QUERIES QRELS -> scores, or nothing
baseline() {
    local run="$WORK/baseline-$1-$2.trec"
    if [ ! -s "$run" ] || [ "$run" -ot "$3" ] || [ "$run" -ot "$4" ] || [ "$run" -ot "$ROOT/bench/relevance/baselines.py" ]; then
        python3 "$ROOT/bench/relevance/baselines.py" "$1" "$3" "$4" "$run.tmp" --work "$WORK" 2> "$WORK/baseline.err" ||
            { echo "baseline $1: $(tail -1 "$WORK/baseline.err")" >&2; return 0; }
        mv "$run.tmp" "$run"
    fi
    scores "$5" "$run"
}

# baseline_row LABEL ENGINE: one line of the table, or a line saying why not.
baseline_row() {
    echo "== $1" >&2
    local t d k
    t=$(baseline "$2" qrcd-train "$WORK/qrcd-passages.jsonl" "$QRCD/QQA23_TaskA_ayatec_v1.2_train.tsv" \
        "$QRCD/qrels/QQA23_TaskA_ayatec_v1.2_qrels_train.gold")
    d=$(baseline "$2" qrcd-dev "$WORK/qrcd-passages.jsonl" "$QRCD/QQA23_TaskA_ayatec_v1.2_dev.tsv" \
        "$QRCD/qrels/QQA23_TaskA_ayatec_v1.2_qrels_dev.gold")
    k=$(baseline "$2" known-item "$WORK/known-item/bodies.jsonl" "$WORK/known-item/queries.tsv" "$WORK/known-item/qrels")
    if [ -z "$t" ] || [ -z "$d" ] || [ -z "$k" ]; then
        rows+=("| $1 | not run: $(tail -1 "$WORK/baseline.err") | – | – | – | – | – | – | – |")
    else
        read -r tmap tmrr _ tamap _ <<< "$t"
        read -r dmap dmrr _ damap _ <<< "$d"
        read -r _ kmrr ksuccess _ _ <<< "$k"
        rows+=("| $1 | $dmap | $dmrr | $damap | $tmap | $tmrr | $tamap | $kmrr | $ksuccess |")
    fi
    echo "${rows[-1]}" >&2
}

if [ "$#" -eq 0 ] && [ "${BASELINES:-1}" != 0 ]; then
    start_postgresql
    baseline_row "SQLite FTS5 (\`unicode61 remove_diacritics 2\`), \`bm25()\`" sqlite-fts5
    baseline_row "PostgreSQL (\`arabic\`), \`ts_rank_cd\`" postgresql
fi

OUT="$ROOT/docs/relevance.md"
{
    cat <<'HEADER'
# Relevance

Regenerated by `bench/relevance/run.sh` (after `./run.sh build`, with `../shared/data`
beside the project). Every run is made with the public tools: `akhbar-index --profile P` on
JSON Lines, then `akhbar-search --batch FILE --literal --format trec --limit 10` (the two
`--ranking` rows add that option), scored by
`akhbar-trec-eval` (bench/relevance/scorer.cpp, tested against hand-computed examples in
tests/bench/test_scorer.cpp).

- **QRCD**: Qur'an QA 2023 Task A passage retrieval, 1,266 passages; questions of the train
  (174) and dev (25) splits. MAP@10 divides by the number of relevant passages. *Official*:
  a no-answer question scores 1 only for a run that returns exactly one `-1` row for it (Akhbar
  never does, so those score 0); *answerable*: the questions that have an answer only.
- **Known-item**: 2,000 ANT headlines of three words or more (fixed seed) as queries against
  the 41,686 ANT article bodies, headlines not indexed; the one right answer is the
  headline's own article.
- **Stock baselines** (the last two rows; `bench/relevance/baselines.py`, run by the same
  command on the same documents and queries, words ORed as in Akhbar's default): SQLite 3.40
  FTS5 with its `unicode61 remove_diacritics 2` tokenizer (it has no Arabic stemmer) ranked by
  `bm25()`; PostgreSQL 15's `arabic` configuration (Snowball, no stopwords) ranked by
  `ts_rank_cd`, on the local Debian cluster. `BASELINES=0` leaves them out.

| profile | QRCD dev MAP@10 | dev MRR@10 | dev MAP@10 answerable | train MAP@10 | train MRR@10 | train MAP@10 answerable | known-item MRR@10 | known-item success@10 |
|---|---|---|---|---|---|---|---|---|
HEADER
    printf '%s\n' "${rows[@]}"
    cat <<'FOOTER'

Reference points on the QRCD dev split, same protocol, from the issue: Lucene's
ArabicAnalyzer + BM25 0.130 (MRR@10 0.256); stock Xapian with Snowball + BM25 0.170 (MRR@10
0.333); SQLite FTS5 0.115; PostgreSQL `arabic` + ts_rank_cd 0.019; the organizers' BM25
baseline 0.170.
FOOTER
    if [ -f "$ROOT/bench/relevance/findings.md" ]; then
        echo
        cat "$ROOT/bench/relevance/findings.md"
    fi
} > "$OUT"
echo "wrote $OUT" >&2
