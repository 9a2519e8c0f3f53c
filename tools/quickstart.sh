#!/bin/sh
# Quick start: install what is missing, build iblint, and lint the bundled examples.
# Findings in the examples are expected (they show what iblint reports), so exit code 1 from
# the lint is success here; 2 (an error) is not.
set -eu
cd "$(dirname "$0")/.."
sh tools/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DIBLINT_TESTS=OFF >/dev/null
cmake --build build --target iblint
echo "== build/iblint fixtures/examples"
rc=0
build/iblint fixtures/examples || rc=$?
[ "$rc" -le 1 ] || exit "$rc"
echo "== iblint is at build/iblint (try: build/iblint --help, build/iblint rules, build/iblint explain IB103)"
