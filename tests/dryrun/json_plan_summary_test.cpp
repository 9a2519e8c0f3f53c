#include "dryrun/json_plan_summary.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "tests/dryrun/fixture_plan.h"

namespace iblint::dryrun {
namespace {

using Json = nlohmann::json;


TEST(JsonPlanSummary, CountsEntriesStepsAttemptsAndWorstCaseTimePerStage) {
  PlanSummary summary = summarize_plan(fixture_plan());
  ASSERT_EQ(summary.stages.size(), 3u);

  const StageSummary& build = summary.stages[0];
  EXPECT_EQ(build.name, "build");
  EXPECT_EQ(build.entries, 5u);  // WritePages runs twice (a loop) ...
  EXPECT_EQ(build.steps, 4u);    // ... but is one step with one timeout
  EXPECT_EQ(build.skipped_steps, 0u);
  EXPECT_EQ(build.highest_max_attempts, 3);
  EXPECT_EQ(build.worst_case_attempts, 3 + 1 + 1 + 2);
  EXPECT_EQ(build.reboot_steps, 1u);
  EXPECT_EQ(build.assumed_timeouts, 0u);
  EXPECT_EQ(build.worst_case_seconds, 600 * 3 + 120 + 300 * 2);  // the Reboot step is not counted
  EXPECT_FALSE(build.unbounded);

  const StageSummary& test = summary.stages[1];
  EXPECT_EQ(test.steps, 2u);
  EXPECT_EQ(test.skipped_steps, 1u);  // its condition is false
  EXPECT_EQ(test.assumed_timeouts, 1u);
  EXPECT_EQ(test.worst_case_seconds, kDefaultStepTimeoutSeconds);
  EXPECT_EQ(test.worst_case_attempts, 1);

  const StageSummary& distribute = summary.stages[2];
  EXPECT_EQ(distribute.entries, 2u);  // region targets are entries, not AWSTOE steps
  EXPECT_EQ(distribute.steps, 0u);
  EXPECT_EQ(distribute.worst_case_seconds, 0);

  EXPECT_EQ(summary.total.name, "total");
  EXPECT_EQ(summary.total.entries, 9u);
  EXPECT_EQ(summary.total.steps, 6u);
  EXPECT_EQ(summary.total.worst_case_seconds, 2520 + 7200);
  EXPECT_EQ(summary.total.highest_max_attempts, 3);
}

TEST(JsonPlanSummary, NoTimeoutMakesTheStageUnbounded) {
  Json plan = Json::parse(R"({"stages":[{"name":"build","steps":[
      {"step":"A","action":"ExecuteBash","timeoutSeconds":-1,"maxAttempts":2},
      {"step":"B","action":"ExecuteBash","timeoutSeconds":10}]}]})");
  PlanSummary summary = summarize_plan(plan);
  EXPECT_TRUE(summary.stages[0].unbounded);
  EXPECT_TRUE(summary.total.unbounded);
  EXPECT_EQ(summary.stages[0].worst_case_seconds, 10);
  EXPECT_EQ(summary.stages[0].worst_case_attempts, 3);
}

TEST(JsonPlanSummary, UnexpectedTypesFallBackToDefaultsWithoutThrowing) {
  for (const char* text : {"null", "[]", "\"plan\"", "{\"stages\": 5}", "{\"stages\": [null, 3, {\"steps\": \"x\"}]}"}) {
    PlanSummary summary = summarize_plan(Json::parse(text));
    EXPECT_EQ(summary.total.entries, 0u) << text;
  }
  Json odd = Json::parse(R"({"stages":[{"name":7,"steps":[null, 1, {"action":5,"maxAttempts":"3",
      "timeoutSeconds":"<parameter T>","condition":"yes"}, {"action":"X","maxAttempts":1e300,"timeoutSeconds":0}]}]})");
  PlanSummary summary = summarize_plan(odd);
  ASSERT_EQ(summary.stages.size(), 1u);
  EXPECT_EQ(summary.stages[0].name, "");
  EXPECT_EQ(summary.stages[0].entries, 4u);
  EXPECT_EQ(summary.stages[0].steps, 1u);            // both action entries share an empty identity
  EXPECT_EQ(summary.stages[0].assumed_timeouts, 1u);  // a string and 0 are no valid timeout
  EXPECT_EQ(summary.stages[0].highest_max_attempts, static_cast<long long>(1e15));
  EXPECT_EQ(format_duration(summary.stages[0].worst_case_seconds), "more than 100 years");
}

TEST(JsonPlanSummary, FormatDurationReadsLikeATimer) {
  EXPECT_EQ(format_duration(0), "0 s");
  EXPECT_EQ(format_duration(45), "45 s");
  EXPECT_EQ(format_duration(120), "2 min");
  EXPECT_EQ(format_duration(7200), "2 h");
  EXPECT_EQ(format_duration(3 * 3600 + 5 * 60 + 1), "3 h 5 min 1 s");
  EXPECT_EQ(format_duration(0.2), "1 s");  // rounded up: a budget, not an estimate
  EXPECT_EQ(format_duration(-5), "0 s");
}

}  // namespace
}  // namespace iblint::dryrun
