#!/usr/bin/env bash
# The bash completion (completions/akhbar.bash) against each tool's --help, so the two cannot
# drift: every long option of --help completes; every option that takes a value is in one of
# the completion's tables (words, paths, free text), and every table entry names an option of
# --help that takes a value, with words its help text names. Each failure says which tool and
# which option, and the run reports them all.
#   test_completion.sh COMPLETION_FILE TOOL...
set -uo pipefail
completion="$1"
shift
# shellcheck source=/dev/null
source "$completion" || { echo "FAIL: cannot source $completion"; exit 1; }
failures=0
fail() { printf 'FAIL: %s\n' "$*"; failures=$((failures + 1)); }

# What _akhbar offers for a command line whose last word is under the cursor; one a line.
complete_line() {
    COMP_WORDS=("$@")
    COMP_CWORD=$(($# - 1))
    COMPREPLY=()
    _akhbar "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf '%s\n' "${COMPREPLY[@]}"
}

# Read independently of the completion's parser: an option line of --help starts with two
# spaces and a dash; its long name is the first --name on it, "arg" after it if it takes a
# value. Prints "--name" or "--name arg".
help_options() {
    "$1" --help | awk '/^  -/ {
        if (match($0, /--[[:alnum:]][[:alnum:]-]*/)) {
            name = substr($0, RSTART, RLENGTH)
            rest = substr($0, RSTART + RLENGTH)
            print name (rest ~ /^ arg/ ? " arg" : "")
        }
    }'
}

# The help text of one option: its line and the description lines under it.
help_of() {
    "$1" --help | awk -v opt="$2" '
        /^  -/ { inside = 0; if (match($0, /--[[:alnum:]][[:alnum:]-]*/) && substr($0, RSTART, RLENGTH) == opt) inside = 1 }
        inside { print }'
}

declare -A tools=()
for path in "$@"; do
    tool="${path##*/}"
    tools[$tool]="$path"
    "$path" --help > /dev/null || fail "$tool --help exits $? (it must exit 0)"
    offered="$(complete_line "$path" --)"
    count=0
    while read -r option arg; do
        count=$((count + 1))
        grep -qx -- "$option" <<< "$offered" ||
            fail "$tool: $option is in --help but \`$tool --<TAB>\` does not offer it"
        [ "$arg" = arg ] || continue
        key="$tool $option"
        in_tables=0
        [ -n "${_AKHBAR_VALUES[$key]+set}" ] && in_tables=$((in_tables + 1))
        [ -n "${_AKHBAR_PATHS[$key]+set}" ] && in_tables=$((in_tables + 1))
        [ -n "${_AKHBAR_FREE[$key]+set}" ] && in_tables=$((in_tables + 1))
        [ "$in_tables" -eq 1 ] ||
            fail "$tool: $option takes a value; $completion must list it in exactly one of" \
                "_AKHBAR_VALUES (its words), _AKHBAR_PATHS (file or dir) or _AKHBAR_FREE," \
                "not $in_tables"
    done < <(help_options "$path")
    [ "$count" -ge 3 ] || fail "$tool: only $count options read from --help; is it still Boost's format?"
done

# Every entry of the tables: an option of --help that takes a value.
check_entry() {
    local table="$1" key="$2" tool="${2%% *}" option="${2#* }"
    [ -n "${tools[$tool]+set}" ] || { fail "$table[$key]: no tool $tool was given to this test"; return 1; }
    help_options "${tools[$tool]}" | grep -qx -- "$option arg" ||
        { fail "$table[$key]: $tool --help has no option $option that takes a value"; return 1; }
}
for key in "${!_AKHBAR_VALUES[@]}"; do
    check_entry _AKHBAR_VALUES "$key" || continue
    tool="${key%% *}"
    option="${key#* }"
    help="$(help_of "${tools[$tool]}" "$option")"
    for word in ${_AKHBAR_VALUES[$key]}; do
        grep -qw -- "$word" <<< "$help" ||
            fail "$tool $option: the completion offers \"$word\", which its --help does not name"
    done
    expected="$(printf '%s\n' ${_AKHBAR_VALUES[$key]} | sort)"
    got="$(complete_line "${tools[$tool]}" "$option" "" | sort)"
    [ "$got" = "$expected" ] ||
        fail "\`$tool $option <TAB>\` offers [${got//$'\n'/ }], not [${expected//$'\n'/ }]"
    got="$(complete_line "${tools[$tool]}" "$option" = "" | sort)"
    [ "$got" = "$expected" ] ||
        fail "\`$tool $option=<TAB>\` offers [${got//$'\n'/ }], not [${expected//$'\n'/ }]"
done
for key in "${!_AKHBAR_FREE[@]}"; do check_entry _AKHBAR_FREE "$key"; done

# Paths: a directory (and, for file, a file) under a fresh directory.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/news.db"
touch "$work/news.stub"
for key in "${!_AKHBAR_PATHS[@]}"; do
    check_entry _AKHBAR_PATHS "$key" || continue
    tool="${key%% *}"
    option="${key#* }"
    got="$(complete_line "${tools[$tool]}" "$option" "$work/news." | sort | tr '\n' ' ')"
    case "${_AKHBAR_PATHS[$key]}" in
        dir) expected="$work/news.db " ;;
        file) expected="$work/news.db $work/news.stub " ;;
        *) fail "_AKHBAR_PATHS[$key] is \"${_AKHBAR_PATHS[$key]}\", not dir or file"; continue ;;
    esac
    [ "$got" = "$expected" ] || fail "\`$tool $option $work/news.<TAB>\` offers [$got], not [$expected]"
done

# After --, no options: `akhbar-search -- --f<TAB>` is a query word.
if [ -n "${tools[akhbar-search]+set}" ]; then
    got="$(complete_line "${tools[akhbar-search]}" -- --f)"
    [ -z "$got" ] || fail "\`akhbar-search -- --f<TAB>\` offers options after --: [$got]"
fi

if [ "$failures" -gt 0 ]; then
    echo "$failures failure(s)"
    exit 1
fi
echo "completion test: ${#tools[@]} tools, all options of --help complete"
