#!/bin/sh
# Times the synthetic generator for the given profiles (default: all three) and reports wall
# time, CPU time and peak memory (/usr/bin/time -v). Usage:
#   bench/generate_bench.sh BUILD_DIR [PROFILE...]
# e.g. bench/generate_bench.sh build national. Extracts go to ${TMPDIR:-/tmp}/amip-bench-*.
set -eu
build=${1:?usage: generate_bench.sh BUILD_DIR [PROFILE...]}
shift
profiles=${*:-kreis-unna-2025 kreis-unna-2014 national}
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
for profile in $profiles; do
  out=${TMPDIR:-/tmp}/amip-bench-$profile
  rm -rf "$out"
  /usr/bin/time -v "$build/bench/generate_bench" "$profile" 1 "$out" > "$out.log" 2> "$out.time" || true
  grep -E '^profile|^generate' "$out.log"
  grep -c '^pass' "$out.log" | sed 's/^/targets passed: /'
  grep -E 'Elapsed|User time|System time|Maximum resident' "$out.time" | sed 's/^\t*/  /'
  du -sh "$out" | sed 's/^/  extract size: /'
done
