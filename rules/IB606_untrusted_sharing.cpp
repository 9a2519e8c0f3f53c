#include <regex>

#include "engine/project_rule.h"
#include "model/project.h"
#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

/// `o-abc123…` of an organization or organizational-unit ARN; "" for anything else.
std::string organization_id(const std::string& arn) {
  static const std::regex kOrg("arn:aws[^:]*:organizations::[0-9]{12}:(?:organization|ou)/(o-[a-z0-9]+).*");
  std::smatch m;
  return std::regex_match(arn, m, kOrg) ? m[1].str() : "";
}

/// Whether the trusted list covers a target: the same account id or ARN, or an organizational
/// unit of a trusted organization.
bool trusted(const std::vector<std::string>& list, const std::string& target) {
  for (const std::string& t : list) {
    if (t == target) return true;
    if (t.find(":organization/") != std::string::npos && target.find(":ou/") != std::string::npos &&
        organization_id(t) == organization_id(target))
      return true;
  }
  return false;
}

/// AMIs shared with accounts or organizations outside the `trusted-accounts` list.
class UntrustedSharing final : public ProjectRule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB606", "untrusted-sharing", Severity::Warning,
                               "The AMI is shared with accounts or organizations outside `trusted-accounts`", true};
    return rule;
  }

  void check_project(const ProjectContext& context, Reporter& out) const override {
    for (const DistributionConfiguration& d : context.project.distributions) {
      const Resource& r = *d.resource;
      for (const cfn::Value& entry : d.distributions.items) {
        const cfn::Value& ami = r.field(entry, "AmiDistributionConfiguration");
        const cfn::Value& permission = r.field(ami, "LaunchPermissionConfiguration");
        std::string region = r.field(entry, "Region").literal().value_or("");
        check(context, out, r, region, r.field(ami, "TargetAccountIds"), "TargetAccountIds", "copies the AMI into account");
        check(context, out, r, region, r.field(permission, "UserIds"), "UserIds", "lets account");
        check(context, out, r, region, r.field(permission, "OrganizationArns"), "OrganizationArns", "lets organization");
        check(context, out, r, region, r.field(permission, "OrganizationalUnitArns"), "OrganizationalUnitArns",
              "lets organizational unit");
      }
    }
  }

 private:
  static void check(const ProjectContext& context, Reporter& out, const Resource& r, const std::string& region,
                    const cfn::Value& targets, std::string_view field, std::string_view verb) {
    std::string name = r.api() ? Resource::api_name(field) : std::string(field);
    bool copies = field == "TargetAccountIds";
    for (const cfn::Value& target : targets.items) {
      std::optional<std::string> id = target.literal();  // parameters and `${AWS::AccountId}`: unknown
      if (!id || id->empty()) continue;
      std::string what = std::string(verb) + " " + code(*id) + (copies ? "" : " launch it");
      std::string where = region.empty() ? "" : " in " + region;
      if (!context.trusted_accounts) {
        Diagnostic& d = out.report(*r.file, target.span_or(r.anchor()),
                                   "distribution " + r.label() + " " + what + where + " (" + code(name) +
                                       "); list the accounts you trust under `trusted-accounts` in .iblint.yaml so "
                                       "iblint can tell intended sharing from a mistake");
        d.severity = Severity::Info;
        continue;
      }
      if (trusted(*context.trusted_accounts, *id)) continue;
      out.report(*r.file, target.span_or(r.anchor()),
                 "distribution " + r.label() + " " + what + where + " (" + code(name) + "), but " + code(*id) +
                     " is not in `trusted-accounts` of .iblint.yaml" +
                     did_you_mean(*id, {context.trusted_accounts->begin(), context.trusted_accounts->end()}) +
                     "; remove it, or add it to `trusted-accounts` if it is yours");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_untrusted_sharing() { return std::make_unique<UntrustedSharing>(); }

}  // namespace iblint
