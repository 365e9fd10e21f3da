#!/usr/bin/env bash
# Reliability of amip's file handling (issue 10 items 2, 4, 6 and 7), from the command line:
# - reads are bounded: a device (/dev/zero), a FIFO or an oversized file named as a case file,
#   batch list, plan, targets, profile or contract file ends at once with a message naming it;
# - no output option can overwrite an input or the database: same file by inode, also through
#   a symbolic link, a hard link or another spelling (./x.db); exit 2 and the input unchanged;
# - amip generate refuses a non-empty --out without --overwrite;
# - a symbolic link in an extract that leads outside it is refused without echoing its content.
# Every command runs under `timeout`, so a regression that reads without end fails, never hangs.
# Usage: files_cli.sh AMIP SOURCE_DIR
set -uo pipefail
amip="$(realpath "$1")"
src="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
failures=0
check() {  # check NAME: reports and counts a failed expectation, keeps going
  echo "FAIL [$1]: $2"
  failures=$((failures + 1))
}
limit=20  # seconds; every refusal below takes milliseconds

# run EXPECTED_EXITS PATTERN NAME -- COMMAND...: the command ends within $limit s with one of the
# expected exit codes and prints PATTERN (fixed string) on stderr.
run() {
  local exits="$1" pattern="$2" name="$3"
  shift 4
  if [ "$1" = capped ]; then
    shift
    set -- bash -c "$cap"' exec "$@"' capped "$@"
  fi
  timeout "$limit" "$@" >"$work/out" 2>"$work/err"
  local rc=$?
  if [ "$rc" = 124 ]; then check "$name" "did not end within $limit s"; return; fi
  case " $exits " in *" $rc "*) ;; *) check "$name" "exit $rc, expected one of $exits: $(head -c 400 "$work/err")"; return ;; esac
  grep -qF -- "$pattern" "$work/err" || check "$name" "stderr lacks '$pattern': $(head -c 400 "$work/err")"
}
# An endless read must fail the test, not the machine: address space capped at 4 GB for the
# commands that read devices (not under AddressSanitizer, which reserves far more).
cap=""
# (grep without -q reads all of ldd's output: with pipefail an early exit would fail ldd by SIGPIPE)
ldd "$amip" 2>/dev/null | grep libasan >/dev/null || cap="ulimit -v 4000000;"
hash_of() { sha256sum "$1" | cut -d' ' -f1; }

# --- item 4: bounded reads ------------------------------------------------------------------
run "1 2" "/dev/zero: ist ein zeichenorientiertes Gerät, keine reguläre Datei" bedarf_dev_zero -- \
  capped "$amip" bedarf /dev/zero
run "1 2" "/dev/zero: ist ein zeichenorientiertes Gerät" bedarf_batch_dev_zero -- \
  capped "$amip" bedarf --batch /dev/zero
mkfifo "$work/case.yaml"
run "1 2" "case.yaml: ist eine benannte Pipe (FIFO), keine reguläre Datei" bedarf_fifo -- \
  "$amip" bedarf "$work/case.yaml"
head -c $((17 * 1024 * 1024)) /dev/zero | tr '\0' '#' >"$work/big.yaml"
run "1 2" "big.yaml: Datei ist 17 MiB (17825792 Bytes) groß, erlaubt sind höchstens 16 MiB" \
  bedarf_oversized -- "$amip" bedarf "$work/big.yaml"
printf 'fall\nbig.yaml\n' >"$work/batch.csv"
run "1" "big.yaml: Datei ist 17 MiB" bedarf_batch_oversized_case -- \
  "$amip" bedarf --batch "$work/batch.csv"
mkfifo "$work/plan.yaml"
run "1 2" "plan.yaml: ist eine benannte Pipe (FIFO)" budget_plan_fifo -- \
  "$amip" budget plan "$work/plan.yaml"
run "1 2" "/dev/zero: ist ein zeichenorientiertes Gerät" generate_profile_dev_zero -- \
  capped "$amip" generate --profile /dev/zero --out "$work/gen-zero"

"$amip" import "$src/tests/malformed/_base" --db "$work/x.db" >/dev/null 2>&1 || fail "import _base"
run "1 2" "/dev/zero: ist ein zeichenorientiertes Gerät" kennzahlen_targets_dev_zero -- \
  capped "$amip" kennzahlen --db "$work/x.db" --months 2023-01..2023-06 --targets /dev/zero

