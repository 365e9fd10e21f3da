#include "ingest/extract_reader.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cstdio>
#include <cstring>
#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "contract/extract.h"
#include "contract/limits.h"
#include "core/ids.h"
#include "csv/reader.h"
#include "fileio/read_file.h"
#include "ingest/schema.h"

namespace amip::ingest {
namespace {

using contract::Extract;
using core::Cents;
using core::Date;
using core::Month;

constexpr size_t kMaxValueShown = 80;
constexpr int64_t kMaxDetailedErrors = 2000;
constexpr int32_t kOpenEnd = INT32_MAX;
// Unknown header columns warned about one by one; the rest are counted in one warning.
constexpr size_t kUnknownColumnsListed = 20;

size_t MaxContractColumns() {
  size_t most = 0;
  for (const FileSpec& spec : ContractFiles()) most = std::max(most, spec.columns.size());
  return most;
}

std::string Shown(std::string_view value) {
  if (value.size() <= kMaxValueShown) return std::string(value);
  return std::string(value.substr(0, kMaxValueShown)) + "...";
}

bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string IdReason(std::string_view text) {
  if (text.size() > 64) return "id longer than 64 characters";
  return "invalid id: 1-64 characters of A-Z a-z 0-9 _ . - required";
}

constexpr size_t kHeaderPrefix = 1 << 20;
// The largest contract file read: a national extract's largest file (claims.csv, 67.8 M rows)
// is a few GB of its 6.8 GB (docs/benchmarks.md); 32 GiB is well above and still bounded.
constexpr uint64_t kMaxContractFileBytes = uint64_t{32} << 30;

// Reads up to `limit` bytes of `path` into `out`; `complete` says whether that was all of it.
// Only regular files, at most kMaxContractFileBytes (fileio::ReadRegularFilePrefix): a FIFO or
// a device named like a contract file is refused by name, never read without end.
core::Status ReadFile(const std::string& path, uint64_t limit, std::string* out, bool* complete) {
  core::Result<std::string> read =
      fileio::ReadRegularFilePrefix(path, limit, kMaxContractFileBytes, complete);
  if (!read.ok()) return read.status();
  *out = std::move(read).value();
  return core::Status::Ok();
}

uint64_t Mix(uint64_t hash, uint64_t value) {
  hash = (hash ^ value) * 0x100000001b3ULL;
  return hash ^ (hash >> 29);
}

// A fast 64-bit content hash (FNV-style over 8-byte words); for change detection, not security.
uint64_t HashBytes(std::string_view bytes) {
  uint64_t hash = Mix(0xcbf29ce484222325ULL, bytes.size());
  size_t idx = 0;
  for (; idx + 8 <= bytes.size(); idx += 8) {
    uint64_t word;
    std::memcpy(&word, bytes.data() + idx, sizeof word);
    hash = Mix(hash, word);
  }
  for (; idx < bytes.size(); ++idx) hash = Mix(hash, static_cast<unsigned char>(bytes[idx]));
  return hash;
}

// Where a row came from: its physical line and byte offset in the file.
struct RowMeta {
  int64_t line = 0;
  uint64_t offset = 0;
};

// Where each accepted row of a table came from, kept compactly (12 bytes a row) until the
// cross-row checks are done, so that a late rejection can still quote the row unchanged.
struct RowRefs {
  std::vector<uint64_t> offsets;
  std::vector<uint32_t> lines;
  void Reserve(size_t rows) {
    offsets.reserve(rows);
    lines.reserve(rows);
  }
  void Add(RowMeta meta) {
    offsets.push_back(meta.offset);
    lines.push_back(static_cast<uint32_t>(meta.line));
  }
  RowMeta operator[](size_t row) const { return {lines[row], offsets[row]}; }
};

// Removes the rows flagged in `rejected`, keeping the order of the others.
template <typename T>
void Compact(std::vector<T>& rows, const std::vector<bool>& rejected) {
  size_t kept = 0;
  for (size_t idx = 0; idx < rows.size(); ++idx) {
    if (!rejected[idx]) rows[kept++] = std::move(rows[idx]);
  }
  rows.resize(kept);
}

// Heterogeneous lookup for maps with std::string keys.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

// One contract file while it is read.
struct Table {
  const FileSpec* spec = nullptr;
  const SourceFile* source = nullptr;
  std::string owned;         // the bytes when read from `source->path`, only while needed
  std::string_view content;  // the bytes being read
  bool present = false;
  uint64_t hash = 0;
  std::vector<int> field_of;  // spec column -> field index in the file, -1 if absent
  size_t field_count = 0;
  int64_t header_lines = 1;
  std::vector<RejectedRow> rejected;
  std::vector<core::Diagnostic> diagnostics;
  int64_t data_records = 0;
};

class Validator;

// The fields of one record, with typed parsers that record every problem.
class Row {
 public:
  Row(Validator& validator, Table& table, const csv::Record& record)
      : validator_(validator), table_(table), record_(record) {}

  bool ok() const { return reasons_.empty(); }
  std::string_view Get(int col) const {
    const int field = table_.field_of[col];
    return field < 0 ? std::string_view() : record_.fields[field];
  }
  bool Has(int col) const { return table_.field_of[col] >= 0; }
  RowMeta meta() const {
    return {record_.line, static_cast<uint64_t>(record_.raw.data() - table_.content.data())};
  }

  void Error(int col, std::string_view value, std::string reason);
  void RowError(std::string reason);
  void Finish();

