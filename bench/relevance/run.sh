#!/usr/bin/env bash
# Relevance of every analyzer profile, side by side, regenerating
# docs/relevance.md. Runs are made with the public tools only: akhbar-index on
# JSON Lines, akhbar-search --batch FILE --format trec in the default query mode
# (rows that add --literal or --ranking say so).
#   - known-item news search on ANT, per outlet: 500 headlines (3+ words, fixed
#     seed) from each of the six outlets against the article bodies (no
#     headlines indexed): MRR@10 per outlet and overall, success@10 overall;
#   - Qur'an QA 2023 passage retrieval (train and dev): MAP@10, official
#     (no-answer questions count) and answerable questions only;
#   - Apache Lucene 8.7 itself (../shared/peers/run_lucene.sh) and the stock
#     baselines (baselines.py) on the same documents and queries.
# Needs ../shared/data (skips cleanly without it).
#
#   bench/relevance/run.sh                   the whole table, into docs/relevance.md
#   bench/relevance/run.sh PROFILE...        those profiles' rows only, printed, the
#                                            doc untouched (after ./run.sh build)
# RELEVANCE_WORK (default build/relevance) keeps the sets, indexes and runs;
# BUILD_DIR picks the build measured; BASELINES=0 leaves out the baselines and
# Lucene.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
QRCD="${QRCD_DIR:-$ROOT/../shared/data/qrcd}"
PEERS="${PEERS_DIR:-$ROOT/../shared/peers}"
PROFILES=("$@")
[ "${#PROFILES[@]}" -gt 0 ] || PROFILES=(lucene akhbar snowball none)
bench_require relevance/run.sh indexer/akhbar-index searcher/akhbar-search bench/akhbar-trec-eval \
    bench/akhbar-bench-prepare
[ -f "$QRCD/QQA23_TaskA_QPC_v1.1.tsv" ] || { echo "bench/relevance/run.sh: skipped: no $QRCD"; exit 0; }

WORK="${RELEVANCE_WORK:-$BUILD_DIR/relevance}"
KI="$WORK/known-item-outlets"
mkdir -p "$KI" "$WORK/runs"
INDEX="$BUILD_DIR/indexer/akhbar-index"
SEARCH="$BUILD_DIR/searcher/akhbar-search"
EVAL="$BUILD_DIR/bench/akhbar-trec-eval"
PREPARE="$BUILD_DIR/bench/akhbar-bench-prepare"
TRAIN="$QRCD/QQA23_TaskA_ayatec_v1.2_train.tsv"
DEV="$QRCD/QQA23_TaskA_ayatec_v1.2_dev.tsv"
TRAIN_QRELS="$QRCD/qrels/QQA23_TaskA_ayatec_v1.2_qrels_train.gold"
DEV_QRELS="$QRCD/qrels/QQA23_TaskA_ayatec_v1.2_qrels_dev.gold"
# The outlets as akhbar-bench-prepare names them: the first three are the
# tuning outlets (a sweep chooses on them), the last three the held-out ones.
OUTLETS=(jawhara alarabiya bbc skynews france24 cnn)

# The sets are made once: rewriting them would make every cached baseline and
# Lucene run stale.
[ -f "$WORK/qrcd-passages.jsonl" ] ||
    "$PREPARE" qrcd "$QRCD/QQA23_TaskA_QPC_v1.1.tsv" "$WORK/qrcd-passages.jsonl"
[ -f "$KI/qrels" ] || "$PREPARE" known-item-outlets 500 "$KI" "${ANT_FILES[@]}"

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

# known_item_cells RUN -> "| outlet | ... | overall MRR@10 | success@10 " (MRR@10 of
# each outlet's 500 queries, in OUTLETS order, then of all 3,000)
known_item_cells() {
    local cells="" o mrr success
    for o in "${OUTLETS[@]}"; do
        read -r _ mrr _ _ _ < <(scores "$KI/qrels.$o" "$1")
        cells+="| $mrr "
    done
    read -r _ mrr success _ _ < <(scores "$KI/qrels" "$1")
    echo "$cells| $mrr | $success "
}

# qrcd_cells TRAIN_RUN DEV_RUN -> "| train | answerable | dev | answerable |" (MAP@10)
qrcd_cells() {
    local map amap dmap damap
    read -r map _ _ amap _ < <(scores "$TRAIN_QRELS" "$1")
    read -r dmap _ _ damap _ < <(scores "$DEV_QRELS" "$2")
    echo "| $map | $amap | $dmap | $damap |"
}

