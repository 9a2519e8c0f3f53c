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
std::unique_ptr<Rule> make_unquoted_chaining();
std::unique_ptr<Rule> make_expression_syntax();
std::unique_ptr<Rule> make_chaining_outside_inputs();
std::unique_ptr<Rule> make_invalid_index();
std::unique_ptr<Rule> make_unresolved_reference();
std::unique_ptr<Rule> make_forward_reference();
std::unique_ptr<Rule> make_cross_stage_reference();
std::unique_ptr<Rule> make_undefined_variable();
std::unique_ptr<Rule> make_unused_parameter();
std::unique_ptr<Rule> make_action_platform();
std::unique_ptr<Rule> make_reboot_semantics();
std::unique_ptr<Rule> make_parameter_definition();
std::unique_ptr<Rule> make_loop_definition();
std::unique_ptr<Rule> make_condition_definition();
std::unique_ptr<Rule> make_hardcoded_secret();
std::unique_ptr<Rule> make_insecure_download();
std::unique_ptr<Rule> make_weakened_host_security();
std::unique_ptr<Rule> make_shellcheck();
std::unique_ptr<Rule> make_step_timeouts();
std::unique_ptr<Rule> make_resource_schema();
std::unique_ptr<Rule> make_dangling_reference();
std::unique_ptr<Rule> make_vpc_required();
std::unique_ptr<Rule> make_vpc_endpoint_unsupported();
std::unique_ptr<Rule> make_instance_profile_policies();
std::unique_ptr<Rule> make_logging_bucket_permission();
std::unique_ptr<Rule> make_component_permissions();
std::unique_ptr<Rule> make_missing_instance_profile();
std::unique_ptr<Rule> make_permissive_security_group();
std::unique_ptr<Rule> make_imds_v1();
std::unique_ptr<Rule> make_recipe_component_parameters();
std::unique_ptr<Rule> make_platform_mismatch();
std::unique_ptr<Rule> make_encrypted_ami();
std::unique_ptr<Rule> make_unsupported_os();
std::unique_ptr<Rule> make_public_image();
std::unique_ptr<Rule> make_untrusted_sharing();
std::unique_ptr<Rule> make_missing_patching();
std::unique_ptr<Rule> make_no_build_component();

// Dry-run rules (IB8xx): reported by `iblint dry-run` only.
std::unique_ptr<Rule> make_unresolved_value();
const RuleInfo& unresolved_value_rule();
std::unique_ptr<Rule> make_empty_loop();
const RuleInfo& empty_loop_rule();
std::unique_ptr<Rule> make_condition_never_passes();
const RuleInfo& condition_never_passes_rule();
std::unique_ptr<Rule> make_output_never_produced();
const RuleInfo& output_never_produced_rule();
std::unique_ptr<Rule> make_empty_stage();
const RuleInfo& empty_stage_rule();
std::unique_ptr<Rule> make_duplicate_region();
const RuleInfo& duplicate_region_rule();
std::unique_ptr<Rule> make_stage_time_budget();
const RuleInfo& stage_time_budget_rule();

}  // namespace iblint
