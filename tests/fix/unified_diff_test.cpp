#include "fix/unified_diff.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <sstream>
#include <vector>

namespace iblint {
namespace {

std::string numbered(int from, int to) {
  std::string out;
  for (int i = from; i <= to; ++i) out += "line " + std::to_string(i) + "\n";
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  std::string line;
  while (std::getline(ss, line)) out.push_back(line);
  return out;
}

/// Applies a unified diff to text, checking every context and deleted line; returns the result
/// and the number of changed lines. Handles only diffs of texts that end with a line break.
std::pair<std::string, size_t> patch(const std::string& before, const std::string& diff) {
  std::vector<std::string> old_lines = lines_of(before);
  std::vector<std::string> d = lines_of(diff);
  std::string out;
  size_t at = 0, changes = 0;
  for (size_t k = 2; k < d.size(); ++k) {
    if (d[k].starts_with("@@")) {
      int start = 0, count = 1;
      if (std::sscanf(d[k].c_str(), "@@ -%d,%d", &start, &count) < 1) ADD_FAILURE() << d[k];
      size_t first = count == 0 ? static_cast<size_t>(start) : static_cast<size_t>(start) - 1;
      EXPECT_GE(first, at);
      for (; at < first; ++at) out += old_lines[at] + "\n";
      continue;
    }
    char mark = d[k][0];
    std::string line = d[k].substr(1);
    if (mark == ' ' || mark == '-') {
      EXPECT_LT(at, old_lines.size());
      if (at < old_lines.size()) {
        EXPECT_EQ(old_lines[at], line);
      }
      ++at;
      if (mark == ' ') out += line + "\n";
      else ++changes;
    } else {
      EXPECT_EQ(mark, '+');
      out += line + "\n";
      ++changes;
    }
  }
  for (; at < old_lines.size(); ++at) out += old_lines[at] + "\n";
  return {out, changes};
}

/// Fewest inserted plus deleted lines turning a into b (O(n·m), for small tests).
size_t edit_distance(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::vector<size_t>> lcs(a.size() + 1, std::vector<size_t>(b.size() + 1, 0));
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      lcs[i][j] = a[i - 1] == b[j - 1] ? lcs[i - 1][j - 1] + 1 : std::max(lcs[i - 1][j], lcs[i][j - 1]);
    }
  }
  return a.size() + b.size() - 2 * lcs[a.size()][b.size()];
}

TEST(DiffOutput, EqualTextsGiveNothing) {
  EXPECT_EQ(unified_diff("a\nb\n", "a\nb\n", "x.yaml"), "");
  EXPECT_EQ(unified_diff("", "", "x.yaml"), "");
}

TEST(DiffOutput, OneChangedLineWithThreeLinesOfContext) {
  std::string before = numbered(1, 10);
  std::string after = before;
  after.replace(after.find("line 5\n"), 7, "LINE 5\n");
  EXPECT_EQ(unified_diff(before, after, "dir/a.yaml"),
            "--- a/dir/a.yaml\n"
            "+++ b/dir/a.yaml\n"
            "@@ -2,7 +2,7 @@\n"
            " line 2\n line 3\n line 4\n"
            "-line 5\n"
            "+LINE 5\n"
            " line 6\n line 7\n line 8\n");
}

TEST(DiffOutput, ChangesAtTheEdgesHaveLessContext) {
  EXPECT_EQ(unified_diff("a\nb\nc\n", "A\nb\nc\n", "f"), "--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n-a\n+A\n b\n c\n");
  EXPECT_EQ(unified_diff("a\nb\nc\n", "a\nb\nC\n", "f"), "--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n b\n-c\n+C\n");
  EXPECT_EQ(unified_diff("a\n", "b\n", "f"), "--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\n+b\n");
}

TEST(DiffOutput, InsertionsAndDeletionsNameTheLineBefore) {
  EXPECT_EQ(unified_diff("", "a\n", "f"), "--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+a\n");
  EXPECT_EQ(unified_diff("a\n", "", "f"), "--- a/f\n+++ b/f\n@@ -1 +0,0 @@\n-a\n");
  EXPECT_EQ(unified_diff("x\nb\n", "a\nx\nb\n", "f"), "--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n+a\n x\n b\n");
}

