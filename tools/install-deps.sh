#!/bin/sh
# Installs what iblint needs on Debian 12, from Debian packages only; with --test also what the
# tests need. Installs nothing that is already there, so a second run takes a second.
set -eu
packages="g++ cmake ninja-build pkg-config patch nodejs npm libtree-sitter-dev libcli11-dev nlohmann-json3-dev libgtest-dev libgmock-dev"
if [ "${1:-}" = "--test" ]; then
  packages="$packages libicu72 git"
fi
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "iblint: installing Debian packages:$missing"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends $missing
fi
