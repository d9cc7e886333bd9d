#!/usr/bin/env bash
# The project's own tests: every tests/**/*.test.ts under Node's test runner, through tsx.
# Node 20's --test takes no glob, so the files are listed here.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(find tests -name '*.test.ts' | sort)
exec npx tsx --test --test-concurrency=1 "$@" "${files[@]}"
