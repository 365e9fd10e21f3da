#include "benefits/sgb2.h"

#include <algorithm>
#include <numeric>

#include "benefits/formula_registry.h"

namespace amip::benefits {
namespace {

using core::Cents;

constexpr const char* kP = "arbeitslosengeld_2";
constexpr const char* kRbsId = "sgb2/regelbedarf.regelbedarfsstufen";

int Stufe(const Household& h, const Person& p, const law::Sgb2Law& s) {
  if (!IsChild(p)) return p.partner.empty() ? 1 : 2;
  if (p.alter < s.alter_rbs5_ab) return 6;
  if (p.alter < s.alter_rbs4_ab) return 5;
  if (p.alter < s.alter_rbs3_ab) return 4;
  (void)h;
  return 3;
}

std::vector<const Person*> ChildrenOf(const Household& h, const Person& parent) {
  std::vector<const Person*> out;
  for (const Person& p : h.personen) {
    if (std::find(p.eltern.begin(), p.eltern.end(), parent.id) != p.eltern.end()) {
      out.push_back(&p);
    }
  }
  return out;
}

// Mehrbedarf for single parents, § 21 Abs. 3 SGB II.
double AlleinerziehendAnteil(const Household& h, const Person& p, const law::Sgb2Law& s,
                             std::string* why) {
  if (IsChild(p) || !p.partner.empty()) return 0;
  int under7 = 0, under16 = 0, under18 = 0;
  for (const Person* child : ChildrenOf(h, p)) {
    if (child->alter < s.mehrbedarf_ae_alter_klein) ++under7;
    if (child->alter < s.mehrbedarf_ae_alter_schul) ++under16;
    if (child->alter < s.mehrbedarf_ae_alter_minderj) ++under18;
  }
  if (under18 == 0) return 0;
  const double fest = (under7 >= 1 || under16 == 2 || under16 == 3) ? s.mehrbedarf_ae_fest : 0;
  const double je_kind = s.mehrbedarf_ae_je_kind * under18;
  const double share = std::min(std::max(fest, je_kind), s.mehrbedarf_ae_hoechst);
  *why = std::to_string(under18) + " minderjährige(s) Kind(er), davon " + std::to_string(under7) +
         " unter 7 und " + std::to_string(under16) + " unter 16 → " +
         std::to_string(static_cast<int>(share * 100 + 0.5)) + " % der RBS 1";
  return share;
}

bool KindergeldBerechtigt(const Person& p) {
  return IsChild(p) && (p.alter < 18 || p.in_ausbildung);
}

struct WealthCheck {
  Cents freibetrag;
  std::string explanation;
  std::vector<std::string> ids;
};

// § 12 Abs. 2 SGB II a.F. (until 2022).
WealthCheck VermoegenAlt(const Household& h, const law::LawSnapshot& law) {
  const auto& v = *law.sgb2.vermoegen_alt;
  WealthCheck out;
  out.ids = {"sgb2/vermoegen.grundfreibetrag_bis_2022"};
  for (const Person& p : h.personen) {
    Cents amount;
    if (p.alter < 18) {
      amount = v.je_kind;
    } else {
      const int born = h.datum.year() - p.alter;
      if (born < 1948) {
        amount = Min(v.vor_1948_je_lebensjahr * p.alter, v.vor_1948_hoechst);
      } else {
        const Cents cap = born <= 1957   ? v.hoechst_1948_1957
                          : born <= 1963 ? v.hoechst_1958_1963
                                         : v.hoechst_ab_1964;
        amount = Min(Max(v.je_lebensjahr * p.alter, v.mindestbetrag), cap);
      }
    }
    amount += v.anschaffung;
    out.freibetrag += amount;
    out.explanation += (out.explanation.empty() ? "" : " + ") + p.id + " " + Euro(amount);
  }
  return out;
}

// § 12 Abs. 2–4 SGB II (Bürgergeld, from 2023).
WealthCheck VermoegenBuergergeld(const Household& h, const law::LawSnapshot& law) {
  const auto& v = *law.sgb2.vermoegen_buergergeld;
  WealthCheck out;
  const int64_t n = static_cast<int64_t>(h.personen.size());
  out.ids = {"sgb2/vermoegen.buergergeld_freibetrag", "sgb2/vermoegen.karenzzeit"};
  if (h.karenzzeit) {
    out.freibetrag = v.karenz_erste_person + v.karenz_weitere_person * (n - 1);
    out.explanation = "Karenzzeit: " + Euro(v.karenz_erste_person) + " + " + std::to_string(n - 1) +
                      " × " + Euro(v.karenz_weitere_person);
  } else {
    out.freibetrag = v.je_person * n;
    out.explanation = "nach der Karenzzeit: " + std::to_string(n) + " × " + Euro(v.je_person);
  }
  return out;
}

using WealthFn = WealthCheck (*)(const Household&, const law::LawSnapshot&);
const std::vector<DatedFormula<WealthFn>>& WealthFormulas() {
  static const std::vector<DatedFormula<WealthFn>> kTable = {
      {"vermoegen_alg2_2005", Ymd(2005, 1, 1), Ymd(2022, 12, 31), &VermoegenAlt},
      {"vermoegen_buergergeld_2023", Ymd(2023, 1, 1), Ymd(2026, 12, 31), &VermoegenBuergergeld},
  };
  return kTable;
}

}  // namespace

bool HatMinderjaehrigesKind(const Household& h, const Person& person) {
  if (person.kind_ausserhalb) return true;
  for (const Person* child : ChildrenOf(h, person)) {
    if (child->alter < 18) return true;
  }
  return false;
}

Cents Erwerbstaetigenfreibetrag(Cents brutto, bool mit_kind, bool u25_ausbildung,
                                const law::LawSnapshot& law) {
  const law::Sgb2Law& s = law.sgb2;
  Cents grund = s.efb_grundabsetzbetrag;
  if (u25_ausbildung && s.grundabsetzbetrag_u25_aktiv) {
    grund = Max(grund, law.arbeit.geringfuegigkeitsgrenze);
  }
  const Cents upper = mit_kind ? s.efb_obergrenze_mit_kind : s.efb_obergrenze_ohne_kind;
  Cents total = Min(brutto, grund);
  auto band = [&](Cents lo, Cents hi, double rate) {
    lo = Max(lo, grund);
    const Cents top = Min(brutto, hi);
    if (top > lo) total += Share(top - lo, rate);
  };
  band(s.efb_grundabsetzbetrag, s.efb_stufe_2_ab, s.efb_satz_1);
  band(s.efb_stufe_2_ab, s.efb_stufe_3_ab, s.efb_satz_2);
  band(s.efb_stufe_3_ab, upper, s.efb_satz_3);
  return total;
}

core::Result<Cents> NettoErwerb(const Household& household, const Person& person,
                                const law::LawSnapshot& law, Trace* trace) {
  if (person.nettolohn_m.has_value()) {
    if (*person.nettolohn_m > person.bruttolohn_m) {
      return core::InvalidArgumentError("person '" + person.id + "': nettolohn_m " +
                                        Euro(*person.nettolohn_m) + " exceeds bruttolohn_m " +
                                        Euro(person.bruttolohn_m));
    }
    return *person.nettolohn_m;
  }
  if (person.bruttolohn_m.value() == 0) return Cents();
  bool has_child = false;
  for (const Person& p : household.personen) {
    if (std::find(p.eltern.begin(), p.eltern.end(), person.id) != p.eltern.end()) has_child = true;
  }
  const bool kinderlos = !has_child && !person.kind_ausserhalb && person.alter >= 23;
  AMIP_ASSIGN_OR_RETURN(NettoResult net,
                        ComputeNetto(person.bruttolohn_m, kinderlos, law, trace, person.id));
  return net.netto_m;
}

core::Result<Sgb2Result> ComputeBuergergeld(const Household& h, const law::LawSnapshot& law,
                                            const law::LocalRules* local, Trace* trace) {
  AMIP_RETURN_IF_ERROR(ValidateHousehold(h));
  for (const Person& p : h.personen) {
    if (IsChild(p) && p.alter >= 25) {
      return core::InvalidArgumentError("person '" + p.id + "' (age " + std::to_string(p.alter) +
                                  ") is 25 or older and forms a Bedarfsgemeinschaft of their "
                                  "own (§ 7 Abs. 3 Nr. 4 SGB II); evaluate the household (Evaluate "
                                  "splits it into its Bedarfsgemeinschaften)");
    }
  }
  const law::Sgb2Law& s = law.sgb2;
  Sgb2Result out;
  const int n = static_cast<int>(h.personen.size());
  out.personen.resize(n);

  // Step 1: needs per person (§§ 20, 21, 23 SGB II).
  for (int idx = 0; idx < n; ++idx) {
    const Person& p = h.personen[idx];
    Sgb2Person& r = out.personen[idx];
    r.id = p.id;
    r.kind = IsChild(p);
    r.stufe = Stufe(h, p, s);
    r.regelbedarf = s.regelbedarfsstufe[r.stufe];
    if (trace) {
      trace->Add(kP, "regelbedarf_m", p.id, r.regelbedarf,
                 "Regelbedarfsstufe " + std::to_string(r.stufe) +
                     (r.kind ? " (Kind, " + std::to_string(p.alter) + " Jahre)"
                             : (p.partner.empty() ? " (alleinstehend/alleinerziehend)"
                                                  : " (Partner in der BG)")),
                 {kRbsId, "sgb2/regelbedarf.altersgrenzen"});
    }
    if (r.kind && s.kindersofortzuschlag.value() > 0) {
      r.kindersofortzuschlag = s.kindersofortzuschlag;
      if (trace) {
        trace->Add(kP, "kindersofortzuschlag_m", p.id, r.kindersofortzuschlag,
                   "Kindersofortzuschlag § 72 SGB II", {"sgb2/regelbedarf.kindersofortzuschlag"});
      }
    }
    Cents mehr;
    std::string why;
    const double ae = AlleinerziehendAnteil(h, p, s, &why);
    if (ae > 0) {
      const Cents amount = Share(s.regelbedarfsstufe[1], ae);
      mehr += amount;
      if (trace) {
        trace->Add(kP, "mehrbedarf_alleinerziehend_m", p.id, amount, why,
                   {"sgb2/mehrbedarf.alleinerziehend", "sgb2/mehrbedarf.alleinerziehend_altersgrenzen",
                    kRbsId});
      }
    }
    auto add_share = [&](bool active, double share, const char* what, const char* id) {
      if (!active) return;
      const Cents amount = Share(r.regelbedarf, share);
      mehr += amount;
      if (trace) {
        trace->Add(kP, what, p.id, amount,
                   std::to_string(share * 100).substr(0, 4) + " % von " + Euro(r.regelbedarf),
                   {id});
      }
    };
    add_share(p.schwanger, s.mehrbedarf_schwangerschaft, "mehrbedarf_schwangerschaft_m",
              "sgb2/mehrbedarf.schwangerschaft");
    add_share(p.behinderung_eingliederung, s.mehrbedarf_behinderung, "mehrbedarf_behinderung_m",
              "sgb2/mehrbedarf.behinderung");
    add_share(h.wohnung.warmwasser_dezentral, s.mehrbedarf_warmwasser[r.stufe],
              "mehrbedarf_warmwasser_m", "sgb2/mehrbedarf.warmwasser");
    if (p.mehrbedarf_sonstig_m.value() > 0) {
      mehr += p.mehrbedarf_sonstig_m;
      if (trace) {
        trace->Add(kP, "mehrbedarf_sonstig_m", p.id, p.mehrbedarf_sonstig_m,
                   "§ 21 Abs. 5/6 SGB II, Betrag laut Eingabe");
      }
    }
    if (mehr > r.regelbedarf) {
      if (trace) {
        trace->Add(kP, "mehrbedarf_m", p.id, r.regelbedarf,
                   "Summe der Mehrbedarfe " + Euro(mehr) +
                       " auf den Regelbedarf begrenzt (§ 21 Abs. 8 SGB II)");
      }
      mehr = r.regelbedarf;
    }
    r.mehrbedarf = mehr;
    r.regelsatz = r.regelbedarf + r.kindersofortzuschlag + r.mehrbedarf;
  }

  // Step 1b: housing costs (§ 22 SGB II), split per head over the household.
  const Wohnung& w = h.wohnung;
  Cents miete = w.bruttokaltmiete_m;
  std::string kdu_why = "tatsächliche Bruttokaltmiete " + Euro(w.bruttokaltmiete_m);
  std::optional<Cents> grenze = w.kdu_grenze_m;
  std::string grenze_quelle = "Eingabe kdu_grenze_m";
  if (!grenze.has_value() && !w.gemeinde.empty()) {
    if (local == nullptr) {
      return core::FailedPreconditionError("no local KdU rules loaded for gemeinde '" + w.gemeinde + "'");
    }
    AMIP_ASSIGN_OR_RETURN(law::KduCeiling ceiling, local->KduCeilingFor(w.gemeinde, n, h.datum));
    grenze = ceiling.amount;
    grenze_quelle = ceiling.citation;
  }
  const bool karenz_kdu = h.karenzzeit && h.datum >= Ymd(2023, 1, 1);
  if (grenze.has_value()) {
    out.kdu_grenze = *grenze;
    if (karenz_kdu) {
      kdu_why += "; Karenzzeit: tatsächliche Miete anerkannt (§ 22 Abs. 1 S. 2 SGB II), Grenze " +
                 Euro(*grenze) + " nicht angewandt";
    } else if (miete > *grenze) {
      out.kdu_gekappt = true;
      kdu_why += " über der Angemessenheitsgrenze " + Euro(*grenze) + " → " + Euro(*grenze) +
                 " anerkannt";
      miete = *grenze;
    } else {
      kdu_why += " ≤ Angemessenheitsgrenze " + Euro(*grenze);
    }
    kdu_why += " [" + grenze_quelle + "]";
  } else {
    kdu_why += "; keine Angemessenheitsgrenze angegeben: tatsächliche Miete anerkannt";
  }
  out.kdu_miete_anerkannt = miete;
  const Cents kdu_total = miete + w.heizkosten_m;
  if (trace) {
    trace->Add(kP, "kosten_der_unterkunft_m_hh", "", kdu_total,
               kdu_why + " + Heizkosten " + Euro(w.heizkosten_m) + " (Heizkosten ungeprüft)");
  }
  const std::vector<Cents> heads = SplitProportional(kdu_total, std::vector<Cents>(n, Cents::FromCents(1)));
  for (int idx = 0; idx < n; ++idx) {
    Sgb2Person& r = out.personen[idx];
    r.kdu = heads[idx];
    r.bedarf = r.regelsatz + r.kdu;
  }

  // Step 2: income (§§ 11–11b SGB II).
  for (int idx = 0; idx < n; ++idx) {
    const Person& p = h.personen[idx];
    Sgb2Person& r = out.personen[idx];
    r.brutto_erwerb = p.bruttolohn_m;
    AMIP_ASSIGN_OR_RETURN(r.netto_erwerb, NettoErwerb(h, p, law, trace));
    if (r.brutto_erwerb.value() > 0) {
      const bool mit_kind = HatMinderjaehrigesKind(h, p);
      const bool u25 = p.in_ausbildung && p.alter < s.grundabsetzbetrag_u25_alter_unter;
      r.freibetrag = Erwerbstaetigenfreibetrag(r.brutto_erwerb, mit_kind, u25, law);
      r.erwerb_anrechenbar = Max(Cents(), r.netto_erwerb - r.freibetrag);
      if (trace) {
        trace->Add(kP, "anrechnungsfreies_einkommen_m", p.id, r.freibetrag,
                   "Freibetrag auf Brutto " + Euro(r.brutto_erwerb) +
                       (mit_kind ? " (mit Kind: Obergrenze " + Euro(s.efb_obergrenze_mit_kind) + ")"
                                 : " (ohne Kind: Obergrenze " + Euro(s.efb_obergrenze_ohne_kind) + ")") +
                       (u25 && s.grundabsetzbetrag_u25_aktiv ? "; U25-Grundabsetzbetrag = Minijobgrenze" : ""),
                   {"sgb2/freibetraege.erwerbstaetigenfreibetrag_grenzen",
                    "sgb2/freibetraege.erwerbstaetigenfreibetrag_saetze",
                    "sgb2/freibetraege.grundabsetzbetrag_u25"});
        trace->Add(kP, "nettoeinkommen_nach_abzug_freibetrag_m", p.id, r.erwerb_anrechenbar,
                   "Netto " + Euro(r.netto_erwerb) + " − Freibetrag " + Euro(r.freibetrag));
      }
    }
    r.unterhalt = p.unterhalt_m + p.unterhaltsvorschuss_m;
    r.sonstiges = p.sonstiges_einkommen_m;
  }
  // Kindergeld: ordinal per recipient, oldest child first (§ 66 EStG).
  std::map<std::string, std::vector<int>> by_recipient;
  for (int idx = 0; idx < n; ++idx) {
    const Person& p = h.personen[idx];
    if (!KindergeldBerechtigt(p)) continue;
    const std::string recipient = p.kindergeld_empfaenger.empty() ? p.eltern[0] : p.kindergeld_empfaenger;
    by_recipient[recipient].push_back(idx);
  }
  std::map<int, int> recipient_of;
  for (auto& [recipient, kids] : by_recipient) {
    std::stable_sort(kids.begin(), kids.end(), [&](int a, int b) {
      return h.personen[a].alter > h.personen[b].alter;
    });
    const int offset = h.personen[FindPerson(h, recipient)].zaehlkinder_ausserhalb;
    for (size_t rank = 0; rank < kids.size(); ++rank) {
      const int ordinal = offset + static_cast<int>(rank) + 1;
      Sgb2Person& r = out.personen[kids[rank]];
      r.kindergeld = h.personen[kids[rank]].kindergeld_m.value_or(law.kindergeld.ForOrdinal(ordinal));
      recipient_of[kids[rank]] = FindPerson(h, recipient);
      if (trace) {
        trace->Add("kindergeld", "betrag_m", r.id, r.kindergeld,
                   std::to_string(ordinal) + ". Kind von " + recipient +
                       (h.personen[kids[rank]].kindergeld_m.has_value() ? " (Betrag laut Eingabe)" : "") +
                       "; im SGB II Einkommen des Kindes (§ 11 Abs. 1 S. 5 SGB II)",
                   {"kindergeld/kindergeld.betrag"});
      }
    }
  }
  // 30 € insurance allowance on the other income of an adult without earnings (with
  // earnings the 100 € Grundabsetzbetrag of § 11b Abs. 2 S. 1 replaces it).
  auto versicherungspauschale = [&](int idx) {
    const Person& p = h.personen[idx];
    Sgb2Person& r = out.personen[idx];
    if (p.alter < s.versicherungspauschale_ab_alter || r.brutto_erwerb.value() > 0) return;
    const Cents other = r.einkommen - r.erwerb_anrechenbar;
    r.versicherungspauschale = Min(s.versicherungspauschale, Max(Cents(), other));
    if (r.versicherungspauschale.value() == 0) return;
    r.einkommen -= r.versicherungspauschale;
    if (trace) {
      trace->Add(kP, "versicherungspauschale_m", r.id, r.versicherungspauschale,
                 "volljährig, kein Erwerbseinkommen: Pauschale für private Versicherungen vom sonstigen "
                 "Einkommen " + Euro(other) + " (§ 6 Abs. 1 Nr. 1 Alg II-V/Bürgergeld-V, § 11b Abs. 1 S. 1 Nr. 3 SGB II)",
                 {"sgb2/freibetraege.versicherungspauschale", "sgb2/freibetraege.versicherungspauschale_alter"});
    }
  };
  // Children whose own income covers their need leave the BG; surplus Kindergeld goes to
  // the recipient parent.
  for (int idx = 0; idx < n; ++idx) {
    Sgb2Person& r = out.personen[idx];
    r.einkommen = r.erwerb_anrechenbar + r.unterhalt + r.sonstiges + r.kindergeld;
    if (!r.kind) continue;
    versicherungspauschale(idx);
    if (r.einkommen >= r.bedarf) {
      r.in_bg = false;
      const Cents surplus = Min(r.kindergeld, r.einkommen - r.bedarf);
      r.kindergeld_ueberschuss = surplus;
      auto it = recipient_of.find(idx);
      if (it != recipient_of.end() && surplus.value() > 0) {
        out.personen[it->second].kindergeld_ueberschuss -= surplus;  // received (negative = in)
      }
      if (trace) {
        trace->Add(kP, "kindergeldueberschuss_m", r.id, surplus,
                   "eigenes Einkommen " + Euro(r.einkommen) + " ≥ Bedarf " + Euro(r.bedarf) +
                       ": Kind nicht hilfebedürftig, verlässt die BG (§ 7 Abs. 3 Nr. 4); "
                       "überschießendes Kindergeld ist Einkommen des Elternteils");
      }
    }
  }
  for (int idx = 0; idx < n; ++idx) {
    Sgb2Person& r = out.personen[idx];
    if (r.kind) continue;
    if (r.kindergeld_ueberschuss.value() < 0) {
      r.einkommen -= r.kindergeld_ueberschuss;
      r.kindergeld_ueberschuss = -r.kindergeld_ueberschuss;
    }
    versicherungspauschale(idx);
  }

  // Totals over the BG members.
  for (const Sgb2Person& r : out.personen) {
    if (!r.in_bg) continue;
    out.regelsatz_m_bg += r.regelsatz;
    out.kdu_m_bg += r.kdu;
    out.bedarf_m_bg += r.bedarf;
    out.einkommen_m_bg += r.einkommen;
    if (trace) {
      trace->Add(kP, "bedarf_m", r.id, r.bedarf,
                 "Regelsatz " + Euro(r.regelsatz) + " + KdU-Kopfanteil " + Euro(r.kdu));
      trace->Add(kP, "anzurechnendes_einkommen_m", r.id, r.einkommen,
                 "Erwerb nach Freibetrag " + Euro(r.erwerb_anrechenbar) + " + Unterhalt/UVG " +
                     Euro(r.unterhalt) + " + sonstiges " + Euro(r.sonstiges) + " + Kindergeld " +
                     Euro(r.kindergeld) +
                     (r.kindergeld_ueberschuss.value() > 0 && !r.kind
                          ? " (inkl. Kindergeldüberschuss " + Euro(r.kindergeld_ueberschuss) + ")"
                          : "") +
                     (r.versicherungspauschale.value() > 0
                          ? " − Versicherungspauschale " + Euro(r.versicherungspauschale)
                          : ""));
    }
  }
  if (trace) {
    trace->Add(kP, "regelsatz_m_bg", "", out.regelsatz_m_bg, "Summe Regelbedarfe + Mehrbedarfe der BG");
    trace->Add(kP, "kosten_der_unterkunft_m_bg", "", out.kdu_m_bg, "Summe KdU-Kopfanteile der BG");
    trace->Add(kP, "regelbedarf_m_bg", "", out.bedarf_m_bg, "Gesamtbedarf der BG");
    trace->Add(kP, "einkommen_m_bg", "", out.einkommen_m_bg, "anzurechnendes Einkommen der BG");
  }

  // Step 3: wealth (§ 12 SGB II).
  AMIP_ASSIGN_OR_RETURN(const auto* wealth_formula,
                        SelectFormula(WealthFormulas(), h.datum, "vermoegensfreibetrag_bg"));
  Household bg_only = h;
  bg_only.personen.clear();
  for (int idx = 0; idx < n; ++idx) {
    if (out.personen[idx].in_bg) {
      bg_only.personen.push_back(h.personen[idx]);
      out.vermoegen_bg += h.personen[idx].vermoegen;
    }
  }
  const WealthCheck wealth = wealth_formula->fn(bg_only, law);
  out.vermoegensfreibetrag_bg = wealth.freibetrag;
  out.vermoegen_ueber_grenze = out.vermoegen_bg > wealth.freibetrag;
  if (trace) {
    trace->Add(kP, "vermoegensfreibetrag_bg", "", wealth.freibetrag,
               wealth.explanation + "; Vermögen der BG " + Euro(out.vermoegen_bg) +
                   (out.vermoegen_ueber_grenze ? " → über der Grenze: nicht hilfebedürftig, "
                                                 "solange das Vermögen reicht"
                                               : " → geschützt"),
               wealth.ids, wealth_formula->name);
  }

  // Step 3b: someone in the BG must be of working age (§ 7 Abs. 1 Nr. 1, § 7a SGB II).
  // Ages are whole years, so a person counts as below the limit while age·12 < limit.
  out.erwerbsfaehiger_in_bg = false;
  for (const Person& p : h.personen) {
    const int born = h.datum.year() - p.alter;
    if (p.alter >= s.mindestalter && p.alter * 12 < s.AltersgrenzeMonate(born)) out.erwerbsfaehiger_in_bg = true;
  }
  if (!out.erwerbsfaehiger_in_bg && trace) {
    trace->AddText(kP, "erwerbsfaehiger_in_bg", "", "nein",
                   "niemand zwischen Mindestalter und Altersgrenze: kein SGB II, ggf. SGB XII",
                   {"sgb2/altersgrenze.mindestalter", "sgb2/altersgrenze.regelaltersgrenze_monate_ueber_65"});
  }

  // Step 4: need for help and the claim.
  out.hilfebeduerftig = out.erwerbsfaehiger_in_bg && !out.vermoegen_ueber_grenze &&
                        out.bedarf_m_bg > out.einkommen_m_bg;
  out.anspruch_m_bg = out.hilfebeduerftig ? out.bedarf_m_bg - out.einkommen_m_bg : Cents();
  if (trace) {
    trace->Add(kP, "anspruchshoehe_m_bg", "", out.anspruch_m_bg,
               "max(0, Bedarf " + Euro(out.bedarf_m_bg) + " − Einkommen " +
                   Euro(out.einkommen_m_bg) + ")" +
                   (out.vermoegen_ueber_grenze ? "; 0 wegen Vermögen" : "") +
                   (out.erwerbsfaehiger_in_bg ? "" : "; 0: keine erwerbsfähige Person (SGB XII)") +
                   "; auf Cent gerundet (§ 41 Abs. 2 SGB II)");
  }

  // Step 5: Bedarfsanteilsmethode (§ 9 Abs. 2 S. 3 SGB II). Children's own income covers
  // their own need first; the remaining income of the parents is spread over the remaining
  // needs in proportion.
  if (out.anspruch_m_bg.value() > 0) {
    std::vector<Cents> rest(n);
    for (int idx = 0; idx < n; ++idx) {
      const Sgb2Person& r = out.personen[idx];
      if (!r.in_bg) continue;
      rest[idx] = r.kind ? Max(Cents(), r.bedarf - r.einkommen) : r.bedarf;
    }
    const std::vector<Cents> claims = SplitProportional(out.anspruch_m_bg, rest);
    for (int idx = 0; idx < n; ++idx) {
      Sgb2Person& r = out.personen[idx];
      if (!r.in_bg) continue;
      r.anspruch = claims[idx];
      r.anspruch_kdu = Min(r.kdu, r.anspruch);  // income covers RB/MB first (§ 19 Abs. 3)
      if (trace) {
        trace->Add(kP, "anspruch_m", r.id, r.anspruch,
                   "Bedarfsanteil: ungedeckter Bedarf " + Euro(rest[idx]) +
                       " im Verhältnis zum Gesamtbedarf; davon KdU " + Euro(r.anspruch_kdu));
      }
    }
  }
  return out;
}

}  // namespace amip::benefits