TEST(DiffOutput, NearbyChangesShareAHunkAndDistantOnesDoNot) {
  std::string before = numbered(1, 30);
  std::string near = before;
  near.replace(near.find("line 5\n"), 7, "five\n");
  near.replace(near.find("line 11\n"), 8, "eleven\n");  // 5 lines apart: at most 2×3, one hunk
  std::string d = unified_diff(before, near, "f");
  EXPECT_EQ(std::count(d.begin(), d.end(), '@'), 4);
  EXPECT_NE(d.find("@@ -2,13 +2,13 @@\n"), std::string::npos);

  std::string far = before;
  far.replace(far.find("line 5\n"), 7, "five\n");
  far.replace(far.find("line 13\n"), 8, "thirteen\n");  // 7 lines apart: two hunks
  d = unified_diff(before, far, "f");
  EXPECT_EQ(std::count(d.begin(), d.end(), '@'), 8);
  EXPECT_NE(d.find("@@ -2,7 +2,7 @@\n"), std::string::npos);
  EXPECT_NE(d.find("@@ -10,7 +10,7 @@\n"), std::string::npos);
}

TEST(DiffOutput, MissingFinalLineBreakIsMarked) {
  EXPECT_EQ(unified_diff("a\nb", "a\nc", "f"),
            "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n");
  EXPECT_EQ(unified_diff("a\nb", "a\nb\n", "f"),
            "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
}

TEST(DiffOutput, CrlfStaysInTheLines) {
  EXPECT_EQ(unified_diff("a\r\nb\r\n", "a\r\nB\r\n", "f"), "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+B\r\n");
}

TEST(DiffOutput, FindsAShortestScriptOnRandomInputs) {
  std::mt19937 random(12345);
  for (int round = 0; round < 400; ++round) {
    auto make = [&](int n) {
      std::string text;
      for (int i = 0; i < n; ++i) text += std::string(1, static_cast<char>('a' + random() % 4)) + "\n";
      return text;
    };
    std::string a = make(static_cast<int>(random() % 25));
    std::string b = make(static_cast<int>(random() % 25));
    std::string d = unified_diff(a, b, "f", static_cast<int>(random() % 4));
    if (a == b) {
      EXPECT_EQ(d, "");
      continue;
    }
    auto [patched, changes] = patch(a, d);
    ASSERT_EQ(patched, b) << "a:\n" << a << "b:\n" << b << "diff:\n" << d;
    EXPECT_EQ(changes, edit_distance(lines_of(a), lines_of(b))) << d;
  }
}

TEST(DiffOutput, LargeFilesWithDistantChangesAreFast) {
  std::string before = numbered(1, 300000);
  std::string after = before;
  after.replace(after.find("line 10\n"), 8, "ten\n");
  after.replace(after.find("line 299990\n"), 12, "inserted\nline 299990\n");
  auto start = std::chrono::steady_clock::now();
  std::string d = unified_diff(before, after, "big.yaml");
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(elapsed, std::chrono::seconds(5));
  EXPECT_NE(d.find("@@ -7,7 +7,7 @@\n line 7\n line 8\n line 9\n-line 10\n+ten\n"), std::string::npos);
  EXPECT_NE(d.find("@@ -299987,6 +299987,7 @@\n"), std::string::npos);
  auto [patched, changes] = patch(before, d);
  EXPECT_EQ(patched, after);
  EXPECT_EQ(changes, 3u);
}

TEST(DiffOutput, TextsThatDifferEverywhereStillGiveACorrectDiff) {
  std::string before = numbered(1, 40000);
  std::string after;
  for (int i = 1; i <= 40000; ++i) after += (i % 3 == 0 ? "line " : "other ") + std::to_string(i) + "\n";
  auto start = std::chrono::steady_clock::now();
  std::string d = unified_diff(before, after, "f");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  EXPECT_EQ(patch(before, d).first, after);
}

}  // namespace
}  // namespace iblint
