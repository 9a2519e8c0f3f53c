#include "lsp/hover.h"

#include <gtest/gtest.h>

#include "tests/lsp/analysis_fixture.h"

namespace iblint::lsp {
namespace {

using testing::Analysed;
using testing::kChaining;

std::string text_of(const nlohmann::json& hover) { return hover["contents"]["value"].get<std::string>(); }

TEST(HoverTest, OnAnActionNameShowsItsInputsAndOutputs) {
  Analysed a(kChaining);
  nlohmann::json h = hover(*a.analysis, a.ranges, a.at("ExecuteBash", 3));
  ASSERT_FALSE(h.is_null());
  EXPECT_NE(text_of(h).find("**ExecuteBash**"), std::string::npos);
  EXPECT_NE(text_of(h).find("| `commands` | list of strings | yes |"), std::string::npos);
  EXPECT_NE(text_of(h).find("Outputs: `stdout`"), std::string::npos);
  EXPECT_EQ(h["range"]["start"]["line"], 14);
  EXPECT_EQ(h["range"]["start"]["character"], 16);
}

TEST(HoverTest, OnAnInputKeyShowsThatInput) {
  Analysed a(kChaining);
  nlohmann::json h = hover(*a.analysis, a.ranges, a.at("destination:", 2));
  EXPECT_NE(text_of(h).find("**destination** — input of `S3Download`: string, required"), std::string::npos);
}

TEST(HoverTest, OnAChainingReferenceShowsTheStepAndTheValue) {
  Analysed a(kChaining);
  std::string h = text_of(hover(*a.analysis, a.ranges, a.at("Fetch.inputs")));
  EXPECT_NE(h.find("Input `destination` of step `Fetch` of phase `build` (action `S3Download`), defined at line 9."),
            std::string::npos) << h;
  EXPECT_NE(h.find("Value: `/tmp/tool.zip` (line 13)"), std::string::npos) << h;
  h = text_of(hover(*a.analysis, a.ranges, a.at("Say.outputs")));
  EXPECT_NE(h.find("Output `stdout` of step `Say`"), std::string::npos) << h;
}

TEST(HoverTest, OnVariablesShowsTheirDefinition) {
  Analysed a(kChaining);
  std::string h = text_of(hover(*a.analysis, a.ranges, a.at("{{ Greeting", 4)));
  EXPECT_NE(h.find("Parameter `Greeting`, defined at line 3."), std::string::npos) << h;
  EXPECT_NE(h.find("default: `hello`"), std::string::npos) << h;
  h = text_of(hover(*a.analysis, a.ranges, a.at("loop.value")));
  EXPECT_NE(h.find("The value of the current iteration of the loop of step `Loop`"), std::string::npos) << h;
}

TEST(HoverTest, ElsewhereThereIsNothing) {
  Analysed a(kChaining);
  EXPECT_TRUE(hover(*a.analysis, a.ranges, a.at("schemaVersion")).is_null());
  EXPECT_TRUE(hover(*a.analysis, a.ranges, a.at("unzip")).is_null());
}

}  // namespace
}  // namespace iblint::lsp

namespace iblint::lsp {
namespace {

TEST(HoverTest, InsideABlockScalarTheExpressionIsFoundAtItsFilePosition) {
  std::string text = std::string(testing::kChaining) +
                     "      - name: Script\n        action: ExecuteBash\n        inputs:\n          commands:\n"
                     "            - |\n              set -e\n              echo \"{{ build.Say.outputs.stdout }}\"\n";
  testing::Analysed a(text);
  uint32_t at = a.at("Say.outputs.stdout }}\"\n", 0, 1);
  nlohmann::json h = hover(*a.analysis, a.ranges, at);
  ASSERT_FALSE(h.is_null());
  EXPECT_NE(h["contents"]["value"].get<std::string>().find("Output `stdout` of step `Say`"), std::string::npos);
  EXPECT_EQ(h["range"]["start"], (nlohmann::json{{"line", 32}, {"character", 20}}));
}

}  // namespace
}  // namespace iblint::lsp
