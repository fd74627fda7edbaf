#!/usr/bin/env bash
# Run factlint through the real pre-commit tool: install pre-commit from PyPI into a
# temporary virtual environment, then `pre-commit try-repo` this repository on a
# sample repository, once with a clean article (must pass) and once with an error
# (must fail and show the finding).
#
# Usage: bash tests/precommit/run.sh
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

python3 -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install --quiet pre-commit
export PRE_COMMIT_HOME="$tmp/cache"
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org
export GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org

sample="$tmp/sample"
mkdir -p "$sample/news"
cd "$sample"
git init -q
cat > news/clean.md <<'MD'
---
date: 2026-12-01
---

The council met on Sunday, 29 November 2026 and agreed the budget.
MD
git add news/clean.md

set +e
"$tmp/venv/bin/pre-commit" try-repo "$root" factlint --all-files > "$tmp/clean.log" 2>&1
clean=$?
set -e
cat "$tmp/clean.log"
if [ "$clean" -ne 0 ]; then
    echo "precommit: FAIL: the clean article did not pass"
    exit 1
fi

cat > news/wrong.md <<'MD'
---
date: 2026-12-01
---

The council will vote on Monday, 29 November 2026, the chair said.
MD
git add news/wrong.md
set +e
"$tmp/venv/bin/pre-commit" try-repo "$root" factlint --all-files > "$tmp/wrong.log" 2>&1
wrong=$?
set -e
cat "$tmp/wrong.log"
if [ "$wrong" -eq 0 ]; then
    echo "precommit: FAIL: the article with an error passed"
    exit 1
fi
if ! grep -q "date.weekday-mismatch" "$tmp/wrong.log"; then
    echo "precommit: FAIL: the finding is not shown"
    exit 1
fi
echo "precommit: 2 passed, 0 failed"
