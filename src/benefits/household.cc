#include "benefits/household.h"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <set>

#include "law/law_snapshot.h"
#include "yamlio/document.h"
#include "yamlio/reader.h"

namespace amip::benefits {
namespace {

using core::InvalidArgumentError;

// Household case files are user files: reasons are German; keys, types, duplicates, NUL and
// file:line:column come from yamlio.
class Reader {
 public:
  explicit Reader(std::string_view where) : where_(where) {}

  std::string At(const yamlio::Node& node) const { return yamlio::Where(where_, node); }
  std::string_view file() const { return where_; }

  core::Status Keys(const yamlio::Node& map, std::initializer_list<std::string_view> allowed,
                    std::string_view what) const {
    return yamlio::CheckKeys(where_, map, what, allowed);
  }

  core::Result<std::string> Text(const yamlio::Node& node, std::string_view field) const {
    return yamlio::Text(where_, node, field);
  }

  core::Result<core::Cents> Money(const yamlio::Node& node, std::string_view field) const {
    AMIP_ASSIGN_OR_RETURN(core::Cents cents, yamlio::Money(where_, node, field));
    if (cents.value() < 0) {
      return InvalidArgumentError(At(node) + ": " + std::string(field) +
                                  " darf nicht negativ sein (" + node.scalar() + ")");
    }
    return cents;
  }

  core::Result<int> Int(const yamlio::Node& node, std::string_view field, int lo, int hi) const {
    return yamlio::IntegerIn(where_, node, field, lo, hi);
  }

  core::Result<bool> Bool(const yamlio::Node& node, std::string_view field) const {
    return yamlio::Bool(where_, node, field);
  }

