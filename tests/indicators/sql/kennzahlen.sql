-- Independent SQL formulation of the Kennzahlen nach § 48a SGB II under the binding engine
-- decisions (docs/kennzahlen.md). Runs unchanged on SQLite (differential test
-- src/indicators/kennzahlen_sql_test.cc) and PostgreSQL (bench/kennzahlen_pg.sh).
-- LZB day-precise (638 of 730 days) or, with params.lzb_months = 1, ELB at >= 21 of the 24
-- count days M-23..M; stock-weighted flow rates; BDI after 3 months.
--
-- Input tables (filled by the caller; days = days since 1970-01-01, months = year*12+month-1):
--   persons(pid, sex)                        sex 'm' | 'f' | 'x'
--   benefit(pid, jc, status, sp, start_d, end_d)   status 'elb' | 'nef'; end_d NULL = open
--   employment(pid, kind, start_d, end_d)    kind as in the data contract
--   measure(pid, instrument, start_d, end_d)
--   claim(pid, from_m, to_m, llu, luh)       money in cents
--   instrument(code, active2019, active2011) 0/1
--   st(m, d)                                 count day of every month the windows need
--   mon(m, first_d, last_d)                  months whose claims are summed (M and M-12)
--   report(m)                                reporting months
--   params(v2019, lzb_months)                first day of the 2019 definitions (2019-03-22);
--                                            lzb_months = 1: LZB by the 21-of-24 approximation
-- Output: table result(jc, m, indicator, split, num, den) with integer num/den; the caller
-- divides money by 100 and K2-type denominators by 12.

CREATE INDEX benefit_p ON benefit (pid, start_d);
CREATE INDEX employment_p ON employment (pid, start_d);
CREATE INDEX claim_p ON claim (pid);

CREATE TABLE sexsplit (split TEXT, sex TEXT);
INSERT INTO sexsplit VALUES ('all', 'm'), ('all', 'f'), ('all', 'x'), ('m', 'm'), ('f', 'f');

-- Benefit status at every count day.
CREATE TABLE stat AS
SELECT s.m AS m, b.pid AS pid, b.jc AS jc, b.status AS status, b.sp AS sp
FROM st s JOIN benefit b ON b.start_d <= s.d AND (b.end_d IS NULL OR b.end_d >= s.d);
CREATE INDEX stat_pm ON stat (pid, m);

-- ELB days in the 730 days ending at the count day (count day included).
CREATE TABLE elbdays AS
SELECT x.m AS m, x.pid AS pid,
       SUM((CASE WHEN b.end_d IS NULL OR b.end_d > s.d THEN s.d ELSE b.end_d END)
           - (CASE WHEN b.start_d > s.d - 729 THEN b.start_d ELSE s.d - 729 END) + 1) AS days
FROM stat x
JOIN st s ON s.m = x.m
JOIN benefit b ON b.pid = x.pid AND b.status = 'elb' AND b.start_d <= s.d
              AND (b.end_d IS NULL OR b.end_d >= s.d - 729)
WHERE x.status = 'elb'
GROUP BY x.m, x.pid;
CREATE INDEX elbdays_pm ON elbdays (pid, m);

-- ELB count days among the 24 months M-23..M (for the 21-of-24 approximation).
CREATE TABLE elbmonths AS
SELECT x.m AS m, x.pid AS pid, COUNT(*) AS months
FROM stat x
JOIN stat y ON y.pid = x.pid AND y.status = 'elb' AND y.m BETWEEN x.m - 23 AND x.m
CROSS JOIN params pa
WHERE x.status = 'elb' AND pa.lzb_months = 1
GROUP BY x.m, x.pid;
CREATE INDEX elbmonths_pm ON elbmonths (pid, m);

