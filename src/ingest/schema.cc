#include "ingest/schema.h"

namespace amip::ingest {

const std::vector<FileSpec>& ContractFiles() {
  static const std::vector<FileSpec> kFiles = {
      {"jobcenters.csv", true, true, {{"jc_id"}, {"name"}, {"kind"}}},
      {"municipalities.csv", true, true, {{"ags"}, {"name"}, {"jc_id"}, {"population"}}},
      {"persons.csv",
       true,
       true,
       {{"person_id"},
        {"sex"},
        {"birth_date"},
        {"nationality", false},
        {"severely_disabled", false},
        {"vocational_qualification", false},
        {"profillage", false}}},
      {"benefit_spells.csv",
       true,
       true,
       {{"person_id"},
        {"jc_id"},
        {"municipality"},
        {"bg_id"},
        {"bg_role"},
        {"status"},
        {"single_parent"},
        {"start"},
        {"end"}}},
      {"claims.csv", true, false, {{"person_id"}, {"from"}, {"to"}, {"llu"}, {"luh"}}},
      {"employment_spells.csv",
       true,
       false,
       {{"person_id"},
        {"kind"},
        {"subsidy"},
        {"start"},
        {"end"},
        {"hours_week", false},
        {"gross_month", false}}},
      {"measure_spells.csv",
       true,
       false,
       {{"person_id"}, {"instrument"}, {"start"}, {"end"}, {"cost"}, {"funding"}}},
      {"unemployment_spells.csv", false, false, {{"person_id"}, {"start"}, {"end"}}},
      {"bg_housing.csv",
       false,
       false,
       {{"bg_id"}, {"from"}, {"to"}, {"rent_cold"}, {"heating"}, {"flat_size_sqm"}}},
      {"stichtage.csv", false, false, {{"month"}, {"date"}}},
  };
  return kFiles;
}

const FileSpec* FindFileSpec(std::string_view name) {
  for (const FileSpec& spec : ContractFiles()) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

}  // namespace amip::ingest
