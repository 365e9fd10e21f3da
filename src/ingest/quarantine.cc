#include "ingest/quarantine.h"

#include <string_view>

#include "fileio/atomic_file.h"

namespace amip::ingest {
namespace {

void AppendField(std::string* out, std::string_view field) {
  bool quote = false;
  for (const char c : field) {
    if (c == '"' || c == ',' || c == '\n' || c == '\r') quote = true;
  }
  if (!quote) {
    out->append(field);
    return;
  }
  out->push_back('"');
  for (const char c : field) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (size_t idx = 0; idx < parts.size(); ++idx) {
    if (idx > 0) out.append(separator);
    out.append(parts[idx]);
  }
  return out;
}

}  // namespace

std::string RenderQuarantine(const std::vector<RejectedRow>& rows) {
  std::string out = "file,line,column,reason,record\n";
  for (const RejectedRow& row : rows) {
    AppendField(&out, row.file);
    out.push_back(',');
    out.append(std::to_string(row.line));
    out.push_back(',');
    AppendField(&out, Join(row.columns, "|"));
    out.push_back(',');
    AppendField(&out, Join(row.reasons, "; "));
    out.push_back(',');
    AppendField(&out, row.raw);
    out.push_back('\n');
  }
  return out;
}

core::Status WriteQuarantine(const std::string& path, const std::vector<RejectedRow>& rows) {
  const core::Status written = fileio::WriteFileAtomically(path, RenderQuarantine(rows));
  if (!written.ok()) return written.WithContext("Quarantänedatei");
  return core::Status::Ok();
}

}  // namespace amip::ingest