# search DB QUERIES RUN [SEARCH OPTION...]: a TREC run of the top 10, and
# RUN.ms with each query's milliseconds. A query the parser rejects has no
# rows: it scores 0, as it fails a user.
search() {
    local db="$1" queries="$2" run="$3"
    shift 3
    "$SEARCH" --db "$db" --batch "$queries" --format trec --limit 10 --timings "$run.ms" "$@" \
        > "$run" 2> "$run.err" || true
}

# row SLUG LABEL PROFILE [SEARCH OPTION...]: one line of the table; the runs
# are kept in $WORK/runs/SLUG.*.
rows=()
row() {
    local slug="$1" label="$2" profile="$3" runs="$WORK/runs/$1"
    shift 3
    echo "== $label" >&2
    local qdb kdb
    qdb=$(index "$profile" qrcd "$WORK/qrcd-passages.jsonl")
    search "$qdb" "$TRAIN" "$runs.qrcd-train.trec" "$@"
    search "$qdb" "$DEV" "$runs.qrcd-dev.trec" "$@"
    kdb=$(index "$profile" known-item-outlets "$KI/bodies.jsonl")
    search "$kdb" "$KI/queries.tsv" "$runs.known-item.trec" "$@"
    rows+=("| $label $(known_item_cells "$runs.known-item.trec")$(qrcd_cells "$runs.qrcd-train.trec" "$runs.qrcd-dev.trec")")
    echo "${rows[-1]}" >&2
    echo "   known-item latency p50 p95 p99 ms: $(percentiles "$runs.known-item.trec.ms")," \
        "rejected queries: $(grep -c . "$runs.known-item.trec.err" || true)" >&2
}

# stale RUN INPUT...: whether RUN is missing, empty, or older than an input.
stale() {
    local run="$1" input
    shift
    [ -s "$run" ] || return 0
    for input in "$@"; do
        [ "$run" -ot "$input" ] && return 0
    done
    return 1
}

# The stock baselines of the issue on the same documents and queries
# (baselines.py): SQLite FTS5 and PostgreSQL's arabic configuration. A run is
# kept until its documents, queries or the script change (PostgreSQL ranks
# every OR match: many minutes for the known-item queries).
# baseline ENGINE NAME DOCS QUERIES -> the run's path, or nothing
baseline() {
    local run="$WORK/baseline-$1-$2.trec"
    if stale "$run" "$3" "$4" "$ROOT/bench/relevance/baselines.py"; then
        python3 "$ROOT/bench/relevance/baselines.py" "$1" "$3" "$4" "$run.tmp" --work "$WORK" 2> "$WORK/baseline.err" ||
            { echo "baseline $1: $(tail -1 "$WORK/baseline.err")" >&2; return 0; }
        mv "$run.tmp" "$run"
    fi
    echo "$run"
}

# baseline_row LABEL ENGINE: one line of the table, or a line saying why not.
baseline_row() {
    echo "== $1" >&2
    local t d k
    t=$(baseline "$2" qrcd-train "$WORK/qrcd-passages.jsonl" "$TRAIN")
    d=$(baseline "$2" qrcd-dev "$WORK/qrcd-passages.jsonl" "$DEV")
    k=$(baseline "$2" known-item-outlets "$KI/bodies.jsonl" "$KI/queries.tsv")
    if [ -z "$t" ] || [ -z "$d" ] || [ -z "$k" ]; then
        rows+=("| $1 | not run: $(tail -1 "$WORK/baseline.err") |$(printf ' – |%.0s' {1..11})")
    else
        rows+=("| $1 $(known_item_cells "$k")$(qrcd_cells "$t" "$d")")
    fi
    echo "${rows[-1]}" >&2
}

# Apache Lucene 8.7 itself (../shared/peers, Debian's liblucene8-java):
# ArabicAnalyzer and BM25 over one text field, every query word a SHOULD
# clause. A run is kept until its documents, queries or LuceneBench.java
# change. Lucene writes a `-1` row for a query with no hit, which the QRCD
# rule would score as an abstention; Akhbar writes nothing there, so those
# rows are dropped and both engines are scored alike.
# lucene NAME DOCS QUERIES -> the run's path, or nothing (why, on stderr)
lucene() {
    local out="$WORK/lucene-$1"
    if stale "$out/run.trec" "$2" "$3" "$PEERS/lucene/LuceneBench.java"; then
        mkdir -p "$out"
        PEERS_WORK="${PEERS_WORK:-$WORK/peers}" nice -n 5 "$PEERS/run_lucene.sh" --corpus "$2" \
            --queries "$3" --out "$out" --dataset "$1" --warmup 0 > /dev/null 2> "$WORK/lucene.err" ||
            { rm -f "$out/run.trec"; return 0; }
    fi
    awk '$3 != "-1"' "$out/run.trec" > "$out/scored.trec"
    echo "$out/scored.trec"
}

