// Table: the one way amip prints tabular results. A table is headers + rows of cells
// (text already formatted for people, plus the raw machine value); it renders as an aligned
// text table (German labels), as CSV (stable machine interface, raw values, RFC 4180) or as
// JSON (built with nlohmann-json: an array with one object per row, keys = column keys).
// JSON value of a cell: text columns give a string; numeric columns give the raw value as a
// JSON number when it is one ("1316.50" -> 1316.5), true/false as booleans, any other text
// (e.g. "vorrangig" in a mixed value column) as a string; an empty raw value is null in
// every column. Thread-compatible.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/status.h"

namespace amip::report {

enum class OutputFormat { kTable, kCsv, kJson };
core::Result<OutputFormat> ParseOutputFormat(std::string_view text);  // table|csv|json

enum class Align { kLeft, kRight };

struct Column {
  std::string key;    // machine name: CSV header and JSON field, e.g. "numerator"
  std::string label;  // German display label for text tables, e.g. "Zähler"
  Align align = Align::kLeft;
  bool numeric = false;  // JSON: raw value as number/boolean when it is one (see above)
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
  std::string RenderJson() const;  // ToJson(), one row per line
  // The rows as a JSON array (for commands that print several tables as one JSON object).
  nlohmann::ordered_json ToJson() const;

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
// The JSON value of one cell's raw value (numeric: see the file comment).
nlohmann::ordered_json JsonValue(const std::string& raw, bool numeric);
// `value` as JSON text: arrays of objects one element per line, everything else compact;
// ends with a newline. The one way amip's commands print JSON.
std::string DumpJson(const nlohmann::ordered_json& value);

}  // namespace amip::report
