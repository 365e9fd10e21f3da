#!/usr/bin/env bash
# Kennzahlen benchmark: amip end to end from the database vs. the independent SQL formulation
# (tests/indicators/sql/kennzahlen.sql) on a real PostgreSQL 15 server started here on
# 127.0.0.1 (initdb into a temp dir as user postgres). Checks that both give the same
# numerators and denominators and prints the timings (figures go to docs/benchmarks.md).
#
# Usage: bench/kennzahlen_pg.sh BUILD_DIR DB MONTHS [WORK_DIR]
#   e.g. bench/kennzahlen_pg.sh build-kz /tmp/unna.db 2023-07..2025-06
# Needs root (runuser -u postgres) and /usr/lib/postgresql/15/bin. PG_TIMEOUT (seconds,
# default 3600) bounds the SQL run.
set -euo pipefail
BUILD=$(realpath "$1"); DB=$(realpath "$2"); MONTHS=$3
SRC=$(cd "$(dirname "$0")/.." && pwd)
WORK=${4:-$(mktemp -d /tmp/kennzahlen-pg.XXXXXX)}
mkdir -p "$WORK/oracle" "$WORK/sock"
PGBIN=/usr/lib/postgresql/15/bin
PORT=${PG_PORT:-54329}
PG_TIMEOUT=${PG_TIMEOUT:-3600}

now() { date +%s.%N; }
elapsed() { echo "$(now) - $1" | bc; }

echo "== amip kennzahlen (end to end: load database + compute + CSV), 2 threads"
/usr/bin/time -v "$BUILD/amip" kennzahlen --db "$DB" --months "$MONTHS" --format csv \
  > "$WORK/amip.csv" 2> "$WORK/amip.time"
grep -E "Elapsed \(wall|Maximum resident" "$WORK/amip.time" | sed 's/^\s*/  /'
echo "  rows: $(($(wc -l < "$WORK/amip.csv") - 1))"

echo "== kennzahlen_bench (split load vs compute; writes the oracle's input tables)"
"$BUILD/bench/kennzahlen_bench" --db "$DB" --months "$MONTHS" --threads 2 \
  --oracle-dir "$WORK/oracle" --rows-out "$WORK/amip_rows.csv" | tee "$WORK/bench.txt"
amip_load_s=$(awk '/load \(from database\)/ {print $4}' "$WORK/bench.txt")
amip_compute_s=$(awk '/compute indicators/ {print $3}' "$WORK/bench.txt")

echo "== PostgreSQL 15 on 127.0.0.1:$PORT (data dir $WORK/pgdata)"
chown -R postgres "$WORK"
runuser -u postgres -- "$PGBIN/initdb" -D "$WORK/pgdata" -A trust -U postgres > "$WORK/initdb.log"
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pgdata" -l "$WORK/pg.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $WORK/sock -c shared_buffers=2GB \
      -c work_mem=512MB -c maintenance_work_mem=1GB -c max_parallel_workers_per_gather=2 \
      -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
      -c statement_timeout=${PG_TIMEOUT}s" start > /dev/null
trap 'runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pgdata" -m fast stop > /dev/null' EXIT
PSQL=(psql -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -q -X)

start=$(now)
"${PSQL[@]}" <<SQL
CREATE TABLE persons(pid INTEGER, sex TEXT);
CREATE TABLE benefit(pid INTEGER, jc INTEGER, status TEXT, sp INTEGER, start_d INTEGER, end_d INTEGER);
CREATE TABLE employment(pid INTEGER, kind TEXT, start_d INTEGER, end_d INTEGER);
CREATE TABLE measure(pid INTEGER, instrument TEXT, start_d INTEGER, end_d INTEGER);
CREATE TABLE claim(pid INTEGER, from_m INTEGER, to_m INTEGER, llu BIGINT, luh BIGINT);
CREATE TABLE instrument(code TEXT, active2019 INTEGER, active2011 INTEGER);
CREATE TABLE st(m INTEGER, d INTEGER);
CREATE TABLE mon(m INTEGER, first_d INTEGER, last_d INTEGER);
CREATE TABLE report(m INTEGER);
CREATE TABLE params(v2019 INTEGER, lzb_months INTEGER);
\copy persons FROM '$WORK/oracle/persons.csv' CSV
\copy benefit FROM '$WORK/oracle/benefit.csv' CSV
\copy employment FROM '$WORK/oracle/employment.csv' CSV
\copy measure FROM '$WORK/oracle/measure.csv' CSV
\copy claim FROM '$WORK/oracle/claim.csv' CSV
\copy instrument FROM '$WORK/oracle/instrument.csv' CSV
\copy st FROM '$WORK/oracle/st.csv' CSV
\copy mon FROM '$WORK/oracle/mon.csv' CSV
\copy report FROM '$WORK/oracle/report.csv' CSV
\copy params FROM '$WORK/oracle/params.csv' CSV
ANALYZE;
SQL
load_s=$(elapsed "$start")
echo "  load (COPY + ANALYZE): ${load_s} s"

start=$(now)
if ! "${PSQL[@]}" -f "$SRC/tests/indicators/sql/kennzahlen.sql"; then
  echo "  SQL did not finish (error or statement_timeout ${PG_TIMEOUT}s) after $(elapsed "$start") s"
  exit 1
fi
compute_s=$(elapsed "$start")
echo "  compute (kennzahlen.sql): ${compute_s} s"
"${PSQL[@]}" -c "\copy (SELECT jc, m, indicator, split, num, den FROM result WHERE NOT (num = 0 AND den = 0)) TO '$WORK/pg_rows.csv' CSV"

sort "$WORK/amip_rows.csv" > "$WORK/amip_rows.sorted"
sort "$WORK/pg_rows.csv" > "$WORK/pg_rows.sorted"
if cmp -s "$WORK/amip_rows.sorted" "$WORK/pg_rows.sorted"; then
  echo "== identical: $(wc -l < "$WORK/pg_rows.sorted") non-zero rows (numerator and denominator) agree"
else
  echo "== DIFFERENT: see diff $WORK/amip_rows.sorted $WORK/pg_rows.sorted"
  diff "$WORK/amip_rows.sorted" "$WORK/pg_rows.sorted" | head -20
  exit 1
fi
amip_s=$(grep "Elapsed (wall" "$WORK/amip.time" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
echo "== ratio end to end: PostgreSQL (COPY load + SQL) $(echo "$load_s + $compute_s" | bc) s vs amip CLI ${amip_s} s: $(echo "scale=1; ($load_s + $compute_s) / $amip_s" | bc)x"
echo "== ratio compute: PostgreSQL SQL ${compute_s} s vs amip engine ${amip_compute_s} s (amip load from SQLite ${amip_load_s} s): $(echo "scale=0; $compute_s / $amip_compute_s" | bc)x"
