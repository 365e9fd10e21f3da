// Typed, strict reading of a yamlio::Document: scalar conversions that reject lists, maps
// and empty values where one value is expected, the key check of a map, and MapReader, which
// hands out the keys a reader asks for and at Finish() rejects every other key. Every error
// is InvalidArgument "file:line:column: key 'value': reason" with a German reason.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/money.h"
#include "core/status.h"
#include "yamlio/document.h"

namespace amip::yamlio {

// InvalidArgument "file:line:col: <key> '<value>': <reason>" (the value only for a scalar).
core::Status Error(std::string_view file, const Node& node, std::string_view key,
                   std::string_view reason);

// The node is a map whose keys all appear in `allowed`; `what` names it in messages.
core::Status CheckKeys(std::string_view file, const Node& node, std::string_view what,
                       std::initializer_list<std::string_view> allowed);
core::Status CheckKeys(std::string_view file, const Node& node, std::string_view what,
                       const std::vector<std::string>& allowed);

// The elements of a list; a single value, a map, an empty value or an absent key is an error.
core::Result<const std::vector<Node>*> Items(std::string_view file, const Node& node,
                                             std::string_view key);
// The entries of a map; anything else is an error.
core::Result<const std::vector<MapEntry>*> Entries(std::string_view file, const Node& node,
                                                   std::string_view key);

// One value (a scalar); a list, a map, an empty value or an absent key is an error.
core::Result<std::string> Text(std::string_view file, const Node& node, std::string_view key);
// A decimal number ("84.8", "-3", "1e-3"); `decimals` (optional) receives the digits after
// the point as written. No nan, inf or hex.
core::Result<double> Number(std::string_view file, const Node& node, std::string_view key,
                            int* decimals = nullptr);
core::Result<int64_t> Integer(std::string_view file, const Node& node, std::string_view key);
// An Integer within [lo, hi].
core::Result<int> IntegerIn(std::string_view file, const Node& node, std::string_view key,
                            int lo, int hi);
core::Result<bool> Bool(std::string_view file, const Node& node, std::string_view key);
// A euro amount with at most two decimals ("1316.50"); the reason is core::Cents::Parse's
// (it names a thousands separator, a currency sign, a decimal comma).
core::Result<core::Cents> Money(std::string_view file, const Node& node, std::string_view key);

// Read<T> dispatches to the conversion for T (std::string, double, int64_t, int, bool,
// core::Cents).
template <typename T>
core::Result<T> Read(std::string_view file, const Node& node, std::string_view key) {
  if constexpr (std::is_same_v<T, std::string>) {
    return Text(file, node, key);
  } else if constexpr (std::is_same_v<T, double>) {
    return Number(file, node, key);
  } else if constexpr (std::is_same_v<T, int64_t>) {
    return Integer(file, node, key);
  } else if constexpr (std::is_same_v<T, int>) {
    return IntegerIn(file, node, key, INT32_MIN, INT32_MAX);
  } else if constexpr (std::is_same_v<T, bool>) {
    return Bool(file, node, key);
  } else {
    static_assert(std::is_same_v<T, core::Cents>, "no yamlio conversion for this type");
    return Money(file, node, key);
  }
}

// Reads a map key by key. Usage:
//   MapReader map(file, node, "person");
//   AMIP_ASSIGN_OR_RETURN(p.id, map.Required<std::string>("id"));
//   AMIP_ASSIGN_OR_RETURN(p.note, map.Optional<std::string>("note", ""));
//   AMIP_RETURN_IF_ERROR(map.Finish());   // any key not asked for is an error
// A node that is not a map makes every call return that error.
class MapReader {
 public:
  MapReader(std::string_view file, const Node& node, std::string what);

  std::string_view file() const { return file_; }
  const Node& node() const { return node_; }
  // "file:line:column" of the map.
  std::string Where() const { return yamlio::Where(file_, node_); }

  // The node of `key` for a reader's own parsing (the key counts as asked for); undefined if
  // absent.
  const Node& Get(std::string_view key);
  // As Get, but an absent key is an error "<what>: Schlüssel '<key>' fehlt".
  core::Result<const Node*> GetRequired(std::string_view key);
  // Declares keys as allowed without reading them.
  void Allow(std::initializer_list<std::string_view> keys);

  template <typename T>
  core::Result<T> Required(std::string_view key) {
    AMIP_ASSIGN_OR_RETURN(const Node* value, GetRequired(key));
    return Read<T>(file_, *value, key);
  }
  // Absent or empty (`key:` / `key: null`) gives std::nullopt.
  template <typename T>
  core::Result<std::optional<T>> Optional(std::string_view key) {
    AMIP_RETURN_IF_ERROR(status_);
    const Node& value = Get(key);
    if (!value || value.IsNull()) return std::optional<T>();
    AMIP_ASSIGN_OR_RETURN(T read, Read<T>(file_, value, key));
    return std::optional<T>(std::move(read));
  }
  template <typename T>
  core::Result<T> Optional(std::string_view key, T fallback) {
    AMIP_ASSIGN_OR_RETURN(std::optional<T> read, Optional<T>(key));
    return read ? std::move(*read) : std::move(fallback);
  }

  // Not a map, or the first key that was neither read nor allowed (with the allowed list).
  core::Status Finish() const;

 private:
  std::string_view file_;
  const Node& node_;
  std::string what_;
  std::vector<std::string> asked_;
  core::Status status_;
};

}  // namespace amip::yamlio
