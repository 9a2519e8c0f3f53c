#include "rules/rules.h"
#include "yaml/parser.h"

namespace iblint {
namespace {

class YamlSyntax final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB001", "yaml-syntax", Severity::Error, "The file is not valid YAML"};
    return rule;
  }
  bool needs_component() const override { return false; }
  void check(const LintContext& context, Reporter& out) const override {
    for (const yaml::SyntaxError& error : context.yaml.errors) out.report(error.span, error.message);
  }
};

}  // namespace

std::unique_ptr<Rule> make_yaml_syntax() { return std::make_unique<YamlSyntax>(); }

}  // namespace iblint
