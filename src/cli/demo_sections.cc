#include "cli/demo_sections.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>

#include "budget/catalogue.h"
#include "budget/plan.h"
#include "indicators/catalogue.h"
#include "indicators/kennzahlen.h"
#include "report/budget_workbook.h"
#include "report/table.h"

namespace amip::cli {
namespace {

// The extract carries no extraction date; the latest start of a benefit spell is the last
// day on which events are known (planned measure or job ends may lie in the future).
std::optional<core::Date> LatestBenefitStart(const contract::Extract& extract) {
  std::optional<core::Date> latest;
  for (const contract::BenefitSpell& spell : extract.benefit_spells) {
    if (!latest || spell.start > *latest) latest = spell.start;
  }
  return latest;
}

std::string FormatValue(const indicators::IndicatorRow& row) {
  if (!row.note.empty()) return "n. v.";
  if (!row.value) return "–";
  return report::FormatGermanNumber(*row.value, 1) + " %";
}

// The indicator table of the latest month whose every indicator lies inside the data (the
// engine's default coverage end, indicators::DefaultCoverageEnd), all Jobcenters of the
// extract: one line per indicator, values for all/f/m, numerator and denominator of the total
// so that every figure can be recomputed.
core::Status PrintIndicators(const contract::Extract& extract, const storage::InfoSummary&) {
  if (extract.benefit_spells.empty()) {
    return core::FailedPreconditionError("the extract has no benefit spells");
  }
  const core::Date data_end = indicators::DefaultCoverageEnd(extract);
  AMIP_ASSIGN_OR_RETURN(indicators::Catalogue catalogue, indicators::LoadCatalogue());
  indicators::Options options;
  core::Month month = data_end.ToMonth();
  auto complete = [&](core::Month candidate) {
    for (const indicators::IndicatorDef& def : catalogue.indicators) {
      if (indicators::LatestDayNeeded(extract, def, candidate) > data_end) return false;
    }
    return true;
  };
  while (!complete(month)) month = month - 1;
  options.months = core::MonthRange{month, month};
  options.coverage_end = data_end;
  AMIP_ASSIGN_OR_RETURN(options.instruments, indicators::DefaultInstrumentFlags());
  AMIP_ASSIGN_OR_RETURN(indicators::Computation computation,
                        indicators::ComputeIndicators(extract, catalogue, options));
  for (size_t jc = 0; jc < extract.jobcenters.size(); ++jc) {
    // indicator -> sex -> row
    std::map<int, std::map<indicators::SexSplit, const indicators::IndicatorRow*>> by_indicator;
    for (const indicators::IndicatorRow& row : computation.rows) {
      if (row.jc != static_cast<core::JcIdx>(jc)) continue;
      by_indicator[static_cast<int>(row.indicator)][row.sex] = &row;
    }
    report::Table table(
        {{"indicator", "Kennzahl"},
         {"name", "Bezeichnung"},
         {"all", "Insgesamt", report::Align::kRight},
         {"f", "Frauen", report::Align::kRight},
         {"m", "Männer", report::Align::kRight},
         {"numerator", "Zähler", report::Align::kRight},
         {"denominator", "Nenner", report::Align::kRight}},
        "Kennzahlen nach § 48a SGB II — " + extract.jobcenters[jc].name + ", Berichtsmonat " +
            month.ToString());
    for (const auto& [indicator, by_sex] : by_indicator) {
      const auto id = static_cast<indicators::IndicatorId>(indicator);
      auto cell = [&](indicators::SexSplit sex) -> std::string {
        auto it = by_sex.find(sex);
        return it == by_sex.end() ? "" : FormatValue(*it->second);
      };
      std::string numerator, denominator;
      if (auto it = by_sex.find(indicators::SexSplit::kAll); it != by_sex.end() &&
                                                             it->second->note.empty()) {
        numerator = report::FormatGermanNumber(it->second->numerator, 2);
        denominator = report::FormatGermanNumber(it->second->denominator, 2);
      }
      // The name of the definition version in force (K2E3 changed its name in 2019).
      std::string name = catalogue.Get(id).name_de;
      if (auto it = by_sex.find(indicators::SexSplit::kAll); it != by_sex.end()) {
        const auto& versions = catalogue.Get(id).versions;
        const int version = it->second->version;
        if (version >= 0 && version < static_cast<int>(versions.size()) &&
            !versions[version].name_de.empty()) {
          name = versions[version].name_de;
        }
      }
      table.AddTextRow({std::string(indicators::ToString(id)), name,
                        cell(indicators::SexSplit::kAll), cell(indicators::SexSplit::kF),
                        cell(indicators::SexSplit::kM), numerator, denominator});
    }
    std::printf("%s", table.RenderText().c_str());
  }
  std::printf("n. v. = nicht verfügbar (ein Zeitfenster reicht vor den Datenbeginn oder die "
              "Nachbeobachtung über das Datenende hinaus); Herleitung einer Person: "
              "amip kennzahlen --explain PERSON --month %s\n\n",
              month.ToString().c_str());
  return core::Status::Ok();
}

// The AMIP 2025 budget plan (examples/plans/amip-2025.yaml) and its controlling on the demo
// Jobcenter's measure participations, up to the last month of 2025 with data.
core::Status PrintBudget(const contract::Extract& extract, const storage::InfoSummary&) {
  AMIP_ASSIGN_OR_RETURN(budget::BudgetCatalogue catalogue, budget::LoadBudgetCatalogue());
  AMIP_ASSIGN_OR_RETURN(budget::Plan plan,
                        budget::LoadEmbeddedPlan("examples/plans/amip-2025.yaml", catalogue));
  const std::optional<core::Date> data_end = LatestBenefitStart(extract);
  if (!data_end) return core::FailedPreconditionError("the extract has no benefit spells");
  core::Month as_of = std::min(data_end->ToMonth(), core::Month::FromYm(2025, 12));
  AMIP_ASSIGN_OR_RETURN(std::vector<report::Table> tables,
                        report::BudgetDemoTables(plan, catalogue, extract, as_of));
  for (const report::Table& table : tables) std::printf("%s\n", table.RenderText().c_str());
  std::printf("Prüfen, planen, steuern, optimieren: amip budget check|plan|control|optimize "
              "examples/plans/amip-2025.yaml (--xlsx DATEI für die Arbeitsmappe)\n\n");
  return core::Status::Ok();
}

}  // namespace

std::vector<DemoSection> DemoSections() {
  return {
      {10, "Kennzahlen (aktueller Berichtsmonat)", PrintIndicators},
      {20, "Eingliederungsbudget 2025: Plan und Controlling", PrintBudget},
  };
}

}  // namespace amip::cli
