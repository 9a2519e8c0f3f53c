#!/bin/sh
# Installs what iblint needs on Debian 12, from Debian packages only; with --test also what the
# tests need. Installs nothing that is already there (a tool already on PATH, e.g. a Node.js
# from elsewhere, counts), so a second run takes a second.
set -eu
# command:package pairs, then library packages
tools="g++:g++ cmake:cmake ninja:ninja-build pkg-config:pkg-config patch:patch node:nodejs npm:npm"
libs="libtree-sitter-dev libcli11-dev nlohmann-json3-dev libgtest-dev libgmock-dev zlib1g-dev libjemalloc-dev"
if [ "${1:-}" = "--test" ]; then
  tools="$tools git:git shellcheck:shellcheck pre-commit:pre-commit xmllint:libxml2-utils groff:groff-base man:man-db col:bsdextrautils
    dpkg-shlibdeps:dpkg-dev zsh:zsh fish:fish nvim:neovim chromium:chromium clang:clang python3:python3
    prlimit:util-linux unshare:util-linux"
  libs="$libs libicu72 libclang-rt-14-dev"  # libFuzzer and the sanitizer runtimes for tools/fuzz
fi
missing=""
for pair in $tools; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || missing="$missing ${pair#*:}"
done
for p in $libs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "iblint: installing Debian packages:$missing"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends $missing
fi
