#include "ingest/manifest_check.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <utility>

#include "contract/limits.h"
#include "csv/reader.h"
#include "fileio/read_file.h"
#include "fileio/sha256.h"
#include "ingest/schema.h"

namespace amip::ingest {
namespace {

using contract::kManifestFile;

// The message names the line; CheckExtractFiles reports it under manifest.csv.
core::Status ManifestError(int64_t line, const std::string& reason) {
  return core::InvalidArgumentError(line > 0 ? "Zeile " + std::to_string(line) + ": " + reason
                                             : reason);
}

bool IsLowerHex64(std::string_view text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

// A row count: 1 to 18 decimal digits (no sign, no spaces).
bool ParseRows(std::string_view text, int64_t* rows) {
  if (text.empty() || text.size() > 18) return false;
  int64_t value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  *rows = value;
  return true;
}

// One row of manifest.csv into `manifest`; `seen` holds the kinds stated once.
core::Status ParseRow(const csv::Record& record, std::set<std::string, std::less<>>& seen,
                      contract::Manifest& manifest) {
  const int64_t line = record.line;
  if (record.fields.size() != 4) {
    return ManifestError(line, "erwartet 4 Felder wie in der Kopfzeile, gefunden " +
                                   std::to_string(record.fields.size()));
  }
  const std::string_view kind = record.fields[0];
  const std::string_view value = record.fields[1];
  const std::string_view rows = record.fields[2];
  const std::string_view sha256 = record.fields[3];
  if (kind == contract::kKindFile) {
    contract::ManifestFile file{std::string(value), 0, std::string(sha256)};
    if (value.empty()) return ManifestError(line, "Dateiname fehlt");
    if (!seen.insert("file:" + file.name).second) {
      return ManifestError(line, "Datei '" + file.name + "' doppelt aufgeführt");
    }
    if (!ParseRows(rows, &file.rows)) {
      return ManifestError(line, "Spalte rows: Wert '" + std::string(rows) +
                                     "' ist keine Zeilenzahl (ganze Zahl ab 0)");
    }
    if (!IsLowerHex64(sha256)) {
      return ManifestError(line, "Spalte sha256: Wert '" + std::string(sha256) +
                                     "' ist kein SHA-256 (64 Hexziffern, klein geschrieben)");
    }
    manifest.files.push_back(std::move(file));
    return core::Status::Ok();
  }
  const bool period = kind == contract::kKindPeriodFrom || kind == contract::kKindPeriodTo;
  if (!period && kind != contract::kKindProducer) {
    return ManifestError(line, "unbekannte Art '" + std::string(kind) +
                                   "' (erlaubt: period_from, period_to, producer, file)");
  }
  if (!seen.insert(std::string(kind)).second) {
    return ManifestError(line, "'" + std::string(kind) + "' doppelt angegeben");
  }
  if (!rows.empty() || !sha256.empty()) {
    return ManifestError(line, "'" + std::string(kind) + "' hat keine Werte in rows und sha256");
  }
  if (kind == contract::kKindProducer) {
    if (value.empty()) return ManifestError(line, "producer ist leer");
    manifest.producer = std::string(value);
    return core::Status::Ok();
  }
  auto date = core::Date::Parse(value);
  if (!date.ok()) {
    return ManifestError(line, std::string(kind) + ": Wert '" + std::string(value) +
                                   "' ist kein Datum JJJJ-MM-TT");
  }
  (kind == contract::kKindPeriodFrom ? manifest.period_from : manifest.period_to) = *date;
  return core::Status::Ok();
}

core::Diagnostic Error(std::string file, int64_t line, std::string reason) {
  return {core::Severity::kError, std::move(file), line, "", "", std::move(reason)};
}

// Rows and digest of each listed file; every contract file present must be listed.
void CompareWithManifest(const contract::Manifest& manifest,
                         const std::vector<ExtractFile>& files, FileCheck& check) {
  std::map<std::string, const ExtractFile*, std::less<>> present;
  for (const ExtractFile& file : files) present[file.name] = &file;
  const std::string source(kManifestFile);
  for (const contract::ManifestFile& listed : manifest.files) {
    if (FindFileSpec(listed.name) == nullptr) {
      check.findings.push_back(
          Error(source, 0, "'" + listed.name + "' ist keine Datei des Datenvertrags"));
      continue;
    }
    const auto found = present.find(listed.name);
    if (found == present.end()) {
      check.findings.push_back(Error(listed.name, 0,
                                     "laut " + source + " Teil des Extrakts (" +
                                         std::to_string(listed.rows) +
                                         " Zeilen), aber nicht im Verzeichnis gefunden"));
      continue;
    }
    // Unreadable files are left to the reader, which refuses them by name.
    auto bytes = fileio::ReadRegularFile(found->second->path, contract::kMaxContractFileBytes);
    if (!bytes.ok()) continue;
    const int64_t rows = CountDataRecords(*bytes);
    if (rows != listed.rows) {
      check.findings.push_back(Error(listed.name, 0,
                                     "Zeilenzahl laut " + source + " " +
                                         std::to_string(listed.rows) + ", gefunden " +
                                         std::to_string(rows) +
                                         " (Datei abgeschnitten oder verändert)"));
    }
    const std::string digest = fileio::Sha256Hex(*bytes);
    if (digest != listed.sha256) {
      check.findings.push_back(Error(listed.name, 0,
                                     "SHA-256 laut " + source + " " + listed.sha256 +
                                         ", gefunden " + digest +
                                         " (Datei verändert oder abgeschnitten)"));
    }
  }
  for (const ExtractFile& file : files) {
    if (FindFileSpec(file.name) == nullptr) continue;  // ignored by the reader as today
    const bool listed = std::any_of(
        manifest.files.begin(), manifest.files.end(),
        [&](const contract::ManifestFile& entry) { return entry.name == file.name; });
    if (!listed) {
      check.findings.push_back(Error(file.name, 0,
                                     "Datei des Datenvertrags, aber nicht in " + source +
                                         " aufgeführt (erwartet: nur die " +
                                         std::to_string(manifest.files.size()) +
                                         " Dateien des Manifests)"));
    }
  }
}

// The hints without a manifest: no line end after the last line, ';' as separator.
void CheckWithoutManifest(const std::vector<ExtractFile>& files, FileCheck& check) {
  for (const ExtractFile& file : files) {
    if (FindFileSpec(file.name) == nullptr) continue;
    auto bytes = fileio::ReadRegularFile(file.path, contract::kMaxContractFileBytes);
    if (!bytes.ok() || bytes->empty()) continue;
    const std::string_view header = std::string_view(*bytes).substr(0, bytes->find('\n'));
    if (header.find(';') != std::string_view::npos && header.find(',') == std::string_view::npos &&
        header.find('"') == std::string_view::npos) {
      check.findings.push_back(Error(file.name, 1,
                                     "die Kopfzeile ist eine einzige Spalte mit ';': der "
                                     "Datenvertrag trennt Felder durch Komma, nicht durch "
                                     "Semikolon (als CSV mit Komma als Trennzeichen exportieren)"));
    }
    if (bytes->back() != '\n') {
      int64_t last_line = 1;
      for (const char c : *bytes) last_line += c == '\n' ? 1 : 0;
      check.findings.push_back({core::Severity::kWarning, file.name, last_line, "", "",
                                "die letzte Zeile endet ohne Zeilenumbruch; die Datei ist "
                                "vielleicht abgeschnitten (ein manifest.csv mit Zeilenzahl und "
                                "SHA-256 würde es prüfbar machen)"});
    }
  }
}

}  // namespace

bool FileCheck::rejected() const {
  return std::any_of(findings.begin(), findings.end(), [](const core::Diagnostic& item) {
    return item.severity == core::Severity::kError;
  });
}

core::Result<contract::Manifest> ParseManifest(std::string_view text) {
  csv::Reader reader(text);
  csv::Record record;
  csv::RecordError error;
  contract::Manifest manifest;
  std::set<std::string, std::less<>> seen;
  bool header = true;
  while (true) {
    const csv::ReadStatus status = reader.Read(&record, &error);
    if (status == csv::ReadStatus::kEnd) break;
    if (status == csv::ReadStatus::kError) {
      return ManifestError(error.position.line, error.reason + " (Spalte " +
                                                    std::to_string(error.position.column) + ")");
    }
    if (header) {
      header = false;
      std::string names;
      for (const std::string_view field : record.fields) {
        names += (names.empty() ? "" : ",") + std::string(field);
      }
      if (names != contract::kManifestHeader) {
        return ManifestError(1, "Kopfzeile '" + names + "', erwartet '" +
                                    std::string(contract::kManifestHeader) + "'");
      }
      continue;
    }
    AMIP_RETURN_IF_ERROR(ParseRow(record, seen, manifest));
  }
  if (header) return ManifestError(0, "leere Datei: die Kopfzeile fehlt");
  for (const std::string_view kind :
       {contract::kKindPeriodFrom, contract::kKindPeriodTo, contract::kKindProducer}) {
    if (seen.find(kind) == seen.end()) {
      return ManifestError(0, "'" + std::string(kind) + "' fehlt");
    }
  }
  if (manifest.files.empty()) return ManifestError(0, "keine Datei aufgeführt");
  if (manifest.period_to < manifest.period_from) {
    return ManifestError(0, "period_to " + manifest.period_to.ToString() + " liegt vor period_from " +
                                manifest.period_from.ToString());
  }
  std::sort(manifest.files.begin(), manifest.files.end(),
            [](const contract::ManifestFile& a, const contract::ManifestFile& b) {
              return a.name < b.name;
            });
  return manifest;
}

int64_t CountDataRecords(std::string_view content) {
  csv::Reader reader(content);
  csv::Record record;
  csv::RecordError error;
  int64_t records = 0;
  while (reader.Read(&record, &error) != csv::ReadStatus::kEnd) ++records;
  return records > 0 ? records - 1 : 0;
}

FileCheck CheckExtractFiles(const std::vector<ExtractFile>& files,
                            const std::string& manifest_path) {
  FileCheck check;
  if (manifest_path.empty()) {
    CheckWithoutManifest(files, check);
    return check;
  }
  auto text = fileio::ReadRegularFile(manifest_path, fileio::kMaxListBytes);
  if (!text.ok()) {
    check.findings.push_back(Error(std::string(kManifestFile), 0, text.status().message()));
    return check;
  }
  auto manifest = ParseManifest(*text);
  if (!manifest.ok()) {
    check.findings.push_back(Error(std::string(kManifestFile), 0, manifest.status().message()));
    return check;
  }
  CompareWithManifest(*manifest, files, check);
  check.manifest = std::move(manifest).value();
  return check;
}

}  // namespace amip::ingest
