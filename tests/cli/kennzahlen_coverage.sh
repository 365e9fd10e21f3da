#!/usr/bin/env bash
# CLI test of `amip kennzahlen` at the data end (issue 9 item 1): a month after the end of the
# extract prints no number (exit 1, message naming the end side); --partial prints the rows
# with an empty value and the note (CSV column / JSON field); --coverage-start/--coverage-end
# accept only a real calendar day JJJJ-MM-TT, the end not before the start (exit 2).
# Usage: kennzahlen_coverage.sh AMIP SOURCE_DIR
set -uo pipefail
. "$(dirname "$0")/lib.sh"

"$amip" kennzahlen --db "$work/x.sqlite" --months 2030-06 >"$work/out" 2>"$work/err"
rc=$?
[ "$rc" = 1 ] || fail "month after the data end: exit $rc, expected 1"
[ ! -s "$work/out" ] || fail "month after the data end printed rows: $(head -3 "$work/out")"
grep -q "reichen die Zeitfenster über das Ende der Daten hinaus" "$work/err" || fail "no end-side message: $(cat "$work/err")"
grep -q "benötigt bis 2030-06-15, Extrakt bis " "$work/err" || fail "message without the dates: $(cat "$work/err")"
grep -q "ein späteres Extrakt (--coverage-end" "$work/err" || fail "advice does not fit the end side"
if grep -q "vor den Beginn" "$work/err"; then fail "end-side problem reported as before-start"; fi

"$amip" kennzahlen --db "$work/x.sqlite" --months 2030-06 --partial --format csv >"$work/csv" 2>/dev/null
rc=$?
[ "$rc" = 0 ] || fail "--partial: exit $rc"
head -1 "$work/csv" | grep -qx "jc_id,month,indicator,sex,numerator,denominator,value,note" || fail "csv header: $(head -1 "$work/csv")"
if tail -n +2 "$work/csv" | grep -v ',,,,"\?Zeitfenster reicht über das Ende der Daten hinaus' | grep -q .; then
  fail "csv row with a number or without the note: $(tail -n +2 "$work/csv" | head -2)"
fi

"$amip" kennzahlen --db "$work/x.sqlite" --months 2030-06 --partial --format json >"$work/json" 2>/dev/null
python3 - "$work/json" <<'PY' || fail "json"
import json, sys
rows = json.load(open(sys.argv[1]))
assert len(rows) == 16 * 3, len(rows)
for row in rows:
    assert row["value"] is None and row["numerator"] is None, row
    assert row["note"].startswith("Zeitfenster reicht über das Ende der Daten hinaus"), row
PY

for bad in 2024-02-30 2024-6-01 31.12.2024 2024-12-31x ""; do
  "$amip" kennzahlen --db "$work/x.sqlite" --months 2024-06 --coverage-end "$bad" >/dev/null 2>"$work/err"
  rc=$?
  [ "$rc" = 2 ] || fail "--coverage-end '$bad': exit $rc, expected 2"
  grep -q "erwartet ein Kalenderdatum im Format JJJJ-MM-TT" "$work/err" || fail "--coverage-end '$bad': $(cat "$work/err")"
done
"$amip" kennzahlen --db "$work/x.sqlite" --months 2024-06 --coverage-start 2024-13-01 >/dev/null 2>&1
[ "$?" = 2 ] || fail "--coverage-start 2024-13-01 not a usage error"
"$amip" kennzahlen --db "$work/x.sqlite" --months 2024-06 --coverage-start 2024-07-01 --coverage-end 2024-06-30 >/dev/null 2>"$work/err"
[ "$?" = 2 ] || fail "end before start not a usage error"
grep -q "liegt vor" "$work/err" || fail "end before start: $(cat "$work/err")"
"$amip" kennzahlen --db "$work/x.sqlite" --months 2024-06 --coverage-end 2000-01-01 >/dev/null 2>"$work/err"
[ "$?" = 2 ] || fail "end before the default start not a usage error"
echo "ok"
