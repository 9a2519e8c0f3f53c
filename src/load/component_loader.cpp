#include "load/component_loader.h"

namespace iblint {
namespace {

std::string scalar_text(const yaml::Node* node) {
  if (!node) return {};
  const yaml::Node& n = node->resolved();
  return n.is_scalar() && !n.is_null() ? n.value : std::string();
}

Step load_step(const yaml::Node& node) {
  Step step;
  step.node = &node;
  const yaml::Node& map = node.resolved();
  if (!map.is_mapping()) return step;
  step.name_node = map.find("name");
  step.name = scalar_text(step.name_node);
  step.action_node = map.find("action");
  step.action = scalar_text(step.action_node);
  step.inputs = map.find("inputs");
  step.timeout_seconds = map.find("timeoutSeconds");
  step.on_failure = map.find("onFailure");
  step.max_attempts = map.find("maxAttempts");
  step.condition = map.find("if");
  step.loop = map.find("loop");
  return step;
}

Phase load_phase(const yaml::Node& node) {
  Phase phase;
  phase.node = &node;
  const yaml::Node& map = node.resolved();
  if (!map.is_mapping()) return phase;
  phase.name_node = map.find("name");
  phase.name = scalar_text(phase.name_node);
  phase.steps_node = map.find("steps");
  if (phase.steps_node && phase.steps_node->resolved().is_sequence()) {
    for (const yaml::Node* item : phase.steps_node->resolved().items) phase.steps.push_back(load_step(*item));
  }
  return phase;
}

void load_variables(const yaml::Node* list, bool constant, std::vector<Variable>& out) {
  if (!list || !list->resolved().is_sequence()) return;
  for (const yaml::Node* item : list->resolved().items) {
    const yaml::Node& entry = item->resolved();
    if (!entry.is_mapping()) continue;
    for (const yaml::Pair& pair : entry.pairs) {
      out.push_back({scalar_text(pair.key), pair.key, pair.value, constant});
    }
  }
}

}  // namespace

Component load_component(const yaml::Node& root) {
  Component c;
  c.root = &root;
  const yaml::Node& map = root.resolved();
  if (!map.is_mapping()) return c;
  c.name = map.find("name");
  c.description = map.find("description");
  c.schema_version = map.find("schemaVersion");
  c.parameters_node = map.find("parameters");
  c.constants_node = map.find("constants");
  c.phases_node = map.find("phases");
  load_variables(c.parameters_node, false, c.variables);
  load_variables(c.constants_node, true, c.variables);
  if (c.phases_node && c.phases_node->resolved().is_sequence()) {
    for (const yaml::Node* item : c.phases_node->resolved().items) c.phases.push_back(load_phase(*item));
  }
  return c;
}

}  // namespace iblint
