#include "lsp/text_document.h"

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "source/source_file.h"
#include "yaml/parser.h"

namespace iblint::lsp {
namespace {

/// The values of every scalar in a parse, in order: what the node model saw.
std::vector<std::string> scalars(const yaml::Stream& stream) {
  std::vector<std::string> out;
  for (const yaml::Node& node : stream.arena) {
    if (node.is_scalar()) out.push_back(node.value);
  }
  return out;
}

TEST(TextDocumentTest, ReplacesRangesAndKeepsLinesCurrent) {
  TextDocument doc("file:///a.yaml", "a: 1\nb: 2\n", 1);
  doc.replace(3, 4, "10");
  doc.replace(doc.lines().start(1), doc.lines().start(1), "c: 3\n");
  EXPECT_EQ(doc.text(), "a: 10\nc: 3\nb: 2\n");
  EXPECT_EQ(doc.lines().count(), 4u);
  doc.replace(100, 200, "d: 4\n");  // clamped to the end
  EXPECT_EQ(doc.text(), "a: 10\nc: 3\nb: 2\nd: 4\n");
}

TEST(TextDocumentTest, LinesAfterEditsEqualTheLinesOfTheNewText) {
  // Typing within a line moves the later lines; breaks (and `\r\n` pairs) have them counted again.
  TextDocument doc("file:///a.yaml", "a: 1\r\nb: 2\rc: 3\n\nd: 4", 1);
  auto same_lines = [&] {
    TextLines fresh(doc.text());
    ASSERT_EQ(doc.lines().count(), fresh.count()) << doc.text();
    for (uint32_t i = 0; i < fresh.count(); ++i) EXPECT_EQ(doc.lines().start(i), fresh.start(i)) << i << " in " << doc.text();
  };
  for (auto [begin, end, text] : std::vector<std::tuple<uint32_t, uint32_t, std::string>>{
           {3, 4, "100"}, {0, 0, "x"}, {5, 5, "y"}, {6, 6, "z"}, {8, 10, ""}, {2, 2, "\n"}, {4, 6, "q"}, {1, 3, "\r"}}) {
    doc.replace(begin, end, text);
    same_lines();
  }
}

TEST(TextDocumentTest, IncrementalReparseSeesTheSameTreeAsAFreshParse) {
  std::string text =
      "phases:\n  - name: build\n    steps:\n      - name: A\n        action: ExecuteBash\n"
      "        inputs:\n          commands:\n            - echo a\n";
  TextDocument doc("file:///a.yaml", text, 1);
  SourceFile first("a.yaml", doc.text());
  yaml::parse(first, doc.tree());
  ASSERT_TRUE(doc.tree().has_tree());
  // Multi-line insert, a deletion across lines, an edit after a UTF-8 character.
  doc.replace(static_cast<uint32_t>(doc.text().size()), static_cast<uint32_t>(doc.text().size()),
              "      - name: Ünïcode\n        action: Reboot\n");
  doc.replace(static_cast<uint32_t>(doc.text().find("echo a")), static_cast<uint32_t>(doc.text().find("echo a")) + 6,
              "echo b\n            - echo c");
  uint32_t at = static_cast<uint32_t>(doc.text().find("Reboot"));
  doc.replace(at, at + 6, "UpdateOS");
  doc.replace(static_cast<uint32_t>(doc.text().find("  - name: build")), static_cast<uint32_t>(doc.text().find("    steps")),
              "  - name: validate\n");
  SourceFile edited("a.yaml", doc.text());
  auto incremental = yaml::parse(edited, doc.tree());
  auto fresh = yaml::parse(edited);
  EXPECT_EQ(scalars(*incremental), scalars(*fresh));
  EXPECT_TRUE(incremental->errors.empty());
  EXPECT_NE(std::find(scalars(*incremental).begin(), scalars(*incremental).end(), "UpdateOS"), scalars(*incremental).end());

  doc.replace_all("x: [1, 2\n");
  EXPECT_FALSE(doc.tree().has_tree());
  auto broken = yaml::parse(SourceFile("a.yaml", doc.text()), doc.tree());
  EXPECT_FALSE(broken->errors.empty());
}

}  // namespace
}  // namespace iblint::lsp
