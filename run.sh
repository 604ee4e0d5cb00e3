#!/usr/bin/env bash
# Akhbar's one entry point on a fresh Debian bookworm machine.
#
#   ./run.sh search "QUERY"   install what is missing, build, index corpus/ if
#                             needed, run the query
#   ./run.sh test             install what is missing, build, run every test
#   ./run.sh build            install what is missing, build
#   ./run.sh analyze [TEXT]   build, then show what the analyzer does to TEXT
#
# Environment: BUILD_DIR (default: build), BUILD_TYPE (default: Release),
# JOBS (default: number of cores).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build}"
BUILD_TYPE="${BUILD_TYPE:-Release}"
JOBS="${JOBS:-$(nproc 2>/dev/null || echo 2)}"

# Debian packages the build and the tests need.
PACKAGES=(
    g++ cmake make pkg-config
    libxapian-dev xapian-tools
    libicu-dev
    libboost-program-options-dev libboost-test-dev
    nlohmann-json3-dev zlib1g-dev
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
    log "building ($BUILD_TYPE) in $BUILD_DIR"
    cmake -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE="$BUILD_TYPE" >/dev/null
    cmake --build "$BUILD_DIR" -j "$JOBS"
}

cmd_test() {
    build
    log "running tests"
    ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS"
}

cmd_search() {
    [ "$#" -gt 0 ] || die 'usage: ./run.sh search "QUERY"'
    build
    if [ ! -x "$BUILD_DIR/indexer/akhbar-index" ] || [ ! -x "$BUILD_DIR/searcher/akhbar-search" ]; then
        log "built the analyzer; the indexer and searcher are not written yet (issues #3, #4)."
        log "meanwhile, this is how the query is analyzed:"
        "$BUILD_DIR/common/akhbar-analyze" "$@"
        exit 3
    fi
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
        *) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
    esac
}

main "$@"
