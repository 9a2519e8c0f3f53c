#include "expr/step_lookup.h"

#include <gtest/gtest.h>

#include "expr/occurrences.h"
#include "load/component_loader.h"
#include "yaml/parser.h"

namespace iblint::expr {
namespace {

/// Two `build` phases and repeated step names: the lookup must answer as find_step does.
constexpr const char* kDocument =
    "schemaVersion: 1.0\n"
    "phases:\n"
    "  - name: build\n"
    "    steps:\n"
    "      - {name: B, action: UpdateOS}\n"
    "      - {name: A, action: UpdateOS}\n"
    "      - {name: B, action: Reboot}\n"
    "      - {name: '', action: UpdateOS}\n"
    "      - {action: UpdateOS}\n"
    "  - name: test\n"
    "    steps:\n"
    "      - {name: A, action: UpdateOS}\n"
    "  - name: build\n"
    "    steps:\n"
    "      - {name: OnlyInTheSecondBuild, action: UpdateOS}\n";

class StepLookupTest : public ::testing::Test {
 protected:
  SourceFile file{"t.yaml", kDocument};
  std::unique_ptr<yaml::Stream> stream = yaml::parse(file);
  Component component = load_component(*stream->documents[0]);
  StepLookup lookup{component};
};

TEST_F(StepLookupTest, DuplicateNamesGiveTheFirstStep) {
  StepRef b = lookup.find("build", "B");
  ASSERT_NE(b.step, nullptr);
  EXPECT_EQ(b.step_index, 0u);
  EXPECT_EQ(b.step->action, "UpdateOS");
  EXPECT_EQ(b.step, &component.phases[0].steps[0]);
  EXPECT_EQ(lookup.find("test", "A").phase_index, 1u);
}

TEST_F(StepLookupTest, OnlyTheFirstPhaseOfANameIsSearched) {
  StepRef later = lookup.find("build", "OnlyInTheSecondBuild");
  EXPECT_EQ(later.step, nullptr);
  EXPECT_EQ(later.phase, &component.phases[0]);
  EXPECT_EQ(later.phase_index, 0u);
  EXPECT_EQ(lookup.find("deploy", "A").phase, nullptr);
}

TEST_F(StepLookupTest, AnswersAsFindStepDoesForEveryName) {
  for (std::string_view phase : {"build", "test", "deploy", ""}) {
    for (std::string_view step : {"A", "B", "", "OnlyInTheSecondBuild", "Z", "a"}) {
      StepRef slow = find_step(component, phase, step), fast = lookup.find(phase, step);
      EXPECT_EQ(fast.phase, slow.phase) << phase << "." << step;
      EXPECT_EQ(fast.step, slow.step) << phase << "." << step;
      EXPECT_EQ(fast.phase_index, slow.phase_index) << phase << "." << step;
      EXPECT_EQ(fast.step_index, slow.step_index) << phase << "." << step;
    }
  }
}

TEST(StepLookup, AnEmptyLookupFindsNothing) {
  StepLookup none;
  EXPECT_EQ(none.find("build", "A").phase, nullptr);
  Component empty;
  EXPECT_EQ(StepLookup(empty).find("build", "A").phase, nullptr);
}

}  // namespace
}  // namespace iblint::expr
