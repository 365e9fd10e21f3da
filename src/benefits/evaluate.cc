#include "benefits/evaluate.h"

#include <algorithm>
#include <cmath>

#include "benefits/validated.h"

namespace amip::benefits {

const char* VorrangName(Vorrang vorrang) {
  switch (vorrang) {
    case Vorrang::kSgb2: return "sgb2";
    case Vorrang::kVorrangigeLeistungen: return "vorrangig";
    case Vorrang::kKeineLeistung: return "keine";
  }
  return "?";
}

namespace {

using core::Cents;

void FlattenBg(const Evaluation& e, FlatOutputs& out) {
  auto& o = out.amounts;
  const Sgb2Result& s = e.sgb2;
  o["arbeitslosengeld_2.bruttokaltmiete_m_bg"] = e.bruttokaltmiete_m_bg;
  o["arbeitslosengeld_2.heizkosten_m_bg"] = e.heizkosten_m_bg;
  o["arbeitslosengeld_2.regelsatz_m_bg"] = s.regelsatz_m_bg;
  o["arbeitslosengeld_2.kosten_der_unterkunft_m_bg"] = s.kdu_m_bg;
  o["arbeitslosengeld_2.regelbedarf_m_bg"] = s.bedarf_m_bg;
  o["arbeitslosengeld_2.einkommen_m_bg"] = s.einkommen_m_bg;
  o["arbeitslosengeld_2.anspruchshoehe_m_bg"] = s.anspruch_m_bg;
  o["arbeitslosengeld_2.vermoegensfreibetrag_bg"] = s.vermoegensfreibetrag_bg;
  o["arbeitslosengeld_2.betrag_m_bg"] = e.sgb2_betrag_m_bg;
  out.texts["arbeitslosengeld_2.hilfebeduerftig"] = s.hilfebeduerftig ? "ja" : "nein";
  for (size_t idx = 0; idx < s.personen.size(); ++idx) {
    const Sgb2Person& r = s.personen[idx];
    const std::string suffix = "." + r.id;
    o["arbeitslosengeld_2.regelsatz_m" + suffix] = r.regelsatz;
    o["arbeitslosengeld_2.mehrbedarf_m" + suffix] = r.mehrbedarf;
    o["arbeitslosengeld_2.kosten_der_unterkunft_m" + suffix] = r.kdu;
    o["arbeitslosengeld_2.anrechnungsfreies_einkommen_m" + suffix] = r.freibetrag;
    o["arbeitslosengeld_2.nettoeinkommen_nach_abzug_freibetrag_m" + suffix] = r.erwerb_anrechenbar;
    o["arbeitslosengeld_2.anzurechnendes_einkommen_m" + suffix] = r.einkommen;
    o["arbeitslosengeld_2.anspruch_m" + suffix] = r.anspruch;
    o["kindergeld.betrag_m" + suffix] = r.kindergeld;
    if (r.netto_erwerb.value() > 0) o["netto.nettolohn_m" + suffix] = r.netto_erwerb;
  }
  if (e.wohngeld.has_value()) {
    o["wohngeld.miete_m"] = e.wohngeld->miete_m;
    o["wohngeld.einkommen_m"] = e.wohngeld->einkommen_m;
    o["wohngeld.anspruchshoehe_m_wthh"] = e.wohngeld->anspruch_m;
  }
  o["wohngeld.betrag_m_wthh"] = e.wohngeld_betrag_m_wthh;
  o["kinderzuschlag.basisbetrag_m_bg"] = e.kiz.basisbetrag_m_bg;
  o["kinderzuschlag.anspruchshoehe_m_bg"] = e.kiz.anspruch_m_bg;
  o["kinderzuschlag.betrag_m_bg"] = e.kiz_betrag_m_bg;
  out.texts["vorrang.ergebnis"] = VorrangName(e.vorrang);
}

// Flat outputs of a household of several BGs: each BG's keys with the suffix `.<BG id>`
// (per-person keys keep theirs), `bg.<person>` names the BG of each person, the Wohngeld
// household's keys stay unsuffixed.
void FlattenMehrereBg(const Evaluation& e, FlatOutputs& out) {
  for (const Evaluation& bg : e.bgs) {
    const FlatOutputs part = Flatten(bg);
    for (const auto& [key, value] : part.amounts) {
      if (key.starts_with("wohngeld.")) continue;
      const bool per_person = key.find('.', key.find('.') + 1) != std::string::npos;
      out.amounts[per_person ? key : key + "." + bg.bg_id] = value;
    }
    for (const auto& [key, value] : part.texts) out.texts[key + "." + bg.bg_id] = value;
    if (bg.wohngeld.has_value()) out.amounts["wohngeld.anspruchshoehe_m_bg." + bg.bg_id] = bg.wohngeld->anspruch_m;
    for (const std::string& id : bg.mitglieder) out.texts["bg." + id] = bg.bg_id;
  }
  if (e.wohngeld.has_value()) {
    out.amounts["wohngeld.miete_m"] = e.wohngeld->miete_m;
    out.amounts["wohngeld.einkommen_m"] = e.wohngeld->einkommen_m;
    out.amounts["wohngeld.anspruchshoehe_m_wthh"] = e.wohngeld->anspruch_m;
  }
  out.amounts["wohngeld.betrag_m_wthh"] = e.wohngeld_betrag_m_wthh;
  out.amounts["wohngeld.anzahl_personen_wthh"] =
      Cents::FromEuros(static_cast<int64_t>(e.wohngeldhaushalt.size()));
  out.amounts["arbeitslosengeld_2.betrag_m_hh"] = e.sgb2_betrag_m_bg;
  out.amounts["kinderzuschlag.betrag_m_hh"] = e.kiz_betrag_m_bg;
  out.texts["vorrang.ergebnis"] = VorrangName(e.vorrang);
}

// One Bedarfsgemeinschaft that is also taken as the Wohngeld household. `validated`: h has
// passed ValidateHousehold (the whole household of one BG); a part of a household is checked.
core::Result<Evaluation> EvaluateBg(const Household& h, const law::LawSnapshot& law,
                                    const law::LocalRules* local, const EvaluateOptions& options,
                                    Trace* trace, bool validated) {
  if (!validated) AMIP_RETURN_IF_ERROR(ValidateHousehold(h, law.sgb2));
  Evaluation e;
  for (const Person& p : h.personen) e.mitglieder.push_back(p.id);
  if (!h.personen.empty()) e.bg_id = h.personen.front().id;
  e.bruttokaltmiete_m_bg = h.wohnung.bruttokaltmiete_m;
  e.heizkosten_m_bg = h.wohnung.heizkosten_m;
  AMIP_ASSIGN_OR_RETURN(e.sgb2, ComputeBuergergeldValidated(h, law, local, trace));
  const bool has_mietstufe = h.wohnung.mietstufe.has_value() || !h.wohnung.gemeinde.empty();
  if (options.wohngeld && !has_mietstufe && trace) {
    trace->AddText("wohngeld", "anspruchshoehe_m_wthh", "", "-",
                   "nicht berechnet: weder wohnung.mietstufe noch wohnung.gemeinde angegeben");
  }
  if (options.wohngeld && has_mietstufe) {
    AMIP_ASSIGN_OR_RETURN(WohngeldResult wg,
                          ComputeWohngeldValidated(h, law, local, options.wohngeld_options, trace));
    e.wohngeld = wg;
  }
  AMIP_ASSIGN_OR_RETURN(e.kiz, ComputeKinderzuschlag(h, law, e.sgb2, options.kiz_overrides, trace));
  Cents wohngeld = e.wohngeld.has_value() ? e.wohngeld->anspruch_m : Cents();
  if (options.wohngeld_override.has_value()) wohngeld = *options.wohngeld_override;
  const VorrangInput vorrang_input{e.sgb2.bedarf_m_bg, e.sgb2.einkommen_m_bg, wohngeld, e.kiz.anspruch_m_bg,
                                   e.sgb2.hilfebeduerftig};
  const VorrangResult vr = Vorrangpruefung(vorrang_input);
  e.vorrang = vr.vorrang;
  e.sgb2_betrag_m_bg = vr.vorrang == Vorrang::kSgb2 ? e.sgb2.anspruch_m_bg : Cents();
  e.wohngeld_betrag_m_wthh = vr.wohngeld_m;
  e.kiz_betrag_m_bg = vr.kinderzuschlag_m;
  if (trace) {
    trace->AddText("vorrang", "ergebnis", "", VorrangName(e.vorrang), VorrangErklaerung(vorrang_input, vr), {},
                   "vorrangpruefung_2005");
  }
  return e;
}

// A validated household of several BGs: each BG on its own, the Wohngeld household of the
// BGs without SGB II.
core::Result<Evaluation> EvaluateMehrereBg(const Household& h, const std::vector<BgMembers>& groups,
                                           const law::LawSnapshot& law, const law::LocalRules* local,
                                           const EvaluateOptions& options, Trace* trace) {
  Evaluation e;
  for (const Person& p : h.personen) e.mitglieder.push_back(p.id);
  std::vector<int> wthh;
  bool any_sgb2 = false, any_priority = false;
  // Wohngeld of part of the flat: § 11 Abs. 3 WoGG (share of the whole flat's M).
  EvaluateOptions teil = options;
  teil.wohngeld_options.haushaltsmitglieder_gesamt = static_cast<int>(h.personen.size());
  teil.wohngeld_options.bruttokaltmiete_gesamt = h.wohnung.bruttokaltmiete_m;
  for (const BgMembers& group : groups) {
    if (trace) {
      std::string ids;
      for (int idx : group.members) ids += (ids.empty() ? "" : ", ") + h.personen[idx].id;
      trace->AddText("haushalt", "bedarfsgemeinschaft", group.id, ids,
                     "eigene Bedarfsgemeinschaft im Haushalt (§ 7 Abs. 3 SGB II); Anteil an Miete und "
                     "Heizung nach Köpfen");
    }
    AMIP_ASSIGN_OR_RETURN(Evaluation bg, EvaluateBg(Teilhaushalt(h, group.members), law, local, teil, trace, false));
    if (bg.vorrang == Vorrang::kSgb2) {
      any_sgb2 = true;
    } else {
      wthh.insert(wthh.end(), group.members.begin(), group.members.end());
    }
    if (bg.vorrang == Vorrang::kVorrangigeLeistungen) any_priority = true;
    e.sgb2_betrag_m_bg += bg.sgb2_betrag_m_bg;
    e.kiz_betrag_m_bg += bg.kiz_betrag_m_bg;
    bg.wohngeld_betrag_m_wthh = Cents();  // paid to the Wohngeld household below
    e.bgs.push_back(std::move(bg));
  }
  e.sgb2 = e.bgs.front().sgb2;
  e.kiz = e.bgs.front().kiz;
  e.vorrang = any_sgb2 ? Vorrang::kSgb2 : any_priority ? Vorrang::kVorrangigeLeistungen : Vorrang::kKeineLeistung;
  std::sort(wthh.begin(), wthh.end());
  for (int idx : wthh) e.wohngeldhaushalt.push_back(h.personen[idx].id);
  const bool has_mietstufe = h.wohnung.mietstufe.has_value() || !h.wohnung.gemeinde.empty();
  if (!wthh.empty() && options.wohngeld && has_mietstufe) {
    AMIP_ASSIGN_OR_RETURN(WohngeldResult wg,
                          ComputeWohngeld(Teilhaushalt(h, wthh), law, local, teil.wohngeld_options, trace));
    e.wohngeld = wg;
    e.wohngeld_betrag_m_wthh = wg.anspruch_m;
  }
  if (trace) {
    std::string ids;
    for (const std::string& id : e.wohngeldhaushalt) ids += (ids.empty() ? "" : ", ") + id;
    trace->AddText("wohngeld", "wohngeldhaushalt", "", ids.empty() ? "-" : ids,
                   "Mitglieder der BGs ohne SGB II-Leistung; Bezieher von Bürgergeld/Alg II sind vom "
                   "Wohngeld ausgeschlossen (§ 7 Abs. 1 S. 1 Nr. 1 WoGG), zählen bei der Haushaltsgröße "
                   "nicht mit (§ 6 Abs. 1 WoGG), ihr Mietanteil nach Köpfen bleibt außer Betracht "
                   "(§ 11 Abs. 3 WoGG)");
  }
  return e;
}

// What Evaluate derives from a household's links before any arithmetic: its BGs (none when
// it is one BG). The same for every wage a job search tries.
struct Structure {
  bool one_bg = true;
  std::vector<BgMembers> groups;
};

Structure StructureOf(const Household& h, const law::Sgb2Law& sgb2) {
  Structure out;
  out.one_bg = IsOneBedarfsgemeinschaft(h, sgb2);
  if (!out.one_bg) out.groups = Bedarfsgemeinschaften(h, sgb2);
  return out;
}

// REQUIRES: ValidateHousehold(h).ok(), structure == StructureOf(h).
core::Result<Evaluation> EvaluateValidated(const Household& h, const Structure& structure,
                                           const law::LawSnapshot& law, const law::LocalRules* local,
                                           const EvaluateOptions& options, Trace* trace) {
  if (structure.one_bg) return EvaluateBg(h, law, local, options, trace, true);
  return EvaluateMehrereBg(h, structure.groups, law, local, options, trace);
}

}  // namespace

core::Result<Evaluation> Evaluate(const Household& h, const law::LawSnapshot& law,
                                  const law::LocalRules* local, const EvaluateOptions& options,
                                  Trace* trace) {
  AMIP_RETURN_IF_ERROR(ValidateHousehold(h, law.sgb2));
  return EvaluateValidated(h, StructureOf(h, law.sgb2), law, local, options, trace);
}

FlatOutputs Flatten(const Evaluation& e) {
  FlatOutputs out;
  if (e.bgs.empty()) {
    FlattenBg(e, out);
  } else {
    FlattenMehrereBg(e, out);
  }
  return out;
}

VorrangResult Vorrangpruefung(const VorrangInput& in) {
  VorrangResult out;
  const Cents covered = in.einkommen_m_bg + in.wohngeld_m + in.kinderzuschlag_m;
  const bool any_priority = in.wohngeld_m.value() > 0 || in.kinderzuschlag_m.value() > 0;
  if (!in.hilfebeduerftig) {
    out.vorrang = any_priority ? Vorrang::kVorrangigeLeistungen : Vorrang::kKeineLeistung;
  } else if (any_priority && covered >= in.bedarf_m_bg) {
    out.vorrang = Vorrang::kVorrangigeLeistungen;
  } else {
    out.vorrang = Vorrang::kSgb2;
    out.sgb2_m_bg = Max(Cents(), in.bedarf_m_bg - in.einkommen_m_bg);
  }
  if (out.vorrang == Vorrang::kVorrangigeLeistungen) {
    out.wohngeld_m = in.wohngeld_m;
    out.kinderzuschlag_m = in.kinderzuschlag_m;
  }
  return out;
}

std::string VorrangErklaerung(const VorrangInput& in, const VorrangResult& out) {
  if (!in.hilfebeduerftig) return "ohne SGB II nicht hilfebedürftig (Einkommen/Vermögen decken den Bedarf)";
  const Cents covered = in.einkommen_m_bg + in.wohngeld_m + in.kinderzuschlag_m;
  const std::string sum = "Einkommen " + Euro(in.einkommen_m_bg) + " + Wohngeld " + Euro(in.wohngeld_m) +
                          " + KiZ " + Euro(in.kinderzuschlag_m) + " = " + Euro(covered);
  if (out.vorrang == Vorrang::kVorrangigeLeistungen) {
    return sum + " ≥ Bedarf " + Euro(in.bedarf_m_bg) +
           ": vorrangige Leistungen beenden die Hilfebedürftigkeit (§ 12a SGB II)";
  }
  return sum + " < Bedarf " + Euro(in.bedarf_m_bg) + ": Bürgergeld/Alg II wird gezahlt, Wohngeld und KiZ entfallen";
}

Cents MonatsbruttoAusJob(double stunden_woche, Cents stundenlohn) {
  const long double cents = static_cast<long double>(stundenlohn.value()) * stunden_woche * 13.0L / 3.0L;
  return Cents::FromCents(static_cast<int64_t>(std::llround(cents)));
}

namespace {

// The person taking a job: `person_id`, or the first adult.
core::Result<int> JobPerson(const Household& household, const std::string& person_id) {
  if (!person_id.empty()) {
    const int target = FindPerson(household, person_id);
    if (target < 0) return core::InvalidArgumentError("job person '" + person_id + "' is not in the household");
    return target;
  }
  for (size_t idx = 0; idx < household.personen.size(); ++idx) {
    if (!IsChild(household.personen[idx])) return static_cast<int>(idx);
  }
  return core::InvalidArgumentError("household has no adult to take the job");
}

}  // namespace

core::Result<Household> MitJob(const Household& household, const Job& job) {
  AMIP_ASSIGN_OR_RETURN(const int target, JobPerson(household, job.person_id));
  Household out = household;
  Person& p = out.personen[target];
  p.bruttolohn_m = MonatsbruttoAusJob(job.stunden_woche, job.stundenlohn);
  p.nettolohn_m.reset();
  return out;
}

core::Result<HoursToExit> StundenBisBedarfsdeckung(const Household& household, Cents stundenlohn,
                                                   const std::string& person_id,
                                                   const law::LawSnapshot& law,
                                                   const law::LocalRules* local,
                                                   const EvaluateOptions& options, int max_hours) {
  HoursToExit out;
  if (max_hours < 1) return out;
  // The household with the job is built once; each step only changes the job's gross.
  AMIP_ASSIGN_OR_RETURN(const int target, JobPerson(household, person_id));
  Household with_job = household;
  Person* worker = &with_job.personen[target];
  worker->nettolohn_m.reset();
  // The wage changes no link, so the household is checked and its BGs found once.
  AMIP_RETURN_IF_ERROR(ValidateHousehold(with_job, law.sgb2));
  const Structure structure = StructureOf(with_job, law.sgb2);
  for (int hours = 1; hours <= max_hours; ++hours) {
    worker->bruttolohn_m = MonatsbruttoAusJob(hours, stundenlohn);
    AMIP_ASSIGN_OR_RETURN(out.evaluation, EvaluateValidated(with_job, structure, law, local, options, nullptr));
    out.brutto_m = worker->bruttolohn_m;
    if (out.evaluation.vorrang != Vorrang::kSgb2) {
      out.stunden = hours;
      return out;
    }
  }
  return out;
}

}  // namespace amip::benefits
