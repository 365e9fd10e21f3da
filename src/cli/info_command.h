// The report tables of `amip info` (also shown by `amip demo`): overview and per Jobcenter,
// German labels, rendered with report::Table.
#pragma once

#include <vector>

#include "report/table.h"
#include "storage/extract_store.h"

namespace amip::cli {

std::vector<report::Table> InfoTables(const storage::InfoSummary& summary);

}  // namespace amip::cli
