#pragma once
// Turns the project graph into the ordered plan (spec pipeline-semantics.md §4): build stage
// (each component's build and validate phases, in recipe order), image creation, test stage
// (test phases), then distribution to each region and account. A lone recipe plans build and
// test; lone component documents plan as a recipe of those documents, in the order given.
#include <memory>
#include <string>
#include <vector>

#include "dryrun/plan.h"
#include "dryrun/step_simulator.h"
#include "model/component.h"
#include "model/project.h"
#include "source/source_file.h"

namespace iblint::dryrun {

/// A component document given on its own (not inside a template or request).
struct LoneComponent {
  const SourceFile* file = nullptr;
  const Component* component = nullptr;
};

struct PlanRequest {
  const Project* project = nullptr;        ///< templates and API requests; may be null
  std::vector<LoneComponent> components;   ///< lone documents, in command-line order
  ParameterOverrides overrides;            ///< --param name=value
  std::string platform;                    ///< Linux | Windows | "" (from --platform)
};

/// Plans what the inputs describe: the first pipeline (or one-off image) if any, else the
/// first recipe, else the lone components. Returns null (with why) when there is nothing to plan.
std::unique_ptr<Plan> make_plan(const PlanRequest& request, std::string& why_not);

}  // namespace iblint::dryrun
