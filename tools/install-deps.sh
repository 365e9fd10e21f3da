#!/usr/bin/env bash
# Installs every build and test dependency of amip from Debian 12's packages.
# Used by both README commands and by .ci/run. Idempotent; skips apt when all are present.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config python3 git
  clang libclang-rt-14-dev
  libsqlite3-dev sqlite3
  libyaml-cpp-dev libcli11-dev libfmt-dev libspdlog-dev nlohmann-json3-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libglpk-dev libxlsxwriter-dev libpqxx-dev libssl-dev postgresql
  unzip time
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "amip: installing ${#missing[@]} Debian packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
