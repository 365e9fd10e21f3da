// Evaluate: the full computation for one household and month — potential Bürgergeld,
// Wohngeld and Kinderzuschlag, then the precedence check (Vorrangprüfung, § 12a SGB II,
// § 7 WoGG, § 6a BKGG) deciding what is paid — and the flat output map used by case
// files, the CLI and the conformance runner. Also the job scenarios: does a job with given
// weekly hours and hourly wage end the need, and the smallest weekly hours that do.
// Pure: no I/O, the law snapshot and local rules are passed in.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "benefits/household.h"
#include "benefits/kinderzuschlag.h"
#include "benefits/sgb2.h"
#include "benefits/trace.h"
#include "benefits/wohngeld.h"
#include "law/law_snapshot.h"
#include "law/local_rules.h"

namespace amip::benefits {

enum class Vorrang { kSgb2, kVorrangigeLeistungen, kKeineLeistung };
const char* VorrangName(Vorrang vorrang);  // "sgb2", "vorrangig", "keine"

struct EvaluateOptions {
  bool wohngeld = true;       // compute Wohngeld (needs a Mietstufe)
  WohngeldOptions wohngeld_options;
  std::optional<core::Cents> wohngeld_override;  // use this potential Wohngeld instead
  KinderzuschlagOverrides kiz_overrides;
};

// The precedence check (§ 12a SGB II; GETTSIM's rule): if the BG is in need and Wohngeld +
// KiZ + its own income cover its need, the priority benefits are paid instead of SGB II.
struct VorrangInput {
  core::Cents bedarf_m_bg, einkommen_m_bg, wohngeld_m, kinderzuschlag_m;
  bool hilfebeduerftig = true;  // without priority benefits (wealth check passed, need > income)
};
struct VorrangResult {
  Vorrang vorrang = Vorrang::kKeineLeistung;
  core::Cents sgb2_m_bg, wohngeld_m, kinderzuschlag_m;  // what is paid
};
VorrangResult Vorrangpruefung(const VorrangInput& input);
// The reason of the decision with its numbers (for the trace).
std::string VorrangErklaerung(const VorrangInput& input, const VorrangResult& result);

// The result for a household. A household of one BG: every field describes that BG (and
// the household is its Wohngeld household). Several BGs (§ 7 Abs. 3 SGB II, see
// Bedarfsgemeinschaften): `bgs` holds each BG's own evaluation on its per-head share of the
// flat (potential Wohngeld there: the BG as if it were the Wohngeld household, as the
// precedence check of § 12a SGB II asks); the members of the BGs that do not receive SGB II
// form the Wohngeld household (§ 7 Abs. 1 S. 1 Nr. 1 WoGG excludes the others, § 6 Abs. 1
// counts only the rest, § 11 Abs. 3 takes their per-head share of the rent), whose result is
// `wohngeld` / `wohngeld_betrag_m_wthh`; `sgb2` and `kiz` are those of the first BG,
// `sgb2_betrag_m_bg` and `kiz_betrag_m_bg` the sums over the BGs, `vorrang` is kSgb2 if any
// BG receives SGB II. Output keys of a BG then carry the suffix `.<BG id>` (FlatOutputs).
struct Evaluation {
  std::string bg_id;                  // id of the BG's first member ("" for a whole household of several BGs)
  std::vector<std::string> mitglieder;  // person ids of the BG (or of the household)
  std::vector<Evaluation> bgs;        // several BGs only
  std::vector<std::string> wohngeldhaushalt;  // several BGs only: person ids of the Wohngeld household
  core::Cents bruttokaltmiete_m_bg, heizkosten_m_bg;  // the BG's per-head share of the flat's costs
  Sgb2Result sgb2;
  std::optional<WohngeldResult> wohngeld;
  KinderzuschlagResult kiz;
  Vorrang vorrang = Vorrang::kKeineLeistung;
  core::Cents sgb2_betrag_m_bg, wohngeld_betrag_m_wthh, kiz_betrag_m_bg;
};

// Without a trace, Evaluate builds no text; a trace is recorded from the steps' results.
core::Result<Evaluation> Evaluate(const Household& household, const law::LawSnapshot& law,
                                  const law::LocalRules* local, const EvaluateOptions& options,
                                  Trace* trace);

// The result under the flat keys of case files, the CLI and the conformance runner
// (docs/household-cases.md): amounts, and texts such as vorrang.ergebnis.
struct FlatOutputs {
  std::map<std::string, core::Cents> amounts;
  std::map<std::string, std::string> texts;
};
FlatOutputs Flatten(const Evaluation& evaluation);

// A job offer: weekly hours at an hourly wage for person `person_id` (default: first adult).
struct Job {
  double stunden_woche = 0;
  core::Cents stundenlohn;
  std::string person_id;
};
// Monthly gross of a job: hours × wage × 13 / 3 (weeks per month), rounded to cents.
core::Cents MonatsbruttoAusJob(double stunden_woche, core::Cents stundenlohn);
// The household with the job's gross replacing the person's earnings (net recomputed).
core::Result<Household> MitJob(const Household& household, const Job& job);

struct HoursToExit {
  std::optional<double> stunden;  // smallest whole weekly hours (1..max) with no SGB II paid
  core::Cents brutto_m;
  Evaluation evaluation;  // at that number of hours (or at max hours)
};
core::Result<HoursToExit> StundenBisBedarfsdeckung(const Household& household, core::Cents stundenlohn,
                                                   const std::string& person_id,
                                                   const law::LawSnapshot& law,
                                                   const law::LocalRules* local,
                                                   const EvaluateOptions& options, int max_hours);

}  // namespace amip::benefits