  bool Required(int col, std::string_view* out) {
    *out = Get(col);
    if (out->empty()) {
      Error(col, *out, "value missing (required)");
      return false;
    }
    return true;
  }
  bool Id(int col, std::string_view* out) {
    if (!Required(col, out)) return false;
    if (!core::IsValidId(*out)) {
      Error(col, *out, IdReason(*out));
      return false;
    }
    return true;
  }
  bool Text(int col, std::string_view* out) { return Required(col, out); }
  // A required value parsed by `parse`; its error message becomes the reason.
  template <typename T>
  bool Typed(int col, core::Result<T> (*parse)(std::string_view), T* out) {
    std::string_view text;
    if (!Required(col, &text)) return false;
    core::Result<T> value = parse(text);
    if (!value.ok()) {
      Error(col, text, value.status().message());
      return false;
    }
    *out = *value;
    return true;
  }
  bool DateField(int col, Date* out) { return Typed(col, &Date::Parse, out); }
  // An empty field is nullopt; otherwise `required` parses it.
  template <typename T>
  bool Optional(int col, bool (Row::*required)(int, T*), std::optional<T>* out) {
    out->reset();
    if (Get(col).empty()) return true;
    T value;
    if (!(this->*required)(col, &value)) return false;
    *out = value;
    return true;
  }
  bool OptionalDate(int col, std::optional<Date>* out) {
    return Optional(col, &Row::DateField, out);
  }
  bool MonthField(int col, Month* out) { return Typed(col, &Month::Parse, out); }
  // Money rule of the contract: euros, '.' decimal point, at most 2 decimals, not negative,
  // at most contract::kMaxAmountPerRow.
  bool Money(int col, Cents* out) {
    Cents cents;
    if (!Typed(col, &Cents::Parse, &cents)) return false;
    if (cents.value() < 0) {
      Error(col, Get(col), "negative amount not allowed");
      return false;
    }
    if (cents > contract::kMaxAmountPerRow) {
      Error(col, Get(col),
            "Betrag über der Obergrenze von " + contract::kMaxAmountPerRow.ToString() +
                " € je Zeile (technische Grenze des Datenvertrags, damit Summen nicht "
                "überlaufen)");
      return false;
    }
    *out = cents;
    return true;
  }
  bool OptionalMoney(int col, std::optional<Cents>* out) { return Optional(col, &Row::Money, out); }
  bool Bool(int col, bool optional, bool* out) {
    const std::string_view text = Get(col);
    if (text.empty() && optional) {
      *out = false;
      return true;
    }
    if (text == "0" || text == "1") {
      *out = text == "1";
      return true;
    }
    Error(col, text, text.empty() ? "value missing (required)" : "boolean must be 0 or 1");
    return false;
  }
  bool Integer(int col, int64_t* out) {
    std::string_view text;
    if (!Required(col, &text)) return false;
    if (!AllDigits(text) || text.size() > 15) {
      Error(col, text, "expected a non-negative whole number");
      return false;
    }
    std::from_chars(text.data(), text.data() + text.size(), *out);
    return true;
  }
  // Plain decimal number "12" or "12.5" within [min, max]; empty = nullopt.
  bool OptionalNumber(int col, double min, double max, std::optional<double>* out) {
    const std::string_view text = Get(col);
    if (text.empty()) {
      out->reset();
      return true;
    }
    const size_t dot = text.find('.');
    const bool well_formed =
        dot == std::string_view::npos
            ? AllDigits(text)
            : AllDigits(text.substr(0, dot)) && AllDigits(text.substr(dot + 1));
    double value = 0;
    if (!well_formed || text.size() > 20 ||
        std::from_chars(text.data(), text.data() + text.size(), value).ec != std::errc()) {
      Error(col, text, "expected a number like 38.5");
      return false;
    }
    if (value < min || value > max) {
      Error(col, text,
            "number out of range " + std::to_string(static_cast<int64_t>(min)) + ".." +
                std::to_string(static_cast<int64_t>(max)));
      return false;
    }
    *out = value;
    return true;
  }
  template <typename Enum>
  bool Code(int col, core::Result<Enum> (*parse)(std::string_view), bool optional, Enum* out) {
    const std::string_view text = Get(col);
    if (!optional) return Typed(col, parse, out);
    core::Result<Enum> value = parse(text);
    if (!value.ok()) {
      Error(col, text, value.status().message());
      return false;
    }
    *out = *value;
    return true;
  }
  bool DateOrder(int start_col, int end_col, Date start, const std::optional<Date>& end) {
    if (end.has_value() && *end < start) {
      Error(end_col, Get(end_col),
            "end before start (" + std::string(Get(start_col)) + "); bounds are inclusive days");
      return false;
    }
    return true;
  }

 private:
  Validator& validator_;
  Table& table_;
  const csv::Record& record_;
  std::vector<std::string> columns_;
  std::vector<std::string> reasons_;
};

struct Interval {
  int32_t owner;  // person or BG index
  int32_t begin;  // days or month index
  int32_t end;    // inclusive; kOpenEnd = open
};

// Each row that overlaps an earlier row of the same owner, with the row it overlaps.
// `interval(row)` gives the row's Interval. Rows are visited in (owner, begin, row) order;
// input that is already in that order (as generated extracts are) is not sorted again.
// Sorts row numbers into (owner, begin, row) order; input already in that order (as generated
// extracts are) is only checked.
template <typename IntervalOf>
void SortByOwnerAndBegin(std::vector<uint32_t>& order, IntervalOf interval) {
  const auto before = [&](uint32_t a, uint32_t b) {
    const Interval left = interval(a);
    const Interval right = interval(b);
    if (left.owner != right.owner) return left.owner < right.owner;
    if (left.begin != right.begin) return left.begin < right.begin;
    return a < b;
  };
  if (!std::is_sorted(order.begin(), order.end(), before)) {
    std::sort(order.begin(), order.end(), before);
  }
}

template <typename IntervalOf>
std::vector<std::pair<size_t, size_t>> FindOverlaps(size_t rows, IntervalOf interval) {
  std::vector<uint32_t> order(rows);
  for (size_t idx = 0; idx < rows; ++idx) order[idx] = static_cast<uint32_t>(idx);
  SortByOwnerAndBegin(order, interval);
  std::vector<std::pair<size_t, size_t>> overlaps;
  bool have_kept = false;
  uint32_t kept = 0;  // the kept row with the latest end of the current owner
  Interval kept_interval{0, 0, 0};
  for (const uint32_t row : order) {
    const Interval current = interval(row);
    if (have_kept && kept_interval.owner == current.owner &&
        current.begin <= kept_interval.end) {
      overlaps.emplace_back(row, kept);
      continue;
    }
    if (!have_kept || kept_interval.owner != current.owner || current.end > kept_interval.end) {
      have_kept = true;
      kept = row;
      kept_interval = current;
    }
  }
  return overlaps;
}

std::string SpanText(int32_t begin, int32_t end, bool months) {
  auto text = [months](int32_t value) {
    return months ? Month::FromIndex(value).ToString() : Date::FromDays(value).ToString();
  };
  return text(begin) + ".." + (end == kOpenEnd ? std::string("(open)") : text(end));
}

class Validator {
 public:
  Validator(const std::vector<SourceFile>& files, const contract::InstrumentCatalogue& catalogue)
      : files_(files), catalogue_(catalogue) {}

