// Quarantine file: every row rejected by an import, unchanged, with where and why.
// CSV (RFC 4180, UTF-8 header) with columns file,line,column,reason,record; `record` holds the
// rejected row's bytes exactly as read (quoted as a CSV field), so nothing is lost silently.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "ingest/import.h"

namespace amip::ingest {

std::string RenderQuarantine(const std::vector<RejectedRow>& rows);
// Writes atomically (fileio::AtomicFile: temporary file in the same directory, fsync, rename).
core::Status WriteQuarantine(const std::string& path, const std::vector<RejectedRow>& rows);

}  // namespace amip::ingest
