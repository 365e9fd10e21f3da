#include "contract/extract_writer.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string_view>

#include "contract/table_description.h"
#include "fileio/atomic_file.h"

namespace amip::contract {
namespace {

// "YYYY-MM-DD" of every day from 1850 to 2149, built once: formatting dates is the hot path
// when writing national extracts.
struct DayTable {
  int32_t first = 0;
  size_t count = 0;
  std::string text;  // 10 characters per day
};

const DayTable& Days() {
  static const DayTable table = [] {
    DayTable built;
    built.first = core::Date::FromYmd(1850, 1, 1).days();
    const int32_t end = core::Date::FromYmd(2150, 1, 1).days();
    built.count = static_cast<size_t>(end - built.first);
    built.text.reserve(built.count * 10);
    for (int32_t day = built.first; day < end; ++day) {
      built.text.append(core::Date::FromDays(day).ToString());
    }
    return built;
  }();
  return table;
}

// Buffered CSV output into one file; flushes in 1 MiB blocks. Written through a temporary
// file renamed into place by Close() (fileio::AtomicFile): the path holds the old file or the
// complete new one, never a half-written one.
class CsvFile {
 public:
  explicit CsvFile(const std::string& path) {
    core::Result<fileio::AtomicFile> file = fileio::AtomicFile::Create(path);
    if (file.ok()) {
      file_.emplace(std::move(file).value());
    } else {
      status_ = file.status();
    }
    buffer_.reserve(kFlushAt + 4096);
  }
  CsvFile(const CsvFile&) = delete;
  CsvFile& operator=(const CsvFile&) = delete;

  // The header of `table` from its description; `omit` names an optional column not written.
  void Header(const TableDescription& table, std::string_view omit = {}) {
    for (const ColumnDescription& column : table.columns) {
      if (column.name != omit) Text(column.name);
    }
    EndRow();
  }
  // A text field, quoted per RFC 4180 when it contains a comma, quote, CR or LF.
  void Text(std::string_view value) {
    Separator();
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
      buffer_.append(value);
      return;
    }
    buffer_.push_back('"');
    for (char c : value) {
      if (c == '"') buffer_.push_back('"');
      buffer_.push_back(c);
    }
    buffer_.push_back('"');
  }
  // A field known to need no quoting (ids of [A-Za-z0-9_.-], codes).
  void Plain(std::string_view value) {
    Separator();
    buffer_.append(value);
  }
  void Int(int64_t value) {
    Separator();
    AppendInt(value);
  }
  void Bool(bool value) {
    Separator();
    buffer_.push_back(value ? '1' : '0');
  }
  void Empty() { Separator(); }
  void Day(core::Date date) {
    Separator();
    const DayTable& table = Days();
    const int64_t offset = static_cast<int64_t>(date.days()) - table.first;
    if (offset >= 0 && offset < static_cast<int64_t>(table.count)) {
      buffer_.append(table.text.data() + offset * 10, 10);
    } else {
      buffer_.append(date.ToString());
    }
  }
  void OptionalDay(const std::optional<core::Date>& date) {
    if (date) {
      Day(*date);
    } else {
      Empty();
    }
  }
  void MonthValue(core::Month month) {
    Separator();
    const int year = month.year();
    const int number = month.month();
    char text[7] = {static_cast<char>('0' + year / 1000), static_cast<char>('0' + year / 100 % 10),
                    static_cast<char>('0' + year / 10 % 10), static_cast<char>('0' + year % 10),
                    '-', static_cast<char>('0' + number / 10), static_cast<char>('0' + number % 10)};
    buffer_.append(text, 7);
  }
  void Money(core::Cents amount) {
    Separator();
    int64_t cents = amount.value();
    if (cents < 0) {
      buffer_.push_back('-');
      cents = -cents;
    }
    AppendInt(cents / 100);
    const char fraction[3] = {'.', static_cast<char>('0' + cents % 100 / 10),
                              static_cast<char>('0' + cents % 10)};
    buffer_.append(fraction, 3);
  }
  void Decimal(double value) {
    Separator();
    buffer_.append(FormatDecimal2(value));
  }
  void EndRow() {
    buffer_.push_back('\n');
    first_ = true;
    if (buffer_.size() >= kFlushAt) Flush();
  }
  core::Status Close() {
    Flush();
    if (status_.ok() && file_) status_ = file_->Commit();
    file_.reset();
    return status_;
  }

