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
