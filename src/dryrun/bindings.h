#pragma once
// What the names of `{{ }}` expressions stand for at one point of a dry run: parameters and
// constants of the component being run, the current loop iteration, and the steps that ran
// before in the same AWSTOE run (chaining, spec component-document.md §5–§7).
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "dryrun/plan.h"

namespace iblint::dryrun {

struct BoundVariable {
  std::string value;
  bool known = true;   ///< false: a parameter with no default and no value given
  std::string origin;  ///< constant | default | recipe | --param | unset
};

struct LoopBinding {
  std::string name;    ///< the loop's `name`, "" when unnamed
  uint64_t index = 0;
  std::string value;   ///< may hold a symbolic `<…>` value
};

/// A step that was planned earlier in the same AWSTOE run.
struct StepRecord {
  std::string action;
  Json inputs;                ///< resolved inputs of its first iteration
  bool looped = false;
  bool skipped = false;       ///< its condition is known to skip it: it produces no output
  bool may_be_skipped = false;  ///< its condition is decided at run time
};

struct Bindings {
  std::map<std::string, BoundVariable> variables;
  std::optional<LoopBinding> loop;
  std::map<std::string, StepRecord> steps;  ///< by "phase.step"
  std::set<std::string> document_steps;     ///< every "phase.step" the document declares

  static std::string step_key(std::string_view phase, std::string_view step);
};

}  // namespace iblint::dryrun
