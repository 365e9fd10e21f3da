#!/usr/bin/env bash
# README command 1: install what is needed, build, and run `amip demo`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/tools/install-deps.sh"
bash "$root/tools/build.sh"
exec "$root/build/amip" demo "$@"
