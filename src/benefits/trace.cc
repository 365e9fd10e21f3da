#include "benefits/trace.h"

#include <cmath>

namespace amip::benefits {

void Trace::Add(std::string programme, std::string quantity, std::string person,
                core::Cents value, std::string explanation, std::vector<std::string> param_ids,
                std::string formula) {
  AddText(std::move(programme), std::move(quantity), std::move(person), value.ToString(),
          std::move(explanation), std::move(param_ids), std::move(formula));
}

void Trace::AddText(std::string programme, std::string quantity, std::string person,
                    std::string value, std::string explanation,
                    std::vector<std::string> param_ids, std::string formula) {
  steps_.push_back(TraceStep{std::move(programme), std::move(quantity), std::move(person),
                             std::move(value), std::move(explanation), std::move(formula),
                             Cite(param_ids)});
}

std::string Trace::Cite(const std::vector<std::string>& param_ids) const {
  std::string out;
  for (const std::string& id : param_ids) {
    if (!out.empty()) out += "; ";
    out += law_ == nullptr ? id : law_->Cite(id);
  }
  return out;
}

core::Cents Share(core::Cents base, double share) {
  const long double exact = static_cast<long double>(base.value()) * share;
  // Guard against binary noise (e.g. 14076.000000000002) before rounding half up.
  const long double nudged = exact + (exact >= 0 ? 1e-7L : -1e-7L);
  return core::Cents::FromCents(static_cast<int64_t>(std::llround(nudged)));
}

core::Cents Max(core::Cents a, core::Cents b) { return a < b ? b : a; }
core::Cents Min(core::Cents a, core::Cents b) { return a < b ? a : b; }
std::string Euro(core::Cents amount) { return amount.ToString(); }

}  // namespace amip::benefits
