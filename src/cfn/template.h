#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "source/source_file.h"
#include "yaml/node.h"

namespace iblint::cfn {

struct Parameter {
  std::string name;
  const yaml::Node* key = nullptr;         ///< the parameter's key under Parameters
  const yaml::Node* definition = nullptr;  ///< its mapping {Type, Default, AllowedValues, …}
  std::string type;                        ///< "String", "AWS::EC2::Subnet::Id", …
  const yaml::Node* default_node = nullptr;
  std::optional<std::string> default_value;  ///< a scalar Default; lists are joined by commas
};

struct TemplateResource {
  std::string logical_id;
  const yaml::Node* id_node = nullptr;     ///< the logical id key
  const yaml::Node* definition = nullptr;  ///< {Type, Properties, Condition, DependsOn, …}
  std::string type;                        ///< "AWS::ImageBuilder::Component"
  const yaml::Node* type_node = nullptr;
  const yaml::Node* properties = nullptr;  ///< the Properties mapping (null when missing)
  std::string condition;                   ///< the resource's Condition name, "" when none
};

/// A CloudFormation template (YAML or JSON) read leniently: malformed sections are skipped,
/// never fatal. Nodes belong to the yaml::Stream the template was read from.
struct Template {
  const SourceFile* file = nullptr;
  const yaml::Node* root = nullptr;
  std::vector<Parameter> parameters;
  std::vector<std::pair<std::string, const yaml::Node*>> conditions;  ///< name → expression
  const yaml::Node* mappings = nullptr;
  std::vector<TemplateResource> resources;  ///< in file order

  /// Name → position in parameters / resources (first definition), for constant-time lookups.
  std::unordered_map<std::string, size_t> parameter_index, resource_index;

  const Parameter* parameter(std::string_view name) const;
  const TemplateResource* resource(std::string_view logical_id) const;
  const yaml::Node* condition(std::string_view name) const;
};

Template load_template(const SourceFile& file, const yaml::Node& root);

/// AWS::Region, AWS::AccountId, AWS::StackName, … — values known only at deployment.
bool is_pseudo_parameter(std::string_view name);

}  // namespace iblint::cfn
