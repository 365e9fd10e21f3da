#include "law/yaml_check.h"

namespace amip::law {

std::string YamlWhere(std::string_view file, const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  return std::string(file) + ":" + std::to_string(mark.line + 1) + ":" +
         std::to_string(mark.column + 1);
}

core::Status CheckYamlKeys(std::string_view file, const YAML::Node& map,
                           const std::set<std::string>& allowed, std::string_view what) {
  std::set<std::string> seen;
  for (const auto& item : map) {
    const std::string key = item.first.Scalar();
    if (allowed.count(key) == 0) {
      std::string list;
      for (const auto& name : allowed) list += (list.empty() ? "" : ", ") + name;
      const std::string in_what = what.empty() ? "" : " in " + std::string(what);
      return core::InvalidArgumentError(YamlWhere(file, item.first) + ": unknown key '" + key +
                                        "'" + in_what + " (allowed: " + list + ")");
    }
    if (!seen.insert(key).second) {
      return core::InvalidArgumentError(YamlWhere(file, item.first) + ": duplicate key '" + key +
                                        "'");
    }
  }
  return core::Status::Ok();
}

}  // namespace amip::law
