#!/usr/bin/env bash
# CLI test of the budget controlling's two kinds of message (issue 9 item 11): "Hochrechnung
# verlässt das Budget" is a warning (exit 0, exit 1 only with --strict); "Plan passt nicht zu
# den Daten" is a finding (exit 4, with or without --strict), also from `budget check --db`.
# The extract tests/malformed/_base has one EGT participation: MAT 2023-03-01..2023-05-31,
# 1.200,00 €, so the 2023 Vorbindungen from the data are 0,00 €.
# Usage: budget_exit_codes.sh AMIP SOURCE_DIR
set -uo pipefail
. "$(dirname "$0")/lib.sh"

# Warning only: budget 100,00 € against 1.200,00 € spent; no Vorbindungen in the plan, so no
# plan-against-data check.
cat >"$work/warn.yaml" <<'YAML'
jahr: 2023
eingliederungsbudget: {zuteilung: 100.00}
instrumente:
  - {instrument: mat, eintritte: 1, kosten_je_eintritt: 1200.00, dauer_monate: 3}
YAML
"$amip" budget control "$work/warn.yaml" --db "$work/x.sqlite" --month 2023-06 >"$work/out" 2>"$work/err"
rc=$?
[ "$rc" = 0 ] || fail "warning without --strict: exit $rc, expected 0: $(cat "$work/err")"
grep -q "Warnung: Hochrechnung verlässt das Budget" "$work/err" || fail "no warning: $(cat "$work/err")"
grep -q "Exit-Code 1 nur mit --strict" "$work/err" || fail "warning does not name --strict"
if grep -q "Befund" "$work/err"; then fail "warning reported as a finding: $(cat "$work/err")"; fi
grep -q "verlässt Budget" "$work/out" || fail "table without the warning"
"$amip" budget control "$work/warn.yaml" --db "$work/x.sqlite" --month 2023-06 --strict >/dev/null 2>"$work/err"
rc=$?
[ "$rc" = 1 ] || fail "warning with --strict: exit $rc, expected 1"

# Finding only: the plan implies Vorbindungen of 600,00 €, the data have none (more than 10 %
# apart); the EGL Gesamtbudget of 1.200,00 € equals what is spent, so there is no warning.
cat >"$work/finding.yaml" <<'YAML'
jahr: 2023
eingliederungsbudget:
  zuteilung: 1200.00
  vorbindungen: 600.00
instrumente:
  - {instrument: mat, eintritte: 1, kosten_je_eintritt: 1200.00, dauer_monate: 3, profil: [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]}
YAML
"$amip" budget control "$work/finding.yaml" --db "$work/x.sqlite" --month 2023-06 >"$work/out" 2>"$work/err"
rc=$?
[ "$rc" = 4 ] || fail "finding: exit $rc, expected 4: $(cat "$work/err")"
grep -q "Befund: Plan passt nicht zu den Daten" "$work/err" || fail "no finding: $(cat "$work/err")"
grep -q "Plan 600,00 €, Daten 0,00 €" "$work/err" || fail "finding without both figures: $(cat "$work/err")"
if grep -q "Warnung" "$work/err"; then fail "finding reported as a warning: $(cat "$work/err")"; fi
grep -q "Plan gegen Daten 2023 .*1 Befund" "$work/out" || fail "table without the finding: $(head -3 "$work/out")"
"$amip" budget control "$work/finding.yaml" --db "$work/x.sqlite" --month 2023-06 --strict >/dev/null 2>&1
rc=$?
[ "$rc" = 4 ] || fail "finding with --strict: exit $rc, expected 4"
# Both: Vorbindungen 500.000,00 € in the plan, none in the data, and a budget far above the
# spending: the finding (exit 4) takes precedence over the warning, both are printed.
sed 's/zuteilung: 1200.00/zuteilung: 501200.00/; s/vorbindungen: 600.00/vorbindungen: 500000.00/' \
  "$work/finding.yaml" >"$work/both.yaml"
"$amip" budget control "$work/both.yaml" --db "$work/x.sqlite" --month 2023-06 --strict >/dev/null 2>"$work/err"
rc=$?
[ "$rc" = 4 ] || fail "finding and warning: exit $rc, expected 4"
grep -q "Befund: Plan passt nicht zu den Daten" "$work/err" || fail "both: no finding"
grep -q "Warnung: Hochrechnung verlässt das Budget" "$work/err" || fail "both: no warning"
"$amip" budget check "$work/finding.yaml" --db "$work/x.sqlite" >/dev/null 2>"$work/err"
rc=$?
[ "$rc" = 4 ] || fail "check --db with a finding: exit $rc, expected 4: $(cat "$work/err")"
"$amip" budget check "$work/finding.yaml" >/dev/null 2>&1
rc=$?
[ "$rc" = 0 ] || fail "check without --db: exit $rc, expected 0"
echo "budget_exit_codes: all checks passed"
