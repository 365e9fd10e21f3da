// Table: the one way amip prints tabular results. A table is headers + rows of cells
// (text already formatted for people, plus the raw machine value); it renders as an aligned
// text table (German labels), as CSV (stable machine interface, raw values) or as JSON.
// Thread-compatible.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace amip::report {

enum class OutputFormat { kTable, kCsv, kJson };
core::Result<OutputFormat> ParseOutputFormat(std::string_view text);  // table|csv|json

enum class Align { kLeft, kRight };

struct Column {
  std::string key;    // machine name: CSV header and JSON field, e.g. "numerator"
  std::string label;  // German display label for text tables, e.g. "Zähler"
  Align align = Align::kLeft;
  bool numeric = false;  // JSON: emit raw value unquoted (empty raw value -> null)
};

struct Cell {
  std::string text;  // for people: "20,2 %", "1.316,50 €"
  std::string raw;   // for machines: "20.2", "1316.50"
};

class Table {
 public:
  explicit Table(std::vector<Column> columns, std::string title = "");
  void AddRow(std::vector<Cell> cells);  // REQUIRES: cells.size() == columns.size()
  // Convenience: text and raw are the same.
  void AddTextRow(const std::vector<std::string>& cells);

  const std::vector<Column>& columns() const { return columns_; }
  const std::vector<std::vector<Cell>>& rows() const { return rows_; }
  const std::string& title() const { return title_; }

  std::string Render(OutputFormat format) const;
  std::string RenderText() const;
  std::string RenderCsv() const;
  std::string RenderJson() const;

 private:
  std::string title_;
  std::vector<Column> columns_;
  std::vector<std::vector<Cell>> rows_;
};

// German number formatting for display: 1234567.891 -> "1.234.567,9" with `decimals`.
std::string FormatGermanNumber(double value, int decimals);
std::string FormatGermanInt(int64_t value);
// RFC 4180 quoting of one CSV field (quotes only when needed).
std::string CsvQuote(std::string_view field);
// JSON string escaping including the quotes.
std::string JsonQuote(std::string_view text);

}  // namespace amip::report
