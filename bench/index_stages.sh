#!/usr/bin/env bash
# Where indexing time goes: read, analyze, and Xapian's write path alone on
# the indexer's own prebuilt documents, with and without each stored feature
# (bench/index_stages.cpp says what each row is). Needs ../shared/data/ant;
# skips cleanly without it. About 2 minutes and 3 GB of memory.
#
#   bench/index_stages.sh [THREADS]        (after ./run.sh build)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_require index_stages.sh bench/akhbar-bench-index-stages

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$BUILD_DIR/bench/akhbar-bench-index-stages" "${1:-$(nproc)}" "$work/stages" "${ANT_FILES[@]}"
