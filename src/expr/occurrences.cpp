#include "expr/occurrences.h"

#include <utility>

#include "expr/scanner.h"
#include "yaml/parser.h"

namespace iblint::expr {
namespace {

struct Walker {
  const SourceFile& file;
  ExpressionIndex& out;
  const Phase* phase = nullptr;
  const Step* step = nullptr;
  size_t phase_index = 0;
  size_t step_index = 0;

  /// Visits every scalar under node without recursion (depth comes from the input).
  void walk(const yaml::Node* root, Place place) {
    if (!root) return;
    std::vector<std::pair<const yaml::Node*, Place>> stack{{root, place}};
    while (!stack.empty()) {
      auto [node, where] = stack.back();
      stack.pop_back();
      if (node->kind == yaml::Kind::Scalar) {
        visit_scalar(*node, where);
      } else if (node->kind == yaml::Kind::Mapping) {
        if (node->flow && file.text(node->span).starts_with("{{")) {
          out.unquoted.push_back({node, step, where});
          continue;
        }
        for (auto it = node->pairs.rbegin(); it != node->pairs.rend(); ++it) {
          stack.push_back({it->value, where});
          stack.push_back({it->key, where});
        }
      } else if (node->kind == yaml::Kind::Sequence) {
        for (auto it = node->items.rbegin(); it != node->items.rend(); ++it) stack.push_back({*it, where});
      }
    }
  }

  void visit_scalar(const yaml::Node& node, Place place) {
    if (!may_hold_expression(node.value)) return;
    Occurrence o;
    o.scalar = &node;
    o.phase = phase;
    o.step = step;
    o.phase_index = phase_index;
    o.step_index = step_index;
    o.place = place;
    o.scan = scan(node.value);
    if (o.scan.expressions.empty() && o.scan.errors.empty()) return;
    o.offsets = yaml::decode_scalar(file, node, true).offsets;
    if (o.offsets.size() != node.value.size() + 1) o.offsets.assign(node.value.size() + 1, node.span.begin);
    out.occurrences.push_back(std::move(o));
  }

  void walk_loop(const yaml::Node* loop) {
    if (!loop || !loop->resolved().is_mapping()) return walk(loop, Place::LoopOther);
    for (const yaml::Pair& pair : loop->resolved().pairs) {
      bool for_each = pair.key->value == "forEach";
      if (for_each && pair.value->resolved().is_mapping()) {
        for (const yaml::Pair& inner : pair.value->resolved().pairs) {
          walk(inner.value, inner.key->value == "list" ? Place::LoopList : Place::LoopOther);
        }
      } else {
        walk(pair.value, for_each ? Place::LoopList : Place::LoopOther);
      }
    }
  }
};

}  // namespace

Span Occurrence::span(Range range) const {
  if (offsets.empty()) return scalar->span;
  uint32_t last = static_cast<uint32_t>(offsets.size() - 1);
  uint32_t begin = offsets[std::min(range.begin, last)];
  uint32_t end = range.end > range.begin ? offsets[std::min(range.end - 1, last)] + 1 : begin;
  return {begin, std::max(begin, end)};
}

ExpressionIndex index_expressions(const SourceFile& file, const Component& component) {
  ExpressionIndex index;
  Walker walker{file, index};
  const yaml::Node& root = component.root->resolved();
  if (root.is_mapping()) {
    for (const yaml::Pair& pair : root.pairs) {
      if (pair.value != component.phases_node) walker.walk(pair.value, Place::Other);
    }
  }
  for (size_t p = 0; p < component.phases.size(); ++p) {
    const Phase& phase = component.phases[p];
    walker.phase = &phase;
    walker.phase_index = p;
    walker.step = nullptr;
    walker.walk(phase.name_node, Place::Other);
    for (size_t s = 0; s < phase.steps.size(); ++s) {
      const Step& step = phase.steps[s];
      walker.step = &step;
      walker.step_index = s;
      const yaml::Node& map = step.node->resolved();
      if (!map.is_mapping()) continue;
      for (const yaml::Pair& pair : map.pairs) {
        if (pair.value == step.inputs) walker.walk(pair.value, Place::Inputs);
        else if (pair.value == step.loop) walker.walk_loop(pair.value);
        else if (pair.value == step.condition) walker.walk(pair.value, Place::Condition);
        else walker.walk(pair.value, Place::Other);
      }
    }
  }
  return index;
}

StepRef find_step(const Component& component, std::string_view phase, std::string_view step) {
  for (size_t p = 0; p < component.phases.size(); ++p) {
    if (component.phases[p].name != phase) continue;
    const auto& steps = component.phases[p].steps;
    for (size_t s = 0; s < steps.size(); ++s) {
      if (steps[s].name == step) return {&component.phases[p], &steps[s], p, s};
    }
    return {&component.phases[p], nullptr, p, 0};
  }
  return {};
}

std::string_view stage_of(std::string_view phase) {
  if (phase == "build" || phase == "validate") return "build";
  if (phase == "test") return "test";
  if (phase == "container-host-test") return "container host";
  return "";
}

}  // namespace iblint::expr
