// BudgetCatalogue: the Finanzpositionen of the Eingliederungsbudget and the mapping of
// instrument codes (and plan-level groups such as MAbE = MAT + MAG) to them, loaded strictly
// from law/catalogue/finanzpositionen.yaml (embedded). Instrument codes are checked against
// the data contract's instrument catalogue. Immutable after loading; thread-safe for reading.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "contract/instrument_catalogue.h"
#include "core/status.h"

namespace amip::budget {

struct Finanzposition {
  std::string code;  // "I", "II", "III", "IV", "K"
  std::string name;  // German
};

// A plan-level code: a single instrument or a group of instruments.
struct PlanInstrument {
  std::string code;                      // "fbw", "mabe"
  std::string name;                      // German
  std::string short_name;                // "FbW", "MAbE"
  std::string finanzposition;            // code of the Finanzposition
  std::vector<std::string> instruments;  // data-contract codes it covers (itself for a single one)
};

class BudgetCatalogue {
 public:
  BudgetCatalogue() = default;
  BudgetCatalogue(std::vector<Finanzposition> positions, std::vector<PlanInstrument> codes,
                  contract::InstrumentCatalogue instruments);

  // nullptr for an unknown code (instrument or group).
  const PlanInstrument* Find(std::string_view code) const;
  const Finanzposition* FindPosition(std::string_view code) const;
  const std::vector<Finanzposition>& positions() const { return positions_; }
  const std::vector<PlanInstrument>& codes() const { return codes_; }
  const contract::InstrumentCatalogue& instruments() const { return instruments_; }
  // "fbw, mat, ..., mabe" for error messages.
  std::string CodeList() const;

 private:
  std::vector<Finanzposition> positions_;
  std::vector<PlanInstrument> codes_;
  contract::InstrumentCatalogue instruments_;
};

// Parses finanzpositionen.yaml; every instrument code must exist in `instruments`.
core::Result<BudgetCatalogue> ParseBudgetCatalogue(std::string_view yaml_text,
                                                   std::string_view source_name,
                                                   const contract::InstrumentCatalogue& instruments);

// The embedded law/catalogue/finanzpositionen.yaml checked against the embedded instruments.yaml.
core::Result<BudgetCatalogue> LoadBudgetCatalogue();

}  // namespace amip::budget
