#pragma once
#include <string>
#include <vector>

#include "engine/severity.h"
#include "source/span.h"

namespace iblint {

struct RuleInfo;

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
};

/// One finding: data only; emitters decide how it looks.
struct Diagnostic {
  const RuleInfo* rule = nullptr;
  Severity severity = Severity::Error;
  std::string message;
  Span span;
  std::vector<Related> related;
  std::vector<Fix> fixes;
};

}  // namespace iblint
