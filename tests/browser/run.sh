#!/usr/bin/env bash
# Render factlint's HTML report in headless Chromium and check that every finding is
# highlighted at exactly its flagged text. Leaves a screenshot in $ARTIFACTS
# (default: target/browser) for CI to keep.
#
# Usage: bash tests/browser/run.sh
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/tests/browser"
artifacts="${ARTIFACTS:-$root/target/browser}"
mkdir -p "$artifacts"

chrome=""
for c in chromium chromium-browser; do
    if command -v "$c" >/dev/null 2>&1; then chrome="$c"; break; fi
done
if [ -z "$chrome" ]; then
    echo "browser: installing Debian's chromium package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium >/dev/null
    chrome=chromium
fi

# Under `cargo test` the binary is already built (and cargo holds the build lock).
if [ -n "${FACTLINT_BIN:-}" ]; then
    factlint="$FACTLINT_BIN"
else
    cargo build --quiet --manifest-path "$root/Cargo.toml"
    factlint="$root/target/debug/factlint"
fi

work="$(mktemp -d)"
profile="$(mktemp -d)"
trap 'rm -rf "$work" "$profile"' EXIT
cp "$here/sample.md" "$work/sample.md"
cp "$root/fixtures/dates/weekday.md" "$work/weekday.md"
cd "$work"
"$factlint" --rules "$here/rules" --format html sample.md weekday.md > report.html || [ $? -eq 1 ]
"$factlint" --rules "$here/rules" --format json sample.md weekday.md > report.json || [ $? -eq 1 ]

flags=(--headless --no-sandbox --disable-gpu --disable-background-networking
       --disable-component-update --disable-sync --no-first-run
       --user-data-dir="$profile")
"$chrome" "${flags[@]}" --window-size=1280,2000 --screenshot="$artifacts/report.png" \
    "file://$work/report.html" 2>/dev/null
"$chrome" "${flags[@]}" --dump-dom "file://$work/report.html" > dom.html 2>/dev/null

test -s "$artifacts/report.png" || { echo "browser: no screenshot"; exit 1; }
test -s dom.html || { echo "browser: the page did not render"; exit 1; }
cp report.html "$artifacts/report.html"
python3 "$here/check_dom.py" dom.html report.json "$work"
echo "browser: screenshot at $artifacts/report.png"
