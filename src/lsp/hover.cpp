#include "lsp/hover.h"

#include "catalog/action_catalog.h"
#include "lsp/action_docs.h"
#include "lsp/references.h"

namespace iblint::lsp {
namespace {

bool touches(const yaml::Node* node, uint32_t offset) {
  return node && node->span.begin <= offset && offset <= node->span.end;
}

nlohmann::json markdown(std::string text, const RangeConverter& ranges, Span span) {
  return {{"contents", {{"kind", "markdown"}, {"value", std::move(text)}}}, {"range", ranges.range(span)}};
}

/// The input key at offset in a step's inputs (a mapping, or a list of mappings).
const yaml::Node* input_key_at(const Step& step, uint32_t offset) {
  if (!step.inputs) return nullptr;
  const yaml::Node& inputs = step.inputs->resolved();
  auto search = [&](const yaml::Node& map) -> const yaml::Node* {
    for (const yaml::Pair& pair : map.pairs) {
      if (touches(pair.key, offset)) return pair.key;
    }
    return nullptr;
  };
  if (inputs.is_mapping()) return search(inputs);
  if (inputs.is_sequence()) {
    for (const yaml::Node* item : inputs.items) {
      if (item->resolved().is_mapping()) {
        if (const yaml::Node* key = search(item->resolved())) return key;
      }
    }
  }
  return nullptr;
}

}  // namespace

nlohmann::json hover(const DocumentAnalysis& analysis, const RangeConverter& ranges, uint32_t offset) {
  if (std::optional<ExpressionAt> at = analysis.expression_at(offset)) {
    ReferenceTarget target = resolve_reference(*at, analysis.file());
    return markdown("`{{ " + at->expression->text() + " }}`\n\n" + target.markdown, ranges, at->span);
  }
  std::optional<StepAt> at = analysis.step_at(offset);
  if (!at) return nullptr;
  const ActionSpec* action = find_action(at->step->action);
  if (!action) return nullptr;
  if (touches(at->step->action_node, offset)) return markdown(action_markdown(*action), ranges, at->step->action_node->span);
  if (const yaml::Node* key = input_key_at(*at->step, offset)) {
    if (const InputSpec* input = find_input(*action, key->value)) return markdown(input_markdown(*action, *input), ranges, key->span);
  }
  return nullptr;
}

}  // namespace iblint::lsp
