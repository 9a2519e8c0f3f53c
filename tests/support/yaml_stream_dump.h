#pragma once
// A text dump of everything yaml::parse() tells its users, to compare two node models
// (the piecewise parse against the whole parse, in tests/yaml and in the `pieces` fuzz target).
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "yaml/parser.h"

namespace iblint::yaml::test_support {

inline std::string span_text(Span s) { return std::to_string(s.begin) + "-" + std::to_string(s.end); }

/// Everything parse() tells its users, as text: each document's nodes depth first (kind,
/// style, type, spans, tag, anchor, value, alias target, pairs and items), then the comments,
/// errors and duplicate keys in order, the flags and the number of nodes built.
inline std::string dump(const Stream& stream) {
  std::ostringstream out;
  std::vector<std::pair<const Node*, int>> stack;
  for (auto it = stream.documents.rbegin(); it != stream.documents.rend(); ++it) stack.push_back({*it, 0});
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    out << std::string(static_cast<size_t>(depth), ' ');
    if (!node) {
      out << "null\n";
      continue;
    }
    out << int(node->kind) << ' ' << int(node->style) << ' ' << int(node->type) << ' ' << node->flow << ' '
        << span_text(node->span) << " tag=" << node->tag << '@' << span_text(node->tag_span) << " anchor="
        << node->anchor << " value=" << node->value << " target="
        << (node->alias_target ? span_text(node->alias_target->span) : "none") << " pairs=" << node->pairs.size()
        << " items=" << node->items.size() << '\n';
    for (auto it = node->items.rbegin(); it != node->items.rend(); ++it) stack.push_back({*it, depth + 1});
    for (auto it = node->pairs.rbegin(); it != node->pairs.rend(); ++it) {
      stack.push_back({it->value, depth + 1});
      stack.push_back({it->key, depth + 1});
    }
  }
  for (Span c : stream.comments) out << "comment " << span_text(c) << '\n';
  for (const SyntaxError& e : stream.errors) out << "error " << span_text(e.span) << ' ' << span_text(e.region) << ' ' << e.message << '\n';
  for (const DuplicateKey& d : stream.duplicate_keys) out << "duplicate " << d.key << ' ' << span_text(d.span) << ' ' << span_text(d.first) << '\n';
  out << "too_deep=" << stream.too_deep << " not_parsed=" << stream.not_parsed << " nodes=" << stream.arena.size() << '\n';
  return out.str();
}

}  // namespace iblint::yaml::test_support
