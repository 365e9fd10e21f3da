#include "report/table.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

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

std::string Table::RenderJson() const {
  std::string out = "[";
  for (size_t row_idx = 0; row_idx < rows_.size(); ++row_idx) {
    out += row_idx == 0 ? "\n  {" : ",\n  {";
    for (size_t col = 0; col < columns_.size(); ++col) {
      if (col > 0) out += ", ";
      out += JsonQuote(columns_[col].key) + ": ";
      const std::string& raw = rows_[row_idx][col].raw;
      if (columns_[col].numeric) {
        out += raw.empty() ? "null" : raw;
      } else {
        out += JsonQuote(raw);
      }
    }
    out += "}";
  }
  out += rows_.empty() ? "]\n" : "\n]\n";
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