 private:
  std::string where_;
};

core::Result<Person> ParsePerson(const Reader& r, const yamlio::Node& node) {
  AMIP_RETURN_IF_ERROR(r.Keys(
      node,
      {"id", "alter", "partner", "eltern", "kindergeld_empfaenger", "in_ausbildung",
       "bruttolohn_m", "nettolohn_m", "unterhalt_m", "unterhaltsvorschuss_m",
       "sonstiges_einkommen_m", "vermoegen", "schwanger", "behinderung_eingliederung",
       "mehrbedarf_sonstig_m", "kind_ausserhalb", "zaehlkinder_ausserhalb", "schwerbehindert",
       "wohngeld_abzuege", "kindergeld_m", "erwerb_nach_werbungskosten_y"},
      "person"));
  Person p;
  if (!node["id"]) return InvalidArgumentError(r.At(node) + ": person ohne 'id'");
  AMIP_ASSIGN_OR_RETURN(p.id, r.Text(node["id"], "id"));
  if (!node["alter"]) return InvalidArgumentError(r.At(node) + ": person '" + p.id + "' ohne 'alter'");
  AMIP_ASSIGN_OR_RETURN(p.alter, r.Int(node["alter"], "alter", 0, 120));
  for (const yamlio::MapEntry& item : node.entries()) {
    const std::string& key = item.key.scalar();
    const yamlio::Node& v = item.value;
    if (key == "partner") {
      AMIP_ASSIGN_OR_RETURN(p.partner, r.Text(v, key));
    }
    if (key == "kindergeld_empfaenger") {
      AMIP_ASSIGN_OR_RETURN(p.kindergeld_empfaenger, r.Text(v, key));
    }
    if (key == "eltern") {
      if (v.IsSequence()) {
        for (const yamlio::Node& parent : v.items()) {
          AMIP_ASSIGN_OR_RETURN(std::string id, r.Text(parent, key));
          p.eltern.push_back(std::move(id));
        }
      } else {
        AMIP_ASSIGN_OR_RETURN(std::string id, r.Text(v, key));
        p.eltern.push_back(std::move(id));
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

core::Result<Wohnung> ParseWohnung(const Reader& r, const yamlio::Node& node) {
  AMIP_RETURN_IF_ERROR(r.Keys(node,
                              {"bruttokaltmiete_m", "heizkosten_m", "wohnflaeche_qm",
                               "warmwasser_dezentral", "gemeinde", "kdu_grenze_m", "mietstufe"},
                              "wohnung"));
  Wohnung w;
  if (!node["bruttokaltmiete_m"]) {
    return InvalidArgumentError(r.At(node) + ": wohnung braucht 'bruttokaltmiete_m'");
  }
  AMIP_ASSIGN_OR_RETURN(w.bruttokaltmiete_m, r.Money(node["bruttokaltmiete_m"], "bruttokaltmiete_m"));
  if (node["heizkosten_m"]) {
    AMIP_ASSIGN_OR_RETURN(w.heizkosten_m, r.Money(node["heizkosten_m"], "heizkosten_m"));
  }
  if (node["wohnflaeche_qm"]) {
    AMIP_ASSIGN_OR_RETURN(w.wohnflaeche_qm,
                          yamlio::Number(r.file(), node["wohnflaeche_qm"], "wohnflaeche_qm"));
    if (w.wohnflaeche_qm < 0) {
      return InvalidArgumentError(r.At(node["wohnflaeche_qm"]) +
                                  ": wohnflaeche_qm darf nicht negativ sein");
    }
  }
  if (node["warmwasser_dezentral"]) {
    AMIP_ASSIGN_OR_RETURN(w.warmwasser_dezentral,
                          r.Bool(node["warmwasser_dezentral"], "warmwasser_dezentral"));
  }
  if (node["gemeinde"]) {
    AMIP_ASSIGN_OR_RETURN(w.gemeinde, r.Text(node["gemeinde"], "gemeinde"));
  }
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
    if (SameId(household.personen[idx].id, id)) return static_cast<int>(idx);
  }
  return -1;
}

bool IsChild(const Person& person) { return !person.eltern.empty(); }

core::Status ValidateHousehold(const Household& household, const law::Sgb2Law& sgb2) {
  if (household.personen.empty()) return InvalidArgumentError("household has no persons");
  for (size_t idx = 0; idx < household.personen.size(); ++idx) {
    const Person& p = household.personen[idx];
    for (size_t earlier = 0; earlier < idx; ++earlier) {
      if (SameId(household.personen[earlier].id, p.id)) return InvalidArgumentError("duplicate person id '" + p.id + "'");
    }
  }
  for (const Person& p : household.personen) {
    for (const std::string& parent : p.eltern) {
      const int idx = FindPerson(household, parent);
      if (idx < 0) {
        return InvalidArgumentError("child '" + p.id + "' names parent '" + parent +
                                    "' who is not in the household");
      }
    }
    if (!IsChild(p) && p.alter < sgb2.mindestalter) {
      return InvalidArgumentError("child '" + p.id + "' (age " + std::to_string(p.alter) +
                                  ") has no parent in the household (list its parent under "
                                  "'eltern'; persons under " + std::to_string(sgb2.mindestalter) +
                                  " cannot form a BG of their own)");
    }
    if (!p.partner.empty()) {
      if (p.partner == p.id) {
        return InvalidArgumentError("Person '" + p.id +
                                    "' nennt sich selbst als Partner; 'partner' muss eine andere "
                                    "Person des Haushalts sein");
      }
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
  const size_t n = weights.size();
  std::vector<core::Cents> out(n);
  int64_t weight_sum = 0;
  for (core::Cents w : weights) weight_sum += w.value();
  if (weight_sum <= 0) return out;
  // Remainders on the stack for the usual household sizes.
  constexpr size_t kInline = 16;
  int64_t inline_remainders[kInline];
  std::vector<int64_t> heap_remainders(n > kInline ? n : 0);
  int64_t* remainder = n > kInline ? heap_remainders.data() : inline_remainders;
  int64_t assigned = 0;
  for (size_t idx = 0; idx < n; ++idx) {
    const Int128 product = static_cast<Int128>(total.value()) * weights[idx].value();
    const int64_t part = static_cast<int64_t>(product / weight_sum);
    remainder[idx] = static_cast<int64_t>(product % weight_sum);
    out[idx] = core::Cents::FromCents(part);
    assigned += part;
  }
  // One cent each to the largest remainders, ties to the earlier part, at most one per part.
  for (size_t given = 0; assigned < total.value() && given < n; ++given, ++assigned) {
    size_t best = n;
    for (size_t idx = 0; idx < n; ++idx) {
      if (remainder[idx] != INT64_MIN && (best == n || remainder[idx] > remainder[best])) best = idx;
    }
    out[best] += core::Cents::FromCents(1);
    remainder[best] = INT64_MIN;
  }
  return out;
}

core::Cents PerHeadShare(core::Cents total, int persons, int idx) {
  const int64_t part = total.value() / persons;
  const int64_t extra = total.value() - part * persons;  // the first `extra` heads get one cent more
  return core::Cents::FromCents(part + (idx < extra ? 1 : 0));
}

namespace {

// Union-find roots of the BG links (partner; parent of an unmarried child under 25 without
// a child of its own); root[idx] is the smallest index of idx's BG. `root` and `has_child`
// hold n entries each. Linear in the links: each parent id is looked up once.
void BgRoots(const Household& household, const law::Sgb2Law& sgb2, int* root, uint8_t* has_child) {
  const auto& persons = household.personen;
  const int n = static_cast<int>(persons.size());
  for (int idx = 0; idx < n; ++idx) {
    root[idx] = idx;
    has_child[idx] = 0;
  }
  for (const Person& p : persons) {
    for (const std::string& parent : p.eltern) {
      const int at = FindPerson(household, parent);
      if (at >= 0) has_child[at] = 1;
    }
  }
  auto find = [root](int idx) {
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
    // § 7 Abs. 3 Nr. 4 SGB II: unmarried children under 25 belong to their parents' BG.
    if (p.alter < sgb2.alter_bg_kind_unter && p.partner.empty() && has_child[idx] == 0) {
      for (const std::string& parent : p.eltern) {
        const int other = FindPerson(household, parent);
        if (other >= 0) join(idx, other);
      }
    }
  }
  for (int idx = 0; idx < n; ++idx) root[idx] = find(idx);
}

// The roots of BgRoots, on the stack for the usual household sizes.
class Roots {
 public:
  Roots(const Household& household, const law::Sgb2Law& sgb2) : n_(household.personen.size()) {
    if (n_ > kInline) {
      heap_root_.resize(n_);
      heap_child_.resize(n_);
    }
    BgRoots(household, sgb2, root(), n_ > kInline ? heap_child_.data() : inline_child_);
  }
  int operator[](size_t idx) const { return n_ > kInline ? heap_root_[idx] : inline_root_[idx]; }

 private:
  static constexpr size_t kInline = 16;
  int* root() { return n_ > kInline ? heap_root_.data() : inline_root_; }
  size_t n_;
  int inline_root_[kInline];
  uint8_t inline_child_[kInline];
  std::vector<int> heap_root_;
  std::vector<uint8_t> heap_child_;
};

}  // namespace

bool IsOneBedarfsgemeinschaft(const Household& household, const law::Sgb2Law& sgb2) {
  const Roots roots(household, sgb2);
  for (size_t idx = 0; idx < household.personen.size(); ++idx) {
    if (roots[idx] != 0) return false;
  }
  return true;
}

std::vector<BgMembers> Bedarfsgemeinschaften(const Household& household, const law::Sgb2Law& sgb2) {
  const auto& persons = household.personen;
  const Roots roots(household, sgb2);
  // Roots are the smallest index of their group, so groups appear in order of their first member.
  std::vector<BgMembers> out;
  std::vector<int> slot(persons.size(), -1);
  for (size_t idx = 0; idx < persons.size(); ++idx) {
    const int r = roots[idx];
    if (slot[r] < 0) {
      slot[r] = static_cast<int>(out.size());
      out.push_back({persons[idx].id, {}});
    }
    out[slot[r]].members.push_back(static_cast<int>(idx));
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
  auto share = [&](core::Cents total) {
    core::Cents sum;
    for (int idx : members) sum += PerHeadShare(total, static_cast<int>(n), idx);
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
  AMIP_ASSIGN_OR_RETURN(const yamlio::Document parsed, yamlio::Parse(text, where));
  const yamlio::Node& doc = parsed.root;
  AMIP_RETURN_IF_ERROR(r.Keys(
      doc, {"name", "period", "source", "tolerance", "inputs", "outputs", "expect_error"}, "case"));
  HouseholdCase c;
  if (!doc["name"] || !doc["period"] || !doc["inputs"]) {
    return InvalidArgumentError(std::string(where) + ": ein Fall braucht name, period und inputs");
  }
  AMIP_ASSIGN_OR_RETURN(c.name, r.Text(doc["name"], "name"));
  if (doc["source"]) {
    AMIP_ASSIGN_OR_RETURN(c.source, r.Text(doc["source"], "source"));
  }
  if (doc["tolerance"]) {
    AMIP_ASSIGN_OR_RETURN(c.tolerance, yamlio::Number(where, doc["tolerance"], "tolerance"));
  }
  AMIP_ASSIGN_OR_RETURN(std::string period, r.Text(doc["period"], "period"));
  auto date = core::Date::Parse(period);
  if (!date.ok()) {
    return InvalidArgumentError(r.At(doc["period"]) + ": period: " + date.status().message());
  }
  c.household.datum = *date;
  const yamlio::Node& inputs = doc["inputs"];
  AMIP_RETURN_IF_ERROR(r.Keys(inputs, {"wohnung", "personen", "karenzzeit"}, "inputs"));
  if (!inputs["wohnung"]) return InvalidArgumentError(r.At(inputs) + ": inputs brauchen 'wohnung'");
  AMIP_ASSIGN_OR_RETURN(c.household.wohnung, ParseWohnung(r, inputs["wohnung"]));
  if (inputs["karenzzeit"]) {
    AMIP_ASSIGN_OR_RETURN(c.household.karenzzeit, r.Bool(inputs["karenzzeit"], "karenzzeit"));
  }
  if (!inputs["personen"] || !inputs["personen"].IsSequence()) {
    return InvalidArgumentError(r.At(inputs) + ": inputs brauchen eine Liste 'personen'");
  }
  for (const yamlio::Node& node : inputs["personen"].items()) {
    AMIP_ASSIGN_OR_RETURN(Person p, ParsePerson(r, node));
    c.household.personen.push_back(std::move(p));
  }
  if (doc["outputs"]) {
    AMIP_ASSIGN_OR_RETURN(const std::vector<yamlio::MapEntry>* outputs,
                          yamlio::Entries(where, doc["outputs"], "outputs"));
    for (const yamlio::MapEntry& item : *outputs) {
      const std::string& key = item.key.scalar();
      AMIP_ASSIGN_OR_RETURN(std::string value, r.Text(item.value, key));
      auto cents = core::Cents::Parse(value);
      if (cents.ok()) {
        c.expected[key] = *cents;
      } else {
        c.expected_text[key] = value;
      }
    }
  }
  if (doc["expect_error"]) {
    AMIP_ASSIGN_OR_RETURN(c.expect_error, r.Text(doc["expect_error"], "expect_error"));
  }
  return c;
}

}  // namespace amip::benefits
