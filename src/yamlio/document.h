// The one YAML parser of amip: YAML text (plus a file name for messages) becomes a Document
// of plain Nodes with 1-based positions. Parse rejects, with file:line:column, what yaml-cpp
// accepts silently: a duplicate key in any map, a NUL byte in the text or in a scalar (an
// escaped "\0"), a key that is not a scalar, nesting deeper than kMaxDepth and more than
// kMaxNodes nodes (alias expansion). No file I/O; yaml-cpp never leaves this module.
// Documents are immutable values, safe to share between threads once built.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace amip::yamlio {

// 1-based line and column; 0 when unknown (a key that is absent).
struct Position {
  int line = 0;
  int column = 0;
};

struct MapEntry;

class Node {
 public:
  enum class Kind { kUndefined, kNull, kScalar, kSequence, kMap };

  Node() = default;

  Kind kind() const { return kind_; }
  // False only for the node returned for an absent key.
  bool IsDefined() const { return kind_ != Kind::kUndefined; }
  explicit operator bool() const { return IsDefined(); }
  bool IsNull() const { return kind_ == Kind::kNull; }
  bool IsScalar() const { return kind_ == Kind::kScalar; }
  bool IsSequence() const { return kind_ == Kind::kSequence; }
  bool IsMap() const { return kind_ == Kind::kMap; }

  // The text of a scalar; empty for every other kind.
  const std::string& scalar() const { return scalar_; }
  // The elements of a sequence; empty for every other kind.
  const std::vector<Node>& items() const { return items_; }
  // The entries of a map in file order (keys are unique); empty for every other kind.
  const std::vector<MapEntry>& entries() const { return entries_; }
  // Elements of a sequence or entries of a map.
  size_t size() const;
  // The value of `key` in a map; an undefined node if absent or if this is not a map.
  const Node& operator[](std::string_view key) const;

  Position position() const { return position_; }

 private:
  friend class Builder;
  Kind kind_ = Kind::kUndefined;
  std::string scalar_;
  std::vector<Node> items_;
  std::vector<MapEntry> entries_;
  Position position_;
};

// One entry of a map; `key` is always a scalar node (with its own position).
struct MapEntry {
  Node key;
  Node value;
};

struct Document {
  std::string file;
  Node root;
};

inline constexpr int kMaxDepth = 64;
inline constexpr size_t kMaxNodes = 1'000'000;

// Parses one YAML document. An empty text gives a null root. Errors are InvalidArgument with
// "file:line:column: reason" (German).
core::Result<Document> Parse(std::string_view text, std::string_view file);

// "file:line:column" of `position`, or just "file" when the position is unknown.
std::string Where(std::string_view file, Position position);
inline std::string Where(std::string_view file, const Node& node) {
  return Where(file, node.position());
}

// German name of a node kind for messages ("eine Liste", "ein Abschnitt (Schlüssel: Wert)").
const char* KindName(Node::Kind kind);

}  // namespace amip::yamlio
