#pragma once
// Factories of every rule; the list lives in rules/registry.cpp.
#include <memory>

#include "engine/rule.h"
#include "model/component.h"

namespace iblint {

std::unique_ptr<Rule> make_yaml_syntax();
std::unique_ptr<Rule> make_duplicate_key();
std::unique_ptr<Rule> make_invalid_encoding();
std::unique_ptr<Rule> make_unused_suppression();
const RuleInfo& unused_suppression_rule();
std::unique_ptr<Rule> make_document_schema();
std::unique_ptr<Rule> make_duplicate_phase_name();
std::unique_ptr<Rule> make_duplicate_step_name();
std::unique_ptr<Rule> make_unknown_action();
std::unique_ptr<Rule> make_action_inputs();
std::unique_ptr<Rule> make_unexecuted_phase();
std::unique_ptr<Rule> make_step_options();

}  // namespace iblint
