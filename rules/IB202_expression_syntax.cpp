#include "expr/occurrences.h"
#include "rules/rules.h"

namespace iblint {
namespace {

class ExpressionSyntax final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB202", "expression-syntax", Severity::Error,
                               "A `{{ }}` expression cannot be read"};
    return rule;
  }
  void check(const LintContext& context, Reporter& out) const override {
    for (const expr::Occurrence& o : context.expressions->occurrences) {
      for (const expr::SyntaxError& e : o.scan.errors) out.report(o.span(e.range), e.message);
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_expression_syntax() { return std::make_unique<ExpressionSyntax>(); }

}  // namespace iblint
