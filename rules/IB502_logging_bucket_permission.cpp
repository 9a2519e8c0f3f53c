#include "engine/project_rule.h"
#include "iam/instance_permissions.h"
#include "iam/policy_reader.h"
#include "model/project.h"
#include "rules/project_support.h"
#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

/// Image Builder uploads the build's logs with the instance role: S3 logging needs
/// `s3:PutObject` on `arn:aws:s3:::<bucket>/<prefix>/*`.
class LoggingBucketPermission final : public ProjectRule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB502", "logging-bucket-permission", Severity::Warning,
                               "S3 logging is configured but the instance role grants no s3:PutObject on the bucket"};
    return rule;
  }

  void check_project(const ProjectContext& context, Reporter& out) const override {
    const Project& project = context.project;
    for (const InfrastructureConfiguration& infra : project.infrastructures) {
      const Resource& r = *infra.resource;
      if (!certainly_set(infra.logging_bucket)) continue;
      std::optional<iam::Text> bucket = iam::text_of(infra.logging_bucket, r);
      std::optional<iam::Text> prefix;
      if (!infra.logging_prefix.absent()) {
        prefix = iam::text_of(infra.logging_prefix, r);
        if (!prefix) continue;
      }
      if (!bucket || bucket->pieces.empty()) continue;
      std::optional<iam::InstancePermissions> permissions = iam::instance_permissions(project, infra);
      if (!permissions || iam::bucket_policy_may_apply(project, *bucket)) continue;
      // Logs go to <bucket>/<prefix>/<image name>/<version>/…: the key after the prefix is unknown.
      iam::Text path = *bucket;
      path.append_literal("/");
      if (prefix && !prefix->pieces.empty()) {
        iam::Text p = *prefix;
        if (!p.pieces.back().symbol && p.pieces.back().text.ends_with('/')) p.pieces.back().text.pop_back();
        if (!p.pieces.empty() && !p.pieces.front().symbol && p.pieces.front().text.starts_with('/'))
          p.pieces.front().text.erase(0, 1);
        path.append(p).append_literal("/");
      }
      iam::Text shown = iam::s3_arn(path);
      shown.append_literal("*");
      path.append_symbol("log object");
      iam::Decision decision = permissions->evaluate("s3:PutObject", iam::s3_arn(path));
      if (decision != iam::Decision::NotAllowed && decision != iam::Decision::Denied) continue;
      const Resource& role = *permissions->role->resource;
      std::string why = decision == iam::Decision::Denied ? "a statement denies it" : "no policy allows it";
      Diagnostic& d = out.report(
          *r.file, infra.logging_bucket.span_or(r.anchor()),
          "infrastructure configuration " + r.label() + " sends logs to S3 bucket " + code(bucket->str()) +
              ", but its instance role " + role.label() + " has no `s3:PutObject` on " + code(shown.str()) + " (" +
              why + "): the log upload fails with AccessDenied (403); grant `s3:PutObject` on " + code(shown.str()) +
              (context.profile == Profile::Seed2020 ? profile_note(context.profile) : ""));
      if (context.profile == Profile::Seed2020) d.severity = Severity::Error;  // the 2020 build failed on it
      d.related.push_back({role.anchor(), "the instance role " + role.label() + " is defined here", role.file});
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_logging_bucket_permission() { return std::make_unique<LoggingBucketPermission>(); }

}  // namespace iblint
