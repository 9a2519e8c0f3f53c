#pragma once
#include <string>
#include <vector>

#include "yaml/node.h"

namespace iblint {

/// One step of a phase. Every field points at its YAML node (null when absent), so rules can
/// report at the exact span; the string copies are for convenience.
struct Step {
  const yaml::Node* node = nullptr;  ///< the step's mapping
  std::string name;                  ///< "" when missing or not a string
  const yaml::Node* name_node = nullptr;
  std::string action;
  const yaml::Node* action_node = nullptr;
  const yaml::Node* inputs = nullptr;
  const yaml::Node* timeout_seconds = nullptr;
  const yaml::Node* on_failure = nullptr;
  const yaml::Node* max_attempts = nullptr;
  const yaml::Node* condition = nullptr;  ///< `if`
  const yaml::Node* loop = nullptr;
};

struct Phase {
  const yaml::Node* node = nullptr;
  std::string name;
  const yaml::Node* name_node = nullptr;
  const yaml::Node* steps_node = nullptr;
  std::vector<Step> steps;
};

/// A parameter or constant declared by the document.
struct Variable {
  std::string name;
  const yaml::Node* name_node = nullptr;   ///< the key naming it
  const yaml::Node* definition = nullptr;  ///< its mapping {type, default|value, description}
  bool constant = false;
};

/// An AWSTOE component document (spec/component-document.md §2), read leniently: malformed
/// parts are left out here and reported by the document-schema rule.
struct Component {
  const yaml::Node* root = nullptr;
  const yaml::Node* name = nullptr;
  const yaml::Node* description = nullptr;
  const yaml::Node* schema_version = nullptr;
  const yaml::Node* parameters_node = nullptr;
  const yaml::Node* constants_node = nullptr;
  const yaml::Node* phases_node = nullptr;
  std::vector<Variable> variables;
  std::vector<Phase> phases;
};

}  // namespace iblint
