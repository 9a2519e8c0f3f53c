#include "cfn/template.h"

namespace iblint::cfn {

const Parameter* Template::parameter(std::string_view name) const {
  auto it = parameter_index.find(std::string(name));
  return it == parameter_index.end() ? nullptr : &parameters[it->second];
}

const TemplateResource* Template::resource(std::string_view logical_id) const {
  auto it = resource_index.find(std::string(logical_id));
  return it == resource_index.end() ? nullptr : &resources[it->second];
}

const yaml::Node* Template::condition(std::string_view name) const {
  for (const auto& [n, node] : conditions) {
    if (n == name) return node;
  }
  return nullptr;
}

bool is_pseudo_parameter(std::string_view name) { return name.starts_with("AWS::"); }

namespace {

std::optional<std::string> scalar_text(const yaml::Node& node) {
  const yaml::Node& n = node.resolved();
  if (n.is_scalar() && !n.is_null() && n.tag.empty()) return n.value;
  if (n.is_sequence() && n.tag.empty()) {  // CommaDelimitedList defaults written as a list
    std::string joined;
    for (const yaml::Node* item : n.items) {
      const yaml::Node& i = item->resolved();
      if (!i.is_scalar()) return std::nullopt;
      if (!joined.empty()) joined += ",";
      joined += i.value;
    }
    return joined;
  }
  return std::nullopt;
}

}  // namespace

Template load_template(const SourceFile& file, const yaml::Node& root) {
  Template t;
  t.file = &file;
  t.root = &root;
  const yaml::Node& map = root.resolved();
  if (!map.is_mapping()) return t;
  if (const yaml::Node* params = map.find("Parameters"); params && params->resolved().is_mapping()) {
    for (const yaml::Pair& pair : params->resolved().pairs) {
      const yaml::Node& key = pair.key->resolved();
      if (!key.is_scalar()) continue;
      Parameter p;
      p.name = key.value;
      p.key = pair.key;
      p.definition = pair.value;
      if (const yaml::Node* type = pair.value->find("Type"); type && type->resolved().is_scalar())
        p.type = type->resolved().value;
      if (const yaml::Node* def = pair.value->find("Default")) {
        p.default_node = def;
        p.default_value = scalar_text(*def);
      }
      t.parameter_index.emplace(p.name, t.parameters.size());
      t.parameters.push_back(std::move(p));
    }
  }
  if (const yaml::Node* conditions = map.find("Conditions"); conditions && conditions->resolved().is_mapping()) {
    for (const yaml::Pair& pair : conditions->resolved().pairs) {
      const yaml::Node& key = pair.key->resolved();
      if (key.is_scalar()) t.conditions.emplace_back(key.value, pair.value);
    }
  }
  if (const yaml::Node* mappings = map.find("Mappings"); mappings && mappings->resolved().is_mapping())
    t.mappings = &mappings->resolved();
  if (const yaml::Node* resources = map.find("Resources"); resources && resources->resolved().is_mapping()) {
    for (const yaml::Pair& pair : resources->resolved().pairs) {
      const yaml::Node& key = pair.key->resolved();
      if (!key.is_scalar()) continue;
      TemplateResource r;
      r.logical_id = key.value;
      r.id_node = pair.key;
      r.definition = pair.value;
      const yaml::Node& def = pair.value->resolved();
      if (def.is_mapping()) {
        if (const yaml::Node* type = def.find("Type"); type && type->resolved().is_scalar()) {
          r.type = type->resolved().value;
          r.type_node = type;
        }
        if (const yaml::Node* props = def.find("Properties"); props && props->resolved().is_mapping())
          r.properties = &props->resolved();
        if (const yaml::Node* cond = def.find("Condition"); cond && cond->resolved().is_scalar())
          r.condition = cond->resolved().value;
      }
      t.resource_index.emplace(r.logical_id, t.resources.size());
      t.resources.push_back(std::move(r));
    }
  }
  return t;
}

}  // namespace iblint::cfn
