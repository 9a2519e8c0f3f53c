// The one list of rules. Adding a rule: write rules/<ID>_<name>.cpp with its make_<name>()
// factory (declared in rules/rules.h), its doc page rules/<ID>-<name>.md, its fixtures under
// fixtures/rules/<ID>/, and one line here.
#include "engine/registry.h"
#include "rules/rules.h"

namespace iblint {

const std::vector<std::unique_ptr<Rule>>& all_rules() {
  static const std::vector<std::unique_ptr<Rule>> rules = [] {
    std::vector<std::unique_ptr<Rule>> r;
    r.push_back(make_yaml_syntax());
    r.push_back(make_duplicate_key());
    r.push_back(make_invalid_encoding());
    r.push_back(make_unused_suppression());
    r.push_back(make_document_schema());
    r.push_back(make_duplicate_phase_name());
    r.push_back(make_duplicate_step_name());
    r.push_back(make_unknown_action());
    r.push_back(make_action_inputs());
    r.push_back(make_unexecuted_phase());
    r.push_back(make_step_options());
    r.push_back(make_unquoted_chaining());
    r.push_back(make_expression_syntax());
    r.push_back(make_chaining_outside_inputs());
    r.push_back(make_invalid_index());
    r.push_back(make_unresolved_reference());
    r.push_back(make_forward_reference());
    r.push_back(make_cross_stage_reference());
    r.push_back(make_undefined_variable());
    r.push_back(make_unused_parameter());
    r.push_back(make_action_platform());
    r.push_back(make_reboot_semantics());
    r.push_back(make_parameter_definition());
    r.push_back(make_loop_definition());
    r.push_back(make_condition_definition());
    r.push_back(make_hardcoded_secret());
    r.push_back(make_insecure_download());
    r.push_back(make_weakened_host_security());
    r.push_back(make_shellcheck());
    r.push_back(make_step_timeouts());
    r.push_back(make_resource_schema());
    r.push_back(make_dangling_reference());
    r.push_back(make_vpc_required());
    r.push_back(make_vpc_endpoint_unsupported());
    r.push_back(make_instance_profile_policies());
    r.push_back(make_logging_bucket_permission());
    r.push_back(make_component_permissions());
    r.push_back(make_missing_instance_profile());
    r.push_back(make_permissive_security_group());
    r.push_back(make_imds_v1());
    r.push_back(make_recipe_component_parameters());
    r.push_back(make_platform_mismatch());
    r.push_back(make_encrypted_ami());
    r.push_back(make_unsupported_os());
    r.push_back(make_public_image());
    r.push_back(make_untrusted_sharing());
    r.push_back(make_missing_patching());
    r.push_back(make_no_build_component());
    r.push_back(make_unresolved_value());
    r.push_back(make_empty_loop());
    r.push_back(make_condition_never_passes());
    r.push_back(make_output_never_produced());
    r.push_back(make_empty_stage());
    r.push_back(make_duplicate_region());
    r.push_back(make_stage_time_budget());
    return r;
  }();
  return rules;
}

}  // namespace iblint
