#!/usr/bin/env bash
# run.sh as its users meet it: --help prints the usage and exits 0, an unknown or missing
# command prints it on standard error and exits 2, and `./run.sh search|analyze` print only
# the tool's output when nothing is rebuilt and corpus/ is unchanged.
#   test_run_sh.sh SOURCE_DIR BUILD_DIR
# Exits 77 (skipped) when a package run.sh would install is missing: the test must not install.
set -uo pipefail
SOURCE_DIR="$1"
BUILD_DIR="$2"
run_sh="$SOURCE_DIR/run.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { printf 'FAIL: %s\n' "$*"; failures=$((failures + 1)); }

# ./run.sh ARGS: sets status, out, err.
run() {
    status=0
    "$run_sh" "$@" > "$work/out" 2> "$work/err" || status=$?
    out="$(cat "$work/out")"
    err="$(cat "$work/err")"
}

usage_first_line="Akhbar's one entry point on a fresh Debian bookworm machine."
for option in --help -h help; do
    run "$option"
    [ "$status" -eq 0 ] || fail "./run.sh $option exits $status, not 0"
    [ "${out%%$'\n'*}" = "$usage_first_line" ] ||
        fail "./run.sh $option: first line is \"${out%%$'\n'*}\", not the usage's"
    grep -q 'set -euo pipefail' <<< "$out" && fail "./run.sh $option prints code: set -euo pipefail"
    grep -q '\./run\.sh search "QUERY"' <<< "$out" || fail "./run.sh $option does not list search"
    [ -z "$err" ] || fail "./run.sh $option writes to standard error: $err"
done

run frobnicate
[ "$status" -eq 2 ] || fail "./run.sh frobnicate exits $status, not 2"
[ "${err%%$'\n'*}" = 'run.sh: unknown command "frobnicate"' ] ||
    fail "./run.sh frobnicate: first line on stderr is \"${err%%$'\n'*}\""
[ "$err" = 'run.sh: unknown command "frobnicate"'$'\n'"try './run.sh --help'" ] ||
    fail "./run.sh frobnicate: stderr is not the one-line error and the pointer to --help: $err"
[ -z "$out" ] || fail "./run.sh frobnicate writes to standard output"

run
[ "$status" -eq 2 ] || fail "./run.sh (no command) exits $status, not 2"
[ "${err%%$'\n'*}" = "$usage_first_line" ] || fail "./run.sh (no command) does not print the usage"

# The quiet build: only where run.sh would find every package installed.
packages="$(sed -n '/^PACKAGES=(/,/^)/p' "$run_sh" | sed -e '1d' -e '$d' -e 's/#.*//')"
for package in $packages; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        echo "skipped: run.sh would install $package"
        [ "$failures" -eq 0 ] && exit 77
        exit 1
    fi
done
export BUILD_DIR AKHBAR_DB="$work/corpus.db" JOBS=2

run analyze كتاب
[ "$status" -eq 0 ] || fail "./run.sh analyze exits $status: $err"
expected="$("$BUILD_DIR/common/akhbar-analyze" كتاب)"
[ "$out" = "$expected" ] || fail "./run.sh analyze prints \"$out\", not akhbar-analyze's \"$expected\""
[ -z "$err" ] || fail "./run.sh analyze, nothing to rebuild, writes to standard error:"$'\n'"$err"

run search كازاخستان   # the first run indexes corpus/ and says so
[ "$status" -eq 0 ] || fail "./run.sh search (first) exits $status: $err"
grep -q "indexing corpus/ into $AKHBAR_DB" <<< "$err" || fail "./run.sh search (first) does not say it indexes"
run search كازاخستان
[ "$status" -eq 0 ] || fail "./run.sh search exits $status: $err"
expected="$("$BUILD_DIR/searcher/akhbar-search" --db "$AKHBAR_DB" كازاخستان)"
[ "$out" = "$expected" ] || fail "./run.sh search does not print what akhbar-search prints"
[ -z "$err" ] ||
    fail "./run.sh search, nothing to rebuild or index, writes to standard error:"$'\n'"$err"

if [ "$failures" -gt 0 ]; then
    echo "$failures failure(s)"
    exit 1
fi
echo "run.sh test: usage, exit codes and quiet no-op builds as expected"