-- Person status per count day: ELB flag, LZB flag, Jobcenter, single parent, sex.
CREATE TABLE pst AS
SELECT x.m AS m, x.pid AS pid, x.jc AS jc, p.sex AS sex,
       CASE WHEN x.status = 'elb' THEN 1 ELSE 0 END AS elb,
       CASE WHEN x.status = 'elb' AND x.sp = 1 THEN 1 ELSE 0 END AS sp,
       CASE WHEN x.status = 'elb' AND pa.lzb_months = 0 AND d.days >= 638 THEN 1
            WHEN x.status = 'elb' AND pa.lzb_months = 1 AND e.months >= 21 THEN 1
            ELSE 0 END AS lzb
FROM stat x
JOIN persons p ON p.pid = x.pid
CROSS JOIN params pa
LEFT JOIN elbdays d ON d.pid = x.pid AND d.m = x.m
LEFT JOIN elbmonths e ON e.pid = x.pid AND e.m = x.m;
CREATE INDEX pst_pm ON pst (pid, m);

-- svB employment at a count day (for the K2E3 follow-up).
CREATE TABLE svbst AS
SELECT DISTINCT s.m AS m, j.pid AS pid
FROM st s JOIN employment j ON j.kind = 'svb' AND j.start_d <= s.d
                            AND (j.end_d IS NULL OR j.end_d >= s.d);
CREATE INDEX svbst_pm ON svbst (pid, m);

-- Participation in an active measure at the count day, by list.
CREATE TABLE act AS
SELECT s.m AS m, ms.pid AS pid, MAX(i.active2011) AS a2011, MAX(i.active2019) AS a2019
FROM st s
JOIN measure ms ON ms.start_d <= s.d AND (ms.end_d IS NULL OR ms.end_d >= s.d)
JOIN instrument i ON i.code = ms.instrument
GROUP BY s.m, ms.pid;
CREATE INDEX act_pm ON act (pid, m);

-- Events of reporting month m = e.m + 1 for persons ELB at ST(m-1): starts in
-- (ST(m-1), ST(m)], or in (ST(m-2), ST(m)] when not ELB at ST(m-2).
CREATE TABLE ev AS
SELECT e.m + 1 AS m, e.pid AS pid, e.jc AS jc, e.sex AS sex, e.sp AS sp, e.lzb AS lzb,
       MAX(CASE WHEN j.kind IN ('svb', 'training', 'self_employed') THEN 1 ELSE 0 END) AS integ,
       MAX(CASE WHEN j.kind = 'svb' THEN 1 ELSE 0 END) AS svb,
       MAX(CASE WHEN j.kind = 'minijob' THEN 1 ELSE 0 END) AS mini,
       MAX(CASE WHEN j.kind = 'public' THEN 1 ELSE 0 END) AS pub
FROM pst e
JOIN st s0 ON s0.m = e.m + 1
JOIN st s1 ON s1.m = e.m
JOIN st s2 ON s2.m = e.m - 1
LEFT JOIN pst q ON q.pid = e.pid AND q.m = e.m - 1 AND q.elb = 1
JOIN employment j ON j.pid = e.pid AND j.start_d <= s0.d
                 AND j.start_d > (CASE WHEN q.pid IS NULL THEN s2.d ELSE s1.d END)
WHERE e.elb = 1
GROUP BY e.m, e.pid, e.jc, e.sex, e.sp, e.lzb;

-- Follow-up results per event: K2E3 2019 (svB at each of the 6 following count days),
-- K2E3 2011 (svB at the count day 12 months later), BDI (neither ELB nor NEF, i.e. no
-- Regelleistungsbezug, 3 months later).
CREATE TABLE evf AS
SELECT v.m AS m, v.pid AS pid, v.jc AS jc, v.sex AS sex, v.sp AS sp, v.lzb AS lzb,
       v.integ AS integ, v.svb AS svb, v.mini AS mini, v.pub AS pub,
       CASE WHEN v.svb = 1 AND (SELECT COUNT(*) FROM svbst w
                                WHERE w.pid = v.pid AND w.m BETWEEN v.m + 1 AND v.m + 6) = 6
            THEN 1 ELSE 0 END AS pass6,
       CASE WHEN v.svb = 1 AND EXISTS (SELECT 1 FROM svbst w WHERE w.pid = v.pid AND w.m = v.m + 12)
            THEN 1 ELSE 0 END AS pass12,
       CASE WHEN v.integ = 1 AND NOT EXISTS (SELECT 1 FROM pst w
                                             WHERE w.pid = v.pid AND w.m = v.m + 3)
            THEN 1 ELSE 0 END AS bd
