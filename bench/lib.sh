# Sourced by the bench/*.sh scripts: paths, the ANT files, and checks.
# Sets ROOT, BUILD_DIR, ANT_FILES; skips the benchmark (exit 0) when the ANT
# corpus is not beside the project, fails when the tools are not built.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build}"
ANT="${ANT_DIR:-$ROOT/../shared/data/ant}"
ANT_FILES=("$ANT/ant_v1.1_jawharafm.jsonl.gz" "$ANT/ant_v2.1_multisource_full.jsonl.gz")

# bench_require NAME TOOL...: the ANT files and the built tools, or stop.
bench_require() {
    local name="$1"; shift
    for f in "${ANT_FILES[@]}"; do
        if [ ! -f "$f" ]; then
            echo "bench/$name: skipped: $f not found (the ANT corpus lives in ../shared/data/ant)"
            exit 0
        fi
    done
    for tool in "$@"; do
        [ -x "$BUILD_DIR/$tool" ] || { echo "bench/$name: build first (./run.sh build)" >&2; exit 1; }
    done
}

# percentiles FILE: qid<TAB>milliseconds lines -> "p50 p95 p99 count"
percentiles() {
    cut -f2 "$1" | sort -g | awk '{ v[NR] = $1 } END {
        i50 = int(NR * 0.50 + 0.5); i95 = int(NR * 0.95 + 0.5); i99 = int(NR * 0.99 + 0.5)
        printf "%.2f %.2f %.2f %d\n", v[i50], v[i95], v[i99], NR }'
}

# bytes_of PATH...: bytes of the files under the paths
bytes_of() {
    du -scb "$@" | tail -1 | cut -f1
}

# start_postgresql: as root on Debian, starts the local PostgreSQL clusters
# that are down (as on a fresh machine) for the baseline rows; elsewhere does
# nothing, and baselines.py says what it could not reach.
start_postgresql() {
    if [ "$(id -u)" -eq 0 ] && command -v pg_ctlcluster > /dev/null; then
        pg_lsclusters -h 2>/dev/null | awk '$4 != "online" { print $1, $2 }' | while read -r v c; do
            pg_ctlcluster "$v" "$c" start || true
        done
    fi
}
