#include "lsp/action_docs.h"

namespace iblint::lsp {
namespace {

std::string platforms(unsigned bits) {
  std::string out;
  auto add = [&](unsigned bit, const char* name) {
    if (!(bits & bit)) return;
    if (!out.empty()) out += ", ";
    out += name;
  };
  add(kLinux, "Linux");
  add(kWindows, "Windows");
  add(kMacOS, "macOS");
  return out;
}

std::string allowed_values(const InputSpec& input) {
  std::string out;
  for (std::string_view value : input.allowed) {
    if (!out.empty()) out += ", ";
    out += "`" + std::string(value) + "`";
  }
  return out;
}

}  // namespace

std::string_view type_name(InputType type) {
  switch (type) {
    case InputType::String: return "string";
    case InputType::Integer: return "integer";
    case InputType::Boolean: return "boolean";
    case InputType::StringList: return "list of strings";
    case InputType::StringMap: return "mapping of strings";
    case InputType::NameValueList: return "list of {name, value}";
    case InputType::StringOrBoolean: return "string or boolean";
    case InputType::RegistryValue: return "string, number or list";
  }
  return "value";
}

std::string action_markdown(const ActionSpec& action) {
  std::string out = "**" + std::string(action.name) + "** — " + std::string(action.summary) + "\n\n";
  out += "Runs on " + platforms(action.platforms) + ".";
  if (action.shape == InputShape::List) out += " `inputs` is a list of mappings, processed in order.";
  out += "\n\n";
  if (action.free_form_inputs) {
    out += "Inputs: a condition written with comparison and logical operators.\n";
  } else if (action.inputs.empty()) {
    out += "No inputs.\n";
  } else {
    out += "| input | type | required | default |\n|---|---|---|---|\n";
    for (const InputSpec& input : action.inputs) {
      out += "| `" + std::string(input.name) + "` | " + std::string(type_name(input.type));
      if (!input.allowed.empty()) out += ": " + allowed_values(input);
      out += " | " + std::string(input.required ? "yes" : "no") + " | ";
      if (!input.default_value.empty()) out += "`" + std::string(input.default_value) + "`";
      out += " |\n";
    }
  }
  if (!action.outputs.empty()) {
    out += "\nOutputs:";
    for (std::string_view output : action.outputs) out += " `" + std::string(output) + "`";
    out += " (read them with `{{ phase.step.outputs." + std::string(action.outputs.front()) + " }}`)\n";
  }
  return out;
}

std::string input_markdown(const ActionSpec& action, const InputSpec& input) {
  std::string out = "**" + std::string(input.name) + "** — input of `" + std::string(action.name) + "`: " +
                    std::string(type_name(input.type)) + (input.required ? ", required" : ", optional");
  if (!input.default_value.empty()) out += ", default `" + std::string(input.default_value) + "`";
  if (!input.allowed.empty()) out += "\n\nAllowed values: " + allowed_values(input);
  if (input.platforms != kAllPlatforms) out += "\n\nOnly on " + platforms(input.platforms) + ".";
  return out;
}

}  // namespace iblint::lsp
