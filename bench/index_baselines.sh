#!/usr/bin/env bash
# Indexing the same input as bench/index.sh (both ANT files, title and text of
# every article) with the issue's stock baselines: SQLite FTS5 (unicode61
# remove_diacritics 2) and PostgreSQL 15 (the arabic configuration, a stored
# tsvector column and a GIN index), through bench/relevance/baselines.py
# --build-only. Best of N runs (default 3): seconds and index size, text
# included as in Akhbar's. PostgreSQL runs on the local Debian cluster (started
# when it is down); without one its row says why. Needs ../shared/data/ant.
#
#   bench/index_baselines.sh [RUNS]
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RUNS="${1:-3}"
bench_require index_baselines.sh
BASELINES="$ROOT/bench/relevance/baselines.py"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The article's title and text as one document, as akhbar-index indexes them.
python3 - "$work/ant.jsonl" "${ANT_FILES[@]}" <<'PY'
import gzip, json, sys
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for path in sys.argv[2:]:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                a = json.loads(line)
                text = "\n".join(x for x in (a.get("title") or "", a.get("text") or "") if x)
                out.write(json.dumps({"id": str(a["id"]), "text": text}, ensure_ascii=False) + "\n")
PY
articles=$(wc -l < "$work/ant.jsonl")

start_postgresql

echo "| engine | build | articles/s | index size |"
echo "|---|---|---|---|"
for engine in sqlite-fts5 postgresql; do
    best=""
    for run in $(seq 1 "$RUNS"); do
        if ! result=$(python3 "$BASELINES" "$engine" "$work/ant.jsonl" --build-only --work "$work" 2> "$work/err"); then
            echo "| $engine | not run: $(tail -1 "$work/err") | | |"
            continue 2
        fi
        read -r seconds bytes <<< "$result"
        echo "run $run: $engine ${seconds}s, index $bytes bytes" >&2
        if [ -z "$best" ] || awk -v a="$seconds" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best="$seconds"; best_bytes="$bytes"
        fi
    done
    awk -v e="$engine" -v s="$best" -v b="$best_bytes" -v n="$articles" \
        'BEGIN { printf "| %s | %.1f s | %d | %.1f MB |\n", e, s, n / s, b / 1e6 }'
done
echo
echo "$articles articles, best of $RUNS runs"
