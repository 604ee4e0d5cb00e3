#!/bin/sh
# TOOL as help2man (cmake/AkhbarUserDocs.cmake) reads it: `man-help.sh TOOL --help` prints
# TOOL's --help with its usage in help2man's shape: a usage line continued on an indented
# line is joined into one, and a further indented synopsis ("       akhbar-index ...
# --compact") becomes an "  or:" line; otherwise help2man would put them in DESCRIPTION.
# Any other arguments (--version) go to TOOL unchanged.
tool="$1"
shift
if [ "${1:-}" != --help ]; then
    exec "$tool" "$@"
fi
"$tool" --help | awk '
    NR == 1 { line = $0; usage = 1; next }
    usage && /^ +\[/ { sub(/^ +/, " "); line = line $0; next }
    usage && /^ +[^ []/ { print line; sub(/^ +/, ""); line = "  or: " $0; next }
    usage { print line; usage = 0 }
    { print }
    END { if (usage) print line }'
