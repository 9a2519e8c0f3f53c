#include "schema/component_schema.h"

#include <string>

#include "catalog/action_catalog.h"

namespace iblint {
namespace {

using nlohmann::json;

/// A value written as a `{{ }}` expression: resolved at run time, so any typed field accepts it.
json expression_ref() { return {{"$ref", "#/$defs/expression"}}; }

json or_expression(json schema) { return {{"anyOf", json::array({std::move(schema), expression_ref()})}}; }

json scalar_text() { return {{"type", json::array({"string", "number", "boolean"})}}; }

json input_type(const InputSpec& input) {
  switch (input.type) {
    case InputType::String:
      if (!input.allowed.empty() && !input.allowed_case_insensitive) {
        json values = json::array();
        for (std::string_view value : input.allowed) values.push_back(value);
        return or_expression({{"enum", values}});
      }
      return {{"type", json::array({"string", "number"})}};
    case InputType::Integer:
      return or_expression({{"type", "integer"}});
    case InputType::Boolean:
      return or_expression({{"anyOf", json::array({{{"type", "boolean"}}, {{"enum", {"true", "false"}}}})}});
    case InputType::StringList:
      return or_expression({{"type", "array"}, {"items", scalar_text()}});
    case InputType::StringMap:
      return {{"type", "object"}, {"additionalProperties", scalar_text()}};
    case InputType::NameValueList:
      return {{"type", "array"},
              {"items",
               {{"type", "object"},
                {"required", {"name", "value"}},
                {"properties", {{"name", {{"type", "string"}}}, {"value", scalar_text()}}},
                {"additionalProperties", false}}}};
    case InputType::StringOrBoolean:
      return {{"type", json::array({"string", "boolean"})}};
    case InputType::RegistryValue:
      return {{"type", json::array({"string", "number", "array"})}};
  }
  return json::object();
}

std::string describe(const InputSpec& input) {
  std::string text = std::string(input.required ? "Required" : "Optional");
  if (!input.default_value.empty()) text += "; default " + std::string(input.default_value);
  if (!input.allowed.empty()) {
    text += "; one of";
    for (std::string_view value : input.allowed) text += " " + std::string(value);
    if (input.allowed_case_insensitive) text += " (any case)";
  }
  return text + ".";
}

/// The schema of one mapping of inputs of an action.
json input_mapping(const ActionSpec& action) {
  json properties = json::object();
  json required = json::array();
  for (const InputSpec& input : action.inputs) {
    json property = input_type(input);
    property["description"] = describe(input);
    properties[std::string(input.name)] = std::move(property);
    if (input.required) required.push_back(input.name);
  }
  // Other keys are allowed: AWSTOE's reaction to undocumented inputs is not documented, and
  // iblint only warns about them (IB105); a schema cannot warn.
  json mapping = {{"type", "object"}, {"properties", std::move(properties)}};
  if (!required.empty()) mapping["required"] = std::move(required);
  return mapping;
}

json inputs_of(const ActionSpec& action) {
  if (action.free_form_inputs) return {{"description", "A condition: comparison and logical operators."}};
  json mapping = input_mapping(action);
  if (action.shape == InputShape::List) return {{"type", "array"}, {"minItems", 1}, {"items", std::move(mapping)}};
  return mapping;
}

json variable(bool constant) {
  json definition = {{"type", "object"},
                     {"required", constant ? json::array({"type", "value"}) : json::array({"type"})},
                     {"properties",
                      {{"type", {{"const", "string"}, {"description", "Only `string` is supported."}}},
                       {"description", {{"type", "string"}}}}}};
  definition["properties"][constant ? "value" : "default"] = scalar_text();
  return {{"type", "object"},
          {"minProperties", 1},
          {"maxProperties", 1},
          {"propertyNames", {{"pattern", "^[A-Za-z0-9_-]{3,128}$"}}},
          {"additionalProperties", std::move(definition)}};
}

json step() {
  json actions = json::array();
  json per_action = json::array();
  for (const ActionSpec& action : action_catalog()) {
    actions.push_back({{"const", action.name}, {"description", action.summary}});
    per_action.push_back({{"if", {{"properties", {{"action", {{"const", action.name}}}}}, {"required", {"action"}}}},
                          {"then", {{"properties", {{"inputs", {{"$ref", "#/$defs/inputs-" + std::string(action.name)}}}}}}}});
  }
  return {{"type", "object"},
          {"required", {"name", "action"}},
          {"properties",
           {{"name", {{"type", "string"}, {"description", "Unique within its phase; chaining reads it as phase.step."}}},
            {"action", {{"description", "The action module this step runs."}, {"oneOf", std::move(actions)}}},
            {"inputs", {{"description", "The action module's inputs."}}},
            {"timeoutSeconds",
             or_expression({{"anyOf", json::array({{{"const", -1}}, {{"type", "integer"}, {"minimum", 1}}})},
                            {"description", "Seconds before the step fails; -1: no limit. Default 7200."}})},
            {"onFailure", or_expression({{"enum", {"Abort", "Continue", "Ignore"}}, {"description", "Default Abort."}})},
            {"maxAttempts", or_expression({{"type", "integer"}, {"minimum", 1}, {"description", "Total attempts; default 1."}})},
            {"loop", {{"type", "object"}, {"description", "Repeats the step: `for` or `forEach`, optional `name`."}}},
            {"if", {{"type", "object"}, {"description", "Runs the step only when the condition holds."}}}}},
          {"additionalProperties", false},
          {"allOf", std::move(per_action)}};
}

}  // namespace

json component_schema() {
  json defs = {
      {"expression", {{"type", "string"}, {"pattern", "\\{\\{.*\\}\\}"}}},
      {"parameter", variable(false)},
      {"constant", variable(true)},
      {"phase",
       {{"type", "object"},
        {"required", {"name", "steps"}},
        {"properties",
         {{"name",
           {{"type", "string"},
            {"description", "Image Builder runs build, validate, test and container-host-test."},
            {"examples", {"build", "validate", "test", "container-host-test"}}}},
          {"steps", {{"type", "array"}, {"items", {{"$ref", "#/$defs/step"}}}}}}},
        {"additionalProperties", false}}},
      {"step", step()},
  };
  for (const ActionSpec& action : action_catalog()) defs["inputs-" + std::string(action.name)] = inputs_of(action);
  return {
      {"$schema", "https://json-schema.org/draft/2020-12/schema"},
      {"title", "AWSTOE component document"},
      {"description", "EC2 Image Builder component document, generated by iblint " IBLINT_VERSION
                      " from its action catalog (profile current)."},
      {"type", "object"},
      {"required", {"schemaVersion", "phases"}},
      {"properties",
       {{"name", {{"type", "string"}}},
        {"description", {{"type", "string"}}},
        {"schemaVersion", {{"description", "Always 1.0."}, {"anyOf", json::array({{{"const", "1.0"}}, {{"const", 1.0}}})}}},
        {"parameters", {{"type", "array"}, {"items", {{"$ref", "#/$defs/parameter"}}}}},
        {"constants", {{"type", "array"}, {"items", {{"$ref", "#/$defs/constant"}}}}},
        {"phases", {{"type", "array"}, {"minItems", 1}, {"items", {{"$ref", "#/$defs/phase"}}}}}}},
      {"$defs", std::move(defs)},
  };
}

}  // namespace iblint
