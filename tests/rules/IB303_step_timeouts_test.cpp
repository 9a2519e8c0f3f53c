// Edge cases of IB303 step-timeouts that the golden fixtures do not spell out: the exact limit,
// defaults, steps that add no known time, values IB107 rejects and overflowing products.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/linter.h"
#include "source/source_file.h"

namespace iblint {
namespace {

std::vector<std::string> findings(const std::string& text) {
  SourceFile file("component.yaml", text);
  LintSettings settings;
  settings.shellcheck = false;
  settings.enabled = [](const RuleInfo& info) { return info.id == "IB303"; };
  std::vector<std::string> out;
  for (const Diagnostic& d : lint_file(file, settings).diagnostics) out.push_back(d.message);
  return out;
}

/// A document whose phase holds steps, each given as extra step lines (indented 8 spaces).
std::string document(const std::string& phase, const std::vector<std::string>& steps) {
  std::string text = "name: T\nschemaVersion: 1.0\nphases:\n  - name: " + phase + "\n    steps:\n";
  for (size_t i = 0; i < steps.size(); ++i) {
    text += "      - name: S" + std::to_string(i) + "\n" + steps[i] +
            "        inputs:\n          commands:\n            - 'true'\n";
  }
  return text;
}

const std::string kBash = "        action: ExecuteBash\n";

TEST(StepTimeouts, ExactlyTheLimitIsNotReported) {
  EXPECT_TRUE(findings(document("test", {kBash + "        timeoutSeconds: 43200\n        maxAttempts: 2\n"})).empty());
  std::vector<std::string> over = findings(document("test", {kBash + "        timeoutSeconds: 43201\n        maxAttempts: 2\n"}));
  ASSERT_EQ(over.size(), 1u);
  EXPECT_NE(over[0].find("86402 s (24 h) (2 attempts × `timeoutSeconds: 43201`"), std::string::npos) << over[0];
}

TEST(StepTimeouts, BuildAndValidatePhasesHaveNoLimit) {
  EXPECT_TRUE(findings(document("build", {kBash + "        timeoutSeconds: 900000\n"})).empty());
  EXPECT_TRUE(findings(document("validate", {kBash + "        timeoutSeconds: 900000\n"})).empty());
  EXPECT_EQ(findings(document("container-host-test", {kBash + "        timeoutSeconds: 900000\n"})).size(), 1u);
}

TEST(StepTimeouts, TheTotalCountsOnlyStepsThatSetATimeout) {
  // 14 steps that keep the default 7200 s would pass 24 hours, but nobody chose that bound.
  std::vector<std::string> steps(14, kBash + "        maxAttempts: 2\n");
  EXPECT_TRUE(findings(document("test", steps)).empty());
  // Four steps of 21600 s are exactly 86400: not over. A fifth step of 60 s passes it.
  steps.assign(4, kBash + "        timeoutSeconds: 21600\n");
  steps.push_back(kBash);
  EXPECT_TRUE(findings(document("test", steps)).empty());
  steps.push_back(kBash + "        timeoutSeconds: 60\n");
  steps.push_back(kBash + "        timeoutSeconds: 60\n");
  std::vector<std::string> messages = findings(document("test", steps));
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_NE(messages[0].find("with step `S5`"), std::string::npos) << messages[0];
  EXPECT_NE(messages[0].find("86460 s (24 h) in all"), std::string::npos) << messages[0];
}

TEST(StepTimeouts, StepsWithoutAKnownBoundAddNothing) {
  std::vector<std::string> steps = {kBash + "        timeoutSeconds: -1\n        maxAttempts: 5\n",
                                    "        action: Reboot\n        timeoutSeconds: 900000\n",
                                    "        action: ExecuteDocument\n        timeoutSeconds: 900000\n",
                                    kBash + "        timeoutSeconds: 0\n",
                                    kBash + "        maxAttempts: 0\n        timeoutSeconds: 900000\n"};
  std::vector<std::string> messages = findings(document("test", steps));
  ASSERT_EQ(messages.size(), 1u);  // only that Reboot ignores its timeout
  EXPECT_EQ(messages[0].rfind("`Reboot` ignores step timeouts", 0), 0u) << messages[0];
}

TEST(StepTimeouts, HugeValuesSaturateInsteadOfOverflowing) {
  std::vector<std::string> messages =
      findings(document("test", {kBash + "        timeoutSeconds: 9223372036854775807\n        maxAttempts: 2\n",
                                 kBash + "        timeoutSeconds: 9223372036854775807\n"}));
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_NE(messages[0].find("9223372036854775807 s"), std::string::npos) << messages[0];
}

TEST(StepTimeouts, RebootTimeoutsAreReportedInEveryPhase) {
  EXPECT_EQ(findings(document("build", {"        action: Reboot\n        timeoutSeconds: 60\n"})).size(), 1u);
  EXPECT_TRUE(findings(document("build", {"        action: Reboot\n        maxAttempts: 2\n"})).empty());
}

TEST(StepTimeouts, QuotedNumbersCountAsTheirValue) {
  EXPECT_EQ(findings(document("test", {kBash + "        timeoutSeconds: '90000'\n"})).size(), 1u);
}

}  // namespace
}  // namespace iblint
