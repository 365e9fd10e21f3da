// Strict YAML helpers shared by every reader of law-like files (law parameters, local rules,
// household cases): the "file:line:column" of a node and the check that a map has only
// allowed keys, each once. yaml-cpp stays behind this header's callers; errors are Status.
#pragma once

#include <yaml-cpp/yaml.h>

#include <set>
#include <string>
#include <string_view>

#include "core/status.h"

namespace amip::law {

// "file:line:column" of `node` (1-based).
std::string YamlWhere(std::string_view file, const YAML::Node& node);

// Every key of `map` is in `allowed` and appears once. Errors name the key's position:
// "unknown key 'x' (allowed: a, b)" — with `what` non-empty "unknown key 'x' in WHAT (…)" —
// or "duplicate key 'x'".
core::Status CheckYamlKeys(std::string_view file, const YAML::Node& map,
                           const std::set<std::string>& allowed, std::string_view what = "");

}  // namespace amip::law
