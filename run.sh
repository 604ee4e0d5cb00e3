#!/usr/bin/env bash
# Akhbar's one entry point on a fresh Debian bookworm machine.
#
#   ./run.sh search "QUERY"   install what is missing, build, index corpus/ if
#                             needed, run the query
#   ./run.sh test             install what is missing, build, run every test
#   ./run.sh build            install what is missing, build
#   ./run.sh analyze [TEXT]   build, then show what the analyzer does to TEXT
#   ./run.sh index ARGS...    build, then run akhbar-index ARGS
#   ./run.sh serve [ARGS...]  build, index corpus/ if needed, serve the HTTP
#                             API on http://127.0.0.1:8080/ (docs/http-api.md)
#   ./run.sh test-asan        build in build-asan/ with ASan + UBSan, run the
#                             tests (all but test_install, test_baselines,
#                             test_docs and test_run_sh)
#   ./run.sh fuzz TARGET|all SECONDS
#                             build and run the fuzzers (fuzz/README.md)
#   ./run.sh --help           this text
#
# A build that compiles nothing prints nothing.
#
# Environment: BUILD_DIR (default: build), BUILD_TYPE (default: Release),
# JOBS (default: number of cores), ASAN_BUILD_DIR (default: build-asan).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build}"
BUILD_TYPE="${BUILD_TYPE:-Release}"
JOBS="${JOBS:-$(nproc 2>/dev/null || echo 2)}"
ASAN_BUILD_DIR="${ASAN_BUILD_DIR:-$ROOT/build-asan}"

# Debian packages the build and the tests need.
PACKAGES=(
    g++ cmake make pkg-config
    libxapian-dev xapian-tools
    libicu-dev
    libboost-program-options-dev libboost-test-dev
    nlohmann-json3-dev zlib1g-dev
    libcpp-httplib-dev   # akhbar-serve
    help2man             # the man pages, made from each tool's --help at build time
    python3 valgrind binutils   # the install test: ctypes, leak check, nm/objdump
)

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

install_missing() {
    local missing=()
    for pkg in "${PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$pkg")
        fi
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        return
    fi
    log "installing missing packages: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || die "need root (or sudo) to install: ${missing[*]}"
        sudo=(sudo)
    fi
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
}

build() {
    install_missing
    cmake -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE="$BUILD_TYPE" >/dev/null
    # Build output goes to standard error: standard output is the tools'. The
    # lines a build that compiles nothing prints (one "Built target" per
    # target) are dropped, so `./run.sh search` shows only its results when
    # nothing changed; compiler lines and errors still stream as they come.
    cmake --build "$BUILD_DIR" -j "$JOBS" 2>&1 | quiet_noop_build >&2
}

# Standard input minus make's no-op lines. `|| true`: grep exits 1 when it
# keeps no line, which is the quiet case, not an error (the build's own exit
# status reaches the caller through pipefail).
quiet_noop_build() {
    grep -v -E '^\[ *[0-9]+%\] Built target |^Consolidate compiler generated dependencies |^g?make(\[[0-9]+\])?: (Entering|Leaving) directory ' || true
}

cmd_test() {
    build
    # The browser tests' Chromium and puppeteer-core; without them those
    # tests are skipped, saying why, and the others still run.
    bash "$ROOT/tests/browser/setup.sh" >&2 || log "browser test setup failed: they will be skipped"
    log "running tests"
    ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS"
}

# The suite under AddressSanitizer and UndefinedBehaviorSanitizer
# (-DAKHBAR_SANITIZE=ON). A sanitizer error aborts the process (SIGABRT), so a
# tool run by test_cli fails its test even where exit 1 is expected. Left out:
# test_install, whose leak check runs valgrind and whose C API test loads
# libakhbar.so into Python (neither works with the ASan runtime; the leak is
# LeakSanitizer's job here), test_baselines, Python and SQLite only, and
# test_docs and test_run_sh, which run ./run.sh on the build (a full build of
# build-asan/, not the targets above).
cmd_test_asan() {
    install_missing
    log "building (ASan + UBSan) in $ASAN_BUILD_DIR"
    cmake -S "$ROOT" -B "$ASAN_BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DAKHBAR_SANITIZE=ON >/dev/null
    cmake --build "$ASAN_BUILD_DIR" -j "$JOBS" \
        --target test_common test_indexer test_searcher test_bench test_cli test_crash_loop \
        test_page test_server akhbar-index akhbar-serve >&2
    log "running tests under ASan + UBSan"
    ASAN_OPTIONS="abort_on_error=1:detect_leaks=1:strict_string_checks=1" \
    UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:abort_on_error=1" \
        ctest --test-dir "$ASAN_BUILD_DIR" --output-on-failure -j "$JOBS" \
        -E '^(test_install|test_baselines|test_docs|test_run_sh)$'
}

