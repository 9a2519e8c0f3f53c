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

Diagnostic& Reporter::report(const SourceFile& file, Span span, std::string message) {
  Diagnostic& d = report(span, std::move(message));
  d.file = &file;
  return d;
}

}  // namespace iblint
