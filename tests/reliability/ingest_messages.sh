#!/usr/bin/env bash
# Messages of `amip import` for bad input (issue 10 item 7), from the command line:
# - a file-level error is named in the final "Import abgelehnt" line (not "0 Zeile(n) mit
#   Fehlern"), and the line does not suggest --quarantine, which cannot help there;
# - a --db that is not a database, or a damaged one, is a user error: exit 1 with a German
#   message, never exit 3 / INTERNAL; the file is left as it was;
# - stderr and the quarantine file name the same line for a record with embedded line breaks;
# - --quarantine naming a FIFO is refused and the FIFO stays (a rename would replace the node);
# - --db naming a FIFO is refused at once (amip info blocked in open() for ever).
# Usage: ingest_messages.sh AMIP SOURCE_DIR
set -uo pipefail
amip="$(realpath "$1")"
src="$2"
base="$src/tests/malformed/_base"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
check() {
  echo "FAIL [$1]: $2"
  failures=$((failures + 1))
}
# run NAME EXPECTED_EXIT -- COMMAND...: exit code and stderr in $work/err.
run() {
  local name="$1" expected="$2"
  shift 3
  timeout 60 "$@" >"$work/out" 2>"$work/err"
  local rc=$?
  [ "$rc" = "$expected" ] || check "$name" "exit $rc, expected $expected: $(head -c 400 "$work/err")"
  if grep -q "INTERNAL" "$work/err"; then check "$name" "INTERNAL on stderr: $(head -c 400 "$work/err")"; fi
}
expect_err() {  # expect_err NAME FIXED_STRING
  grep -qF -- "$2" "$work/err" || check "$1" "stderr lacks '$2': $(head -c 600 "$work/err")"
}
refute_err() {
  if grep -qF -- "$2" "$work/err"; then check "$1" "stderr has '$2': $(head -c 600 "$work/err")"; fi
}
extract() {  # extract NAME: a copy of the valid base extract
  rm -rf "$work/$1"
  cp -r "$base" "$work/$1"
  echo "$work/$1"
}

# --- file-level errors are named in the summary --------------------------------------------
dir="$(extract empty_stichtage)"
: >"$dir/stichtage.csv"
run empty_file 1 -- "$amip" import "$dir" --db "$work/a.sqlite"
expect_err empty_file "amip: Import abgelehnt wegen eines Fehlers in der Datei stichtage.csv: empty file: the header is missing"
refute_err empty_file "0 Zeile(n) mit Fehlern"
refute_err empty_file "--quarantine lädt"

dir="$(extract no_persons)"
rm "$dir/persons.csv"
printf 'jc_id,name\nJC01,x\n' >"$dir/jobcenters.csv"
run two_file_errors 1 -- "$amip" import "$dir" --db "$work/a.sqlite" --quarantine "$work/q.csv"
expect_err two_file_errors "amip: Import abgelehnt wegen eines Fehlers in der Datei jobcenters.csv:1: column kind: value '': required column missing from the header (und 1 weitere Dateifehler, siehe oben)"
[ -e "$work/a.sqlite" ] && check two_file_errors "a database was created"

# Row errors keep their count and the --quarantine hint.
dir="$(extract row_error)"
sed -i 's/^P002,m,1983-07-01/P002,q,1983-07-01/' "$dir/persons.csv"
run row_error 1 -- "$amip" import "$dir" --db "$work/a.sqlite"
expect_err row_error "Zeile(n) mit Fehlern (--quarantine lädt die gültigen Zeilen); die Datenbank ist unverändert."

# --- a --db that is no database is a user error, not INTERNAL -------------------------------
echo "keine Datenbank" >"$work/text.db"
before="$(sha256sum "$work/text.db")"
run not_a_database 1 -- "$amip" import "$base" --db "$work/text.db"
expect_err not_a_database "keine SQLite-Datenbank"
[ "$(sha256sum "$work/text.db")" = "$before" ] || check not_a_database "the file was changed"
run info_not_a_database 1 -- "$amip" info --db "$work/text.db"
expect_err info_not_a_database "keine SQLite-Datenbank"

run good_db 0 -- "$amip" import "$base" --db "$work/good.sqlite"
head -c 5000 "$work/good.sqlite" >"$work/damaged.sqlite"
run damaged_import 1 -- "$amip" import "$base" --db "$work/damaged.sqlite"
expect_err damaged_import "beschädigt"
run damaged_info 1 -- "$amip" info --db "$work/damaged.sqlite"
expect_err damaged_info "beschädigt"

# --- stderr and quarantine agree on the line of a multi-line record ---------------------------
dir="$(extract multiline)"
printf '05978099,"Neu\nstadt",JC01,abc\n' >>"$dir/municipalities.csv"
run multiline 0 -- "$amip" import "$dir" --db "$work/m.sqlite" --quarantine "$work/m.csv"
expect_err multiline "Fehler: municipalities.csv:4: column population: value 'abc'"
grep -q '^municipalities.csv,4,population,' "$work/m.csv" ||
  check multiline "quarantine lacks municipalities.csv,4: $(cat "$work/m.csv")"

# --- --quarantine naming a FIFO (or a device) is refused, the node stays -----------------------
# (As root a rename over /dev/null replaced the device; the test uses a FIFO, never a device.)
mkfifo "$work/q.fifo"
run quarantine_fifo 1 -- "$amip" import "$base" --db "$work/f.sqlite" --quarantine "$work/q.fifo"
expect_err quarantine_fifo "ist eine benannte Pipe (FIFO), keine reguläre Datei, und wird nicht ersetzt"
[ -p "$work/q.fifo" ] || check quarantine_fifo "the FIFO was replaced"

# --- --db naming a FIFO ends at once with a message (amip info blocked in open() before) -------
mkfifo "$work/db.fifo"
run info_db_fifo 1 -- timeout 10 "$amip" info --db "$work/db.fifo"
expect_err info_db_fifo "keine reguläre Datei"
run import_db_fifo 1 -- timeout 10 "$amip" import "$base" --db "$work/db.fifo"
expect_err import_db_fifo "keine reguläre Datei"
[ -p "$work/db.fifo" ] || check import_db_fifo "the FIFO was replaced"

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "ingest_messages: all checks passed"
