#include "engine/rule_selection.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace iblint {
namespace {

const RuleInfo kIB001{"IB001", "yaml-syntax", Severity::Error, "YAML syntax"};
const RuleInfo kIB099{"IB099", "some-rule", Severity::Warning, "x"};
const RuleInfo kIB101{"IB101", "missing-phases", Severity::Error, "x"};
const RuleInfo kIB103{"IB103", "duplicate-step-name", Severity::Error, "x"};
const RuleInfo kIB104{"IB104", "unknown-action", Severity::Warning, "x"};
const RuleInfo kIB201{"IB201", "bad-input", Severity::Info, "x"};

const std::vector<const RuleInfo*> kKnown = {&kIB001, &kIB099, &kIB101, &kIB103, &kIB104, &kIB201};

RuleSelection make(std::vector<std::string> select, std::vector<std::string> ignore = {}) {
  RuleSelection s;
  s.select = std::move(select);
  s.ignore = std::move(ignore);
  return s;
}

TEST(RuleSelection, EmptySelectionEnablesEverythingAtDefaultSeverity) {
  RuleSelection s;
  for (const RuleInfo* rule : kKnown) {
    EXPECT_TRUE(s.enabled(*rule)) << rule->id;
    EXPECT_EQ(s.severity(*rule), rule->severity) << rule->id;
  }
}

TEST(RuleSelection, SpecificityOfSelectors) {
  EXPECT_EQ(selector_specificity("ALL", kIB103), 0);
  EXPECT_EQ(selector_specificity("IB", kIB103), 2);
  EXPECT_EQ(selector_specificity("IB1", kIB103), 3);
  EXPECT_EQ(selector_specificity("IB10", kIB103), 4);
  EXPECT_EQ(selector_specificity("IB103", kIB103), kExactSpecificity);
  EXPECT_EQ(selector_specificity("duplicate-step-name", kIB103), kExactSpecificity);
  EXPECT_EQ(selector_specificity("IB2", kIB103), -1);
  EXPECT_EQ(selector_specificity("duplicate", kIB103), -1);  // names match whole only
  EXPECT_EQ(selector_specificity("", kIB103), -1);
  EXPECT_EQ(selector_specificity("ib103", kIB103), -1);
}

TEST(RuleSelection, SelectByIdNamePrefixAndAll) {
  EXPECT_TRUE(make({"IB103"}).enabled(kIB103));
  EXPECT_FALSE(make({"IB103"}).enabled(kIB104));
  EXPECT_TRUE(make({"duplicate-step-name"}).enabled(kIB103));
  EXPECT_FALSE(make({"duplicate-step-name"}).enabled(kIB101));
  EXPECT_TRUE(make({"IB1"}).enabled(kIB101));
  EXPECT_TRUE(make({"IB1"}).enabled(kIB104));
  EXPECT_FALSE(make({"IB1"}).enabled(kIB201));
  EXPECT_FALSE(make({"IB1"}).enabled(kIB001));
  EXPECT_TRUE(make({"IB"}).enabled(kIB001));
  EXPECT_TRUE(make({"ALL"}).enabled(kIB201));
}

TEST(RuleSelection, IgnoreWithoutSelectStartsFromAllRules) {
  RuleSelection s = make({}, {"IB1"});
  EXPECT_TRUE(s.enabled(kIB001));
  EXPECT_FALSE(s.enabled(kIB101));
  EXPECT_FALSE(s.enabled(kIB103));
  EXPECT_TRUE(s.enabled(kIB201));
  EXPECT_FALSE(make({}, {"ALL"}).enabled(kIB001));
  EXPECT_FALSE(make({}, {"unknown-action"}).enabled(kIB104));
}

TEST(RuleSelection, MoreSpecificMatchWins) {
  RuleSelection s = make({"IB103"}, {"IB1"});
  EXPECT_TRUE(s.enabled(kIB103));
  EXPECT_FALSE(s.enabled(kIB101));
  EXPECT_FALSE(s.enabled(kIB201));  // not selected at all

  RuleSelection t = make({"IB1"}, {"IB103"});
  EXPECT_FALSE(t.enabled(kIB103));
  EXPECT_TRUE(t.enabled(kIB104));

  RuleSelection u = make({"ALL"}, {"IB1"});
  EXPECT_FALSE(u.enabled(kIB101));
  EXPECT_TRUE(u.enabled(kIB001));

  RuleSelection v = make({"IB10"}, {"IB1"});
  EXPECT_TRUE(v.enabled(kIB101));
}

TEST(RuleSelection, EqualSpecificityIgnoreWins) {
  EXPECT_FALSE(make({"IB103"}, {"IB103"}).enabled(kIB103));
  EXPECT_FALSE(make({"IB103"}, {"duplicate-step-name"}).enabled(kIB103));
  EXPECT_FALSE(make({"IB1"}, {"IB1"}).enabled(kIB101));
}

TEST(RuleSelection, SeverityOverridesMostSpecificThenLatest) {
  RuleSelection s;
  s.severities = {{"IB1", Severity::Info}, {"IB103", Severity::Warning}, {"ALL", Severity::Error}};
  EXPECT_EQ(s.severity(kIB103), Severity::Warning);
  EXPECT_EQ(s.severity(kIB104), Severity::Info);
  EXPECT_EQ(s.severity(kIB201), Severity::Error);
  s.severities.push_back({"duplicate-step-name", Severity::Info});  // same specificity, later
  EXPECT_EQ(s.severity(kIB103), Severity::Info);
}

TEST(RuleSelection, SeverityOverrideTellsExplicitDefaultsApart) {
  RuleSelection s;
  EXPECT_EQ(s.severity_override(kIB103), std::nullopt);
  s.severities = {{"IB103", Severity::Error}};  // equal to the rule's default
  EXPECT_EQ(s.severity_override(kIB103), Severity::Error);
  EXPECT_EQ(s.severity_override(kIB104), std::nullopt);
  s.merge(RuleSelection{});
  EXPECT_EQ(s.severity_override(kIB103), Severity::Error);
}

TEST(RuleSelection, MergeLayerWithSelectReplacesEarlierChoices) {
  RuleSelection config = make({"IB1"}, {"IB104"});
  RuleSelection cli = make({"IB104", "IB201"});
  config.merge(cli);
  EXPECT_TRUE(config.enabled(kIB104));   // the command line selected it again
  EXPECT_TRUE(config.enabled(kIB201));
  EXPECT_FALSE(config.enabled(kIB101));  // the config's select no longer applies
}

TEST(RuleSelection, MergeLayerWithOnlyIgnoreAddsToEarlierChoices) {
  RuleSelection config = make({"IB103"}, {"IB1"});
  ASSERT_TRUE(config.enabled(kIB103));
  RuleSelection override_layer = make({}, {"IB10"});
  config.merge(override_layer);
  EXPECT_FALSE(config.enabled(kIB103));  // a later layer beats a more specific earlier one
  EXPECT_FALSE(config.enabled(kIB201));  // still not selected

  RuleSelection base = make({}, {"IB2"});
  base.merge(make({}, {"IB103"}));
  EXPECT_FALSE(base.enabled(kIB201));
  EXPECT_FALSE(base.enabled(kIB103));
  EXPECT_TRUE(base.enabled(kIB104));
}

TEST(RuleSelection, MergeEmptyLayerChangesNothing) {
  RuleSelection s = make({"IB1"}, {"IB103"});
  s.severities = {{"IB104", Severity::Info}};
  s.merge(RuleSelection{});
  EXPECT_TRUE(s.enabled(kIB101));
  EXPECT_FALSE(s.enabled(kIB103));
  EXPECT_FALSE(s.enabled(kIB201));
  EXPECT_EQ(s.severity(kIB104), Severity::Info);
  EXPECT_TRUE(s.select.empty());  // the public fields are the new top layer
}

TEST(RuleSelection, MergeThreeLayersAndSeverities) {
  RuleSelection base;
  base.severities = {{"IB1", Severity::Info}};
  RuleSelection per_path;
  per_path.ignore = {"IB104"};
  per_path.severities = {{"IB10", Severity::Warning}};
  RuleSelection cli;
  cli.severities = {{"IB103", Severity::Error}};

  RuleSelection merged = base;
  merged.merge(per_path);
  EXPECT_EQ(merged.severity(kIB101), Severity::Warning);
  merged.merge(cli);
  EXPECT_EQ(merged.severity(kIB103), Severity::Error);
  EXPECT_EQ(merged.severity(kIB101), Severity::Warning);
  EXPECT_EQ(merged.severity(kIB201), Severity::Info);  // default
  EXPECT_FALSE(merged.enabled(kIB104));

  // Layers merged into an intermediate selection keep their order.
  RuleSelection upper = per_path;
  upper.merge(cli);
  RuleSelection all = base;
  all.merge(upper);
  EXPECT_EQ(all.severity(kIB103), Severity::Error);
  EXPECT_EQ(all.severity(kIB101), Severity::Warning);
  EXPECT_FALSE(all.enabled(kIB104));
}

TEST(RuleSelection, MergeWithItself) {
  RuleSelection s = make({"IB103"});
  s.merge(s);
  EXPECT_TRUE(s.enabled(kIB103));
  EXPECT_FALSE(s.enabled(kIB101));
}

TEST(RuleSelection, CheckSelectorAcceptsKnownForms) {
  for (const char* ok : {"ALL", "IB", "IB1", "IB10", "IB103", "duplicate-step-name", "I"}) {
    EXPECT_EQ(check_selector(ok, kKnown), "") << ok;
  }
}

TEST(RuleSelection, CheckSelectorSuggests) {
  EXPECT_EQ(check_selector("IB999", kKnown), "unknown rule `IB999`; did you mean `IB099`?");
  EXPECT_EQ(check_selector("duplicate-step-nme", kKnown),
            "unknown rule `duplicate-step-nme`; did you mean `duplicate-step-name`?");
  EXPECT_EQ(check_selector("ib103", kKnown), "unknown rule `ib103`; did you mean `IB103`?");
  EXPECT_EQ(check_selector("all", kKnown), "unknown rule `all`; did you mean `ALL`?");
  EXPECT_EQ(check_selector("IB3", kKnown), "unknown rule `IB3`");
  EXPECT_EQ(check_selector("completely-different", kKnown), "unknown rule `completely-different`");
  EXPECT_EQ(check_selector("", kKnown), "empty rule selector");
  EXPECT_EQ(check_selector("IB103", {}), "unknown rule `IB103`");
}

TEST(RuleSelection, ValidateReportsEveryLayer) {
  RuleSelection s = make({"IB103", "IB777"});
  s.severities = {{"IB1", Severity::Info}, {"nope", Severity::Info}};
  RuleSelection top = make({}, {"IB10x"});
  s.merge(top);
  EXPECT_THAT(s.validate(kKnown),
              ::testing::ElementsAre(::testing::HasSubstr("`IB777`"), ::testing::HasSubstr("`nope`"),
                                     ::testing::HasSubstr("`IB10x`")));
  EXPECT_TRUE(make({"IB1"}, {"IB103"}).validate(kKnown).empty());
}

TEST(RuleSelection, FindRuleInfoByIdOrName) {
  EXPECT_EQ(find_rule_info("IB103", kKnown), &kIB103);
  EXPECT_EQ(find_rule_info("unknown-action", kKnown), &kIB104);
  EXPECT_EQ(find_rule_info("IB1", kKnown), nullptr);
}

}  // namespace
}  // namespace iblint
