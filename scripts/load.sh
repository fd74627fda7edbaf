#!/usr/bin/env bash
# Bounded load test of `factlint serve` on loopback: CLIENTS concurrent keep-alive
# clients (default 50) for SECONDS (default 30) post the real articles of the corpus
# (../shared/corpus/news), alternating /api/check and the LanguageTool /v2/check; then
# the server is stopped. Prints requests per second, p50/p99 latency, errors (must be 0)
# and the server's peak memory (VmHWM). Only 127.0.0.1 is ever contacted.
# Usage: scripts/load.sh [CLIENTS] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-50}
seconds=${2:-30}
corpus=${CORPUS:-../shared/corpus/news}
[ -d "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 2; }
cargo build --release --quiet
bin=$PWD/target/release/factlint
log=$(mktemp)
"$bin" serve --host 127.0.0.1 --port 0 --max-connections 256 2>"$log" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 100); do grep -q "serving on" "$log" && break; sleep 0.1; done
port=$(grep -o '127.0.0.1:[0-9]*' "$log" | head -1 | cut -d: -f2)
[ -n "$port" ] || { cat "$log"; exit 1; }
status=0
timeout $((seconds + 60)) python3 scripts/load.py "$port" "$clients" "$seconds" "$corpus" || status=$?
echo "peak memory (VmHWM): $(grep VmHWM /proc/$pid/status | awk '{print $2, $3}')"
echo "cores: $(nproc), jobs: $(grep -o '[0-9]* jobs' "$log")"
exit $status
