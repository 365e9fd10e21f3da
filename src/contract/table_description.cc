#include "contract/table_description.h"

namespace amip::contract {
namespace {

using T = ColumnType;
using P = Presence;

// One column; `stored` defaults to the CSV name.
ColumnDescription Col(std::string_view name, ColumnType type, Presence presence = P::kRequired,
                      std::string_view references = {}, std::string_view stored = {}) {
  return {name, type, presence, true, stored.empty() ? name : stored, references};
}

// A column that may be missing from the header.
ColumnDescription OptionalCol(std::string_view name, ColumnType type, Presence presence,
                              std::string_view stored = {}) {
  ColumnDescription column = Col(name, type, presence, {}, stored);
  column.header_required = false;
  return column;
}

constexpr std::string_view kPerson = "persons.person_id";

}  // namespace

const std::vector<TableDescription>& ContractTables() {
  static const std::vector<TableDescription> kTables = {
      {.name = "jobcenters",
       .file = "jobcenters.csv",
       .file_required = true,
       .rows_required = true,
       .key = {"jc_id"},
       .key_is_primary = true,
       .columns = {Col("jc_id", T::kId), Col("name", T::kText), Col("kind", T::kCode)}},
      {.name = "municipalities",
       .file = "municipalities.csv",
       .file_required = true,
       .rows_required = true,
       .key = {"ags"},
       .key_is_primary = true,
       .columns = {Col("ags", T::kText), Col("name", T::kText),
                   Col("jc_id", T::kId, P::kRequired, "jobcenters.jc_id"),
                   Col("population", T::kInteger)}},
      {.name = "persons",
       .file = "persons.csv",
       .file_required = true,
       .rows_required = true,
       .key = {"person_id"},
       .key_is_primary = false,
       .columns = {Col("person_id", T::kId), Col("sex", T::kCode), Col("birth_date", T::kDate),
                   OptionalCol("nationality", T::kCode, P::kDefault),
                   OptionalCol("severely_disabled", T::kBool, P::kDefault),
                   OptionalCol("vocational_qualification", T::kCode, P::kDefault),
                   OptionalCol("profillage", T::kText, P::kDefault)}},
      {.name = "benefit_spells",
       .file = "benefit_spells.csv",
       .file_required = true,
       .rows_required = true,
       .key = {"person_id", "start"},
       .key_is_primary = false,
       .columns = {Col("person_id", T::kId, P::kRequired, kPerson),
                   Col("jc_id", T::kId, P::kRequired, "jobcenters.jc_id"),
                   Col("municipality", T::kText, P::kRequired, "municipalities.ags"),
                   Col("bg_id", T::kId), Col("bg_role", T::kCode), Col("status", T::kCode),
                   Col("single_parent", T::kBool),
                   Col("start", T::kDate, P::kRequired, {}, "start_date"),
                   Col("end", T::kDate, P::kNullable, {}, "end_date")}},
      {.name = "claims",
       .file = "claims.csv",
       .file_required = true,
       .rows_required = false,
       .key = {"person_id", "from"},
       .key_is_primary = false,
       .columns = {Col("person_id", T::kId, P::kRequired, kPerson),
                   Col("from", T::kMonth, P::kRequired, {}, "from_month"),
                   Col("to", T::kMonth, P::kRequired, {}, "to_month"),
                   Col("llu", T::kMoney, P::kRequired, {}, "llu_cents"),
                   Col("luh", T::kMoney, P::kRequired, {}, "luh_cents")}},
      {.name = "employment_spells",
       .file = "employment_spells.csv",
       .file_required = true,
       .rows_required = false,
       .key = {"person_id", "start"},
       .key_is_primary = false,
       .columns = {Col("person_id", T::kId, P::kRequired, kPerson), Col("kind", T::kCode),
                   Col("subsidy", T::kCode), Col("start", T::kDate, P::kRequired, {}, "start_date"),
                   Col("end", T::kDate, P::kNullable, {}, "end_date"),
                   OptionalCol("hours_week", T::kDecimal, P::kNullable),
                   OptionalCol("gross_month", T::kMoney, P::kNullable, "gross_month_cents")}},
      {.name = "measure_spells",
       .file = "measure_spells.csv",
       .file_required = true,
       .rows_required = false,
       .key = {"person_id", "start"},
       .key_is_primary = false,
       .columns = {Col("person_id", T::kId, P::kRequired, kPerson),
                   Col("instrument", T::kCode, P::kRequired, "law/catalogue/instruments.yaml"),
                   Col("start", T::kDate, P::kRequired, {}, "start_date"),
                   Col("end", T::kDate, P::kNullable, {}, "end_date"),
                   Col("cost", T::kMoney, P::kRequired, {}, "cost_cents"),
                   Col("funding", T::kCode)}},
      {.name = "unemployment_spells",
       .file = "unemployment_spells.csv",
       .file_required = false,
       .rows_required = false,
       .key = {"person_id", "start"},
       .key_is_primary = false,
       .columns = {Col("person_id", T::kId, P::kRequired, kPerson),
                   Col("start", T::kDate, P::kRequired, {}, "start_date"),
                   Col("end", T::kDate, P::kNullable, {}, "end_date")}},
      {.name = "bg_housing",
       .file = "bg_housing.csv",
       .file_required = false,
       .rows_required = false,
       .key = {"bg_id", "from"},
       .key_is_primary = false,
       .columns = {Col("bg_id", T::kId, P::kRequired, "benefit_spells.bg_id"),
                   Col("from", T::kMonth, P::kRequired, {}, "from_month"),
                   Col("to", T::kMonth, P::kRequired, {}, "to_month"),
                   Col("rent_cold", T::kMoney, P::kRequired, {}, "rent_cold_cents"),
                   Col("heating", T::kMoney, P::kRequired, {}, "heating_cents"),
                   Col("flat_size_sqm", T::kDecimal)}},
      {.name = "stichtage",
       .file = "stichtage.csv",
       .file_required = false,
       .rows_required = false,
       .key = {"month"},
       .key_is_primary = false,
       .columns = {Col("month", T::kMonth), Col("date", T::kDate)}},
  };
  return kTables;
}

const TableDescription* FindTable(std::string_view name) {
  for (const TableDescription& table : ContractTables()) {
    if (table.name == name) return &table;
  }
  return nullptr;
}

std::string_view StoredType(ColumnType type) {
  switch (type) {
    case ColumnType::kInteger:
    case ColumnType::kBool:
    case ColumnType::kMoney:
      return "INTEGER";
    case ColumnType::kDecimal:
      return "REAL";
    case ColumnType::kId:
    case ColumnType::kText:
    case ColumnType::kCode:
    case ColumnType::kDate:
    case ColumnType::kMonth:
      return "TEXT";
  }
  return "TEXT";
}

}  // namespace amip::contract
