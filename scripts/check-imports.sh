#!/usr/bin/env bash
# Enforces the dependency rules of STYLE.md ("Dependency direction"):
# - the role targets (IdP, AS, ResourceServer, Client) never import each other or Storage;
# - Domain/ folders never import Hummingbird or AsyncHTTPClient;
# - only HTTP/ folders of the role and shared serving targets import Hummingbird.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
fail() { echo "import rule broken: $1"; status=1; }

roles=(ZeroTouchIdP ZeroTouchAS ZeroTouchResourceServer ZeroTouchClient)
for role in "${roles[@]}"; do
    [ -d "Sources/$role" ] || continue
    for other in "${roles[@]}" ZeroTouchStorage; do
        [ "$other" = "$role" ] && continue
        if grep -rEn "^\s*(@testable |public |package |internal )?import $other\b" "Sources/$role" >/dev/null; then
            fail "$role imports $other: $(grep -rEln "import $other\b" "Sources/$role" | head -3 | tr '\n' ' ')"
        fi
    done
    if [ -d "Sources/$role/Domain" ] && grep -rEn "import (Hummingbird|AsyncHTTPClient)\b" "Sources/$role/Domain" >/dev/null; then
        fail "$role/Domain imports Hummingbird or AsyncHTTPClient: $(grep -rEln "import (Hummingbird|AsyncHTTPClient)\b" "Sources/$role/Domain" | head -3 | tr '\n' ' ')"
    fi
    outside=$(grep -rEl "import Hummingbird\b" "Sources/$role" --include=*.swift | grep -v "/HTTP/" || true)
    [ -z "$outside" ] || fail "$role imports Hummingbird outside HTTP/: $outside"
done
for core in ZeroTouchCore ZeroTouchJOSE ZeroTouchOAuth ZeroTouchStorage; do
    [ -d "Sources/$core" ] || continue
    if grep -rEn "import Hummingbird\b" "Sources/$core" >/dev/null; then fail "$core imports Hummingbird"; fi
done
[ $status -eq 0 ] && echo "import rules: ok"
exit $status
