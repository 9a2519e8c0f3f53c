#pragma once
// Builders the emitter and baseline tests share: a span found in a text, a diagnostic of a rule.
#include <string>
#include <string_view>
#include <utility>

#include "engine/diagnostic.h"
#include "engine/rule.h"

namespace iblint::test_support {

/// The span of the nth (0-based) occurrence of needle in text.
inline Span find(const std::string& text, std::string_view needle, int nth = 0) {
  size_t at = text.find(needle);
  while (nth-- > 0) at = text.find(needle, at + 1);
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

/// A finding of rule at span, with the rule's default severity.
inline Diagnostic make(const RuleInfo& rule, Span span, std::string message) {
  Diagnostic d;
  d.rule = &rule;
  d.severity = rule.severity;
  d.span = span;
  d.message = std::move(message);
  return d;
}

}  // namespace iblint::test_support
