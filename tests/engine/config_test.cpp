#include "engine/config.h"

#include <unistd.h>

#include <fstream>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace iblint {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

const RuleInfo kIB001{"IB001", "yaml-syntax", Severity::Error, "x"};
const RuleInfo kIB099{"IB099", "some-rule", Severity::Warning, "x"};
const RuleInfo kIB101{"IB101", "missing-phases", Severity::Error, "x"};
const RuleInfo kIB103{"IB103", "duplicate-step-name", Severity::Error, "x"};
const RuleInfo kIB104{"IB104", "unknown-action", Severity::Warning, "x"};
const RuleInfo kIB201{"IB201", "bad-input", Severity::Info, "x"};
const std::vector<const RuleInfo*> kKnown = {&kIB001, &kIB099, &kIB101, &kIB103, &kIB104, &kIB201};

class ConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static int counter = 0;
    root_ = fs::temp_directory_path() /
            ("iblint-config-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(root_);
    fs::create_directories(root_);
    root_ = root_.lexically_normal();
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }

  fs::path write(const std::string& relative, const std::string& text) {
    fs::path p = root_ / relative;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }

  std::optional<Config> load(const std::string& text, std::vector<ConfigError>& errors) {
    return load_config(write(".iblint.yaml", text).string(), errors, kKnown);
  }

  /// Loads text expecting exactly one error; returns it as `line:col: message`.
  std::string one_error(const std::string& text) {
    std::vector<ConfigError> errors;
    std::optional<Config> config = load(text, errors);
    EXPECT_FALSE(config.has_value());
    if (errors.size() != 1) {
      std::string all;
      for (const ConfigError& e : errors) all += e.to_string() + "\n";
      ADD_FAILURE() << "expected one error, got " << errors.size() << ":\n" << all;
      return "";
    }
    return std::to_string(errors[0].position.line) + ":" + std::to_string(errors[0].position.column) + ": " +
           errors[0].message;
  }

  fs::path root_;
};

// --- Globs -----------------------------------------------------------------------------------

TEST(ConfigGlob, StarStaysWithinOneSegment) {
  EXPECT_TRUE(glob_match("*.yml", "a.yml"));
  EXPECT_FALSE(glob_match("*.yml", "dir/a.yml"));
  EXPECT_TRUE(glob_match("dir/*.yml", "dir/a.yml"));
  EXPECT_FALSE(glob_match("dir/*.yml", "dir/sub/a.yml"));
  EXPECT_TRUE(glob_match("a*b*c", "abc"));
  EXPECT_TRUE(glob_match("a*b*c", "axxbyyc"));
  EXPECT_FALSE(glob_match("a*b*c", "axxbyy"));
  EXPECT_TRUE(glob_match("*", "anything"));
}

TEST(ConfigGlob, QuestionMarkIsOneCharacter) {
  EXPECT_TRUE(glob_match("a?.yml", "ab.yml"));
  EXPECT_FALSE(glob_match("a?.yml", "a.yml"));
  EXPECT_FALSE(glob_match("a?.yml", "abc.yml"));
  EXPECT_FALSE(glob_match("a?b", "a/b"));
}

TEST(ConfigGlob, StarKeepsItsWildcardMeaningWhenTheNameHoldsAStar) {
  // A `*` in the pattern that meets a literal `*` in the name still matches any run: the
  // matcher once took the pair as two equal characters and gave up on `*a` against `*ba`.
  EXPECT_TRUE(glob_match("*a", "*ba"));
  EXPECT_TRUE(glob_match("dir/*.yml", "dir/*x*.yml"));
  EXPECT_TRUE(path_pattern_matches("*.yml", "deep/*draft*.yml"));
  EXPECT_FALSE(glob_match("*a", "*ab"));
}

