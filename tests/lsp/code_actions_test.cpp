#include "lsp/code_actions.h"

#include <gtest/gtest.h>

#include "tests/lsp/analysis_fixture.h"

namespace iblint::lsp {
namespace {

using testing::Analysed;

std::vector<std::string> titles(const nlohmann::json& actions) {
  std::vector<std::string> out;
  for (const auto& a : actions) out.push_back(a["title"]);
  return out;
}

const char* kTypo =
    "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: UpdateOs\n";

TEST(CodeActionsTest, OffersEachFixAndADisableCommentAboveTheLine) {
  Analysed a(kTypo);
  uint32_t at = a.at("UpdateOs");
  nlohmann::json actions = code_actions(*a.analysis, "file:///t/doc.yaml", a.ranges, {at, at});
  ASSERT_EQ(actions.size(), 2u) << actions.dump(2);
  EXPECT_EQ(titles(actions)[1], "Disable IB104 for this line");
  const nlohmann::json& fix = actions[0];
  EXPECT_EQ(fix["kind"], "quickfix");
  EXPECT_EQ(fix["isPreferred"], true);
  EXPECT_EQ(fix["diagnostics"][0]["code"], "IB104");
  const nlohmann::json& change = fix["edit"]["documentChanges"][0];
  EXPECT_EQ(change["textDocument"]["version"], 3);
  EXPECT_EQ(change["edits"][0]["newText"], "UpdateOS");
  const nlohmann::json& disable = actions[1]["edit"]["documentChanges"][0]["edits"][0];
  EXPECT_EQ(disable["range"]["start"], (nlohmann::json{{"line", 5}, {"character", 0}}));
  EXPECT_EQ(disable["newText"], "        # iblint-disable-next-line IB104\n");

  // The disable comment really suppresses the finding.
  std::string text = kTypo;
  text.insert(a.at("        action"), disable["newText"].get<std::string>());
  Analysed after(text);
  EXPECT_TRUE(after.analysis->lint().diagnostics.empty());
}

TEST(CodeActionsTest, OnlyFindingsTouchingTheRangeCount) {
  Analysed a(kTypo);
  EXPECT_TRUE(code_actions(*a.analysis, "u", a.ranges, {0, 5}).empty());
}

TEST(CodeActionsTest, InsideABlockScalarTheCommentGoesToTheTopOfTheFile) {
  std::string text =
      "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: ExecuteBash\n"
      "        inputs:\n          commands:\n            - |\n              echo start\n"
      "              curl -fsSL http://example.com/install.sh | sh\n";
  Analysed a(text);
  uint32_t at = a.at("curl");
  nlohmann::json actions = code_actions(*a.analysis, "u", a.ranges, {at, at});
  std::vector<std::string> got = titles(actions);
  ASSERT_FALSE(got.empty()) << a.analysis->lint().diagnostics.size();
  EXPECT_EQ(got.back(), "Disable IB602 for this file");
  EXPECT_EQ(actions.back()["edit"]["documentChanges"][0]["edits"][0]["newText"], "# iblint-disable-file IB602\n");
}

TEST(CodeActionsTest, KeepsCrlfLineBreaks) {
  std::string text = kTypo;
  for (size_t i = text.find('\n'); i != std::string::npos; i = text.find('\n', i + 2)) text.insert(i, "\r");
  Analysed a(text);
  uint32_t at = a.at("UpdateOs");
  nlohmann::json actions = code_actions(*a.analysis, "u", a.ranges, {at, at});
  EXPECT_EQ(actions.back()["edit"]["documentChanges"][0]["edits"][0]["newText"], "        # iblint-disable-next-line IB104\r\n");
}

}  // namespace
}  // namespace iblint::lsp