FROM ev v;

-- Claims (docs/decisions/0201): the Jobcenter of the benefit spell covering the month's count
-- day; without one, of the last benefit spell overlapping the month.
CREATE TABLE cm AS
SELECT mo.m AS m, c.pid AS pid, c.llu AS llu, c.luh AS luh,
       COALESCE(
         (SELECT b.jc FROM benefit b JOIN st s ON s.m = mo.m
          WHERE b.pid = c.pid AND b.start_d <= s.d AND (b.end_d IS NULL OR b.end_d >= s.d)
          ORDER BY b.start_d DESC LIMIT 1),
         (SELECT b.jc FROM benefit b
          WHERE b.pid = c.pid AND b.start_d <= mo.last_d
            AND (b.end_d IS NULL OR b.end_d >= mo.first_d)
          ORDER BY b.start_d DESC LIMIT 1)) AS jc
FROM mon mo JOIN claim c ON c.from_m <= mo.m AND c.to_m >= mo.m;

-- Monthly quantities per (jc, sex, m).
CREATE TABLE cnt AS
SELECT jc, sex, m,
       SUM(elb) AS elb, SUM(sp) AS sp, SUM(lzb) AS lzb, SUM(zug) AS zug, SUM(abg) AS abg,
       SUM(lzug) AS lzug, SUM(labg) AS labg, SUM(a2011) AS a2011, SUM(a2019) AS a2019,
       SUM(llu) AS llu, SUM(luh) AS luh,
       SUM(integ) AS integ, SUM(integ_sp) AS integ_sp, SUM(integ_lzb) AS integ_lzb,
       SUM(mini) AS mini, SUM(pub) AS pub, SUM(svb) AS svb,
       SUM(pass6) AS pass6, SUM(pass12) AS pass12, SUM(bd) AS bd
FROM (
  SELECT a.jc, a.sex, a.m, a.elb, a.sp, a.lzb, 0 AS zug, 0 AS abg, 0 AS lzug, 0 AS labg,
         CASE WHEN a.lzb = 1 AND t.a2011 = 1 THEN 1 ELSE 0 END AS a2011,
         CASE WHEN a.lzb = 1 AND t.a2019 = 1 THEN 1 ELSE 0 END AS a2019,
         0 AS llu, 0 AS luh, 0 AS integ, 0 AS integ_sp, 0 AS integ_lzb, 0 AS mini, 0 AS pub,
         0 AS svb, 0 AS pass6, 0 AS pass12, 0 AS bd
  FROM pst a LEFT JOIN act t ON t.pid = a.pid AND t.m = a.m
  WHERE a.elb = 1
  UNION ALL  -- ELB entries: ELB now, not ELB in the same Jobcenter at the previous count day
  SELECT a.jc, a.sex, a.m, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
  FROM pst a
  WHERE a.elb = 1 AND a.m > (SELECT MIN(m) FROM st)
    AND NOT EXISTS (SELECT 1 FROM pst b WHERE b.pid = a.pid AND b.m = a.m - 1
                                          AND b.elb = 1 AND b.jc = a.jc)
  UNION ALL  -- ELB exits, attributed to the previous count day's Jobcenter
  SELECT b.jc, b.sex, b.m + 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
  FROM pst b
  WHERE b.elb = 1 AND b.m < (SELECT MAX(m) FROM st)
    AND NOT EXISTS (SELECT 1 FROM pst a WHERE a.pid = b.pid AND a.m = b.m + 1
                                          AND a.elb = 1 AND a.jc = b.jc)
  UNION ALL  -- LZB entries (any Jobcenter at the previous count day)
  SELECT a.jc, a.sex, a.m, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
  FROM pst a
  WHERE a.lzb = 1 AND a.m > (SELECT MIN(m) FROM st)
    AND NOT EXISTS (SELECT 1 FROM pst b WHERE b.pid = a.pid AND b.m = a.m - 1 AND b.lzb = 1)
  UNION ALL  -- LZB exits
  SELECT b.jc, b.sex, b.m + 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
  FROM pst b
  WHERE b.lzb = 1 AND b.m < (SELECT MAX(m) FROM st)
    AND NOT EXISTS (SELECT 1 FROM pst a WHERE a.pid = b.pid AND a.m = b.m + 1 AND a.lzb = 1)
  UNION ALL  -- claims
  SELECT c.jc, p.sex, c.m, 0, 0, 0, 0, 0, 0, 0, 0, 0, c.llu, c.luh, 0, 0, 0, 0, 0, 0, 0, 0, 0
  FROM cm c JOIN persons p ON p.pid = c.pid
  WHERE c.jc IS NOT NULL
  UNION ALL  -- events, attributed to the status at the previous count day
  SELECT v.jc, v.sex, v.m, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, v.integ, v.integ * v.sp,
         v.integ * v.lzb, v.mini, v.pub, v.svb, v.pass6, v.pass12, v.bd
  FROM evf v
) u
GROUP BY jc, sex, m;

