#include "benefits/household.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <numeric>
#include <set>

#include "law/yaml_check.h"

namespace amip::benefits {
namespace {

using core::InvalidArgumentError;

class Reader {
 public:
  explicit Reader(std::string_view where) : where_(where) {}

  std::string At(const YAML::Node& node) const { return law::YamlWhere(where_, node); }

  core::Status Keys(const YAML::Node& map, const std::set<std::string>& allowed,
                    const std::string& what) const {
    if (!map.IsMap()) return InvalidArgumentError(At(map) + ": " + what + " must be a map");
    return law::CheckYamlKeys(where_, map, allowed, what);
  }

  core::Result<core::Cents> Money(const YAML::Node& node, const std::string& field) const {
    auto cents = core::Cents::Parse(node.Scalar());
    if (!cents.ok()) {
      return InvalidArgumentError(At(node) + ": " + field + ": '" + node.Scalar() +
                                  "' is not a euro amount: " + cents.status().message());
    }
    if (cents->value() < 0) {
      return InvalidArgumentError(At(node) + ": " + field + " must not be negative (got " +
                                  node.Scalar() + ")");
    }
    return *cents;
  }

  core::Result<int> Int(const YAML::Node& node, const std::string& field, int lo, int hi) const {
    try {
      const int value = node.as<int>();
      if (value < lo || value > hi) {
        return InvalidArgumentError(At(node) + ": " + field + " must be between " +
                                    std::to_string(lo) + " and " + std::to_string(hi) +
                                    " (got " + node.Scalar() + ")");
      }
      return value;
    } catch (const YAML::Exception&) {
      return InvalidArgumentError(At(node) + ": " + field + ": '" + node.Scalar() +
                                  "' is not a whole number");
    }
  }

  core::Result<bool> Bool(const YAML::Node& node, const std::string& field) const {
    if (node.Scalar() == "true") return true;
    if (node.Scalar() == "false") return false;
    return InvalidArgumentError(At(node) + ": " + field + " must be true or false");
  }

