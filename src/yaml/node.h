#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "source/span.h"

namespace iblint::yaml {

enum class Kind : uint8_t { Mapping, Sequence, Scalar, Alias };
enum class Style : uint8_t { Plain, SingleQuoted, DoubleQuoted, Literal, Folded };
/// How YAML's core schema reads a plain scalar; quoted and block scalars are always String.
enum class ScalarType : uint8_t { String, Null, Bool, Int, Float, Timestamp };

struct Node;

struct Pair {
  Node* key = nullptr;
  Node* value = nullptr;  ///< never null: an absent value is an empty Null scalar
};

/// One YAML node with its exact byte span. Scalars carry their decoded value.
struct Node {
  Kind kind = Kind::Scalar;
  Style style = Style::Plain;
  ScalarType type = ScalarType::Null;
  bool flow = false;  ///< written in flow style ({...} or [...])
  Span span;          ///< the node's content, without tag and anchor
  std::string tag;    ///< e.g. "!Ref"; empty when untagged
  Span tag_span;
  std::string anchor;
  std::string value;  ///< decoded scalar value; the alias name for an alias
  std::vector<Pair> pairs;
  std::vector<Node*> items;
  const Node* alias_target = nullptr;  ///< for an alias: the anchored node, when defined before it

  bool is_mapping() const { return kind == Kind::Mapping; }
  bool is_sequence() const { return kind == Kind::Sequence; }
  bool is_scalar() const { return kind == Kind::Scalar; }
  bool is_null() const { return kind == Kind::Scalar && type == ScalarType::Null; }
  bool is_string() const { return kind == Kind::Scalar && type == ScalarType::String; }
  bool is_quoted() const { return style == Style::SingleQuoted || style == Style::DoubleQuoted; }
  bool is_block_scalar() const { return style == Style::Literal || style == Style::Folded; }

  /// Follows an alias to its anchored node; any other node is returned as is.
  const Node& resolved() const { return kind == Kind::Alias && alias_target ? *alias_target : *this; }
  /// The pair whose scalar key equals name (first one), or null.
  const Pair* find_pair(std::string_view name) const;
  /// The value for key name in a mapping, or null.
  const Node* find(std::string_view name) const;
};

/// A human name for the node's type, used in messages ("a mapping", "a string", ...).
std::string_view describe(const Node& node);

}  // namespace iblint::yaml
