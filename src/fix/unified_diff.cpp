#include "fix/unified_diff.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace iblint {
namespace {

/// The lines of text, each with its line break.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t at = 0;
  while (at < text.size()) {
    size_t lf = text.find('\n', at);
    size_t end = lf == std::string_view::npos ? text.size() : lf + 1;
    lines.push_back(text.substr(at, end - at));
    at = end;
  }
  return lines;
}

/// Marks the lines of a that are deleted and the lines of b that are inserted so that the
/// unmarked lines form a longest common subsequence (Myers 1986, section 4b, after the
/// bisection in Neil Fraser's diff-match-patch). Texts with very many differences would take
/// O((N+M)·D) time: past a work budget, what remains is marked replaced whole (still a correct
/// diff, only not the shortest).
class Myers {
 public:
  using Lines = std::vector<std::string_view>;
  /// budget: how many steps (diagonals visited and lines compared) the whole diff may take.
  Myers(const Lines& a, const Lines& b, std::vector<char>& deleted, std::vector<char>& inserted, int64_t budget)
      : a_(a), b_(b), deleted_(deleted), inserted_(inserted), budget_(budget) {}

  void diff(int a_lo, int a_hi, int b_lo, int b_hi) {
    while (a_lo < a_hi && b_lo < b_hi && a_[a_lo] == b_[b_lo]) ++a_lo, ++b_lo;
    while (a_lo < a_hi && b_lo < b_hi && a_[a_hi - 1] == b_[b_hi - 1]) --a_hi, --b_hi;
    if (a_lo == a_hi || b_lo == b_hi) return replace(a_lo, a_hi, b_lo, b_hi);
    std::optional<std::pair<int, int>> split = middle_snake(a_lo, a_hi, b_lo, b_hi);
    if (!split || (split->first == a_lo && split->second == b_lo) || (split->first == a_hi && split->second == b_hi)) {
      return replace(a_lo, a_hi, b_lo, b_hi);
    }
    diff(a_lo, split->first, b_lo, split->second);
    diff(split->first, a_hi, split->second, b_hi);
  }

 private:
  void replace(int a_lo, int a_hi, int b_lo, int b_hi) {
    for (int i = a_lo; i < a_hi; ++i) deleted_[i] = 1;
    for (int j = b_lo; j < b_hi; ++j) inserted_[j] = 1;
  }

  /// A point on an optimal path near its middle, where the forward and backward searches meet.
  std::optional<std::pair<int, int>> middle_snake(int a_lo, int a_hi, int b_lo, int b_hi) {
    const int n = a_hi - a_lo;
    const int m = b_hi - b_lo;
    const int max_d = (n + m + 1) / 2;
    const int offset = max_d;
    const int length = 2 * max_d + 2;
    std::vector<int> forward(length, -1);
    std::vector<int> backward(length, -1);
    forward[offset + 1] = 0;
    backward[offset + 1] = 0;
    const int delta = n - m;
    if (budget_ <= 0) return std::nullopt;
    const bool front = delta % 2 != 0;  // odd: the forward search detects the overlap
    int k1_start = 0, k1_end = 0, k2_start = 0, k2_end = 0;
    auto a_at = [&](int x) { return a_[a_lo + x]; };
    auto b_at = [&](int y) { return b_[b_lo + y]; };
    for (int d = 0; d < max_d; ++d) {
      budget_ -= 2 * static_cast<int64_t>(d) + 2;
      if (budget_ <= 0) return std::nullopt;
      for (int k1 = -d + k1_start; k1 <= d - k1_end; k1 += 2) {
        const int k1_offset = offset + k1;
        int x1 = (k1 == -d || (k1 != d && forward[k1_offset - 1] < forward[k1_offset + 1]))
                     ? forward[k1_offset + 1]
                     : forward[k1_offset - 1] + 1;
        int y1 = x1 - k1;
        const int x1_start = x1;
        while (x1 < n && y1 < m && a_at(x1) == b_at(y1)) ++x1, ++y1;
        budget_ -= x1 - x1_start;
        forward[k1_offset] = x1;
        if (x1 > n) {
          k1_end += 2;  // ran off the right of the graph
        } else if (y1 > m) {
          k1_start += 2;  // ran off the bottom
        } else if (front) {
          const int k2_offset = offset + delta - k1;
          if (k2_offset >= 0 && k2_offset < length && backward[k2_offset] != -1 && x1 >= n - backward[k2_offset]) {
            return std::pair{a_lo + x1, b_lo + y1};
          }
        }
      }
      for (int k2 = -d + k2_start; k2 <= d - k2_end; k2 += 2) {
        const int k2_offset = offset + k2;
        int x2 = (k2 == -d || (k2 != d && backward[k2_offset - 1] < backward[k2_offset + 1]))
                     ? backward[k2_offset + 1]
                     : backward[k2_offset - 1] + 1;
        int y2 = x2 - k2;
        const int x2_start = x2;
        while (x2 < n && y2 < m && a_at(n - x2 - 1) == b_at(m - y2 - 1)) ++x2, ++y2;
        budget_ -= x2 - x2_start;
        backward[k2_offset] = x2;
        if (x2 > n) {
          k2_end += 2;
        } else if (y2 > m) {
          k2_start += 2;
        } else if (!front) {
          const int k1_offset = offset + delta - k2;
          if (k1_offset >= 0 && k1_offset < length && forward[k1_offset] != -1) {
            const int x1 = forward[k1_offset];
            const int y1 = offset + x1 - k1_offset;
            if (x1 >= n - x2) return std::pair{a_lo + x1, b_lo + y1};
          }
        }
      }
    }
    return std::nullopt;  // nothing in common
  }

