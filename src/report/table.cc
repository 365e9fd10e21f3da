#include "report/table.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

namespace amip::report {
namespace {

// Display width of UTF-8 text: counts code points (continuation bytes are not counted).
size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;
  }
  return width;
}

std::string Pad(const std::string& text, size_t width, Align align) {
  const size_t current = DisplayWidth(text);
  if (current >= width) return text;
  const std::string fill(width - current, ' ');
  return align == Align::kLeft ? text + fill : fill + text;
}

}  // namespace

core::Result<OutputFormat> ParseOutputFormat(std::string_view text) {
  if (text == "table") return OutputFormat::kTable;
  if (text == "csv") return OutputFormat::kCsv;
  if (text == "json") return OutputFormat::kJson;
  return core::InvalidArgumentError("unknown --format '" + std::string(text) +
                                    "'; allowed: table, csv, json");
}

Table::Table(std::vector<Column> columns, std::string title)
    : title_(std::move(title)), columns_(std::move(columns)) {}

void Table::AddRow(std::vector<Cell> cells) {
  AMIP_ASSERT(cells.size() == columns_.size(), "row width differs from the table's columns");
  rows_.push_back(std::move(cells));
}

void Table::AddTextRow(const std::vector<std::string>& cells) {
  std::vector<Cell> row;
  row.reserve(cells.size());
  for (const std::string& text : cells) row.push_back(Cell{text, text});
  AddRow(std::move(row));
}

std::string Table::Render(OutputFormat format) const {
  switch (format) {
    case OutputFormat::kTable: return RenderText();
    case OutputFormat::kCsv: return RenderCsv();
    case OutputFormat::kJson: return RenderJson();
  }
  return RenderText();
}

std::string Table::RenderText() const {
  std::vector<size_t> widths(columns_.size());
  for (size_t col = 0; col < columns_.size(); ++col) {
    widths[col] = DisplayWidth(columns_[col].label);
    for (const auto& row : rows_) widths[col] = std::max(widths[col], DisplayWidth(row[col].text));
  }
  std::string out;
  if (!title_.empty()) out += title_ + "\n";
  for (size_t col = 0; col < columns_.size(); ++col) {
    if (col > 0) out += "  ";
    out += Pad(columns_[col].label, widths[col], columns_[col].align);
  }
  out += "\n";
  for (size_t col = 0; col < columns_.size(); ++col) {
    if (col > 0) out += "  ";
    out += std::string(widths[col], '-');
  }
  out += "\n";
  for (const auto& row : rows_) {
    for (size_t col = 0; col < columns_.size(); ++col) {
      if (col > 0) out += "  ";
      out += Pad(row[col].text, widths[col], columns_[col].align);
    }
    out += "\n";
  }
  return out;
}

std::string Table::RenderCsv() const {
  std::string out;
  for (size_t col = 0; col < columns_.size(); ++col) {
    if (col > 0) out += ",";
    out += CsvQuote(columns_[col].key);
  }
  out += "\n";
  for (const auto& row : rows_) {
    for (size_t col = 0; col < columns_.size(); ++col) {
      if (col > 0) out += ",";
      out += CsvQuote(row[col].raw);
    }
    out += "\n";
  }
  return out;
}

nlohmann::ordered_json Table::ToJson() const {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const auto& row : rows_) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (size_t col = 0; col < columns_.size(); ++col) {
      object[columns_[col].key] = JsonValue(row[col].raw, columns_[col].numeric);
    }
    rows.push_back(std::move(object));
  }
  return rows;
}

std::string Table::RenderJson() const { return DumpJson(ToJson()); }

nlohmann::ordered_json JsonValue(const std::string& raw, bool numeric) {
  if (raw.empty()) return nullptr;
  if (!numeric) return raw;
  if (raw == "true") return true;
  if (raw == "false") return false;
  // A JSON number exactly as written (no surrounding blanks, no "nan", "0x1f", "1." or "+1").
  const char first = raw.front();
  if ((first == '-' || (first >= '0' && first <= '9')) && raw.back() >= '0' && raw.back() <= '9') {
    nlohmann::ordered_json number = nlohmann::ordered_json::parse(raw, nullptr, false);
    if (number.is_number()) return number;
  }
  return raw;
}

namespace {

void DumpInto(const nlohmann::ordered_json& value, int indent, std::string& out) {
  const std::string pad(static_cast<size_t>(indent) + 2, ' ');
  if (value.is_array() && !value.empty()) {
    out += "[";
    for (size_t idx = 0; idx < value.size(); ++idx) {
      out += idx == 0 ? "\n" : ",\n";
      out += pad;
      DumpInto(value[idx], indent + 2, out);
    }
    out += "\n" + std::string(static_cast<size_t>(indent), ' ') + "]";
  } else if (value.is_object() && !value.empty() &&
             std::any_of(value.begin(), value.end(),
                         [](const nlohmann::ordered_json& item) { return item.is_structured(); })) {
    out += "{";
    bool first = true;
    for (auto it = value.begin(); it != value.end(); ++it) {
      out += first ? "\n" : ",\n";
      first = false;
      out += pad + nlohmann::ordered_json(it.key()).dump() + ": ";
      DumpInto(it.value(), indent + 2, out);
    }
    out += "\n" + std::string(static_cast<size_t>(indent), ' ') + "}";
  } else {
    // Flat objects (one table row) and scalars on one line.
    out += value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  }
}

}  // namespace

std::string DumpJson(const nlohmann::ordered_json& value) {
  std::string out;
  DumpInto(value, 0, out);
  out += "\n";
  return out;
}

std::string FormatGermanNumber(double value, int decimals) {
  if (std::isnan(value)) return "–";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(value));
  std::string text = buf;
  const size_t dot = text.find('.');
  std::string int_part = dot == std::string::npos ? text : text.substr(0, dot);
  std::string frac_part = dot == std::string::npos ? "" : text.substr(dot + 1);
  std::string grouped;
  for (size_t idx = 0; idx < int_part.size(); ++idx) {
    if (idx > 0 && (int_part.size() - idx) % 3 == 0) grouped += '.';
    grouped += int_part[idx];
  }
  const bool negative = value < 0 && std::fabs(value) >= 0.5 * std::pow(10.0, -decimals);
  return (negative ? "-" : "") + grouped + (frac_part.empty() ? "" : "," + frac_part);
}

std::string FormatGermanInt(int64_t value) {
  return FormatGermanNumber(static_cast<double>(value), 0);
}

std::string CsvQuote(std::string_view field) {
  const bool needs_quotes = field.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!needs_quotes) return std::string(field);
  std::string out = "\"";
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string JsonQuote(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

}  // namespace amip::report