# A FIFO stichtage.csv was skipped silently: now the import is refused naming it.
cp -r "$src/tests/malformed/_base" "$work/fifo-extract"
rm "$work/fifo-extract/stichtage.csv"
mkfifo "$work/fifo-extract/stichtage.csv"
run "1" "stichtage.csv: ist eine benannte Pipe (FIFO), keine reguläre Datei" import_fifo_stichtage -- \
  "$amip" import "$work/fifo-extract" --db "$work/fifo.db"
[ -e "$work/fifo.db" ] && check import_fifo_stichtage "database created although the import was refused"

# --- item 2: no output over an input --------------------------------------------------------
cp -r "$src/tests/malformed/_base" "$work/base"
cp -r "$src/tests/malformed/_base" "$work/bad"  # one rejected row: an impossible date
cp "$src/tests/malformed/bad_date/measure_spells.csv" "$work/bad/"
db_hash="$(hash_of "$work/x.db")"
persons_hash="$(hash_of "$work/base/persons.csv")"
expect_db_unchanged() { [ "$(hash_of "$work/x.db")" = "$db_hash" ] || check "$1" "x.db changed"; }

run "2" "--quarantine" import_quarantine_is_db -- \
  "$amip" import "$work/bad" --db "$work/x.db" --quarantine "$work/x.db"
grep -qF "die Ausgabedatei ist eine Eingabe dieses Befehls" "$work/err" || check import_quarantine_is_db "message: $(cat "$work/err")"
expect_db_unchanged import_quarantine_is_db
(cd "$work" && run "2" "./x.db: die Ausgabedatei ist eine Eingabe dieses Befehls (dieselbe Datei wie x.db)" \
  import_quarantine_dot_spelling -- "$amip" import bad --db x.db --quarantine ./x.db)
expect_db_unchanged import_quarantine_dot_spelling
ln -s "$work/x.db" "$work/link.csv"
run "2" "link.csv: die Ausgabedatei ist eine Eingabe" import_quarantine_symlink_to_db -- \
  "$amip" import "$work/bad" --db "$work/x.db" --quarantine "$work/link.csv"
expect_db_unchanged import_quarantine_symlink_to_db
[ -L "$work/link.csv" ] || check import_quarantine_symlink_to_db "the symbolic link was replaced"
ln "$work/x.db" "$work/hard.csv"
run "2" "hard.csv: die Ausgabedatei ist eine Eingabe" import_quarantine_hardlink_to_db -- \
  "$amip" import "$work/bad" --db "$work/x.db" --quarantine "$work/hard.csv"
expect_db_unchanged import_quarantine_hardlink_to_db
rm "$work/hard.csv"
# The import lock beside the database: replacing it would let a second import run at once.
run "2" "x.db.lock: die Ausgabedatei ist eine Eingabe" import_quarantine_is_db_lock -- \
  "$amip" import "$work/bad" --db "$work/x.db" --quarantine "$work/x.db.lock"
[ -e "$work/x.db.lock" ] && check import_quarantine_is_db_lock "lock file written"
# A clean import overwrote an input file with the (empty) quarantine file.
run "2" "persons.csv: die Ausgabedatei ist eine Eingabe" import_quarantine_is_input -- \
  "$amip" import "$work/base" --db "$work/y.db" --quarantine "$work/base/persons.csv"
[ "$(hash_of "$work/base/persons.csv")" = "$persons_hash" ] || check import_quarantine_is_input "persons.csv changed"
[ -e "$work/y.db" ] && check import_quarantine_is_input "database written although refused"
run "2" "--db $work/base/persons.csv: die Ausgabedatei ist eine Eingabe" import_db_is_input -- \
  "$amip" import "$work/base" --db "$work/base/persons.csv"
[ "$(hash_of "$work/base/persons.csv")" = "$persons_hash" ] || check import_db_is_input "persons.csv changed"
# A quarantine file elsewhere still works, written whole, no temporary file left.
timeout "$limit" "$amip" import "$work/bad" --db "$work/q.db" --quarantine "$work/rejects.csv" >/dev/null 2>&1
grep -q "^file,line,column,reason,record" "$work/rejects.csv" 2>/dev/null || check import_quarantine_ok "no quarantine file"
ls -a "$work" | grep -q "amip-tmp" && check import_quarantine_ok "temporary file left: $(ls -a "$work")"

plan="$work/p.yaml"
cp "$src/examples/plans/amip-2025.yaml" "$plan" 2>/dev/null || cp "$(ls "$src"/examples/plans/*.yaml | head -1)" "$plan"
plan_hash="$(hash_of "$plan")"
for sub in check plan optimize; do
  run "2" "--xlsx $plan: die Ausgabedatei ist eine Eingabe" "budget_${sub}_xlsx_is_plan" -- \
    "$amip" budget "$sub" "$plan" --xlsx "$plan"
  [ "$(hash_of "$plan")" = "$plan_hash" ] || check "budget_${sub}_xlsx_is_plan" "plan changed"
