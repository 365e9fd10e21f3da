#include "benefits/law_cache.h"

namespace amip::benefits {

core::Result<const law::LawSnapshot*> LawCache::For(core::Date date) {
  auto it = snapshots_.find(date);
  if (it == snapshots_.end()) it = snapshots_.emplace(date, law::ResolveLaw(*store_, date)).first;
  if (!it->second.ok()) return it->second.status();
  return &it->second.value();
}

}  // namespace amip::benefits
