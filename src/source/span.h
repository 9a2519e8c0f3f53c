#pragma once
#include <cstdint>

namespace iblint {

/// A half-open byte range [begin, end) into a SourceFile's bytes.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool empty() const { return begin == end; }
  bool contains(uint32_t offset) const { return begin <= offset && offset < end; }
  friend bool operator==(const Span&, const Span&) = default;
};

/// A 1-based line and a 1-based column counted in Unicode code points.
struct Position {
  uint32_t line = 1;
  uint32_t column = 1;
  friend bool operator==(const Position&, const Position&) = default;
};

}  // namespace iblint
