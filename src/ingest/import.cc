#include "ingest/import.h"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <utility>

#include "contract/instrument_catalogue.h"
#include "fileio/file_identity.h"
#include "ingest/extract_reader.h"
#include "ingest/manifest_check.h"
#include "ingest/quarantine.h"

namespace amip::ingest {
namespace {

// A directory whose files contradict their manifest is not read row by row: nothing of it is
// loadable, also with quarantine.
ReadResult RejectedByFileCheck(const FileCheck& check) {
  ReadResult result;
  result.fatal = true;
  for (const core::Diagnostic& finding : check.findings) {
    result.diagnostics.Add(finding);
    if (finding.severity == core::Severity::kError) result.file_errors.push_back(finding);
  }
  return result;
}

}  // namespace

core::Result<ReadResult> ReadExtractDirectory(const std::string& dir) {
  std::error_code error;
  if (!std::filesystem::is_directory(dir, error)) {
    return core::NotFoundError("extract directory not found: " + dir);
  }
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    if (entry.path().extension() != ".csv") continue;
    // A link that leads out of the extract is refused unread: what it points to is not part
    // of the extract, and findings would echo its content.
    std::error_code link_error;
    if (entry.is_symlink(link_error) && !fileio::IsWithin(entry.path().string(), dir)) {
      return core::InvalidArgumentError(
          entry.path().string() +
          ": symbolischer Link auf eine Datei außerhalb des Extraktverzeichnisses; abgelehnt, "
          "nicht gelesen");
    }
    // Every other entry is listed, also a FIFO or a device: the reader refuses it by name
    // instead of skipping it silently.
    paths.push_back(entry.path());
  }
  if (error) return core::UnavailableError("cannot list " + dir + ": " + error.message());
  std::sort(paths.begin(), paths.end());
  std::vector<SourceFile> files;
  std::vector<ExtractFile> whole_files;
  std::string manifest_path;
  for (const auto& path : paths) {
    const std::string name = path.filename().string();
    if (name == contract::kManifestFile) {
      manifest_path = path.string();
      continue;
    }
    files.push_back({name, "", path.string()});
    whole_files.push_back({name, path.string()});
  }
  const FileCheck check = CheckExtractFiles(whole_files, manifest_path);
  if (!manifest_path.empty() && check.rejected()) return RejectedByFileCheck(check);
  AMIP_ASSIGN_OR_RETURN(contract::InstrumentCatalogue catalogue,
                        contract::LoadInstrumentCatalogue());
  ReadResult result = ValidateExtract(files, catalogue);
  for (const core::Diagnostic& finding : check.findings) {
    result.diagnostics.Add(finding);
    if (finding.severity != core::Severity::kError) continue;
    result.fatal = true;
    result.file_errors.push_back(finding);
  }
  return result;
}

core::Result<ImportReport> ImportDirectory(const std::string& dir, const std::string& db_path,
                                           const ImportOptions& options) {
  AMIP_ASSIGN_OR_RETURN(ReadResult read, ReadExtractDirectory(dir));
  ImportReport report;
  report.rows = read.rows;
  report.rejected_rows = read.rejected_rows;
  report.diagnostics = std::move(read.diagnostics);
  report.file_errors = std::move(read.file_errors);
  const bool quarantine = !options.quarantine_path.empty();
  if (read.fatal || (read.rejected_rows > 0 && !quarantine)) return report;
  if (quarantine) AMIP_RETURN_IF_ERROR(WriteQuarantine(options.quarantine_path, read.rejected));
  if (options.check_only) {
    report.accepted = true;
    return report;
  }
  AMIP_ASSIGN_OR_RETURN(
      storage::SaveOutcome saved,
      storage::SaveExtract(db_path, std::move(read.extract), read.content_hash, dir));
  report.written = !saved.unchanged;
  report.unchanged = saved.unchanged;
  report.replaced_jobcenters = std::move(saved.replaced);
  report.accepted = true;
  return report;
}

}  // namespace amip::ingest
