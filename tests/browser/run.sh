#!/usr/bin/env bash
# The web page in headless Chromium (issue #19), as ctest runs it:
#   run.sh AKHBAR_INDEX AKHBAR_SERVE OUT_DIR
# Indexes corpus/ plus one hostile article into a temporary database, starts
# akhbar-serve on a free loopback port, runs page.test.mjs (puppeteer-core
# driving Debian's chromium) against it, saves screenshots in OUT_DIR, and
# stops the server. Exits 77 (ctest's SKIP_RETURN_CODE) with the reason when
# Chromium, node or node_modules is missing or Chromium cannot start:
# tests/browser/setup.sh installs them.
set -euo pipefail

if [[ $# -ne 3 ]]; then
    echo "usage: $0 AKHBAR_INDEX AKHBAR_SERVE OUT_DIR" >&2
    exit 2
fi
INDEX=$1
SERVE=$2
OUT=$3
HERE=$(cd "$(dirname "$0")" && pwd)
SOURCE_DIR=$(cd "$HERE/../.." && pwd)
CHROMIUM=${AKHBAR_CHROMIUM:-/usr/bin/chromium}

skip() {
    echo "SKIPPED: browser tests: $*" >&2
    exit 77
}

[[ -x $CHROMIUM ]] || skip "no Chromium at $CHROMIUM (apt-get install chromium, or run tests/browser/setup.sh; AKHBAR_CHROMIUM names another)"
command -v node >/dev/null || skip "no node in PATH (apt-get install nodejs npm, or run tests/browser/setup.sh)"
[[ -f $HERE/node_modules/puppeteer-core/package.json ]] ||
    skip "no $HERE/node_modules/puppeteer-core (run tests/browser/setup.sh, which runs npm ci there)"

WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
    if [[ -n $SERVER_PID ]]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# Chromium that is installed may still not start (no /dev/shm, a missing
# library): that is a skip with Chromium's own words, not a failure.
if ! timeout 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$WORK/probe-profile" --dump-dom about:blank >"$WORK/probe.out" 2>"$WORK/probe.err"; then
    skip "$CHROMIUM cannot start headless: $(grep -v -i dbus "$WORK/probe.err" | tail -3 | tr '\n' ' ')"
fi

# The hostile article: markup in the title, an attribute breakout in the
# source, a script url. Its words share nothing with the searches of the
# test but its own ("alert").
cat >"$WORK/hostile.jsonl" <<'JSON'
{"id":"xss-test","title":"<script>alert(1)</script>","date":"2025-11-20","source":"\" onmouseover=\"alert(4)","url":"javascript:alert(2)","text":"مقال اختبار عن الطقس <img src=x onerror=alert(3)> & \"اقتباس\""}
JSON
"$INDEX" --db "$WORK/db" "$SOURCE_DIR/corpus" "$WORK/hostile.jsonl" >"$WORK/index.log" 2>&1 ||
    { cat "$WORK/index.log" >&2; exit 1; }

# A port nobody listens on; the server is tried on another when it loses a
# race for it.
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
health() {
    local reply
    reply=$( (exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'GET /health HTTP/1.0\r\nHost: x\r\n\r\n' >&3 && head -1 <&3) 2>/dev/null) || return 1
    [[ $reply == *" 200 "* ]]
}
URL=""
for attempt in 1 2 3 4 5; do
    PORT=$((20000 + RANDOM % 40000))
    port_free "$PORT" || continue
    "$SERVE" --db "$WORK/db" --listen "127.0.0.1:$PORT" >"$WORK/server.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 100); do
        if health "$PORT"; then
            URL="http://127.0.0.1:$PORT"
            break 2
        fi
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
done
if [[ -z $URL ]]; then
    echo "akhbar-serve did not answer /health (attempt $attempt):" >&2
    cat "$WORK/server.log" >&2
    exit 1
fi

mkdir -p "$OUT"
AKHBAR_URL=$URL AKHBAR_SCREENSHOTS=$OUT AKHBAR_CHROMIUM=$CHROMIUM AKHBAR_PROFILE_DIR="$WORK/profile" \
    node "$HERE/page.test.mjs"
