#include "rules/scalar_span.h"

#include <gtest/gtest.h>

#include "yaml/parser.h"

namespace iblint {
namespace {

struct Parsed {
  SourceFile file;
  std::unique_ptr<yaml::Stream> stream;
  const yaml::Node& value(std::string_view key) const { return *stream->documents.at(0)->find(key); }
};

Parsed parse_text(std::string text) {
  SourceFile file("t.yaml", std::move(text));
  auto stream = yaml::parse(file);
  return {std::move(file), std::move(stream)};
}

std::string located(const Parsed& p, std::string_view key, std::string_view part, size_t nth = 0) {
  const yaml::Node& node = p.value(key);
  size_t at = node.value.find(part);
  for (size_t i = 0; i < nth; ++i) at = node.value.find(part, at + 1);
  std::optional<Span> span = exact_scalar_span(p.file, node, at, at + part.size());
  if (!span) return "<none>";
  return std::to_string(p.file.position(span->begin).line) + ":" + std::to_string(p.file.position(span->begin).column) +
         " " + std::string(p.file.text(*span));
}

TEST(ScalarSpan, PlainQuotedAndBlockScalars) {
  Parsed p = parse_text(
      "a: chmod 777 /etc\n"
      "b: 'it''s chmod 777'\n"
      "c: |\n  echo one\n  chmod 777 /x\n  chmod 777 /y\n"
      "d: >\n  curl -k\n  https://x\n");
  EXPECT_EQ(located(p, "a", "777"), "1:10 777");
  EXPECT_EQ(located(p, "b", "777"), "2:17 777");
  EXPECT_EQ(located(p, "c", "chmod 777 /y"), "6:3 chmod 777 /y");
  EXPECT_EQ(located(p, "c", "777", 1), "6:9 777");
  EXPECT_EQ(located(p, "d", "-k"), "8:8 -k");
}

TEST(ScalarSpan, TextThatIsNotVerbatimFallsBackToTheScalar) {
  Parsed p = parse_text("a: \"tab\\there\"\nb: >\n  curl -k\n  https://x\n");
  EXPECT_EQ(located(p, "a", "tab\there"), "<none>");
  EXPECT_EQ(located(p, "b", "-k https"), "<none>");  // folded across a line break
  const yaml::Node& a = p.value("a");
  EXPECT_EQ(scalar_span(p.file, a, 0, 5), a.span);  // "tab\th" is written "tab\\th"
}

}  // namespace
}  // namespace iblint
