// Trace: how a benefit result explains itself. Every formula appends the quantity it
// computed (GETTSIM-style name), for whom, the amount, a one-line explanation with the
// numbers used, the formula version and the legal references of the parameters it read.
// Results never depend on whether a trace is kept. Thread-compatible.
#pragma once

#include <string>
#include <vector>

#include "core/money.h"
#include "law/law_snapshot.h"

namespace amip::benefits {

struct TraceStep {
  std::string programme;  // "arbeitslosengeld_2", "wohngeld", "kinderzuschlag", "vorrang", "netto"
  std::string quantity;   // "regelsatz_m", "betrag_m_bg", ...
  std::string person;     // person id or "" for group-level values
  std::string value;      // "391.00" or a text such as "ja"
  std::string explanation;
  std::string formula;    // dated formula version, e.g. "wohngeld_miete_2023"
  std::string references; // "§ 20 SGB II; RBSFV 2014, BGBl. I 2013 S. 3857 (...)"
};

class Trace {
 public:
  explicit Trace(const law::LawSnapshot* law = nullptr) : law_(law) {}
  void Add(std::string programme, std::string quantity, std::string person, core::Cents value,
           std::string explanation, std::vector<std::string> param_ids = {},
           std::string formula = "");
  void AddText(std::string programme, std::string quantity, std::string person, std::string value,
               std::string explanation, std::vector<std::string> param_ids = {},
               std::string formula = "");
  const std::vector<TraceStep>& steps() const { return steps_; }

 private:
  std::string Cite(const std::vector<std::string>& param_ids) const;
  const law::LawSnapshot* law_;
  std::vector<TraceStep> steps_;
};

// Rounds base × share half up to whole cents (§ 41 Abs. 2 SGB II rounding).
core::Cents Share(core::Cents base, double share);
core::Cents Max(core::Cents a, core::Cents b);
core::Cents Min(core::Cents a, core::Cents b);
// "391.00" for traces.
std::string Euro(core::Cents amount);

}  // namespace amip::benefits
