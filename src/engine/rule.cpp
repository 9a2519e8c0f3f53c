#include "engine/rule.h"

namespace iblint {

Diagnostic& Reporter::report(Span span, std::string message) {
  Diagnostic& d = diagnostics_.emplace_back();
  d.rule = &rule_;
  d.severity = rule_.severity;
  d.message = std::move(message);
  d.span = span;
  return d;
}

}  // namespace iblint
