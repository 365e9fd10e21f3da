// Checks of an extract directory's files as wholes, before their rows are validated:
// with a manifest.csv (contract/manifest.h) every contract file must be listed, every listed
// file present, and each file's data rows and SHA-256 as stated — so a file cut after a
// complete line, an altered, missing or extra file is rejected, naming the file and what the
// manifest expects against what was found. Without a manifest only hints: a file whose last
// line has no line end (it may have been cut) is a warning, and a header that is one column
// holding ';' gets an error saying the contract separates fields by commas. Thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "contract/manifest.h"
#include "core/diagnostics.h"
#include "core/status.h"

namespace amip::ingest {

struct ExtractFile {
  std::string name;  // "persons.csv"
  std::string path;
};

struct FileCheck {
  std::optional<contract::Manifest> manifest;  // when the directory has a valid one
  // Findings; an error rejects the import (also with quarantine), a warning does not.
  std::vector<core::Diagnostic> findings;
  bool rejected() const;
};

// Parses manifest.csv text strictly; kInvalidArgument naming the line, the value and why.
core::Result<contract::Manifest> ParseManifest(std::string_view text);

// The data records of a CSV file after its header, counted as the importer reads them
// (a quoted line break stays inside its record; an empty line or a malformed record counts).
int64_t CountDataRecords(std::string_view content);

// `files`: the directory's .csv files except the manifest; `manifest_path`: empty when the
// directory has none. A file that cannot be read is skipped: the reader refuses it by name.
FileCheck CheckExtractFiles(const std::vector<ExtractFile>& files,
                            const std::string& manifest_path);

}  // namespace amip::ingest
