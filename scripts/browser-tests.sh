#!/usr/bin/env bash
# Browser tests of the IdP's web admin console (issue 10): Python Playwright driving Debian's
# chromium-headless-shell against a real `zerotouch dev` (the debug build) on free loopback ports,
# with a throwaway data directory. Screenshots of every page go to test-artifacts/screenshots/.
#
# Needs: `swift build --product zerotouch` (or `swift build --build-tests`) and the apt package
# chromium-headless-shell. Playwright and pytest are installed into .build-browser/venv on first use.
# Stops everything it started when it exits; exits non-zero when a test fails.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.build-browser/venv
binary=${ZEROTOUCH_BINARY:-.build/debug/zerotouch}
chromium=${ZEROTOUCH_CHROMIUM:-$(command -v chromium-headless-shell || true)}
if [ -z "$chromium" ] || [ ! -x "$chromium" ]; then
    echo "browser-tests: chromium-headless-shell not found (apt-get install chromium-headless-shell)" >&2
    exit 1
fi
if [ ! -x "$binary" ]; then
    echo "browser-tests: $binary is missing; run 'swift build --product zerotouch' first" >&2
    exit 1
fi
if ! "$venv/bin/python" -c "import playwright, pytest" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check playwright pytest
fi

work=$(mktemp -d)
dev_pid=""
cleanup() {
    if [ -n "$dev_pid" ] && kill -0 "$dev_pid" 2>/dev/null; then
        kill -TERM "$dev_pid" 2>/dev/null || true
        wait "$dev_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# Six consecutive free ports for the IdP, the AS, two MCP servers, the gateway and its upstream.
base_port=$("$venv/bin/python" - <<'PY'
import random, socket
for _ in range(200):
    base = random.randrange(20000, 60000)
    sockets = []
    try:
        for offset in range(6):
            s = socket.socket()
            s.bind(("127.0.0.1", base + offset))
            sockets.append(s)
    except OSError:
        continue
    finally:
        for s in sockets:
            s.close()
    print(base)
    break
PY
)

"$binary" dev --data-dir "$work/data" --base-port "$base_port" >"$work/dev.out" 2>"$work/dev.err" &
dev_pid=$!
for _ in $(seq 1 120); do
    if grep -q "Ctrl-C stops everything" "$work/dev.out" 2>/dev/null; then break; fi
    if ! kill -0 "$dev_pid" 2>/dev/null; then
        echo "browser-tests: zerotouch dev exited early:" >&2
        cat "$work/dev.err" >&2
        exit 1
    fi
    sleep 0.5
done
if ! grep -q "Ctrl-C stops everything" "$work/dev.out"; then
    echo "browser-tests: zerotouch dev did not start within 60 s" >&2
    exit 1
fi

mkdir -p test-artifacts/screenshots
export ZT_CHROMIUM="$chromium"
export ZT_DEV_BANNER="$work/dev.out"
export ZT_DEV_PROFILE="$work/data/cli-profile.json"
export ZT_BASE_PORT="$base_port"
export ZT_SCREENSHOTS="test-artifacts/screenshots"
status=0
"$venv/bin/python" -m pytest -q -p no:cacheprovider Tests/Browser/test_admin_console.py || status=$?
if [ "$status" -ne 0 ]; then
    echo "browser-tests: failed; the last lines of the servers' log:" >&2
    tail -n 30 "$work/dev.err" >&2
fi
exit "$status"
