// The manifest of an extract (docs/data-contract.md, "manifest.csv"): the optional file in
// which the producer states what the extract holds — each contract file with its number of
// data rows and its SHA-256, the period the extract covers and who produced it — so that the
// import can tell a truncated, altered, missing or extra file from a complete extract.
// Layout, the text writer and the file writer live here; ingest/manifest_check.h reads and
// verifies. Thread-compatible.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "contract/extract.h"
#include "core/date.h"
#include "core/status.h"

namespace amip::contract {

inline constexpr std::string_view kManifestFile = "manifest.csv";

// The columns of manifest.csv, in this order. `kind` says what a row states:
//   period_from  value = first day the extract covers (YYYY-MM-DD)
//   period_to    value = last day the extract covers
//   producer     value = free text naming the program that wrote the extract
//   file         value = a contract file name, rows = its data rows (without the header),
//                sha256 = the SHA-256 of its bytes (64 lowercase hex digits)
inline constexpr std::string_view kManifestHeader = "kind,value,rows,sha256";
inline constexpr std::string_view kKindPeriodFrom = "period_from";
inline constexpr std::string_view kKindPeriodTo = "period_to";
inline constexpr std::string_view kKindProducer = "producer";
inline constexpr std::string_view kKindFile = "file";

struct ManifestFile {
  std::string name;  // "persons.csv"
  int64_t rows = 0;
  std::string sha256;
};

struct Manifest {
  core::Date period_from;
  core::Date period_to;
  std::string producer;
  std::vector<ManifestFile> files;  // sorted by name
};

// What the producer states beside the files (WriteOptions::manifest).
struct ManifestInfo {
  core::Date period_from;
  core::Date period_to;
  std::string producer;
};

// The manifest as CSV text (header, period, producer, one row per file; `\n` line ends).
std::string FormatManifest(const Manifest& manifest);

// The data rows of each contract file WriteExtractCsv writes for `extract`, by file name.
std::vector<ManifestFile> WrittenFiles(const Extract& extract);

// Writes `dir`/manifest.csv for the files WriteExtractCsv just wrote: rows from the extract,
// SHA-256 from the bytes on disk (read back, so the digest is of what was written).
core::Status WriteManifest(const Extract& extract, const std::string& dir,
                           const ManifestInfo& info);

}  // namespace amip::contract
