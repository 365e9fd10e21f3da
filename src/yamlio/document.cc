#include "yamlio/document.h"

#include <yaml-cpp/yaml.h>

#include <unordered_map>

namespace amip::yamlio {

size_t Node::size() const {
  if (kind_ == Kind::kSequence) return items_.size();
  if (kind_ == Kind::kMap) return entries_.size();
  return 0;
}

const Node& Node::operator[](std::string_view key) const {
  static const Node kUndefined;
  for (const MapEntry& entry : entries_) {
    if (entry.key.scalar_ == key) return entry.value;
  }
  return kUndefined;
}

std::string Where(std::string_view file, Position position) {
  if (position.line <= 0) return std::string(file);
  return std::string(file) + ":" + std::to_string(position.line) + ":" +
         std::to_string(position.column);
}

const char* KindName(Node::Kind kind) {
  switch (kind) {
    case Node::Kind::kUndefined: return "nichts";
    case Node::Kind::kNull: return "ein leerer Wert";
    case Node::Kind::kScalar: return "ein einzelner Wert";
    case Node::Kind::kSequence: return "eine Liste";
    case Node::Kind::kMap: return "ein Abschnitt (Schlüssel: Wert)";
  }
  return "?";
}

// Copies yaml-cpp's tree into Nodes and checks what yaml-cpp lets through.
class Builder {
 public:
  explicit Builder(std::string_view file) : file_(file) {}

  core::Status Build(const YAML::Node& in, Position fallback, int depth, Node& out) {
    if (++nodes_ > kMaxNodes) {
      return core::InvalidArgumentError(Where(file_, fallback) + ": mehr als " +
                                        std::to_string(kMaxNodes) +
                                        " YAML-Knoten (Aliase zu oft erweitert?)");
    }
    out.position_ = PositionOf(in, fallback);
    if (depth > kMaxDepth) {
      return core::InvalidArgumentError(Where(file_, out.position_) + ": tiefer als " +
                                        std::to_string(kMaxDepth) + " Ebenen verschachtelt");
    }
    switch (in.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        out.kind_ = Node::Kind::kNull;
        return core::Status::Ok();
      case YAML::NodeType::Scalar:
        out.kind_ = Node::Kind::kScalar;
        out.scalar_ = in.Scalar();
        if (out.scalar_.find('\0') != std::string::npos) {
          return core::InvalidArgumentError(Where(file_, out.position_) +
                                            ": Wert enthält ein NUL-Zeichen (\\0), nicht erlaubt");
        }
        return core::Status::Ok();
      case YAML::NodeType::Sequence:
        out.kind_ = Node::Kind::kSequence;
        out.items_.resize(in.size());
        for (size_t idx = 0; idx < in.size(); ++idx) {
          AMIP_RETURN_IF_ERROR(Build(in[idx], out.position_, depth + 1, out.items_[idx]));
        }
        return core::Status::Ok();
      case YAML::NodeType::Map:
        out.kind_ = Node::Kind::kMap;
        return BuildMap(in, depth, out);
    }
    return core::Status::Ok();
  }

 private:
  core::Status BuildMap(const YAML::Node& in, int depth, Node& out) {
    std::unordered_map<std::string, int> first_line;
    out.entries_.reserve(in.size());
    for (const auto& item : in) {
      MapEntry entry;
      entry.key.position_ = PositionOf(item.first, out.position_);
      const std::string where = Where(file_, entry.key.position_);
      if (!item.first.IsScalar()) {
        return core::InvalidArgumentError(where + ": ein Schlüssel muss ein einzelner Wert sein, "
                                                  "nicht " +
                                          std::string(KindName(item.first.IsSequence()
                                                                   ? Node::Kind::kSequence
                                                               : item.first.IsMap()
                                                                   ? Node::Kind::kMap
                                                                   : Node::Kind::kNull)));
      }
      entry.key.kind_ = Node::Kind::kScalar;
      entry.key.scalar_ = item.first.Scalar();
      if (entry.key.scalar_.find('\0') != std::string::npos) {
        return core::InvalidArgumentError(where +
                                          ": Schlüssel enthält ein NUL-Zeichen (\\0), nicht erlaubt");
      }
      const auto [seen, inserted] = first_line.emplace(entry.key.scalar_, entry.key.position_.line);
      if (!inserted) {
        return core::InvalidArgumentError(where + ": doppelter Schlüssel '" + entry.key.scalar_ +
                                          "' (zuerst in Zeile " + std::to_string(seen->second) +
                                          ")");
      }
      ++nodes_;
      AMIP_RETURN_IF_ERROR(Build(item.second, entry.key.position_, depth + 1, entry.value));
      out.entries_.push_back(std::move(entry));
    }
    return core::Status::Ok();
  }

  static Position PositionOf(const YAML::Node& node, Position fallback) {
    const YAML::Mark mark = node.Mark();
    if (mark.line < 0) return fallback;
    return Position{mark.line + 1, mark.column + 1};
  }

  std::string_view file_;
  size_t nodes_ = 0;
};

core::Result<Document> Parse(std::string_view text, std::string_view file) {
  Document doc;
  doc.file = std::string(file);
  const size_t nul = text.find('\0');
  if (nul != std::string_view::npos) {
    int line = 1;
    size_t line_start = 0;
    for (size_t idx = 0; idx < nul; ++idx) {
      if (text[idx] == '\n') {
        ++line;
        line_start = idx + 1;
      }
    }
    return core::InvalidArgumentError(
        Where(file, Position{line, static_cast<int>(nul - line_start) + 1}) +
        ": NUL-Byte im Text (in YAML nicht erlaubt; ist das eine Binärdatei?)");
  }
  YAML::Node raw;
  try {
    raw = YAML::Load(std::string(text));
  } catch (const YAML::Exception& error) {
    return core::InvalidArgumentError(
        Where(file, Position{error.mark.line + 1, error.mark.column + 1}) +
        ": YAML-Syntaxfehler: " + error.msg);
  }
  Builder builder(file);
  try {
    AMIP_RETURN_IF_ERROR(builder.Build(raw, Position{1, 1}, 0, doc.root));
  } catch (const YAML::Exception& error) {
    return core::InvalidArgumentError(
        Where(file, Position{error.mark.line + 1, error.mark.column + 1}) + ": YAML: " +
        error.msg);
  }
  return doc;
}

}  // namespace amip::yamlio
