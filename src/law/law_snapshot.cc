#include "law/law_snapshot.h"

#include <algorithm>
#include <memory>

namespace amip::law {
namespace {

using core::Cents;

// Reads values of one date, remembering the first error and citing every parameter used.
class Resolver {
 public:
  Resolver(const ParameterStore& store, core::Date date, LawSnapshot& out)
      : store_(store), date_(date), out_(out) {}

  const ValueNode* Node(const std::string& id, const std::string& key = "") {
    if (!status_.ok()) return nullptr;
    auto entry = store_.InForce(id, date_);
    if (!entry.ok()) {
      status_ = entry.status();
      return nullptr;
    }
    out_.citations[id] = Citation{id, (*entry)->valid_from, (*entry)->reference};
    if (key.empty()) return &(*entry)->value;
    auto child = Child((*entry)->value, key);
    if (!child.ok()) {
      status_ = child.status().WithContext("law parameter '" + id + "'");
      return nullptr;
    }
    return *child;
  }
  // Optional parameter: nullptr (without error) when not in force on the date.
  bool InForce(const std::string& id) {
    auto entry = store_.InForce(id, date_);
    return entry.ok();
  }
  Cents Euros(const std::string& id, const std::string& key = "") {
    const ValueNode* node = Node(id, key);
    if (node == nullptr) return Cents();
    if (!CheckUnit(id, Unit::kEuros)) return Cents();
    auto cents = ToCents(*node);
    if (!cents.ok()) {
      status_ = cents.status().WithContext("law parameter '" + id + "' key '" + key + "'");
      return Cents();
    }
    return *cents;
  }
  double Number(const std::string& id, const std::string& key, Unit unit) {
    const ValueNode* node = Node(id, key);
    if (node == nullptr || !CheckUnit(id, unit)) return 0;
    return node->number;
  }
  int64_t Scaled(const std::string& id, const std::string& key) {
    const ValueNode* node = Node(id, key);
    if (node == nullptr || !CheckUnit(id, Unit::kCoefficient)) return 0;
    auto scaled = ToScaled(*node, WohngeldLaw::kScale);
    if (!scaled.ok()) {
      status_ = scaled.status().WithContext("law parameter '" + id + "' key '" + key + "'");
      return 0;
    }
    return *scaled;
  }
  const core::Status& status() const { return status_; }

 private:
  bool CheckUnit(const std::string& id, Unit expected) {
    auto param = store_.Get(id);
    if (!param.ok()) {
      status_ = param.status();
      return false;
    }
    if ((*param)->unit != expected) {
      status_ = core::InvalidArgumentError(
          (*param)->file + ": unit mismatch: parameter '" + id + "' has unit " +
          UnitName((*param)->unit) + " but the engine reads it as " + UnitName(expected));
      return false;
    }
    return true;
  }

