#include "lsp/completion.h"

#include <gtest/gtest.h>

#include "catalog/action_catalog.h"
#include "tests/lsp/analysis_fixture.h"

namespace iblint::lsp {
namespace {

using testing::Analysed;
using testing::kChaining;

std::vector<std::string> labels(const nlohmann::json& list) {
  std::vector<std::string> out;
  for (const auto& item : list["items"]) out.push_back(item["label"]);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

TEST(CompletionTest, AfterActionOffersTheModulesOfTheProfile) {
  std::string text = std::string(kChaining) + "      - name: New\n        action: Exe";
  Analysed a(text);
  nlohmann::json list = completion(*a.analysis, a.ranges, static_cast<uint32_t>(text.size()), Profile::Current);
  std::vector<std::string> got = labels(list);
  EXPECT_EQ(got.size(), action_catalog().size());
  EXPECT_TRUE(has(got, "ExecuteBash"));
  const nlohmann::json& first = list["items"][0];
  EXPECT_EQ(first["textEdit"]["range"]["start"]["character"], 16);  // replaces `Exe`
  EXPECT_EQ(first["textEdit"]["range"]["end"]["character"], 19);
  EXPECT_EQ(labels(completion(*a.analysis, a.ranges, static_cast<uint32_t>(text.size()), Profile::Seed2020)).size(), 8u);
}

TEST(CompletionTest, UnderInputsOffersTheInputKeysOfTheStepsAction) {
  // Map-shaped inputs, with the action written after `inputs`.
  std::string text =
      "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n        inputs:\n          pa\n"
      "        action: ExecuteBinary\n";
  Analysed a(text);
  nlohmann::json list = completion(*a.analysis, a.ranges, a.at("pa", 2), Profile::Current);
  EXPECT_EQ(labels(list), (std::vector<std::string>{"path", "arguments"}));
  EXPECT_EQ(list["items"][0]["textEdit"]["newText"], "path: ");

  // List-shaped inputs, on the second key of an item.
  std::string listed =
      "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: CopyFile\n"
      "        inputs:\n          - source: /a\n            \n";
  Analysed b(listed);
  std::vector<std::string> got = labels(completion(*b.analysis, b.ranges, b.at("/a\n", 15), Profile::Current));
  EXPECT_EQ(got, (std::vector<std::string>{"source", "destination", "overwrite"}));
}

TEST(CompletionTest, InsideAnExpressionOffersOutputsOfEarlierStepsParametersAndLoopVariables) {
  std::string text = std::string(kChaining) + "            - echo '{{ bu";
  Analysed a(text);
  std::vector<std::string> got = labels(completion(*a.analysis, a.ranges, static_cast<uint32_t>(text.size()), Profile::Current));
  EXPECT_TRUE(has(got, "build.Say.outputs.stdout"));
  EXPECT_TRUE(has(got, "Greeting"));
  EXPECT_TRUE(has(got, "loop.value"));
  EXPECT_FALSE(has(got, "build.Loop.outputs.stdout"));  // the step being written
  EXPECT_FALSE(has(got, "build.Fetch.outputs.stdout"));  // S3Download has no outputs

  // In the first step nothing ran before.
  Analysed b(kChaining);
  got = labels(completion(*b.analysis, b.ranges, b.at("{{ Greeting", 3), Profile::Current));
  EXPECT_FALSE(has(got, "build.Say.outputs.stdout"));
  EXPECT_TRUE(has(got, "Greeting"));
}

TEST(CompletionTest, NothingWhereNothingFits) {
  Analysed a(kChaining);
  EXPECT_TRUE(completion(*a.analysis, a.ranges, a.at("\"echo {{ G", 3), Profile::Current)["items"].empty());
}

}  // namespace
}  // namespace iblint::lsp
