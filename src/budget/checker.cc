#include "budget/checker.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

namespace amip::budget {

namespace {

// A quantity in an identity: value, rounding unit, line; absent = unknown.
struct Q {
  bool present = false;
  double value = 0;
  double rounding = 0;
  int line = 0;
  std::string label;  // German name, used when the quantity is derived
};

Q Named(Q q, std::string label) {
  q.label = std::move(label);
  return q;
}

Q FromMoney(const MoneyFigure& figure) {
  return {figure.present, figure.value.euros(), figure.rounding.euros(), figure.line, ""};
}
Q FromNumber(const NumberFigure& figure) {
  return {figure.present, figure.value, figure.rounding, figure.line, ""};
}
// An optional adjustment: absent means zero, exactly.
Q ZeroIfAbsent(const MoneyFigure& figure) {
  Q q = FromMoney(figure);
  q.present = true;
  return q;
}

constexpr double kCentEpsilon = 0.005;

class Checker {
 public:
  // target = Σ sign_i × terms_i. With exactly one unknown quantity (target or term) that one is
  // derived and written back to `*unknown` so later identities can use it; with more the
  // identity is skipped.
  void Sum(std::string id, std::string description, Unit unit, Q* target,
           std::vector<std::pair<double, Q*>> terms) {
    int unknown = target->present ? 0 : 1;
    for (const auto& [sign, term] : terms) unknown += term->present ? 0 : 1;
    if (unknown > 1) return;
    double tolerance = target->rounding / 2;
    for (const auto& [sign, term] : terms) tolerance += term->rounding / 2;
    tolerance += unit == Unit::kEuro ? kCentEpsilon : 1e-9;
    IdentityCheck check = Start(std::move(id), std::move(description), unit);
    check.tolerance = tolerance;
    if (unknown == 1) {
      // Solve target − Σ sign × term = 0 for the unknown one.
      Q* missing = target;
      double missing_sign = -1;  // coefficient of the unknown in (Σ sign × term − target)
      double rest = 0;
      if (target->present) {
        rest -= target->value;
        for (const auto& [sign, term] : terms) {
          if (term->present) {
            rest += sign * term->value;
          } else {
            missing = term;
            missing_sign = sign;
          }
        }
      } else {
        for (const auto& [sign, term] : terms) rest += sign * term->value;
      }
      missing->value = -rest / missing_sign;
      missing->rounding = 0;
      for (const auto& [sign, term] : terms) missing->rounding += term == missing ? 0 : term->rounding;
      if (missing != target) missing->rounding += target->rounding;
      missing->present = true;
      int line = target->line;
      for (const auto& [sign, term] : terms) line = line > 0 ? line : term->line;
      missing->line = line;
      check.printed = missing->value;
      check.computed = missing->value;
      check.outcome = Outcome::kDerived;
      check.line = line;
      check.derived = missing->label.empty() ? "?" : missing->label;
      checks_.push_back(std::move(check));
      return;
    }
    double computed = 0;
    for (const auto& [sign, term] : terms) computed += sign * term->value;
    Finish(std::move(check), *target, computed);
  }

  // lower <= value <= upper, within the rounding of all three.
  void Between(std::string id, std::string description, Unit unit, const Q& value, double lower,
               double upper, double bound_rounding) {
    if (!value.present) return;
    IdentityCheck check = Start(std::move(id), std::move(description), unit);
    check.tolerance = value.rounding / 2 + bound_rounding / 2 + (unit == Unit::kEuro ? kCentEpsilon : 1e-9);
    check.relation = lower == 0 ? Relation::kAtMost : Relation::kBetween;
    check.lower = lower;
    check.upper = upper;
    check.printed = value.value;
    check.line = value.line;
    if (value.value < lower - check.tolerance) {
      check.computed = lower;
      check.difference = value.value - lower;
      check.outcome = Outcome::kDeviates;
    } else if (value.value > upper + check.tolerance) {
      check.computed = upper;
      check.difference = value.value - upper;
      check.outcome = Outcome::kDeviates;
    } else {
      check.computed = lower == 0 ? upper : std::clamp(value.value, lower, upper);
    }
    checks_.push_back(std::move(check));
  }

