#pragma once
// Project rules: rules that see the whole project (every template and API request given on
// one command line, linked into one graph) instead of one file.
//
// Writing one (copy rules/IB402_dangling_reference.cpp):
//   class MyRule final : public ProjectRule {
//     const RuleInfo& info() const override { static const RuleInfo r{"IB4xx", "kebab-name", Severity::Error, "…"}; return r; }
//     void check_project(const ProjectContext& context, Reporter& out) const override {
//       for (const ImagePipeline& p : context.project.pipelines) {
//         const InfrastructureConfiguration* infra = context.project.infrastructure_of(p.infrastructure);
//         if (!infra) continue;                        // unresolved: never guess
//         const Resource& r = *infra->resource;
//         out.report(*r.file, infra->subnet_id.span_or(r.anchor()), "…")   // lands in r.file's output
//             .related.push_back({p.resource->anchor(), "used by this pipeline", p.resource->file});
//       }
//     }
//   };
// Always pass the file: a project diagnostic without one is dropped. Spans are byte spans of
// that file: cfn::Value::span_or / Resource::anchor for template and request nodes, and
// ComponentResource::outer_span(node->span) for nodes of an embedded component document
// (a JSON-escaped or `!Sub` document is parsed from decoded text). Related spans (with their
// own file) may point into other files.
// Suppressions, --select/--ignore, config severities and every emitter then treat the finding
// like any other finding of that file. Register the rule in rules/registry.cpp as usual.
#include <string>
#include <vector>

#include "engine/profile.h"
#include "engine/rule.h"

namespace iblint {

struct Project;

struct ProjectContext {
  const Project& project;
  Profile profile = Profile::Current;
  /// `.iblint.yaml` `trusted-accounts`; null when not configured.
  const std::vector<std::string>* trusted_accounts = nullptr;
};

class ProjectRule : public Rule {
 public:
  bool needs_component() const override { return false; }
  bool is_project_rule() const override { return true; }
  void check(const LintContext&, Reporter&) const override {}
  virtual void check_project(const ProjectContext& context, Reporter& out) const = 0;
};

}  // namespace iblint