TEST(ConfigGlob, DoubleStarSpansDirectories) {
  EXPECT_TRUE(glob_match("**/*.yml", "a.yml"));
  EXPECT_TRUE(glob_match("**/*.yml", "x/y/z/a.yml"));
  EXPECT_TRUE(glob_match("legacy/**", "legacy/a.yml"));
  EXPECT_TRUE(glob_match("legacy/**", "legacy/x/y/a.yml"));
  EXPECT_FALSE(glob_match("legacy/**", "other/a.yml"));
  EXPECT_TRUE(glob_match("a/**/b.yml", "a/b.yml"));
  EXPECT_TRUE(glob_match("a/**/b.yml", "a/x/y/b.yml"));
  EXPECT_FALSE(glob_match("a/**/b.yml", "a/x/y/c.yml"));
  EXPECT_TRUE(glob_match("a/**/**/b", "a/b"));
  EXPECT_TRUE(glob_match("./dir/*.yml", "dir/a.yml"));
  EXPECT_TRUE(glob_match("/dir/*.yml", "dir/a.yml"));
}

TEST(ConfigGlob, PatternWithoutSlashMatchesNameAtAnyDepth) {
  EXPECT_TRUE(path_pattern_matches("*.yml", "a.yml"));
  EXPECT_TRUE(path_pattern_matches("*.yml", "deep/down/a.yml"));
  EXPECT_FALSE(path_pattern_matches("*.yml", "deep/down/a.yaml"));
  EXPECT_TRUE(path_pattern_matches("vendor", "vendor/a.yml"));
  EXPECT_TRUE(path_pattern_matches("vendor", "x/vendor/y/a.yml"));
  EXPECT_FALSE(path_pattern_matches("vendor", "vendored/a.yml"));
  EXPECT_TRUE(path_pattern_matches("vendor/", "x/vendor/a.yml"));
}

TEST(ConfigGlob, PatternWithSlashIsAnchoredAndCoversDirectories) {
  EXPECT_TRUE(path_pattern_matches("legacy/*.yml", "legacy/a.yml"));
  EXPECT_FALSE(path_pattern_matches("legacy/*.yml", "x/legacy/a.yml"));
  EXPECT_TRUE(path_pattern_matches("build/out", "build/out/a/b.yml"));
  EXPECT_TRUE(path_pattern_matches("**/generated", "a/b/generated/c.yml"));
  EXPECT_FALSE(path_pattern_matches("", "a.yml"));
}

// --- Parsing ---------------------------------------------------------------------------------

TEST_F(ConfigTest, ParsesEverySetting) {
  std::vector<ConfigError> errors;
  std::optional<Config> config = load(R"(# iblint configuration
select: [IB1, IB201]
ignore:
  - IB104
severity:
  IB103: warning
  bad-input: error
exclude: ["vendor", "build/**"]
profile: seed-2020
fail-on: warning
overrides:
  - files: ["legacy/**"]
    ignore: [IB103]
    profile: current
    severity: {IB1: info}
)",
                                      errors);
  ASSERT_TRUE(config) << (errors.empty() ? "" : errors[0].to_string());
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(config->dir, root_);
  EXPECT_EQ(config->file, root_ / ".iblint.yaml");
  EXPECT_THAT(config->selection.select, ElementsAre("IB1", "IB201"));
  EXPECT_THAT(config->selection.ignore, ElementsAre("IB104"));
  ASSERT_EQ(config->selection.severities.size(), 2u);
  EXPECT_EQ(config->selection.severities[0], (std::pair<std::string, Severity>{"IB103", Severity::Warning}));
  EXPECT_EQ(config->selection.severities[1], (std::pair<std::string, Severity>{"bad-input", Severity::Error}));
  EXPECT_THAT(config->exclude, ElementsAre("vendor", "build/**"));
  EXPECT_EQ(config->profile, Profile::Seed2020);
  EXPECT_EQ(config->fail_on, Severity::Warning);
  ASSERT_EQ(config->overrides.size(), 1u);
  EXPECT_THAT(config->overrides[0].files, ElementsAre("legacy/**"));
  EXPECT_THAT(config->overrides[0].selection.ignore, ElementsAre("IB103"));
  EXPECT_EQ(config->overrides[0].profile, Profile::Current);
}

TEST_F(ConfigTest, EmptyAndCommentOnlyFilesAreEmptyConfigs) {
  for (const char* text : {"", "# nothing yet\n", "---\n"}) {
    std::vector<ConfigError> errors;
    std::optional<Config> config = load(text, errors);
    ASSERT_TRUE(config) << text;
    EXPECT_TRUE(errors.empty());
    EXPECT_TRUE(config->selection.select.empty());
    EXPECT_FALSE(config->profile);
    EXPECT_FALSE(config->fail_on);
  }
}