 private:
  static constexpr size_t kFlushAt = 1 << 20;
  void AppendInt(int64_t value) {
    char digits[24];
    size_t pos = sizeof digits;
    const bool negative = value < 0;
    uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
    do {
      digits[--pos] = static_cast<char>('0' + magnitude % 10);
      magnitude /= 10;
    } while (magnitude > 0);
    if (negative) digits[--pos] = '-';
    buffer_.append(digits + pos, sizeof digits - pos);
  }
  void Separator() {
    if (!first_) buffer_.push_back(',');
    first_ = false;
  }
  void Flush() {
    if (file_ && !buffer_.empty() && status_.ok()) status_ = file_->Write(buffer_);
    buffer_.clear();
  }

  std::optional<fileio::AtomicFile> file_;
  std::string buffer_;
  bool first_ = true;
  core::Status status_;
};

// Removes the optional contract file `path` that this extract does not have, so that a file
// of an earlier extract in the same directory is not imported with this one.
core::Status RemoveStale(const std::string& path) {
  std::error_code error;
  std::filesystem::remove(path, error);
  if (error) return core::UnavailableError(path + ": alte Datei nicht entfernbar: " + error.message());
  return core::Status::Ok();
}

const TableDescription& Table(std::string_view name) {
  const TableDescription* table = FindTable(name);
  AMIP_ASSERT(table != nullptr, "every written table is described in table_description.cc");
  return *table;
}

std::string_view PersonId(const Extract& extract, core::PersonIdx person) {
  return extract.persons[static_cast<size_t>(person)].person_id;
}

}  // namespace

std::string FormatDecimal2(double value) {
  const long long hundredths = std::llround(value * 100.0);
  const long long abs_value = hundredths < 0 ? -hundredths : hundredths;
  char text[40];
  int length;
  if (abs_value % 100 == 0) {
    length = std::snprintf(text, sizeof text, "%s%lld", hundredths < 0 ? "-" : "", abs_value / 100);
  } else if (abs_value % 10 == 0) {
    length = std::snprintf(text, sizeof text, "%s%lld.%lld", hundredths < 0 ? "-" : "",
                           abs_value / 100, abs_value % 100 / 10);
  } else {
    length = std::snprintf(text, sizeof text, "%s%lld.%02lld", hundredths < 0 ? "-" : "",
                           abs_value / 100, abs_value % 100);
  }
  return std::string(text, static_cast<size_t>(length));
}

