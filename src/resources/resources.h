// Resources: the project's data files (law/, data/ and examples/ trees) compiled into the binary,
// so `amip` needs no installation directory. Paths are relative to the repository root,
// e.g. "law/catalogue/instruments.yaml". Immutable, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace amip::resources {

struct Resource {
  std::string_view path;
  std::string_view content;
};

const std::vector<Resource>& All();
// The content of an embedded file, or nullopt.
std::optional<std::string_view> Find(std::string_view path);
// All embedded files whose path starts with `prefix` (e.g. "data/profiles/").
std::vector<Resource> List(std::string_view prefix);

}  // namespace amip::resources