-- Window sums per reporting month, Jobcenter and sex split (offsets relative to M).
CREATE TABLE agg AS
SELECT r.m AS rm, c.jc AS jc, ss.split AS split,
  SUM(CASE WHEN c.m = r.m THEN c.llu ELSE 0 END) AS llu_0,
  SUM(CASE WHEN c.m = r.m - 12 THEN c.llu ELSE 0 END) AS llu_12,
  SUM(CASE WHEN c.m = r.m THEN c.luh ELSE 0 END) AS luh_0,
  SUM(CASE WHEN c.m = r.m - 12 THEN c.luh ELSE 0 END) AS luh_12,
  SUM(CASE WHEN c.m = r.m THEN c.elb ELSE 0 END) AS elb_0,
  SUM(CASE WHEN c.m = r.m - 12 THEN c.elb ELSE 0 END) AS elb_12,
  SUM(CASE WHEN c.m = r.m THEN c.lzb ELSE 0 END) AS lzb_0,
  SUM(CASE WHEN c.m = r.m - 12 THEN c.lzb ELSE 0 END) AS lzb_12,
  SUM(CASE WHEN c.m BETWEEN r.m - 11 AND r.m THEN c.elb ELSE 0 END) AS elb_s0,
  SUM(CASE WHEN c.m BETWEEN r.m - 12 AND r.m - 1 THEN c.elb ELSE 0 END) AS elb_s1,
  SUM(CASE WHEN c.m BETWEEN r.m - 11 AND r.m THEN c.lzb ELSE 0 END) AS lzb_s0,
  SUM(CASE WHEN c.m BETWEEN r.m - 12 AND r.m - 1 THEN c.lzb ELSE 0 END) AS lzb_s1,
  SUM(CASE WHEN c.m BETWEEN r.m - 12 AND r.m - 1 THEN c.sp ELSE 0 END) AS sp_s1,
  SUM(CASE WHEN c.m BETWEEN r.m - 11 AND r.m THEN c.zug ELSE 0 END) AS zug_s,
  SUM(CASE WHEN c.m BETWEEN r.m - 11 AND r.m THEN c.abg ELSE 0 END) AS abg_s,
  SUM(CASE WHEN c.m BETWEEN r.m - 11 AND r.m THEN c.lzug ELSE 0 END) AS lzug_s,
  SUM(CASE WHEN c.m BETWEEN r.m - 11 AND r.m THEN c.labg ELSE 0 END) AS labg_s,
  SUM(CASE WHEN c.m BETWEEN r.m - 11 AND r.m THEN c.integ ELSE 0 END) AS int_s,
  SUM(CASE WHEN c.m BETWEEN r.m - 11 AND r.m THEN c.integ_sp ELSE 0 END) AS int_sp_s,
  SUM(CASE WHEN c.m BETWEEN r.m - 11 AND r.m THEN c.integ_lzb ELSE 0 END) AS int_lzb_s,
  SUM(CASE WHEN c.m BETWEEN r.m - 11 AND r.m THEN c.mini ELSE 0 END) AS mini_s,
  SUM(CASE WHEN c.m BETWEEN r.m - 11 AND r.m THEN c.pub ELSE 0 END) AS pub_s,
  SUM(CASE WHEN c.m = r.m THEN c.a2011 ELSE 0 END) AS a2011_0,
  SUM(CASE WHEN c.m = r.m THEN c.a2019 ELSE 0 END) AS a2019_0,
  SUM(CASE WHEN c.m BETWEEN r.m - 17 AND r.m - 6 THEN c.svb ELSE 0 END) AS svb_c6,
  SUM(CASE WHEN c.m BETWEEN r.m - 17 AND r.m - 6 THEN c.pass6 ELSE 0 END) AS pass6_c,
  SUM(CASE WHEN c.m BETWEEN r.m - 23 AND r.m - 12 THEN c.svb ELSE 0 END) AS svb_c12,
  SUM(CASE WHEN c.m BETWEEN r.m - 23 AND r.m - 12 THEN c.pass12 ELSE 0 END) AS pass12_c,
  SUM(CASE WHEN c.m BETWEEN r.m - 14 AND r.m - 3 THEN c.integ ELSE 0 END) AS int_c3,
  SUM(CASE WHEN c.m BETWEEN r.m - 14 AND r.m - 3 THEN c.bd ELSE 0 END) AS bd_c3
