#!/bin/sh
# Controlling of the demo Jobcenter for every month of 2025 (issue 5): generates the
# kreis-unna-2025 extract, imports it and runs `amip budget control` for 2025-01..2025-12,
# printing the Hochrechnung line of each reporting month, then the plan and the optimiser.
# Usage: bench/budget_demo.sh [BUILD_DIR] [WORK_DIR]
set -eu
BUILD=${1:-build}
WORK=${2:-$(mktemp -d)}
mkdir -p "$WORK"
AMIP="$BUILD/amip"
PLAN=examples/plans/amip-2025.yaml
"$AMIP" generate --profile kreis-unna-2025 --seed 1 --out "$WORK/csv" > "$WORK/generate.txt"
"$AMIP" import "$WORK/csv" --db "$WORK/demo.sqlite" --quarantine "$WORK/rejected.csv" > "$WORK/import.txt"
echo "month,ist_kumuliert_eur,bindungen_eur,restplan_eur,hochrechnung_eur,budget_eur,luecke_eur,abweichung_prozent,warnung"
for month in 01 02 03 04 05 06 07 08 09 10 11 12; do
  "$AMIP" budget control "$PLAN" --db "$WORK/demo.sqlite" --month "2025-$month" --format csv 2>/dev/null |
    grep "^2025-$month," | tail -n 1
done
"$AMIP" budget plan "$PLAN" --db "$WORK/demo.sqlite" --xlsx "$WORK/plan.xlsx" > "$WORK/plan.txt"
"$AMIP" budget optimize "$PLAN" --db "$WORK/demo.sqlite" > "$WORK/optimize.txt"
echo "tables and workbook in $WORK"
