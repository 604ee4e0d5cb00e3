#!/usr/bin/env bash
# Regenerates common/data/dictionary_stems.txt: the stems, as the akhbar profile
# stems them, of every word of the Arabic Hunspell dictionary (Ayaspell, Debian
# package hunspell-ar). A word whose stem is here is a word of the language; name
# variants (variants.hpp) never join two of them (كتاب and كتب), only a pair of
# which at least one side is unknown to the dictionary: a name or a loanword
# (ترامب/ترمب, أبراهام/إبراهيم).
#
#   apt-get install hunspell-ar && ./run.sh build && common/data/make_dictionary_stems.sh
#
# Every part of the dictionary's file is read (stopwords.dic, tools.dic,
# names.dic, verb.huns.dic, joined under "::::" banners): its entries are
# `word/flags`, and the word alone is kept (the forms the flags make share its
# stem or are verb conjugations listed on their own lines).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/hunspell_dictionary.sh"
OUT="$ROOT/common/data/dictionary_stems.txt"

words="$(awk -F'[/\t]' '
    /^::::/ { next }
    NF == 1 && /\.dic$/ { part = $0; next }
    part != "" && $1 ~ /^[^#0-9]/ { print $1 }' "$DIC")"
[ -n "$words" ] || { echo "make_dictionary_stems.sh: no word in $DIC" >&2; exit 1; }
{
    cat <<HEADER
# Stems of the words of the Arabic Hunspell dictionary: name variants never join
# two of them (common/include/akhbar/common/variants.hpp). Stemmed by the akhbar
# profile (light10-pronouns, analyzer version 4).
# source: every entry of the Arabic Hunspell dictionary, Ayaspell, Debian package
# hunspell-ar $version (/usr/share/hunspell/ar.dic). Copyright 2006-2009 Mohamed
# Kebdani, Taha Zerrouki. License: GPL-2.0+ or LGPL-2.1+ or MPL-1.1 (the
# dictionary's own terms, which this derived list keeps).
# Made by common/data/make_dictionary_stems.sh; do not edit.
HEADER
    # akhbar-analyze prints original, normalized, stem, start, end per word.
    printf '%s\n' "$words" | tr '\n' ' ' | "$ANALYZE" --profile akhbar | cut -f3 | grep . | LC_ALL=C sort -u
} > "$OUT"
echo "wrote $OUT ($(grep -vc '^#' "$OUT") stems)" >&2
