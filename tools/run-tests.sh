#!/usr/bin/env bash
# README command 2: install what is needed, build with warnings as errors, run all tests.
# With CI=true (or --full) it also runs the ASan/UBSan build's tests and the CSV fuzzer.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
full="${CI:-false}"
if [ "${1:-}" = "--full" ]; then full=true; fi
bash "$root/tools/install-deps.sh"
jobs="$(nproc)"

if [ "$full" = "true" ]; then
  echo "== ASan/UBSan build and tests"
  AMIP_BUILD_DIR="$root/build-asan" AMIP_BUILD_TYPE=Debug bash "$root/tools/build.sh" \
    -DAMIP_WERROR=ON -DAMIP_SANITIZE=ON -DAMIP_BENCH=OFF
  (cd "$root/build-asan" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --output-on-failure -j "$jobs" -E '^layer_check$')
  if [ -f "$root/fuzz/CMakeLists.txt" ]; then
    echo "== CSV reader fuzzing (bounded)"
    bash "$root/fuzz/run.sh" "${AMIP_FUZZ_SECONDS:-60}"
  fi
fi

echo "== Release build (warnings are errors) and tests"
bash "$root/tools/build.sh" -DAMIP_WERROR=ON
echo "== Law parameter check"
"$root/build/amip" law check
cd "$root/build"
ctest --output-on-failure -j "$jobs"
