// ValidateExtract: the in-memory half of the import. Parses the contract's CSV files with
// csv::Reader, checks every field (encoding, header, types, formats, code lists) and every
// cross-file rule (id references, duplicates, overlapping spells, claims outside benefit
// spells, money rules, date order) and returns the accepted rows as a contract::Extract plus
// every rejected row. Files are held in memory one at a time: given by content (the fuzz
// target), or by path, then read when needed and released after. Thread-compatible.
#pragma once

#include <string>
#include <vector>

#include "contract/instrument_catalogue.h"
#include "ingest/import.h"

namespace amip::ingest {

struct SourceFile {
  std::string name;     // contract file name, e.g. "persons.csv"; other names are ignored
  std::string content;  // the file's bytes, when `path` is empty
  std::string path;     // else read from here (header first, whole file when its turn comes)
};

// REQUIRES: file names are unique. Files the contract does not know give a warning.
ReadResult ValidateExtract(const std::vector<SourceFile>& files,
                           const contract::InstrumentCatalogue& catalogue);

}  // namespace amip::ingest
