#include "yamlio/reader.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace amip::yamlio {
namespace {

// A present scalar, or the reason why not.
core::Status NeedScalar(std::string_view file, const Node& node, std::string_view key) {
  if (node.IsScalar()) return core::Status::Ok();
  if (!node.IsDefined()) return Error(file, node, key, "fehlt");
  if (node.IsNull()) return Error(file, node, key, "Wert fehlt (leer)");
  return Error(file, node, key,
               std::string("erwartet einen einzelnen Wert, gefunden ") + KindName(node.kind()));
}

template <typename Allowed>
core::Status CheckKeysImpl(std::string_view file, const Node& node, std::string_view what,
                           const Allowed& allowed) {
  if (!node.IsMap()) {
    return Error(file, node, what,
                 std::string("erwartet einen Abschnitt (Schlüssel: Wert), gefunden ") +
                     KindName(node.kind()));
  }
  for (const MapEntry& entry : node.entries()) {
    bool known = false;
    for (const auto& candidate : allowed) known = known || candidate == entry.key.scalar();
    if (known) continue;
    std::string list;
    for (const auto& candidate : allowed) {
      if (!list.empty()) list += ", ";
      list += candidate;
    }
    return core::InvalidArgumentError(Where(file, entry.key) + ": unbekannter Schlüssel '" +
                                      entry.key.scalar() + "' in " +
                                      std::string(what) + " (erlaubt: " + list + ")");
  }
  return core::Status::Ok();
}

}  // namespace

core::Status Error(std::string_view file, const Node& node, std::string_view key,
                   std::string_view reason) {
  std::string message = Where(file, node) + ": " + std::string(key);
  if (node.IsScalar() && !node.scalar().empty()) message += " '" + node.scalar() + "'";
  return core::InvalidArgumentError(message + ": " + std::string(reason));
}

core::Status CheckKeys(std::string_view file, const Node& node, std::string_view what,
                       std::initializer_list<std::string_view> allowed) {
  return CheckKeysImpl(file, node, what, allowed);
}

core::Status CheckKeys(std::string_view file, const Node& node, std::string_view what,
                       const std::vector<std::string>& allowed) {
  return CheckKeysImpl(file, node, what, allowed);
}

core::Result<const std::vector<Node>*> Items(std::string_view file, const Node& node,
                                             std::string_view key) {
  if (node.IsSequence()) return &node.items();
  if (!node.IsDefined()) return Error(file, node, key, "fehlt");
  return Error(file, node, key, std::string("erwartet eine Liste, gefunden ") + KindName(node.kind()));
}

core::Result<const std::vector<MapEntry>*> Entries(std::string_view file, const Node& node,
                                                   std::string_view key) {
  if (node.IsMap()) return &node.entries();
  if (!node.IsDefined()) return Error(file, node, key, "fehlt");
  return Error(file, node, key,
               std::string("erwartet einen Abschnitt (Schlüssel: Wert), gefunden ") +
                   KindName(node.kind()));
}

core::Result<std::string> Text(std::string_view file, const Node& node, std::string_view key) {
  AMIP_RETURN_IF_ERROR(NeedScalar(file, node, key));
  return node.scalar();
}

core::Result<double> Number(std::string_view file, const Node& node, std::string_view key,
                            int* decimals) {
  AMIP_RETURN_IF_ERROR(NeedScalar(file, node, key));
  const std::string& text = node.scalar();
  const bool plain = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
  });
  errno = 0;
  char* end = nullptr;
  const double value = plain ? std::strtod(text.c_str(), &end) : 0.0;
  if (!plain || errno != 0 || end != text.c_str() + text.size() || !std::isfinite(value)) {
    if (text.find(',') != std::string::npos) {
      return Error(file, node, key, "Dezimalkomma; bitte Dezimalpunkt schreiben (84.8)");
    }
    return Error(file, node, key, "erwartet eine Zahl wie 84.8 (Dezimalpunkt)");
  }
  if (decimals != nullptr) {
    const size_t dot = text.find('.');
    const size_t exponent = text.find_first_of("eE");
    const size_t stop = exponent == std::string::npos ? text.size() : exponent;
    *decimals = dot == std::string::npos || dot > stop ? 0 : static_cast<int>(stop - dot - 1);
  }
  return value;
}

core::Result<int64_t> Integer(std::string_view file, const Node& node, std::string_view key) {
  AMIP_RETURN_IF_ERROR(NeedScalar(file, node, key));
  const std::string& text = node.scalar();
  int64_t value = 0;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  const auto [end, error] = std::from_chars(first, last, value);
  if (text.empty() || error != std::errc() || end != last) {
    return Error(file, node, key, "erwartet eine ganze Zahl");
  }
  return value;
}

core::Result<int> IntegerIn(std::string_view file, const Node& node, std::string_view key,
                            int lo, int hi) {
  AMIP_ASSIGN_OR_RETURN(int64_t value, Integer(file, node, key));
  if (value < lo || value > hi) {
    return Error(file, node, key,
                 "muss zwischen " + std::to_string(lo) + " und " + std::to_string(hi) + " liegen");
  }
  return static_cast<int>(value);
}

core::Result<bool> Bool(std::string_view file, const Node& node, std::string_view key) {
  AMIP_RETURN_IF_ERROR(NeedScalar(file, node, key));
  if (node.scalar() == "true") return true;
  if (node.scalar() == "false") return false;
  return Error(file, node, key, "erwartet true oder false");
}

core::Result<core::Cents> Money(std::string_view file, const Node& node, std::string_view key) {
  AMIP_RETURN_IF_ERROR(NeedScalar(file, node, key));
  const std::string& text = node.scalar();
  core::Result<core::Cents> parsed = core::Cents::Parse(text);
  if (!parsed.ok()) return Error(file, node, key, parsed.status().message());
  return parsed;
}

MapReader::MapReader(std::string_view file, const Node& node, std::string what)
    : file_(file), node_(node), what_(std::move(what)) {
  if (!node_.IsMap()) {
    status_ = Error(file_, node_, what_,
                    std::string("erwartet einen Abschnitt (Schlüssel: Wert), gefunden ") +
                        KindName(node_.kind()));
  }
}

const Node& MapReader::Get(std::string_view key) {
  if (std::find(asked_.begin(), asked_.end(), key) == asked_.end()) asked_.emplace_back(key);
  return node_[key];
}

core::Result<const Node*> MapReader::GetRequired(std::string_view key) {
  AMIP_RETURN_IF_ERROR(status_);
  const Node& value = Get(key);
  if (!value) {
    return core::InvalidArgumentError(Where() + ": " + what_ + ": Schlüssel '" +
                                      std::string(key) + "' fehlt");
  }
  return &value;
}

void MapReader::Allow(std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    if (std::find(asked_.begin(), asked_.end(), key) == asked_.end()) asked_.emplace_back(key);
  }
}

core::Status MapReader::Finish() const {
  AMIP_RETURN_IF_ERROR(status_);
  return CheckKeys(file_, node_, what_, asked_);
}

}  // namespace amip::yamlio
