// kennzahlen_bench: times the Kennzahlen engine end to end from an imported database
// (storage::LoadExtract, then ComputeIndicators) and reports peak memory. Optionally writes
// the SQL oracle's input tables (--oracle-dir, for bench/kennzahlen_pg.sh) and the engine's
// rows as integers (--rows-out: jc,m,indicator,split,num,den; money in cents, K2-type
// denominators as sums over 12 months) so that the PostgreSQL output can be diffed exactly.
// --csv DIR reads a CSV extract (validated as by `amip import`) instead of the database.
#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>

#include "contract/extract.h"
#include "indicators/kennzahlen.h"
#include "ingest/import.h"
#include "storage/extract_store.h"

namespace {

using namespace amip;

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

long PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

std::string End(const std::optional<core::Date>& end) {
  return end ? std::to_string(end->days()) : "";
}

void WriteOracleTables(const contract::Extract& extract, const indicators::Options& options,
                       const std::string& dir) {
  std::ofstream persons(dir + "/persons.csv");
  for (size_t p = 0; p < extract.persons.size(); ++p) {
    persons << p << "," << contract::ToString(extract.persons[p].sex) << "\n";
  }
  std::ofstream benefit(dir + "/benefit.csv");
  for (const auto& spell : extract.benefit_spells) {
    benefit << spell.person << "," << spell.jc << "," << contract::ToString(spell.status) << ","
            << (spell.single_parent ? 1 : 0) << "," << spell.start.days() << "," << End(spell.end)
            << "\n";
  }
  std::ofstream employment(dir + "/employment.csv");
  for (const auto& job : extract.employment_spells) {
    employment << job.person << "," << contract::ToString(job.kind) << "," << job.start.days()
               << "," << End(job.end) << "\n";
  }
  std::ofstream measure(dir + "/measure.csv");
  for (const auto& spell : extract.measure_spells) {
    measure << spell.person << "," << spell.instrument << "," << spell.start.days() << ","
            << End(spell.end) << "\n";
  }
  std::ofstream claim(dir + "/claim.csv");
  for (const auto& row : extract.claims) {
    claim << row.person << "," << row.from.index() << "," << row.to.index() << ","
          << row.llu.value() << "," << row.luh.value() << "\n";
  }
  std::ofstream instrument(dir + "/instrument.csv");
  for (const auto& flags : options.instruments) {
    instrument << flags.code << "," << (flags.active_measure ? 1 : 0) << ","
               << (flags.active_measure_2011 ? 1 : 0) << "\n";
  }
  // Count days back to first − 37 (the engine's look-back), claim months from first − 12.
  std::ofstream st(dir + "/st.csv");
  for (core::Month m = options.months.first - 37; m <= options.months.last; ++m) {
    st << m.index() << "," << extract.CountDay(m).days() << "\n";
  }
  std::ofstream mon(dir + "/mon.csv");
  for (core::Month m = options.months.first - 12; m <= options.months.last; ++m) {
    mon << m.index() << "," << m.FirstDay().days() << "," << m.LastDay().days() << "\n";
  }
  std::ofstream report(dir + "/report.csv");
  for (core::Month m = options.months.first; m <= options.months.last; ++m) {
    report << m.index() << "\n";
  }
  std::ofstream params(dir + "/params.csv");
  params << core::Date::FromYmd(2019, 3, 22).days() << ",0\n";
}

void WriteRows(const indicators::Computation& computation, const std::string& path) {
  std::ofstream out(path);
  for (const auto& row : computation.rows) {
    if (!row.note.empty() || (row.numerator == 0 && row.denominator == 0)) continue;
    const auto id = row.indicator;
    double num = row.numerator;
    double den = row.denominator;
    if (id == indicators::IndicatorId::kK1 || id == indicators::IndicatorId::kK1E1) {
      num *= 100;
      den *= 100;
    }
    if (id == indicators::IndicatorId::kK2 || id == indicators::IndicatorId::kK2E1 ||
        id == indicators::IndicatorId::kK2E2 || id == indicators::IndicatorId::kK2E4 ||
        id == indicators::IndicatorId::kK3E1) {
      den *= 12;
    }
    out << row.jc << "," << row.month.index() << "," << indicators::ToString(id) << ","
        << indicators::ToString(row.sex) << "," << std::llround(num) << "," << std::llround(den)
        << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string db, csv_dir, months_text, oracle_dir, rows_out;
  int threads = 2;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i];
    const std::string value = argv[i + 1];
    if (key == "--db") db = value;
    else if (key == "--csv") csv_dir = value;
    else if (key == "--months") months_text = value;
    else if (key == "--threads") threads = std::stoi(value);
    else if (key == "--oracle-dir") oracle_dir = value;
    else if (key == "--rows-out") rows_out = value;
  }
  auto months = core::MonthRange::Parse(months_text);
  if ((db.empty() && csv_dir.empty()) || !months.ok()) {
    std::fprintf(stderr,
                 "usage: kennzahlen_bench (--db FILE | --csv DIR) --months A..B [--threads N] "
                 "[--oracle-dir DIR] [--rows-out FILE]\n");
    return 2;
  }
  auto start = std::chrono::steady_clock::now();
  core::Result<contract::Extract> extract = core::InternalError("no input");
  if (!db.empty()) {
    storage::LoadOptions load;
    load.tables = indicators::RequiredTables();
    load.threads = threads;
    extract = storage::LoadExtract(db, load);
  } else {
    auto read = ingest::ReadExtractDirectory(csv_dir);
    if (read.ok()) {
      extract = std::move(read->extract);
    } else {
      extract = read.status();
    }
  }
  if (!extract.ok()) {
    std::fprintf(stderr, "%s\n", extract.status().ToString().c_str());
    return 1;
  }
  const double load_s = Seconds(start);
  indicators::Options options;
  options.months = *months;
  options.threads = threads;
  auto instruments = indicators::DefaultInstrumentFlags();
  if (!instruments.ok()) return 1;
  options.instruments = *instruments;
  start = std::chrono::steady_clock::now();
  auto computed = indicators::ComputeIndicators(*extract, options);
  if (!computed.ok()) {
    std::fprintf(stderr, "%s\n", computed.status().ToString().c_str());
    return 1;
  }
  const double compute_s = Seconds(start);
  size_t noted = 0;
  for (const auto& row : computed->rows) noted += !row.note.empty();
  std::printf(
      "kennzahlen_bench: %zu jobcenters, %zu persons, %zu benefit spells, %zu claims, %zu "
      "employment spells; months %s, threads %d\n"
      "  load (%s) %8.2f s\n  compute indicators   %8.2f s\n"
      "  rows %zu (%zu with a coverage note), peak RSS %ld MB\n",
      extract->jobcenters.size(), extract->persons.size(), extract->benefit_spells.size(),
      extract->claims.size(), extract->employment_spells.size(), months_text.c_str(), threads,
      db.empty() ? "CSV, validated" : "from database", load_s, compute_s, computed->rows.size(), noted, PeakRssMb());
  if (!oracle_dir.empty()) WriteOracleTables(*extract, options, oracle_dir);
  if (!rows_out.empty()) WriteRows(*computed, rows_out);
  return 0;
}