core::Status WriteExtractCsv(const Extract& extract, const std::string& dir,
                             const WriteOptions& options) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) return core::UnavailableError("cannot create directory " + dir + ": " + error.message());
  const std::string base = dir + "/";

  {
    CsvFile out(base + "jobcenters.csv");
    out.Header(Table("jobcenters"));
    for (const Jobcenter& jc : extract.jobcenters) {
      out.Plain(jc.jc_id);
      out.Text(jc.name);
      out.Plain(ToString(jc.kind));
      out.EndRow();
    }
    AMIP_RETURN_IF_ERROR(out.Close());
  }
  {
    CsvFile out(base + "municipalities.csv");
    out.Header(Table("municipalities"));
    for (const Municipality& mun : extract.municipalities) {
      out.Plain(mun.ags);
      out.Text(mun.name);
      out.Text(extract.jobcenters[static_cast<size_t>(mun.jc)].jc_id);
      out.Int(mun.population);
      out.EndRow();
    }
    AMIP_RETURN_IF_ERROR(out.Close());
  }
  {
    bool profillage = options.force_profillage;
    for (size_t idx = 0; !profillage && idx < extract.persons.size(); ++idx) {
      profillage = !extract.persons[idx].profillage.empty();
    }
    CsvFile out(base + "persons.csv");
    out.Header(Table("persons"), profillage ? "" : "profillage");
    for (const Person& person : extract.persons) {
      out.Plain(person.person_id);
      out.Plain(ToString(person.sex));
      out.Day(person.birth_date);
      out.Plain(ToString(person.nationality));
      out.Bool(person.severely_disabled);
      out.Plain(ToString(person.vocational_qualification));
      if (profillage) out.Text(person.profillage);
      out.EndRow();
    }
    AMIP_RETURN_IF_ERROR(out.Close());
  }
  {
    CsvFile out(base + "benefit_spells.csv");
    out.Header(Table("benefit_spells"));
    for (const BenefitSpell& spell : extract.benefit_spells) {
      out.Plain(PersonId(extract, spell.person));
      out.Plain(extract.jobcenters[static_cast<size_t>(spell.jc)].jc_id);
      out.Plain(extract.municipalities[static_cast<size_t>(spell.municipality)].ags);
      out.Plain(extract.bg_ids[static_cast<size_t>(spell.bg)]);
      out.Plain(ToString(spell.bg_role));
      out.Plain(ToString(spell.status));
      out.Bool(spell.single_parent);
      out.Day(spell.start);
      out.OptionalDay(spell.end);
      out.EndRow();
    }
    AMIP_RETURN_IF_ERROR(out.Close());
  }
  {
    CsvFile out(base + "claims.csv");
    out.Header(Table("claims"));
    for (const Claim& claim : extract.claims) {
      out.Plain(PersonId(extract, claim.person));
      out.MonthValue(claim.from);
      out.MonthValue(claim.to);
      out.Money(claim.llu);
      out.Money(claim.luh);
      out.EndRow();
    }
    AMIP_RETURN_IF_ERROR(out.Close());
  }
  {
    CsvFile out(base + "employment_spells.csv");
    out.Header(Table("employment_spells"));
    for (const EmploymentSpell& spell : extract.employment_spells) {
      out.Plain(PersonId(extract, spell.person));
      out.Plain(ToString(spell.kind));
      out.Plain(ToString(spell.subsidy));
      out.Day(spell.start);
      out.OptionalDay(spell.end);
      if (spell.hours_week) {
        out.Decimal(*spell.hours_week);
      } else {
        out.Empty();
      }
      if (spell.gross_month) {
        out.Money(*spell.gross_month);
      } else {
        out.Empty();
      }
      out.EndRow();
    }
    AMIP_RETURN_IF_ERROR(out.Close());
  }
  {
    CsvFile out(base + "measure_spells.csv");
    out.Header(Table("measure_spells"));
    for (const MeasureSpell& spell : extract.measure_spells) {
      out.Plain(PersonId(extract, spell.person));
      out.Text(spell.instrument);
      out.Day(spell.start);
      out.OptionalDay(spell.end);
      out.Money(spell.cost);
      out.Plain(ToString(spell.funding));
      out.EndRow();
    }
    AMIP_RETURN_IF_ERROR(out.Close());
  }
  {
    CsvFile out(base + "unemployment_spells.csv");
    out.Header(Table("unemployment_spells"));
    for (const UnemploymentSpell& spell : extract.unemployment_spells) {
      out.Plain(PersonId(extract, spell.person));
      out.Day(spell.start);
      out.OptionalDay(spell.end);
      out.EndRow();
    }
    AMIP_RETURN_IF_ERROR(out.Close());
  }
  if (!extract.bg_housing.empty()) {
    CsvFile out(base + "bg_housing.csv");
    out.Header(Table("bg_housing"));
    for (const BgHousing& housing : extract.bg_housing) {
      out.Plain(extract.bg_ids[static_cast<size_t>(housing.bg)]);
      out.MonthValue(housing.from);
      out.MonthValue(housing.to);
      out.Money(housing.rent_cold);
      out.Money(housing.heating);
      out.Decimal(housing.flat_size_sqm);
      out.EndRow();
    }
    AMIP_RETURN_IF_ERROR(out.Close());
  } else {
    AMIP_RETURN_IF_ERROR(RemoveStale(base + "bg_housing.csv"));
  }
  if (!extract.stichtage.empty()) {
    CsvFile out(base + "stichtage.csv");
    out.Header(Table("stichtage"));
    for (const Stichtag& stichtag : extract.stichtage) {
      out.MonthValue(stichtag.month);
      out.Day(stichtag.date);
      out.EndRow();
    }
    AMIP_RETURN_IF_ERROR(out.Close());
  } else {
    AMIP_RETURN_IF_ERROR(RemoveStale(base + "stichtage.csv"));
  }
  if (options.manifest) return WriteManifest(extract, dir, *options.manifest);
  return RemoveStale(base + std::string(kManifestFile));
}

}  // namespace amip::contract
