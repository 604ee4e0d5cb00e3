#!/usr/bin/env bash
# Installs Akhbar into a temporary prefix and uses it as another program
# would: the example project (find_package), pkg-config, the C API from
# Python ctypes, a C search-and-free cycle under valgrind, a check that
# only the API is exported, and the tools' man pages and bash completion.
#   test_install.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
BUILD_DIR="$1"
SOURCE_DIR="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"

step() { printf '== %s\n' "$*"; }

step "cmake --install"
cmake --install "$BUILD_DIR" --prefix "$prefix" > /dev/null
lib="$(ls "$prefix"/lib*/libakhbar.so.0 | head -1)"
libdir="$(dirname "$lib")"

step "a man page and the bash completion for each tool"
for tool in akhbar-search akhbar-index akhbar-analyze akhbar-serve; do
    page="$prefix/share/man/man1/$tool.1"
    [ -s "$page" ] || { echo "not installed: $page (made by help2man: is it installed?)" >&2; exit 1; }
    # help2man's title line, and the options of --help in the page.
    grep -q "^\.TH ${tool^^} " "$page" || { echo "$page: no .TH ${tool^^} line" >&2; exit 1; }
    grep -q -- '\\-\\-version' "$page" || { echo "$page: --version is not in the page" >&2; exit 1; }
    completion="$prefix/share/bash-completion/completions/$tool"
    [ -s "$completion" ] || { echo "not installed: $completion" >&2; exit 1; }
    bash -c 'source "$1" && complete -p "$2"' _ "$completion" "$tool" > /dev/null ||
        { echo "$completion does not set up completion for $tool" >&2; exit 1; }
done

step "the library has a SONAME and exports only the API"
# grep reads the whole text (no -q in a pipe): under pipefail, a grep -q that
# stops at the first match can kill the writer with SIGPIPE and fail the step.
grep -q 'SONAME *libakhbar.so.0' <<< "$(objdump -p "$lib")"
exported="$(nm -DC --defined-only "$lib" | awk '$2 == "T" || $2 == "W"')"
grep -q 'akhbar::Searcher::search' <<< "$exported"
grep -q 'akhbar_searcher_search' <<< "$exported"
if echo "$exported" | grep -E 'akhbar::(light10|Normalizer|Analyzer|plain_text|detail|schema|clitics|utf8|dates)'; then
    echo "internal symbols are exported" >&2
    exit 1
fi

step "a new project with find_package(akhbar)"
cmake -S "$SOURCE_DIR/examples" -B "$work/example" -DCMAKE_PREFIX_PATH="$prefix" > /dev/null
cmake --build "$work/example" > /dev/null
"$work/example/akhbar-example" "$work/example.db" | tee "$work/example.out"
grep -q '^1 hit(s)$' "$work/example.out"
grep -q '\[اتفاقيات\]' "$work/example.out"

step "pkg-config"
export PKG_CONFIG_PATH="$libdir/pkgconfig"
pkg-config --modversion akhbar
cc $(pkg-config --cflags akhbar) -o "$work/leak_cycle" "$SOURCE_DIR/tests/install/leak_cycle.c" \
    $(pkg-config --libs akhbar)

step "index the seed corpus with the installed tool"
"$prefix/bin/akhbar-index" -q --db "$work/corpus.db" "$SOURCE_DIR/corpus" > /dev/null

step "C API from Python ctypes"
python3 "$SOURCE_DIR/tests/install/test_capi.py" "$lib" "$work/corpus.db"

step "search-and-free cycle under valgrind"
valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=1 \
    "$work/leak_cycle" "$work/corpus.db"
echo "install test: all steps passed"
