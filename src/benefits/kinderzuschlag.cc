#include "benefits/kinderzuschlag.h"

#include <algorithm>
#include <cmath>

#include "benefits/formula_registry.h"

namespace amip::benefits {
namespace {

using core::Cents;
constexpr const char* kP = "kinderzuschlag";

// `amount` rounded down to a multiple of `step` (0 = unchanged).
Cents RoundDown(Cents amount, Cents step) {
  if (step.value() <= 0 || amount.value() <= 0) return Max(amount, Cents());
  return Cents::FromCents(amount.value() / step.value() * step.value());
}

struct KizMembers {
  int parents = 0;
  bool single_parent = false;
  Cents parents_gross, parents_income, parents_other, parents_need, child_sum;
};

// Counts the children with Kindergeld and their KiZ after their own income (out.kinder), and
// sums the parents' gross income, SGB II income and Regelbedarf, with the caller's overrides.
KizMembers SumMembers(const Household& h, const law::LawSnapshot& law, const Sgb2Result& sgb2,
                      const KinderzuschlagOverrides& overrides, KinderzuschlagResult& out, Trace* trace) {
  const law::KinderzuschlagLaw& k = law.kiz;
  KizMembers m;
  const int n = static_cast<int>(h.personen.size());
  for (int idx = 0; idx < n; ++idx) {
    const Person& p = h.personen[idx];
    const Sgb2Person& r = sgb2.personen[idx];
    if (IsChild(p)) {
      if (r.kindergeld.value() == 0) continue;
      ++out.kinder;
      // Child's own income (maintenance, UVG, earnings after allowance) reduces its KiZ.
      const Cents own = r.unterhalt + r.erwerb_anrechenbar + r.sonstiges;
      const Cents per_child = Max(Cents(), k.hoechstbetrag - Share(own, k.entzug_kind));
      m.child_sum += per_child;
      if (trace) {
        trace->Add(kP, "kinderzuschlag_kind_m", p.id, per_child,
                   "Höchstbetrag " + Euro(k.hoechstbetrag) + " − " +
                       std::to_string(static_cast<int>(k.entzug_kind * 100 + 0.5)) +
                       " % des Kindeseinkommens " + Euro(own),
                   {"kinderzuschlag/kinderzuschlag.hoechstbetrag",
                    "kinderzuschlag/kinderzuschlag.entzugsraten"});
      }
    } else {
      ++m.parents;
      m.single_parent = p.partner.empty();
      m.parents_gross += p.bruttolohn_m + p.sonstiges_einkommen_m;
      m.parents_income += r.einkommen;  // SGB II income after allowances, incl. surplus KG
      m.parents_other += r.einkommen - r.erwerb_anrechenbar;  // not from earnings
      m.parents_need += overrides.mehrbedarf_alleinerziehend_anteil.has_value() ? r.regelbedarf : r.regelsatz;
    }
  }
  if (overrides.mehrbedarf_alleinerziehend_anteil.has_value()) {
    m.parents_need += Share(law.sgb2.regelbedarfsstufe[1], *overrides.mehrbedarf_alleinerziehend_anteil);
  }
  if (overrides.bruttoeinkommen_eltern_m.has_value()) m.parents_gross = *overrides.bruttoeinkommen_eltern_m;
  if (overrides.nettoeinkommen_eltern_m.has_value()) {
    m.parents_income = *overrides.nettoeinkommen_eltern_m;
    m.parents_other = Cents();  // given as one amount: treated as earnings
  }
  return m;
}

// Wealth above the allowance reduces KiZ euro for euro (sets out.anspruch_m_bg).
void ApplyWealth(const law::LawSnapshot& law, const Sgb2Result& sgb2, KinderzuschlagResult& out, Trace* trace) {
  // Until 2022 the SGB II allowances apply; from 2023 only "erhebliches" wealth counts (§ 6a
  // Abs. 3 S. 5, Abs. 5 S. 3 BKGG): the Karenzzeit amounts of § 12 Abs. 4 SGB II, whatever the
  // SGB II Karenzzeit.
  const law::KinderzuschlagLaw& k = law.kiz;
  Cents freibetrag = sgb2.vermoegensfreibetrag_bg;
  const bool nur_erheblich = k.vermoegen_nur_erheblich && law.sgb2.vermoegen_buergergeld.has_value();
  int members = 0;
  if (nur_erheblich) {
    for (const Sgb2Person& r : sgb2.personen) members += r.in_bg ? 1 : 0;
    const auto& v = *law.sgb2.vermoegen_buergergeld;
    freibetrag = v.karenz_erste_person + v.karenz_weitere_person * std::max(0, members - 1);
  }
  const Cents excess_wealth = Max(Cents(), sgb2.vermoegen_bg - freibetrag);
  out.anspruch_m_bg = Max(Cents(), out.basisbetrag_m_bg - excess_wealth);
  if (trace) {
    trace->Add(kP, "anspruchshoehe_m_bg", "", out.anspruch_m_bg,
               "nach Vermögensprüfung (Vermögen " + Euro(sgb2.vermoegen_bg) + ", Freibetrag " + Euro(freibetrag) +
                   (nur_erheblich ? ": erheblich erst über " + Euro(law.sgb2.vermoegen_buergergeld->karenz_erste_person) +
                                        " + " + std::to_string(std::max(0, members - 1)) + " × " +
                                        Euro(law.sgb2.vermoegen_buergergeld->karenz_weitere_person) +
                                        " (§ 6a Abs. 3 S. 5 BKGG, § 12 Abs. 4 SGB II)"
                                  : "") +
                   ")",
               {"kinderzuschlag/kinderzuschlag.vermoegen_nur_erheblich", "sgb2/vermoegen.buergergeld_freibetrag"});
  }
}

}  // namespace

core::Result<KinderzuschlagResult> ComputeKinderzuschlag(const Household& h,
                                                         const law::LawSnapshot& law,
                                                         const Sgb2Result& sgb2,
                                                         const KinderzuschlagOverrides& overrides,
                                                         Trace* trace) {
  const law::KinderzuschlagLaw& k = law.kiz;
  KinderzuschlagResult out;
  const KizMembers m = SumMembers(h, law, sgb2, overrides, out, trace);
  const Cents min_income = m.single_parent ? k.mindesteinkommen_alleinerziehend : k.mindesteinkommen_paar;
  if (out.kinder == 0) {
    out.grund = KizAusschluss::kKeinKind;
  } else {
    if (m.parents_gross < min_income) out.grund = KizAusschluss::kMindesteinkommen;
    if (trace) {
      trace->Add(kP, "mindesteinkommen_m", "", min_income,
                 "Bruttoeinkommen der Eltern " + Euro(m.parents_gross),
                 {"kinderzuschlag/kinderzuschlag.mindesteinkommen"});
    }
  }
  // Wohnbedarfsanteil of the parents (§ 6a Abs. 5 S. 2 BKGG) of the accepted housing costs.
  const Cents wk_adults = m.parents >= 2 ? k.wohnkosten_paar_y : k.wohnkosten_single_y;
  const int counted = std::min(out.kinder, 10);
  const long double share = static_cast<long double>(wk_adults.value()) /
                            (wk_adults.value() + static_cast<long double>(k.wohnkosten_kind_y.value()) * counted);
  Cents kdu_total;
  for (const Sgb2Person& r : sgb2.personen) kdu_total += r.kdu;
  const Cents wohnanteil = Cents::FromCents(static_cast<int64_t>(std::llround(kdu_total.value() * share)));
  out.erwachsenenbedarf = m.parents_need + wohnanteil;
  out.elterneinkommen = RoundDown(m.parents_income, k.rundung_eltern);
  if (trace) {
    trace->Add(kP, "erwachsenenbedarf_m", "", out.erwachsenenbedarf,
               "Regelsätze der Eltern " + Euro(m.parents_need) + " + Wohnbedarfsanteil " +
                   std::to_string(static_cast<double>(share)).substr(0, 6) + " × KdU " + Euro(kdu_total),
               {"kinderzuschlag/kinderzuschlag.wohnkosten_existenzminimum"});
    trace->Add(kP, "elterneinkommen_m", "", out.elterneinkommen,
               "anzurechnendes Einkommen der Eltern " + Euro(m.parents_income) +
                   (k.rundung_eltern.value() > 0 ? ", abgerundet auf " + Euro(k.rundung_eltern) : ""),
               {"kinderzuschlag/kinderzuschlag.einkommensrundung"});
  }
  if (out.grund != KizAusschluss::kKeiner) {
    if (trace) {
      trace->AddText(kP, "anspruchshoehe_m_bg", "", "0.00",
                     out.grund == KizAusschluss::kKeinKind
                         ? std::string("kein Kind mit Kindergeld in der Bedarfsgemeinschaft")
                         : "Bruttoeinkommen der Eltern " + Euro(m.parents_gross) +
                               " unter der Mindesteinkommensgrenze " + Euro(min_income) + " (§ 6a Abs. 1 Nr. 2 BKGG)");
    }
    return out;
  }
  if (k.hoechsteinkommensgrenze && out.elterneinkommen > out.erwachsenenbedarf + k.hoechstbetrag * out.kinder) {
    out.grund = KizAusschluss::kHoechsteinkommen;
    if (trace) {
      trace->AddText(kP, "anspruchshoehe_m_bg", "", "0.00",
                     "Elterneinkommen über der Höchsteinkommensgrenze (§ 6a Abs. 1 Nr. 3 BKGG a.F.)",
                     {"kinderzuschlag/kinderzuschlag.hoechsteinkommensgrenze"});
    }
    return out;
  }
  // The excess over the parents' need is taken as caused by earnings unless the other income
  // alone exceeds the need; that part reduces KiZ in full (§ 6a Abs. 4 S. 5, 7 BKGG a.F.,
  // Abs. 6 S. 2, 4 n.F.). Until 2019-06 only full steps of the earnings excess count (§ 6a
  // Abs. 4 S. 6 a.F.: 5 € for each full 10 €); from 2019-07 the rate applies to all of it.
  const Cents other_excess = Max(Cents(), m.parents_other - out.erwachsenenbedarf);
  const Cents excess = Max(Cents(), out.elterneinkommen - out.erwachsenenbedarf - other_excess);
  const Cents stepped = RoundDown(excess, k.minderungsschritt_eltern);
  const Cents withdrawal = Share(stepped, k.entzug_eltern) + Share(other_excess, k.entzug_eltern_sonstiges);
  out.basisbetrag_m_bg = Max(Cents(), m.child_sum - withdrawal);
  out.berechtigt = out.basisbetrag_m_bg.value() > 0;
  if (trace) {
    const std::string rate = std::to_string(static_cast<int>(k.entzug_eltern * 100 + 0.5)) + " % von ";
    trace->Add(kP, "basisbetrag_m_bg", "", out.basisbetrag_m_bg,
               "Summe Kinder " + Euro(m.child_sum) + " − " + rate +
                   (k.minderungsschritt_eltern.value() > 0
                        ? Euro(stepped) + " (volle " + Euro(k.minderungsschritt_eltern) + "-Schritte von " +
                              Euro(excess) + ")"
                        : Euro(excess)) +
                   " (Erwerbseinkommen der Eltern über dem Erwachsenenbedarf)" +
                   (other_excess.value() > 0
                        ? " − " + std::to_string(static_cast<int>(k.entzug_eltern_sonstiges * 100 + 0.5)) +
                              " % von " + Euro(other_excess) +
                              " (anderes Einkommen allein über dem Erwachsenenbedarf)"
                        : ""),
               {"kinderzuschlag/kinderzuschlag.entzugsraten", "kinderzuschlag/kinderzuschlag.minderungsschritt_eltern"});
  }
  ApplyWealth(law, sgb2, out, trace);
  return out;
}

}  // namespace amip::benefits
