#pragma once
// Substitutes every `{{ }}` of one scalar value with what the bindings know: parameters and
// constants concretely, loop variables per iteration, chained inputs concretely and chained
// outputs symbolically (`<stdout of build.InstallApp>`). Never executes anything.
#include <string>
#include <string_view>
#include <vector>

#include "dryrun/bindings.h"
#include "expr/expression.h"

namespace iblint::dryrun {

/// Why part of a value cannot be known when the plan is made.
enum class ProblemKind {
  Unresolved,   ///< the name stands for nothing at run time (IB801)
  NotProduced,  ///< reads the output of a step that does not run on this path (IB804)
};

struct ResolveProblem {
  ProblemKind kind;
  expr::Range range;  ///< the `{{ … }}` in the decoded value
  std::string message;
};

struct Resolution {
  std::string text;      ///< the value with every expression substituted
  bool symbolic = false; ///< text holds a value known only at run time
  std::vector<ResolveProblem> problems;
};

Resolution resolve_value(std::string_view value, const Bindings& bindings);

}  // namespace iblint::dryrun
