#pragma once
// Evaluates a step's `if` (spec component-document.md §9) over the bindings: true or false
// where every operand is known, otherwise "decided at run time" with what decides it. Checks
// of the instance (fileExists, binaryExists, …) are never known before the build.
#include <vector>

#include "dryrun/bindings.h"
#include "dryrun/plan.h"
#include "dryrun/value_resolver.h"
#include "yaml/node.h"

namespace iblint::dryrun {

struct ConditionProblem {
  const yaml::Node* node = nullptr;  ///< the scalar holding the expression
  ResolveProblem problem;
};

struct ConditionResult {
  PlannedCondition condition;
  std::vector<ConditionProblem> problems;
};

ConditionResult evaluate_condition(const yaml::Node& if_node, const Bindings& bindings);

}  // namespace iblint::dryrun
