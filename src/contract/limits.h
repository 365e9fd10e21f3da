// Technical limits of the data contract that are not law: values above them are rejected at
// import (docs/data-contract.md, "General rules"). Pure constants, no state.
#pragma once

#include <cstdint>
#include <limits>

#include "core/money.h"

namespace amip::contract {

// Largest money amount one row may carry in any money column (claims `llu`/`luh`,
// `employment_spells.gross_month`, `measure_spells.cost`, `bg_housing.rent_cold`/`heating`):
// 1 000 000.00 EUR. A monthly benefit, rent or wage and the cost of one participation are far
// below it. The reason is overflow: with every amount <= 10^8 cents, a sum of fewer than
// kAmountsSummableWithoutOverflow (9.2 * 10^10) amounts fits in int64, e.g.
//  * the month total of claims (K1): one claim row per person and month, two amounts, so any
//    extract with fewer than 4.6 * 10^10 persons (persons.csv >= 15 bytes a row: ~690 GB);
//  * the total cost of all measures (Vorbindungen): one amount per row, measure_spells.csv
//    >= 24 bytes a row, so any file under 2.2 TB.
// Sums over many months of many rows can still exceed it; those sums are checked.
inline constexpr int64_t kMaxCentsPerRow = 100'000'000;
inline constexpr core::Cents kMaxAmountPerRow = core::Cents::FromCents(kMaxCentsPerRow);

inline constexpr int64_t kAmountsSummableWithoutOverflow =
    std::numeric_limits<int64_t>::max() / kMaxCentsPerRow;
static_assert(kAmountsSummableWithoutOverflow >= 92'000'000'000LL,
              "the bound stated in the comment above and in docs/data-contract.md");

// The largest contract file read or digested (the importer's limit, ingest/extract_reader.cc):
// a national extract's largest file (claims.csv, 67.8 M rows) is a few GB; 32 GiB is well above
// and still bounded.
inline constexpr uint64_t kMaxContractFileBytes = uint64_t{32} << 30;

}  // namespace amip::contract
