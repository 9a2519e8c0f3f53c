#include "dryrun/dry_run.h"

#include "engine/linter.h"
#include "load/component_loader.h"
#include "load/document_kind.h"
#include "load/project_loader.h"

namespace iblint::dryrun {

std::unique_ptr<DryRun> dry_run(const std::vector<std::shared_ptr<const SourceFile>>& files, const DryRunOptions& options) {
  auto run = std::make_unique<DryRun>();
  run->files = files;
  PlanRequest request;
  std::vector<ProjectInput> inputs;
  for (const auto& file : files) {
    if (is_unreadable(*file)) continue;
    std::shared_ptr<const yaml::Stream> stream = yaml::parse(*file);
    run->streams.push_back(stream);
    bool resources = false;
    for (const yaml::Node* root : stream->documents) {
      Classification kind = classify(*root);
      if (kind.kind == DocumentKind::Component) {
        run->components.push_back(std::make_unique<Component>(load_component(*root)));
        request.components.push_back({file.get(), run->components.back().get()});
      }
      resources = resources || kind.kind == DocumentKind::CloudFormation || kind.kind == DocumentKind::ApiRequest;
    }
    if (resources) inputs.push_back({file, stream});
  }
  if (!inputs.empty()) run->project = load_project(inputs);
  request.project = run->project.get();
  request.overrides = options.overrides;
  request.platform = options.platform;
  run->plan = make_plan(request, run->error);
  if (!run->plan) return run;
  run->plan->pipeline["profile"] = options.profile;
  for (const auto& file : files) {
    FileResult result{file->path(), file, {}};
    for (const Diagnostic& d : run->plan->findings) {
      if (d.file == file.get()) result.diagnostics.push_back(d);
    }
    if (result.diagnostics.empty()) continue;
    sort_diagnostics(result.diagnostics);
    run->findings.files.push_back(std::move(result));
  }
  run->findings.files_linted = files.size();
  return run;
}

}  // namespace iblint::dryrun
