#include "benefits/netto.h"

#include <cmath>

#include "benefits/formula_registry.h"

namespace amip::benefits {
namespace {

constexpr const char* kSvIds[] = {"arbeit/sozialversicherung.arbeitnehmer_beitragssaetze",
                                  "arbeit/minijob.geringfuegigkeitsgrenze",
                                  "arbeit/minijob.uebergangsbereich_obergrenze"};

double AnRate(const law::ArbeitLaw& a, bool kinderlos) {
  return a.an_rv + a.an_alv + a.an_kv + a.an_pv + (kinderlos ? a.an_pv_kinderlos : 0);
}

// Gleitzone until 2019-06 (§ 163 Abs. 10 SGB VI a.F.): total contribution on the reduced
// base BE = F·G + (OG/(OG−G) − G/(OG−G)·F)·(AE − G); the employer pays its full share of
// AE; the employee pays the rest (plus the childless surcharge on BE).
core::Cents SvGleitzone2013(core::Cents brutto, bool kinderlos, const law::ArbeitLaw& a) {
  const double ae = brutto.euros();
  const double g = a.geringfuegigkeitsgrenze.euros();
  const double og = a.uebergangsbereich_obergrenze.euros();
  const double f = a.faktor_f.value_or(1.0);
  const double be = f * g + (og / (og - g) - g / (og - g) * f) * (ae - g);
  const double ag_rate = a.ag_rv + a.ag_alv + a.ag_kv + a.ag_pv;
  const double total_rate = ag_rate + a.an_rv + a.an_alv + a.an_kv + a.an_pv;
  const double an = be * total_rate - ae * ag_rate + (kinderlos ? be * a.an_pv_kinderlos : 0);
  return core::Cents::FromCents(std::llround(an * 100));
}

// Übergangsbereich from 2019-07 (§ 20 Abs. 2a SGB IV): the employee's base is
// OG/(OG−G)·(AE − G), charged with the employee rates.
core::Cents SvUebergangsbereich2019(core::Cents brutto, bool kinderlos, const law::ArbeitLaw& a) {
  const double ae = brutto.euros();
  const double g = a.geringfuegigkeitsgrenze.euros();
  const double og = a.uebergangsbereich_obergrenze.euros();
  const double be_an = og / (og - g) * (ae - g);
  return core::Cents::FromCents(std::llround(be_an * AnRate(a, kinderlos) * 100));
}

using SvFn = core::Cents (*)(core::Cents, bool, const law::ArbeitLaw&);
const std::vector<DatedFormula<SvFn>>& SvFormulas() {
  static const std::vector<DatedFormula<SvFn>> kTable = {
      {"sv_gleitzone_2013", 2013, &SvGleitzone2013},
      {"sv_uebergangsbereich_2019", 2019, &SvUebergangsbereich2019},
  };
  return kTable;
}

}  // namespace

int64_t EinkommensteuerTarif(int64_t zve_euros, const law::EinkommensteuerLaw& e) {
  const double x = static_cast<double>(zve_euros);
  double tax = 0;
  if (x <= e.grundfreibetrag) {
    tax = 0;
  } else if (x <= e.zone2_bis) {
    const double y = (x - e.grundfreibetrag) / e.teiler;
    tax = (e.b2 * y + e.zone2_a) * y;
  } else if (x <= e.zone3_bis) {
    const double z = (x - e.zone2_bis) / e.teiler;
    tax = (e.b3 * z + e.zone3_a) * z + e.c3;
  } else if (x <= e.zone4_bis) {
    tax = e.satz_zone4 * x - e.c4;
  } else {
    tax = e.satz_zone5 * x - e.c5;
  }
  return static_cast<int64_t>(std::floor(tax + 1e-9));
}

core::Result<NettoResult> ComputeNetto(core::Cents brutto_m, bool kinderlos,
                                       const law::LawSnapshot& law, Trace* trace,
                                       const std::string& person) {
  const law::ArbeitLaw& a = law.arbeit;
  NettoResult out;
  out.brutto_m = brutto_m;
  if (brutto_m <= a.geringfuegigkeitsgrenze) {
    out.sozialversicherung_m = core::Cents();
    out.sv_formel = "sv_minijob";
  } else if (brutto_m <= a.uebergangsbereich_obergrenze) {
    AMIP_ASSIGN_OR_RETURN(const auto* formula,
                          SelectFormula(SvFormulas(), a.formel_uebergangsbereich, "sozialversicherung_m"));
    out.sozialversicherung_m = formula->fn(brutto_m, kinderlos, a);
    out.sv_formel = formula->name;
  } else {
    out.sozialversicherung_m = Share(brutto_m, AnRate(a, kinderlos));
    out.sv_formel = "sv_regulaer";
  }
  // Annual taxable income: 12 × gross − employee lump sum − Sonderausgaben lump sum −
  // employee contributions (approximating the Vorsorgepauschale).
  const int64_t brutto_y = brutto_m.value() * 12;
  const int64_t werbung = std::min(brutto_y, law.est.arbeitnehmer_pauschbetrag_y.value());
  const int64_t zve_cents = brutto_y - werbung - law.est.sonderausgaben_pauschbetrag_y.value() -
                            out.sozialversicherung_m.value() * 12;
  out.zve_y = zve_cents > 0 ? zve_cents / 100 : 0;
  out.einkommensteuer_y = brutto_m <= a.geringfuegigkeitsgrenze ? 0 : EinkommensteuerTarif(out.zve_y, law.est);
  out.einkommensteuer_m = core::Cents::FromCents((out.einkommensteuer_y * 100 + 6) / 12);
  out.netto_m = brutto_m - out.sozialversicherung_m - out.einkommensteuer_m;
  if (trace != nullptr) TraceNetto(out, kinderlos, law, trace, person);
  return out;
}

void TraceNetto(const NettoResult& out, bool kinderlos, const law::LawSnapshot& law, Trace* trace,
                const std::string& person) {
  const law::ArbeitLaw& a = law.arbeit;
  const bool minijob = out.brutto_m <= a.geringfuegigkeitsgrenze;
  std::string explanation;
  if (minijob) {
    explanation = "Minijob bis " + Euro(a.geringfuegigkeitsgrenze) +
                  " €: keine Arbeitnehmerbeiträge (Befreiung von der RV-Pflicht angenommen)";
  } else if (out.brutto_m <= a.uebergangsbereich_obergrenze) {
    explanation = "Gleitzone/Übergangsbereich " + Euro(a.geringfuegigkeitsgrenze) + "–" +
                  Euro(a.uebergangsbereich_obergrenze) + " €: reduzierte Bemessungsgrundlage";
  } else {
    explanation = "Arbeitnehmeranteil " + std::to_string(AnRate(a, kinderlos) * 100).substr(0, 6) + " % von " +
                  Euro(out.brutto_m) + " € (ohne Beitragsbemessungsgrenzen)";
  }
  trace->Add("netto", "sozialversicherung_m", person, out.sozialversicherung_m, explanation,
             {kSvIds[0], kSvIds[1], kSvIds[2]}, std::string(out.sv_formel));
  trace->Add("netto", "einkommensteuer_m", person, out.einkommensteuer_m,
             "zvE " + std::to_string(out.zve_y) + " €/Jahr → Steuer " + std::to_string(out.einkommensteuer_y) +
                 " €/Jahr ÷ 12" + (minijob ? " (Minijob: pauschal versteuert)" : ""),
             {"einkommensteuer/tarif.tarif", "einkommensteuer/tarif.tarif_konstanten", "einkommensteuer/tarif.pauschbetraege"});
  trace->Add("netto", "nettolohn_m", person, out.netto_m, kNettoHinweis);
}

}  // namespace amip::benefits
