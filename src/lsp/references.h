#pragma once
#include <string>

#include "lsp/document_analysis.h"

namespace iblint::lsp {

/// What a `{{ }}` expression refers to: the node to jump to and a description for hover.
struct ReferenceTarget {
  const yaml::Node* definition = nullptr;  ///< a step's name, a parameter's name, a loop; null when unresolved
  std::string markdown;                    ///< what the expression resolves to, and where
};

/// Resolves the expression at: chaining to the step it reads (and the input value or action
/// output), `{{ Name }}` to its parameter or constant, loop variables to the step's loop.
ReferenceTarget resolve_reference(const ExpressionAt& at, const SourceFile& file);

}  // namespace iblint::lsp
