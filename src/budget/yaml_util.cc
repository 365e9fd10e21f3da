#include "budget/yaml_util.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

namespace amip::budget::yaml {

std::string Where(std::string_view file, const YAML::Node& node) {
  if (!node.IsDefined()) return std::string(file);
  const YAML::Mark mark = node.Mark();
  if (mark.line < 0) return std::string(file);
  return fmt::format("{}:{}:{}", file, mark.line + 1, mark.column + 1);
}

int Line(const YAML::Node& node) {
  if (!node.IsDefined()) return 0;
  const YAML::Mark mark = node.Mark();
  return mark.line < 0 ? 0 : mark.line + 1;
}

core::Status Error(std::string_view file, const YAML::Node& node, std::string_view key,
                   std::string_view reason) {
  std::string value;
  if (node.IsDefined() && node.IsScalar()) value = node.Scalar();
  if (value.empty()) {
    return core::InvalidArgumentError(fmt::format("{}: {}: {}", Where(file, node), key, reason));
  }
  return core::InvalidArgumentError(
      fmt::format("{}: {} '{}': {}", Where(file, node), key, value, reason));
}

core::Status CheckKeys(std::string_view file, const YAML::Node& node, std::string_view what,
                       std::initializer_list<std::string_view> allowed) {
  if (!node.IsMap()) return Error(file, node, what, "expected a map");
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    bool known = false;
    for (std::string_view candidate : allowed) known = known || candidate == key;
    if (!known) {
      std::string list;
      for (std::string_view candidate : allowed) {
        if (!list.empty()) list += ", ";
        list += candidate;
      }
      return core::InvalidArgumentError(fmt::format("{}: unknown key '{}' in {} (allowed: {})",
                                                    Where(file, entry.first), key, what, list));
    }
  }
  return core::Status::Ok();
}

core::Result<std::string> String(std::string_view file, const YAML::Node& node,
                                 std::string_view key) {
  if (!node.IsScalar()) return Error(file, node, key, "expected text");
  return node.Scalar();
}

core::Result<core::Cents> Money(std::string_view file, const YAML::Node& node,
                                std::string_view key) {
  if (!node.IsScalar()) return Error(file, node, key, "expected a euro amount like 1316.50");
  const std::string& text = node.Scalar();
  if (std::count(text.begin(), text.end(), '.') > 1) {
    return Error(file, node, key, "thousands separators are not allowed; write euros like 20732197.00");
  }
  core::Result<core::Cents> parsed = core::Cents::Parse(text);
  if (!parsed.ok()) return Error(file, node, key, parsed.status().message());
  return parsed;
}

core::Result<double> Number(std::string_view file, const YAML::Node& node, std::string_view key,
                            int* decimals) {
  if (!node.IsScalar()) return Error(file, node, key, "expected a number");
  const std::string& text = node.Scalar();
  if (text.empty()) return Error(file, node, key, "expected a number");
  errno = 0;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (errno != 0 || end != text.c_str() + text.size() || !std::isfinite(value)) {
    return Error(file, node, key, "expected a number like 84.8 (decimal point)");
  }
  if (decimals != nullptr) {
    const size_t dot = text.find('.');
    *decimals = dot == std::string::npos ? 0 : static_cast<int>(text.size() - dot - 1);
  }
  return value;
}

core::Result<int64_t> Integer(std::string_view file, const YAML::Node& node,
                              std::string_view key) {
  if (!node.IsScalar()) return Error(file, node, key, "expected a whole number");
  const std::string& text = node.Scalar();
  errno = 0;
  char* end = nullptr;
  const long long value = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || errno != 0 || end != text.c_str() + text.size()) {
    return Error(file, node, key, "expected a whole number");
  }
  return static_cast<int64_t>(value);
}

core::Result<bool> Bool(std::string_view file, const YAML::Node& node, std::string_view key) {
  if (node.IsScalar()) {
    if (node.Scalar() == "true") return true;
    if (node.Scalar() == "false") return false;
  }
  return Error(file, node, key, "expected true or false");
}

core::Result<YAML::Node> Load(std::string_view text, std::string_view file) {
  try {
    return YAML::Load(std::string(text));
  } catch (const YAML::Exception& error) {
    return core::InvalidArgumentError(fmt::format("{}:{}:{}: YAML syntax: {}", file,
                                                  error.mark.line + 1, error.mark.column + 1,
                                                  error.msg));
  }
}

}  // namespace amip::budget::yaml