TEST_F(ConfigTest, NullListsAreEmpty) {
  std::vector<ConfigError> errors;
  std::optional<Config> config = load("select:\nignore:\nexclude:\noverrides:\nseverity:\n", errors);
  ASSERT_TRUE(config);
  EXPECT_TRUE(config->selection.select.empty());
}

TEST_F(ConfigTest, UnknownTopLevelKeySuggests) {
  EXPECT_EQ(one_error("select: [IB1]\nselct: [IB103]\n"), "2:1: unknown key `selct`; did you mean `select`?");
  EXPECT_EQ(one_error("failon: error\n"), "1:1: unknown key `failon`; did you mean `fail-on`?");
  EXPECT_EQ(one_error("  excludes: [a]\n"), "1:3: unknown key `excludes`; did you mean `exclude`?");
  EXPECT_EQ(one_error("colour: red\n"),
            "1:1: unknown key `colour`; expected one of `select`, `ignore`, `severity`, `exclude`, `profile`, "
            "`fail-on`, `overrides` or `trusted-accounts`");
}

TEST_F(ConfigTest, UnknownOverrideKeySuggestsWithPosition) {
  EXPECT_EQ(one_error("overrides:\n  - files: [\"legacy/**\"]\n    ignroe: [IB103]\n"),
            "3:5: unknown key `ignroe` in an `overrides` entry; did you mean `ignore`?");
  EXPECT_EQ(one_error("overrides:\n  - files: [a]\n    fail-on: error\n"),
            "3:5: unknown key `fail-on` in an `overrides` entry; expected one of `files`, `select`, `ignore`, "
            "`severity` or `profile`");
}

TEST_F(ConfigTest, ErrorCarriesPathLineAndColumn) {
  std::vector<ConfigError> errors;
  fs::path p = write("sub/.iblint.yaml", "profile: current\nseverity:\n  IB103: loud\n");
  EXPECT_FALSE(load_config(p.string(), errors, kKnown));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, p.string());
  EXPECT_EQ(errors[0].position, (Position{3, 10}));
  EXPECT_EQ(errors[0].to_string(), p.string() +
                                       ":3:10: invalid severity `loud`; expected `error`, `warning` or `info`");
}

TEST_F(ConfigTest, WrongTypes) {
  EXPECT_EQ(one_error("select: IB103\n"),
            "1:9: `select` must be a list of rule ids, names or id prefixes, not a string");
  EXPECT_EQ(one_error("ignore: {IB103: true}\n"),
            "1:9: `ignore` must be a list of rule ids, names or id prefixes, not a mapping");
  EXPECT_EQ(one_error("select: [IB103, 12]\n"), "1:17: each `select` entry must be a string, not an integer");
  EXPECT_EQ(one_error("severity: [IB103]\n"),
            "1:11: `severity` must be a mapping from rule to severity (`IB103: warning`), not a list");
  EXPECT_EQ(one_error("exclude: vendor\n"), "1:10: `exclude` must be a list of glob patterns, not a string");
  EXPECT_EQ(one_error("profile: [current]\n"), "1:10: `profile` must be `current` or `seed-2020`, not a list");
  EXPECT_EQ(one_error("profile:\n"), "1:1: `profile` must be `current` or `seed-2020`, not empty (null)");
  EXPECT_EQ(one_error("overrides: {files: [a]}\n"),
            "1:12: `overrides` must be a list of mappings, each with `files` and the settings for them, not a "
            "mapping");
  EXPECT_EQ(one_error("overrides: [legacy]\n"),
            "1:13: each `overrides` entry must be a mapping with `files` and settings, not a string");
  EXPECT_EQ(one_error("- select\n"), "1:1: the configuration must be a mapping of settings, not a list");
}

TEST_F(ConfigTest, BadValuesSuggest) {
  EXPECT_EQ(one_error("fail-on: warn\n"),
            "1:10: invalid fail-on `warn`; expected `error`, `warning` or `info`; did you mean `warning`?");
  EXPECT_EQ(one_error("profile: seed2020\n"),
            "1:10: invalid profile `seed2020`; expected `current` or `seed-2020`; did you mean `seed-2020`?");
  EXPECT_EQ(one_error("severity:\n  IB103: erorr\n"),
            "2:10: invalid severity `erorr`; expected `error`, `warning` or `info`; did you mean `error`?");
}

