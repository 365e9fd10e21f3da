// BgHousehold: one Bedarfsgemeinschaft of a Jobcenter extract as a benefits Household for a
// month, and the check whether the extract's claims agree with the engine. Shared by
// `amip bedarf --db --month`, the generator (which computes its claims with it) and the
// calibration report, so all three map a BG in exactly the same way:
// - members: benefit spells covering the month's count day (contract::Extract::CountDay);
//   roles give partner and parents; a child aged 18+ counts as in training (Kindergeld);
// - ages on the count day; earnings: gross_month of every employment spell covering it;
// - rent, heating, flat size: the bg_housing row of the month; gemeinde: the AGS of the
//   spells if law/local knows it (then its KdU ceiling and Mietstufe apply);
// - Karenzzeit (§ 12 Abs. 3, § 22 Abs. 1 S. 2 SGB II, from 2023): the head's continuous
//   receipt (contiguous benefit spells) began less than sgb2/vermoegen.karenzzeit months ago.
// Wealth, maintenance and other income are not in the extract and count as 0.
// Pure: no I/O.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "benefits/evaluate.h"
#include "benefits/household.h"
#include "contract/extract.h"
#include "law/law_snapshot.h"
#include "law/local_rules.h"

namespace amip::benefits {

struct BgMemberFacts {
  std::string id;
  core::Date birth;
  contract::BgRole role = contract::BgRole::kHead;
  core::Cents gross_month;  // earnings on the count day
  bool severely_disabled = false;
};

// What the extract says about one BG on the count day.
struct BgFacts {
  core::Month month;
  core::Date count_day;
  std::vector<BgMemberFacts> members;  // in spell order; the head is the one with kHead
  bool has_housing = false;
  core::Cents rent_cold, heating;
  double flat_size_sqm = 0;
  std::string ags;              // municipality of the spells, "" if unknown
  core::Date receipt_start;     // start of the head's continuous receipt
};

// Age in whole years on `day`.
int AgeOn(core::Date birth, core::Date day);

// § 12 Abs. 3, § 22 Abs. 1 S. 2 SGB II: first months of receipt (only where the law has them).
bool InKarenzzeit(core::Date receipt_start, core::Month month, const law::LawSnapshot& law);

// The Household of the facts (datum = first day of the month).
Household MakeBgHousehold(const BgFacts& facts, const law::LawSnapshot& law, const law::LocalRules* local);

struct MemberClaim {
  core::Cents llu, luh;
};
// What SGB II pays each member (same order as the household): the Bedarfsanteil split
// (§ 9 Abs. 2 S. 3), KdU part in luh; all zero unless the precedence check pays SGB II.
std::vector<MemberClaim> MemberClaims(const Evaluation& evaluation);

struct BgOfMonth {
  BgFacts facts;
  core::Cents claims_m;  // llu + luh of the members' claims in the month, from the extract
};

// Every BG with a benefit spell on the month's count day.
std::map<contract::BgIdx, BgOfMonth> HouseholdsOfMonth(const contract::Extract& extract, core::Month month);

struct ClaimCheck {
  int bgs = 0;          // BGs on the count day
  int computed = 0;     // with housing, evaluated without error
  int agree = 0;        // claims of the extract == SGB II paid by the engine, to the cent
  int not_in_need = 0;  // engine pays no SGB II (income or priority benefits cover the need)
  int not_in_need_with_claims = 0;
  int no_housing = 0, errors = 0;
  std::string first_error, first_mismatch;
  double AgreeShare() const { return computed > 0 ? static_cast<double>(agree) / computed : 0.0; }
};

// Called for every evaluated BG (e.g. to print it).
using EvaluatedBg = std::function<void(contract::BgIdx, const BgOfMonth&, const Household&, const Evaluation&)>;

// The optional tables HouseholdsOfMonth and CheckClaims read (claims, employment spells,
// bg_housing, bg_ids); a loader may skip the others (storage::LoadOptions::tables).
contract::TableSet RequiredTables();

// Evaluates every BG of the month and compares with the extract's claims.
// REQUIRES: the extract holds RequiredTables().
ClaimCheck CheckClaims(const contract::Extract& extract, core::Month month, const law::LawSnapshot& law,
                       const law::LocalRules* local, const EvaluatedBg& each = nullptr);

}  // namespace amip::benefits
