// Strict YAML helpers of the budget module: every error names the file, the line and column
// (from yaml-cpp's Mark) and the offending value. yaml-cpp exceptions never leave these
// functions. Internal to src/budget/.
#pragma once

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <string>
#include <string_view>

#include "core/money.h"
#include "core/status.h"

namespace amip::budget::yaml {

// "plan.yaml:12:3" for a node (1-based line and column).
std::string Where(std::string_view file, const YAML::Node& node);
int Line(const YAML::Node& node);

// InvalidArgument "file:line:col: <key> '<value>': <reason>".
core::Status Error(std::string_view file, const YAML::Node& node, std::string_view key,
                   std::string_view reason);

// Rejects keys of a map not in `allowed`, and a node that is not a map.
core::Status CheckKeys(std::string_view file, const YAML::Node& node, std::string_view what,
                       std::initializer_list<std::string_view> allowed);

core::Result<std::string> String(std::string_view file, const YAML::Node& node,
                                 std::string_view key);
// A euro amount with at most two decimals ("20732197.00", "597147").
core::Result<core::Cents> Money(std::string_view file, const YAML::Node& node,
                                std::string_view key);
// A decimal number; `decimals` (optional) receives the number of decimals written.
core::Result<double> Number(std::string_view file, const YAML::Node& node, std::string_view key,
                            int* decimals = nullptr);
core::Result<int64_t> Integer(std::string_view file, const YAML::Node& node,
                              std::string_view key);
core::Result<bool> Bool(std::string_view file, const YAML::Node& node, std::string_view key);

// Loads a YAML document; a syntax error becomes InvalidArgument with file:line:col.
core::Result<YAML::Node> Load(std::string_view text, std::string_view file);

}  // namespace amip::budget::yaml