FROM report r
JOIN cnt c ON c.m BETWEEN r.m - 23 AND r.m
JOIN sexsplit ss ON ss.sex = c.sex
GROUP BY r.m, c.jc, ss.split;

CREATE TABLE result AS
SELECT jc, rm AS m, 'K1' AS indicator, split, llu_0 AS num, llu_12 AS den FROM agg
UNION ALL SELECT jc, rm, 'K1E1', split, luh_0, luh_12 FROM agg
UNION ALL SELECT jc, rm, 'K1E2', split, elb_0, elb_12 FROM agg
UNION ALL SELECT jc, rm, 'K1E3', split, zug_s, elb_s0 FROM agg
UNION ALL SELECT jc, rm, 'K1E4', split, abg_s, elb_s1 FROM agg
UNION ALL SELECT jc, rm, 'K2', split, int_s, elb_s1 FROM agg
UNION ALL SELECT jc, rm, 'K2E1', split, mini_s, elb_s1 FROM agg
UNION ALL SELECT jc, rm, 'K2E2', split, pub_s, elb_s1 FROM agg
UNION ALL
SELECT a.jc, a.rm, 'K2E3', a.split,
       CASE WHEN s.d >= p.v2019 THEN a.pass6_c ELSE a.pass12_c END,
       CASE WHEN s.d >= p.v2019 THEN a.svb_c6 ELSE a.svb_c12 END
FROM agg a JOIN st s ON s.m = a.rm CROSS JOIN params p
UNION ALL SELECT jc, rm, 'K2E4', split, int_sp_s, sp_s1 FROM agg
UNION ALL SELECT jc, rm, 'K3', split, lzb_0, lzb_12 FROM agg
UNION ALL SELECT jc, rm, 'K3E1', split, int_lzb_s, lzb_s1 FROM agg
UNION ALL
SELECT a.jc, a.rm, 'K3E2', a.split,
       CASE WHEN s.d >= p.v2019 THEN a.a2019_0 ELSE a.a2011_0 END, a.lzb_0
FROM agg a JOIN st s ON s.m = a.rm CROSS JOIN params p
UNION ALL SELECT jc, rm, 'K3E3', split, lzug_s, lzb_s0 FROM agg
UNION ALL SELECT jc, rm, 'K3E4', split, labg_s, lzb_s1 FROM agg
UNION ALL SELECT jc, rm, 'BDI', split, bd_c3, int_c3 FROM agg;
