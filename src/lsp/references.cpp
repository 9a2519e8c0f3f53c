#include "lsp/references.h"

#include <algorithm>

#include "catalog/action_catalog.h"

namespace iblint::lsp {
namespace {

std::string code(std::string_view text) { return "`" + std::string(text) + "`"; }

std::string line_of(const SourceFile& file, const yaml::Node* node) {
  return "line " + std::to_string(file.line_of(node->span.begin));
}

/// A scalar value shortened for a hover.
std::string shown_value(const yaml::Node& node) {
  const yaml::Node& value = node.resolved();
  if (!value.is_scalar()) return std::string(yaml::describe(value));
  std::string text = value.value;
  if (text.size() > 120) text = text.substr(0, 120) + "…";
  size_t nl = text.find('\n');
  if (nl != std::string::npos) text = text.substr(0, nl) + " …";
  return code(text);
}

ReferenceTarget chaining(const ExpressionAt& at, const SourceFile& file) {
  const auto& segments = at.expression->segments;
  ReferenceTarget target;
  if (segments.size() < 2) return target;
  expr::StepRef ref = expr::find_step(at.model->component, segments[0].text, segments[1].text);
  if (!ref.phase) {
    target.markdown = "No phase " + code(segments[0].text) + " in this document.";
    return target;
  }
  if (!ref.step) {
    target.markdown = "No step " + code(segments[1].text) + " in phase " + code(segments[0].text) + ".";
    return target;
  }
  const Step& step = *ref.step;
  target.definition = step.name_node ? step.name_node : step.node;
  std::string where = "step " + code(step.name) + " of phase " + code(ref.phase->name) +
                      (step.action.empty() ? "" : " (action " + code(step.action) + ")") + ", defined at " +
                      line_of(file, target.definition);
  if (segments.size() < 4) {
    target.markdown = "Reads " + where + ".";
    return target;
  }
  const std::string& field = segments[3].text;
  bool outputs = segments[2].text == "outputs";
  const ActionSpec* action = find_action(step.action);
  if (outputs) {
    target.markdown = "Output " + code(field) + " of " + where + ".";
    if (action) {
      bool known = std::find(action->outputs.begin(), action->outputs.end(), field) != action->outputs.end();
      if (!known) target.markdown += "\n\n" + code(step.action) + " has no output " + code(field) + ".";
    }
    return target;
  }
  target.markdown = "Input " + code(field) + " of " + where + ".";
  const yaml::Node* inputs = step.inputs ? &step.inputs->resolved() : nullptr;
  if (inputs && inputs->is_sequence()) {
    size_t index = at.expression->index && at.expression->index->value ? *at.expression->index->value : 0;
    inputs = index < inputs->items.size() ? &inputs->items[index]->resolved() : nullptr;
  }
  if (const yaml::Node* value = inputs && inputs->is_mapping() ? inputs->find(field) : nullptr) {
    target.markdown += "\n\nValue: " + shown_value(*value) + " (" + line_of(file, value) + ")";
  }
  return target;
}

ReferenceTarget variable(const ExpressionAt& at, const SourceFile& file) {
  ReferenceTarget target;
  const std::string& name = at.expression->segments.empty() ? std::string() : at.expression->segments[0].text;
  for (const Variable& v : at.model->component.variables) {
    if (v.name != name) continue;
    target.definition = v.name_node;
    target.markdown = std::string(v.constant ? "Constant " : "Parameter ") + code(name) + ", defined at " +
                      line_of(file, v.name_node) + ".";
    const yaml::Node* definition = v.definition ? &v.definition->resolved() : nullptr;
    if (definition && definition->is_mapping()) {
      for (const char* key : {"type", "default", "value", "description"}) {
        if (const yaml::Node* field = definition->find(key)) target.markdown += "\n\n" + std::string(key) + ": " + shown_value(*field);
      }
    }
    return target;
  }
  target.markdown = "No parameter or constant named " + code(name) + ".";
  return target;
}

ReferenceTarget loop(const ExpressionAt& at, const SourceFile& file) {
  ReferenceTarget target;
  const Step* step = at.occurrence->step;
  bool index = at.expression->segments.size() > 1 && at.expression->segments[1].text == "index";
  std::string what = index ? "The 0-based number of the current iteration" : "The value of the current iteration";
  if (!step || !step->loop) {
    target.markdown = what + " of a loop, but this step has no `loop`: the text stays as written.";
    return target;
  }
  target.definition = step->loop;
  target.markdown = what + " of the loop of step " + code(step->name) + " (" + line_of(file, step->loop) + ").";
  return target;
}

}  // namespace

ReferenceTarget resolve_reference(const ExpressionAt& at, const SourceFile& file) {
  switch (at.expression->kind) {
    case expr::ExpressionKind::Chaining: return chaining(at, file);
    case expr::ExpressionKind::Variable: return variable(at, file);
    case expr::ExpressionKind::Loop: return loop(at, file);
  }
  return {};
}

}  // namespace iblint::lsp
