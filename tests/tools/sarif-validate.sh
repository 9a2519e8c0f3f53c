#!/bin/sh
# Validates SARIF files with the Microsoft SARIF Multitool pinned in package.json: the JSON schema
# (JSON1xxx), SARIF's semantic rules (SARIF1xxx/SARIF2xxx) and GitHub code scanning's ingestion
# rules (GH1xxx, which the multitool runs only when asked with --rule-kind Gh).
#
#   usage: tests/tools/sarif-validate.sh FILE.sarif...
#   exit:  0 when the multitool reports no error and no warning; 1 when it reports any, or when
#          it could not read a file; 2 when the multitool is not installed or usage is wrong.
#
# Install the multitool once with:  npm ci --prefix tests/tools
# `validate` exits 0 even when it finds errors, so this script reads its output instead.
# SARIF_MULTITOOL may point at another Sarif.Multitool binary.

if [ $# -eq 0 ]; then
  echo "usage: $0 FILE.sarif..." >&2
  exit 2
fi

here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd) || exit 2
M=${SARIF_MULTITOOL:-$here/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool}

if [ ! -f "$M" ]; then
  echo "sarif-validate: the SARIF Multitool is not installed ($M is missing)." >&2
  echo "sarif-validate: install it with: npm ci --prefix tests/tools" >&2
  exit 2
fi
if [ ! -x "$M" ]; then
  # The package's postinstall script makes the binary executable; `npm ci --ignore-scripts`
  # (or an npm that blocks install scripts) leaves it at mode 0644.
  echo "sarif-validate: $M is not executable (installed with --ignore-scripts?); running chmod u+x on it" >&2
  if ! chmod u+x "$M"; then
    echo "sarif-validate: chmod failed; run: chmod u+x $M" >&2
    exit 2
  fi
fi

tmp=$(mktemp -d) || exit 2
out=$("$M" validate "$@" --rule-kind "Gh;Sarif" -o "$tmp/validation.sarif" --log ForceOverwrite 2>&1)
rc=$?
rm -rf "$tmp"

printf '%s\n' "$out" | grep -vE '^(Analyzing\.\.\.|THREADS: .*|)$'
if [ $rc -ne 0 ]; then
  echo "sarif-validate: FAILED (the multitool exited with $rc)" >&2
  exit 1
fi
if printf '%s\n' "$out" | grep -qE ': (error|warning) [A-Z]+[0-9]+'; then
  echo "sarif-validate: FAILED (the multitool reported errors or warnings)" >&2
  exit 1
fi
echo "sarif-validate: OK ($# file(s), no errors or warnings)"
exit 0
