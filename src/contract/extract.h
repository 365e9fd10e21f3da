// Extract: one Jobcenter extract (data contract v1, docs/data-contract.md) held in memory.
// Tables are vectors of small row structs; rows refer to each other through dense indices
// (PersonIdx, JcIdx, ...), never through strings, so engines stay fast at national scale.
// The generator builds an Extract, ingest fills one from CSV, storage loads one from SQLite;
// every engine (indicators, budget, benefits batch) reads one. Thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "core/money.h"
#include "core/status.h"

namespace amip::contract {

using core::BgIdx;
using core::Cents;
using core::Date;
using core::JcIdx;
using core::Month;
using core::MunicipalityIdx;
using core::PersonIdx;

// Code lists. Each enum has ToString (the contract's code) and Parse (strict).
enum class JcKind { kGe, kZkt };
enum class Sex { kM, kF, kX };
enum class Nationality { kUnknown, kDe, kEu, kAsyl8, kUkr, kOther };  // kUnknown = empty field
enum class Qualification { kUnknown, kNone, kVocational, kAcademic };  // kUnknown = empty field
enum class BgRole { kHead, kPartner, kChild, kOther };
enum class BenefitStatus { kElb, kNef };
enum class EmploymentKind { kSvb, kTraining, kSelfEmployed, kMinijob, kPublic, kVolunteer };
enum class Subsidy { kNone, kEgz, kEsg, k16e, kEsfLza };
enum class Funding { kEgt, kBa, kDrittmittel, kKommune };

std::string_view ToString(JcKind value);
std::string_view ToString(Sex value);
std::string_view ToString(Nationality value);
std::string_view ToString(Qualification value);
std::string_view ToString(BgRole value);
std::string_view ToString(BenefitStatus value);
std::string_view ToString(EmploymentKind value);
std::string_view ToString(Subsidy value);
std::string_view ToString(Funding value);

// Parse a code; the error message lists the allowed codes.
core::Result<JcKind> ParseJcKind(std::string_view text);
core::Result<Sex> ParseSex(std::string_view text);
core::Result<Nationality> ParseNationality(std::string_view text);
core::Result<Qualification> ParseQualification(std::string_view text);
core::Result<BgRole> ParseBgRole(std::string_view text);
core::Result<BenefitStatus> ParseBenefitStatus(std::string_view text);
core::Result<EmploymentKind> ParseEmploymentKind(std::string_view text);
core::Result<Subsidy> ParseSubsidy(std::string_view text);
core::Result<Funding> ParseFunding(std::string_view text);

struct Jobcenter {
  std::string jc_id;
  std::string name;
  JcKind kind = JcKind::kGe;
};

struct Municipality {
  std::string ags;  // 8 digits
  std::string name;
  JcIdx jc = core::kNoIdx;
  int64_t population = 0;
};

struct Person {
  std::string person_id;
  Sex sex = Sex::kX;
  Date birth_date;
  Nationality nationality = Nationality::kUnknown;
  bool severely_disabled = false;
  Qualification vocational_qualification = Qualification::kUnknown;
  std::string profillage;  // optional extension column (kreis-unna-2014); empty = unknown
};

// Spell bounds are inclusive days; an open end is std::nullopt ("still open").
struct BenefitSpell {
  PersonIdx person = core::kNoIdx;
  JcIdx jc = core::kNoIdx;
  MunicipalityIdx municipality = core::kNoIdx;
  BgIdx bg = core::kNoIdx;
  BgRole bg_role = BgRole::kHead;
  BenefitStatus status = BenefitStatus::kElb;
  bool single_parent = false;
  Date start;
  std::optional<Date> end;
};

struct Claim {
  PersonIdx person = core::kNoIdx;
  Month from;
  Month to;   // inclusive
  Cents llu;  // Leistungen zum Lebensunterhalt, monthly
  Cents luh;  // Leistungen für Unterkunft und Heizung, monthly
};

struct EmploymentSpell {
  PersonIdx person = core::kNoIdx;
  EmploymentKind kind = EmploymentKind::kSvb;
  Subsidy subsidy = Subsidy::kNone;
  Date start;
  std::optional<Date> end;
  std::optional<double> hours_week;
  std::optional<Cents> gross_month;
};

struct MeasureSpell {
  PersonIdx person = core::kNoIdx;
  std::string instrument;  // code from the instrument catalogue (law/catalogue/instruments.yaml)
  Date start;
  std::optional<Date> end;
  Cents cost;
  Funding funding = Funding::kEgt;
};

struct UnemploymentSpell {
  PersonIdx person = core::kNoIdx;
  Date start;
  std::optional<Date> end;
};

// Optional extension file bg_housing.csv: housing of a Bedarfsgemeinschaft for months
// from..to (inclusive), the input the benefits batch needs (docs/data-contract.md).
struct BgHousing {
  BgIdx bg = core::kNoIdx;
  Month from;
  Month to;
  Cents rent_cold;  // Bruttokaltmiete (cold rent incl. Nebenkosten), monthly
  Cents heating;    // Heizkosten, monthly
  double flat_size_sqm = 0;
};

struct Stichtag {
  Month month;
  Date date;
};

// The optional parts of an Extract. Jobcenters, municipalities, persons, benefit spells and
// count days are always present; a loader may skip the rest when an engine does not read
// them (storage::LoadExtract), and Extract::tables then says what is missing, so an engine
// can refuse an extract that lacks what it needs instead of computing from empty tables.
struct TableSet {
  bool claims = true;
  bool employment_spells = true;
  bool measure_spells = true;
  bool unemployment_spells = true;
  bool bg_housing = true;  // implies bg_ids
  bool bg_ids = true;      // Extract::bg_ids and BenefitSpell::bg (kNoIdx when absent)

  static TableSet All() { return {}; }
  static TableSet None() { return {false, false, false, false, false, false}; }
  // Names of the parts in `needed` that this set lacks, comma-separated; empty if none.
  std::string MissingOf(const TableSet& needed) const;
};

struct Extract {
  TableSet tables;  // which optional parts are present (all, unless a loader skipped some)
  std::vector<Jobcenter> jobcenters;
  std::vector<Municipality> municipalities;
  std::vector<Person> persons;
  std::vector<std::string> bg_ids;  // BgIdx -> bg_id
  std::vector<BenefitSpell> benefit_spells;
  std::vector<Claim> claims;
  std::vector<EmploymentSpell> employment_spells;
  std::vector<MeasureSpell> measure_spells;
  std::vector<UnemploymentSpell> unemployment_spells;
  std::vector<BgHousing> bg_housing;  // optional extension; may be empty
  std::vector<Stichtag> stichtage;  // empty = default (15th of each month)

  // The count day (Stichtag) of a month: from `stichtage` if given, else the 15th.
  Date CountDay(Month month) const;
};

}  // namespace amip::contract
