// libFuzzer target for the whole in-memory validation (ingest::ValidateExtract): the first
// input byte picks one contract file, the rest of the input replaces that file of a small valid
// base extract. Whatever the bytes, validation must not crash, and the accepted rows must only
// refer to accepted rows (indices in range). Built by fuzz/run.sh.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "contract/instrument_catalogue.h"
#include "ingest/extract_reader.h"
#include "ingest/schema.h"

namespace {

void Check(bool condition) {
  if (!condition) __builtin_trap();
}

const std::vector<amip::ingest::SourceFile>& BaseFiles() {
  static const std::vector<amip::ingest::SourceFile> kFiles = {
      {"jobcenters.csv", "jc_id,name,kind\nJC01,Jobcenter Beispielkreis,zkt\n"},
      {"municipalities.csv",
       "ags,name,jc_id,population\n05978024,Lünen,JC01,85000\n05978020,Kamen,JC01,43000\n"},
      {"persons.csv",
       "person_id,sex,birth_date,nationality,severely_disabled,vocational_qualification,"
       "profillage\nP001,f,1985-03-12,de,0,vocational,\nP002,m,1983-07-01,de,0,none,\n"},
      {"benefit_spells.csv",
       "person_id,jc_id,municipality,bg_id,bg_role,status,single_parent,start,end\n"
       "P001,JC01,05978024,BG01,head,elb,1,2023-01-01,2023-12-31\n"
       "P002,JC01,05978020,BG02,head,elb,0,2023-06-15,\n"},
      {"claims.csv",
       "person_id,from,to,llu,luh\nP001,2023-01,2023-12,563.00,450.00\n"
       "P002,2023-06,2024-03,502.00,390.00\n"},
      {"employment_spells.csv",
       "person_id,kind,subsidy,start,end,hours_week,gross_month\n"
       "P002,svb,egz,2024-03-01,,38.5,2450.00\n"},
      {"measure_spells.csv",
       "person_id,instrument,start,end,cost,funding\nP001,mat,2023-03-01,2023-05-31,1200.00,egt\n"},
      {"unemployment_spells.csv", "person_id,start,end\nP002,2023-06-15,2024-02-29\n"},
      {"bg_housing.csv",
       "bg_id,from,to,rent_cold,heating,flat_size_sqm\nBG01,2023-01,2023-12,450.00,80.00,62.5\n"},
      {"stichtage.csv", "month,date\n2024-05,2024-05-14\n"},
  };
  return kFiles;
}

const amip::contract::InstrumentCatalogue& Catalogue() {
  static const amip::contract::InstrumentCatalogue kCatalogue = [] {
    auto parsed = amip::contract::ParseInstrumentCatalogue(
        "instruments:\n"
        "  - {code: mat, name: MAT, legal_basis: x, valid_from: 2009-01-01,"
        " active_measure: true, begleitend: false}\n"
        "  - {code: fbw, name: FbW, legal_basis: x, valid_from: 2005-01-01, valid_to: 2030-12-31,"
        " active_measure: true, begleitend: false}\n",
        "fuzz");
    Check(parsed.ok());
    return *parsed;
  }();
  return kCatalogue;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::vector<amip::ingest::SourceFile> files = BaseFiles();
  const size_t target = data[0] % (files.size() + 1);
  const std::string content(reinterpret_cast<const char*>(data + 1), size - 1);
  if (target == files.size()) {
    files.push_back({"extra.csv", content});
  } else {
    files[target].content = content;
  }
  const amip::ingest::ReadResult result = amip::ingest::ValidateExtract(files, Catalogue());
  Check(result.rejected_rows == static_cast<int64_t>(result.rejected.size()));
  const amip::contract::Extract& extract = result.extract;
  const auto persons = static_cast<int32_t>(extract.persons.size());
  for (const auto& spell : extract.benefit_spells) {
    Check(spell.person >= 0 && spell.person < persons);
    Check(spell.jc >= 0 && spell.jc < static_cast<int32_t>(extract.jobcenters.size()));
    Check(spell.municipality >= 0 &&
          spell.municipality < static_cast<int32_t>(extract.municipalities.size()));
    Check(spell.bg >= 0 && spell.bg < static_cast<int32_t>(extract.bg_ids.size()));
    Check(!spell.end.has_value() || *spell.end >= spell.start);
  }
  for (const auto& claim : extract.claims) {
    Check(claim.person >= 0 && claim.person < persons && claim.to >= claim.from);
    Check(claim.llu.value() >= 0 && claim.luh.value() >= 0);
  }
  for (const auto& spell : extract.measure_spells) {
    Check(spell.person >= 0 && spell.person < persons);
    Check(Catalogue().Find(spell.instrument) != nullptr);
  }
  for (const auto& housing : extract.bg_housing) {
    Check(housing.bg >= 0 && housing.bg < static_cast<int32_t>(extract.bg_ids.size()));
  }
  return 0;
}
