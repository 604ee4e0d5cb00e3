#!/usr/bin/env bash
# Akhbar beside Apache Lucene's ArabicAnalyzer, in one run, on the same files:
# ../shared/peers/ (its README has the protocol) indexes the common ANT corpus
# (41,686 articles) and times the 1,000 seeded queries; Akhbar does the same
# right after: the same queries as an OR of the words' stems (`--literal
# --strict exact`, what Lucene's queries are), with the date and source facets
# over all matches, and in Akhbar's default mode (stem and root classes, name
# variants: more terms per word). Then the slowest kinds of query
# (bench/data/worst_queries.tsv), each run WORST_REPEAT times in a row. Prints
# one Markdown table per run (Lucene, Akhbar, ratio) and, over all runs, the
# median ratio with its range.
# Needs ../shared/peers and ../shared/data/ant; skips cleanly without them.
#
#   bench/vs_lucene.sh [RUNS]      (after ./run.sh build; default 3 runs)
#
# Environment: PEERS_DIR (default ../shared/peers), VS_WORK (scratch folder,
# default $BUILD_DIR/vs-lucene; each run's files stay there for reading),
# WORST_REPEAT (default 50).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RUNS="${1:-3}"
PEERS="${PEERS_DIR:-$ROOT/../shared/peers}"
W="${VS_WORK:-$BUILD_DIR/vs-lucene}"
bench_require vs_lucene.sh indexer/akhbar-index searcher/akhbar-search
[ -x "$PEERS/run_lucene.sh" ] || { echo "bench/vs_lucene.sh: skipped: $PEERS not found"; exit 0; }
[ -x /usr/bin/time ] || { echo "bench/vs_lucene.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
INDEX="$BUILD_DIR/indexer/akhbar-index"
SEARCH="$BUILD_DIR/searcher/akhbar-search"

mkdir -p "$W"
"$PEERS/make_corpus.py" --out "$W/data" "${ANT_FILES[@]}" > "$W/data.sha256" 2> /dev/null
C="$W/data/corpus.jsonl"
Q="$W/data/queries_latency.tsv"

# search NAME OPTIONS...: the timed pass of Akhbar over $Q into $R/NAME.tsv;
# prints its peak RSS in kB. Exit 2 is expected: stopword-only queries are refused.
search() {
    local name="$1"; shift
    /usr/bin/time -f '%M' -o "$R/$name.time" "$SEARCH" --db "$R/akhbar.db" --batch "$Q" \
        --limit 10 --warmup --timings "$R/$name.tsv" "$@" > "$R/$name.out" 2> "$R/$name.err" ||
        [ $? -eq 2 ]
    tail -n 1 "$R/$name.time"
}

# compare NAME RSS: compare.py's table for the Akhbar pass NAME.
compare() {
    "$PEERS/compare.py" "$R/lucene/result.json" --name akhbar --latency "$R/$1.tsv" \
        --build-s "$build_s" --build-rss-kb "$build_rss" --search-rss-kb "$2" --index "$R/akhbar.db"
}

# stages: where Akhbar's time goes, from the --timings columns of each pass.
stages() {
    python3 - "$R" <<'PY'
import statistics, sys
names = ["parse", "match", "rescore", "hits", "facets", "spelling"]
print("Akhbar's stages (`--timings`), mean ms per query over all queries, and over the slowest 1%:\n")
print("| pass | " + " | ".join(names) + " | slowest 1%: " + " | ".join(names) + " |")
print("|---|" + "---:|" * (2 * len(names)))
for name, label in (("literal", "OR of stems"), ("facets", "OR of stems + facets"),
                    ("default", "default expansion")):
    rows = [[float(x) for x in l.split("\t")[1:2] + l.split("\t")[3:9]] for l in open(f"{sys.argv[1]}/{name}.tsv")]
    slow = sorted(rows, key=lambda r: r[0])[-max(1, len(rows) // 100):]
    mean = lambda rs, i: statistics.mean(r[i] for r in rs)
    print(f"| {label} | " + " | ".join(f"{mean(rows, i):.2f}" for i in range(1, 7)) + " | "
          + " | ".join(f"{mean(slow, i):.2f}" for i in range(1, 7)) + " |")
PY
}

# worst: each query of bench/data/worst_queries.tsv run WORST_REPEAT times in
# a row (top 10, snippets, facets), default mode and exact words; per query
# p50 and p99 of those runs, in ms.
worst() {
    local n="${WORST_REPEAT:-50}" mode
    grep -v '^#' "$ROOT/bench/data/worst_queries.tsv" |
        awk -F'\t' -v n="$n" '{ for (i = 1; i <= n; ++i) print $1 "\t" $2 }' > "$R/worst.tsv"
    for mode in default exact; do
        local opts=(); [ "$mode" = exact ] && opts=(--strict exact)
        "$SEARCH" --db "$R/akhbar.db" --batch "$R/worst.tsv" --json --limit 10 "${opts[@]}" --warmup \
            --timings "$R/worst-$mode.tsv" > /dev/null 2> "$R/worst-$mode.err" || [ $? -eq 2 ]
    done
    python3 - "$R" "$ROOT/bench/data/worst_queries.tsv" <<'PY'
import sys
from collections import defaultdict
run, queries = sys.argv[1], sys.argv[2]
text = dict(l.rstrip("\n").split("\t", 1) for l in open(queries, encoding="utf-8") if not l.startswith("#"))
def pct(v, p):
    v = sorted(v)
    return v[max(0, min(len(v) - 1, int(len(v) * p + 0.5) - 1))]
times = {}
for mode in ("default", "exact"):
    t = defaultdict(list)
    for line in open(f"{run}/worst-{mode}.tsv"):
        f = line.split("\t")
        t[f[0]].append(float(f[1]))
    times[mode] = t
print("Slowest kinds of query, each run many times in a row (top 10, snippets, facets), ms:\n")
print("| query | default p50 | default p99 | `--strict exact` p50 | `--strict exact` p99 |")
print("|---|---:|---:|---:|---:|")
for qid, q in text.items():
    cells = []
    for mode in ("default", "exact"):
        v = times[mode].get(qid)
        cells += [f"{pct(v, 0.5):.1f}", f"{pct(v, 0.99):.1f}"] if v else ["refused", "refused"]
    print(f"| `{q[:60]}{'…' if len(q) > 60 else ''}` | " + " | ".join(cells) + " |")
PY
}

for run in $(seq 1 "$RUNS"); do
    R="$W/run$run"
    rm -rf "$R" && mkdir -p "$R"
    echo "## Run $run of $RUNS ($(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'), $(date -u +%FT%TZ))"
    echo
    echo "before Lucene: $(uptime)"
    "$PEERS/run_lucene.sh" --corpus "$C" --queries "$Q" --out "$R/lucene" --dataset ant \
        > "$R/lucene.out" 2> "$R/lucene.log"
    echo "before Akhbar: $(uptime)"
    /usr/bin/time -f '%e %M' -o "$R/index.time" "$INDEX" -q --db "$R/akhbar.db" "$C" > "$R/index.out"
    read -r build_s build_rss < <(tail -n 1 "$R/index.time")
    literal_rss=$(search literal --format trec --literal --strict exact --no-facets)
    facets_rss=$(search facets --json --literal --strict exact)
    default_rss=$(search default --format trec --literal --no-facets)
    echo "after Akhbar: $(uptime)"
    echo
    echo "Top 10 with snippets, an OR of the words' stems (\`--literal --strict exact\`, as Lucene's queries):"
    echo
    compare literal "$literal_rss" | tee "$R/literal.md"
    echo
    echo "The same with date and source facets over all matches (Lucene without facets):"
    echo
    compare facets "$facets_rss" | tee "$R/facets.md"
    echo
    echo "Akhbar's default expansion (\`--literal\`: stem and root classes, name variants):"
    echo
    compare default "$default_rss" | tee "$R/default.md"
    echo
    stages | tee "$R/stages.md"
    echo
    worst | tee "$R/worst.md"
    echo
done

# Median and range of each ratio over the runs.
python3 - "$W" "$RUNS" <<'EOF'
import statistics, sys
work, runs = sys.argv[1], int(sys.argv[2])
print(f"## Median ratio over {runs} run(s) (range), Akhbar ÷ Lucene\n")
print("| measure | OR of stems | OR of stems + facets | default expansion |")
print("|---|---:|---:|---:|")
table = {}
for name in ("literal", "facets", "default"):
    for r in range(1, runs + 1):
        for line in open(f"{work}/run{r}/{name}.md", encoding="utf-8"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) == 4 and cells[3] not in ("–", "---:") and cells[0] != "measure":
                table.setdefault(cells[0], {}).setdefault(name, []).append(float(cells[3]))
for measure, by_name in table.items():
    row = []
    for name in ("literal", "facets", "default"):
        v = by_name.get(name, [])
        row.append(f"{statistics.median(v):.2f} ({min(v):.2f}–{max(v):.2f})" if v else "–")
    print(f"| {measure} | " + " | ".join(row) + " |")
EOF
