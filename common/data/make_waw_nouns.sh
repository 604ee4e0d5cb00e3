#!/usr/bin/env bash
# Regenerates common/data/waw_nouns.txt: the noun stems of the Arabic Hunspell
# dictionary (Ayaspell, Debian package hunspell-ar) that begin with و, in the
# akhbar profile's normalized spelling. light10-pronouns keeps the و of these
# words (وزير, وزارة, ولاية), which light10 takes for the conjunction.
#
#   apt-get install hunspell-ar && ./run.sh build && common/data/make_waw_nouns.sh
#
# The dictionary's file joins several lists under "::::" banners; the nouns are
# the part named names.dic (its verbs, verb.huns.dic, hold conjugations with
# clitics, and its stopwords.dic the conjunction itself).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/hunspell_dictionary.sh"
OUT="$ROOT/common/data/waw_nouns.txt"

words="$(awk -F/ '
    /^::::/ { next }
    NF == 1 && /\.dic$/ { part = $0; next }
    part == "names.dic" && NF > 1 && $1 ~ /^و/ { print $1 }' "$DIC")"
[ -n "$words" ] || { echo "make_waw_nouns.sh: no names.dic part in $DIC" >&2; exit 1; }
{
    cat <<HEADER
# Nouns whose first letter و is a radical, not the conjunction: light10-pronouns
# keeps it (وزير, not زير). Normalized by the akhbar profile; one word per line.
# source: the noun stems (names.dic part, entries beginning with و) of the Arabic
# Hunspell dictionary, Ayaspell, Debian package hunspell-ar $version
# (/usr/share/hunspell/ar.dic). Copyright 2006-2009 Mohamed Kebdani, Taha Zerrouki.
# License: GPL-2.0+ or LGPL-2.1+ or MPL-1.1 (the dictionary's own terms, which
# this derived list keeps). Made by common/data/make_waw_nouns.sh; do not edit.
HEADER
    # akhbar-analyze prints original, normalized, stem, start, end per word.
    printf '%s\n' "$words" | tr '\n' ' ' | "$ANALYZE" --profile akhbar | cut -f2 | grep '^و' | LC_ALL=C sort -u
} > "$OUT"
echo "wrote $OUT ($(grep -vc '^#' "$OUT") words)" >&2