TEST_F(ConfigTest, UnknownRulesSuggest) {
  EXPECT_EQ(one_error("select:\n  - IB103\n  - IB999\n"), "3:5: unknown rule `IB999`; did you mean `IB099`?");
  EXPECT_EQ(one_error("ignore: [duplicate-step-nme]\n"),
            "1:10: unknown rule `duplicate-step-nme`; did you mean `duplicate-step-name`?");
  EXPECT_EQ(one_error("severity:\n  IB777: info\n"), "2:3: unknown rule `IB777`");
  EXPECT_EQ(one_error("overrides:\n  - files: [a]\n    select: [ib1]\n"),
            "3:14: unknown rule `ib1`; did you mean `IB1`?");
}

TEST_F(ConfigTest, OverrideNeedsFiles) {
  EXPECT_EQ(one_error("overrides:\n  - ignore: [IB103]\n"),
            "2:5: this `overrides` entry needs `files`: the glob patterns it applies to");
  EXPECT_EQ(one_error("overrides:\n  - files: []\n"), "2:12: `files` must list at least one glob pattern");
}

TEST_F(ConfigTest, BadPatterns) {
  EXPECT_EQ(one_error("exclude: [\"../x\"]\n"),
            "1:11: `exclude` patterns are relative to the configuration file's directory and cannot contain `..`");
  EXPECT_EQ(one_error("exclude: [\"\"]\n"), "1:11: empty pattern in `exclude`");
}

TEST_F(ConfigTest, DuplicateKeysAndSyntaxErrors) {
  EXPECT_EQ(one_error("select: [IB1]\nselect: [IB2]\n"), "2:1: duplicate key `select`; it is first set on line 1");
  std::vector<ConfigError> errors;
  EXPECT_FALSE(load("select: [IB1\nignore: \"x\n", errors));
  EXPECT_FALSE(errors.empty());
}

TEST_F(ConfigTest, SeveralErrorsAreAllReported) {
  std::vector<ConfigError> errors;
  EXPECT_FALSE(load("selct: [IB1]\nprofile: new\noverrides:\n  - files: [a]\n    ignor: [IB1]\n", errors));
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].position, (Position{1, 1}));
  EXPECT_EQ(errors[1].position, (Position{2, 10}));
  EXPECT_EQ(errors[2].position, (Position{5, 5}));
}

TEST_F(ConfigTest, MissingFileIsAnErrorWithoutPosition) {
  std::vector<ConfigError> errors;
  std::string path = (root_ / "nope.yaml").string();
  EXPECT_FALSE(load_config(path, errors, kKnown));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].position.line, 0u);
  EXPECT_THAT(errors[0].to_string(), ::testing::StartsWith(path + ": cannot read configuration"));
}

TEST(ConfigErrorTest, ToString) {
  EXPECT_EQ((ConfigError{"a/.iblint.yaml", {3, 7}, "boom"}).to_string(), "a/.iblint.yaml:3:7: boom");
  EXPECT_EQ((ConfigError{"a/.iblint.yaml", {0, 0}, "boom"}).to_string(), "a/.iblint.yaml: boom");
}

// --- Applying --------------------------------------------------------------------------------

TEST_F(ConfigTest, ExcludeGlobsAreRelativeToTheConfigDirectory) {
  std::vector<ConfigError> errors;
  std::optional<Config> config =
      load("exclude: [vendor, \"build/**\", \"*.generated.yml\", \"docs/?.yml\"]\n", errors);
  ASSERT_TRUE(config);
  EXPECT_TRUE(config->excluded(root_ / "vendor/a.yml"));
  EXPECT_TRUE(config->excluded(root_ / "x/vendor/a.yml"));
  EXPECT_TRUE(config->excluded(root_ / "vendor"));  // the directory itself: walkers can prune it
  EXPECT_TRUE(config->excluded(root_ / "build/a/b.yml"));
  EXPECT_FALSE(config->excluded(root_ / "x/build/b.yml"));
  EXPECT_TRUE(config->excluded(root_ / "deep/er/c.generated.yml"));
  EXPECT_TRUE(config->excluded(root_ / "docs/a.yml"));
  EXPECT_FALSE(config->excluded(root_ / "docs/ab.yml"));
  EXPECT_FALSE(config->excluded(root_ / "src/component.yml"));
  EXPECT_TRUE(config->excluded(root_ / "src/../vendor/a.yml"));  // normalized first
  EXPECT_FALSE(config->excluded(root_.parent_path() / "vendor/a.yml"));  // outside the config dir
  EXPECT_FALSE(config->excluded(root_));
}

