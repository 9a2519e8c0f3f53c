#include "dryrun/condition_eval.h"

#include <gtest/gtest.h>

#include "tests/dryrun/yaml_node_fixture.h"

namespace iblint::dryrun {
namespace {

using test_support::parse_yaml;

Bindings flavor(const std::string& value) {
  Bindings b;
  b.variables["Flavor"] = {value, true, "default"};
  return b;
}

TEST(ConditionEval, KnownComparisonIsTrueOrFalse) {
  auto y = parse_yaml("stringEquals: full\nvalue: '{{ Flavor }}'\n");
  EXPECT_EQ(evaluate_condition(y.root(), flavor("full")).condition.value, true);
  ConditionResult r = evaluate_condition(y.root(), flavor("minimal"));
  EXPECT_EQ(r.condition.value, false);
  EXPECT_EQ(r.condition.resolved, "stringEquals('full', 'minimal')");
  EXPECT_EQ(r.condition.expression, "stringEquals('full', value: '{{ Flavor }}')");
}

TEST(ConditionEval, InstanceChecksAreDecidedAtRunTime) {
  auto y = parse_yaml("binaryExists: apt-get\n");
  ConditionResult r = evaluate_condition(y.root(), Bindings{});
  EXPECT_FALSE(r.condition.value.has_value());
  EXPECT_NE(r.condition.decided_by.find("state of the instance"), std::string::npos);
}

TEST(ConditionEval, AndShortCircuitsOnAKnownFalse) {
  auto y = parse_yaml("and:\n  - binaryExists: yum\n  - stringEquals: full\n    value: '{{ Flavor }}'\n");
  EXPECT_EQ(evaluate_condition(y.root(), flavor("minimal")).condition.value, false);
  ConditionResult unknown = evaluate_condition(y.root(), flavor("full"));
  EXPECT_FALSE(unknown.condition.value.has_value());
}

TEST(ConditionEval, OrIsTrueWhenAnyOperandIs) {
  auto y = parse_yaml("or:\n  - fileExists: /etc/debian_version\n  - numberGreaterThan: 1024\n    value: '8443'\n");
  EXPECT_EQ(evaluate_condition(y.root(), Bindings{}).condition.value, true);
}

TEST(ConditionEval, NotNegatesAndNumbersThatAreNotNumbersCompareFalse) {
  auto y = parse_yaml("not:\n  numberEquals: 3\n  value: 'a10'\n");
  EXPECT_EQ(evaluate_condition(y.root(), Bindings{}).condition.value, true);
}

TEST(ConditionEval, SymbolicOperandNamesWhatDecides) {
  auto y = parse_yaml("stringEquals: ok\nvalue: '{{ build.Check.outputs.stdout }}'\n");
  Bindings b;
  b.steps["build.Check"] = StepRecord{};
  ConditionResult r = evaluate_condition(y.root(), b);
  EXPECT_FALSE(r.condition.value.has_value());
  EXPECT_EQ(r.condition.decided_by, "<stdout of build.Check>");
}

TEST(ConditionEval, ThenAndElseOverrideTheStepAction) {
  auto y = parse_yaml("stringIsEmpty: ''\nthen: Abort\nelse: Execute\n");
  ConditionResult r = evaluate_condition(y.root(), Bindings{});
  EXPECT_EQ(r.condition.value, true);
  EXPECT_EQ(r.condition.when_true, "Abort");
  EXPECT_EQ(r.condition.when_false, "Execute");
}

TEST(ConditionEval, CaseOnlyDifferenceIsLeftUndecided) {
  auto y = parse_yaml("stringEquals: FULL\nvalue: '{{ Flavor }}'\n");
  EXPECT_FALSE(evaluate_condition(y.root(), flavor("full")).condition.value.has_value());
}

}  // namespace
}  // namespace iblint::dryrun