lucene_row() {
    local label="Apache Lucene 8.7 (\`ArabicAnalyzer\`, \`BM25Similarity\`)" k="" q="" why=""
    echo "== $label" >&2
    if [ ! -x "$PEERS/run_lucene.sh" ]; then
        why="no $PEERS/run_lucene.sh"
    else
        # QRCD's train and dev questions have distinct ids: one run for both
        # (awk ends each file's last line, which the files leave open).
        awk 1 "$TRAIN" "$DEV" > "$WORK/qrcd-questions.tsv.new"
        cmp -s "$WORK/qrcd-questions.tsv.new" "$WORK/qrcd-questions.tsv" 2> /dev/null ||
            mv "$WORK/qrcd-questions.tsv.new" "$WORK/qrcd-questions.tsv"
        rm -f "$WORK/qrcd-questions.tsv.new"
        k=$(lucene known-item-outlets "$KI/bodies.jsonl" "$KI/queries.tsv")
        [ -z "$k" ] || q=$(lucene qrcd "$WORK/qrcd-passages.jsonl" "$WORK/qrcd-questions.tsv")
        [ -n "$k" ] && [ -n "$q" ] || why="$(grep -m1 -i 'missing\|error\|exception' "$WORK/lucene.err" ||
            tail -1 "$WORK/lucene.err")"
    fi
    if [ -n "${why:-}" ]; then
        echo "   skipped: $why" >&2
        rows+=("| $label | not run: $why |$(printf ' – |%.0s' {1..11})")
    else
        rows+=("| $label $(known_item_cells "$k")$(qrcd_cells "$q" "$q")")
    fi
    echo "${rows[-1]}" >&2
}

for profile in "${PROFILES[@]}"; do
    row "$profile" "\`$profile\`" "$profile"
done
if [ "$#" -gt 0 ]; then
    printf '%s\n' "${rows[@]}"
    exit 0
fi
# The default query mode against the query taken as plain words; where the
# default's lead comes from: its analysis with plain BM25, and Lucene's
# analysis with Akhbar's ranking.
row akhbar-literal "\`akhbar\`, \`--literal\`" akhbar --literal
row akhbar-bm25 "\`akhbar\`, \`--ranking bm25\`" akhbar --ranking bm25
row lucene-akhbar "\`lucene\`, \`--ranking akhbar\`" lucene --ranking akhbar
if [ "${BASELINES:-1}" != 0 ]; then
    lucene_row
    start_postgresql
    baseline_row "SQLite FTS5 (\`unicode61 remove_diacritics 2\`), \`bm25()\`" sqlite-fts5
    baseline_row "PostgreSQL (\`arabic\`), \`ts_rank_cd\`" postgresql
fi