# The database of corpus/ used by `./run.sh search` (and by akhbar-search
# when run.sh starts it).
export AKHBAR_DB="${AKHBAR_DB:-$BUILD_DIR/corpus.db}"

index_corpus() {
    # Incremental: builds the database when missing, updates it when corpus/
    # changed, and otherwise says "no changes", which is not shown: a query
    # on an unchanged corpus prints only its results. This database is derived
    # from corpus/ only, so one built by an older Akhbar (another analyzer or
    # schema version) is simply rebuilt.
    local status=0 out
    out="$(mktemp)"
    "$BUILD_DIR/indexer/akhbar-index" --db "$AKHBAR_DB" "$ROOT/corpus" > "$out" 2>&1 || status=$?
    if [ "$status" -eq 1 ] && grep -q -- "--rebuild" "$out"; then
        log "indexing corpus/ into $AKHBAR_DB: $(cat "$out"); rebuilding"
        status=0
        "$BUILD_DIR/indexer/akhbar-index" --db "$AKHBAR_DB" --rebuild "$ROOT/corpus" >&2 || status=$?
    elif [ "$status" -ne 0 ] || ! grep -q "no changes" "$out"; then
        log "indexing corpus/ into $AKHBAR_DB"
        cat "$out" >&2
    fi
    rm -f "$out"
    # 3: indexed, with some input skipped (reported above).
    [ "$status" -eq 0 ] || [ "$status" -eq 3 ] || die "indexing failed (exit $status)"
}

cmd_search() {
    [ "$#" -gt 0 ] || die 'usage: ./run.sh search "QUERY"'
    build
    index_corpus
    if [ ! -x "$BUILD_DIR/searcher/akhbar-search" ]; then
        log "the searcher is not written yet (issue #4); this is how the query is analyzed:"
        "$BUILD_DIR/common/akhbar-analyze" "$@"
        exit 3
    fi
    "$BUILD_DIR/searcher/akhbar-search" --db "$AKHBAR_DB" "$@"
}

cmd_serve() {
    build
    index_corpus
    # akhbar-serve prints the URL it listens on; Ctrl-C stops it.
    exec "$BUILD_DIR/server/akhbar-serve" --db "$AKHBAR_DB" "$@"
}

cmd_index() {
    build
    "$BUILD_DIR/indexer/akhbar-index" "$@"
}

cmd_analyze() {
    build
    "$BUILD_DIR/common/akhbar-analyze" "$@"
}

main() {
    local command="${1:-}"
    [ "$#" -gt 0 ] && shift
    case "$command" in
        test) cmd_test "$@" ;;
        search) cmd_search "$@" ;;
        build) build ;;
        analyze) cmd_analyze "$@" ;;
        index) cmd_index "$@" ;;
        serve) cmd_serve "$@" ;;
        test-asan) cmd_test_asan ;;
        fuzz) exec "$ROOT/fuzz/run.sh" "$@" ;;
        -h|--help|help) usage; exit 0 ;;
        "") usage >&2; exit 2 ;;
        *) printf 'run.sh: unknown command "%s"\ntry '"'"'./run.sh --help'"'"'\n' "$command" >&2; exit 2 ;;
    esac
}

# The comment at the top of this file, up to its first line of code.
usage() {
    awk 'NR == 1 { next } !/^#/ { exit } { sub(/^# ?/, ""); print }' "${BASH_SOURCE[0]}"
}

main "$@"
