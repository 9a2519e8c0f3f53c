#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/profile.h"

namespace iblint {

class SourceFile;
namespace yaml { struct Stream; }
struct Component;
namespace expr { struct ExpressionIndex; }

/// What users see of a rule: a stable id, a kebab-case name, a default severity and a one-line
/// summary. The long documentation is rules/<ID>-<name>.md, embedded at build time.
struct RuleInfo {
  std::string_view id;
  std::string_view name;
  Severity severity;
  std::string_view summary;
  bool security = false;  ///< security rules get a security-severity in SARIF
};

/// Everything a rule may read about one file. Rules never read raw text for structure.
struct LintContext {
  const SourceFile& file;
  const yaml::Stream& yaml;
  const Component* component = nullptr;  ///< set when the file is an AWSTOE component document
  const expr::ExpressionIndex* expressions = nullptr;  ///< every `{{ … }}` of the component
  Profile profile = Profile::Current;
  unsigned platform = 0;  ///< the component's OS (catalog Platform bits) from --platform; 0 = unknown
  bool shellcheck = true;  ///< IB701 may run shellcheck (false with --no-shellcheck)
  bool shellcheck_rc = false;  ///< IB701 lets shellcheck read the user's .shellcheckrc (--shellcheckrc)
};

/// Collects one rule's findings.
class Reporter {
 public:
  explicit Reporter(const RuleInfo& rule) : rule_(rule) {}
  /// Reports at span with the rule's default severity; returns the diagnostic to add related
  /// spans or fixes.
  Diagnostic& report(Span span, std::string message);
  /// Project rules: reports at span of file (any file of the project).
  Diagnostic& report(const SourceFile& file, Span span, std::string message);
  std::vector<Diagnostic>& diagnostics() { return diagnostics_; }

 private:
  const RuleInfo& rule_;
  std::vector<Diagnostic> diagnostics_;
};

class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleInfo& info() const = 0;
  /// Rules that apply only to component documents say so; others also run on any YAML file
  /// that was recognised as an Image Builder document.
  virtual bool needs_component() const { return true; }
  /// Project rules (engine/project_rule.h) see every file at once and never run per file.
  virtual bool is_project_rule() const { return false; }
  virtual void check(const LintContext& context, Reporter& out) const = 0;
};

}  // namespace iblint
