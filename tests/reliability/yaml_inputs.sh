#!/usr/bin/env bash
# Every YAML input of the CLI (budget plan, household case, generator profile, targets; issue
# 10 item 6, issue 11 item 3) rejects a NUL byte (raw or escaped "\0"), a list or map where one
# value is expected and a duplicate key: exit 1, nothing on stdout, and one message with file:line:column on stderr.
# Before yamlio, a NUL cut the output short with exit 0, `partner: [p9]` was read as no partner
# and a duplicate plan key was silently replaced.
# Usage: yaml_inputs.sh AMIP SOURCE_DIR
set -uo pipefail
amip="$1"
src="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
checks=0

# expect_reject NAME EXPECTED_MESSAGE COMMAND...: exit 1, empty stdout (unless BATCH=1: a
# batch prints the other cases), message on stderr.
expect_reject() {
  local name="$1" expected="$2"
  shift 2
  "$@" >"$work/out" 2>"$work/err"
  local rc=$?
  [ "$rc" = 1 ] || fail "$name: exit $rc, expected 1; stderr: $(cat "$work/err")"
  [ "${BATCH:-0}" = 1 ] || [ ! -s "$work/out" ] ||
    fail "$name: printed output although rejected: $(head -c 200 "$work/out")"
  grep -qF -- "$expected" "$work/err" || fail "$name: expected '$expected', got: $(cat "$work/err")"
  checks=$((checks + 1))
}

plan="$src/examples/plans/amip-2025.yaml"
grep -q '^jobcenter: Jobcenter Kreis Unna$' "$plan" || fail "line 9 of $plan changed"
sub() { sed "s|^jobcenter: Jobcenter Kreis Unna\$|$1|" "$plan"; }
sub 'jobcenter: "Jobcenter\\0 Kreis Unna"' >"$work/p_nul.yaml"
sub 'jobcenter: "Jobcenter@ Kreis Unna"' | tr '@' '\000' >"$work/p_raw.yaml"
sub 'jobcenter: [Jobcenter, Kreis Unna]' >"$work/p_list.yaml"
sub 'jobcenter: {name: Kreis Unna}' >"$work/p_map.yaml"
sub 'jobcenter: Jobcenter Kreis Unna\njobcenter: Jobcenter Hamm' >"$work/p_dup.yaml"
cd "$work" || fail "cd"
expect_reject "plan escaped NUL" "p_nul.yaml:9:12: Wert enthält ein NUL-Zeichen" "$amip" budget plan p_nul.yaml
expect_reject "plan raw NUL" "p_raw.yaml:9:22: NUL-Byte im Text" "$amip" budget plan p_raw.yaml
expect_reject "plan list" "p_list.yaml:9:12: jobcenter: erwartet einen einzelnen Wert, gefunden eine Liste" \
  "$amip" budget plan p_list.yaml
expect_reject "plan map" "p_map.yaml:9:12: jobcenter: erwartet einen einzelnen Wert, gefunden ein Abschnitt" \
  "$amip" budget check p_map.yaml
expect_reject "plan duplicate" "p_dup.yaml:10:1: doppelter Schlüssel 'jobcenter' (zuerst in Zeile 9)" \
  "$amip" budget plan p_dup.yaml

case_head='name: "Single adult"
period: 2024-01-01
inputs:
  wohnung: {bruttokaltmiete_m: 400.00, heizkosten_m: 60.00}
  personen:'
