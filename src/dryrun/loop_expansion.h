#pragma once
// Expands a step's `loop` into its iterations (spec component-document.md §7): `forEach` lists,
// delimited `forEach.list` strings and `for` ranges. Values known only at run time stay one
// symbolic iteration, and expansion stops at kMaxLoopIterations.
#include <cstdint>
#include <string>
#include <vector>

#include "dryrun/bindings.h"
#include "dryrun/value_resolver.h"
#include "yaml/node.h"

namespace iblint::dryrun {

/// Iterations listed per step; a longer loop is reported as capped (the count stays exact).
inline constexpr uint64_t kMaxLoopIterations = 100;
/// Planned entries per plan after which loops list only their first iteration, so that a
/// hostile document (thousands of huge loops) cannot make the plan explode.
inline constexpr size_t kMaxPlannedSteps = 10000;

struct LoopIteration {
  uint64_t index = 0;
  std::string value;
};

/// A problem found while expanding, on one scalar of the loop.
struct LoopProblem {
  const yaml::Node* node = nullptr;
  ResolveProblem problem;
};

struct LoopExpansion {
  std::string name;                      ///< the loop's `name`, "" when unnamed
  std::vector<LoopIteration> iterations; ///< at most kMaxLoopIterations
  std::optional<uint64_t> count;         ///< how many times it runs; nullopt: decided at run time
  bool capped = false;                   ///< count > iterations.size()
  std::string decided_by;                ///< for an unknown count: the symbolic value that decides it
  const yaml::Node* source = nullptr;    ///< the node the iterations come from (for findings)
  std::vector<LoopProblem> problems;
};

/// Expands loop (a step's `loop` mapping). A malformed loop (lint IB211) expands to nothing.
LoopExpansion expand_loop(const yaml::Node& loop, const Bindings& bindings);

}  // namespace iblint::dryrun
