# Bash completion for akhbar-search, akhbar-index, akhbar-analyze and akhbar-serve.
#
# Options come from the tool's own --help, read at each completion, so an option a tool gains
# completes without an edit here and a removed one stops completing. What cannot be read from
# --help is below: the values of an option that takes one of a few words, and which options
# take a file or a directory. tests/completion/test_completion.sh fails when a tool's --help
# has an option that takes a value and none of these tables mentions it, or when a table
# names an option or a value that --help does not have.
#
# Installed (cmake --install) as share/bash-completion/completions/akhbar-{search,index,...};
# by hand: `source completions/akhbar.bash`.

# "TOOL --option" -> the words it takes.
declare -gA _AKHBAR_VALUES=(
    ["akhbar-search --format"]="text json trec"
    ["akhbar-search --sort"]="relevance date newest oldest"
    ["akhbar-search --color"]="auto always never"
    ["akhbar-search --facets"]="auto chart table"
    ["akhbar-search --ranking"]="akhbar bm25 lucene-bm25"
    ["akhbar-search --strict"]="exact normalized stemmed"
    ["akhbar-search --facet-count"]="articles stories"
    ["akhbar-index --profile"]="akhbar lucene snowball none"
    ["akhbar-index --shard-by"]="month year none"
    ["akhbar-analyze --profile"]="akhbar lucene snowball none"
    ["akhbar-analyze --stemmer"]="light10 light10-pronouns snowball none"
)

# "TOOL --option" -> dir (a directory) or file (a file or a directory). A search's --db may be
# a stub file listing shards (docs/scaling.md), an index's --db is a directory.
declare -gA _AKHBAR_PATHS=(
    ["akhbar-search --db"]=file
    ["akhbar-search --batch"]=file
    ["akhbar-search --timings"]=file
    ["akhbar-index --db"]=dir
    ["akhbar-index --delete-from"]=file
    ["akhbar-analyze --db"]=dir
    ["akhbar-serve --db"]=file
)

# Options whose value is free text or a number: nothing to offer.
declare -gA _AKHBAR_FREE=(
    ["akhbar-search --timeout"]=1 ["akhbar-search --from"]=1 ["akhbar-search --to"]=1
    ["akhbar-search --source"]=1 ["akhbar-search --limit"]=1 ["akhbar-search --offset"]=1
    ["akhbar-search --facet-month"]=1 ["akhbar-search --snippet-chars"]=1
    ["akhbar-search --like"]=1 ["akhbar-search --show"]=1 ["akhbar-search --category"]=1
    ["akhbar-index --memory"]=1
    ["akhbar-serve --listen"]=1 ["akhbar-serve --threads"]=1 ["akhbar-serve --write-key"]=1
    ["akhbar-serve --timeout"]=1
)

# Prints the long options of the tool at $1, one a line, with " arg" after those that take a
# value. Boost.Program_options writes each option at two spaces' indent ("  --db arg",
# "  -h [ --help ]"); descriptions are indented further, so an option named in a description
# is not taken for one.
_akhbar_options() {
    "$1" --help 2>/dev/null |
        sed -n -E 's/^  (-[[:alnum:]] \[ )?(--[[:alnum:]][[:alnum:]-]*)( \])?( arg)?( .*)?$/\2\4/p'
}

_akhbar() {
    local command="$1" cur="${COMP_WORDS[COMP_CWORD]}" prev="" option="" value
    local tool="${command##*/}"
    [ "$COMP_CWORD" -gt 0 ] && prev="${COMP_WORDS[COMP_CWORD - 1]}"
    COMPREPLY=()

    # "--" ends the options: from there on, only what the tool takes as arguments.
    local i
    for ((i = 1; i < COMP_CWORD; i++)); do
        [ "${COMP_WORDS[i]}" = "--" ] && { _akhbar_arguments "$tool" "$cur"; return; }
    done

    # --format=js: bash splits it at "=" (COMP_WORDBREAKS) into "--format", "=", "js"; the
    # word under the cursor is "=" right after the sign.
    if [ "$cur" = "=" ]; then
        cur=""
    elif [ "$prev" = "=" ] && [ "$COMP_CWORD" -gt 1 ]; then
        prev="${COMP_WORDS[COMP_CWORD - 2]}"
    fi
    if [[ "$prev" == --* ]] && _akhbar_options "$command" | grep -qx -- "$prev arg"; then
        option="$prev"
        value="$cur"
    fi
    if [ -n "$option" ]; then
        _akhbar_value "$tool" "$option" "$value"
        return
    fi
    if [[ "$cur" == -* ]]; then
        local options
        options="$(_akhbar_options "$command" | sed 's/ arg$//')"
        mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur")
        return
    fi
    _akhbar_arguments "$tool" "$cur"
}

# The value of OPTION of TOOL: one of its words, a path, or nothing.
_akhbar_value() {
    local key="$1 $2" cur="$3"
    if [ -n "${_AKHBAR_VALUES[$key]+set}" ]; then
        mapfile -t COMPREPLY < <(compgen -W "${_AKHBAR_VALUES[$key]}" -- "$cur")
    elif [ "${_AKHBAR_PATHS[$key]:-}" = dir ]; then
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -d -- "$cur")
    elif [ "${_AKHBAR_PATHS[$key]:-}" = file ]; then
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    fi
}

# What TOOL takes besides options: akhbar-index files and directories (and - for standard
# input); the others a query or a text, nothing to complete.
_akhbar_arguments() {
    if [ "$1" = akhbar-index ]; then
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -f -- "$2")
    fi
}

complete -F _akhbar akhbar-search akhbar-index akhbar-analyze akhbar-serve
