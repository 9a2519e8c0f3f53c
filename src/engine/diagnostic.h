#pragma once
#include <string>
#include <vector>

#include "engine/severity.h"
#include "source/span.h"

namespace iblint {

struct RuleInfo;
class SourceFile;

/// Replace the bytes of span with replacement.
struct Edit {
  Span span;
  std::string replacement;
};

/// A fix is a set of edits applied together; safe fixes never change what the document means.
struct Fix {
  std::string title;
  std::vector<Edit> edits;
  bool safe = true;
};

/// A secondary location that explains a finding ("first defined here").
struct Related {
  Span span;
  std::string message;
  const SourceFile* file = nullptr;  ///< the file span is in; null: the diagnostic's own file
};

/// One finding: data only; emitters decide how it looks.
struct Diagnostic {
  const RuleInfo* rule = nullptr;
  Severity severity = Severity::Error;
  std::string message;
  Span span;
  std::vector<Related> related;
  std::vector<Fix> fixes;
  /// The file span is in. Null means the file being linted (every per-file rule); project rules
  /// set it, and the CLI hands the diagnostic to that file's results.
  const SourceFile* file = nullptr;
};

}  // namespace iblint
