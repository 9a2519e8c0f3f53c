#pragma once
// Findings of the per-script checks of IB602 and IB603, kept across lints of one thread. The
// language server re-lints the whole document after each keystroke; an edit touches one script,
// so every other script's findings can be replayed instead of checked again. A script check
// reads only the scalar's decoded value, its source text (to place findings exactly,
// rules/scalar_span.h) and the shell, so those three (with the rule) are the key, and the
// findings are stored relative to where the scalar starts.
#include <functional>

#include "engine/rule.h"
#include "rules/shell_script.h"
#include "source/source_file.h"
#include "yaml/node.h"

namespace iblint {

/// Runs check on a reporter of rule and adds its findings to out, or adds the findings that
/// check gave for a scalar with the same value, source text and shell, moved to node. check must
/// read nothing but node.value, file.text(node.span) and shell. Findings with a span outside the
/// scalar are never replayed (that check runs every time). The cache is bounded
/// (kScriptFindingsCacheBytes of script text; it starts over when full).
void cached_script_findings(const RuleInfo& rule, const SourceFile& file, const yaml::Node& node, Shell shell,
                            Reporter& out, const std::function<void(Reporter&)>& check);

inline constexpr size_t kScriptFindingsCacheBytes = 16u << 20;

/// Whether lints keep per-script and per-scalar results (this cache, find_secrets_memoized) for
/// the next lint of the same text. The language server turns it on (lsp::DocumentAnalysis); a
/// command-line run lints each text once, where filling the caches would only cost. Off by
/// default; process-wide (each thread still has caches of its own).
void keep_results_between_lints(bool on);
bool keeping_results_between_lints();

}  // namespace iblint
