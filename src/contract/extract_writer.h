// WriteExtractCsv: writes an Extract as data-contract-v1 CSV files into a directory, one file
// per table (jobcenters, municipalities, persons, benefit_spells, claims, employment_spells,
// measure_spells, unemployment_spells, plus bg_housing.csv and stichtage.csv when present).
// RFC 4180 quoting, `\n` line ends, money exactly via core::Cents, rows in the Extract's
// order (callers sort), large buffered writes. Ids and codes are written unquoted: they must
// be valid contract ids ([A-Za-z0-9_.-]), as in every Extract from ingest or synth.
// Thread-compatible.
#pragma once

#include <optional>
#include <string>

#include "contract/extract.h"
#include "contract/manifest.h"
#include "core/status.h"

namespace amip::contract {

struct WriteOptions {
  // Write the optional persons.csv column `profillage` (default: when any person has one).
  bool force_profillage = false;
  // Also write manifest.csv (contract/manifest.h) stating these; without it a manifest.csv
  // of an earlier extract in `dir` is removed.
  std::optional<ManifestInfo> manifest;
};

// Creates `dir` if needed and writes every file, each through a temporary file renamed into
// place (an existing file is replaced whole or not at all). An optional file this extract
// lacks (bg_housing.csv, stichtage.csv) is removed from `dir`; other files are left alone.
// Callers that must not replace an earlier extract check `dir` first (amip generate).
core::Status WriteExtractCsv(const Extract& extract, const std::string& dir,
                             const WriteOptions& options = {});

// Formats a number of hours or square metres with at most 2 decimals, no trailing zeros
// ("38.5", "20", "61.25"). Exposed for tests.
std::string FormatDecimal2(double value);

}  // namespace amip::contract