TEST_F(ConfigTest, OverridesApplyInOrderToMatchingFiles) {
  std::vector<ConfigError> errors;
  std::optional<Config> config = load(R"(ignore: [IB104]
profile: current
severity: {IB103: warning}
overrides:
  - files: ["legacy/**"]
    ignore: [IB103]
    profile: seed-2020
  - files: ["*.old.yml"]
    select: [IB104]
  - files: ["legacy/keep/**"]
    severity: {IB1: info}
)",
                                      errors);
  ASSERT_TRUE(config) << (errors.empty() ? "" : errors[0].to_string());

  RuleSelection plain = config->selection_for(root_ / "src/a.yml");
  EXPECT_TRUE(plain.enabled(kIB103));
  EXPECT_FALSE(plain.enabled(kIB104));
  EXPECT_EQ(plain.severity(kIB103), Severity::Warning);
  EXPECT_EQ(config->profile_for(root_ / "src/a.yml"), Profile::Current);

  RuleSelection legacy = config->selection_for(root_ / "legacy/a.yml");
  EXPECT_FALSE(legacy.enabled(kIB103));
  EXPECT_FALSE(legacy.enabled(kIB104));
  EXPECT_TRUE(legacy.enabled(kIB101));
  EXPECT_EQ(config->profile_for(root_ / "legacy/a.yml"), Profile::Seed2020);

  RuleSelection old = config->selection_for(root_ / "legacy/x.old.yml");  // both first overrides
  EXPECT_TRUE(old.enabled(kIB104));  // a later select decides alone
  EXPECT_FALSE(old.enabled(kIB103));
  EXPECT_FALSE(old.enabled(kIB101));

  RuleSelection keep = config->selection_for(root_ / "legacy/keep/b.yml");
  EXPECT_EQ(keep.severity(kIB103), Severity::Info);
  EXPECT_EQ(keep.severity(kIB201), Severity::Info);  // default
  EXPECT_EQ(keep.severity(kIB001), Severity::Error);
  EXPECT_FALSE(keep.enabled(kIB103));  // still ignored by the first override
}

TEST_F(ConfigTest, ProfileForIsUnsetWithoutProfiles) {
  std::vector<ConfigError> errors;
  std::optional<Config> config = load("overrides:\n  - files: [a.yml]\n    profile: seed-2020\n", errors);
  ASSERT_TRUE(config);
  EXPECT_FALSE(config->profile_for(root_ / "b.yml"));
  EXPECT_EQ(config->profile_for(root_ / "a.yml"), Profile::Seed2020);
}

// --- Discovery -------------------------------------------------------------------------------

TEST_F(ConfigTest, FinderUsesTheNearestConfigAbove) {
  write(".iblint.yaml", "ignore: [IB103]\n");
  write("team/.iblint.yml", "ignore: [IB104]\n");
  write("team/x/y/z/doc.yml", "");
  std::vector<ConfigError> errors;
  ConfigFinder finder(kKnown);

  const Config* top = finder.for_file(root_ / "a/b/doc.yml", errors);
  ASSERT_NE(top, nullptr);
  EXPECT_EQ(top->dir, root_);
  EXPECT_FALSE(top->selection_for(root_ / "a/b/doc.yml").enabled(kIB103));

  const Config* team = finder.for_file(root_ / "team/x/y/z/doc.yml", errors);
  ASSERT_NE(team, nullptr);
  EXPECT_EQ(team->dir, root_ / "team");
  EXPECT_EQ(team->file, root_ / "team/.iblint.yml");
  RuleSelection s = team->selection_for(root_ / "team/x/y/z/doc.yml");
  EXPECT_TRUE(s.enabled(kIB103));  // the nearest file decides alone
  EXPECT_FALSE(s.enabled(kIB104));

  EXPECT_EQ(finder.for_file(root_ / "doc.yml", errors), top);
  EXPECT_EQ(finder.for_file(root_ / "team/doc.yml", errors), team);
  EXPECT_EQ(finder.for_directory(root_ / "team/x", errors), team);
  EXPECT_EQ(finder.configs_read(), 2u);
  EXPECT_TRUE(errors.empty());
}

