// LawCache: the law resolved once per date. Resolving a LawSnapshot reads every parameter of
// the store; a batch over many households of few dates (cases, a month of BGs, benchmarks)
// resolves each date once and evaluates against the cached snapshot. Errors are cached too.
// Thread-compatible: one cache per thread, or external locking.
#pragma once

#include <map>

#include "core/date.h"
#include "core/status.h"
#include "law/law_snapshot.h"
#include "law/parameter_store.h"

namespace amip::benefits {

class LawCache {
 public:
  // REQUIRES: `store` outlives the cache.
  explicit LawCache(const law::ParameterStore& store) : store_(&store) {}
  // The snapshot in force on `date` (law::ResolveLaw); the pointer stays valid as long as the cache.
  core::Result<const law::LawSnapshot*> For(core::Date date);
  size_t size() const { return snapshots_.size(); }

 private:
  const law::ParameterStore* store_;
  std::map<core::Date, core::Result<law::LawSnapshot>> snapshots_;
};

}  // namespace amip::benefits
