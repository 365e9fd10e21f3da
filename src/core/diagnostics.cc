#include "core/diagnostics.h"

#include <utility>

namespace amip::core {

std::string Diagnostic::ToString() const {
  std::string out = severity == Severity::kError ? "Fehler: " : "Warnung: ";
  out += file;
  if (line > 0) out += ":" + std::to_string(line);
  if (!column.empty()) out += ": column " + column;
  if (!value.empty() || !column.empty()) out += ": value '" + value + "'";
  out += ": " + reason;
  return out;
}

void Diagnostics::Add(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::kError) ++error_count_;
  items_.push_back(std::move(diagnostic));
}

void Diagnostics::AddError(std::string file, int64_t line, std::string column, std::string value,
                           std::string reason) {
  Add(Diagnostic{Severity::kError, std::move(file), line, std::move(column), std::move(value),
                 std::move(reason)});
}

void Diagnostics::AddWarning(std::string file, int64_t line, std::string column,
                             std::string value, std::string reason) {
  Add(Diagnostic{Severity::kWarning, std::move(file), line, std::move(column), std::move(value),
                 std::move(reason)});
}

void Diagnostics::Append(const Diagnostics& other) {
  for (const Diagnostic& item : other.items_) Add(item);
}

}  // namespace amip::core