  const ParameterStore& store_;
  core::Date date_;
  LawSnapshot& out_;
  core::Status status_;
};

}  // namespace

int Sgb2Law::AltersgrenzeMonate(int geburtsjahr) const {
  const int idx = std::clamp(geburtsjahr - 1946, 0, 18);
  return 65 * 12 + altersgrenze_monate_ueber_65[idx];
}

Cents KindergeldLaw::ForOrdinal(int ordinal) const {
  if (ordinal <= 2) return ordinal == 1 ? kind_1 : kind_2;
  if (ordinal == 3) return kind_3;
  return kind_4_plus;
}

std::string LawSnapshot::Cite(const std::string& id) const {
  auto it = citations.find(id);
  if (it == citations.end()) return id;
  return it->second.reference + " (" + id + ", since " + it->second.valid_from.ToString() + ")";
}

core::Result<LawCoverage> CoverageOf(const ParameterStore& store) {
  LawSnapshot scratch;
  Resolver r(store, core::Date::Max(), scratch);
  const double first = r.Number("coverage.abdeckung", "first_year", Unit::kYears);
  const double last = r.Number("coverage.abdeckung", "last_year", Unit::kYears);
  AMIP_RETURN_IF_ERROR(r.status());
  if (!core::Date::IsValidYmd(static_cast<int>(first), 1, 1) ||
      !core::Date::IsValidYmd(static_cast<int>(last), 12, 31) || last < first) {
    return core::InvalidArgumentError("coverage.abdeckung: first_year/last_year are not years of the calendar");
  }
  return LawCoverage{core::Date::FromYmd(static_cast<int>(first), 1, 1),
                     core::Date::FromYmd(static_cast<int>(last), 12, 31)};
}

namespace {

// SGB II: Regelbedarfe, Mehrbedarfe, Freibeträge, age limits, Vermögen.
void ResolveSgb2(Resolver& r, LawSnapshot& law) {
  Sgb2Law& s = law.sgb2;
  for (int stufe = 1; stufe <= 6; ++stufe) {
    s.regelbedarfsstufe[stufe] =
        r.Euros("sgb2/regelbedarf.regelbedarfsstufen", "rbs" + std::to_string(stufe));
    s.mehrbedarf_warmwasser[stufe] =
        r.Number("sgb2/mehrbedarf.warmwasser", "rbs" + std::to_string(stufe), Unit::kShare);
  }
  const std::string ag = "sgb2/regelbedarf.altersgrenzen";
  s.alter_rbs5_ab = static_cast<int>(r.Number(ag, "rbs5_ab", Unit::kYears));
  s.alter_rbs4_ab = static_cast<int>(r.Number(ag, "rbs4_ab", Unit::kYears));
  s.alter_rbs3_ab = static_cast<int>(r.Number(ag, "rbs3_ab", Unit::kYears));
  s.alter_bg_kind_unter = static_cast<int>(r.Number(ag, "bg_kind_bis_unter", Unit::kYears));
  s.kindersofortzuschlag = r.Euros("sgb2/regelbedarf.kindersofortzuschlag");
  const std::string ae = "sgb2/mehrbedarf.alleinerziehend";
  s.mehrbedarf_ae_fest = r.Number(ae, "anteil_fest", Unit::kShare);
  s.mehrbedarf_ae_je_kind = r.Number(ae, "anteil_je_kind", Unit::kShare);
  s.mehrbedarf_ae_hoechst = r.Number(ae, "hoechstanteil", Unit::kShare);
  const std::string aea = "sgb2/mehrbedarf.alleinerziehend_altersgrenzen";
  s.mehrbedarf_ae_alter_klein = static_cast<int>(r.Number(aea, "klein_unter", Unit::kYears));
  s.mehrbedarf_ae_alter_schul = static_cast<int>(r.Number(aea, "schul_unter", Unit::kYears));
  s.mehrbedarf_ae_alter_minderj =
      static_cast<int>(r.Number(aea, "minderjaehrig_unter", Unit::kYears));
  s.mehrbedarf_schwangerschaft = r.Number("sgb2/mehrbedarf.schwangerschaft", "", Unit::kShare);
  s.mehrbedarf_behinderung = r.Number("sgb2/mehrbedarf.behinderung", "", Unit::kShare);
  const std::string efb = "sgb2/freibetraege.erwerbstaetigenfreibetrag_grenzen";
  s.efb_grundabsetzbetrag = r.Euros(efb, "grundabsetzbetrag");
  s.efb_stufe_2_ab = r.Euros(efb, "stufe_2_ab");
  s.efb_stufe_3_ab = r.Euros(efb, "stufe_3_ab");
  s.efb_obergrenze_ohne_kind = r.Euros(efb, "obergrenze_ohne_kind");
  s.efb_obergrenze_mit_kind = r.Euros(efb, "obergrenze_mit_kind");
  const std::string efs = "sgb2/freibetraege.erwerbstaetigenfreibetrag_saetze";
  s.efb_satz_1 = r.Number(efs, "stufe_1", Unit::kShare);
  s.efb_satz_2 = r.Number(efs, "stufe_2", Unit::kShare);
  s.efb_satz_3 = r.Number(efs, "stufe_3", Unit::kShare);
  s.grundabsetzbetrag_u25_aktiv =
      r.Number("sgb2/freibetraege.grundabsetzbetrag_u25", "aktiv", Unit::kCount) > 0;
  s.grundabsetzbetrag_u25_alter_unter = static_cast<int>(
      r.Number("sgb2/freibetraege.grundabsetzbetrag_u25", "alter_unter", Unit::kCount));
  s.versicherungspauschale = r.Euros("sgb2/freibetraege.versicherungspauschale");
  s.versicherungspauschale_ab_alter = static_cast<int>(
      r.Number("sgb2/freibetraege.versicherungspauschale_alter", "", Unit::kYears));
  s.mindestalter = static_cast<int>(r.Number("sgb2/altersgrenze.mindestalter", "", Unit::kYears));
  s.u25_unter =
      static_cast<int>(r.Number("sgb2/altersgrenze.junge_leistungsberechtigte_unter", "", Unit::kYears));
  for (int idx = 0; idx < 19; ++idx) {
    s.altersgrenze_monate_ueber_65[idx] = static_cast<int>(
        r.Number("sgb2/altersgrenze.regelaltersgrenze_monate_ueber_65", std::to_string(1946 + idx), Unit::kMonths));
  }
  s.formel_vermoegen = static_cast<int>(r.Number("sgb2/vermoegen.freibetragsformel", "", Unit::kCount));
  if (s.formel_vermoegen == 2005) {  // § 12 Abs. 2 a.F.; otherwise the Bürgergeld rules
    const std::string v = "sgb2/vermoegen.grundfreibetrag_bis_2022";
    s.vermoegen_alt = Sgb2Law::VermoegenAlt{
        r.Euros(v, "je_lebensjahr"),     r.Euros(v, "mindestbetrag"),
        r.Euros(v, "hoechst_1948_1957"), r.Euros(v, "hoechst_1958_1963"),
        r.Euros(v, "hoechst_ab_1964"),   r.Euros(v, "vor_1948_je_lebensjahr"),
        r.Euros(v, "vor_1948_hoechst"),  r.Euros(v, "je_kind"),
        r.Euros(v, "anschaffung_je_person")};
    const std::string g = "sgb2/vermoegen.geburtsjahrgaenge_bis_2022";
    s.vermoegen_alt->vor_1948_geboren_vor = static_cast<int>(r.Number(g, "vor_1948_geboren_vor", Unit::kYears));
    s.vermoegen_alt->stufe_1_geboren_bis = static_cast<int>(r.Number(g, "stufe_1_geboren_bis", Unit::kYears));
    s.vermoegen_alt->stufe_2_geboren_bis = static_cast<int>(r.Number(g, "stufe_2_geboren_bis", Unit::kYears));
  } else {
    const std::string v = "sgb2/vermoegen.buergergeld_freibetrag";
    s.vermoegen_buergergeld = Sgb2Law::VermoegenBuergergeld{
        r.Euros(v, "karenz_erste_person"), r.Euros(v, "karenz_weitere_person"), r.Euros(v, "je_person")};
  }
  if (r.InForce("sgb2/vermoegen.karenzzeit")) {
    s.karenzzeit_monate = static_cast<int>(r.Number("sgb2/vermoegen.karenzzeit", "", Unit::kMonths));
  }
}

// Kindergeld and Kinderzuschlag (§ 6a BKGG).
void ResolveKindergeldKinderzuschlag(Resolver& r, LawSnapshot& law) {
  const std::string kg = "kindergeld/kindergeld.betrag";
  law.kindergeld = KindergeldLaw{r.Euros(kg, "kind_1"), r.Euros(kg, "kind_2"),
                                 r.Euros(kg, "kind_3"), r.Euros(kg, "kind_4_plus")};
  law.kindergeld.alter_ohne_voraussetzung_unter = static_cast<int>(
      r.Number("kindergeld/kindergeld.alter_ohne_voraussetzung_unter", "", Unit::kYears));
  KinderzuschlagLaw& k = law.kiz;
  k.hoechstbetrag = r.Euros("kinderzuschlag/kinderzuschlag.hoechstbetrag");
  k.mindesteinkommen_paar = r.Euros("kinderzuschlag/kinderzuschlag.mindesteinkommen", "paar");
  k.mindesteinkommen_alleinerziehend =
      r.Euros("kinderzuschlag/kinderzuschlag.mindesteinkommen", "alleinerziehend");
  k.entzug_eltern = r.Number("kinderzuschlag/kinderzuschlag.entzugsraten", "eltern", Unit::kShare);
  k.entzug_kind = r.Number("kinderzuschlag/kinderzuschlag.entzugsraten", "kind", Unit::kShare);
  k.entzug_eltern_sonstiges =
      r.Number("kinderzuschlag/kinderzuschlag.entzugsraten", "eltern_anderes_einkommen", Unit::kShare);
  k.rundung_eltern = r.Euros("kinderzuschlag/kinderzuschlag.einkommensrundung");
  k.minderungsschritt_eltern = r.Euros("kinderzuschlag/kinderzuschlag.minderungsschritt_eltern");
  k.vermoegen_nur_erheblich =
      r.Number("kinderzuschlag/kinderzuschlag.vermoegen_nur_erheblich", "", Unit::kCount) > 0;
  k.hoechsteinkommensgrenze =
      r.Number("kinderzuschlag/kinderzuschlag.hoechsteinkommensgrenze", "", Unit::kCount) > 0;
  const std::string wk = "kinderzuschlag/kinderzuschlag.wohnkosten_existenzminimum";
  k.wohnkosten_single_y = r.Euros(wk, "single");
  k.wohnkosten_paar_y = r.Euros(wk, "paar");
  k.wohnkosten_kind_y = r.Euros(wk, "kind");
}

// Wohngeld: Anlage 3 coefficients, Höchstbeträge, § 16 Abzüge, § 17 Freibeträge.
void ResolveWohngeld(Resolver& r, LawSnapshot& law) {
  WohngeldLaw& w = law.wohngeld;
  for (int n = 1; n <= 12; ++n) {
    const std::string key = std::to_string(n);
    w.a[n] = r.Scaled("wohngeld/wohngeld.koeffizienten", key + ".a");
    w.b[n] = r.Scaled("wohngeld/wohngeld.koeffizienten", key + ".b");
    w.c[n] = r.Scaled("wohngeld/wohngeld.koeffizienten", key + ".c");
    w.mindestmiete[n] = r.Euros("wohngeld/wohngeld.mindestmiete", key);
    w.mindesteinkommen[n] = r.Euros("wohngeld/wohngeld.mindesteinkommen", key);
  }
  w.faktor = r.Scaled("wohngeld/wohngeld.skalierungsfaktor", "");
  const ValueNode* caps = r.Node("wohngeld/wohngeld.hoechstbetraege", "1");
  w.mietstufen = caps == nullptr ? 0 : static_cast<int>(caps->map.size());
  const char* sizes[] = {"", "1", "2", "3", "4", "5", "je_weitere"};
  for (int n = 1; n <= 6; ++n) {
    for (int stufe = 1; stufe <= w.mietstufen; ++stufe) {
      w.hoechstbetrag[n][stufe] = r.Euros("wohngeld/wohngeld.hoechstbetraege",
                                          std::string(sizes[n]) + "." + std::to_string(stufe));
    }
    w.heizkostenentlastung[n] = r.Euros("wohngeld/wohngeld.heizkostenentlastung", sizes[n]);
    w.heizkostenkomponente[n] = r.Euros("wohngeld/wohngeld.heizkostenkomponente", sizes[n]);
    w.klimakomponente[n] = r.Euros("wohngeld/wohngeld.klimakomponente", sizes[n]);
  }
  w.je_mitglied_ueber_12 = r.Euros("wohngeld/wohngeld.je_weiteres_mitglied_ueber_12");
  w.bagatellgrenze = r.Euros("wohngeld/wohngeld.bagatellgrenze");
  for (int count = 0; count <= 3; ++count) {
    w.pauschalabzug[count] =
        r.Number("wohngeld/wohngeld.pauschalabzug", "n" + std::to_string(count), Unit::kShare);
  }
  w.werbungskostenpauschale_y = r.Euros("wohngeld/wohngeld.werbungskostenpauschale");
  w.freibetrag_schwerbehindert_y = r.Euros("wohngeld/wohngeld.freibetraege", "schwerbehindert");
  w.freibetrag_alleinerziehend_y = r.Euros("wohngeld/wohngeld.freibetraege", "alleinerziehend");
  w.freibetrag_kind_erwerb_y = r.Euros("wohngeld/wohngeld.freibetraege", "kind_erwerb");
  const std::string ae_regel = "wohngeld/wohngeld.freibetrag_alleinerziehend_regel";
  w.alleinerziehend_je_kind = r.Number(ae_regel, "je_kind", Unit::kCount) > 0;
  w.alleinerziehend_nur_bei_erwerb = r.Number(ae_regel, "nur_bei_erwerb_oder_ausbildung", Unit::kCount) > 0;
  w.alleinerziehend_kind_alter_unter = static_cast<int>(r.Number(ae_regel, "kind_alter_unter", Unit::kCount));
  w.formel_miete = static_cast<int>(r.Number("wohngeld/wohngeld.mietformel", "", Unit::kCount));
  w.kind_erwerb_alter_unter =
      static_cast<int>(r.Number("wohngeld/wohngeld.kind_erwerb_alter_unter", "", Unit::kYears));
  w.vermoegen_erstes = r.Euros("wohngeld/wohngeld.vermoegensgrenze", "erstes_mitglied");
  w.vermoegen_weiteres = r.Euros("wohngeld/wohngeld.vermoegensgrenze", "je_weiteres");
}

// Mindestlohn, Minijob and Übergangsbereich, social insurance rates.
void ResolveArbeit(Resolver& r, LawSnapshot& law) {
  ArbeitLaw& a = law.arbeit;
  a.mindestlohn = r.Euros("arbeit/mindestlohn.mindestlohn");
  a.geringfuegigkeitsgrenze = r.Euros("arbeit/minijob.geringfuegigkeitsgrenze");
  a.uebergangsbereich_obergrenze = r.Euros("arbeit/minijob.uebergangsbereich_obergrenze");
  a.formel_uebergangsbereich =
      static_cast<int>(r.Number("arbeit/minijob.beitragsformel_uebergangsbereich", "", Unit::kCount));
  if (a.formel_uebergangsbereich == 2013) {  // the Gleitzone formula needs F and the employer rates
    a.faktor_f = r.Number("arbeit/minijob.faktor_f", "", Unit::kCoefficient);
    const std::string agr = "arbeit/sozialversicherung.arbeitgeber_beitragssaetze";
    a.ag_rv = r.Number(agr, "rv", Unit::kShare);
    a.ag_alv = r.Number(agr, "alv", Unit::kShare);
    a.ag_kv = r.Number(agr, "kv", Unit::kShare);
    a.ag_pv = r.Number(agr, "pv", Unit::kShare);
  }
  const std::string an = "arbeit/sozialversicherung.arbeitnehmer_beitragssaetze";
  a.an_rv = r.Number(an, "rv", Unit::kShare);
  a.an_alv = r.Number(an, "alv", Unit::kShare);
  a.an_kv = r.Number(an, "kv", Unit::kShare);
  a.an_pv = r.Number(an, "pv", Unit::kShare);
  a.an_pv_kinderlos = r.Number(an, "pv_kinderlos", Unit::kShare);
  a.pv_kinderlos_ab_alter =
      static_cast<int>(r.Number("arbeit/sozialversicherung.pv_kinderlos_ab_alter", "", Unit::kYears));
}

// The § 32a EStG tariff and the Pauschbeträge.
void ResolveEinkommensteuer(Resolver& r, LawSnapshot& law) {
  EinkommensteuerLaw& e = law.est;
  const std::string t = "einkommensteuer/tarif.tarif";
  e.grundfreibetrag = r.Number(t, "grundfreibetrag", Unit::kCoefficient);
  e.zone2_bis = r.Number(t, "zone2_bis", Unit::kCoefficient);
  e.zone3_bis = r.Number(t, "zone3_bis", Unit::kCoefficient);
  e.zone4_bis = r.Number(t, "zone4_bis", Unit::kCoefficient);
  e.b2 = r.Number(t, "b2", Unit::kCoefficient);
  e.b3 = r.Number(t, "b3", Unit::kCoefficient);
  e.c3 = r.Number(t, "c3", Unit::kCoefficient);
  e.c4 = r.Number(t, "c4", Unit::kCoefficient);
  e.c5 = r.Number(t, "c5", Unit::kCoefficient);
  const std::string tk = "einkommensteuer/tarif.tarif_konstanten";
  e.zone2_a = r.Number(tk, "zone2_a", Unit::kCoefficient);
  e.zone3_a = r.Number(tk, "zone3_a", Unit::kCoefficient);
  e.satz_zone4 = r.Number(tk, "satz_zone4", Unit::kCoefficient);
  e.satz_zone5 = r.Number(tk, "satz_zone5", Unit::kCoefficient);
  e.teiler = r.Number(tk, "teiler", Unit::kCoefficient);
  e.arbeitnehmer_pauschbetrag_y = r.Euros("einkommensteuer/tarif.pauschbetraege", "arbeitnehmer");
  e.sonderausgaben_pauschbetrag_y =
      r.Euros("einkommensteuer/tarif.pauschbetraege", "sonderausgaben");
}

}  // namespace

core::Result<LawSnapshot> ResolveLaw(const ParameterStore& store, core::Date date) {
  LawSnapshot law;
  law.date = date;
  Resolver r(store, date, law);
  {
    const double first = r.Number("coverage.abdeckung", "first_year", Unit::kYears);
    const double last = r.Number("coverage.abdeckung", "last_year", Unit::kYears);
    AMIP_RETURN_IF_ERROR(r.status());
    if (date.year() < first || date.year() > last) {
      return core::OutOfRangeError("date " + date.ToString() +
                                   " is outside the coverage of the law parameters (" +
                                   std::to_string(static_cast<int>(first)) + "-01-01 … " +
                                   std::to_string(static_cast<int>(last)) + "-12-31)");
    }
  }
  law.volljaehrig_ab = static_cast<int>(r.Number("allgemein/alter.volljaehrigkeit", "", Unit::kYears));
  ResolveSgb2(r, law);
  ResolveKindergeldKinderzuschlag(r, law);
  ResolveWohngeld(r, law);
  ResolveArbeit(r, law);
  ResolveEinkommensteuer(r, law);
  AMIP_RETURN_IF_ERROR(r.status());
  return law;
}

core::Result<const ParameterStore*> EmbeddedStore() {
  static const auto* kLoaded = new core::Result<ParameterStore>(ParameterStore::LoadEmbedded());
  if (!kLoaded->ok()) return kLoaded->status();
  return &kLoaded->value();
}

}  // namespace amip::law
