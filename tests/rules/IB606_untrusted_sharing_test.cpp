// IB606 with a `trusted-accounts` list (the golden fixtures run without configuration, so they
// show only the info findings): which targets are trusted, and that files with different lists
// in one run each get their own verdict.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "engine/linter.h"
#include "engine/project_lint.h"
#include "source/source_file.h"

namespace iblint {
namespace {

const char* kDistribution = R"({
  "name": "web-distribution",
  "distributions": [{
    "region": "us-west-2",
    "amiDistributionConfiguration": {
      "targetAccountIds": ["111122223333", "111122223334"],
      "launchPermission": {
        "organizationArns": ["arn:aws:organizations::111122223333:organization/o-exampleorgid"],
        "organizationalUnitArns": ["arn:aws:organizations::111122223333:ou/o-exampleorgid/ou-ab12-cdef3456",
                                   "arn:aws:organizations::444455556666:ou/o-otherorgid12/ou-cd34-abcd1234"]
      }
    }
  }]
})";

struct Finding {
  Severity severity;
  std::string message;
};

std::vector<Finding> lint(const std::optional<std::vector<std::string>>& trusted) {
  auto file = std::make_shared<const SourceFile>("distribution.json", kDistribution);
  LintSettings settings;
  settings.shellcheck = false;
  settings.trusted_accounts = trusted;
  settings.enabled = [](const RuleInfo& info) { return info.id == std::string_view("IB606"); };
  std::vector<FileLint> lints = lint_files({file}, settings);
  std::vector<Finding> out;
  for (const Diagnostic& d : lints.front().diagnostics) out.push_back({d.severity, d.message});
  return out;
}

TEST(UntrustedSharing, WithoutAListEveryLiteralTargetIsAnInfo) {
  std::vector<Finding> found = lint(std::nullopt);
  ASSERT_EQ(found.size(), 5u);
  for (const Finding& f : found) {
    EXPECT_EQ(f.severity, Severity::Info);
    EXPECT_NE(f.message.find("trusted-accounts"), std::string::npos) << f.message;
  }
}

TEST(UntrustedSharing, ListedAccountsAndUnitsOfListedOrganizationsAreTrusted) {
  std::vector<Finding> found =
      lint(std::vector<std::string>{"111122223333", "arn:aws:organizations::111122223333:organization/o-exampleorgid"});
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].severity, Severity::Warning);
  EXPECT_NE(found[0].message.find("`111122223334` is not in `trusted-accounts`"), std::string::npos) << found[0].message;
  EXPECT_NE(found[0].message.find("did you mean `111122223333`?"), std::string::npos) << found[0].message;
  EXPECT_NE(found[1].message.find("ou-cd34-abcd1234"), std::string::npos) << found[1].message;
}

TEST(UntrustedSharing, TheListAlsoReachesAFileLintedAlone) {
  // The language server and --fix lint one file as its own project (single_file_project).
  SourceFile file("distribution.json", kDistribution);
  LintSettings settings;
  settings.shellcheck = false;
  settings.single_file_project = true;
  settings.trusted_accounts =
      std::vector<std::string>{"111122223333", "arn:aws:organizations::111122223333:organization/o-exampleorgid"};
  settings.enabled = [](const RuleInfo& info) { return info.id == std::string_view("IB606"); };
  std::vector<Diagnostic> found = lint_file(file, settings).diagnostics;
  ASSERT_EQ(found.size(), 2u);  // the two untrusted targets, as in a run of several files
  for (const Diagnostic& d : found) EXPECT_EQ(d.severity, Severity::Warning) << d.message;
  settings.trusted_accounts.reset();
  for (const Diagnostic& d : lint_file(file, settings).diagnostics) EXPECT_EQ(d.severity, Severity::Info) << d.message;
}

TEST(UntrustedSharing, AnEmptyListTrustsNobody) {
  std::vector<Finding> found = lint(std::vector<std::string>{});
  ASSERT_EQ(found.size(), 5u);
  for (const Finding& f : found) EXPECT_EQ(f.severity, Severity::Warning);
}

TEST(UntrustedSharing, FilesWithDifferentListsInOneRunGetTheirOwnVerdict) {
  auto a = std::make_shared<const SourceFile>("a.json", kDistribution);
  auto b = std::make_shared<const SourceFile>("b.json", kDistribution);
  LintSettings trusting, strict;
  for (LintSettings* s : {&trusting, &strict}) {
    s->shellcheck = false;
    s->enabled = [](const RuleInfo& info) { return info.id == std::string_view("IB606"); };
  }
  trusting.trusted_accounts = std::vector<std::string>{
      "111122223333", "111122223334", "arn:aws:organizations::111122223333:organization/o-exampleorgid",
      "arn:aws:organizations::444455556666:ou/o-otherorgid12/ou-cd34-abcd1234"};
  strict.trusted_accounts = std::vector<std::string>{};
  FileLint lint_a = lint_file_unfinished(*a, trusting);
  FileLint lint_b = lint_file_unfinished(*b, strict);
  add_project_findings({{a, &lint_a, &trusting}, {b, &lint_b, &strict}});
  EXPECT_TRUE(lint_a.diagnostics.empty());
  EXPECT_EQ(lint_b.diagnostics.size(), 5u);
}

}  // namespace
}  // namespace iblint