done
ln -s "$plan" "$work/plan-link.xlsx"
run "2" "plan-link.xlsx: die Ausgabedatei ist eine Eingabe" budget_xlsx_symlink_to_plan -- \
  "$amip" budget plan "$plan" --xlsx "$work/plan-link.xlsx"
[ "$(hash_of "$plan")" = "$plan_hash" ] || check budget_xlsx_symlink_to_plan "plan changed"
run "2" "--xlsx $work/x.db: die Ausgabedatei ist eine Eingabe" budget_xlsx_is_db -- \
  "$amip" budget control "$plan" --db "$work/x.db" --month 2025-06 --xlsx "$work/x.db"
expect_db_unchanged budget_xlsx_is_db
timeout "$limit" "$amip" budget plan "$plan" --xlsx "$work/book.xlsx" >/dev/null 2>&1 || check budget_xlsx_ok "exit $?"
[ "$(head -c 2 "$work/book.xlsx" 2>/dev/null)" = "PK" ] || check budget_xlsx_ok "no workbook"
ls -a "$work" | grep -q "amip-tmp" && check budget_xlsx_ok "temporary file left"

# amip demo writes its state directory: a profile file that is its database is refused.
mkdir -p "$work/state"
cp "$src/data/profiles/kreis-unna-2025.yaml" "$work/state/amip.sqlite"
profile_hash="$(hash_of "$work/state/amip.sqlite")"
run "2" "amip.sqlite: die Ausgabedatei ist eine Eingabe" demo_profile_is_db -- \
  "$amip" demo --state-dir "$work/state" --profile "$work/state/amip.sqlite"
[ "$(hash_of "$work/state/amip.sqlite")" = "$profile_hash" ] || check demo_profile_is_db "profile changed"

# --- item 6: generate --out into a directory with an earlier extract ---------------------------
mkdir -p "$work/old-out"
printf 'month,date\n2099-01,2099-01-15\n' >"$work/old-out/stichtage.csv"
old_hash="$(hash_of "$work/old-out/stichtage.csv")"
run "2" "--out $work/old-out: das Verzeichnis ist nicht leer" generate_out_not_empty -- \
  "$amip" generate --profile kreis-unna-2025 --out "$work/old-out"
[ "$(hash_of "$work/old-out/stichtage.csv")" = "$old_hash" ] || check generate_out_not_empty "stichtage.csv changed"
[ "$(ls "$work/old-out" | wc -l)" = 1 ] || check generate_out_not_empty "files written: $(ls "$work/old-out")"

cp "$src/data/profiles/kreis-unna-2025.yaml" "$work/old-out/persons.csv"
profile_hash="$(hash_of "$work/old-out/persons.csv")"
run "2" "persons.csv: die Ausgabedatei ist eine Eingabe" generate_out_over_profile -- \
  "$amip" generate --profile "$work/old-out/persons.csv" --out "$work/old-out" --overwrite
[ "$(hash_of "$work/old-out/persons.csv")" = "$profile_hash" ] || check generate_out_over_profile "profile changed"

# --- item 7: a link out of the extract is refused unread -------------------------------------
cp -r "$src/tests/malformed/_base" "$work/link-extract"
printf 'GEHEIM-1,GEHEIM-2\nGEHEIM-3,GEHEIM-4\n' >"$work/secret.txt"
rm "$work/link-extract/persons.csv"
ln -s "$work/secret.txt" "$work/link-extract/persons.csv"
run "1" "persons.csv: symbolischer Link auf eine Datei außerhalb des Extraktverzeichnisses" \
  import_symlink_outside -- "$amip" import "$work/link-extract" --db "$work/link.db"
grep -q GEHEIM "$work/err" "$work/out" && check import_symlink_outside "content echoed: $(cat "$work/err")"
[ -e "$work/link.db" ] && check import_symlink_outside "database created"
# A link to a file inside the extract is fine.
mv "$work/base/persons.csv" "$work/base/persons.data"
ln -s persons.data "$work/base/persons.csv"
timeout "$limit" "$amip" import "$work/base" --db "$work/inside.db" >"$work/out" 2>"$work/err" ||
  check import_symlink_inside "exit $?: $(head -c 400 "$work/err")"

echo "files_cli: $failures failure(s)"
[ "$failures" = 0 ]
