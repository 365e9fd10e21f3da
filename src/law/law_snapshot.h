// LawSnapshot: every legal parameter the benefit formulas need, resolved for one date into
// typed, frozen structs (formulas never see YAML). Built once per date by ResolveLaw from a
// ParameterStore; each value keeps the id and BGBl. reference of its parameter so a trace
// can cite it. Dates outside the maintained coverage (law/parameters/coverage.yaml) are
// rejected with kOutOfRange. Immutable value type.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>

#include "core/date.h"
#include "core/money.h"
#include "core/status.h"
#include "law/parameter_store.h"

namespace amip::law {

// Where a value comes from: parameter id, entry date and legal reference.
struct Citation {
  std::string id;
  core::Date valid_from;
  std::string reference;
};

struct Sgb2Law {
  std::array<core::Cents, 7> regelbedarfsstufe{};  // index 1..6
  int alter_rbs5_ab = 0, alter_rbs4_ab = 0, alter_rbs3_ab = 0, alter_bg_kind_unter = 0;
  core::Cents kindersofortzuschlag;
  double mehrbedarf_ae_fest = 0, mehrbedarf_ae_je_kind = 0, mehrbedarf_ae_hoechst = 0;
  int mehrbedarf_ae_alter_klein = 0, mehrbedarf_ae_alter_schul = 0, mehrbedarf_ae_alter_minderj = 0;
  double mehrbedarf_schwangerschaft = 0, mehrbedarf_behinderung = 0;
  std::array<double, 7> mehrbedarf_warmwasser{};  // index 1..6
  core::Cents efb_grundabsetzbetrag, efb_stufe_2_ab, efb_stufe_3_ab, efb_obergrenze_ohne_kind,
      efb_obergrenze_mit_kind;
  double efb_satz_1 = 0, efb_satz_2 = 0, efb_satz_3 = 0;
  bool grundabsetzbetrag_u25_aktiv = false;
  core::Cents versicherungspauschale;  // § 6 Abs. 1 Nr. 1 Alg II-V / Bürgergeld-V
  int versicherungspauschale_ab_alter = 0;
  int grundabsetzbetrag_u25_alter_unter = 0;
  // Exactly one of the two wealth regimes is in force.
  struct VermoegenAlt {
    core::Cents je_lebensjahr, mindestbetrag, hoechst_1948_1957, hoechst_1958_1963,
        hoechst_ab_1964, vor_1948_je_lebensjahr, vor_1948_hoechst, je_kind, anschaffung;
    // Birth-year bands: born before `vor_1948_geboren_vor` → per-year rule of § 65 Abs. 5;
    // else the cap of the band ending with `stufe_1_geboren_bis` / `stufe_2_geboren_bis` / later.
    int vor_1948_geboren_vor = 0, stufe_1_geboren_bis = 0, stufe_2_geboren_bis = 0;
  };
  struct VermoegenBuergergeld {
    core::Cents karenz_erste_person, karenz_weitere_person, je_person;
  };
  // § 12 Abs. 3, § 22 Abs. 1 S. 2 SGB II: months of the Karenzzeit; 0 while the law has none (before 2023).
  int karenzzeit_monate = 0;
  // Versions of the dated formulas in force (benefits/formula_registry.h): § 12 wealth allowance.
  int formel_vermoegen = 0;
  int mindestalter = 0;
  int u25_unter = 0;  // § 3 Abs. 2, § 31a Abs. 2 SGB II: the U25 group (below this age)
  // Months above 65 of the § 7a age limit for birth years 1946 (index 0) … 1964 (index 18).
  std::array<int, 19> altersgrenze_monate_ueber_65{};
  // The § 7a age limit in months of a person born in `geburtsjahr`.
  int AltersgrenzeMonate(int geburtsjahr) const;
  std::optional<VermoegenAlt> vermoegen_alt;
  std::optional<VermoegenBuergergeld> vermoegen_buergergeld;
};

struct KindergeldLaw {
  core::Cents kind_1, kind_2, kind_3, kind_4_plus;
  int alter_ohne_voraussetzung_unter = 0;  // § 32 Abs. 4 S. 1 EStG: from this age only in training
  // Kindergeld for the child with ordinal `ordinal` (1-based) of the claimant.
  core::Cents ForOrdinal(int ordinal) const;
};

struct KinderzuschlagLaw {
  core::Cents hoechstbetrag, mindesteinkommen_paar, mindesteinkommen_alleinerziehend;
  double entzug_eltern = 0, entzug_kind = 0, entzug_eltern_sonstiges = 0;
  core::Cents rundung_eltern;
  core::Cents minderungsschritt_eltern;  // 0 = continuous withdrawal
  bool hoechsteinkommensgrenze = false;
  bool vermoegen_nur_erheblich = false;  // from 2023: Karenzzeit allowances of § 12 Abs. 4 SGB II
  core::Cents wohnkosten_single_y, wohnkosten_paar_y, wohnkosten_kind_y;
};

struct WohngeldLaw {
  static constexpr int kScale = 10;  // fixed-point decimals (Anlage 3 WoGG)
  std::array<int64_t, 13> a{}, b{}, c{};  // index 1..12, scaled by 10^10
  int64_t faktor = 0;                     // scaled by 10^10
  std::array<core::Cents, 13> mindestmiete{}, mindesteinkommen{};  // index 1..12
  // hoechstbetrag[n][mietstufe], n 1..5 and 6 = each further member; mietstufe 1..7
  std::array<std::array<core::Cents, 8>, 7> hoechstbetrag{};
  int mietstufen = 6;
  std::array<core::Cents, 7> heizkostenentlastung{}, heizkostenkomponente{}, klimakomponente{};
  core::Cents je_mitglied_ueber_12, bagatellgrenze;
  std::array<double, 4> pauschalabzug{};
  core::Cents werbungskostenpauschale_y, freibetrag_schwerbehindert_y,
      freibetrag_alleinerziehend_y, freibetrag_kind_erwerb_y;
  // § 17 WoGG single-parent allowance: per child (until 2015) or once; children below this age;
  // whether the parent must be away for work or training (until 2015).
  bool alleinerziehend_je_kind = false, alleinerziehend_nur_bei_erwerb = false;
  int alleinerziehend_kind_alter_unter = 0;
  int kind_erwerb_alter_unter = 0;  // § 17 Nr. 4 WoGG: children below this age
  int formel_miete = 0;             // version of the rent formula (§ 12 WoGG, CO2 relief, Wohngeld-Plus)
  core::Cents vermoegen_erstes, vermoegen_weiteres;
};

struct ArbeitLaw {
  core::Cents mindestlohn;  // per hour; 0 before 2015
  core::Cents geringfuegigkeitsgrenze, uebergangsbereich_obergrenze;
  std::optional<double> faktor_f;
  double an_rv = 0, an_alv = 0, an_kv = 0, an_pv = 0, an_pv_kinderlos = 0;
  double ag_rv = 0, ag_alv = 0, ag_kv = 0, ag_pv = 0;
  int pv_kinderlos_ab_alter = 0;  // § 55 Abs. 3 SGB XI
  int formel_uebergangsbereich = 0;  // version of the contribution formula: Gleitzone / Übergangsbereich
};

struct EinkommensteuerLaw {
  double grundfreibetrag = 0, zone2_bis = 0, zone3_bis = 0, zone4_bis = 0;
  double b2 = 0, b3 = 0, c3 = 0, c4 = 0, c5 = 0;
  double zone2_a = 0, zone3_a = 0, satz_zone4 = 0, satz_zone5 = 0, teiler = 1;  // tarif_konstanten
  core::Cents arbeitnehmer_pauschbetrag_y, sonderausgaben_pauschbetrag_y;
};

struct LawSnapshot {
  core::Date date;
  int volljaehrig_ab = 0;  // § 2 BGB (allgemein/alter.volljaehrigkeit)
  Sgb2Law sgb2;
  KindergeldLaw kindergeld;
  KinderzuschlagLaw kiz;
  WohngeldLaw wohngeld;
  ArbeitLaw arbeit;
  EinkommensteuerLaw est;
  std::map<std::string, Citation> citations;  // by parameter id

  // "BGBl. I 2013 S. 3857 (sgb2/regelbedarf.regelbedarfsstufen, since 2014-01-01)".
  std::string Cite(const std::string& id) const;
};

// Resolves every parameter for `date`; kOutOfRange outside the coverage window.
core::Result<LawSnapshot> ResolveLaw(const ParameterStore& store, core::Date date);

// The days ResolveLaw answers: coverage.abdeckung (first_year-01-01 … last_year-12-31), its
// latest entry. The command line states it as the domain of date and month options.
struct LawCoverage {
  core::Date first;
  core::Date last;
};
core::Result<LawCoverage> CoverageOf(const ParameterStore& store);

// The embedded store, loaded once (thread-safe static). Loading errors are returned.
core::Result<const ParameterStore*> EmbeddedStore();

}  // namespace amip::law
