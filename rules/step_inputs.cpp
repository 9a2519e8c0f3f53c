#include "rules/step_inputs.h"

namespace iblint {

std::vector<const yaml::Node*> input_entries(const Step& step) {
  std::vector<const yaml::Node*> out;
  if (!step.inputs) return out;
  const yaml::Node& inputs = step.inputs->resolved();
  if (inputs.is_mapping()) {
    out.push_back(&inputs);
  } else if (inputs.is_sequence()) {
    for (const yaml::Node* item : inputs.items) {
      if (item->resolved().is_mapping()) out.push_back(&item->resolved());
    }
  }
  return out;
}

const yaml::Node* scalar_input(const yaml::Node& entry, std::string_view key) {
  const yaml::Node* value = entry.find(key);
  if (!value) return nullptr;
  const yaml::Node& v = value->resolved();
  return v.is_scalar() && !v.is_null() ? &v : nullptr;
}

std::vector<StepScript> step_scripts(const Component& component) {
  std::vector<StepScript> out;
  for (const Phase& phase : component.phases) {
    for (const Step& step : phase.steps) {
      Shell shell;
      if (step.action == "ExecuteBash") shell = Shell::Bash;
      else if (step.action == "ExecutePowerShell") shell = Shell::PowerShell;
      else continue;
      for (const yaml::Node* entry : input_entries(step)) {
        const yaml::Node* commands = entry->find("commands");
        if (!commands) continue;
        const yaml::Node& c = commands->resolved();
        if (c.is_string()) out.push_back({&step, &c, shell});
        if (!c.is_sequence()) continue;
        for (const yaml::Node* item : c.items) {
          const yaml::Node& script = item->resolved();
          if (script.is_string()) out.push_back({&step, &script, shell});
        }
      }
    }
  }
  return out;
}

}  // namespace iblint
