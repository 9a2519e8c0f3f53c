#include "rules/scalar_span.h"

#include <string_view>

namespace iblint {
namespace {

/// How many times needle occurs in text (overlapping), and where the index-th one starts.
size_t count_occurrences(std::string_view text, std::string_view needle, size_t index, size_t* where) {
  size_t count = 0;
  for (size_t p = text.find(needle); p != std::string_view::npos; p = text.find(needle, p + 1)) {
    if (count == index) *where = p;
    ++count;
  }
  return count;
}

}  // namespace

std::optional<Span> exact_scalar_span(const SourceFile& file, const yaml::Node& node, size_t begin, size_t end) {
  const std::string& value = node.value;
  if (!node.is_scalar() || begin >= end || end > value.size() || node.span.end > file.size()) return std::nullopt;
  std::string_view needle = std::string_view(value).substr(begin, end - begin);
  size_t index = 0, total = 0;
  for (size_t p = value.find(needle); p != std::string::npos; p = value.find(needle, p + 1)) {
    if (p < begin) ++index;
    ++total;
  }
  std::string_view raw = file.text(node.span);
  size_t where = std::string_view::npos;
  if (count_occurrences(raw, needle, index, &where) != total || where == std::string_view::npos) return std::nullopt;
  uint32_t at = node.span.begin + static_cast<uint32_t>(where);
  return Span{at, at + static_cast<uint32_t>(needle.size())};
}

Span scalar_span(const SourceFile& file, const yaml::Node& node, size_t begin, size_t end) {
  std::optional<Span> exact = exact_scalar_span(file, node, begin, end);
  return exact ? *exact : node.span;
}

}  // namespace iblint
