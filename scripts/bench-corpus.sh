#!/usr/bin/env bash
# Whole-process timing of the release binary over a directory of articles.
# Usage: scripts/bench-corpus.sh [DIR] [RUNS]   (default: ../shared/corpus/news, 10 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-../shared/corpus/news}
runs=${2:-10}
[ -d "$dir" ] || { echo "no such directory: $dir" >&2; exit 2; }
cargo build --release --quiet
bin=target/release/factlint
bytes=$(find "$dir" -type f \( -name '*.md' -o -name '*.txt' -o -name '*.html' -o -name '*.htm' -o -name '*.markdown' \) -printf '%s\n' | awk '{s+=$1} END {print s}')
files=$(find "$dir" -type f \( -name '*.md' -o -name '*.txt' -o -name '*.html' -o -name '*.htm' -o -name '*.markdown' \) | wc -l)
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s.%N)
  "$bin" --format compact "$dir" >/dev/null || true
  end=$(date +%s.%N)
  times+=("$(echo "$end - $start" | bc -l)")
done
median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')
peak=$( { /usr/bin/time -v "$bin" --format compact "$dir" >/dev/null; } 2>&1 | awk -F: '/Maximum resident/ {gsub(/ /,"",$2); print $2}' || true)
echo "files: $files  bytes: $bytes  runs: $runs"
echo "median wall time: ${median}s"
echo "throughput: $(echo "$bytes / $median / 1000000" | bc -l | cut -c1-6) MB/s"
echo "peak RSS: ${peak:-unknown} KB"