OUT="$ROOT/docs/relevance.md"
# Asked before the page is rewritten, which would make every tree look dirty.
COMMIT="$(git -C "$ROOT" describe --always --dirty 2> /dev/null || echo unknown)"
{
    cat <<'HEADER'
# Relevance

Known-item news search on ANT and passage retrieval on QRCD, every analyzer profile beside
Apache Lucene 8.7 and two stock baselines on the same documents and queries, every row made
by one run of this command (with `../shared/data` beside the project; Lucene's and the
baselines' runs are kept until their input changes); it writes this page:

```sh
./run.sh build && bench/relevance/run.sh
```

HEADER
    printf 'This table: commit %s, %s.\n' "$COMMIT" "$(date -u +%F)"
    cat <<'HEADER'

Every Akhbar run is made with the public tools: `akhbar-index --profile P` on JSON Lines,
then `akhbar-search --batch FILE --format trec --limit 10` in the default query mode, as users
get it (the rows that add `--literal` or `--ranking` say so); runs are scored by
`akhbar-trec-eval` (bench/relevance/scorer.cpp, tested against hand-computed examples in
tests/bench/test_scorer.cpp). How the default was chosen, and what was tried and not adopted:
bench/relevance/findings.md.

- **Known-item, per outlet**: 500 headlines of three words or more from each of ANT's six
  outlets (3,000 queries, fixed seed; `akhbar-bench-prepare known-item-outlets`) against the
  41,686 ANT article bodies, headlines not indexed; the right answer is the headline's own
  article, or an article with the very same body: with the headlines left out nothing tells
  such twins apart, and which one ranks first would be decided by how an engine orders equal
  scores (ANT repeats texts: 273 of France24's 500 answers have a twin, 60 of CNN Arabic's,
  and 3 to 15 of the other outlets'). MRR@10 for each outlet's 500 queries and for all 3,000;
  success@10 for all.
- **Tuning and held-out outlets**: the split is fixed. Parameters are chosen on the *tuning*
  outlets (Jawhara FM, AlArabiya, BBC Arabic) only; the *held-out* outlets (SkyNews Arabia,
  France24, CNN Arabic) are reported, never chosen on.
- **QRCD**: Qur'an QA 2023 Task A passage retrieval, 1,266 passages; questions of the train
  (174) and dev (25) splits. MAP@10 divides by the number of relevant passages. *Official*:
  a no-answer question scores 1 only for a run that returns exactly one `-1` row for it (no
  run here does, so those score 0); *answerable*: the questions that have an answer only.

The rows:
- `lucene`, `akhbar`, `snowball`, `none`: each profile (analysis and ranking,
  docs/analyzer.md) in the default query mode. `akhbar` is the default.
- `akhbar`, `--literal`: the default profile with the query taken as plain words (no
  operators, quotes or fields); the default query mode must score at least as well.
- `akhbar`, `--ranking bm25` and `lucene`, `--ranking akhbar`: each half of the pipeline
  alone: the default's analysis with plain BM25, and Lucene's analysis with Akhbar's ranking.
- Apache Lucene 8.7: Lucene itself (Debian's `liblucene8-java`, `ArabicAnalyzer` defaults,
  `BM25Similarity`, every query word a `SHOULD` clause, title and text as one field), run by
  `../shared/peers/run_lucene.sh` on the same documents and queries; skipped, saying why,
  without Java or the Lucene jars.
- SQLite FTS5 and PostgreSQL (`bench/relevance/baselines.py`, same documents and queries,
  words ORed as in Akhbar's default): SQLite 3.40 FTS5 with its `unicode61 remove_diacritics
  2` tokenizer (no Arabic stemmer) ranked by `bm25()`; PostgreSQL 15's `arabic` configuration
  (Snowball, no stopwords) ranked by `ts_rank_cd`. `BASELINES=0` leaves these rows and
  Lucene's out.

Known-item MRR@10 per outlet (tuning: Jawhara FM, AlArabiya, BBC Arabic; held-out: SkyNews
Arabia, France24, CNN Arabic), then overall; QRCD MAP@10.

| row | tuning: Jawhara FM | tuning: AlArabiya | tuning: BBC Arabic | held-out: SkyNews Arabia | held-out: France24 | held-out: CNN Arabic | overall MRR@10 | overall success@10 | QRCD train MAP@10 | train answerable | QRCD dev MAP@10 | dev answerable |
|---|---|---|---|---|---|---|---|---|---|---|---|---|
HEADER
    printf '%s\n' "${rows[@]}"
    cat <<'FOOTER'

## The `lucene` profile against Lucene 8.7

`lucene` is what Apache Lucene 8.7 does with `ArabicAnalyzer` and `BM25Similarity` over one
text field, so that a comparison with it is a comparison with Lucene; its row and Lucene's
own, above, are measured in the same run. Besides the analyzer
([analyzer.md](analyzer.md#lucene-is-lucene-87s-arabicanalyzer)), it reproduces Lucene's
ranking (`searcher/src/lucene_bm25_weight.cpp`, a Xapian weight):

- idf = ln(1 + (N − n + 0.5) / (n + 0.5)), N the documents, n those with the term;
- document lengths as Lucene stores them, in one byte (`SmallFloat.intToByte4`: exact below
  24 tokens, then four significant bits, so 100 tokens count as 96 and 1,000 as 984), against
  the mean length as a float;
- each term's score weight − weight / (1 + tf × norm) in float arithmetic, as Lucene's
  `BM25Scorer`; a repeated query word counts twice (Lucene merges the two clauses with a
  boost of 2);
- the title and the text as one field, each token of a query a word of its own, and equal
  scores in the order articles were added (Lucene's document numbers), comparing scores as
  the floats Lucene keeps.

Pinned by `tests/searcher/test_lucene_bm25.cpp` against Lucene's own one-byte lengths and
scores (`tests/data/lucene_SmallFloat_intToByte4.tsv`, `lucene_BM25Similarity_scores.tsv`).
Over remote shards (`tcp://`) the ranking falls back to Xapian's BM25 with Lucene's k1 and b
and the tie key of the other profiles: `xapian-tcpsrv` knows only Xapian's own weights. What
still differs is the tokenizer on 50 of the 41,686 ANT articles (e-mail addresses, `@names`,
`®` and emoji, words joined by a colon; analyzer.md).
FOOTER
} > "$OUT"
echo "wrote $OUT" >&2
