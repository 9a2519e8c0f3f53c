#pragma once
#include <functional>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/rule.h"
#include "source/source_file.h"
#include "source/span.h"

namespace iblint {

/// Applies inline suppression comments. Directives are read only from comments (the spans the
/// YAML layer collected), so `# iblint-disable-line` inside a block scalar is just text:
///
///   `# iblint-disable-next-line IB103`     the next line that is not a comment-only line
///   `# iblint-disable-line IB103, IB104`   the comment's own line (a trailing comment)
///   `# iblint-disable-file IB103`          the whole file, from anywhere in it
///
/// Rules are named by id or kebab-case name, separated by commas and/or spaces, optionally
/// followed by ` -- reason`; naming none means every rule. A diagnostic is on the line where
/// its span begins. Findings of unused_suppression_rule (IB009) are never suppressed.
///
/// Returns the diagnostics no directive suppressed, in their original order, followed (in
/// comment order) by one unused_suppression_rule diagnostic for each directive that suppressed
/// nothing, or for each rule in a directive that suppressed nothing while others in it did;
/// unknown rule names (with a did-you-mean from known_rules), IB009 itself and unknown
/// `iblint-*` directive words are reported the same way. Each such finding has a safe fix that
/// removes the comment (or just that rule from it).
///
/// When rule_ran is given, a named rule for which it returns false (the rule did not run on
/// this file, e.g. it is ignored in the configuration) is not reported as unused.
std::vector<Diagnostic> apply_suppressions(const SourceFile& file, const std::vector<Span>& comments,
                                           std::vector<Diagnostic> diagnostics,
                                           const RuleInfo& unused_suppression_rule,
                                           const std::vector<const RuleInfo*>& known_rules,
                                           const std::function<bool(const RuleInfo&)>& rule_ran = {});

}  // namespace iblint
