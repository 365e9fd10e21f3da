#include "contract/extract.h"

#include <algorithm>
#include <array>
#include <utility>

#include "core/code_list.h"

namespace amip::contract {
namespace {

using core::CodeOf;
using core::ParseCode;

constexpr std::array<std::pair<std::string_view, JcKind>, 2> kJcKinds{
    {{"ge", JcKind::kGe}, {"zkt", JcKind::kZkt}}};
constexpr std::array<std::pair<std::string_view, Sex>, 3> kSexes{
    {{"m", Sex::kM}, {"f", Sex::kF}, {"x", Sex::kX}}};
constexpr std::array<std::pair<std::string_view, Nationality>, 6> kNationalities{
    {{"de", Nationality::kDe}, {"eu", Nationality::kEu}, {"asyl8", Nationality::kAsyl8},
     {"ukr", Nationality::kUkr}, {"other", Nationality::kOther}, {"", Nationality::kUnknown}}};
constexpr std::array<std::pair<std::string_view, Qualification>, 4> kQualifications{
    {{"none", Qualification::kNone}, {"vocational", Qualification::kVocational},
     {"academic", Qualification::kAcademic}, {"", Qualification::kUnknown}}};
constexpr std::array<std::pair<std::string_view, BgRole>, 4> kBgRoles{
    {{"head", BgRole::kHead}, {"partner", BgRole::kPartner}, {"child", BgRole::kChild},
     {"other", BgRole::kOther}}};
constexpr std::array<std::pair<std::string_view, BenefitStatus>, 2> kStatuses{
    {{"elb", BenefitStatus::kElb}, {"nef", BenefitStatus::kNef}}};
constexpr std::array<std::pair<std::string_view, EmploymentKind>, 6> kEmploymentKinds{
    {{"svb", EmploymentKind::kSvb}, {"training", EmploymentKind::kTraining},
     {"self_employed", EmploymentKind::kSelfEmployed}, {"minijob", EmploymentKind::kMinijob},
     {"public", EmploymentKind::kPublic}, {"volunteer", EmploymentKind::kVolunteer}}};
constexpr std::array<std::pair<std::string_view, Subsidy>, 5> kSubsidies{
    {{"none", Subsidy::kNone}, {"egz", Subsidy::kEgz}, {"esg", Subsidy::kEsg},
     {"16e", Subsidy::k16e}, {"esf_lza", Subsidy::kEsfLza}}};
constexpr std::array<std::pair<std::string_view, Funding>, 4> kFundings{
    {{"egt", Funding::kEgt}, {"ba", Funding::kBa}, {"drittmittel", Funding::kDrittmittel},
     {"kommune", Funding::kKommune}}};

}  // namespace

std::string_view ToString(JcKind value) { return CodeOf(value, kJcKinds); }
std::string_view ToString(Sex value) { return CodeOf(value, kSexes); }
std::string_view ToString(Nationality value) { return CodeOf(value, kNationalities); }
std::string_view ToString(Qualification value) { return CodeOf(value, kQualifications); }
std::string_view ToString(BgRole value) { return CodeOf(value, kBgRoles); }
std::string_view ToString(BenefitStatus value) { return CodeOf(value, kStatuses); }
std::string_view ToString(EmploymentKind value) { return CodeOf(value, kEmploymentKinds); }
std::string_view ToString(Subsidy value) { return CodeOf(value, kSubsidies); }
std::string_view ToString(Funding value) { return CodeOf(value, kFundings); }

core::Result<JcKind> ParseJcKind(std::string_view text) { return ParseCode(text, kJcKinds); }
core::Result<Sex> ParseSex(std::string_view text) { return ParseCode(text, kSexes); }
core::Result<Nationality> ParseNationality(std::string_view text) {
  return ParseCode(text, kNationalities);
}
core::Result<Qualification> ParseQualification(std::string_view text) {
  return ParseCode(text, kQualifications);
}
core::Result<BgRole> ParseBgRole(std::string_view text) { return ParseCode(text, kBgRoles); }
core::Result<BenefitStatus> ParseBenefitStatus(std::string_view text) {
  return ParseCode(text, kStatuses);
}
core::Result<EmploymentKind> ParseEmploymentKind(std::string_view text) {
  return ParseCode(text, kEmploymentKinds);
}
core::Result<Subsidy> ParseSubsidy(std::string_view text) { return ParseCode(text, kSubsidies); }
core::Result<Funding> ParseFunding(std::string_view text) { return ParseCode(text, kFundings); }

std::string TableSet::MissingOf(const TableSet& needed) const {
  std::string missing;
  const auto check = [&](bool have, bool need, const char* name) {
    if (need && !have) missing += (missing.empty() ? "" : ", ") + std::string(name);
  };
  check(claims, needed.claims, "claims");
  check(employment_spells, needed.employment_spells, "employment_spells");
  check(measure_spells, needed.measure_spells, "measure_spells");
  check(unemployment_spells, needed.unemployment_spells, "unemployment_spells");
  check(bg_housing, needed.bg_housing, "bg_housing");
  check(bg_ids, needed.bg_ids, "bg_ids");
  return missing;
}

Date Extract::CountDay(Month month) const {
  if (!stichtage.empty()) {
    auto it = std::lower_bound(stichtage.begin(), stichtage.end(), month,
                               [](const Stichtag& entry, Month m) { return entry.month < m; });
    if (it != stichtage.end() && it->month == month) return it->date;
  }
  return month.Day(15);
}

}  // namespace amip::contract
