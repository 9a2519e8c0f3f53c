// Lints every file of the third-party corpus in ../shared/corpus (listed in its INDEX.tsv) and
// checks that (1) nothing crashes, (2) every finding is listed, with the reason it is true, in
// tests/corpus/expectations.tsv, and (3) every listed finding is still found. A finding that is
// not true is a bug in the rule: fix the rule, never the expectation. The corpus stays in
// ../shared (third-party data); where it is absent (a user's clone) the test is skipped with a
// loud message, but never in CI.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "engine/linter.h"
#include "engine/project_lint.h"
#include "source/source_file.h"

namespace iblint {
namespace {
namespace fs = std::filesystem;

fs::path corpus_dir() {
  if (const char* dir = std::getenv("IBLINT_CORPUS")) return dir;
  return fs::path(IBLINT_SOURCE_DIR) / ".." / "shared" / "corpus";
}

/// "path<TAB>line:col<TAB>rule" — the key of one finding.
using Finding = std::string;

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  std::string item;
  while (std::getline(ss, item, sep)) out.push_back(item);
  return out;
}

TEST(Corpus, EveryFileLintsAndEveryFindingIsReviewed) {
  fs::path dir = corpus_dir();
  if (!fs::exists(dir / "INDEX.tsv")) {
    if (std::getenv("CI")) FAIL() << "CI must have the corpus at " << dir;
    GTEST_SKIP() << "THE CORPUS TEST DID NOT RUN: " << dir << "/INDEX.tsv is missing (set IBLINT_CORPUS)";
  }
  std::ifstream index(dir / "INDEX.tsv");
  std::string line;
  std::getline(index, line);  // header
  std::set<Finding> found;
  std::map<Finding, std::string> messages;
  size_t files = 0, linted = 0;
  while (std::getline(index, line)) {
    std::vector<std::string> cols = split(line, '\t');
    if (cols.empty() || cols[0].empty()) continue;
    ReadResult read = read_source_file((dir / cols[0]).string());
    ASSERT_TRUE(read.file) << cols[0] << ": " << read.error;
    ++files;
    // Each corpus file is its own project (they come from unrelated repositories).
    auto file = std::make_shared<const SourceFile>(std::move(*read.file));
    FileLint lint = std::move(lint_files({file}, {}).front());
    linted += lint.linted;
    for (const Diagnostic& d : lint.diagnostics) {
      // IB701 reports shellcheck's own findings (hundreds on the corpus); their mapping back to
      // the YAML is tested by the golden fixtures and tests/shell.
      if (d.rule->id == "IB701") continue;
      Position p = file->position(d.span.begin);
      Finding key = cols[0] + "\t" + std::to_string(p.line) + ":" + std::to_string(p.column) + "\t" + std::string(d.rule->id);
      found.insert(key);
      messages[key] = d.message;
    }
  }
  EXPECT_GT(files, 300u);
  EXPECT_GT(linted, 80u);

  std::ifstream expectations(fs::path(IBLINT_SOURCE_DIR) / "tests" / "corpus" / "expectations.tsv");
  ASSERT_TRUE(expectations) << "tests/corpus/expectations.tsv is missing";
  std::set<Finding> expected;
  while (std::getline(expectations, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols = split(line, '\t');
    ASSERT_GE(cols.size(), 4u) << "expectation needs path, line:col, rule and a reason: " << line;
    ASSERT_FALSE(cols[3].empty()) << "expectation without a reason: " << line;
    expected.insert(cols[0] + "\t" + cols[1] + "\t" + cols[2]);
  }
  for (const Finding& f : found) {
    EXPECT_TRUE(expected.count(f)) << "unreviewed finding on the corpus (true? then add it with a reason):\n"
                                   << f << "\t" << messages[f];
  }
  for (const Finding& f : expected) EXPECT_TRUE(found.count(f)) << "expected finding no longer reported:\n" << f;
}

}  // namespace
}  // namespace iblint
