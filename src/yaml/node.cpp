#include "yaml/node.h"

namespace iblint::yaml {

const Pair* Node::find_pair(std::string_view name) const {
  const Node& self = resolved();
  if (self.kind != Kind::Mapping) return nullptr;
  for (const Pair& pair : self.pairs) {
    const Node& key = pair.key->resolved();
    if (key.kind == Kind::Scalar && key.value == name) return &pair;
  }
  return nullptr;
}

const Node* Node::find(std::string_view name) const {
  const Pair* pair = find_pair(name);
  return pair ? pair->value : nullptr;
}

std::string_view describe(const Node& node) {
  const Node& n = node.resolved();
  switch (n.kind) {
    case Kind::Mapping: return "a mapping";
    case Kind::Sequence: return "a list";
    case Kind::Alias: return "an alias";
    case Kind::Scalar: break;
  }
  switch (n.type) {
    case ScalarType::Null: return "empty (null)";
    case ScalarType::Bool: return "a boolean";
    case ScalarType::Int: return "an integer";
    case ScalarType::Float: return "a number";
    case ScalarType::Timestamp: return "a timestamp";
    case ScalarType::String: return "a string";
  }
  return "a value";
}

}  // namespace iblint::yaml
