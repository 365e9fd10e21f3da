#!/usr/bin/env bash
# Crash test of `amip import` (issue 10): an import killed with SIGKILL at many points of its
# run leaves a database that passes PRAGMA integrity_check and holds exactly the old or
# exactly the new extract — never a mix, never a damaged file. Two cases: an import into an
# existing database (old = extract A, new = extract B of the same Jobcenter, which replaces
# A) and into a new database (old = no file or no extract, new = B). The kill points are spread evenly over 1,25 times the duration of a
# clean import measured in the same run, so the test covers parsing, checking and writing
# also in the slower sanitizer build. Prints how many kills ended in the old and the new state.
# Usage: lead_kill9.sh AMIP SOURCE_DIR [POINTS]
set -uo pipefail
amip="$1"
src="$2"
points="${3:-12}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# A small synthetic Jobcenter: the demo profile with a tenth of its BG stock (the calibration
# report then misses targets, exit 1, but the extract is complete).
sed -E 's/bgs: ([0-9]+)/bgs: \1__/; s/bgs: ([0-9]+)[0-9]__/bgs: \1/' \
  "$src/data/profiles/kreis-unna-2025.yaml" >"$work/small.yaml"
grep -q "bgs: 1840}" "$work/small.yaml" || fail "profile not scaled"
for seed in 1 2; do
  "$amip" generate --profile "$work/small.yaml" --seed "$seed" --out "$work/x$seed" >/dev/null 2>&1
  [ -f "$work/x$seed/persons.csv" ] || fail "generate seed $seed"
done

# Content digest of every data table (loads and schema_migrations carry timestamps), after
# SQLite's recovery of a hot journal; "none" for a missing file or a database without an
# extract; "corrupt: …" when the integrity check fails.
digest() {
  python3 - "$1" <<'PY'
import hashlib, os, sqlite3, sys
path = sys.argv[1]
if not os.path.exists(path):
    print("none"); sys.exit(0)
con = sqlite3.connect(path)
ok = con.execute("PRAGMA integrity_check").fetchone()[0]
if ok != "ok":
    print("corrupt: " + ok); sys.exit(0)
tables = [r[0] for r in con.execute(
    "SELECT name FROM sqlite_master WHERE type='table' AND name NOT IN "
    "('loads','schema_migrations') AND name NOT LIKE 'sqlite_%' ORDER BY name")]
h = hashlib.sha256()
rows = 0
for t in tables:
    for r in con.execute(f'SELECT * FROM "{t}" ORDER BY rowid'):
        h.update(repr((t,) + r).encode()); rows += 1
print("none" if rows == 0 else h.hexdigest())
PY
}

"$amip" import "$work/x1" --db "$work/a.sqlite" >/dev/null 2>&1 || fail "import A"
cp "$work/a.sqlite" "$work/ab.sqlite"
start=$(date +%s%N)
"$amip" import "$work/x2" --db "$work/ab.sqlite" >/dev/null 2>&1 || fail "import B over A"
duration_ns=$(( $(date +%s%N) - start ))
old="$(digest "$work/a.sqlite")"
new="$(digest "$work/ab.sqlite")"
[ "$old" != "$new" ] || fail "A and B have the same content"

run_case() {  # $1 = existing|new
  local ended_old=0 ended_new=0 i delay state
  for i in $(seq 1 "$points"); do
    rm -f "$work/t.sqlite" "$work/t.sqlite-journal" "$work/t.sqlite-wal" "$work/t.sqlite.lock"
    [ "$1" = existing ] && cp "$work/a.sqlite" "$work/t.sqlite"
    delay=$(( duration_ns * 5 * i / (4 * points) ))
    "$amip" import "$work/x2" --db "$work/t.sqlite" >/dev/null 2>&1 &
    local pid=$!
    sleep "$(printf '%d.%09d' $(( delay / 1000000000 )) $(( delay % 1000000000 )))"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    state="$(digest "$work/t.sqlite")"
    if [ "$1" = existing ] && [ "$state" = "$old" ]; then ended_old=$((ended_old + 1))
    elif [ "$1" = new ] && [ "$state" = none ]; then ended_old=$((ended_old + 1))
    elif [ "$state" = "$new" ]; then ended_new=$((ended_new + 1))
    else fail "$1 database, kill $i of $points after $delay ns: neither old nor new ($state)"
    fi
  done
  echo "kill -9 into an $1 database: $points points, $ended_old ended old, $ended_new ended new"
}
run_case existing
run_case new
