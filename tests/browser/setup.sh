#!/usr/bin/env bash
# Installs what the browser tests need (tests/browser/run.sh): Debian's
# chromium, node, and a font with Arabic letters (DejaVu) when they are
# missing and we are root, then
# puppeteer-core at the version package-lock.json pins (npm ci; it downloads
# no browser). Where it cannot, run.sh skips the tests and says why.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
[[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]] || missing+=(fonts-dejavu-core)
if ((${#missing[@]} > 0)); then
    if [[ $(id -u) -eq 0 ]]; then
        apt-get update -q
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
    else
        echo "tests/browser/setup.sh: not root, not installing: ${missing[*]}" >&2
    fi
fi
if command -v npm >/dev/null; then
    (cd "$HERE" && npm ci --no-audit --no-fund)
else
    echo "tests/browser/setup.sh: no npm, puppeteer-core not installed" >&2
fi
