// Diagnostics: data-quality findings collected while reading input, never thrown.
// Each names where (file, line, column), what (the offending value) and why (reason),
// so a Jobcenter administrator can fix the source row. Not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace amip::core {

enum class Severity { kWarning, kError };

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string file;     // file name as the user gave it, e.g. "persons.csv"
  int64_t line = 0;     // 1-based physical line of the record start; 0 = whole file
  std::string column;   // column name; empty = whole row or file
  std::string value;    // the offending value as read (may be empty)
  std::string reason;   // human-readable, German terms of art kept
  // "persons.csv:12: column birth_date: value '2024-13-01': month out of range 01..12"
  std::string ToString() const;
};

class Diagnostics {
 public:
  void Add(Diagnostic diagnostic);
  void AddError(std::string file, int64_t line, std::string column, std::string value,
                std::string reason);
  void AddWarning(std::string file, int64_t line, std::string column, std::string value,
                  std::string reason);
  void Append(const Diagnostics& other);

  const std::vector<Diagnostic>& items() const { return items_; }
  int64_t error_count() const { return error_count_; }
  int64_t warning_count() const { return static_cast<int64_t>(items_.size()) - error_count_; }
  bool has_errors() const { return error_count_ > 0; }
  bool empty() const { return items_.empty(); }

 private:
  std::vector<Diagnostic> items_;
  int64_t error_count_ = 0;
};

}  // namespace amip::core