  ReadResult Run();

  void AddDiagnostic(Table& table, core::Diagnostic diagnostic) {
    if (diagnostic.severity == core::Severity::kError) {
      if (++errors_seen_ > kMaxDetailedErrors) return;
    }
    table.diagnostics.push_back(std::move(diagnostic));
  }
  // An error of the file as a whole (missing, unreadable, bad header, no rows): nothing of the
  // extract can be loaded, also not with quarantine. Kept apart for the summary.
  void FileError(Table& table, core::Diagnostic diagnostic) {
    file_errors_.push_back(diagnostic);
    table.diagnostics.push_back(std::move(diagnostic));
  }
  // Rejects an already accepted row after a cross-row check; quotes it from the file.
  void Reject(Table& table, RowMeta meta, const std::string& column, std::string_view value,
              std::string reason) {
    AddDiagnostic(table, {core::Severity::kError, std::string(table.spec->name), meta.line, column,
                          Shown(value), reason});
    csv::Reader reader(table.content.substr(meta.offset));
    csv::Record record;
    csv::RecordError error;
    reader.Read(&record, &error);
    table.rejected.push_back(RejectedRow{std::string(table.spec->name), meta.line,
                                         std::string(record.raw), {column}, {std::move(reason)}});
  }

 private:
  bool OpenTables();
  bool OpenTable(Table& table);
  template <typename Fn>
  void ForEachRow(Table& table, Fn&& parse_row);
  size_t EstimateRows(const Table& table) const {
    return static_cast<size_t>(std::count(table.content.begin(), table.content.end(), '\n')) + 1;
  }
  core::PersonIdx PersonRef(Row& row, int col);
  // Rejects each row that overlaps an earlier row of the same owner. `interval_of` maps
  // a row to {owner, begin, end, 0}; `months` says whether begin/end are months or days.
  template <typename T, typename IntervalOf>
  std::vector<bool> RejectOverlaps(Table& table, const std::vector<T>& rows, const RowRefs& refs,
                                   IntervalOf interval_of, const char* column,
                                   const std::string& what, bool months);
  // The rules of one Bedarfsgemeinschaft over its members' spells (docs/data-contract.md):
  // at most one `head` at a time, and one municipality at a time. Rejects the spell that
  // starts later, naming the one it conflicts with; skips and updates `rejected`.
  void RejectBgConflicts(Table& table, const std::vector<contract::BenefitSpell>& spells,
                         const RowRefs& refs, std::vector<bool>& rejected);
  bool LoadContent(Table& table);
  static std::string file_name(const Table& table) { return std::string(table.spec->name); }
  void ReleaseContent(Table& table);

  // Dispatches to the reader of contract file number `idx` (ContractFiles() order).
  void ReadTable(size_t idx, Table& table);
  void ReadJobcenters(Table& table);
  void ReadMunicipalities(Table& table);
  void ReadPersons(Table& table);
  void ReadBenefitSpells(Table& table);
  void ReadClaims(Table& table);
  void ReadEmploymentSpells(Table& table);
  void ReadMeasureSpells(Table& table);
  void ReadUnemploymentSpells(Table& table);
  void ReadBgHousing(Table& table);
  void ReadStichtage(Table& table);

