#include <optional>
#include <set>

#include "engine/project_rule.h"
#include "model/project.h"
#include "rules/project_support.h"
#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

/// Ports that administer a host: SSH, RDP, WinRM over HTTP and HTTPS.
constexpr long kAdminPorts[] = {22, 3389, 5985, 5986};

std::optional<long> port(const cfn::Value& v) {
  std::optional<std::string> text = v.literal();
  if (!text) return std::nullopt;
  try {
    size_t used = 0;
    long n = std::stol(*text, &used);
    if (used == text->size()) return n;
  } catch (...) {
  }
  return std::nullopt;
}

/// Build instances need no inbound access (Image Builder reaches them through SSM's outbound
/// channel), so ingress from anywhere only widens what an attacker can reach while they run.
class PermissiveSecurityGroup final : public ProjectRule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB604", "permissive-security-group", Severity::Error,
                               "A build security group allows ingress from 0.0.0.0/0 or ::/0"};
    return rule;
  }

  void check_project(const ProjectContext& context, Reporter& out) const override {
    const Project& project = context.project;
    std::set<const yaml::Node*> reported;
    for (const InfrastructureConfiguration& infra : project.infrastructures) {
      for (const Link& link : infra.security_groups) {
        const SecurityGroup* group = security_group_behind(project, link);
        if (!group) continue;
        for (const IngressRule& rule : group->ingress) {
          if (!reported.insert(rule.node).second) continue;
          check(*group, rule, infra, link, out);
        }
      }
    }
  }

 private:
  static void check(const SecurityGroup& group, const IngressRule& rule, const InfrastructureConfiguration& infra,
                    const Link& link, Reporter& out) {
    const cfn::Value* open = nullptr;
    if (rule.cidr_ip.literal() == "0.0.0.0/0") open = &rule.cidr_ip;
    else if (rule.cidr_ipv6.literal() == "::/0") open = &rule.cidr_ipv6;
    if (!open) return;
    const Resource& where = rule.resource ? *rule.resource : *group.resource;
    std::optional<std::string> protocol = rule.ip_protocol.literal();
    std::optional<long> from = port(rule.from_port), to = port(rule.to_port);
    std::string reach;
    bool admin = false;
    if (protocol == "-1" || protocol == "all") {
      reach = "all traffic";
      admin = true;
    } else if ((protocol == "tcp" || protocol == "6") && from && to) {
      for (long p : kAdminPorts) {
        if ((*from <= p && p <= *to) || *from == -1) {
          admin = true;
          reach = *from == *to ? "port " + std::to_string(p) + " (" + admin_name(p) + ")"
                               : "ports " + std::to_string(*from) + "-" + std::to_string(*to) + " (including " +
                                     admin_name(p) + ")";
          break;
        }
      }
      if (!admin) reach = *from == *to ? "port " + std::to_string(*from) : "ports " + std::to_string(*from) + "-" + std::to_string(*to);
    } else {
      reach = protocol ? code(*protocol) + " traffic" : "traffic";
    }
    std::string message = "security group " + group.resource->label() + " allows " + reach + " from anywhere (" +
                          code(open->text) + ") to the build instances of infrastructure configuration " +
                          infra.resource->label() +
                          "; they need no inbound access (Image Builder reaches them through SSM's outbound "
                          "connection): remove this ingress rule or limit it to a known range";
    Diagnostic& d = out.report(*where.file, open->span_or(where.anchor()), std::move(message));
    if (!admin) d.severity = Severity::Warning;
    d.related.push_back({link.value.span_or(infra.resource->anchor()),
                         "the group is used by infrastructure configuration " + infra.resource->label(),
                         infra.resource->file});
  }

  static std::string admin_name(long p) {
    switch (p) {
      case 22: return "SSH";
      case 3389: return "RDP";
      default: return "WinRM";
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_permissive_security_group() { return std::make_unique<PermissiveSecurityGroup>(); }

}  // namespace iblint
