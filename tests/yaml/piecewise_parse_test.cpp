#include "yaml/piecewise_parse.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/yaml_stream_dump.h"

namespace iblint::yaml {
namespace {
namespace fs = std::filesystem;

using test_support::dump;

/// Parses text in pieces (forced, whatever its size) and whole; true when pieces were used,
/// in which case both node models must be the same.
bool same_in_pieces(const SourceFile& file, uint32_t piece_bytes) {
  std::unique_ptr<Stream> pieces = parse_in_pieces(file, {0, piece_bytes});
  if (!pieces) return false;
  std::unique_ptr<Stream> whole = parse_whole(file);
  std::string a = dump(*whole), b = dump(*pieces);
  if (a == b) return true;
  // The first line that differs (gtest's diff of two large dumps would take quadratic memory).
  size_t at = std::mismatch(a.begin(), a.end(), b.begin(), b.end()).first - a.begin();
  size_t line = a.rfind('\n', at) == std::string::npos ? 0 : a.rfind('\n', at) + 1;
  ADD_FAILURE() << file.path() << " in pieces of " << piece_bytes << " bytes differs from the whole parse:\n"
                << "whole:  " << a.substr(line, 300) << "\npieces: " << b.substr(line, 300);
  return false;
}

bool same_in_pieces(const std::string& text, uint32_t piece_bytes) {
  return same_in_pieces(SourceFile("t.yaml", text), piece_bytes);
}

/// A component with many steps written in every style the hostile cases need.
std::string component(int steps, const std::string& eol = "\n") {
  std::string t = "name: big" + eol + "description: generated" + eol + "schemaVersion: 1.0" + eol + "phases:" + eol;
  for (const char* phase : {"build", "validate", "test"}) {
    t += "  - name: " + std::string(phase) + eol + "    # the steps" + eol + "    steps:" + eol;
    for (int i = 0; i < steps; ++i) {
      std::string n = std::to_string(i);
      switch (i % 8) {
        case 0:
          t += "      - name: Step" + n + eol + "        action: ExecuteBash" + eol + "        inputs:" + eol +
               "          commands:" + eol + "            - |" + eol + "              echo " + n + eol +
               "              - not an item" + eol + "                - nor this" + eol + eol + "              done" + eol;
          break;
        case 1:
          t += "# a comment at column 0" + eol + "      # a comment at the items' column" + eol + "      - name: 'Step" +
               n + "'" + eol + "        action: \"ExecuteBash\"" + eol + "        inputs: {commands: [a, b," + eol +
               "          c]}" + eol;
          break;
        case 2:
          t += "      - name: Step" + n + eol + "        name: Duplicate" + n + eol + "        action: !Sub x" + eol +
               "        timeoutSeconds: 60" + eol + "        onFailure: Abort" + eol;
          break;
        case 3:
          t += "      -" + eol + "      - &anchor" + n + " {name: Step" + n + ", action: Reboot}" + eol;
          break;
        case 4:
          t += "      - name: Step" + n + "  # trailing" + eol + "        action: ExecuteBash" + eol +
               "        inputs:" + eol + "          commands: >-" + eol + "            folded " + n + eol +
               "            text" + eol + eol + eol;
          break;
        case 5:
          t += "      - - nested" + eol + "        - list " + n + eol + "      - plain multi" + eol +
               "        line scalar" + eol;
          break;
        case 6:
          t += "      - \"double" + eol + "        quoted " + n + "\"" + eol + "      - ? complex" + eol +
               "        : key" + eol;
          break;
        default:
          t += "      - name: Step" + n + eol + "        loop:" + eol + "          forEach:" + eol +
               "          - a" + eol + "          - b" + eol + "        action: ExecuteBash" + eol;
          break;
      }
    }
  }
  t += "# the end" + eol;
  return t;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(PiecewiseParse, LineScanFindsTheItemsOfEachBlockSequence) {
  std::string text =
      "a:\n- x\n- y\n-\n  - p\n  - q\n  - r\nb: |\n  - in a block scalar\n- after\nc:\n  - 1\n  # comment\n"
      "# comment\n  - 2\n\n  - 3\n";
  LineScan scan = scan_item_runs(text, 0);
  EXPECT_FALSE(scan.several_documents);
  ASSERT_EQ(scan.runs.size(), 3u);
  EXPECT_EQ(scan.runs[0].indent, 0u);
  EXPECT_EQ(scan.runs[0].line_starts, (std::vector<uint32_t>{3, 7, 11}));  // `b:` ends it
  EXPECT_EQ(scan.runs[1].indent, 2u);
  EXPECT_EQ(scan.runs[1].line_starts.size(), 3u);  // p, q, r
  EXPECT_EQ(scan.runs[2].indent, 2u);
  EXPECT_EQ(scan.runs[2].line_starts.size(), 3u);  // 1, 2, 3: comments and blank lines do not end it
  EXPECT_TRUE(scan_item_runs("a: 1\n---\nb: 2\n", 0).several_documents);
  EXPECT_TRUE(scan_item_runs("%YAML 1.2\n---\na: 1\n", 0).several_documents);
}

TEST(PiecewiseParse, LargeGeneratedComponentEqualsTheWholeParse) {
  std::string text = component(400);
  for (uint32_t piece : {1u, 100u, 1000u, 20000u}) EXPECT_TRUE(same_in_pieces(text, piece)) << piece;
}

TEST(PiecewiseParse, ParseUsesPiecesAboveTheThresholdWithTheSameResult) {
  SourceFile file("big.yaml", component(1500));
  ASSERT_GT(file.size(), PieceSizes{}.min_file_bytes);
  ASSERT_TRUE(parse_in_pieces(file));
  EXPECT_EQ(dump(*parse(file)), dump(*parse_whole(file)));
  EXPECT_FALSE(parse_in_pieces(SourceFile("small.yaml", component(10))));  // below the threshold
}

TEST(PiecewiseParse, CrlfAndByteOrderMarkGiveTheSameResult) {
  EXPECT_TRUE(same_in_pieces(component(50, "\r\n"), 200));
  EXPECT_TRUE(same_in_pieces("\xEF\xBB\xBF" + component(50), 200));
}

TEST(PiecewiseParse, ManyLinesBeyondSixteenBitRows) {
  std::string text = "steps:\n";
  for (int i = 0; i < 40000; ++i) text += "  - name: s" + std::to_string(i) + "\n";
  EXPECT_TRUE(same_in_pieces(text, 50000));
}

TEST(PiecewiseParse, TopLevelListAndIndentlessList) {
  std::string top, indentless = "steps:\n";
  for (int i = 0; i < 50; ++i) {
    top += "- a" + std::to_string(i) + ": 1\n  b: 2\n";
    indentless += "- name: " + std::to_string(i) + "\n  x: |\n    - y\n";
  }
  EXPECT_TRUE(same_in_pieces(top, 30));
  EXPECT_TRUE(same_in_pieces(indentless + "after: 1\n", 30));
}

TEST(PiecewiseParse, AliasesAcrossPiecesFallBackToTheWholeParse) {
  std::string text = "steps:\n  - &first {a: 1}\n";
  for (int i = 0; i < 50; ++i) text += "  - x" + std::to_string(i) + "\n";
  text += "  - *first\n  - end\n";
  SourceFile file("t.yaml", text);
  EXPECT_FALSE(parse_in_pieces(file, {0, 20}));
  std::unique_ptr<Stream> whole = parse_whole(file);
  int resolved = 0;
  for (const Node& node : whole->arena) resolved += node.kind == Kind::Alias && node.alias_target;
  EXPECT_EQ(resolved, 1);  // the alias in a later piece than its anchor is resolved by the whole parse
}

TEST(PiecewiseParse, SyntaxErrorsAndSeveralDocumentsFallBack) {
  std::string good;
  for (int i = 0; i < 50; ++i) good += "  - name: s" + std::to_string(i) + "\n";
  std::string broken = "steps:\n" + good + "  - name: [unclosed\n" + good;
  EXPECT_FALSE(parse_in_pieces(SourceFile("t.yaml", broken), {0, 20}));
  std::string quote = "steps:\n" + good + "  - 'open\n" + good + "  - closed'\n" + good;
  EXPECT_FALSE(parse_in_pieces(SourceFile("t.yaml", quote), {0, 20}));
  EXPECT_FALSE(parse_in_pieces(SourceFile("t.yaml", "a: 1\n---\nsteps:\n" + good), {0, 20}));
  std::string tabs = "steps:\n" + good + "\t- name: tab\n" + good;
  SourceFile tabbed("t.yaml", tabs);
  if (std::unique_ptr<Stream> pieces = parse_in_pieces(tabbed, {0, 20})) {
    EXPECT_EQ(dump(*pieces), dump(*parse_whole(tabbed)));
  }
}

TEST(PiecewiseParse, DeepItemsCountTheirDepthFromTheDocumentRoot) {
  // 300 levels of mappings, then list items nested 250 levels deeper: over kMaxDepth in the
  // whole document, though not within one piece.
  std::string deep;
  for (int level = 0; level < 300; ++level) deep += std::string(2 * level, ' ') + "k:\n";
  std::string item = std::string(600, ' ') + "- ";
  for (int level = 0; level < 250; ++level) item += "{a: ";
  item += "1" + std::string(250, '}') + "\n";
  for (int i = 0; i < 20; ++i) deep += item;
  SourceFile file("t.yaml", deep);
  EXPECT_TRUE(parse_whole(file)->too_deep);
  EXPECT_FALSE(parse_in_pieces(file, {0, 40}));
  std::string shallow = "k:\n" + std::string(20, ' ') + "\n";
  for (int i = 0; i < 20; ++i) shallow += "  - {a: {a: 1}}\n";
  EXPECT_TRUE(same_in_pieces(shallow, 40));
}

TEST(PiecewiseParse, EveryFixtureAndCorpusFileEqualsTheWholeParse) {
  std::vector<fs::path> roots = {fs::path(IBLINT_SOURCE_DIR) / "fixtures"};
  const char* corpus = std::getenv("IBLINT_CORPUS");
  fs::path corpus_dir = corpus ? fs::path(corpus) : fs::path(IBLINT_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (fs::exists(corpus_dir)) roots.push_back(corpus_dir);
  int files = 0, in_pieces = 0;
  for (const fs::path& root : roots) {
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      std::string ext = entry.path().extension().string();
      if (!entry.is_regular_file() || (ext != ".yaml" && ext != ".yml")) continue;
      SourceFile file(entry.path().string(), read(entry.path()));
      ++files;
      bool used = false;
      for (uint32_t piece : {1u, 64u, 512u}) used = same_in_pieces(file, piece) || used;
      in_pieces += used;
    }
  }
  EXPECT_GT(files, 200);
  EXPECT_GT(in_pieces, files / 4) << "too few files had a list long enough to cut";
}

}  // namespace
}  // namespace iblint::yaml