TEST_F(ConfigTest, FinderPrefersYamlOverYml) {
  write(".iblint.yaml", "ignore: [IB103]\n");
  write(".iblint.yml", "ignore: [IB104]\n");
  std::vector<ConfigError> errors;
  ConfigFinder finder(kKnown);
  const Config* config = finder.for_file(root_ / "doc.yml", errors);
  ASSERT_NE(config, nullptr);
  EXPECT_THAT(config->selection.ignore, ElementsAre("IB103"));
}

TEST_F(ConfigTest, FinderCachesPerDirectory) {
  write("project/.iblint.yaml", "ignore: [IB103]\n");
  std::vector<ConfigError> errors;
  ConfigFinder finder(kKnown);
  const Config* first = finder.for_file(root_ / "project/docs/f0.yml", errors);
  ASSERT_NE(first, nullptr);
  // Edits after the first read are not seen: each file is read once per run.
  write("project/.iblint.yaml", "ignore: [IB104]\n");
  for (int i = 1; i < 10000; ++i) {
    ASSERT_EQ(finder.for_file(root_ / "project/docs" / ("f" + std::to_string(i) + ".yml"), errors), first);
  }
  EXPECT_EQ(finder.for_file(root_ / "project/other/x.yml", errors), first);
  EXPECT_EQ(finder.configs_read(), 1u);
  EXPECT_THAT(first->selection.ignore, ElementsAre("IB103"));
}

TEST_F(ConfigTest, FinderWithoutConfigReturnsNull) {
  // Nothing in root_; a config in a directory above temp_directory_path() would be found, so
  // only check that the answer is stable and no error is reported.
  std::vector<ConfigError> errors;
  ConfigFinder finder(kKnown);
  const Config* a = finder.for_file(root_ / "x/doc.yml", errors);
  const Config* b = finder.for_file(root_ / "x/other.yml", errors);
  EXPECT_EQ(a, b);
  if (a) {
    EXPECT_NE(a->dir, root_);
  }
  EXPECT_TRUE(errors.empty());
}

TEST_F(ConfigTest, FinderReportsBrokenConfigOnce) {
  write("p/.iblint.yaml", "selct: [IB1]\n");
  std::vector<ConfigError> errors;
  ConfigFinder finder(kKnown);
  EXPECT_EQ(finder.for_file(root_ / "p/a.yml", errors), nullptr);
  EXPECT_EQ(finder.for_file(root_ / "p/q/b.yml", errors), nullptr);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].position, (Position{1, 1}));
  EXPECT_THAT(errors[0].to_string(), HasSubstr(".iblint.yaml:1:1: unknown key `selct`; did you mean `select`?"));
  EXPECT_EQ(finder.configs_read(), 1u);
}

TEST_F(ConfigTest, FinderWithFixedConfig) {
  write(".iblint.yaml", "ignore: [IB103]\n");
  fs::path explicit_path = write("configs/strict.yaml", "select: [IB104]\nexclude: [\"*.skip.yml\"]\n");
  std::vector<ConfigError> errors;
  std::optional<Config> config = load_config(explicit_path.string(), errors, kKnown);
  ASSERT_TRUE(config);
  EXPECT_EQ(config->dir, root_ / "configs");
  ConfigFinder finder(std::move(*config));
  const Config* found = finder.for_file(root_ / "any/where.yml", errors);
  ASSERT_NE(found, nullptr);
  EXPECT_THAT(found->selection.select, ElementsAre("IB104"));
  EXPECT_EQ(finder.for_file("/elsewhere/x.yml", errors), found);
  EXPECT_EQ(finder.configs_read(), 0u);
  EXPECT_TRUE(found->excluded(root_ / "configs/a.skip.yml"));
  EXPECT_FALSE(found->excluded(root_ / "a.skip.yml"));  // outside the config's directory
}

