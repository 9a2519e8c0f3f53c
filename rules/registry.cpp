// The one list of rules. Adding a rule: write rules/<ID>_<name>.cpp with its
// make_<name>() factory, its doc page rules/<ID>-<name>.md, its fixtures, and one line here.
#include "engine/registry.h"

namespace iblint {

const std::vector<std::unique_ptr<Rule>>& all_rules() {
  static const std::vector<std::unique_ptr<Rule>> rules = [] {
    std::vector<std::unique_ptr<Rule>> r;
    return r;
  }();
  return rules;
}

}  // namespace iblint
