#include "resources/resources.h"

namespace amip::resources {

std::optional<std::string_view> Find(std::string_view path) {
  for (const Resource& resource : All()) {
    if (resource.path == path) return resource.content;
  }
  return std::nullopt;
}

std::vector<Resource> List(std::string_view prefix) {
  std::vector<Resource> out;
  for (const Resource& resource : All()) {
    if (resource.path.substr(0, prefix.size()) == prefix) out.push_back(resource);
  }
  return out;
}

}  // namespace amip::resources
