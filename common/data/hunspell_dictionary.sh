# Sourced by the scripts that derive a word list from the Arabic Hunspell
# dictionary (make_waw_nouns.sh, make_dictionary_stems.sh): sets ROOT, DIC (the
# dictionary, HUNSPELL_AR to override), ANALYZE (the built akhbar-analyze) and
# version (the hunspell-ar package's), and stops with the command to run when
# the dictionary or the build is missing.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIC="${HUNSPELL_AR:-/usr/share/hunspell/ar.dic}"
ANALYZE="${BUILD_DIR:-$ROOT/build}/common/akhbar-analyze"
_script="$(basename "$0")"
[ -r "$DIC" ] || { echo "$_script: no $DIC (apt-get install hunspell-ar)" >&2; exit 1; }
[ -x "$ANALYZE" ] || { echo "$_script: no $ANALYZE (./run.sh build)" >&2; exit 1; }
version="$(dpkg-query -W -f '${Version}' hunspell-ar 2>/dev/null || echo unknown)"
