#!/bin/sh
# Builds iblint and runs every test: the normal build (warnings are errors) and a second build
# of the unit tests under AddressSanitizer + UndefinedBehaviorSanitizer. Installs what the
# tests need first (Debian packages, Neovim included; the SARIF and JSON Schema validators from the
# npm registry).
set -eu
cd "$(dirname "$0")/.."
sh tools/install-deps.sh --test
if [ ! -x tests/tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool ] ||
   [ ! -d tests/tools/node_modules/ajv ] || [ ! -d tests/tools/node_modules/yaml ]; then
  echo "iblint: installing the SARIF and JSON Schema validators (npm ci in tests/tools)"
  npm ci --prefix tests/tools --no-audit --no-fund
fi
jobs=$(nproc 2>/dev/null || echo 2)

echo "== build (Release, -Werror)"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIBLINT_WERROR=ON >/dev/null
cmake --build build -j "$jobs"
echo "== tests"
ctest --test-dir build --output-on-failure -j "$jobs"

echo "== build (AddressSanitizer + UndefinedBehaviorSanitizer)"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DIBLINT_SANITIZE=ON -DIBLINT_WERROR=ON >/dev/null
cmake --build build-asan -j "$jobs"
echo "== tests under sanitizers"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs"
echo "== fuzzing (libFuzzer + ASan + UBSan, 60 s per target)"
tools/fuzz --time 60 --jobs "$jobs"
echo "== all tests passed"
