#!/usr/bin/env bash
# The phrasing generator's table: recall and twin false alarms per check.
# Usage: scripts/recall.sh [SAMPLES]   (SAMPLES: missed sentences shown per check, default 3)
# Sets the cases in ../shared/corpus/news when it is there (or FACTLINT_PHRASING_CORPUS),
# else in paragraphs written for the test.
set -euo pipefail
cd "$(dirname "$0")/.."
FACTLINT_PHRASING_SAMPLES="${1:-3}" cargo test --release --quiet --test phrasing -- --nocapture
