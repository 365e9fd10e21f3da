// InstrumentCatalogue: the instrument codes of the data contract (measure_spells.csv
// `instrument`) as data, loaded strictly from law/catalogue/instruments.yaml (embedded).
// Each instrument carries its German name, legal basis, validity period and whether it counts
// as an active measure for K3E2 (2019 and 2011 versions of the ordinance) or is a
// Beschäftigung begleitende Leistung. Immutable after loading; thread-safe for reading.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace amip::contract {

struct Instrument {
  std::string code;         // e.g. "fbw"
  std::string name;         // German, e.g. "Förderung der beruflichen Weiterbildung"
  std::string legal_basis;  // e.g. "§ 16 Abs. 1 SGB II i.V.m. §§ 81 ff. SGB III"
  core::Date valid_from;
  std::optional<core::Date> valid_to;  // inclusive; nullopt = still in force
  bool active_measure = false;         // K3E2, 2019 version of the Kennzahlen ordinance
  bool active_measure_2011 = false;    // K3E2, 2010/2011 version (defaults to active_measure)
  bool begleitend = false;             // Beschäftigung begleitende Leistung

  // True if the instrument exists on `day` (valid_from <= day <= valid_to).
  bool IsValidOn(core::Date day) const;
};

class InstrumentCatalogue {
 public:
  InstrumentCatalogue() = default;
  explicit InstrumentCatalogue(std::vector<Instrument> instruments);

  // nullptr for an unknown code.
  const Instrument* Find(std::string_view code) const;
  // In file order.
  const std::vector<Instrument>& instruments() const { return instruments_; }
  // "fbw, fbw_abschluss, ..." for error messages.
  std::string CodeList() const;

 private:
  std::vector<Instrument> instruments_;
};

// Parses catalogue YAML. Rejects unknown or missing keys, duplicate codes, bad dates and
// valid_to < valid_from; errors name `source_name` and the YAML line.
core::Result<InstrumentCatalogue> ParseInstrumentCatalogue(std::string_view yaml_text,
                                                           std::string_view source_name);

// The embedded law/catalogue/instruments.yaml.
core::Result<InstrumentCatalogue> LoadInstrumentCatalogue();

}  // namespace amip::contract
