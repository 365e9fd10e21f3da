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
# The generator's own counts ("N persons, N benefit spells, ...") must equal amip info's rows.
"$amip" info --db "$work/amip.sqlite" --format csv > "$work/info.csv"
summary="$(cat "$work/generate.out" "$work/generate.err" | grep -m1 -oE '[0-9]+ persons, .*measure spells')"
status=0
for pair in "persons:persons" "benefit spells:benefit_spells" "claims:claims" \
            "employment spells:employment_spells" "measure spells:measure_spells"; do
  label="${pair%%:*}"
  table="${pair##*:}"
  generated="$(echo "$summary" | grep -oE "[0-9]+ $label" | cut -d' ' -f1)"
  loaded="$(grep -E "^$table," "$work/info.csv" | tail -1 | cut -d, -f3)"
  if [ "$generated" != "$loaded" ]; then
    echo "MISMATCH $table: generator $generated, amip info $loaded" >&2
    status=1
  fi
done
[ "$status" = 0 ] && echo "amip info agrees with the generator: $summary"
exit "$status"
