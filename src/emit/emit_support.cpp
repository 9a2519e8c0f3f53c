#include "emit/emit_support.h"

#include <algorithm>

#include "engine/rule.h"

namespace iblint {

Span clamp_span(const SourceFile* file, Span span) {
  if (file == nullptr) return {0, 0};
  uint32_t begin = std::min(span.begin, file->size());
  uint32_t end = std::clamp(span.end, begin, file->size());
  return {begin, end};
}

Range range_of(const SourceFile* file, Span span) {
  if (file == nullptr) return {};
  span = clamp_span(file, span);
  return {file->position(span.begin), file->position(span.end)};
}

std::string_view rule_id(const Diagnostic& diagnostic) {
  return diagnostic.rule != nullptr ? diagnostic.rule->id : std::string_view();
}

std::string_view rule_name(const Diagnostic& diagnostic) {
  return diagnostic.rule != nullptr ? diagnostic.rule->name : std::string_view();
}

}  // namespace iblint
