#include "yaml/alias_budget.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "yaml/parser.h"

namespace iblint::yaml {
namespace {

constexpr uint64_t kSaturated = uint64_t{1} << 50;  // sizes stop growing here: no overflow

template <typename F>
void for_each_child(const Node& node, F&& f) {
  for (const Pair& pair : node.pairs) {
    if (pair.key) f(pair.key);
    if (pair.value) f(pair.value);
  }
  for (const Node* item : node.items) f(item);
  if (node.kind == Kind::Alias && node.alias_target) f(node.alias_target);
}

/// A node with its aliases expanded (an alias counts as its target).
struct Expanded {
  uint64_t size = 0;    ///< nodes
  uint64_t height = 0;  ///< levels
};

std::unordered_map<const Node*, Expanded> expanded_sizes(const Stream& stream) {
  std::unordered_map<const Node*, Expanded> size;
  std::vector<std::pair<const Node*, bool>> stack;  // (node, children done)
  for (const Node& start : stream.arena) {
    if (size.count(&start)) continue;
    stack.push_back({&start, false});
    while (!stack.empty()) {
      auto [node, children_done] = stack.back();
      stack.pop_back();
      if (size.count(node)) continue;
      if (!children_done) {
        stack.push_back({node, true});
        for_each_child(*node, [&](const Node* child) {
          if (!size.count(child)) stack.push_back({child, false});
        });
        continue;
      }
      uint64_t own = node->kind == Kind::Alias ? 0 : 1;
      Expanded total{own, 0};
      for_each_child(*node, [&](const Node* child) {
        auto it = size.find(child);
        if (it == size.end()) return;
        total.size = std::min(kSaturated, total.size + it->second.size);
        total.height = std::max(total.height, it->second.height);
      });
      total.height += own;
      size[node] = total;
    }
  }
  return size;
}

}  // namespace

void limit_alias_expansion(Stream& stream, uint64_t budget) {
  bool any_alias = std::any_of(stream.arena.begin(), stream.arena.end(),
                               [](const Node& n) { return n.kind == Kind::Alias && n.alias_target; });
  if (!any_alias) return;
  std::unordered_map<const Node*, Expanded> size = expanded_sizes(stream);
  uint64_t expansion = 0;
  bool reported = false, reported_deep = false;
  // The arena holds nodes in the order they were built, which is document order for aliases.
  for (Node& node : stream.arena) {
    if (node.kind != Kind::Alias || !node.alias_target) continue;
    const Expanded& target = size[node.alias_target];
    // A target at most kMaxDepth high keeps every walk within twice the model's depth limit,
    // however aliases chain: the alias itself sits at most kMaxDepth deep.
    if (target.height > static_cast<uint64_t>(kMaxDepth)) {
      if (!reported_deep) {
        reported_deep = true;
        stream.errors.push_back({node.span, node.span,
                                 "`*" + node.value + "` would nest deeper than " + std::to_string(kMaxDepth) +
                                     " levels once expanded; iblint does not follow it"});
      }
      node.alias_target = nullptr;
      continue;
    }
    expansion = std::min(kSaturated, expansion + target.size);
    if (expansion <= budget) continue;
    if (!reported) {
      reported = true;
      stream.errors.push_back({node.span, node.span,
                               "aliases expand to more than " + std::to_string(budget) +
                                   " nodes from here on (an alias bomb?); iblint does not follow `*" + node.value +
                                   "` or any later alias"});
    }
    node.alias_target = nullptr;
  }
}

}  // namespace iblint::yaml
