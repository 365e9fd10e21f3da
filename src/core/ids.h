// Identifiers: external ids are opaque strings (data contract: 1–64 chars of
// [A-Za-z0-9_.-], never parsed as numbers); inside the engines rows refer to each other by
// dense integer indices (PersonIdx, JcIdx, ...) into the tables of an Extract.
#pragma once

#include <cstdint>
#include <string_view>

namespace amip::core {

using PersonIdx = int32_t;        // index into Extract::persons
using JcIdx = int32_t;            // index into Extract::jobcenters
using MunicipalityIdx = int32_t;  // index into Extract::municipalities
using BgIdx = int32_t;            // index into Extract::bg_ids
using RowIdx = int64_t;           // row number inside one table

inline constexpr int32_t kNoIdx = -1;

// True for 1–64 characters of [A-Za-z0-9_.-].
bool IsValidId(std::string_view text);

}  // namespace amip::core
