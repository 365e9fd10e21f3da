#!/usr/bin/env bash
# Times `amip generate` + `amip import` (+ `amip info`) for a profile and reports wall time,
# CPU time and peak memory (GNU time). Every generated extract must import with 0 rejected rows.
#   bash bench/import_bench.sh [PROFILE=kreis-unna-2025] [SEED=1] [AMIP=build/amip] [WORK=/tmp/amip-import-bench]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
profile="${1:-kreis-unna-2025}"
seed="${2:-1}"
amip="${3:-$root/build/amip}"
work="${4:-/tmp/amip-import-bench}/$profile"
rm -rf "$work"
mkdir -p "$work"
measure() {  # label, command...
  local label="$1"
  shift
  /usr/bin/time -f "%e %U %M" -o "$work/time.txt" "$@" > "$work/$label.out" 2> "$work/$label.err"
  read -r wall user rss < "$work/time.txt"
  printf '%-10s wall %7.1f s  cpu %7.1f s  peak %6.0f MiB\n' "$label" "$wall" "$user" \
    "$(echo "$rss / 1024" | bc -l)"
}
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(free -g | awk '/Mem:/ {print $2}') GiB RAM; profile $profile, seed $seed"
measure generate "$amip" generate --profile "$profile" --seed "$seed" --out "$work/extract"
echo "extract: $(du -sh "$work/extract" | cut -f1), $(cat "$work"/extract/*.csv | wc -l) lines"
measure import "$amip" import "$work/extract" --db "$work/amip.sqlite"
grep -E "abgewiesen" "$work/import.out"
if grep -q "^error" "$work/import.err"; then
  echo "import rejected rows:" >&2
  head -20 "$work/import.err" >&2
  exit 1
fi
measure reimport "$amip" import "$work/extract" --db "$work/amip.sqlite"
measure info "$amip" info --db "$work/amip.sqlite"
echo "database: $(du -h "$work/amip.sqlite" | cut -f1)"
grep -E "Personen|ELB am letzten|Letzter Stichtag" "$work/info.out" | head -3