TEST_F(ConfigTest, RelativePathIsNormalized) {
  std::vector<ConfigError> errors;
  std::optional<Config> config = load("", errors);
  ASSERT_TRUE(config);
  EXPECT_EQ(config->relative_path(root_ / "a/./b/../c.yml"), "a/c.yml");
  EXPECT_EQ(config->relative_path(root_ / "../x.yml"), std::nullopt);
  EXPECT_EQ(config->relative_path(root_), std::nullopt);
}

}  // namespace
}  // namespace iblint

namespace iblint {
namespace {

TEST_F(ConfigTest, OddDocumentsNeverThrow) {
  for (const char* text : {"[", "{a: }", "select: [IB1, [IB2]]", "? [a]\n: b\n", "select: &x [IB1]\nignore: *x\n",
                           "a: b\n---\nc: d\n", "\xEF\xBB\xBFselect: [IB1]\n", "severity: {IB103: }\n",
                           "overrides: [{files: [x], select: *nope}]\n", "!!map {select: [IB1]}\n", "42\n"}) {
    std::vector<ConfigError> errors;
    std::optional<Config> config = load(text, errors);
    EXPECT_EQ(config.has_value(), errors.empty()) << text;
  }
  std::vector<ConfigError> errors;
  std::optional<Config> aliased = load("select: &x [IB1]\nignore: *x\n", errors);
  ASSERT_TRUE(aliased);
  EXPECT_THAT(aliased->selection.ignore, ElementsAre("IB1"));
  EXPECT_FALSE(load("\xEF\xBB\xBFselect: [IB1]\nselct: []\n", errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].position, (Position{2, 1}));
}

}  // namespace
}  // namespace iblint

namespace iblint {
namespace {

TEST_F(ConfigTest, TrustedAccountsAcceptIdsAndOrganizationArns) {
  std::vector<ConfigError> errors;
  std::optional<Config> config = load(
      "trusted-accounts:\n"
      "  - \"012345678901\"\n"
      "  - 111122223333\n"
      "  - arn:aws:organizations::111122223333:organization/o-exampleorgid\n"
      "  - arn:aws:organizations::111122223333:ou/o-exampleorgid/ou-ab12-cdef3456\n",
      errors);
  ASSERT_TRUE(config.has_value()) << (errors.empty() ? "" : errors.front().to_string());
  ASSERT_TRUE(config->trusted_accounts.has_value());
  EXPECT_THAT(*config->trusted_accounts,
              ElementsAre("012345678901", "111122223333", "arn:aws:organizations::111122223333:organization/o-exampleorgid",
                          "arn:aws:organizations::111122223333:ou/o-exampleorgid/ou-ab12-cdef3456"));
}

TEST_F(ConfigTest, TrustedAccountsUnsetEmptyAndNull) {
  std::vector<ConfigError> errors;
  EXPECT_FALSE(load("profile: current\n", errors)->trusted_accounts.has_value());
  std::optional<Config> empty = load("trusted-accounts: []\n", errors);
  ASSERT_TRUE(empty && empty->trusted_accounts);
  EXPECT_TRUE(empty->trusted_accounts->empty());  // configured: nothing is trusted
  std::optional<Config> null = load("trusted-accounts:\n", errors);
  ASSERT_TRUE(null && null->trusted_accounts);
  EXPECT_TRUE(null->trusted_accounts->empty());
  EXPECT_TRUE(errors.empty());
}

TEST_F(ConfigTest, TrustedAccountsRejectOtherValues) {
  EXPECT_EQ(one_error("trusted-accounts:\n  - \"12345\"\n"),
            "2:5: `12345` in `trusted-accounts` is not a 12-digit account id, an organization ARN "
            "(`arn:aws:organizations::<account>:organization/o-…`) or an organizational-unit ARN");
  EXPECT_EQ(one_error("trusted-accounts: 111122223333\n"),
            "1:19: `trusted-accounts` must be a list of account ids and organization ARNs, not an integer");
  EXPECT_EQ(one_error("trusted-accounts:\n  - {id: 1}\n"),
            "2:5: each `trusted-accounts` entry must be an account id or an organization ARN, not a mapping");
  EXPECT_EQ(one_error("trusted-acounts: []\n"), "1:1: unknown key `trusted-acounts`; did you mean `trusted-accounts`?");
}

}  // namespace
}  // namespace iblint
