// Sections that engines add to `amip demo` after the overview (indicators, budget, ...).
// Each section prints itself from the loaded Extract; the demo runs them in order.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "contract/extract.h"
#include "core/status.h"
#include "storage/extract_store.h"

namespace amip::cli {

struct DemoSection {
  int order = 0;
  std::string title;
  std::function<core::Status(const contract::Extract&, const storage::InfoSummary&)> print;
};

std::vector<DemoSection> DemoSections();

}  // namespace amip::cli