printf '%s\n    - {id: p1, alter: 30, partner: [p9]}\n' "$case_head" >c_list.yaml
printf '%s\n    - {id: p1, alter: 30, eltern: {a: p9}}\n' "$case_head" >c_map.yaml
printf '%s\n    - {id: p1, alter: 30, bruttolohn_m: 500.00, bruttolohn_m: 0.00}\n' "$case_head" >c_dup.yaml
printf '%s\n    - {id: "p\\01", alter: 30}\n' "$case_head" >c_nul.yaml
printf '%s\n    - {id: p1, alter: 30}\n' "$case_head" | sed 's/Single adult/Single@adult/' | tr '@' '\000' >c_raw.yaml
printf '%s\n    - {id: p1, alter: dreissig}\n' "$case_head" >c_type.yaml
expect_reject "case list" "c_list.yaml:6:36: partner: erwartet einen einzelnen Wert, gefunden eine Liste" "$amip" bedarf c_list.yaml
expect_reject "case map" "c_map.yaml:6:35: eltern: erwartet einen einzelnen Wert, gefunden ein Abschnitt" "$amip" bedarf c_map.yaml
expect_reject "case duplicate" "c_dup.yaml:6:49: doppelter Schlüssel 'bruttolohn_m' (zuerst in Zeile 6)" "$amip" bedarf c_dup.yaml
expect_reject "case escaped NUL" "c_nul.yaml:6:12: Wert enthält ein NUL-Zeichen" "$amip" bedarf c_nul.yaml
expect_reject "case raw NUL" "c_raw.yaml:1:14: NUL-Byte im Text" "$amip" bedarf c_raw.yaml
expect_reject "case wrong type" "c_type.yaml:6:23: alter 'dreissig': erwartet eine ganze Zahl" "$amip" bedarf c_type.yaml
printf 'c_list.yaml\n' >batch.csv
BATCH=1 expect_reject "case via --batch" "c_list.yaml:6:36: partner: erwartet" \
  "$amip" bedarf --batch batch.csv

# Generator profile (--profile FILE): before yamlio a "\0" in a Jobcenter name was written
# into jobcenters.csv as a NUL byte with exit 0.
profile="$src/data/profiles/kreis-unna-2025.yaml"
grep -q '^    name: Jobcenter Kreis Unna$' "$profile" || fail "line 17 of $profile changed"
psub() { sed "s|^    name: Jobcenter Kreis Unna\$|$1|" "$profile"; }
psub '    name: "Jobcenter\\0 Kreis Unna"' >g_nul.yaml
psub '    name: [Jobcenter, Kreis Unna]' >g_list.yaml
psub '    name: Jobcenter Kreis Unna\n    name: Jobcenter Hamm' >g_dup.yaml
expect_reject "profile escaped NUL" "g_nul.yaml:17:11: Wert enthält ein NUL-Zeichen" \
  "$amip" generate --profile g_nul.yaml --out gen_nul
[ ! -e gen_nul ] || fail "profile escaped NUL: wrote gen_nul/"
expect_reject "profile list" "g_list.yaml:17:11: name: erwartet einen einzelnen Wert, gefunden eine Liste" \
  "$amip" generate --profile g_list.yaml --out gen_list
expect_reject "profile duplicate" "g_dup.yaml:18:5: doppelter Schlüssel 'name' (zuerst in Zeile 17)" \
  "$amip" generate --profile g_dup.yaml --out gen_dup

# Targets (kennzahlen --targets FILE) over the small extract tests/malformed/_base.
"$amip" import "$src/tests/malformed/_base" --db x.sqlite >/dev/null || fail "import"
targets_head='year: 2023
jc: null
targets:'
printf 'name: "Ziel\\0 2023"\n%s\n  - {quantity: integrationsquote, value: 20}\n' "$targets_head" >t_nul.yaml
printf 'name: [Ziel]\n%s\n  - {quantity: integrationsquote, value: 20}\n' "$targets_head" >t_list.yaml
printf 'name: Ziel\n%s\n  - {quantity: integrationsquote, value: 20, value: 30}\n' "$targets_head" >t_dup.yaml
for kind in nul list dup; do
  case "$kind" in
    nul) expected="t_nul.yaml:1:7: Wert enthält ein NUL-Zeichen" ;;
    list) expected="t_list.yaml:1:7: name: erwartet einen einzelnen Wert, gefunden eine Liste" ;;
    dup) expected="t_dup.yaml:5:46: doppelter Schlüssel 'value' (zuerst in Zeile 5)" ;;
  esac
  expect_reject "targets $kind" "$expected" \
    "$amip" kennzahlen --db x.sqlite --months 2023-03 --targets "t_$kind.yaml"
done

echo "yaml_inputs: $checks rejections checked"
