#include "benefits/wohngeld.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "benefits/formula_registry.h"
#include "benefits/netto.h"
#include "benefits/validated.h"

namespace amip::benefits {
namespace {

using core::Cents;
__extension__ using Int128 = __int128;

constexpr const char* kP = "wohngeld";
constexpr int64_t kOne = 10000000000LL;  // 1.0 at 10 decimals

// Rounds a product of two 10-decimal numbers back to 10 decimals, half up.
int64_t MulFixed(int64_t a, int64_t b) {
  const Int128 product = static_cast<Int128>(a) * b;
  const Int128 half = product >= 0 ? kOne / 2 : -kOne / 2;
  return static_cast<int64_t>((product + half) / kOne);
}

int64_t CentsToFixed(Cents c) { return c.value() * (kOne / 100); }

// The § 16 WoGG deduction of `share` (10, 20 or 30 %, law data) from an annual amount in
// cents, rounded half away from zero to the cent. The share is taken to 1/10,000 (the law
// states whole percents), so the product is exact integer arithmetic.
int64_t PauschalAbzug(int64_t amount_y, double share) {
  constexpr int64_t kBasis = 10000;
  const int64_t share_basis = std::llround(share * kBasis);
  const Int128 product = static_cast<Int128>(amount_y) * share_basis;
  const Int128 half = product >= 0 ? kBasis / 2 : -kBasis / 2;
  return static_cast<int64_t>((product + half) / kBasis);
}

// Table value for n persons: rows 1..5, then + je_weitere per further member.
Cents ForSize(const std::array<Cents, 7>& table, int n) {
  if (n <= 5) return table[n];
  return table[5] + table[6] * (n - 5);
}

Cents Hoechstbetrag(const law::WohngeldLaw& w, int n, int stufe) {
  if (n <= 5) return w.hoechstbetrag[n][stufe];
  return w.hoechstbetrag[5][stufe] + w.hoechstbetrag[6][stufe] * (n - 5);
}

struct MieteInput {
  Cents bruttokaltmiete;
  int n;
  int stufe;
  int n_formel;  // min(n, 12) for the minimum value
};
// Each version returns M; with `why` it also writes how M was formed (for the trace).
// § 12 Abs. 1 WoGG, 2009–2020: M = max(min(rent, cap), minimum).
Cents Miete2009(const MieteInput& in, const law::WohngeldLaw& w, std::string* why) {
  const Cents cap = Hoechstbetrag(w, in.n, in.stufe);
  const Cents m = Max(Min(in.bruttokaltmiete, cap), w.mindestmiete[in.n_formel]);
  if (why != nullptr) {
    *why = "min(Bruttokaltmiete " + Euro(in.bruttokaltmiete) + ", Höchstbetrag " + Euro(cap) + "), mindestens " +
           Euro(w.mindestmiete[in.n_formel]);
  }
  return m;
}
// 2021–2022: plus the CO2 heating relief (§ 12 Abs. 6).
Cents Miete2021(const MieteInput& in, const law::WohngeldLaw& w, std::string* why) {
  const Cents base = Miete2009(in, w, why);
  const Cents co2 = ForSize(w.heizkostenentlastung, in.n);
  if (why != nullptr) *why += " + Heizkostenentlastung " + Euro(co2);
  return base + co2;
}
// From 2023 (Wohngeld-Plus): cap raised by the Klimakomponente, plus relief and
// Heizkostenkomponente.
Cents Miete2023(const MieteInput& in, const law::WohngeldLaw& w, std::string* why) {
  const Cents cap = Hoechstbetrag(w, in.n, in.stufe) + ForSize(w.klimakomponente, in.n);
  const Cents co2 = ForSize(w.heizkostenentlastung, in.n);
  const Cents heiz = ForSize(w.heizkostenkomponente, in.n);
  if (why != nullptr) {
    *why = "min(Bruttokaltmiete " + Euro(in.bruttokaltmiete) + ", Höchstbetrag+Klimakomponente " + Euro(cap) +
           "), mindestens " + Euro(w.mindestmiete[in.n_formel]) + ", + Heizkostenentlastung " + Euro(co2) +
           " + Heizkostenkomponente " + Euro(heiz);
  }
  return Max(Min(in.bruttokaltmiete, cap), w.mindestmiete[in.n_formel]) + co2 + heiz;
}

using MieteFn = Cents (*)(const MieteInput&, const law::WohngeldLaw&, std::string* why);
const std::vector<DatedFormula<MieteFn>>& MieteFormulas() {
  static const std::vector<DatedFormula<MieteFn>> kTable = {
      {"wohngeld_miete_2009", 2009, &Miete2009},
      {"wohngeld_miete_2021", 2021, &Miete2021},
      {"wohngeld_miete_2023", 2023, &Miete2023},
  };
  return kTable;
}

}  // namespace

Cents WohngeldFormel(int n, Cents miete, Cents einkommen, const law::WohngeldLaw& w) {
  const int64_t m = CentsToFixed(miete);
  const int64_t y = CentsToFixed(einkommen);
  const int64_t z1 = w.a[n] + MulFixed(w.b[n], m) + MulFixed(w.c[n], y);
  const int64_t z2 = MulFixed(z1, y);
  const int64_t z3 = m - z2;
  const int64_t z4 = MulFixed(w.faktor, z3);
  // Round to whole euros, half up (away from zero for negative values is irrelevant: clamped).
  const int64_t euros = z4 >= 0 ? (z4 + kOne / 2) / kOne : -((-z4 + kOne / 2) / kOne);
  return Cents::FromEuros(euros);
}

core::Result<WohngeldResult> ComputeWohngeld(const Household& h, const law::LawSnapshot& law,
                                             const law::LocalRules* local,
                                             const WohngeldOptions& options, Trace* trace) {
  AMIP_RETURN_IF_ERROR(ValidateHousehold(h, law.sgb2));
  return ComputeWohngeldValidated(h, law, local, options, trace);
}

namespace {

// The Gesamteinkommen of the household per year in cents (§§ 14–17 WoGG): each member's annual
// income after the Werbungskostenpauschale and the § 16 Pauschalabzug, less the § 17
// allowances (Schwerbehinderte, children's own earnings, single parents), not below 0.
core::Result<int64_t> GesamteinkommenY(const Household& h, const law::LawSnapshot& law,
                                       const WohngeldOptions& options, Trace* trace) {
  const law::WohngeldLaw& w = law.wohngeld;
  int64_t total_y = 0;
  int64_t freibetrag_kinder_y = 0;
  for (const Person& p : h.personen) {
    int64_t gross_y = p.bruttolohn_m.value() * 12;
    int64_t income_y = p.erwerb_nach_werbungskosten_y.has_value()
                           ? p.erwerb_nach_werbungskosten_y->value()
                           : gross_y - std::min(gross_y, w.werbungskostenpauschale_y.value());
    // § 17 WoGG (Nr. 4 since 2016): the child's own earnings (Einnahmen, i.e. gross), at most the
    // allowance, come off the Gesamteinkommen after the § 16 deduction (WoGVwV 17.02).
    if (IsChild(p) && p.alter < w.kind_erwerb_alter_unter && gross_y > 0) {
      freibetrag_kinder_y += std::min(gross_y, w.freibetrag_kind_erwerb_y.value());
    }
    income_y += (p.unterhalt_m + p.unterhaltsvorschuss_m + p.sonstiges_einkommen_m).value() * 12;
    int abzuege = 0;
    if (options.abzuege_override.has_value()) {
      abzuege = *options.abzuege_override;
    } else if (p.wohngeld_abzuege.has_value()) {
      abzuege = *p.wohngeld_abzuege;
    } else if (p.bruttolohn_m > law.arbeit.geringfuegigkeitsgrenze) {
      abzuege = 2;  // health/care and pension insurance
      AMIP_ASSIGN_OR_RETURN(NettoResult net, ComputeNetto(p.bruttolohn_m, false, law, nullptr, p.id));
      if (net.einkommensteuer_m.value() > 0) abzuege = 3;
    }
    const int64_t after = income_y - PauschalAbzug(income_y, w.pauschalabzug[abzuege]);
    if (p.schwerbehindert) total_y -= w.freibetrag_schwerbehindert_y.value();
    total_y += after;
    if (trace && income_y > 0) {
      trace->Add(kP, "einkommen_y", p.id, Cents::FromCents(after),
                 "Jahreseinkommen " + Euro(Cents::FromCents(income_y)) + " (Brutto − Werbungskostenpauschale + Unterhalt/UVG/sonstiges) − " +
                     std::to_string(static_cast<int>(w.pauschalabzug[abzuege] * 100 + 0.5)) +
                     " % pauschaler Abzug (" + std::to_string(abzuege) + " Abzugsarten, § 16 WoGG)",
                 {"wohngeld/wohngeld.werbungskostenpauschale", "wohngeld/wohngeld.pauschalabzug",
                  "wohngeld/wohngeld.freibetraege"});
    }
  }
  if (freibetrag_kinder_y > 0) {
    total_y -= freibetrag_kinder_y;
    if (trace) {
      trace->Add(kP, "freibetrag_kinder_erwerb_y", "", Cents::FromCents(freibetrag_kinder_y),
                 "eigene Erwerbseinnahmen der Kinder unter 25, je Kind höchstens " +
                     Euro(w.freibetrag_kind_erwerb_y) + " (§ 17 WoGG, seit 2016 Nr. 4), vom Gesamteinkommen",
                 {"wohngeld/wohngeld.freibetraege"});
    }
  }
  // Single-parent allowance (§ 17 WoGG): a member living only with children. Until 2015
  // (§ 17 Nr. 4 a.F.) 600 € per child under 12 with Kindergeld, only if the parent is away
  // for work or training and all others are minors; from 2016 (§ 17 Nr. 3) 1,320 € once if
  // at least one child is under 18 and gets Kindergeld.
  for (const Person& p : h.personen) {
    if (IsChild(p) || !p.partner.empty()) continue;
    bool nur_kinder = true;
    int kids = 0;
    for (const Person& c : h.personen) {
      if (&c == &p) continue;
      if (!IsChild(c) || (w.alleinerziehend_je_kind && c.alter >= law.volljaehrig_ab)) nur_kinder = false;
      const bool kindergeld = c.alter < law.kindergeld.alter_ohne_voraussetzung_unter || c.in_ausbildung;
      if (IsChild(c) && kindergeld && c.alter < w.alleinerziehend_kind_alter_unter) ++kids;
    }
    const bool erwerb = p.bruttolohn_m.value() > 0 || p.in_ausbildung;
    if (!nur_kinder || kids == 0 || (w.alleinerziehend_nur_bei_erwerb && !erwerb)) continue;
    const Cents amount = w.freibetrag_alleinerziehend_y * (w.alleinerziehend_je_kind ? kids : 1);
    total_y -= amount.value();
    if (trace) {
      trace->Add(kP, "freibetrag_alleinerziehend_y", p.id, amount,
                 w.alleinerziehend_je_kind
                     ? std::to_string(kids) + " Kind(er) unter " + std::to_string(w.alleinerziehend_kind_alter_unter) +
                           " einer/eines erwerbstätigen Alleinerziehenden × " + Euro(w.freibetrag_alleinerziehend_y) +
                           " (§ 17 Nr. 4 WoGG a.F.)"
                     : "wohnt ausschließlich mit Kind(ern), mindestens eines unter " +
                           std::to_string(w.alleinerziehend_kind_alter_unter) +
                           " mit Kindergeld: einmal je Haushalt (§ 17 Nr. 3 WoGG)",
                 {"wohngeld/wohngeld.freibetraege", "wohngeld/wohngeld.freibetrag_alleinerziehend_regel"});
    }
    break;
  }
  return std::max<int64_t>(0, total_y);
}

}  // namespace

core::Result<WohngeldResult> ComputeWohngeldValidated(const Household& h, const law::LawSnapshot& law,
                                             const law::LocalRules* local,
                                             const WohngeldOptions& options, Trace* trace) {
    const law::WohngeldLaw& w = law.wohngeld;
  WohngeldResult out;
  const int n = static_cast<int>(h.personen.size());
  out.haushaltsgroesse = n;
  if (h.wohnung.mietstufe.has_value()) {
    out.mietstufe = *h.wohnung.mietstufe;
  } else if (!h.wohnung.gemeinde.empty() && local != nullptr) {
    AMIP_ASSIGN_OR_RETURN(out.mietstufe, local->MietstufeFor(h.wohnung.gemeinde, h.datum));
  } else {
    return core::InvalidArgumentError(
        "Wohngeld needs the Mietstufe: give wohnung.mietstufe or a gemeinde known in law/local");
  }
  if (out.mietstufe > w.mietstufen) {
    return core::InvalidArgumentError("Mietstufe " + std::to_string(out.mietstufe) +
                                      " does not exist on " + h.datum.ToString() + " (1.." +
                                      std::to_string(w.mietstufen) + ")");
  }
  const int n_formel = std::min(n, 12);
  out.hoechstbetrag = Hoechstbetrag(w, n, out.mietstufe);
  AMIP_ASSIGN_OR_RETURN(const auto* miete_formula, SelectFormula(MieteFormulas(), law.wohngeld.formel_miete, "miete_m"));
  const bool anteil = options.haushaltsmitglieder_gesamt > n;
  std::string miete_why;
  std::string* why_m = trace != nullptr ? &miete_why : nullptr;
  if (anteil) {
    // § 11 Abs. 3 WoGG: the share n/N of the rent and of the amounts for all N members.
    const int total = options.haushaltsmitglieder_gesamt;
    const Cents whole = miete_formula->fn(
        {options.bruttokaltmiete_gesamt, total, out.mietstufe, std::min(total, 12)}, w, why_m);
    out.miete_m = Cents::FromCents((whole.value() * n * 2 + total) / (2 * static_cast<int64_t>(total)));
    if (why_m != nullptr) {
      miete_why = std::to_string(n) + "/" + std::to_string(total) + " von (" + miete_why + ") = " + Euro(whole) +
                  " für alle " + std::to_string(total) +
                  " Haushaltsmitglieder; Ausgeschlossene nach § 7 WoGG: Anteil nach Köpfen (§ 11 Abs. 3 WoGG)";
    }
    out.hoechstbetrag = Cents::FromCents((Hoechstbetrag(w, total, out.mietstufe).value() * n * 2 + total) /
                                         (2 * static_cast<int64_t>(total)));
  } else {
    out.miete_m = miete_formula->fn({h.wohnung.bruttokaltmiete_m, n, out.mietstufe, n_formel}, w, why_m);
  }
  out.formel = miete_formula->name;
  if (trace) {
    trace->Add(kP, "miete_m", "", out.miete_m,
               miete_why + " (Mietstufe " + std::to_string(out.mietstufe) + ", " +
                   std::to_string(n) + " Haushaltsmitglieder)",
               {"wohngeld/wohngeld.hoechstbetraege", "wohngeld/wohngeld.mindestmiete",
                "wohngeld/wohngeld.heizkostenentlastung", "wohngeld/wohngeld.heizkostenkomponente",
                "wohngeld/wohngeld.klimakomponente"},
               miete_formula->name);
  }

  AMIP_ASSIGN_OR_RETURN(const int64_t total_y, GesamteinkommenY(h, law, options, trace));
  const Cents y_raw = Cents::FromCents((total_y + 6) / 12);
  out.einkommen_m = Max(y_raw, w.mindesteinkommen[n_formel]);
  if (trace) {
    trace->Add(kP, "einkommen_m", "", out.einkommen_m,
               "Gesamteinkommen " + Euro(y_raw) + " monatlich, mindestens " +
                   Euro(w.mindesteinkommen[n_formel]) + " (Anlage 3 Nr. 1)",
               {"wohngeld/wohngeld.mindesteinkommen"});
  }

  // Wealth limit.
  Cents wealth;
  for (const Person& p : h.personen) wealth += p.vermoegen;
  const Cents limit = w.vermoegen_erstes + w.vermoegen_weiteres * (n - 1);
  out.vermoegen_ueber_grenze = options.vermoegen_pruefen && wealth > limit;

  Cents amount = WohngeldFormel(n_formel, out.miete_m, out.einkommen_m, w);
  if (n > 12) {
    // The formula result for 12 members (not below 0) is raised per further member.
    amount = Min(Max(amount, Cents()) + w.je_mitglied_ueber_12 * (n - 12), out.miete_m);
  }
  amount = Max(amount, Cents());
  const Cents vor_bagatell = amount;
  const bool bagatell = options.bagatellgrenze && amount < w.bagatellgrenze && amount.value() > 0;
  if (bagatell || out.vermoegen_ueber_grenze) amount = Cents();
  out.anspruch_m = amount;
  if (trace) {
    char faktor[32];
    std::snprintf(faktor, sizeof faktor, "%.2f", static_cast<double>(w.faktor) / kOne);
    std::string why = std::string(faktor) + " · (M − (a + b·M + c·Y)·Y) mit n = " + std::to_string(n_formel) +
                      ", 10 Nachkommastellen, auf volle Euro gerundet (§ 19 Abs. 2 WoGG, Anlage 3)";
    if (n > 12) why += "; + " + std::to_string(n - 12) + " × " + Euro(w.je_mitglied_ueber_12) + " (§ 19 Abs. 3)";
    if (bagatell) {
      why += "; " + Euro(vor_bagatell) + " unter der Bagatellgrenze " + Euro(w.bagatellgrenze) + " → 0 (§ 21 Nr. 1)";
    }
    if (out.vermoegen_ueber_grenze) why += "; Vermögen " + Euro(wealth) + " über " + Euro(limit) + " → 0";
    trace->Add(kP, "anspruchshoehe_m_wthh", "", amount, why,
               {"wohngeld/wohngeld.koeffizienten", "wohngeld/wohngeld.skalierungsfaktor",
                "wohngeld/wohngeld.bagatellgrenze", "wohngeld/wohngeld.vermoegensgrenze"});
  }
  return out;
}

}  // namespace amip::benefits
