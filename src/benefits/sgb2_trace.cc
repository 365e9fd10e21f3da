// TraceBuergergeld: explains a finished Sgb2Result step by step (the order of
// ComputeBuergergeld), with the numbers used and the parameters' citations. Only this file
// builds the texts; the computation in sgb2.cc returns quantities.
#include <algorithm>
#include <string>
#include <vector>

#include "benefits/netto.h"
#include "benefits/sgb2.h"
#include "benefits/sgb2_steps.h"

namespace amip::benefits {
namespace {

using core::Cents;
namespace steps = sgb2_steps;

constexpr const char* kP = "arbeitslosengeld_2";
constexpr const char* kRbsId = "sgb2/regelbedarf.regelbedarfsstufen";

std::string Prozent(double share) { return std::to_string(share * 100).substr(0, 4) + " % von "; }

void TraceBedarfe(const Household& h, const law::Sgb2Law& s, const Sgb2Result& out, Trace* trace) {
  for (size_t idx = 0; idx < h.personen.size(); ++idx) {
    const Person& p = h.personen[idx];
    const Sgb2Person& r = out.personen[idx];
    trace->Add(kP, "regelbedarf_m", p.id, r.regelbedarf,
               "Regelbedarfsstufe " + std::to_string(r.stufe) +
                   (r.kind ? " (Kind, " + std::to_string(p.alter) + " Jahre)"
                           : (p.partner.empty() ? " (alleinstehend/alleinerziehend)" : " (Partner in der BG)")),
               {kRbsId, "sgb2/regelbedarf.altersgrenzen"});
    if (r.kind && s.kindersofortzuschlag.value() > 0) {
      trace->Add(kP, "kindersofortzuschlag_m", p.id, r.kindersofortzuschlag, "Kindersofortzuschlag § 72 SGB II",
                 {"sgb2/regelbedarf.kindersofortzuschlag"});
    }
    const double ae = steps::AlleinerziehendAnteil(h, p, s);
    if (ae > 0) {
      const steps::AlleinerziehendKinder k = steps::KinderFuerMehrbedarf(h, p, s);
      trace->Add(kP, "mehrbedarf_alleinerziehend_m", p.id, r.mehrbedarf_alleinerziehend,
                 std::to_string(k.unter_18) + " minderjährige(s) Kind(er), davon " + std::to_string(k.unter_7) +
                     " unter 7 und " + std::to_string(k.unter_16) + " unter 16 → " +
                     std::to_string(static_cast<int>(ae * 100 + 0.5)) + " % der RBS 1",
                 {"sgb2/mehrbedarf.alleinerziehend", "sgb2/mehrbedarf.alleinerziehend_altersgrenzen", kRbsId});
    }
    auto share = [&](bool active, double rate, Cents amount, const char* what, const char* id) {
      if (active) trace->Add(kP, what, p.id, amount, Prozent(rate) + Euro(r.regelbedarf), {id});
    };
    share(p.schwanger, s.mehrbedarf_schwangerschaft, r.mehrbedarf_schwangerschaft, "mehrbedarf_schwangerschaft_m",
          "sgb2/mehrbedarf.schwangerschaft");
    share(p.behinderung_eingliederung, s.mehrbedarf_behinderung, r.mehrbedarf_behinderung,
          "mehrbedarf_behinderung_m", "sgb2/mehrbedarf.behinderung");
    share(h.wohnung.warmwasser_dezentral, s.mehrbedarf_warmwasser[r.stufe], r.mehrbedarf_warmwasser,
          "mehrbedarf_warmwasser_m", "sgb2/mehrbedarf.warmwasser");
    if (r.mehrbedarf_sonstig.value() > 0) {
      trace->Add(kP, "mehrbedarf_sonstig_m", p.id, r.mehrbedarf_sonstig, "§ 21 Abs. 5/6 SGB II, Betrag laut Eingabe");
    }
    const Cents mehr = r.mehrbedarf_alleinerziehend + r.mehrbedarf_schwangerschaft + r.mehrbedarf_behinderung +
                       r.mehrbedarf_warmwasser + r.mehrbedarf_sonstig;
    if (mehr > r.regelbedarf) {
      trace->Add(kP, "mehrbedarf_m", p.id, r.regelbedarf,
                 "Summe der Mehrbedarfe " + Euro(mehr) + " auf den Regelbedarf begrenzt (§ 21 Abs. 8 SGB II)");
    }
  }
}

void TraceUnterkunft(const Household& h, const law::Sgb2Law& s, const law::LocalRules* local, const Sgb2Result& out,
                     Trace* trace) {
  const Wohnung& w = h.wohnung;
  std::string why = "tatsächliche Bruttokaltmiete " + Euro(w.bruttokaltmiete_m);
  std::string quelle = "Eingabe kdu_grenze_m";
  const bool grenze = w.kdu_grenze_m.has_value() || !w.gemeinde.empty();
  if (!w.kdu_grenze_m.has_value() && !w.gemeinde.empty() && local != nullptr) {
    auto ceiling = local->KduCeilingFor(w.gemeinde, static_cast<int>(h.personen.size()), h.datum);
    if (ceiling.ok()) quelle = ceiling->citation;
  }
  if (grenze) {
    const std::string g = Euro(out.kdu_grenze);
    if (steps::KarenzzeitKdu(h, s)) {
      why += "; Karenzzeit: tatsächliche Miete anerkannt (§ 22 Abs. 1 S. 2 SGB II), Grenze " + g + " nicht angewandt";
    } else if (out.kdu_gekappt) {
      why += " über der Angemessenheitsgrenze " + g + " → " + g + " anerkannt";
    } else {
      why += " ≤ Angemessenheitsgrenze " + g;
    }
    why += " [" + quelle + "]";
  } else {
    why += "; keine Angemessenheitsgrenze angegeben: tatsächliche Miete anerkannt";
  }
  trace->Add(kP, "kosten_der_unterkunft_m_hh", "", out.kdu_miete_anerkannt + w.heizkosten_m,
             why + " + Heizkosten " + Euro(w.heizkosten_m) + " (Heizkosten ungeprüft)");
}

void TraceErwerb(const Household& h, const law::LawSnapshot& law, const Sgb2Result& out, Trace* trace) {
  const law::Sgb2Law& s = law.sgb2;
  for (size_t idx = 0; idx < h.personen.size(); ++idx) {
    const Person& p = h.personen[idx];
    const Sgb2Person& r = out.personen[idx];
    if (!p.nettolohn_m.has_value() && p.bruttolohn_m.value() > 0) {
      (void)ComputeNetto(p.bruttolohn_m, steps::KinderlosFuerPflege(h, p, law.arbeit), law, trace, p.id);
    }
    if (r.brutto_erwerb.value() == 0) continue;
    const bool mit_kind = HatMinderjaehrigesKind(h, p, law);
    const bool u25 = steps::U25Ausbildung(p, s);
    trace->Add(kP, "anrechnungsfreies_einkommen_m", p.id, r.freibetrag,
               "Freibetrag auf Brutto " + Euro(r.brutto_erwerb) +
                   (mit_kind ? " (mit Kind: Obergrenze " + Euro(s.efb_obergrenze_mit_kind) + ")"
                             : " (ohne Kind: Obergrenze " + Euro(s.efb_obergrenze_ohne_kind) + ")") +
                   (u25 && s.grundabsetzbetrag_u25_aktiv ? "; U25-Grundabsetzbetrag = Minijobgrenze" : ""),
               {"sgb2/freibetraege.erwerbstaetigenfreibetrag_grenzen",
                "sgb2/freibetraege.erwerbstaetigenfreibetrag_saetze", "sgb2/freibetraege.grundabsetzbetrag_u25"});
    trace->Add(kP, "nettoeinkommen_nach_abzug_freibetrag_m", p.id, r.erwerb_anrechenbar,
               "Netto " + Euro(r.netto_erwerb) + " − Freibetrag " + Euro(r.freibetrag));
  }
}

// Recipients in the order of their ids, each one's children by ordinal.
void TraceKindergeld(const Household& h, const Sgb2Result& out, Trace* trace) {
  std::vector<int> kids;
  for (size_t idx = 0; idx < out.personen.size(); ++idx) {
    if (out.personen[idx].kindergeld_ordinal > 0) kids.push_back(static_cast<int>(idx));
  }
  std::sort(kids.begin(), kids.end(), [&](int a, int b) {
    const Sgb2Person& x = out.personen[a];
    const Sgb2Person& y = out.personen[b];
    const std::string& rx = h.personen[x.kindergeld_empfaenger].id;
    const std::string& ry = h.personen[y.kindergeld_empfaenger].id;
    return rx != ry ? rx < ry : x.kindergeld_ordinal < y.kindergeld_ordinal;
  });
  for (int idx : kids) {
    const Sgb2Person& r = out.personen[idx];
    trace->Add("kindergeld", "betrag_m", r.id, r.kindergeld,
               std::to_string(r.kindergeld_ordinal) + ". Kind von " + h.personen[r.kindergeld_empfaenger].id +
                   (h.personen[idx].kindergeld_m.has_value() ? " (Betrag laut Eingabe)" : "") +
                   "; im SGB II Einkommen des Kindes (§ 11 Abs. 1 S. 5 SGB II)",
               {"kindergeld/kindergeld.betrag"});
  }
}

void TraceVersicherungspauschale(const Sgb2Person& r, Trace* trace) {
  if (r.versicherungspauschale.value() == 0) return;
  trace->Add(kP, "versicherungspauschale_m", r.id, r.versicherungspauschale,
             "volljährig, kein Erwerbseinkommen: Pauschale für private Versicherungen vom sonstigen "
             "Einkommen " + Euro(steps::SonstigesVorPauschale(r)) +
                 " (§ 6 Abs. 1 Nr. 1 Alg II-V/Bürgergeld-V, § 11b Abs. 1 S. 1 Nr. 3 SGB II)",
             {"sgb2/freibetraege.versicherungspauschale", "sgb2/freibetraege.versicherungspauschale_alter"});
}

void TraceEinkommen(const Sgb2Result& out, Trace* trace) {
  for (const Sgb2Person& r : out.personen) {
    if (!r.kind) continue;
    TraceVersicherungspauschale(r, trace);
    if (r.in_bg) continue;
    trace->Add(kP, "kindergeldueberschuss_m", r.id, r.kindergeld_ueberschuss,
               "eigenes Einkommen " + Euro(r.einkommen) + " ≥ Bedarf " + Euro(r.bedarf) +
                   ": Kind nicht hilfebedürftig, verlässt die BG (§ 7 Abs. 3 Nr. 4); "
                   "überschießendes Kindergeld ist Einkommen des Elternteils");
  }
  for (const Sgb2Person& r : out.personen) {
    if (!r.kind) TraceVersicherungspauschale(r, trace);
  }
}

void TraceSummen(const Sgb2Result& out, Trace* trace) {
  for (const Sgb2Person& r : out.personen) {
    if (!r.in_bg) continue;
    trace->Add(kP, "bedarf_m", r.id, r.bedarf, "Regelsatz " + Euro(r.regelsatz) + " + KdU-Kopfanteil " + Euro(r.kdu));
    trace->Add(kP, "anzurechnendes_einkommen_m", r.id, r.einkommen,
               "Erwerb nach Freibetrag " + Euro(r.erwerb_anrechenbar) + " + Unterhalt/UVG " + Euro(r.unterhalt) +
                   " + sonstiges " + Euro(r.sonstiges) + " + Kindergeld " + Euro(r.kindergeld) +
                   (r.kindergeld_ueberschuss.value() > 0 && !r.kind
                        ? " (inkl. Kindergeldüberschuss " + Euro(r.kindergeld_ueberschuss) + ")"
                        : "") +
                   (r.versicherungspauschale.value() > 0 ? " − Versicherungspauschale " + Euro(r.versicherungspauschale)
                                                         : ""));
  }
  trace->Add(kP, "regelsatz_m_bg", "", out.regelsatz_m_bg, "Summe Regelbedarfe + Mehrbedarfe der BG");
  trace->Add(kP, "kosten_der_unterkunft_m_bg", "", out.kdu_m_bg, "Summe KdU-Kopfanteile der BG");
  trace->Add(kP, "regelbedarf_m_bg", "", out.bedarf_m_bg, "Gesamtbedarf der BG");
  trace->Add(kP, "einkommen_m_bg", "", out.einkommen_m_bg, "anzurechnendes Einkommen der BG");
}

void TraceVermoegen(const Household& h, const law::LawSnapshot& law, const Sgb2Result& out, Trace* trace) {
  std::string why;
  std::vector<std::string> ids;
  if (std::string_view(out.vermoegen_formel) == "vermoegen_buergergeld_2023") {
    const auto& v = *law.sgb2.vermoegen_buergergeld;
    const int n = steps::BgMitglieder(out);
    ids = {"sgb2/vermoegen.buergergeld_freibetrag", "sgb2/vermoegen.karenzzeit"};
    why = h.karenzzeit ? "Karenzzeit: " + Euro(v.karenz_erste_person) + " + " + std::to_string(n - 1) + " × " +
                             Euro(v.karenz_weitere_person)
                       : "nach der Karenzzeit: " + std::to_string(n) + " × " + Euro(v.je_person);
  } else {
    ids = {"sgb2/vermoegen.grundfreibetrag_bis_2022"};
    for (size_t idx = 0; idx < h.personen.size(); ++idx) {
      if (!out.personen[idx].in_bg) continue;
      const Person& p = h.personen[idx];
      why += (why.empty() ? "" : " + ") + p.id + " " + Euro(steps::FreibetragAltPerson(h, p, law));
    }
  }
  trace->Add(kP, "vermoegensfreibetrag_bg", "", out.vermoegensfreibetrag_bg,
             why + "; Vermögen der BG " + Euro(out.vermoegen_bg) +
                 (out.vermoegen_ueber_grenze ? " → über der Grenze: nicht hilfebedürftig, solange das Vermögen reicht"
                                             : " → geschützt"),
             ids, out.vermoegen_formel);
}

void TraceAnspruch(const Sgb2Result& out, Trace* trace) {
  if (!out.erwerbsfaehiger_in_bg) {
    trace->AddText(kP, "erwerbsfaehiger_in_bg", "", "nein",
                   "niemand zwischen Mindestalter und Altersgrenze: kein SGB II, ggf. SGB XII",
                   {"sgb2/altersgrenze.mindestalter", "sgb2/altersgrenze.regelaltersgrenze_monate_ueber_65"});
  }
  trace->Add(kP, "anspruchshoehe_m_bg", "", out.anspruch_m_bg,
             "max(0, Bedarf " + Euro(out.bedarf_m_bg) + " − Einkommen " + Euro(out.einkommen_m_bg) + ")" +
                 (out.vermoegen_ueber_grenze ? "; 0 wegen Vermögen" : "") +
                 (out.erwerbsfaehiger_in_bg ? "" : "; 0: keine erwerbsfähige Person (SGB XII)") +
                 "; auf Cent gerundet (§ 41 Abs. 2 SGB II)");
  if (out.anspruch_m_bg.value() <= 0) return;
  for (const Sgb2Person& r : out.personen) {
    if (!r.in_bg) continue;
    trace->Add(kP, "anspruch_m", r.id, r.anspruch,
               "Bedarfsanteil: ungedeckter Bedarf " + Euro(steps::UngedeckterBedarf(r)) +
                   " im Verhältnis zum Gesamtbedarf; davon KdU " + Euro(r.anspruch_kdu));
  }
}

}  // namespace

void TraceBuergergeld(const Household& h, const law::LawSnapshot& law, const law::LocalRules* local,
                      const Sgb2Result& result, Trace* trace) {
  TraceBedarfe(h, law.sgb2, result, trace);
  TraceUnterkunft(h, law.sgb2, local, result, trace);
  TraceErwerb(h, law, result, trace);
  TraceKindergeld(h, result, trace);
  TraceEinkommen(result, trace);
  TraceSummen(result, trace);
  TraceVermoegen(h, law, result, trace);
  TraceAnspruch(result, trace);
}

}  // namespace amip::benefits
