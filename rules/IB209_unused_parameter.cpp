#include <set>

#include "expr/occurrences.h"
#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

class UnusedParameter final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB209", "unused-parameter", Severity::Info,
                               "A declared parameter or constant is never used"};
    return rule;
  }
  void check(const LintContext& context, Reporter& out) const override {
    std::set<std::string> used;
    for (const expr::Occurrence& o : context.expressions->occurrences) {
      for (const expr::Expression& e : o.scan.expressions) {
        if (e.kind == expr::ExpressionKind::Variable) used.insert(e.segments[0].text);
      }
    }
    for (const Variable& v : context.component->variables) {
      if (v.name.empty() || used.count(v.name)) continue;
      out.report(v.name_node->span, std::string(v.constant ? "constant " : "parameter ") + code(v.name) +
                                        " is declared but never used as " + code("{{ " + v.name + " }}") +
                                        "; remove it or use it");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_unused_parameter() { return std::make_unique<UnusedParameter>(); }

}  // namespace iblint