  const Lines& a_;
  const Lines& b_;
  std::vector<char>& deleted_;
  std::vector<char>& inserted_;
  int64_t budget_;
};

/// A changed region: lines [a_begin, a_end) of the old text became [b_begin, b_end) of the new.
struct Block {
  size_t a_begin, a_end, b_begin, b_end;
};

std::string range(size_t start, size_t count) {
  // An empty range names the line before it, as diff -u does.
  std::string out = std::to_string(count == 0 ? start : start + 1);
  if (count != 1) out += "," + std::to_string(count);
  return out;
}

void append_line(std::string& out, char mark, std::string_view line) {
  out += mark;
  out.append(line);
  if (!line.ends_with('\n')) out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, std::string_view path, int context) {
  if (before == after) return {};
  const std::vector<std::string_view> a = split_lines(before);
  const std::vector<std::string_view> b = split_lines(after);
  const size_t n = a.size(), m = b.size();
  const size_t ctx = static_cast<size_t>(std::max(context, 0));

  // Common first and last lines are unchanged; only the middle is compared.
  size_t prefix = 0;
  while (prefix < n && prefix < m && a[prefix] == b[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < n - prefix && suffix < m - prefix && a[n - 1 - suffix] == b[m - 1 - suffix]) ++suffix;

  std::vector<char> deleted(n, 0), inserted(m, 0);
  // Enough for the shortest diff of up to about 50 changed lines in any file; a few tenths of a second.
  const int64_t budget = 10'000'000 + 100 * static_cast<int64_t>(n + m - 2 * (prefix + suffix));
  Myers(a, b, deleted, inserted, budget)
      .diff(static_cast<int>(prefix), static_cast<int>(n - suffix), static_cast<int>(prefix), static_cast<int>(m - suffix));

  std::vector<Block> blocks;
  for (size_t i = 0, j = 0; i < n || j < m;) {
    if (i < n && j < m && !deleted[i] && !inserted[j]) {
      ++i, ++j;
      continue;
    }
    Block block{i, i, j, j};
    while (i < n && deleted[i]) ++i;
    while (j < m && inserted[j]) ++j;
    if (i == block.a_begin && j == block.b_begin) {  // cannot happen with a consistent script
      block.a_end = i = n;
      block.b_end = j = m;
    } else {
      block.a_end = i;
      block.b_end = j;
    }
    blocks.push_back(block);
  }

  std::string out;
  out += "--- a/";
  out.append(path);
  out += "\n+++ b/";
  out.append(path);
  out += "\n";
  for (size_t first = 0; first < blocks.size();) {
    size_t last = first;
    while (last + 1 < blocks.size() && blocks[last + 1].a_begin - blocks[last].a_end <= 2 * ctx) ++last;
    // Lines around and between blocks are equal on both sides, so both sides take the same context.
    const size_t lead = std::min(ctx, blocks[first].a_begin);
    const size_t a_start = blocks[first].a_begin - lead, b_start = blocks[first].b_begin - lead;
    const size_t trail = std::min(ctx, n - blocks[last].a_end);
    const size_t a_stop = blocks[last].a_end + trail, b_stop = blocks[last].b_end + trail;
    out += "@@ -" + range(a_start, a_stop - a_start) + " +" + range(b_start, b_stop - b_start) + " @@\n";
    size_t i = a_start;
    for (size_t k = first; k <= last; ++k) {
      for (; i < blocks[k].a_begin; ++i) append_line(out, ' ', a[i]);
      for (; i < blocks[k].a_end; ++i) append_line(out, '-', a[i]);
      for (size_t j = blocks[k].b_begin; j < blocks[k].b_end; ++j) append_line(out, '+', b[j]);
    }
    for (; i < a_stop; ++i) append_line(out, ' ', a[i]);
    first = last + 1;
  }
  return out;
}

}  // namespace iblint
