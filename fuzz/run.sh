#!/usr/bin/env bash
# Builds the libFuzzer targets (build-fuzz/, Clang, ASan + UBSan) and runs each
# for a bounded time, one after the other (one process: the cores are shared).
#
#   fuzz/run.sh TARGET|all SECONDS [LIBFUZZER_OPTION...]
#
# TARGET: analyzer dates plain_text jsonl query_parser. The corpus a run grows
# is kept in build-fuzz/work/TARGET/corpus (out of git) and reused by the next
# run; the seeds are made afresh from fuzz/corpus/TARGET and the test data
# (fuzz/make_seeds.py). A crash, leak, sanitizer error or broken invariant is
# saved as build-fuzz/work/TARGET/crash-* and makes the script exit 1.
#
# Environment: FUZZ_BUILD_DIR (default: build-fuzz), JOBS (default: 2).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${FUZZ_BUILD_DIR:-$ROOT/build-fuzz}"
JOBS="${JOBS:-2}"
TARGETS=(analyzer dates plain_text jsonl query_parser)
# Clang and its libFuzzer/sanitizer runtimes (Debian bookworm).
PACKAGES=(clang-14 libclang-rt-14-dev)

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'fuzz/run.sh: %s\n' "$*" >&2; exit 2; }

[ "$#" -ge 2 ] || { sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
what="$1"
seconds="$2"
shift 2
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || die "SECONDS must be a positive number: \"$seconds\""
if [ "$what" = all ]; then
    selected=("${TARGETS[@]}")
elif [[ " ${TARGETS[*]} " == *" $what "* ]]; then
    selected=("$what")
else
    die "unknown target \"$what\" (one of: ${TARGETS[*]} all)"
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
        missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
    log "installing missing packages: ${missing[*]}"
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
fi

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
log "building ${selected[*]} in $BUILD_DIR"
cmake -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++-14 -DAKHBAR_FUZZ=ON -DAKHBAR_BUILD_TESTS=OFF \
    "${launcher[@]}" >/dev/null
cmake --build "$BUILD_DIR" -j "$JOBS" --target "${selected[@]/%/_fuzzer}" >&2

status=0
summary=()
for target in "${selected[@]}"; do
    work="$BUILD_DIR/work/$target"
    rm -rf "$work/seeds" "$work/tmp"
    mkdir -p "$work/corpus" "$work/tmp"
    python3 "$ROOT/fuzz/make_seeds.py" "$target" "$work/seeds" >&2
    options=(-max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048
             -artifact_prefix="$work/")
    [ -f "$ROOT/fuzz/dictionaries/$target.dict" ] &&
        options+=(-dict="$ROOT/fuzz/dictionaries/$target.dict")
    log "fuzzing $target for $seconds s"
    rc=0
    # The first corpus directory receives what the run finds.
    # A target's temporary files (query_parser's index) stay in its work
    # directory, even those of a process that crashed.
    TMPDIR="$work/tmp" "$BUILD_DIR/fuzz/${target}_fuzzer" "${options[@]}" "$@" "$work/corpus" "$work/seeds" \
        2> "$work/last.log" || rc=$?
    grep -E '^(==[0-9]+==|SUMMARY|.*invariant failed|.*Test unit written)' "$work/last.log" >&2 || true
    done_line="$(grep -E '#[0-9]+[[:space:]]+DONE' "$work/last.log" | tail -1 || true)"
    execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/last.log")"
    rss="$(sed -n 's/^stat::peak_rss_mb: *//p' "$work/last.log")"
    cov="$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<< "$done_line")"
    ft="$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<< "$done_line")"
    corp="$(sed -n 's/.* corp: \([0-9/a-zA-Z]*\).*/\1/p' <<< "$done_line")"
    result=ok
    if [ "$rc" -ne 0 ]; then
        result="FAILED (exit $rc, see $work/last.log)"
        status=1
    fi
    summary+=("$(printf '%-13s %5ss execs=%s cov=%s ft=%s corpus=%s peak_rss=%sMB %s' \
        "$target" "$seconds" "${execs:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "${rss:-?}" "$result")")
done
printf '%s\n' "${summary[@]}"
exit "$status"