  const std::vector<SourceFile>& files_;
  const contract::InstrumentCatalogue& catalogue_;
  std::vector<Table> tables_;
  std::vector<core::Diagnostic> general_;  // not tied to one contract file
  std::vector<core::Diagnostic> file_errors_;  // copies of the file-level errors
  int64_t errors_seen_ = 0;
  Extract extract_;
  // Keys outlive the file contents (released file by file): own strings, or views of
  // extract_.persons[].person_id, whose vector is reserved once and never reallocates.
  StringMap<core::JcIdx> jc_index_;
  StringMap<core::MunicipalityIdx> municipality_index_;
  std::unordered_map<std::string_view, core::PersonIdx> person_index_;
  StringMap<core::BgIdx> bg_index_;
  // Coverage of accepted benefit spells in months, per person (CSR: begin offsets).
  std::vector<size_t> coverage_begin_;
  std::vector<std::pair<int32_t, int32_t>> coverage_;
};

void Row::Error(int col, std::string_view value, std::string reason) {
  const std::string column(table_.spec->columns[col].name);
  const int field = table_.field_of[col];
  // The diagnostic names the record's first line, as the quarantine file does; a field that
  // starts on a later line of a multi-line record says so in the reason.
  const int64_t field_line =
      field < 0 ? record_.line : csv::FieldPosition(record_, static_cast<size_t>(field)).line;
  if (field_line != record_.line) {
    reason += " (das Feld beginnt in Zeile " + std::to_string(field_line) + ")";
  }
  validator_.AddDiagnostic(table_, {core::Severity::kError, std::string(table_.spec->name),
                                    record_.line, column, Shown(value), reason});
  columns_.push_back(column);
  reasons_.push_back(std::move(reason));
}

void Row::RowError(std::string reason) {
  validator_.AddDiagnostic(table_, {core::Severity::kError, std::string(table_.spec->name),
                                    record_.line, "", "", reason});
  columns_.emplace_back();
  reasons_.push_back(std::move(reason));
}

void Row::Finish() {
  if (ok()) return;
  table_.rejected.push_back(RejectedRow{std::string(table_.spec->name), record_.line,
                                        std::string(record_.raw), std::move(columns_),
                                        std::move(reasons_)});
}

bool Validator::OpenTable(Table& table) {
  const std::string file(table.spec->name);
  auto fatal = [&](int64_t line, std::string column, std::string value, std::string reason) {
    FileError(table, {core::Severity::kError, file, line, std::move(column), std::move(value),
                      std::move(reason)});
    return false;
  };
  if (!table.present) {
    if (table.spec->required) return fatal(0, "", "", "required file missing");
    return true;
  }
  csv::Reader reader(table.content);
  csv::Record header;
  csv::RecordError error;
  const csv::ReadStatus status = reader.Read(&header, &error);
  if (status == csv::ReadStatus::kEnd) return fatal(0, "", "", "empty file: the header is missing");
  if (status == csv::ReadStatus::kError) {
    return fatal(error.position.line, "", "",
                 "header: " + error.reason + " (column " + std::to_string(error.position.column) +
                     ")");
  }
  table.header_lines = 1;
  for (const char c : header.raw) table.header_lines += c == '\n' ? 1 : 0;
  table.field_count = header.fields.size();
  table.field_of.assign(table.spec->columns.size(), -1);
  if (header.fields.size() > kMaxHeaderColumns) {
    const std::string count = std::to_string(header.fields.size());
    return fatal(1, "", count,
                 "die Kopfzeile hat " + count + " Spalten; erlaubt sind höchstens " +
                     std::to_string(kMaxHeaderColumns) + " (der Datenvertrag hat höchstens " +
                     std::to_string(MaxContractColumns()) + " je Datei)");
  }
  bool ok = true;
  // Unknown names seen so far: a repeated one is a duplicate column (linear in the header).
  std::unordered_set<std::string_view> unknown;
  int64_t unknown_not_listed = 0;
  for (size_t field = 0; field < header.fields.size(); ++field) {
    const std::string_view name = header.fields[field];
    int col = -1;
    for (size_t idx = 0; idx < table.spec->columns.size(); ++idx) {
      if (table.spec->columns[idx].name == name) col = static_cast<int>(idx);
    }
    if (col < 0) {
      if (!unknown.insert(name).second) {
        ok = fatal(1, Shown(name), Shown(name), "duplicate column in the header");
      } else if (unknown.size() <= kUnknownColumnsListed) {
        table.diagnostics.push_back({core::Severity::kWarning, file, 1, Shown(name), Shown(name),
                                     "unknown column ignored"});
      } else {
        ++unknown_not_listed;
      }
      continue;
    }
    if (table.field_of[col] >= 0) {
      ok = fatal(1, std::string(name), std::string(name), "duplicate column in the header");
      continue;
    }
    table.field_of[col] = static_cast<int>(field);
  }
  if (unknown_not_listed > 0) {
    table.diagnostics.push_back({core::Severity::kWarning, file, 1, "", "",
                                 std::to_string(unknown_not_listed) +
                                     " weitere unbekannte Spalten ignoriert"});
  }
  for (size_t idx = 0; idx < table.spec->columns.size(); ++idx) {
    if (table.spec->columns[idx].required && table.field_of[idx] < 0) {
      ok = fatal(1, std::string(table.spec->columns[idx].name), "",
                 "required column missing from the header");
    }
  }
  return ok;
}

bool Validator::OpenTables() {
  bool ok = true;
  for (const FileSpec& spec : ContractFiles()) {
    Table table;
    table.spec = &spec;
    for (const SourceFile& file : files_) {
      if (file.name == spec.name) {
        table.present = true;
        table.source = &file;
        table.content = file.content;
      }
    }
    if (table.present && !table.source->path.empty()) {
      // Only the header is needed now: read a prefix, cut at its last line end (the whole file
      // when the prefix holds no line end).
      bool complete = false;
      core::Status read = ReadFile(table.source->path, kHeaderPrefix, &table.owned, &complete);
      const size_t newline = read.ok() && !complete ? table.owned.rfind('\n') : 0;
      if (read.ok() && !complete && newline == std::string::npos) {
        read = ReadFile(table.source->path, kMaxContractFileBytes, &table.owned, &complete);
      } else if (read.ok() && !complete) {
        table.owned.resize(newline + 1);
      }
      if (!read.ok()) {
        ok = false;
        FileError(table, {core::Severity::kError, file_name(table), 0, "", "",
                          "cannot read the file: " + read.message()});
        tables_.push_back(std::move(table));
        continue;
      }
      table.content = table.owned;
    }
    ok = OpenTable(table) && ok;
    ReleaseContent(table);
    tables_.push_back(std::move(table));
  }
  for (const SourceFile& file : files_) {
    if (FindFileSpec(file.name) == nullptr) {
      general_.push_back({core::Severity::kWarning, file.name, 0, "", "",
                          "file is not part of the data contract; ignored"});
    }
  }
  return ok;
}

bool Validator::LoadContent(Table& table) {
  if (!table.present) return true;
  if (!table.source->path.empty()) {
    bool complete = false;
    const core::Status read =
        ReadFile(table.source->path, kMaxContractFileBytes, &table.owned, &complete);
    if (!read.ok()) {
      FileError(table, {core::Severity::kError, file_name(table), 0, "", "",
                        "cannot read the file: " + read.message()});
      return false;
    }
    table.content = table.owned;
  } else {
    table.content = table.source->content;
  }
  table.hash = HashBytes(table.content);
  return true;
}

void Validator::ReleaseContent(Table& table) {
  table.content = {};
  std::string().swap(table.owned);
}

template <typename Fn>
void Validator::ForEachRow(Table& table, Fn&& parse_row) {
  if (!table.present) return;
  csv::Reader reader(table.content);
  csv::Record record;
  csv::RecordError error;
  bool header = true;
  while (true) {
    const csv::ReadStatus status = reader.Read(&record, &error);
    if (status == csv::ReadStatus::kEnd) break;
    if (header) {
      header = false;
      continue;
    }
    ++table.data_records;
    if (status == csv::ReadStatus::kError) {
      std::string column;
      if (error.field_index < table.field_count) {
        for (size_t idx = 0; idx < table.field_of.size(); ++idx) {
          if (table.field_of[idx] == static_cast<int>(error.field_index)) {
            column = std::string(table.spec->columns[idx].name);
          }
        }
      }
      // Named by the record's first line, as in the quarantine file; the position of the
      // syntax error itself is in the reason.
      std::string reason =
          error.reason + (error.position.line == record.line
                              ? " (column " + std::to_string(error.position.column) + ")"
                              : " (Zeile " + std::to_string(error.position.line) + ", Spalte " +
                                    std::to_string(error.position.column) + ")");
      AddDiagnostic(table, {core::Severity::kError, std::string(table.spec->name), record.line,
                            column, "", reason});
      table.rejected.push_back(RejectedRow{std::string(table.spec->name), record.line,
                                           std::string(record.raw), {column}, {reason}});
      continue;
    }
    Row row(*this, table, record);
    if (record.fields.size() == 1 && record.raw.empty()) {
      row.RowError("empty line");
    } else if (record.fields.size() != table.field_count) {
      row.RowError("expected " + std::to_string(table.field_count) +
                   " fields as in the header, found " + std::to_string(record.fields.size()));
    } else {
      parse_row(row);
    }
    row.Finish();
  }
  if (table.spec->rows_required && table.data_records == 0) {
    FileError(table, {core::Severity::kError, std::string(table.spec->name), 0, "", "",
                      "no data rows; this file must have at least one row"});
  }
}

core::PersonIdx Validator::PersonRef(Row& row, int col) {
  std::string_view id;
  if (!row.Id(col, &id)) return core::kNoIdx;
  const auto found = person_index_.find(id);
  if (found == person_index_.end()) {
    row.Error(col, id, "unknown person_id: not in persons.csv (or its row there was rejected)");
    return core::kNoIdx;
  }
  return found->second;
}

template <typename T, typename IntervalOf>
std::vector<bool> Validator::RejectOverlaps(Table& table, const std::vector<T>& rows,
                                            const RowRefs& refs, IntervalOf interval_of,
                                            const char* column, const std::string& what,
                                            bool months) {
  std::vector<bool> rejected(rows.size(), false);
  const auto interval = [&](size_t row) { return interval_of(rows[row]); };
  for (const auto& [row, other] : FindOverlaps(rows.size(), interval)) {
    rejected[row] = true;
    const Interval current = interval(row);
    const Interval earlier = interval(other);
    Reject(table, refs[row], column, SpanText(current.begin, current.end, months),
           what + " must not overlap: overlaps line " + std::to_string(refs[other].line) + " (" +
               SpanText(earlier.begin, earlier.end, months) + ")");
  }
  return rejected;
}

void Validator::RejectBgConflicts(Table& table, const std::vector<contract::BenefitSpell>& spells,
                                  const RowRefs& refs, std::vector<bool>& rejected) {
  const auto interval = [&](uint32_t row) {
    const contract::BenefitSpell& spell = spells[row];
    return Interval{spell.bg, spell.start.days(),
                    spell.end.has_value() ? spell.end->days() : kOpenEnd};
  };
  const auto other_text = [&](uint32_t row) {
    const Interval other = interval(row);
    return "Zeile " + std::to_string(refs[row].line) + " (" +
           extract_.persons[spells[row].person].person_id + ", " +
           SpanText(other.begin, other.end, false) + ")";
  };
  std::vector<uint32_t> heads;
  for (size_t row = 0; row < spells.size(); ++row) {
    if (!rejected[row] && spells[row].bg_role == contract::BgRole::kHead) {
      heads.push_back(static_cast<uint32_t>(row));
    }
  }
  for (const auto& [head, other] :
       FindOverlaps(heads.size(), [&](size_t idx) { return interval(heads[idx]); })) {
    const uint32_t row = heads[head];
    rejected[row] = true;
    Reject(table, refs[row], "bg_role", "head",
           "die Bedarfsgemeinschaft " + extract_.bg_ids[spells[row].bg] +
               " hat schon eine Person mit bg_role head: " + other_text(heads[other]) +
               "; höchstens eine zu jeder Zeit");
  }
  // Rows in (bg, start) order; `active` is the row with the latest end among the BG's rows
  // so far that still reach the current start. All of them lie in one municipality, since a
  // row in another municipality overlapping them is rejected.
  std::vector<uint32_t> order;
  for (size_t row = 0; row < spells.size(); ++row) {
    if (!rejected[row]) order.push_back(static_cast<uint32_t>(row));
  }
  SortByOwnerAndBegin(order, interval);
  bool have_active = false;
  uint32_t active = 0;
  for (const uint32_t row : order) {
    const Interval current = interval(row);
    const Interval reach = have_active ? interval(active) : Interval{-1, 0, 0};
    if (have_active && reach.owner == current.owner && current.begin <= reach.end) {
      if (spells[row].municipality != spells[active].municipality) {
        rejected[row] = true;
        Reject(table, refs[row], "municipality",
               extract_.municipalities[spells[row].municipality].ags,
               "die Bedarfsgemeinschaft " + extract_.bg_ids[spells[row].bg] +
                   " ist zur selben Zeit in der Gemeinde " +
                   extract_.municipalities[spells[active].municipality].ags + ": " +
                   other_text(active) + "; eine Bedarfsgemeinschaft wohnt zu jeder Zeit in einer "
                   "Gemeinde");
      } else if (current.end > reach.end) {
        active = row;
      }
      continue;
    }
    have_active = true;
    active = row;
  }
}

void Validator::ReadJobcenters(Table& table) {
  std::unordered_map<std::string_view, int64_t> first_line;
  ForEachRow(table, [&](Row& row) {
    std::string_view jc_id, name;
    contract::JcKind kind = contract::JcKind::kGe;
    row.Id(0, &jc_id);
    row.Text(1, &name);
    row.Code(2, &contract::ParseJcKind, false, &kind);
    if (!row.ok()) return;
    const auto [it, inserted] = first_line.emplace(jc_id, row.meta().line);
    if (!inserted) {
      row.Error(0, jc_id, "duplicate jc_id (first at line " + std::to_string(it->second) + ")");
      return;
    }
    jc_index_.emplace(std::string(jc_id), static_cast<core::JcIdx>(extract_.jobcenters.size()));
    extract_.jobcenters.push_back({std::string(jc_id), std::string(name), kind});
  });
}

void Validator::ReadMunicipalities(Table& table) {
  std::unordered_map<std::string_view, int64_t> first_line;
  ForEachRow(table, [&](Row& row) {
    std::string_view ags, name, jc_id;
    int64_t population = 0;
    if (row.Required(0, &ags) && (ags.size() != 8 || !AllDigits(ags))) {
      row.Error(0, ags, "AGS must be exactly 8 digits");
    }
    row.Text(1, &name);
    core::JcIdx jc = core::kNoIdx;
    if (row.Id(2, &jc_id)) {
      const auto found = jc_index_.find(jc_id);
      if (found == jc_index_.end()) {
        row.Error(2, jc_id, "unknown jc_id: not in jobcenters.csv");
      } else {
        jc = found->second;
      }
    }
    row.Integer(3, &population);
    if (!row.ok()) return;
    const auto [it, inserted] = first_line.emplace(ags, row.meta().line);
    if (!inserted) {
      row.Error(0, ags, "duplicate ags (first at line " + std::to_string(it->second) + ")");
      return;
    }
    municipality_index_.emplace(
        std::string(ags), static_cast<core::MunicipalityIdx>(extract_.municipalities.size()));
    extract_.municipalities.push_back({std::string(ags), std::string(name), jc, population});
  });
}

void Validator::ReadPersons(Table& table) {
  const size_t estimate = EstimateRows(table);
  person_index_.reserve(estimate);
  extract_.persons.reserve(estimate);
  std::vector<int64_t> lines;
  lines.reserve(estimate);
  ForEachRow(table, [&](Row& row) {
    std::string_view person_id, profillage;
    contract::Person person;
    row.Id(0, &person_id);
    row.Code(1, &contract::ParseSex, false, &person.sex);
    row.DateField(2, &person.birth_date);
    row.Code(3, &contract::ParseNationality, true, &person.nationality);
    row.Bool(4, true, &person.severely_disabled);
    row.Code(5, &contract::ParseQualification, true, &person.vocational_qualification);
    profillage = row.Get(6);
    if (!row.ok()) return;
    const auto found = person_index_.find(person_id);
    if (found != person_index_.end()) {
      row.Error(0, person_id,
                "duplicate person_id (first at line " + std::to_string(lines[found->second]) + ")");
      return;
    }
    person.person_id = std::string(person_id);
    person.profillage = std::string(profillage);
    AMIP_ASSERT(extract_.persons.size() < extract_.persons.capacity(),
                "persons must not reallocate: person_index_ views their ids");
    extract_.persons.push_back(std::move(person));
    person_index_.emplace(extract_.persons.back().person_id,
                          static_cast<core::PersonIdx>(extract_.persons.size() - 1));
    lines.push_back(row.meta().line);
  });
}

void Validator::ReadBenefitSpells(Table& table) {
  std::vector<contract::BenefitSpell>& spells = extract_.benefit_spells;
  RowRefs refs;
  spells.reserve(EstimateRows(table));
  refs.Reserve(spells.capacity());
  ForEachRow(table, [&](Row& row) {
    contract::BenefitSpell spell;
    std::string_view bg_id;
    spell.person = PersonRef(row, 0);
    std::string_view jc_id, ags;
    if (row.Id(1, &jc_id)) {
      const auto found = jc_index_.find(jc_id);
      if (found == jc_index_.end()) {
        row.Error(1, jc_id, "unknown jc_id: not in jobcenters.csv");
      } else {
        spell.jc = found->second;
      }
    }
    if (row.Required(2, &ags)) {
      const auto found = municipality_index_.find(ags);
      if (found == municipality_index_.end()) {
        row.Error(2, ags, "unknown municipality: AGS not in municipalities.csv");
      } else {
        spell.municipality = found->second;
      }
    }
    if (spell.jc != core::kNoIdx && spell.municipality != core::kNoIdx) {
      // One Jobcenter per place: the spell's Jobcenter is its municipality's, so that the
      // Jobcenter and municipality views of the data count the same persons.
      const core::JcIdx responsible = extract_.municipalities[spell.municipality].jc;
      if (responsible != spell.jc) {
        row.Error(1, jc_id,
                  "die Gemeinde " + std::string(ags) +
                      " gehört laut municipalities.csv zum Jobcenter " +
                      extract_.jobcenters[responsible].jc_id);
      }
    }
    row.Id(3, &bg_id);
    row.Code(4, &contract::ParseBgRole, false, &spell.bg_role);
    row.Code(5, &contract::ParseBenefitStatus, false, &spell.status);
    row.Bool(6, false, &spell.single_parent);
    const bool dates_ok = row.DateField(7, &spell.start) && row.OptionalDate(8, &spell.end);
    if (dates_ok) row.DateOrder(7, 8, spell.start, spell.end);
    if (!row.ok()) return;
    auto found = bg_index_.find(bg_id);
    if (found == bg_index_.end()) {
      found = bg_index_.emplace(std::string(bg_id), static_cast<core::BgIdx>(extract_.bg_ids.size()))
                  .first;
      extract_.bg_ids.emplace_back(bg_id);
    }
    spell.bg = found->second;
    spells.push_back(spell);
    refs.Add(row.meta());
  });
  std::vector<bool> rejected = RejectOverlaps(
      table, spells, refs,
      [](const contract::BenefitSpell& spell) {
        return Interval{spell.person, spell.start.days(),
                        spell.end.has_value() ? spell.end->days() : kOpenEnd};
      },
      "start", "benefit spells of one person", false);
  RejectBgConflicts(table, spells, refs, rejected);
  Compact(spells, rejected);
  // A BG all of whose spells were rejected is dropped (bg_housing must name a BG with an
  // accepted spell).
  std::vector<core::BgIdx> renumber(extract_.bg_ids.size(), core::kNoIdx);
  for (const contract::BenefitSpell& spell : spells) renumber[spell.bg] = 0;
  if (std::count(renumber.begin(), renumber.end(), 0) != static_cast<std::ptrdiff_t>(renumber.size())) {
    std::vector<std::string> kept;
    bg_index_.clear();
    for (size_t bg = 0; bg < renumber.size(); ++bg) {
      if (renumber[bg] == core::kNoIdx) continue;
      renumber[bg] = static_cast<core::BgIdx>(kept.size());
      bg_index_.emplace(extract_.bg_ids[bg], renumber[bg]);
      kept.push_back(std::move(extract_.bg_ids[bg]));
    }
    extract_.bg_ids = std::move(kept);
    for (contract::BenefitSpell& spell : spells) spell.bg = renumber[spell.bg];
  }
  // Month coverage per person, merged, for the claims rule.
  std::vector<Interval> months;
  months.reserve(spells.size());
  for (const contract::BenefitSpell& spell : spells) {
    months.push_back({spell.person, spell.start.ToMonth().index(),
                      spell.end.has_value() ? spell.end->ToMonth().index() : kOpenEnd});
  }
  const auto month_order = [](const Interval& a, const Interval& b) {
    return a.owner != b.owner ? a.owner < b.owner : a.begin < b.begin;
  };
  if (!std::is_sorted(months.begin(), months.end(), month_order)) {
    std::sort(months.begin(), months.end(), month_order);
  }
  coverage_begin_.assign(extract_.persons.size() + 1, 0);
  coverage_.clear();
  size_t cursor = 0;
  for (size_t person = 0; person < extract_.persons.size(); ++person) {
    coverage_begin_[person] = coverage_.size();
    while (cursor < months.size() && months[cursor].owner == static_cast<int32_t>(person)) {
      const Interval& current = months[cursor++];
      if (coverage_.size() > coverage_begin_[person] &&
          (coverage_.back().second == kOpenEnd || current.begin <= coverage_.back().second + 1)) {
        coverage_.back().second = std::max(coverage_.back().second, current.end);
      } else {
        coverage_.emplace_back(current.begin, current.end);
      }
    }
  }
  coverage_begin_[extract_.persons.size()] = coverage_.size();
}

void Validator::ReadClaims(Table& table) {
  std::vector<contract::Claim>& claims = extract_.claims;
  RowRefs refs;
  claims.reserve(EstimateRows(table));
  refs.Reserve(claims.capacity());
  ForEachRow(table, [&](Row& row) {
    contract::Claim claim;
    claim.person = PersonRef(row, 0);
    const bool months_ok = row.MonthField(1, &claim.from) && row.MonthField(2, &claim.to);
    if (months_ok && claim.to < claim.from) {
      row.Error(2, row.Get(2), "to before from (" + std::string(row.Get(1)) + ")");
    }
    row.Money(3, &claim.llu);
    row.Money(4, &claim.luh);
    if (!row.ok()) return;
    claims.push_back(claim);
    refs.Add(row.meta());
  });
  std::vector<bool> rejected = RejectOverlaps(
      table, claims, refs,
      [](const contract::Claim& claim) {
        return Interval{claim.person, claim.from.index(), claim.to.index()};
      },
      "from", "claim rows of one person", true);
  for (size_t idx = 0; idx < claims.size(); ++idx) {
    if (rejected[idx]) continue;
    const contract::Claim& claim = claims[idx];
    // The claim months must lie inside one merged interval of benefit-spell months.
    const size_t begin = coverage_begin_[claim.person];
    const size_t end = coverage_begin_[claim.person + 1];
    auto it = std::upper_bound(
        coverage_.begin() + static_cast<std::ptrdiff_t>(begin),
        coverage_.begin() + static_cast<std::ptrdiff_t>(end), claim.from.index(),
        [](int32_t value, const std::pair<int32_t, int32_t>& span) { return value < span.first; });
    int32_t uncovered = claim.from.index();
    bool covered = false;
    if (it != coverage_.begin() + static_cast<std::ptrdiff_t>(begin)) {
      const auto& span = *(it - 1);
      if (span.second >= claim.to.index()) {
        covered = true;
      } else if (span.second >= claim.from.index()) {
        uncovered = span.second + 1;
      }
    }
    if (!covered) {
      rejected[idx] = true;
      Reject(table, refs[idx], "from", claim.from.ToString(),
             "claim outside benefit spells: the person has no benefit spell in month " +
                 Month::FromIndex(uncovered).ToString());
    }
  }
  Compact(claims, rejected);
}

void Validator::ReadEmploymentSpells(Table& table) {
  extract_.employment_spells.reserve(EstimateRows(table));
  ForEachRow(table, [&](Row& row) {
    contract::EmploymentSpell spell;
    spell.person = PersonRef(row, 0);
    row.Code(1, &contract::ParseEmploymentKind, false, &spell.kind);
    row.Code(2, &contract::ParseSubsidy, false, &spell.subsidy);
    const bool dates_ok = row.DateField(3, &spell.start) && row.OptionalDate(4, &spell.end);
    if (dates_ok) row.DateOrder(3, 4, spell.start, spell.end);
    row.OptionalNumber(5, 0, 168, &spell.hours_week);
    row.OptionalMoney(6, &spell.gross_month);
    if (row.ok()) extract_.employment_spells.push_back(spell);
  });
}

void Validator::ReadMeasureSpells(Table& table) {
  extract_.measure_spells.reserve(EstimateRows(table));
  struct Outside {
    int64_t rows = 0;
    int64_t first_line = 0;
  };
  std::vector<std::pair<const contract::Instrument*, Outside>> outside;
  ForEachRow(table, [&](Row& row) {
    contract::MeasureSpell spell;
    spell.person = PersonRef(row, 0);
    std::string_view code;
    const contract::Instrument* instrument = nullptr;
    if (row.Required(1, &code)) {
      instrument = catalogue_.Find(code);
      if (instrument == nullptr) {
        row.Error(1, code, "unknown instrument code; allowed: " + catalogue_.CodeList());
      }
    }
    const bool dates_ok = row.DateField(2, &spell.start) && row.OptionalDate(3, &spell.end);
    if (dates_ok) row.DateOrder(2, 3, spell.start, spell.end);
    row.Money(4, &spell.cost);
    row.Code(5, &contract::ParseFunding, false, &spell.funding);
    if (!row.ok()) return;
    if (!instrument->IsValidOn(spell.start)) {
      auto it = std::find_if(outside.begin(), outside.end(),
                             [&](const auto& entry) { return entry.first == instrument; });
      if (it == outside.end()) {
        outside.push_back({instrument, Outside{0, row.meta().line}});
        it = outside.end() - 1;
      }
      ++it->second.rows;
    }
    spell.instrument = std::string(code);
    extract_.measure_spells.push_back(std::move(spell));
  });
  for (const auto& [instrument, count] : outside) {
    std::string period = instrument->valid_from.ToString() + "..";
    if (instrument->valid_to.has_value()) period += instrument->valid_to->ToString();
    table.diagnostics.push_back(
        {core::Severity::kWarning, std::string(table.spec->name), count.first_line, "instrument",
         instrument->code,
         std::to_string(count.rows) + " row(s) start outside the validity of the instrument (" +
             period + ")"});
  }
}

void Validator::ReadUnemploymentSpells(Table& table) {
  ForEachRow(table, [&](Row& row) {
    contract::UnemploymentSpell spell;
    spell.person = PersonRef(row, 0);
    const bool dates_ok = row.DateField(1, &spell.start) && row.OptionalDate(2, &spell.end);
    if (dates_ok) row.DateOrder(1, 2, spell.start, spell.end);
    if (row.ok()) extract_.unemployment_spells.push_back(spell);
  });
}

void Validator::ReadBgHousing(Table& table) {
  std::vector<contract::BgHousing>& rows = extract_.bg_housing;
  RowRefs refs;
  ForEachRow(table, [&](Row& row) {
    contract::BgHousing housing;
    std::string_view bg_id;
    if (row.Id(0, &bg_id)) {
      const auto found = bg_index_.find(bg_id);
      if (found == bg_index_.end()) {
        row.Error(0, bg_id, "unknown bg_id: no accepted benefit spell has this Bedarfsgemeinschaft");
      } else {
        housing.bg = found->second;
      }
    }
    const bool months_ok = row.MonthField(1, &housing.from) && row.MonthField(2, &housing.to);
    if (months_ok && housing.to < housing.from) {
      row.Error(2, row.Get(2), "to before from (" + std::string(row.Get(1)) + ")");
    }
    row.Money(3, &housing.rent_cold);
    row.Money(4, &housing.heating);
    std::optional<double> size;
    std::string_view size_text;
    if (row.Required(5, &size_text) && row.OptionalNumber(5, 1, 10000, &size)) {
      housing.flat_size_sqm = *size;
    }
    if (!row.ok()) return;
    rows.push_back(housing);
    refs.Add(row.meta());
  });
  const std::vector<bool> rejected = RejectOverlaps(
      table, rows, refs,
      [](const contract::BgHousing& housing) {
        return Interval{housing.bg, housing.from.index(), housing.to.index()};
      },
      "from", "housing rows of one Bedarfsgemeinschaft", true);
  Compact(rows, rejected);
}

void Validator::ReadStichtage(Table& table) {
  std::unordered_map<int32_t, int64_t> first_line;
  ForEachRow(table, [&](Row& row) {
    contract::Stichtag stichtag;
    if (row.MonthField(0, &stichtag.month) && row.DateField(1, &stichtag.date) &&
        stichtag.date.ToMonth() != stichtag.month) {
      row.Error(1, row.Get(1), "the count day must lie in its month " + stichtag.month.ToString());
    }
    if (!row.ok()) return;
    const auto [it, inserted] = first_line.emplace(stichtag.month.index(), row.meta().line);
    if (!inserted) {
      row.Error(0, row.Get(0), "duplicate month (first at line " + std::to_string(it->second) + ")");
      return;
    }
    extract_.stichtage.push_back(stichtag);
  });
  std::sort(extract_.stichtage.begin(), extract_.stichtage.end(),
            [](const contract::Stichtag& a, const contract::Stichtag& b) { return a.month < b.month; });
}

void Validator::ReadTable(size_t idx, Table& table) {
  switch (idx) {
    case 0: return ReadJobcenters(table);
    case 1: return ReadMunicipalities(table);
    case 2: return ReadPersons(table);
    case 3: return ReadBenefitSpells(table);
    case 4: return ReadClaims(table);
    case 5: return ReadEmploymentSpells(table);
    case 6: return ReadMeasureSpells(table);
    case 7: return ReadUnemploymentSpells(table);
    case 8: return ReadBgHousing(table);
    case 9: return ReadStichtage(table);
    default: AMIP_ASSERT(false, "no reader for this contract file");
  }
}

ReadResult Validator::Run() {
  ReadResult result;
  bool ok = OpenTables();
  AMIP_ASSERT(tables_.size() == 10, "schema and readers disagree");
  for (size_t idx = 0; ok && idx < tables_.size(); ++idx) {
    if (!LoadContent(tables_[idx])) {
      ok = false;
      break;
    }
    ReadTable(idx, tables_[idx]);
    ReleaseContent(tables_[idx]);
    if (tables_[idx].spec->rows_required && tables_[idx].present &&
        tables_[idx].data_records == 0) {
      ok = false;
    }
  }
  result.fatal = !ok;
  result.file_errors = file_errors_;
  for (const core::Diagnostic& diagnostic : general_) result.diagnostics.Add(diagnostic);
  std::vector<std::string> names;
  for (Table& table : tables_) {
    std::stable_sort(table.diagnostics.begin(), table.diagnostics.end(),
                     [](const core::Diagnostic& a, const core::Diagnostic& b) {
                       return a.line < b.line;
                     });
    for (core::Diagnostic& diagnostic : table.diagnostics) {
      result.diagnostics.Add(std::move(diagnostic));
    }
    std::stable_sort(table.rejected.begin(), table.rejected.end(),
                     [](const RejectedRow& a, const RejectedRow& b) { return a.line < b.line; });
    result.rejected_rows += static_cast<int64_t>(table.rejected.size());
    for (RejectedRow& row : table.rejected) result.rejected.push_back(std::move(row));
  }
  if (errors_seen_ > kMaxDetailedErrors) {
    result.diagnostics.AddError("", 0, "", "",
                                std::to_string(errors_seen_ - kMaxDetailedErrors) +
                                    " further errors not listed individually");
  }
  uint64_t hash = HashBytes("amip extract v1");
  for (const Table& table : tables_) {
    if (!table.present) continue;
    hash = Mix(hash, HashBytes(table.spec->name));
    hash = Mix(hash, table.hash);
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  result.content_hash = hex;
  result.rows = {
      {"jobcenters", static_cast<int64_t>(extract_.jobcenters.size())},
      {"municipalities", static_cast<int64_t>(extract_.municipalities.size())},
      {"persons", static_cast<int64_t>(extract_.persons.size())},
      {"benefit_spells", static_cast<int64_t>(extract_.benefit_spells.size())},
      {"claims", static_cast<int64_t>(extract_.claims.size())},
      {"employment_spells", static_cast<int64_t>(extract_.employment_spells.size())},
      {"measure_spells", static_cast<int64_t>(extract_.measure_spells.size())},
      {"unemployment_spells", static_cast<int64_t>(extract_.unemployment_spells.size())},
      {"bg_housing", static_cast<int64_t>(extract_.bg_housing.size())},
      {"stichtage", static_cast<int64_t>(extract_.stichtage.size())},
  };
  result.extract = std::move(extract_);
  return result;
}

}  // namespace

ReadResult ValidateExtract(const std::vector<SourceFile>& files,
                           const contract::InstrumentCatalogue& catalogue) {
  Validator validator(files, catalogue);
  return validator.Run();
}

}  // namespace amip::ingest
