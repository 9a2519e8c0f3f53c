#pragma once
// A dry run from files to plan: reads the YAML of each file, builds the project graph from the
// templates and API requests, takes component documents given on their own, and plans. Owns
// everything the plan's findings point into.
#include <memory>
#include <string>
#include <vector>

#include "dryrun/plan.h"
#include "dryrun/planner.h"
#include "engine/report.h"
#include "model/project.h"
#include "source/source_file.h"
#include "yaml/parser.h"

namespace iblint::dryrun {

struct DryRunOptions {
  ParameterOverrides overrides;
  std::string platform;  ///< Linux | Windows | ""
  std::string profile = "current";
};

struct DryRun {
  std::vector<std::shared_ptr<const SourceFile>> files;
  std::vector<std::shared_ptr<const yaml::Stream>> streams;
  std::unique_ptr<Project> project;
  std::vector<std::unique_ptr<Component>> components;
  std::unique_ptr<Plan> plan;  ///< null when there is nothing to plan (see error)
  Report findings;             ///< plan->findings grouped by file, sorted by position
  std::string error;
};

/// Plans the files (each one readable text). Never executes or fetches anything.
std::unique_ptr<DryRun> dry_run(const std::vector<std::shared_ptr<const SourceFile>>& files, const DryRunOptions& options);

}  // namespace iblint::dryrun
