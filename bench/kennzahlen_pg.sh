#!/usr/bin/env bash
# Kennzahlen benchmark: amip end to end from the database vs. the independent SQL formulation
# (tests/indicators/sql/kennzahlen.sql) on a real PostgreSQL 15 server started here on
# 127.0.0.1 (initdb into a temp dir as user postgres). Checks that both give the same
# numerators and denominators and prints the timings (figures go to docs/benchmarks.md).
#
# Usage: bench/kennzahlen_pg.sh BUILD_DIR DB MONTHS [WORK_DIR]
#   e.g. bench/kennzahlen_pg.sh build /tmp/unna.db 2023-07..2025-06
# Needs root (runuser -u postgres) and /usr/lib/postgresql/15/bin. PG_TIMEOUT (seconds,
# default 3600) bounds the whole SQL run. PG_PARTS=N (default 1) runs the SQL N times, each
# on the persons with pid % N = i and all their rows, and sums the results: every derived
# table of kennzahlen.sql is per person and every output is a sum over persons, so the sum
# is exactly the national result, while each run's intermediate tables (count day × person)
# stay 1/N the size (at national scale they would not fit the disk at once). Each part's
# time is printed as it finishes ($WORK/pg_parts.log).
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
      -c statement_timeout=0" start > /dev/null
trap 'runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pgdata" -m fast stop > /dev/null' EXIT
PSQL=(psql -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -q -X)

PG_PARTS=${PG_PARTS:-1}
start=$(now)
"${PSQL[@]}" <<SQL
CREATE SCHEMA src;
SET search_path TO src, public;
CREATE TABLE persons(pid INTEGER, sex TEXT);
CREATE TABLE benefit(pid INTEGER, jc INTEGER, status TEXT, sp INTEGER, start_d INTEGER, end_d INTEGER);
CREATE TABLE employment(pid INTEGER, kind TEXT, start_d INTEGER, end_d INTEGER);
CREATE TABLE measure(pid INTEGER, instrument TEXT, start_d INTEGER, end_d INTEGER);
CREATE TABLE claim(pid INTEGER, from_m INTEGER, to_m INTEGER, llu BIGINT, luh BIGINT);
CREATE TABLE public.instrument(code TEXT, active2019 INTEGER, active2011 INTEGER);
CREATE TABLE public.st(m INTEGER, d INTEGER);
CREATE TABLE public.mon(m INTEGER, first_d INTEGER, last_d INTEGER);
CREATE TABLE public.report(m INTEGER);
CREATE TABLE public.params(v2019 INTEGER, lzb_months INTEGER);
CREATE TABLE public.result_all(jc INTEGER, m INTEGER, indicator TEXT, split TEXT, num BIGINT, den BIGINT);
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
: > "$WORK/pg_parts.log"
for ((part = 0; part < PG_PARTS; part++)); do
  part_start=$(now)
  remaining=$(echo "$PG_TIMEOUT - ($(now) - $start)" | bc | cut -d. -f1)
  if [ "$remaining" -le 0 ] || ! timeout "$remaining" "${PSQL[@]}" > "$WORK/pg_part_$part.out" <<SQL
SET client_min_messages = warning;
CREATE SCHEMA part;
SET search_path TO part, public;
CREATE TABLE persons AS SELECT * FROM src.persons WHERE pid % $PG_PARTS = $part;
CREATE TABLE benefit AS SELECT * FROM src.benefit WHERE pid % $PG_PARTS = $part;
CREATE TABLE employment AS SELECT * FROM src.employment WHERE pid % $PG_PARTS = $part;
CREATE TABLE measure AS SELECT * FROM src.measure WHERE pid % $PG_PARTS = $part;
CREATE TABLE claim AS SELECT * FROM src.claim WHERE pid % $PG_PARTS = $part;
ANALYZE;
\\timing on
\\i $SRC/tests/indicators/sql/kennzahlen.sql
\\timing off
INSERT INTO public.result_all SELECT jc, m, indicator, split, num, den FROM result;
SET search_path TO public;
DROP SCHEMA part CASCADE;
SQL
  then
    echo "  SQL did not finish (error or PG_TIMEOUT ${PG_TIMEOUT}s): part $part of $PG_PARTS, after $(elapsed "$start") s" | tee -a "$WORK/pg_parts.log"
    exit 1
  fi
  echo "  part $((part + 1))/$PG_PARTS: $(elapsed "$part_start") s (total $(elapsed "$start") s)" | tee -a "$WORK/pg_parts.log"
done
compute_s=$(elapsed "$start")
echo "  compute (kennzahlen.sql, $PG_PARTS part(s)): ${compute_s} s"
"${PSQL[@]}" -c "\copy (SELECT jc, m, indicator, split, SUM(num), SUM(den) FROM result_all GROUP BY jc, m, indicator, split HAVING NOT (SUM(num) = 0 AND SUM(den) = 0)) TO '$WORK/pg_rows.csv' CSV"

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