  // Printed value against an interval-evaluated expression [lower, upper].
  void Interval(std::string id, std::string description, Unit unit, const Q& printed, double lower,
                double upper, double center) {
    if (!printed.present) return;
    IdentityCheck check = Start(std::move(id), std::move(description), unit);
    check.printed = printed.value;
    check.computed = center;
    check.line = printed.line;
    check.tolerance = printed.rounding / 2 + (upper - lower) / 2 + 1e-9;
    const bool holds = printed.value + printed.rounding / 2 >= lower - 1e-9 &&
                       printed.value - printed.rounding / 2 <= upper + 1e-9;
    check.difference = printed.value - center;
    check.outcome = holds ? Outcome::kHolds : Outcome::kDeviates;
    checks_.push_back(std::move(check));
  }

  std::vector<IdentityCheck> Take() { return std::move(checks_); }

 private:
  static IdentityCheck Start(std::string id, std::string description, Unit unit) {
    IdentityCheck check;
    check.id = std::move(id);
    check.description = std::move(description);
    check.unit = unit;
    return check;
  }

  void Finish(IdentityCheck check, const Q& target, double computed) {
    check.printed = target.value;
    check.computed = computed;
    check.line = target.line;
    check.difference = target.value - computed;
    check.outcome = std::fabs(check.difference) <= check.tolerance ? Outcome::kHolds : Outcome::kDeviates;
    checks_.push_back(std::move(check));
  }

