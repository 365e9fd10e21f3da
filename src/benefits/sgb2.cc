#include "benefits/sgb2.h"

#include <algorithm>
#include <numeric>

#include "benefits/formula_registry.h"
#include "benefits/sgb2_steps.h"
#include "benefits/validated.h"

namespace amip::benefits {

using core::Cents;

namespace sgb2_steps {
namespace {

// § 32 Abs. 4 S. 1 EStG: a child counts below the age limit, above it while in training.
bool KindergeldBerechtigt(const Person& p, const law::KindergeldLaw& k) {
  return IsChild(p) && (p.alter < k.alter_ohne_voraussetzung_unter || p.in_ausbildung);
}

int Empfaenger(const Household& h, const Person& child) {
  return FindPerson(h, child.kindergeld_empfaenger.empty() ? child.eltern[0] : child.kindergeld_empfaenger);
}

// § 12 Abs. 2 SGB II a.F. (until 2022).
Cents VermoegenAlt(const Household& h, const Sgb2Result& r, const law::LawSnapshot& law) {
  Cents total;
  for (size_t idx = 0; idx < h.personen.size(); ++idx) {
    if (r.personen[idx].in_bg) total += FreibetragAltPerson(h, h.personen[idx], law);
  }
  return total;
}

// § 12 Abs. 2–4 SGB II (Bürgergeld, from 2023).
Cents VermoegenBuergergeld(const Household& h, const Sgb2Result& r, const law::LawSnapshot& law) {
  const auto& v = *law.sgb2.vermoegen_buergergeld;
  const int64_t n = BgMitglieder(r);
  return h.karenzzeit ? v.karenz_erste_person + v.karenz_weitere_person * (n - 1) : v.je_person * n;
}

using WealthFn = Cents (*)(const Household&, const Sgb2Result&, const law::LawSnapshot&);
const std::vector<DatedFormula<WealthFn>>& WealthFormulas() {
  static const std::vector<DatedFormula<WealthFn>> kTable = {
      {"vermoegen_alg2_2005", 2005, &VermoegenAlt},
      {"vermoegen_buergergeld_2023", 2023, &VermoegenBuergergeld},
  };
  return kTable;
}

}  // namespace

bool IsChildOf(const Person& child, const Person& parent) {
  return HasId(child.eltern, parent.id);
}

int Stufe(const Person& p, const law::Sgb2Law& s) {
  if (!IsChild(p)) return p.partner.empty() ? 1 : 2;
  if (p.alter < s.alter_rbs5_ab) return 6;
  if (p.alter < s.alter_rbs4_ab) return 5;
  if (p.alter < s.alter_rbs3_ab) return 4;
  return 3;
}

AlleinerziehendKinder KinderFuerMehrbedarf(const Household& h, const Person& p, const law::Sgb2Law& s) {
  AlleinerziehendKinder out;
  if (IsChild(p) || !p.partner.empty()) return out;
  for (const Person& child : h.personen) {
    if (!IsChildOf(child, p)) continue;
    if (child.alter < s.mehrbedarf_ae_alter_klein) ++out.unter_7;
    if (child.alter < s.mehrbedarf_ae_alter_schul) ++out.unter_16;
    if (child.alter < s.mehrbedarf_ae_alter_minderj) ++out.unter_18;
  }
  return out;
}

double AlleinerziehendAnteil(const Household& h, const Person& p, const law::Sgb2Law& s) {
  const AlleinerziehendKinder k = KinderFuerMehrbedarf(h, p, s);
  if (k.unter_18 == 0) return 0;
  // § 21 Abs. 3 Nr. 1 SGB II: "mit einem Kind unter sieben Jahren oder mit zwei oder drei
  // Kindern unter sechzehn Jahren" (the ages are law data, the counts the rule's structure).
  const bool fest_gilt = k.unter_7 >= 1 || k.unter_16 == 2 || k.unter_16 == 3;
  const double fest = fest_gilt ? s.mehrbedarf_ae_fest : 0;
  const double je_kind = s.mehrbedarf_ae_je_kind * k.unter_18;
  return std::min(std::max(fest, je_kind), s.mehrbedarf_ae_hoechst);
}

void Bedarfe(const Household& h, int idx, const law::Sgb2Law& s, Sgb2Person& r) {
  const Person& p = h.personen[idx];
  r.id = p.id;
  r.kind = IsChild(p);
  r.stufe = Stufe(p, s);
  r.regelbedarf = s.regelbedarfsstufe[r.stufe];
  if (r.kind && s.kindersofortzuschlag.value() > 0) r.kindersofortzuschlag = s.kindersofortzuschlag;
  const double ae = AlleinerziehendAnteil(h, p, s);
  if (ae > 0) r.mehrbedarf_alleinerziehend = Share(s.regelbedarfsstufe[1], ae);
  if (p.schwanger) r.mehrbedarf_schwangerschaft = Share(r.regelbedarf, s.mehrbedarf_schwangerschaft);
  if (p.behinderung_eingliederung) r.mehrbedarf_behinderung = Share(r.regelbedarf, s.mehrbedarf_behinderung);
  if (h.wohnung.warmwasser_dezentral) r.mehrbedarf_warmwasser = Share(r.regelbedarf, s.mehrbedarf_warmwasser[r.stufe]);
  if (p.mehrbedarf_sonstig_m.value() > 0) r.mehrbedarf_sonstig = p.mehrbedarf_sonstig_m;
  const Cents mehr = r.mehrbedarf_alleinerziehend + r.mehrbedarf_schwangerschaft + r.mehrbedarf_behinderung +
                     r.mehrbedarf_warmwasser + r.mehrbedarf_sonstig;
  r.mehrbedarf = Min(mehr, r.regelbedarf);  // § 21 Abs. 8 SGB II
  r.regelsatz = r.regelbedarf + r.kindersofortzuschlag + r.mehrbedarf;
}

bool KarenzzeitKdu(const Household& h, const law::Sgb2Law& s) { return h.karenzzeit && s.karenzzeit_monate > 0; }

core::Status Unterkunft(const Household& h, const law::Sgb2Law& s, const law::LocalRules* local, Sgb2Result& out) {
  const Wohnung& w = h.wohnung;
  const int n = static_cast<int>(h.personen.size());
  Cents miete = w.bruttokaltmiete_m;
  std::optional<Cents> grenze = w.kdu_grenze_m;
  if (!grenze.has_value() && !w.gemeinde.empty()) {
    if (local == nullptr) {
      return core::FailedPreconditionError("no local KdU rules loaded for gemeinde '" + w.gemeinde + "'");
    }
    AMIP_ASSIGN_OR_RETURN(grenze, local->KduCeilingAmountFor(w.gemeinde, n, h.datum));
  }
  if (grenze.has_value()) {
    out.kdu_grenze = *grenze;
    if (!KarenzzeitKdu(h, s) && miete > *grenze) {
      out.kdu_gekappt = true;
      miete = *grenze;
    }
  }
  out.kdu_miete_anerkannt = miete;
  for (int idx = 0; idx < n; ++idx) {
    Sgb2Person& r = out.personen[idx];
    r.kdu = PerHeadShare(miete + w.heizkosten_m, n, idx);
    r.bedarf = r.regelsatz + r.kdu;
  }
  return core::Status::Ok();
}

bool KinderlosFuerPflege(const Household& h, const Person& person, const law::ArbeitLaw& a) {
  bool has_child = false;
  for (const Person& p : h.personen) has_child = has_child || IsChildOf(p, person);
  return !has_child && !person.kind_ausserhalb && person.alter >= a.pv_kinderlos_ab_alter;
}

bool U25Ausbildung(const Person& p, const law::Sgb2Law& s) {
  return p.in_ausbildung && p.alter < s.grundabsetzbetrag_u25_alter_unter;
}

core::Status Erwerbseinkommen(const Household& h, int idx, const law::LawSnapshot& law, Sgb2Person& r) {
  const Person& p = h.personen[idx];
  r.brutto_erwerb = p.bruttolohn_m;
  AMIP_ASSIGN_OR_RETURN(r.netto_erwerb, NettoErwerb(h, p, law, nullptr));
  if (r.brutto_erwerb.value() > 0) {
    r.freibetrag = Erwerbstaetigenfreibetrag(r.brutto_erwerb, HatMinderjaehrigesKind(h, p, law),
                                             U25Ausbildung(p, law.sgb2), law);
    r.erwerb_anrechenbar = Max(Cents(), r.netto_erwerb - r.freibetrag);
  }
  r.unterhalt = p.unterhalt_m + p.unterhaltsvorschuss_m;
  r.sonstiges = p.sonstiges_einkommen_m;
  return core::Status::Ok();
}

void Kindergeld(const Household& h, const law::LawSnapshot& law, Sgb2Result& out) {
  const int n = static_cast<int>(h.personen.size());
  for (int idx = 0; idx < n; ++idx) {
    const Person& child = h.personen[idx];
    if (!KindergeldBerechtigt(child, law.kindergeld)) continue;
    const int recipient = Empfaenger(h, child);
    // Rank among the recipient's children: older first, equal ages in household order.
    int rank = 0;
    for (int other = 0; other < n; ++other) {
      const Person& o = h.personen[other];
      if (other == idx || !KindergeldBerechtigt(o, law.kindergeld) || Empfaenger(h, o) != recipient) continue;
      if (o.alter > child.alter || (o.alter == child.alter && other < idx)) ++rank;
    }
    Sgb2Person& r = out.personen[idx];
    r.kindergeld_ordinal = h.personen[recipient].zaehlkinder_ausserhalb + rank + 1;
    r.kindergeld_empfaenger = recipient;
    r.kindergeld = child.kindergeld_m.value_or(law.kindergeld.ForOrdinal(r.kindergeld_ordinal));
  }
}

core::Cents SonstigesVorPauschale(const Sgb2Person& r) {
  return r.einkommen + r.versicherungspauschale - r.erwerb_anrechenbar;
}

void Einkommen(const Household& h, const law::Sgb2Law& s, Sgb2Result& out) {
  const int n = static_cast<int>(h.personen.size());
  // 30 € insurance allowance on the other income of an adult without earnings (with
  // earnings the 100 € Grundabsetzbetrag of § 11b Abs. 2 S. 1 replaces it).
  auto versicherungspauschale = [&](int idx) {
    Sgb2Person& r = out.personen[idx];
    if (h.personen[idx].alter < s.versicherungspauschale_ab_alter || r.brutto_erwerb.value() > 0) return;
    r.versicherungspauschale = Min(s.versicherungspauschale, Max(Cents(), r.einkommen - r.erwerb_anrechenbar));
    r.einkommen -= r.versicherungspauschale;
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
      r.kindergeld_ueberschuss = Min(r.kindergeld, r.einkommen - r.bedarf);
      if (r.kindergeld_empfaenger >= 0 && r.kindergeld_ueberschuss.value() > 0) {
        out.personen[r.kindergeld_empfaenger].kindergeld_ueberschuss -= r.kindergeld_ueberschuss;  // received
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
}

void Summen(Sgb2Result& out) {
  for (const Sgb2Person& r : out.personen) {
    if (!r.in_bg) continue;
    out.regelsatz_m_bg += r.regelsatz;
    out.kdu_m_bg += r.kdu;
    out.bedarf_m_bg += r.bedarf;
    out.einkommen_m_bg += r.einkommen;
  }
}

int BgMitglieder(const Sgb2Result& r) {
  int members = 0;
  for (const Sgb2Person& p : r.personen) members += p.in_bg ? 1 : 0;
  return members;
}

Cents FreibetragAltPerson(const Household& h, const Person& p, const law::LawSnapshot& law) {
  const auto& v = *law.sgb2.vermoegen_alt;
  Cents amount;
  if (p.alter < law.volljaehrig_ab) {
    amount = v.je_kind;
  } else {
    const int born = h.datum.year() - p.alter;
    if (born < v.vor_1948_geboren_vor) {
      amount = Min(v.vor_1948_je_lebensjahr * p.alter, v.vor_1948_hoechst);
    } else {
      const Cents cap = born <= v.stufe_1_geboren_bis   ? v.hoechst_1948_1957
                        : born <= v.stufe_2_geboren_bis ? v.hoechst_1958_1963
                                       : v.hoechst_ab_1964;
      amount = Min(Max(v.je_lebensjahr * p.alter, v.mindestbetrag), cap);
    }
  }
  return amount + v.anschaffung;
}

core::Status Vermoegen(const Household& h, const law::LawSnapshot& law, Sgb2Result& out) {
  AMIP_ASSIGN_OR_RETURN(const auto* formula, SelectFormula(WealthFormulas(), law.sgb2.formel_vermoegen, "vermoegensfreibetrag_bg"));
  for (size_t idx = 0; idx < h.personen.size(); ++idx) {
    if (out.personen[idx].in_bg) out.vermoegen_bg += h.personen[idx].vermoegen;
  }
  out.vermoegensfreibetrag_bg = formula->fn(h, out, law);
  out.vermoegen_formel = formula->name;
  out.vermoegen_ueber_grenze = out.vermoegen_bg > out.vermoegensfreibetrag_bg;
  return core::Status::Ok();
}

bool ErwerbsfaehigerInBg(const Household& h, const law::Sgb2Law& s) {
  // Ages are whole years, so a person counts as below the limit while age·12 < limit.
  const int year = h.datum.year();
  for (const Person& p : h.personen) {
    const int born = year - p.alter;
    if (p.alter >= s.mindestalter && p.alter * 12 < s.AltersgrenzeMonate(born)) return true;
  }
  return false;
}

Cents UngedeckterBedarf(const Sgb2Person& r) { return r.kind ? Max(Cents(), r.bedarf - r.einkommen) : r.bedarf; }

void Anspruch(Sgb2Result& out) {
  out.hilfebeduerftig = out.erwerbsfaehiger_in_bg && !out.vermoegen_ueber_grenze &&
                        out.bedarf_m_bg > out.einkommen_m_bg;
  out.anspruch_m_bg = out.hilfebeduerftig ? out.bedarf_m_bg - out.einkommen_m_bg : Cents();
  if (out.anspruch_m_bg.value() <= 0) return;
  // Children's own income covers their own need first; the remaining income of the parents
  // is spread over the remaining needs in proportion.
  const size_t n = out.personen.size();
  std::vector<Cents> rest(n);
  for (size_t idx = 0; idx < n; ++idx) {
    if (out.personen[idx].in_bg) rest[idx] = UngedeckterBedarf(out.personen[idx]);
  }
  const std::vector<Cents> claims = SplitProportional(out.anspruch_m_bg, rest);
  for (size_t idx = 0; idx < n; ++idx) {
    Sgb2Person& r = out.personen[idx];
    if (!r.in_bg) continue;
    r.anspruch = claims[idx];
    r.anspruch_kdu = Min(r.kdu, r.anspruch);  // income covers RB/MB first (§ 19 Abs. 3)
  }
}

}  // namespace sgb2_steps

bool HatMinderjaehrigesKind(const Household& h, const Person& person, const law::LawSnapshot& law) {
  if (person.kind_ausserhalb) return true;
  for (const Person& child : h.personen) {
    if (child.alter < law.volljaehrig_ab && sgb2_steps::IsChildOf(child, person)) return true;
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
  AMIP_ASSIGN_OR_RETURN(NettoResult net, ComputeNetto(person.bruttolohn_m, sgb2_steps::KinderlosFuerPflege(household, person, law.arbeit),
                                                      law, trace, person.id));
  return net.netto_m;
}

core::Result<Sgb2Result> ComputeBuergergeld(const Household& h, const law::LawSnapshot& law,
                                            const law::LocalRules* local, Trace* trace) {
  AMIP_RETURN_IF_ERROR(ValidateHousehold(h, law.sgb2));
  return ComputeBuergergeldValidated(h, law, local, trace);
}

core::Result<Sgb2Result> ComputeBuergergeldValidated(const Household& h, const law::LawSnapshot& law,
                                                     const law::LocalRules* local, Trace* trace) {
  namespace steps = sgb2_steps;
  for (const Person& p : h.personen) {
    if (IsChild(p) && p.alter >= law.sgb2.alter_bg_kind_unter) {
      return core::InvalidArgumentError("person '" + p.id + "' (age " + std::to_string(p.alter) +
                                  ") is " + std::to_string(law.sgb2.alter_bg_kind_unter) +
                                  " or older and forms a Bedarfsgemeinschaft of their "
                                  "own (§ 7 Abs. 3 Nr. 4 SGB II); evaluate the household (Evaluate "
                                  "splits it into its Bedarfsgemeinschaften)");
    }
  }
  const int n = static_cast<int>(h.personen.size());
  Sgb2Result out;
  out.personen.resize(n);
  for (int idx = 0; idx < n; ++idx) steps::Bedarfe(h, idx, law.sgb2, out.personen[idx]);  // step 1
  AMIP_RETURN_IF_ERROR(steps::Unterkunft(h, law.sgb2, local, out));                                  // step 1b
  for (int idx = 0; idx < n; ++idx) {                                                      // step 2
    AMIP_RETURN_IF_ERROR(steps::Erwerbseinkommen(h, idx, law, out.personen[idx]));
  }
  steps::Kindergeld(h, law, out);
  steps::Einkommen(h, law.sgb2, out);
  steps::Summen(out);
  AMIP_RETURN_IF_ERROR(steps::Vermoegen(h, law, out));                                     // step 3
  out.erwerbsfaehiger_in_bg = steps::ErwerbsfaehigerInBg(h, law.sgb2);                     // step 3b
  steps::Anspruch(out);                                                                    // steps 4, 5
  if (trace != nullptr) TraceBuergergeld(h, law, local, out, trace);
  return out;
}

}  // namespace amip::benefits
