#include "ingest/quarantine.h"

#include <cstdio>
#include <string_view>

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
  const std::string text = RenderQuarantine(rows);
  const std::string temporary = path + ".tmp";
  std::FILE* file = std::fopen(temporary.c_str(), "wb");
  if (file == nullptr) return core::UnavailableError("cannot write quarantine file " + temporary);
  const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size();
  const bool closed = std::fclose(file) == 0;
  if (!written || !closed || std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    return core::UnavailableError("cannot write quarantine file " + path);
  }
  return core::Status::Ok();
}

}  // namespace amip::ingest
