#include "expr/occurrences.h"

#include <algorithm>
#include <mutex>
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

  /// One step of a key path: a key below its parent, or a list index. The path of a scalar is
  /// spelt out only when it holds an expression, so walking costs no string work.
  struct PathStep {
    int parent;                    ///< index in paths, -1 for the root
    const std::string* key;        ///< null for a list index
    size_t index;
  };
  std::vector<PathStep> paths{};

  struct Pending {
    const yaml::Node* node;
    Place place;
    int path;
  };
  /// The walk's to-do list, kept between walks: walk runs once per field of every step, and a
  /// fresh vector each time would cost an allocation per field.
  std::vector<Pending> stack{};

  std::string spell(const std::string& root, int path) const {
    std::vector<const PathStep*> chain;
    for (int p = path; p >= 0; p = paths[static_cast<size_t>(p)].parent) chain.push_back(&paths[static_cast<size_t>(p)]);
    std::string out = root;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      if ((*it)->key) out += (out.empty() ? "" : ".") + *(*it)->key;
      else out += "[" + std::to_string((*it)->index) + "]";
    }
    return out;
  }

  /// Visits every scalar under node without recursion (depth comes from the input). field is
  /// the key path of root.
  void walk(const yaml::Node* root, Place place, const std::string& field) {
    if (!root) return;
    paths.clear();
    stack.assign({{root, place, -1}});
    while (!stack.empty()) {
      Pending top = stack.back();
      stack.pop_back();
      const yaml::Node* node = top.node;
      if (node->kind == yaml::Kind::Scalar) {
        if (may_hold_expression(node->value)) visit_scalar(*node, top.place, spell(field, top.path));
      } else if (node->kind == yaml::Kind::Mapping) {
        if (node->flow && file.text(node->span).starts_with("{{")) {
          out.unquoted.push_back({node, step, top.place});
          continue;
        }
        for (auto it = node->pairs.rbegin(); it != node->pairs.rend(); ++it) {
          paths.push_back({top.path, &it->key->value, 0});
          int child = static_cast<int>(paths.size() - 1);
          stack.push_back({it->value, top.place, child});
          stack.push_back({it->key, top.place, child});
        }
      } else if (node->kind == yaml::Kind::Sequence) {
        for (size_t i = node->items.size(); i-- > 0;) {
          paths.push_back({top.path, nullptr, i});
          stack.push_back({node->items[i], top.place, static_cast<int>(paths.size() - 1)});
        }
      }
    }
  }

  void visit_scalar(const yaml::Node& node, Place place, const std::string& field) {
    if (!may_hold_expression(node.value)) return;
    Occurrence o;
    o.scalar = &node;
    o.phase = phase;
    o.step = step;
    o.phase_index = phase_index;
    o.step_index = step_index;
    o.place = place;
    o.field = field;
    o.scan = scan(node.value);
    if (o.scan.expressions.empty() && o.scan.errors.empty()) return;
    o.file = &file;
    out.occurrences.push_back(std::move(o));
  }

  void walk_loop(const yaml::Node* loop, const std::string& field) {
    if (!loop || !loop->resolved().is_mapping()) return walk(loop, Place::LoopOther, field);
    for (const yaml::Pair& pair : loop->resolved().pairs) {
      bool for_each = pair.key->value == "forEach";
      std::string path = field + "." + pair.key->value;
      if (for_each && pair.value->resolved().is_mapping()) {
        for (const yaml::Pair& inner : pair.value->resolved().pairs) {
          walk(inner.value, inner.key->value == "list" ? Place::LoopList : Place::LoopOther,
               path + "." + inner.key->value);
        }
      } else {
        walk(pair.value, for_each ? Place::LoopList : Place::LoopOther, path);
      }
    }
  }
};

}  // namespace

Span Occurrence::span(Range range) const {
  // The rules of one file may run on several threads (the language server's WorkerPool), and
  // two of them may ask for spans of the same occurrence. Spans are asked for findings and
  // editor look-ups only, so one lock for all occurrences costs next to nothing.
  static std::mutex decoding;
  std::lock_guard lock(decoding);
  if (offsets_.empty()) {
    offsets_ = yaml::decode_scalar(*file, *scalar, true).offsets;
    if (offsets_.size() != scalar->value.size() + 1) offsets_.assign(scalar->value.size() + 1, scalar->span.begin);
  }
  uint32_t last = static_cast<uint32_t>(offsets_.size() - 1);
  uint32_t begin = offsets_[std::min(range.begin, last)];
  uint32_t end = range.end > range.begin ? offsets_[std::min(range.end - 1, last)] + 1 : begin;
  return {begin, std::max(begin, end)};
}

std::string Occurrence::where() const {
  if (step) return "in the step's `" + field + "`";
  if (phase) return field == "name" ? "in the phase name" : "in the phase's `" + field + "`";
  return "in the document's `" + field + "`";
}

ExpressionIndex index_expressions(const SourceFile& file, const Component& component) {
  ExpressionIndex index;
  Walker walker{file, index};
  const yaml::Node& root = component.root->resolved();
  if (root.is_mapping()) {
    for (const yaml::Pair& pair : root.pairs) {
      if (pair.value != component.phases_node) walker.walk(pair.value, Place::Other, pair.key->value);
    }
  }
  for (size_t p = 0; p < component.phases.size(); ++p) {
    const Phase& phase = component.phases[p];
    walker.phase = &phase;
    walker.phase_index = p;
    walker.step = nullptr;
    walker.walk(phase.name_node, Place::Other, "name");
    for (size_t s = 0; s < phase.steps.size(); ++s) {
      const Step& step = phase.steps[s];
      walker.step = &step;
      walker.step_index = s;
      const yaml::Node& map = step.node->resolved();
      if (!map.is_mapping()) continue;
      for (const yaml::Pair& pair : map.pairs) {
        const std::string& key = pair.key->value;
        if (pair.value == step.inputs) walker.walk(pair.value, Place::Inputs, key);
        else if (pair.value == step.loop) walker.walk_loop(pair.value, key);
        else if (pair.value == step.condition) walker.walk(pair.value, Place::Condition, key);
        else walker.walk(pair.value, Place::Other, key);
      }
    }
  }
  bool chains = std::any_of(index.occurrences.begin(), index.occurrences.end(), [](const Occurrence& o) {
    return std::any_of(o.scan.expressions.begin(), o.scan.expressions.end(),
                       [](const Expression& e) { return e.kind == ExpressionKind::Chaining; });
  });
  if (chains) index.steps = StepLookup(component);
  return index;
}

StepRef find_step(const Component& component, std::string_view phase, std::string_view step) {
  // Numbered names (Step1 … Step999) share their beginnings: comparing the last byte first
  // rules most out without a memcmp (every reference searches its phase's steps).
  auto same = [](const std::string& name, std::string_view wanted) {
    return name.size() == wanted.size() && (wanted.empty() || name.back() == wanted.back()) && name == wanted;
  };
  for (size_t p = 0; p < component.phases.size(); ++p) {
    if (component.phases[p].name != phase) continue;
    const auto& steps = component.phases[p].steps;
    for (size_t s = 0; s < steps.size(); ++s) {
      if (same(steps[s].name, step)) return {&component.phases[p], &steps[s], p, s};
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
