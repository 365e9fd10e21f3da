#include "contract/manifest.h"

#include <algorithm>
#include <string>

#include "contract/limits.h"
#include "fileio/atomic_file.h"
#include "fileio/read_file.h"
#include "fileio/sha256.h"

namespace amip::contract {
namespace {

// A producer text as one CSV field: quoted when it holds a comma, quote or line break.
std::string Field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace

std::string FormatManifest(const Manifest& manifest) {
  std::string text(kManifestHeader);
  text += '\n';
  text += std::string(kKindPeriodFrom) + "," + manifest.period_from.ToString() + ",,\n";
  text += std::string(kKindPeriodTo) + "," + manifest.period_to.ToString() + ",,\n";
  text += std::string(kKindProducer) + "," + Field(manifest.producer) + ",,\n";
  for (const ManifestFile& file : manifest.files) {
    text += std::string(kKindFile) + "," + file.name + "," + std::to_string(file.rows) + "," +
            file.sha256 + "\n";
  }
  return text;
}

std::vector<ManifestFile> WrittenFiles(const Extract& extract) {
  auto rows = [](const auto& table) { return static_cast<int64_t>(table.size()); };
  std::vector<ManifestFile> files = {
      {"jobcenters.csv", rows(extract.jobcenters), ""},
      {"municipalities.csv", rows(extract.municipalities), ""},
      {"persons.csv", rows(extract.persons), ""},
      {"benefit_spells.csv", rows(extract.benefit_spells), ""},
      {"claims.csv", rows(extract.claims), ""},
      {"employment_spells.csv", rows(extract.employment_spells), ""},
      {"measure_spells.csv", rows(extract.measure_spells), ""},
      {"unemployment_spells.csv", rows(extract.unemployment_spells), ""},
  };
  // The optional files are written only when the extract has rows for them.
  if (!extract.bg_housing.empty()) files.push_back({"bg_housing.csv", rows(extract.bg_housing), ""});
  if (!extract.stichtage.empty()) files.push_back({"stichtage.csv", rows(extract.stichtage), ""});
  std::sort(files.begin(), files.end(),
            [](const ManifestFile& a, const ManifestFile& b) { return a.name < b.name; });
  return files;
}

core::Status WriteManifest(const Extract& extract, const std::string& dir,
                           const ManifestInfo& info) {
  Manifest manifest{info.period_from, info.period_to, info.producer, WrittenFiles(extract)};
  for (ManifestFile& file : manifest.files) {
    AMIP_ASSIGN_OR_RETURN(std::string bytes,
                          fileio::ReadRegularFile(dir + "/" + file.name, kMaxContractFileBytes));
    file.sha256 = fileio::Sha256Hex(bytes);
  }
  return fileio::WriteFileAtomically(dir + "/" + std::string(kManifestFile),
                                     FormatManifest(manifest));
}

}  // namespace amip::contract
