#!/usr/bin/env bash
# End-to-end: factlint's language server and HTTP server with real clients.
# - the language server through pytest-lsp (a real LSP client, VS Code's and Neovim's
#   capabilities);
# - `factlint serve` through language_tool_python's remote mode and plain requests;
# - the page in Debian's headless Chromium, driven by Playwright (no browser download).
# Installs what is missing (PyPI: pytest-lsp, language_tool_python, requests,
# playwright; Debian: chromium). Screenshots go to $ARTIFACTS (default target/editors).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/tests/editors"
export PYTHONDONTWRITEBYTECODE=1
export ARTIFACTS="${ARTIFACTS:-$root/target/editors}"
mkdir -p "$ARTIFACTS"

need=()
python3 -c "import pytest_lsp" 2>/dev/null || need+=(pytest-lsp)
python3 -c "import language_tool_python" 2>/dev/null || need+=(language_tool_python)
python3 -c "import requests" 2>/dev/null || need+=(requests)
python3 -c "import playwright" 2>/dev/null || need+=(playwright)
if [ ${#need[@]} -gt 0 ]; then
    echo "editors: installing ${need[*]} from PyPI"
    python3 -m pip install -q "${need[@]}"
fi
chrome=""
for c in chromium chromium-browser; do
    if command -v "$c" >/dev/null 2>&1; then chrome="$(command -v "$c")"; break; fi
done
if [ -z "$chrome" ]; then
    echo "editors: installing Debian's chromium package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium >/dev/null
    chrome="$(command -v chromium)"
fi
export CHROME="$chrome"

if [ -n "${FACTLINT_BIN:-}" ]; then
    factlint="$FACTLINT_BIN"
else
    cargo build --quiet --manifest-path "$root/Cargo.toml"
    factlint="$root/target/debug/factlint"
fi
export FACTLINT_BIN="$factlint"

work="$(mktemp -d)"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
"$factlint" serve --host 127.0.0.1 --port 0 2>"$work/serve.log" &
server_pid=$!
for _ in $(seq 100); do
    grep -q "serving on" "$work/serve.log" 2>/dev/null && break
    sleep 0.1
done
port="$(grep -o '127.0.0.1:[0-9]*' "$work/serve.log" | head -1 | cut -d: -f2)"
[ -n "$port" ] || { echo "editors: the server did not start"; cat "$work/serve.log"; exit 1; }
export FACTLINT_URL="http://127.0.0.1:$port"

cd "$here"
set +e
python3 -m pytest -q -p no:cacheprovider --asyncio-mode=auto . >"$work/pytest.log" 2>&1
status=$?
set -e
cat "$work/pytest.log"
passed="$(grep -Eo '[0-9]+ passed' "$work/pytest.log" | tail -1 | cut -d' ' -f1 || true)"
failed="$(grep -Eo '[0-9]+ failed' "$work/pytest.log" | tail -1 | cut -d' ' -f1 || true)"
echo "editors: ${passed:-0} passed, ${failed:-0} failed"
[ "$status" -eq 0 ] || exit 1
echo "editors: screenshots in $ARTIFACTS"
