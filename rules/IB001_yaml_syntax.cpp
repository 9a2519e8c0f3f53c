#include "rules/rules.h"
#include "source/source_file.h"
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
    const SourceFile& file = context.file;
    for (const yaml::SyntaxError& error : context.yaml.errors) {
      // An invalid UTF-8 byte also breaks the parse; IB003 names the real cause.
      uint32_t line = file.line_of(error.span.begin);
      SourceFile line_text("", std::string(file.line_text(line)));
      if (line_text.first_invalid_utf8()) continue;
      out.report(error.span, error.message);
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_yaml_syntax() { return std::make_unique<YamlSyntax>(); }

}  // namespace iblint
