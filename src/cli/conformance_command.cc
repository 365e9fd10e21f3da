// `amip conformance gettsim DIR`: runs GETTSIM's YAML test cases (DIR/<area>/<date>/<case>.yaml,
// e.g. /work/shared/peer-tests/gettsim/) through the benefits engine. Each case's person rows
// are mapped to a benefits::Household (GETTSIM names flattened with '.'), inputs that
// GETTSIM lets replace intermediate results are honoured where the engine has a hook, every
// output the engine also computes is compared within precision_atol, and one line per case
// and area is printed; the last line is "N passed, M failed". Cases dated outside the law
// coverage or marked skip are counted as skipped (reported on the line before).
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "benefits/evaluate.h"
#include "benefits/household.h"
#include "cli/command_registry.h"
#include "cli/option_domain.h"
#include "fileio/read_file.h"
#include "law/law_snapshot.h"

namespace amip::cli {
namespace {

namespace fs = std::filesystem;
using core::Cents;

std::string Normalize(std::string key) {
  std::string out;
  for (size_t idx = 0; idx < key.size(); ++idx) {
    if (key.compare(idx, 2, "__") == 0) {
      out += '.';
      ++idx;
    } else {
      out += key[idx];
    }
  }
  return out;
}

void Flatten(const YAML::Node& node, const std::string& prefix, std::map<std::string, YAML::Node>& out) {
  if (!node || !node.IsMap()) return;
  for (const auto& item : node) {
    const std::string key = prefix + Normalize(item.first.Scalar());
    if (item.second.IsMap()) {
      Flatten(item.second, key + ".", out);
    } else {
      out[key] = item.second;
    }
  }
}

struct GCase {
  std::map<std::string, YAML::Node> in, out;
  double atol = 0.01;
  size_t rows = 0;
  bool Has(const std::string& key) const { return in.count(key) > 0; }
  double Num(const std::string& key, size_t row, double fallback = 0) const {
    auto it = in.find(key);
    if (it == in.end() || !it->second.IsSequence() || row >= it->second.size()) return fallback;
    const YAML::Node value = it->second[row];
    if (value.Scalar() == "true") return 1;
    if (value.Scalar() == "false") return 0;
    return value.as<double>(fallback);
  }
  int64_t Id(const std::string& key, size_t row) const { return static_cast<int64_t>(std::llround(Num(key, row, -1))); }
};

Cents C(double euros) { return Cents::FromCents(std::llround(euros * 100)); }

struct Mapped {
  benefits::Household household;
  std::vector<size_t> rows;  // GETTSIM row of each person
  benefits::EvaluateOptions options;
};

// Builds one household from the given rows of a GETTSIM case.
Mapped MapRows(const GCase& g, const std::vector<size_t>& rows, const law::LawSnapshot& law, const std::string& area_name,
               size_t hh_size) {
  Mapped m;
  m.rows = rows;
  benefits::Household& h = m.household;
  h.datum = law.date;
  std::map<int64_t, std::string> id_of;
  for (size_t row : rows) id_of[g.Id("p_id", row)] = "p" + std::to_string(g.Id("p_id", row));
  const double scale = hh_size > 0 ? static_cast<double>(rows.size()) / hh_size : 1.0;
  const size_t first = rows.front();
  const double rent = g.Num("wohnen.bruttokaltmiete_m_hh", first);
  const double heat = g.Num("wohnen.heizkosten_m_hh", first);
  const double area = g.Num("wohnen.wohnfläche_hh", first);
  h.wohnung.bruttokaltmiete_m = C(rent * scale);
  h.wohnung.heizkosten_m = C(heat * scale);
  h.wohnung.wohnflaeche_qm = area * scale;
  if (g.Has("wohngeld.mietstufe_hh")) h.wohnung.mietstufe = static_cast<int>(g.Num("wohngeld.mietstufe_hh", first));
  const bool bezug_vorjahr = g.Num("arbeitslosengeld_2.bezug_im_vorjahr", first) > 0;
  const bool karenzzeit_im_recht = law.sgb2.karenzzeit_monate > 0;  // § 22 Abs. 1 S. 2 SGB II (from 2023)
  h.karenzzeit = karenzzeit_im_recht && !bezug_vorjahr;
  // GETTSIM's national KdU proxy (spec § 1.4): accepted warm rent = min(area, 45 + 15·(n−1)) ×
  // min(warm rent per m², 10 €); applied as a ceiling of the gross cold rent.
  const bool proxy = area_name == "arbeitslosengeld_2" && area > 0 &&
                     (!karenzzeit_im_recht || bezug_vorjahr) &&
                     g.Num("wohnen.bewohnt_eigentum_hh", first) == 0;
  if (proxy) {
    const double allowed_area = 45.0 + 15.0 * (static_cast<double>(hh_size) - 1);
    const double warm_per_qm = std::min((rent + heat) / area, 10.0);
    const double accepted = std::min(area, allowed_area) * warm_per_qm * scale;
    if (accepted + 0.005 < (rent + heat) * scale) {
      h.wohnung.kdu_grenze_m = C(std::max(0.0, accepted - heat * scale));
    }
  }
  for (size_t row : rows) {
    benefits::Person p;
    p.id = id_of[g.Id("p_id", row)];
    p.alter = static_cast<int>(g.Num("alter", row));
    const int64_t partner = g.Id("arbeitslosengeld_2.p_id_einstandspartner", row);
    if (partner >= 0 && id_of.count(partner)) p.partner = id_of[partner];
    for (const char* key : {"familie.p_id_elternteil_1", "familie.p_id_elternteil_2"}) {
      const int64_t parent = g.Id(key, row);
      if (parent >= 0 && id_of.count(parent)) p.eltern.push_back(id_of[parent]);
    }
    const int64_t recipient = g.Id("kindergeld.p_id_empfänger", row);
    if (!p.eltern.empty() && recipient >= 0 && id_of.count(recipient)) p.kindergeld_empfaenger = id_of[recipient];
    if (!p.eltern.empty() && std::find(p.eltern.begin(), p.eltern.end(), p.kindergeld_empfaenger) == p.eltern.end()) {
      p.kindergeld_empfaenger.clear();
    }
    p.in_ausbildung = g.Num("kindergeld.in_ausbildung", row) > 0;
    const double gross = g.Num("einnahmen.bruttolohn_m", row) +
                         g.Num("einkommensteuer.einkünfte.aus_selbstständiger_arbeit.betrag_m", row);
    p.bruttolohn_m = C(gross);
    if (g.Has("sozialversicherung.beiträge_versicherter_m") || g.Has("einkommensteuer.betrag_y_sn")) {
      const double share = g.Num("einkommensteuer.gemeinsam_veranlagt", row) > 0 ? 2.0 : 1.0;
      const double tax = (g.Num("einkommensteuer.betrag_y_sn", row) + g.Num("solidaritätszuschlag.betrag_y_sn", row)) / 12.0 / share;
      const double net = gross - tax - g.Num("sozialversicherung.beiträge_versicherter_m", row);
      if (area_name == "arbeitslosengeld_2" || area_name == "wohngeld") {
        p.nettolohn_m = C(std::max(0.0, std::min(net, gross)));
      }
    }
    p.unterhalt_m = C(g.Num("unterhalt.tatsächlich_erhaltener_betrag_m", row));
    p.unterhaltsvorschuss_m = C(g.Num("unterhaltsvorschuss.betrag_m", row));
    double other = g.Num("sozialversicherung.arbeitslosen.betrag_m", row) +
                   g.Num("sozialversicherung.rente.altersrente.betrag_m", row) +
                   g.Num("sozialversicherung.rente.erwerbsminderung.betrag_m", row) +
                   g.Num("einnahmen.kapitalerträge_m", row) + g.Num("einnahmen.kapitalerträge_y", row) / 12.0 +
                   g.Num("einkommensteuer.einkünfte.aus_vermietung_und_verpachtung.betrag_m", row) +
                   g.Num("einkommensteuer.einkünfte.sonstige.alle_weiteren_m", row);
    if (area_name != "wohngeld") {
      other += g.Num("elterngeld.betrag_m", row);
    } else if (g.Has("elterngeld.anrechenbarer_betrag_m")) {
      other += g.Num("elterngeld.anrechenbarer_betrag_m", row);
    } else {
      other += std::max(0.0, g.Num("elterngeld.betrag_m", row) - 300.0);  // § 10 BEEG exempt part
    }
    p.sonstiges_einkommen_m = C(other);
    p.vermoegen = C(g.Num("vermögen", row));
    if (g.Has("einkommensteuer.einkünfte.aus_nichtselbstständiger_arbeit.einnahmen_nach_abzug_werbungskosten_y")) {
      p.erwerb_nach_werbungskosten_y =
          C(g.Num("einkommensteuer.einkünfte.aus_nichtselbstständiger_arbeit.einnahmen_nach_abzug_werbungskosten_y", row));
    }
    p.schwerbehindert = g.Num("behinderungsgrad", row) >= 80;
    if (area_name == "wohngeld") {
      int abzuege = 0;
      if (g.Num("einkommensteuer.betrag_y_sn", row) > 0) ++abzuege;
      if (g.Num("sozialversicherung.kranken.beitrag.betrag_versicherter_m", row) > 0) ++abzuege;
      if (g.Num("sozialversicherung.rente.beitrag.betrag_versicherter_m", row) > 0) ++abzuege;
      p.wohngeld_abzuege = abzuege;
    }
    h.personen.push_back(p);
  }
  // Kindergeld given by the case (per recipient or per BG) replaces the law amounts, spread
  // evenly over the recipient's children.
  const bool per_recipient = g.Has("kindergeld.betrag_m");
  const bool per_bg = g.Has("kindergeld.betrag_m_bg");
  if (per_recipient || per_bg) {
    std::map<std::string, std::vector<benefits::Person*>> kids;
    for (auto& p : h.personen) {
      if (!p.eltern.empty() && (p.alter < law.kindergeld.alter_ohne_voraussetzung_unter || p.in_ausbildung)) {
        kids[per_bg ? std::string("bg") : (p.kindergeld_empfaenger.empty() ? p.eltern[0] : p.kindergeld_empfaenger)]
            .push_back(&p);
      }
    }
    for (auto& [recipient, children] : kids) {
      double total = 0;
      if (per_bg) {
        total = g.Num("kindergeld.betrag_m_bg", first);
      } else {
        for (size_t idx = 0; idx < rows.size(); ++idx) {
          if (h.personen[idx].id == recipient) total = g.Num("kindergeld.betrag_m", rows[idx]);
        }
      }
      for (benefits::Person* child : children) child->kindergeld_m = C(total / children.size());
    }
  }
  return m;
}

// The evaluation of the BG that holds person `id` (the household itself if it is one BG).
const benefits::Evaluation& BgOf(const benefits::Evaluation& e, const std::string& id) {
  for (const benefits::Evaluation& bg : e.bgs) {
    if (std::find(bg.mitglieder.begin(), bg.mitglieder.end(), id) != bg.mitglieder.end()) return bg;
  }
  return e;
}

const benefits::Sgb2Person& Sgb2Of(const benefits::Evaluation& bg, const std::string& id) {
  for (const benefits::Sgb2Person& r : bg.sgb2.personen) {
    if (r.id == id) return r;
  }
  return bg.sgb2.personen.front();
}

struct Comparison {
  int compared = 0;
  std::vector<std::string> differences;
  void Check(const std::string& key, size_t row, double expected, double computed, double atol) {
    ++compared;
    if (std::fabs(expected - computed) > atol + 1e-9) {
      char buf[200];
      std::snprintf(buf, sizeof buf, "%s[%zu]: erwartet %.2f, berechnet %.2f", key.c_str(), row, expected, computed);
      differences.push_back(buf);
    }
  }
};

double Expected(const GCase& g, const std::string& key, size_t row) {
  return g.out.at(key)[row].as<double>(0);
}

std::vector<std::vector<size_t>> Groups(const GCase& g, const std::string& id_key) {
  const std::string key = g.Has(id_key) ? id_key : "hh_id";
  std::map<int64_t, std::vector<size_t>> groups;
  for (size_t row = 0; row < g.rows; ++row) groups[g.Id(key, row)].push_back(row);
  std::vector<std::vector<size_t>> out;
  for (auto& [id, rows] : groups) out.push_back(rows);
  return out;
}

size_t HouseholdSize(const GCase& g, size_t row) {
  size_t n = 0;
  for (size_t other = 0; other < g.rows; ++other) n += g.Id("hh_id", other) == g.Id("hh_id", row);
  return n;
}

core::Status RunAlg2(const GCase& g, const law::LawSnapshot& law, Comparison& cmp) {
  for (const auto& rows : Groups(g, "hh_id")) {
    Mapped m = MapRows(g, rows, law, "arbeitslosengeld_2", HouseholdSize(g, rows.front()));
    m.options.wohngeld = false;
    m.options.wohngeld_override = C(g.Num("wohngeld.anspruchshöhe_m_wthh", rows.front()));
    AMIP_ASSIGN_OR_RETURN(benefits::Evaluation e, benefits::Evaluate(m.household, law, nullptr, m.options, nullptr));
    for (size_t idx = 0; idx < rows.size(); ++idx) {
      const size_t row = rows[idx];
      const std::string& id = m.household.personen[idx].id;
      const benefits::Evaluation& bg = BgOf(e, id);
      const benefits::Sgb2Person& r = Sgb2Of(bg, id);
      // A child outside the BG (own income covers its need) forms its own BG.
      const bool own = !r.in_bg;
      const std::map<std::string, double> computed = {
          {"arbeitslosengeld_2.betrag_m_bg", own ? 0.0 : bg.sgb2_betrag_m_bg.euros()},
          {"arbeitslosengeld_2.regelsatz_m_bg", own ? r.regelsatz.euros() : bg.sgb2.regelsatz_m_bg.euros()},
          {"arbeitslosengeld_2.kosten_der_unterkunft_m_bg", own ? r.kdu.euros() : bg.sgb2.kdu_m_bg.euros()},
          {"arbeitslosengeld_2.regelbedarf_m_bg", own ? r.bedarf.euros() : bg.sgb2.bedarf_m_bg.euros()},
          {"arbeitslosengeld_2.anrechnungsfreies_einkommen_m", r.freibetrag.euros()},
          {"arbeitslosengeld_2.nettoeinkommen_nach_abzug_freibetrag_m",
           (r.netto_erwerb - r.freibetrag + r.sonstiges).euros()},
          {"arbeitslosengeld_2.bruttokaltmiete_m_bg", bg.bruttokaltmiete_m_bg.euros()},
          {"arbeitslosengeld_2.heizkosten_m_bg", bg.heizkosten_m_bg.euros()},
          {"arbeitslosengeld_2.regelsatz_m", r.regelsatz.euros()},
          {"arbeitslosengeld_2.erwachsenensatz_m", r.kind ? 0.0 : r.regelsatz.euros()},
          {"arbeitslosengeld_2.kindersatz_m", r.kind ? r.regelsatz.euros() : 0.0},
          {"arbeitslosengeld_2.kosten_der_unterkunft_m", r.kdu.euros()},
          {"arbeitslosengeld_2.regelbedarf_m", r.bedarf.euros()},
          {"arbeitslosengeld_2.anzurechnendes_einkommen_m", r.einkommen.euros()},
      };
      for (const auto& [key, value] : computed) {
        if (g.out.count(key)) cmp.Check(key, row, Expected(g, key, row), value, g.atol);
      }
    }
  }
  return core::Status::Ok();
}

core::Status RunWohngeld(const GCase& g, const law::LawSnapshot& law, Comparison& cmp) {
  for (const auto& rows : Groups(g, "wthh_id")) {
    Mapped m = MapRows(g, rows, law, "wohngeld", rows.size());
    benefits::WohngeldOptions options;
    options.bagatellgrenze = false;  // GETTSIM does not apply § 21 Nr. 1 WoGG
    for (const char* key : {"wohngeld.vermögensgrenze_unterschritten_wthh", "wohngeld.vermögensgrenze_unterschritten_bg"}) {
      if (g.Has(key) && g.Num(key, rows.front()) > 0) options.vermoegen_pruefen = false;
    }
    const size_t first = rows.front();
    if (!g.Has("wthh_id") && benefits::Bedarfsgemeinschaften(m.household, law.sgb2).size() > 1) {
      // Several BGs and no given wthh_id (a mixed household): the BGs on SGB II are excluded
      // and the others form the Wohngeld household (§ 7 Abs. 1 WoGG), decided by the
      // precedence check per BG.
      m.options.wohngeld_options = options;
      AMIP_ASSIGN_OR_RETURN(benefits::Evaluation e, benefits::Evaluate(m.household, law, nullptr, m.options, nullptr));
      for (size_t idx = 0; idx < rows.size(); ++idx) {
        const std::string& id = m.household.personen[idx].id;
        const bool member = std::find(e.wohngeldhaushalt.begin(), e.wohngeldhaushalt.end(), id) != e.wohngeldhaushalt.end();
        const benefits::Evaluation& bg = BgOf(e, id);
        const double potential = member && e.wohngeld.has_value() ? e.wohngeld->anspruch_m.euros()
                                 : bg.wohngeld.has_value()         ? bg.wohngeld->anspruch_m.euros()
                                                                   : 0.0;
        const double paid = member ? e.wohngeld_betrag_m_wthh.euros() : 0.0;
        for (const auto& [key, value] : std::map<std::string, double>{{"wohngeld.anspruchshöhe_m_wthh", potential},
                                                                      {"wohngeld.betrag_m_wthh", paid}}) {
          if (g.out.count(key)) cmp.Check(key, rows[idx], Expected(g, key, rows[idx]), value, g.atol);
        }
      }
      continue;
    }
    AMIP_ASSIGN_OR_RETURN(benefits::WohngeldResult wg,
                          benefits::ComputeWohngeld(m.household, law, nullptr, options, nullptr));
    double amount = wg.anspruch_m.euros();
    for (const char* key : {"wohngeld.mindesteinkommen_erreicht_wthh", "wohngeld.mindesteinkommen_erreicht_bg",
                            "wohngeld.vermögensgrenze_unterschritten_wthh", "wohngeld.vermögensgrenze_unterschritten_bg"}) {
      if (g.Has(key) && g.Num(key, first) == 0) amount = 0;
    }
    for (size_t row : rows) {
      if (g.out.count("wohngeld.anspruchshöhe_m_wthh")) {
        cmp.Check("wohngeld.anspruchshöhe_m_wthh", row, Expected(g, "wohngeld.anspruchshöhe_m_wthh", row), amount, g.atol);
      }
      if (g.out.count("wohngeld.betrag_m_wthh")) {
        const bool priority = g.Num("vorrangprüfungen.wohngeld_kinderzuschlag_vorrangig_oder_günstiger", row, 1) > 0;
        cmp.Check("wohngeld.betrag_m_wthh", row, Expected(g, "wohngeld.betrag_m_wthh", row), priority ? amount : 0, g.atol);
      }
    }
  }
  return core::Status::Ok();
}

core::Status RunKiz(const GCase& g, const law::LawSnapshot& law, Comparison& cmp) {
  for (const auto& rows : Groups(g, "bg_id")) {
    Mapped m = MapRows(g, rows, law, "kinderzuschlag", HouseholdSize(g, rows.front()));
    const size_t first = rows.front();
    if (g.Has("kinderzuschlag.bruttoeinkommen_eltern_m")) {
      double gross = 0, net = 0;
      for (size_t row : rows) {
        gross += g.Num("kinderzuschlag.bruttoeinkommen_eltern_m", row);
        net += g.Num("kinderzuschlag.nettoeinkommen_eltern_m", row);
      }
      m.options.kiz_overrides.bruttoeinkommen_eltern_m = C(gross);
      m.options.kiz_overrides.nettoeinkommen_eltern_m = C(net);
    }
    if (g.Has("arbeitslosengeld_2.mehrbedarf_alleinerziehend_m_bg")) {
      m.options.kiz_overrides.mehrbedarf_alleinerziehend_anteil =
          g.Num("arbeitslosengeld_2.mehrbedarf_alleinerziehend_m_bg", first);
    }
    m.options.wohngeld = false;
    AMIP_ASSIGN_OR_RETURN(benefits::Evaluation e, benefits::Evaluate(m.household, law, nullptr, m.options, nullptr));
    for (size_t idx = 0; idx < rows.size(); ++idx) {
      const size_t row = rows[idx];
      const benefits::Evaluation& bg = BgOf(e, m.household.personen[idx].id);
      if (g.out.count("kinderzuschlag.anspruchshöhe_m_bg")) {
        cmp.Check("kinderzuschlag.anspruchshöhe_m_bg", row, Expected(g, "kinderzuschlag.anspruchshöhe_m_bg", row),
                  bg.kiz.anspruch_m_bg.euros(), g.atol);
      }
      if (g.out.count("arbeitslosengeld_2.bruttokaltmiete_m_bg")) {
        cmp.Check("arbeitslosengeld_2.bruttokaltmiete_m_bg", row, Expected(g, "arbeitslosengeld_2.bruttokaltmiete_m_bg", row),
                  bg.bruttokaltmiete_m_bg.euros(), g.atol);
      }
      if (g.out.count("kinderzuschlag.basisbetrag_m_bg")) {
        cmp.Check("kinderzuschlag.basisbetrag_m_bg", row, Expected(g, "kinderzuschlag.basisbetrag_m_bg", row),
                  bg.kiz.basisbetrag_m_bg.euros(), g.atol);
      }
    }
  }
  return core::Status::Ok();
}

core::Status RunVorrang(const GCase& g, const law::LawSnapshot& law, Comparison& cmp) {
  for (const auto& rows : Groups(g, "bg_id")) {
    benefits::VorrangInput in;
    const size_t first = rows.front();
    in.bedarf_m_bg = C(g.Num("arbeitslosengeld_2.regelbedarf_m_bg", first));
    double income = 0;
    for (size_t row : rows) {
      income += g.Num("arbeitslosengeld_2.nettoeinkommen_nach_abzug_freibetrag_m", row) +
                g.Num("unterhalt.tatsächlich_erhaltener_betrag_m", row) + g.Num("unterhaltsvorschuss.betrag_m", row) +
                g.Num("arbeitslosengeld_2.kindergeld_zur_bedarfsdeckung_m", row) +
                g.Num("arbeitslosengeld_2.kindergeldübertrag_m", row);
    }
    in.einkommen_m_bg = C(income);
    in.wohngeld_m = C(g.Num("wohngeld.anspruchshöhe_m_wthh", first));
    in.kinderzuschlag_m = C(g.Num("kinderzuschlag.basisbetrag_m_bg", first));
    in.hilfebeduerftig = in.bedarf_m_bg > in.einkommen_m_bg;
    // Wealth check by law; households of pensioners only get no SGB II (GETTSIM: SGB XII
    // is not linked; by law § 7 Abs. 1 Nr. 1 SGB II needs someone below the Regelaltersgrenze).
    Mapped m = MapRows(g, rows, law, "vorrangprüfungen", rows.size());
    for (auto& p : m.household.personen) p.eltern.clear();
    auto sgb2 = benefits::ComputeBuergergeld(m.household, law, nullptr, nullptr);
    if (sgb2.ok() && sgb2->vermoegen_ueber_grenze) in.hilfebeduerftig = false;
    bool all_pensioners = true;
    for (size_t row : rows) all_pensioners = all_pensioners && g.Num("sozialversicherung.rente.bezieht_rente", row) > 0;
    if (all_pensioners) in.hilfebeduerftig = false;
    const benefits::VorrangResult vr = benefits::Vorrangpruefung(in);
    for (size_t row : rows) {
      const std::map<std::string, double> computed = {
          {"arbeitslosengeld_2.betrag_m_bg", vr.sgb2_m_bg.euros()},
          {"kinderzuschlag.betrag_m_bg", vr.kinderzuschlag_m.euros()},
          {"wohngeld.betrag_m_wthh", vr.wohngeld_m.euros()},
          {"vorrangprüfungen.wohngeld_kinderzuschlag_vorrangig_oder_günstiger",
           vr.vorrang == benefits::Vorrang::kVorrangigeLeistungen ? 1.0 : 0.0},
      };
      for (const auto& [key, value] : computed) {
        if (!g.out.count(key)) continue;
        const YAML::Node node = g.out.at(key)[row];
        const double expected = node.Scalar() == "true" ? 1 : node.Scalar() == "false" ? 0 : node.as<double>(0);
        cmp.Check(key, row, expected, value, g.atol);
      }
    }
  }
  return core::Status::Ok();
}

struct AreaCount {
  int passed = 0, failed = 0, skipped = 0;
};

ExitCode RunConformance(const std::string& dir) {
  if (!fs::is_directory(dir)) return ReportError(core::NotFoundError("kein Verzeichnis: '" + dir + "'"));
  auto store = law::EmbeddedStore();
  if (!store.ok()) return ReportError(store.status());
  const std::vector<std::string> areas = {"arbeitslosengeld_2", "wohngeld", "kinderzuschlag", "vorrangprüfungen"};
  std::map<std::string, AreaCount> counts;
  for (const std::string& area : areas) {
    const fs::path area_dir = fs::path(dir) / area;
    if (!fs::is_directory(area_dir)) continue;
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(area_dir)) {
      if (entry.path().extension() == ".yaml") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      const std::string rel = fs::relative(file, dir).string();
      const std::string folder = file.parent_path().filename().string();
      AreaCount& count = counts[area];
      if (rel.find("skip") != std::string::npos) {
        ++count.skipped;
        std::printf("SKIP %s: in GETTSIM als skip markiert\n", rel.c_str());
        continue;
      }
      auto date = core::Date::Parse(folder);
      if (!date.ok()) {
        ++count.skipped;
        std::printf("SKIP %s: der Ordnername ist kein Datum\n", rel.c_str());
        continue;
      }
      auto law = law::ResolveLaw(**store, *date);
      if (!law.ok()) {
        ++count.skipped;
        std::printf("SKIP %s: %s\n", rel.c_str(), law.status().message().c_str());
        continue;
      }
      core::Result<std::string> text = fileio::ReadRegularFile(file.string(), fileio::kMaxYamlBytes);
      if (!text.ok()) {
        ++count.failed;
        std::printf("FAIL %s: %s\n", rel.c_str(), text.status().message().c_str());
        continue;
      }
      GCase g;
      core::Status status;
      try {
        YAML::Node doc = YAML::Load(*text);
        Flatten(doc["inputs"]["provided"], "", g.in);
        Flatten(doc["inputs"]["assumed"], "", g.in);
        Flatten(doc["outputs"], "", g.out);
        g.atol = doc["info"]["precision_atol"].as<double>(0.01);
        g.rows = g.in.count("p_id") ? g.in["p_id"].size() : 0;
        Comparison cmp;
        if (area == "arbeitslosengeld_2") status = RunAlg2(g, *law, cmp);
        if (area == "wohngeld") status = RunWohngeld(g, *law, cmp);
        if (area == "kinderzuschlag") status = RunKiz(g, *law, cmp);
        if (area == "vorrangprüfungen") status = RunVorrang(g, *law, cmp);
        if (!status.ok()) {
          ++count.failed;
          std::printf("FAIL %s: Fehler der Berechnung: %s\n", rel.c_str(), status.message().c_str());
        } else if (cmp.compared == 0) {
          ++count.skipped;
          std::printf("SKIP %s: kein erwartetes Ergebnis, das amip berechnet\n", rel.c_str());
        } else if (!cmp.differences.empty()) {
          ++count.failed;
          std::string joined;
          for (const auto& diff : cmp.differences) joined += (joined.empty() ? "" : "; ") + diff;
          std::printf("FAIL %s: %s\n", rel.c_str(), joined.c_str());
        } else {
          ++count.passed;
        }
      } catch (const YAML::Exception& e) {
        ++count.failed;
        std::printf("FAIL %s: YAML-Fehler: %s\n", rel.c_str(), e.what());
      }
    }
  }
  int passed = 0, failed = 0, skipped = 0;
  for (const std::string& area : areas) {
    const AreaCount& c = counts[area];
    std::printf("%s: %d bestanden, %d nicht bestanden, %d übersprungen\n", area.c_str(), c.passed, c.failed,
                c.skipped);
    passed += c.passed;
    failed += c.failed;
    skipped += c.skipped;
  }
  std::printf("übersprungen: %d (außerhalb 2014–2026, als skip markiert oder nichts Vergleichbares)\n", skipped);
  std::printf("%d bestanden, %d nicht bestanden\n", passed, failed);
  return failed == 0 ? ExitCode::kOk : ExitCode::kDataError;
}

void RegisterConformance(CLI::App& app, CommandOutcome& outcome) {
  auto* cmd = app.add_subcommand("conformance", "Vergleich mit externen Testfällen");
  cmd->require_subcommand(1);
  auto* gettsim = cmd->add_subcommand("gettsim", "GETTSIM-YAML-Testfälle (DIR/<Bereich>/<Datum>/<Fall>.yaml)");
  auto dir = std::make_shared<std::string>();
  gettsim->add_option("dir", *dir, "Verzeichnis, z. B. /work/shared/peer-tests/gettsim")
      ->required()
      ->check(NonEmpty("Pfad"));
  gettsim->callback([&outcome, dir] { outcome.exit_code = RunConformance(*dir); });
}

}  // namespace

AMIP_REGISTER_COMMAND(85, RegisterConformance);

}  // namespace amip::cli