  std::vector<IdentityCheck> checks_;
};

void CheckEgt(const Plan& plan, Checker& checker) {
  const Eingliederungsbudget& egt = plan.egt;
  Q zuteilung = FromMoney(egt.zuteilung);
  Q ausfinanzierung = ZeroIfAbsent(egt.ausfinanzierung);
  Q pauschale = ZeroIfAbsent(egt.pauschale_erstattungen);
  Q umschichtung = ZeroIfAbsent(egt.umschichtung_egt_nach_vk);
  Q gesamt = Named(FromMoney(egt.gesamtbudget), "EGL Gesamtbudget");
  Q vorbindungen = Named(FromMoney(egt.vorbindungen), "Vorbindungen");
  Q neugeschaeft = Named(FromMoney(egt.neugeschaeft), "Budget Neugeschäft");
  if (egt.zuteilung_stand == ZuteilungStand::kNachUmschichtung) {
    // The Umschichtung is already out of the printed Zuteilung: it is not subtracted again;
    // the allocation before the shift is derived for the reader.
    Q vor = Named(Q{}, "Zuteilung vor Umschichtung");
    checker.Sum("egt.zuteilung_vor_umschichtung",
                "Zuteilung vor Umschichtung = Zuteilung nach Umschichtung + Umschichtung EGT→VK",
                Unit::kEuro, &vor, {{1, &zuteilung}, {1, &umschichtung}});
    checker.Sum("egt.gesamtbudget",
                "EGL Gesamtbudget = Zuteilung nach Umschichtung + Ausfinanzierung + pauschale "
                "Erstattungen",
                Unit::kEuro, &gesamt, {{1, &zuteilung}, {1, &ausfinanzierung}, {1, &pauschale}});
  } else {
    checker.Sum("egt.gesamtbudget",
                "EGL Gesamtbudget = Zuteilung + Ausfinanzierung + pauschale Erstattungen − "
                "Umschichtung EGT→VK",
                Unit::kEuro, &gesamt,
                {{1, &zuteilung}, {1, &ausfinanzierung}, {1, &pauschale}, {-1, &umschichtung}});
  }
  if (!egt.vorbindungen_aus_daten) {
    checker.Sum("egt.neugeschaeft", "Budget Neugeschäft = EGL Gesamtbudget − Vorbindungen",
                Unit::kEuro, &neugeschaeft, {{1, &gesamt}, {-1, &vorbindungen}});
  }
  const Vorjahresvergleich& delta = plan.vorjahr;
  if (delta.neugeschaeft.present) {
    Q d_neu = FromMoney(delta.neugeschaeft);
    Q d_zuteilung = FromMoney(delta.zuteilung_einschl_ausfinanzierung);
    Q d_umschichtung = FromMoney(delta.umschichtung_egt_nach_vk);
    Q d_vorbindungen = FromMoney(delta.vorbindungen);
    checker.Sum("vorjahr.neugeschaeft",
                "Veränderung Neugeschäft = Veränderung Zuteilung (einschl. Ausfinanzierung) − "
                "Veränderung Entnahme VK − Veränderung Vorbindungen",
                Unit::kEuro, &d_neu, {{1, &d_zuteilung}, {-1, &d_umschichtung}, {-1, &d_vorbindungen}});
  }
}

void CheckVk(const Plan& plan, Checker& checker) {
  const Verwaltungsbudget& vk = plan.vk;
  Q unter = FromMoney(vk.unterfinanzierung);
  Q unter_vorjahr = FromMoney(vk.unterfinanzierung_vorjahr);
  Q aufwand = FromMoney(vk.aufwand);
  Q aufwand_vorjahr = FromMoney(vk.aufwand_vorjahr);
  Q kuerzung = FromMoney(vk.kuerzung_bundesmittel);
  Q zuteilung = FromMoney(vk.zuteilung);
  if (unter_vorjahr.present && aufwand.present && aufwand_vorjahr.present && kuerzung.present) {
    checker.Sum("vk.unterfinanzierung",
                "Unterfinanzierung VK = Unterfinanzierung Vorjahr + Anstieg VK-Aufwand + Kürzung "
                "der Bundesmittel VK",
                Unit::kEuro, &unter,
                {{1, &unter_vorjahr}, {1, &aufwand}, {-1, &aufwand_vorjahr}, {1, &kuerzung}});
  }
  if (zuteilung.present && aufwand.present) {
    checker.Sum("vk.unterfinanzierung_zuteilung",
                "Unterfinanzierung VK = VK-Aufwand − VK-Zuteilung", Unit::kEuro, &unter,
                {{1, &aufwand}, {-1, &zuteilung}});
  }
  if (vk.steigerung_prozent.present && aufwand.present && aufwand_vorjahr.present &&
      aufwand_vorjahr.value > 0) {
    const double lo = ((aufwand.value - aufwand.rounding / 2) /
                           (aufwand_vorjahr.value + aufwand_vorjahr.rounding / 2) - 1) * 100;
    const double hi = ((aufwand.value + aufwand.rounding / 2) /
                           (aufwand_vorjahr.value - aufwand_vorjahr.rounding / 2) - 1) * 100;
    checker.Interval("vk.steigerung_prozent",
                     "Steigerung VK-Aufwand in % = (Aufwand / Aufwand Vorjahr − 1) × 100",
                     Unit::kPercent, FromNumber(vk.steigerung_prozent), lo, hi,
                     (aufwand.value / aufwand_vorjahr.value - 1) * 100);
  }
  if (vk.unterfinanzierung.present && plan.egt.umschichtung_egt_nach_vk.present) {
    Q umschichtung = FromMoney(plan.egt.umschichtung_egt_nach_vk);
    Q unter_printed = FromMoney(vk.unterfinanzierung);
    checker.Sum("vk.umschichtung", "Umschichtung EGT→VK = Unterfinanzierung VK", Unit::kEuro,
                &umschichtung, {{1, &unter_printed}});
  }
  const Haushaltsansatz& ansatz = plan.haushaltsansatz;
  if (ansatz.gesamt.present || ansatz.vk.present || ansatz.egt.present) {
    Q gesamt = FromMoney(ansatz.gesamt);
    Q ansatz_vk = FromMoney(ansatz.vk);
    Q ansatz_egt = FromMoney(ansatz.egt);
    checker.Sum("haushaltsansatz.gesamt", "Haushaltsansatz gesamt = VK + EGT", Unit::kEuro, &gesamt,
                {{1, &ansatz_vk}, {1, &ansatz_egt}});
    if (ansatz.egt.present && plan.egt.zuteilung.present) {
      // The Haushaltsansatz shows the VK with the money shifted into it, so its EGT part is
      // the integration money after the shift.
      Q ansatz_egt_printed = FromMoney(ansatz.egt);
      Q egt_zuteilung = FromMoney(plan.egt.zuteilung);
      Q egt_umschichtung = ZeroIfAbsent(plan.egt.umschichtung_egt_nach_vk);
      if (plan.egt.zuteilung_stand == ZuteilungStand::kNachUmschichtung) {
        checker.Sum("haushaltsansatz.egt", "Haushaltsansatz EGT = Zuteilung nach Umschichtung", Unit::kEuro,
                    &ansatz_egt_printed, {{1, &egt_zuteilung}});
      } else {
        checker.Sum("haushaltsansatz.egt", "Haushaltsansatz EGT = Zuteilung − Umschichtung EGT→VK",
                    Unit::kEuro, &ansatz_egt_printed, {{1, &egt_zuteilung}, {-1, &egt_umschichtung}});
      }
    }
    if (ansatz.vk.present && vk.aufwand.present) {
      Q aufwand_printed = FromMoney(vk.aufwand);
      Q ansatz_vk_printed = FromMoney(ansatz.vk);
      checker.Sum("haushaltsansatz.vk", "Haushaltsansatz VK = VK-Aufwand", Unit::kEuro,
                  &ansatz_vk_printed, {{1, &aufwand_printed}});
    }
  }
  const PauschaleErstattung& pauschale = plan.pauschale;
  if (pauschale.erstattung.present || pauschale.verpflichtungen.present) {
    Q differenz = FromMoney(pauschale.differenz);
    Q verpflichtungen = FromMoney(pauschale.verpflichtungen);
    Q erstattung = FromMoney(pauschale.erstattung);
    checker.Sum("pauschale.differenz",
                "Mehrbedarf = bestehende Verpflichtungen − pauschale Erstattung", Unit::kEuro,
                &differenz, {{1, &verpflichtungen}, {-1, &erstattung}});
    if (plan.egt.pauschale_erstattungen.present && pauschale.erstattung.present) {
      Q in_egt = FromMoney(plan.egt.pauschale_erstattungen);
      checker.Sum("pauschale.erstattung", "Pauschale Erstattung im EGT = pauschale Erstattung",
                  Unit::kEuro, &in_egt, {{1, &erstattung}});
    }
  }
}

void CheckDrittmittel(const Plan& plan, Checker& checker) {
  for (const Drittmittelprojekt& project : plan.drittmittel) {
    if (!project.kofinanzierung.present) continue;
    checker.Between("drittmittel." + project.name,
                    "Kofinanzierung ≤ Finanzvolumen: " + project.name, Unit::kEuro,
                    FromMoney(project.kofinanzierung), 0, project.volumen.value.euros(),
                    project.volumen.rounding.euros());
  }
}

void CheckAnteile(const Plan& plan, Checker& checker) {
  for (const Anteile& shares : plan.anteile) {
    if (!shares.finanzpositionen.empty()) {
      // Printed side: the sum of the printed shares (with their rounding); computed: 100 %.
      Q printed_sum{true, 0, 0, shares.line, ""};
      for (const auto& [code, figure] : shares.finanzpositionen) {
        if (code == "K") continue;
        printed_sum.value += figure.value;
        printed_sum.rounding += figure.rounding;
      }
      Q hundred{true, 100.0, 0, shares.line, ""};
      checker.Sum(fmt::format("anteile.{}.summe", shares.jahr),
                  fmt::format("Summe der Anteile der Finanzpositionen {} = 100 %", shares.jahr),
                  Unit::kPercent, &printed_sum, {{1, &hundred}});
    }
  }
}

void CheckInstrumentAnteile(const Plan& plan, const std::map<std::string, std::string>& position_of,
                            Checker& checker) {
  for (const Anteile& shares : plan.anteile) {
    std::map<std::string, std::pair<double, double>> within;  // position -> (sum, rounding)
    for (const auto& [code, figure] : shares.instrumente) {
      const auto found = position_of.find(code);
      if (found == position_of.end()) continue;
      within[found->second].first += figure.value;
      within[found->second].second += figure.rounding;
    }
    for (const auto& [position, sum_rounding] : within) {
      const auto printed = shares.finanzpositionen.find(position);
      if (printed == shares.finanzpositionen.end()) continue;
      Q sum{true, sum_rounding.first, sum_rounding.second, shares.line, ""};
      checker.Between(fmt::format("anteile.{}.{}.instrumente", shares.jahr, position),
                      fmt::format("Instrumentenanteile in Finanzposition {} ({}) ≤ Anteil der "
                                  "Finanzposition",
                                  position, shares.jahr),
                      Unit::kPercent, sum, 0, printed->second.value, printed->second.rounding);
    }
  }
}

void CheckInstruments(const Plan& plan, Checker& checker) {
  for (const InstrumentLine& line : plan.instrumente) {
    if (line.darunter.empty()) continue;
    double sum = 0;
    double rounding = 0;
    for (const InstrumentLine& sub : line.darunter) {
      sum += sub.eintritte.value;
      rounding += sub.eintritte.rounding;
    }
    Q parent = FromNumber(line.eintritte);
    if (line.darunter_vollstaendig) {
      std::vector<Q> parts;
      for (const InstrumentLine& sub : line.darunter) parts.push_back(FromNumber(sub.eintritte));
      std::vector<std::pair<double, Q*>> terms;
      for (Q& part : parts) terms.emplace_back(1, &part);
      checker.Sum("instrumente." + line.code + ".darunter",
                  "Eintritte/Plätze " + line.code + " = Summe der darunter-Positionen",
                  Unit::kCount, &parent, terms);
    } else {
      Q subs{true, sum, rounding, line.line, ""};
      checker.Between("instrumente." + line.code + ".darunter",
                      "darunter-Positionen ≤ Eintritte/Plätze " + line.code, Unit::kCount, subs, 0,
                      parent.value, parent.rounding);
    }
  }
}

void CheckKdU(const Plan& plan, Checker& checker) {
  if (!plan.kdu.present) return;
  struct Column {
    const char* key;
    const char* label;
    MoneyFigure KdUPosition::*member;
  };
  const Column columns[] = {{"ansatz_vorjahr", "Ansatz Vorjahr", &KdUPosition::ansatz_vorjahr},
                            {"ist_vorjahr", "Ist Vorjahr", &KdUPosition::ist_vorjahr},
                            {"ansatz", "Ansatz", &KdUPosition::ansatz}};
  for (const Column& column : columns) {
    Q total = FromMoney(plan.kdu.gesamt.*(column.member));
    std::vector<Q> parts;
    for (const KdUPosition& position : plan.kdu.positionen) parts.push_back(FromMoney(position.*(column.member)));
    std::vector<std::pair<double, Q*>> terms;
    for (Q& part : parts) terms.emplace_back(1, &part);
    checker.Sum(std::string("kdu.gesamt.") + column.key,
                std::string("KdU gesamt (") + column.label + ") = Summe der Positionen",
                Unit::kEuro, &total, terms);
  }
}

void CheckAusgaben(const Plan& plan, Checker& checker) {
  if (!plan.ausgaben.present) return;
  Q total = FromMoney(plan.ausgaben.gesamt);
  std::vector<Q> parts;
  for (const auto& [name, figure] : plan.ausgaben.positionen) parts.push_back(FromMoney(figure));
  std::vector<std::pair<double, Q*>> terms;
  for (Q& part : parts) terms.emplace_back(1, &part);
  checker.Sum("ausgaben.gesamt", "Ausgaben gesamt = Summe der Positionen", Unit::kEuro, &total, terms);
}

void CheckZiele(const Plan& plan, Checker& checker) {
  for (const Zielwert& target : plan.ziele) {
    if (!target.frauen.present || !target.maenner.present) continue;
    if (target.quote) {
      const double lower = std::min(target.frauen.value, target.maenner.value);
      const double upper = std::max(target.frauen.value, target.maenner.value);
      checker.Between("ziele." + target.name,
                      target.name + ": rechnerische Gesamtquote liegt zwischen Frauen und Männern",
                      Unit::kPercent, FromNumber(target.gesamt), lower, upper,
                      std::max(target.frauen.rounding, target.maenner.rounding));
    } else {
      Q total = FromNumber(target.gesamt);
      Q women = FromNumber(target.frauen);
      Q men = FromNumber(target.maenner);
      checker.Sum("ziele." + target.name, target.name + ": gesamt = Frauen + Männer",
                  Unit::kCount, &total, {{1, &women}, {1, &men}});
    }
  }
}

}  // namespace

std::vector<IdentityCheck> CheckPlan(const Plan& plan) {
  Checker checker;
  CheckEgt(plan, checker);
  CheckVk(plan, checker);
  CheckDrittmittel(plan, checker);
  CheckAnteile(plan, checker);
  CheckInstrumentAnteile(plan, plan.finanzposition_of, checker);
  CheckInstruments(plan, checker);
  CheckKdU(plan, checker);
  CheckAusgaben(plan, checker);
  CheckZiele(plan, checker);
  return checker.Take();
}

namespace {

// The plan's figure against the data's: a finding beyond threshold × plan + half the rounding.
IdentityCheck AgainstData(std::string id, std::string description, double plan_value, double plan_rounding,
                          double data_value, int line, double threshold_percent) {
  IdentityCheck check;
  check.id = std::move(id);
  check.description = std::move(description);
  check.unit = Unit::kEuro;
  check.printed = plan_value;
  check.computed = data_value;
  check.difference = plan_value - data_value;
  check.tolerance = threshold_percent / 100.0 * std::fabs(plan_value) + plan_rounding / 2 + kCentEpsilon;
  check.line = line;
  check.outcome = std::fabs(check.difference) <= check.tolerance ? Outcome::kHolds : Outcome::kFinding;
  return check;
}

}  // namespace

std::vector<IdentityCheck> CheckPlanAgainstData(const Plan& plan, const Vorbindungen& from_data) {
  std::vector<IdentityCheck> checks;
  const Eingliederungsbudget& egt = plan.egt;
  const double threshold = plan.controlling.vorbindungen_schwelle_prozent;
  const std::string data_text = fmt::format("Vorbindungen {} aus Daten (EGT-Teilnahmen, die vor {} begonnen haben)",
                                            plan.jahr, plan.jahr);
  if (egt.vorbindungen.present && !egt.vorbindungen_aus_daten) {
    checks.push_back(AgainstData("daten.vorbindungen", "Vorbindungen laut Plan (gedruckt) = " + data_text,
                                 egt.vorbindungen.value.euros(), egt.vorbindungen.rounding.euros(),
                                 from_data.total.euros(), egt.vorbindungen.line, threshold));
  } else if (egt.neugeschaeft.present && !egt.vorbindungen_aus_daten) {
    // EGL Gesamtbudget as printed or from its terms (ResolveBudget), with their rounding.
    double rounding = egt.neugeschaeft.rounding.euros();
    if (egt.gesamtbudget.present) {
      rounding += egt.gesamtbudget.rounding.euros();
    } else {
      rounding += egt.zuteilung.rounding.euros() + egt.ausfinanzierung.rounding.euros() +
                  egt.pauschale_erstattungen.rounding.euros();
      if (egt.zuteilung_stand != ZuteilungStand::kNachUmschichtung) rounding += egt.umschichtung_egt_nach_vk.rounding.euros();
    }
    const core::Cents implied = ResolveBudget(plan, nullptr).gesamtbudget - egt.neugeschaeft.value;
    checks.push_back(AgainstData("daten.vorbindungen",
                                 "Vorbindungen laut Plan (EGL Gesamtbudget − Budget Neugeschäft) = " + data_text,
                                 implied.euros(), rounding, from_data.total.euros(), egt.neugeschaeft.line,
                                 threshold));
  }
  const PauschaleErstattung& pauschale = plan.pauschale;
  if (pauschale.verpflichtungen.present && !pauschale.instrumente.empty()) {
    core::Cents bound;
    std::string codes;
    for (const std::string& code : pauschale.instrumente) {
      const auto found = from_data.by_instrument.find(code);
      if (found != from_data.by_instrument.end()) bound += found->second;
      codes += (codes.empty() ? "" : ", ") + code;
    }
    checks.push_back(AgainstData("daten.pauschale.verpflichtungen",
                                 fmt::format("Bestehende Verpflichtungen der pauschalen Erstattung = Vorbindungen "
                                             "{} aus Daten ({})",
                                             plan.jahr, codes),
                                 pauschale.verpflichtungen.value.euros(), pauschale.verpflichtungen.rounding.euros(),
                                 bound.euros(), pauschale.verpflichtungen.line, threshold));
  }
  return checks;
}

int CountFindings(const std::vector<IdentityCheck>& checks) {
  return static_cast<int>(std::count_if(checks.begin(), checks.end(), [](const IdentityCheck& check) {
    return check.outcome == Outcome::kFinding;
  }));
}

int CountDeviations(const std::vector<IdentityCheck>& checks) {
  return static_cast<int>(std::count_if(checks.begin(), checks.end(), [](const IdentityCheck& check) {
    return check.outcome == Outcome::kDeviates;
  }));
}

std::string_view OutcomeLabel(Outcome outcome) {
  switch (outcome) {
    case Outcome::kHolds:
      return "stimmt";
    case Outcome::kDeviates:
      return "Abweichung";
    case Outcome::kDerived:
      return "abgeleitet";
    case Outcome::kFinding:
      return "Befund: passt nicht zu den Daten";
  }
  return "?";
}

}  // namespace amip::budget