 private:
  std::string where_;
};

core::Result<Person> ParsePerson(const Reader& r, const YAML::Node& node) {
  AMIP_RETURN_IF_ERROR(r.Keys(
      node,
      {"id", "alter", "partner", "eltern", "kindergeld_empfaenger", "in_ausbildung",
       "bruttolohn_m", "nettolohn_m", "unterhalt_m", "unterhaltsvorschuss_m",
       "sonstiges_einkommen_m", "vermoegen", "schwanger", "behinderung_eingliederung",
       "mehrbedarf_sonstig_m", "kind_ausserhalb", "zaehlkinder_ausserhalb", "schwerbehindert",
       "wohngeld_abzuege", "kindergeld_m", "erwerb_nach_werbungskosten_y"},
      "person"));
  Person p;
  if (!node["id"]) return InvalidArgumentError(r.At(node) + ": person without 'id'");
  p.id = node["id"].Scalar();
  if (!node["alter"]) return InvalidArgumentError(r.At(node) + ": person '" + p.id + "' without 'alter'");
  AMIP_ASSIGN_OR_RETURN(p.alter, r.Int(node["alter"], "alter", 0, 120));
  for (const auto& item : node) {
    const std::string key = item.first.Scalar();
    const YAML::Node& v = item.second;
    if (key == "partner") p.partner = v.Scalar();
    if (key == "kindergeld_empfaenger") p.kindergeld_empfaenger = v.Scalar();
    if (key == "eltern") {
      if (v.IsSequence()) {
        for (const auto& parent : v) p.eltern.push_back(parent.Scalar());
      } else {
        p.eltern.push_back(v.Scalar());
      }
    }
    if (key == "in_ausbildung") {
      AMIP_ASSIGN_OR_RETURN(p.in_ausbildung, r.Bool(v, key));
    }
    if (key == "schwanger") {
      AMIP_ASSIGN_OR_RETURN(p.schwanger, r.Bool(v, key));
    }
    if (key == "behinderung_eingliederung") {
      AMIP_ASSIGN_OR_RETURN(p.behinderung_eingliederung, r.Bool(v, key));
    }
    if (key == "kind_ausserhalb") {
      AMIP_ASSIGN_OR_RETURN(p.kind_ausserhalb, r.Bool(v, key));
    }
    if (key == "schwerbehindert") {
      AMIP_ASSIGN_OR_RETURN(p.schwerbehindert, r.Bool(v, key));
    }
    if (key == "zaehlkinder_ausserhalb") {
      AMIP_ASSIGN_OR_RETURN(p.zaehlkinder_ausserhalb, r.Int(v, key, 0, 20));
    }
    if (key == "wohngeld_abzuege") {
      AMIP_ASSIGN_OR_RETURN(int count, r.Int(v, key, 0, 3));
      p.wohngeld_abzuege = count;
    }
    if (key == "bruttolohn_m") {
      AMIP_ASSIGN_OR_RETURN(p.bruttolohn_m, r.Money(v, key));
    }
    if (key == "nettolohn_m") {
      AMIP_ASSIGN_OR_RETURN(core::Cents net, r.Money(v, key));
      p.nettolohn_m = net;
    }
    if (key == "unterhalt_m") {
      AMIP_ASSIGN_OR_RETURN(p.unterhalt_m, r.Money(v, key));
    }
    if (key == "unterhaltsvorschuss_m") {
      AMIP_ASSIGN_OR_RETURN(p.unterhaltsvorschuss_m, r.Money(v, key));
    }
    if (key == "sonstiges_einkommen_m") {
      AMIP_ASSIGN_OR_RETURN(p.sonstiges_einkommen_m, r.Money(v, key));
    }
    if (key == "kindergeld_m") {
      AMIP_ASSIGN_OR_RETURN(core::Cents amount, r.Money(v, key));
      p.kindergeld_m = amount;
    }
    if (key == "erwerb_nach_werbungskosten_y") {
      AMIP_ASSIGN_OR_RETURN(core::Cents amount, r.Money(v, key));
      p.erwerb_nach_werbungskosten_y = amount;
    }
    if (key == "vermoegen") {
      AMIP_ASSIGN_OR_RETURN(p.vermoegen, r.Money(v, key));
    }
    if (key == "mehrbedarf_sonstig_m") {
      AMIP_ASSIGN_OR_RETURN(p.mehrbedarf_sonstig_m, r.Money(v, key));
    }
  }
  return p;
}

core::Result<Wohnung> ParseWohnung(const Reader& r, const YAML::Node& node) {
  AMIP_RETURN_IF_ERROR(r.Keys(node,
                              {"bruttokaltmiete_m", "heizkosten_m", "wohnflaeche_qm",
                               "warmwasser_dezentral", "gemeinde", "kdu_grenze_m", "mietstufe"},
                              "wohnung"));
  Wohnung w;
  if (!node["bruttokaltmiete_m"]) {
    return InvalidArgumentError(r.At(node) + ": wohnung needs 'bruttokaltmiete_m'");
  }
  AMIP_ASSIGN_OR_RETURN(w.bruttokaltmiete_m, r.Money(node["bruttokaltmiete_m"], "bruttokaltmiete_m"));
  if (node["heizkosten_m"]) {
    AMIP_ASSIGN_OR_RETURN(w.heizkosten_m, r.Money(node["heizkosten_m"], "heizkosten_m"));
  }
  if (node["wohnflaeche_qm"]) w.wohnflaeche_qm = node["wohnflaeche_qm"].as<double>(0);
  if (node["warmwasser_dezentral"]) {
    AMIP_ASSIGN_OR_RETURN(w.warmwasser_dezentral,
                          r.Bool(node["warmwasser_dezentral"], "warmwasser_dezentral"));
  }
  if (node["gemeinde"]) w.gemeinde = node["gemeinde"].Scalar();
  if (node["kdu_grenze_m"]) {
    AMIP_ASSIGN_OR_RETURN(core::Cents ceiling, r.Money(node["kdu_grenze_m"], "kdu_grenze_m"));
    w.kdu_grenze_m = ceiling;
  }
  if (node["mietstufe"]) {
    AMIP_ASSIGN_OR_RETURN(int stufe, r.Int(node["mietstufe"], "mietstufe", 1, 7));
    w.mietstufe = stufe;
  }
  return w;
}

}  // namespace

int FindPerson(const Household& household, std::string_view id) {
  for (size_t idx = 0; idx < household.personen.size(); ++idx) {
    if (household.personen[idx].id == id) return static_cast<int>(idx);
  }
  return -1;
}

bool IsChild(const Person& person) { return !person.eltern.empty(); }

core::Status ValidateHousehold(const Household& household) {
  if (household.personen.empty()) return InvalidArgumentError("household has no persons");
  std::set<std::string> ids;
  for (const Person& p : household.personen) {
    if (!ids.insert(p.id).second) return InvalidArgumentError("duplicate person id '" + p.id + "'");
  }
  for (const Person& p : household.personen) {
    for (const std::string& parent : p.eltern) {
      const int idx = FindPerson(household, parent);
      if (idx < 0) {
        return InvalidArgumentError("child '" + p.id + "' names parent '" + parent +
                                    "' who is not in the household");
      }
    }
    if (!IsChild(p) && p.alter < 15) {
      return InvalidArgumentError("child '" + p.id + "' (age " + std::to_string(p.alter) +
                                  ") has no parent in the household (list its parent under "
                                  "'eltern'; persons under 15 cannot form a BG of their own)");
    }
    if (!p.partner.empty()) {
      const int idx = FindPerson(household, p.partner);
      if (idx < 0) {
        return InvalidArgumentError("person '" + p.id + "' names partner '" + p.partner +
                                    "' who is not in the household");
      }
      if (household.personen[idx].partner != p.id) {
        return InvalidArgumentError("partners must name each other: '" + p.id + "' names '" +
                                    p.partner + "' but not vice versa");
      }
    }
    if (!p.kindergeld_empfaenger.empty() && FindPerson(household, p.kindergeld_empfaenger) < 0) {
      return InvalidArgumentError("child '" + p.id + "' names Kindergeld recipient '" +
                                  p.kindergeld_empfaenger + "' who is not in the household");
    }
  }
  return core::Status::Ok();
}

std::vector<core::Cents> SplitProportional(core::Cents total, const std::vector<core::Cents>& weights) {
  __extension__ using Int128 = __int128;
  std::vector<core::Cents> out(weights.size());
  int64_t weight_sum = 0;
  for (core::Cents w : weights) weight_sum += w.value();
  if (weight_sum <= 0) return out;
  std::vector<std::pair<int64_t, size_t>> remainders;
  int64_t assigned = 0;
  for (size_t idx = 0; idx < weights.size(); ++idx) {
    const Int128 product = static_cast<Int128>(total.value()) * weights[idx].value();
    const int64_t part = static_cast<int64_t>(product / weight_sum);
    remainders.emplace_back(static_cast<int64_t>(product % weight_sum), idx);
    out[idx] = core::Cents::FromCents(part);
    assigned += part;
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t idx = 0; assigned < total.value() && idx < remainders.size(); ++idx, ++assigned) {
    out[remainders[idx].second] += core::Cents::FromCents(1);
  }
  return out;
}

std::vector<BgMembers> Bedarfsgemeinschaften(const Household& household) {
  const auto& persons = household.personen;
  const int n = static_cast<int>(persons.size());
  std::vector<int> root(n);
  std::iota(root.begin(), root.end(), 0);
  auto find = [&root](int idx) {
    while (root[idx] != idx) idx = root[idx] = root[root[idx]];
    return idx;
  };
  auto join = [&](int a, int b) {
    a = find(a);
    b = find(b);
    if (a != b) root[std::max(a, b)] = std::min(a, b);
  };
  for (int idx = 0; idx < n; ++idx) {
    const Person& p = persons[idx];
    if (!p.partner.empty()) {
      const int other = FindPerson(household, p.partner);
      if (other >= 0) join(idx, other);
    }
    bool has_child = false;
    for (const Person& other : persons) {
      if (std::find(other.eltern.begin(), other.eltern.end(), p.id) != other.eltern.end()) has_child = true;
    }
    // § 7 Abs. 3 Nr. 4 SGB II: unmarried children under 25 belong to their parents' BG.
    if (p.alter < 25 && p.partner.empty() && !has_child) {
      for (const std::string& parent : p.eltern) {
        const int other = FindPerson(household, parent);
        if (other >= 0) join(idx, other);
      }
    }
  }
  std::vector<BgMembers> out;
  std::map<int, size_t> slot;
  for (int idx = 0; idx < n; ++idx) {
    const int r = find(idx);
    auto [it, inserted] = slot.emplace(r, out.size());
    if (inserted) out.push_back({persons[idx].id, {}});
    out[it->second].members.push_back(idx);
  }
  return out;
}

Household Teilhaushalt(const Household& household, const std::vector<int>& members) {
  Household out = household;
  out.personen.clear();
  std::set<std::string> inside;
  for (int idx : members) inside.insert(household.personen[idx].id);
  for (int idx : members) {
    Person p = household.personen[idx];
    if (!p.partner.empty() && !inside.count(p.partner)) p.partner.clear();
    std::erase_if(p.eltern, [&inside](const std::string& id) { return !inside.count(id); });
    if (!p.kindergeld_empfaenger.empty() && !inside.count(p.kindergeld_empfaenger)) p.kindergeld_empfaenger.clear();
    out.personen.push_back(std::move(p));
  }
  const size_t n = household.personen.size();
  if (members.size() == n) return out;
  // Per-head shares: one weight per person, the share of `members` is the sum of theirs.
  const std::vector<core::Cents> heads(n, core::Cents::FromCents(1));
  auto share = [&](core::Cents total) {
    const std::vector<core::Cents> parts = SplitProportional(total, heads);
    core::Cents sum;
    for (int idx : members) sum += parts[idx];
    return sum;
  };
  Wohnung& w = out.wohnung;
  w.bruttokaltmiete_m = share(household.wohnung.bruttokaltmiete_m);
  w.heizkosten_m = share(household.wohnung.heizkosten_m);
  if (household.wohnung.kdu_grenze_m.has_value()) w.kdu_grenze_m = share(*household.wohnung.kdu_grenze_m);
  w.wohnflaeche_qm = household.wohnung.wohnflaeche_qm * static_cast<double>(members.size()) / static_cast<double>(n);
  return out;
}

core::Result<HouseholdCase> ParseHouseholdCase(std::string_view text, std::string_view where) {
  Reader r(where);
  YAML::Node doc;
  try {
    doc = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    return InvalidArgumentError(std::string(where) + ":" + std::to_string(e.mark.line + 1) + ":" +
                                std::to_string(e.mark.column + 1) + ": YAML error: " + e.msg);
  }
  try {
    AMIP_RETURN_IF_ERROR(r.Keys(
        doc, {"name", "period", "source", "tolerance", "inputs", "outputs", "expect_error"},
        "case"));
    HouseholdCase c;
    if (!doc["name"] || !doc["period"] || !doc["inputs"]) {
      return InvalidArgumentError(std::string(where) + ": a case needs name, period and inputs");
    }
    c.name = doc["name"].Scalar();
    if (doc["source"]) c.source = doc["source"].Scalar();
    if (doc["tolerance"]) c.tolerance = doc["tolerance"].as<double>(0.01);
    auto date = core::Date::Parse(doc["period"].Scalar());
    if (!date.ok()) {
      return InvalidArgumentError(r.At(doc["period"]) + ": period: " + date.status().message());
    }
    c.household.datum = *date;
    const YAML::Node inputs = doc["inputs"];
    AMIP_RETURN_IF_ERROR(r.Keys(inputs, {"wohnung", "personen", "karenzzeit"}, "inputs"));
    if (!inputs["wohnung"]) return InvalidArgumentError(r.At(inputs) + ": inputs need 'wohnung'");
    AMIP_ASSIGN_OR_RETURN(c.household.wohnung, ParseWohnung(r, inputs["wohnung"]));
    if (inputs["karenzzeit"]) {
      AMIP_ASSIGN_OR_RETURN(c.household.karenzzeit, r.Bool(inputs["karenzzeit"], "karenzzeit"));
    }
    if (!inputs["personen"] || !inputs["personen"].IsSequence()) {
      return InvalidArgumentError(r.At(inputs) + ": inputs need a list 'personen'");
    }
    for (const auto& node : inputs["personen"]) {
      AMIP_ASSIGN_OR_RETURN(Person p, ParsePerson(r, node));
      c.household.personen.push_back(std::move(p));
    }
    if (doc["outputs"]) {
      for (const auto& item : doc["outputs"]) {
        const std::string key = item.first.Scalar();
        auto cents = core::Cents::Parse(item.second.Scalar());
        if (cents.ok()) {
          c.expected[key] = *cents;
        } else {
          c.expected_text[key] = item.second.Scalar();
        }
      }
    }
    if (doc["expect_error"]) c.expect_error = doc["expect_error"].Scalar();
    return c;
  } catch (const YAML::Exception& e) {
    return InvalidArgumentError(std::string(where) + ":" + std::to_string(e.mark.line + 1) +
                                ": malformed case: " + e.msg);
  }
}

}  // namespace amip::benefits
