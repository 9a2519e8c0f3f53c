// End-to-end tests of `iblint --fix` and `iblint --diff`, run on temporary copies of fixtures.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/support/shell_command.h"

namespace iblint {
namespace {
namespace fs = std::filesystem;

struct RunResult {
  int code;
  std::string out;
  std::string err;
};

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void replace_once(std::string& text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
}

mode_t mode_of(const fs::path& path) {
  struct stat st{};
  EXPECT_EQ(::stat(path.c_str(), &st), 0);
  return st.st_mode & 07777;
}

class FixCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("iblint-fix-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    fs::permissions(dir_, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                              fs::perms::others_read | fs::perms::others_exec);
    original_ = read(fs::path(IBLINT_SOURCE_DIR) / "fixtures/examples/install-nginx.yaml");
  }
  void TearDown() override {
    std::error_code ec;
    for (const auto& entry : fs::recursive_directory_iterator(dir_, ec)) {
      if (entry.is_directory()) fs::permissions(entry.path(), fs::perms::owner_all, fs::perm_options::add, ec);
    }
    fs::remove_all(dir_, ec);
  }
  fs::path write(const std::string& name, const std::string& text) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
  /// Runs iblint (prefix may name a user to run it as) in the temporary folder. The tests count
  /// the fixes of the component rules (IB1xx), so other rule families are left out unless args
  /// select rules themselves.
  RunResult run(const std::string& args, const std::string& prefix = "") {
    std::string select = args.find("--select") == std::string::npos ? "--select IB1 " : "";
    return shell(prefix + IBLINT_BINARY + " " + select + args);
  }
  /// Runs a shell command line in the temporary folder.
  RunResult shell(const std::string& command) {
    fs::path err_file = fs::temp_directory_path() / ("iblint-fix-stderr-" + std::to_string(::getpid()));
    std::string cmd = "cd '" + dir_.string() + "' && " + command + " 2>'" + err_file.string() + "'";
    auto [code, out] = test_support::run_stdout(cmd);
    std::string err = read(err_file);
    fs::remove(err_file);
    return {code, out, err};
  }
  /// A prefix that runs the binary as a user without root's power to ignore permissions.
  static std::optional<std::string> unprivileged() {
    if (::geteuid() != 0) return std::string();
    if (::access("/usr/bin/setpriv", X_OK) == 0) return std::string("/usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups ");
    return std::nullopt;
  }
  size_t entries(const fs::path& dir) const {
    return static_cast<size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
  }
  fs::path dir_;
  std::string original_;
};

TEST_F(FixCommand, FixesTheFixtureAndReportsWhatRemains) {
  ASSERT_NE(original_.find("onFailure: abort\n"), std::string::npos);
  ASSERT_NE(original_.find("action: executeBash\n"), std::string::npos);
  fs::path file = write("install-nginx.yaml", original_);
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);

  RunResult first = run("--fix install-nginx.yaml");
  EXPECT_EQ(first.code, 1) << first.err;  // the unexecuted phase `Test` has only an unsafe fix
  EXPECT_EQ(first.err, "Fixed 3 findings in 1 file.\n");
  std::string fixed = read(file);
  std::string expected = original_;
  replace_once(expected, "onFailure: abort\n", "onFailure: Abort\n");
  replace_once(expected, "action: executeBash\n", "action: ExecuteBash\n");
  replace_once(expected, "permissions: 0644\n", "permissions: '0644'\n");
  EXPECT_EQ(fixed, expected);
  EXPECT_EQ(mode_of(file), 0640u);
  EXPECT_EQ(entries(dir_), 1u);
  // The report is the lint of the fixed file.
  EXPECT_NE(first.out.find("install-nginx.yaml:47:11: warning:"), std::string::npos) << first.out;
  EXPECT_EQ(first.out.find("IB104"), std::string::npos);
  EXPECT_EQ(first.out.find("IB107"), std::string::npos);

  RunResult second = run("--fix install-nginx.yaml");
  EXPECT_EQ(second.code, 1);
  EXPECT_EQ(second.err, "Fixed 0 findings in 0 files.\n");
  EXPECT_EQ(read(file), fixed);
  EXPECT_EQ(second.out, first.out);

  RunResult unsafe = run("--fix --unsafe-fixes install-nginx.yaml");
  EXPECT_EQ(unsafe.code, 0) << unsafe.out;
  EXPECT_EQ(unsafe.err, "Fixed 1 finding in 1 file.\n");
  EXPECT_NE(read(file).find("  - name: test\n"), std::string::npos);
  EXPECT_EQ(mode_of(file), 0640u);
}

TEST_F(FixCommand, DiffShowsTheChangesAndWritesNothing) {
  fs::path file = write("install-nginx.yaml", original_);
  RunResult diff = run("--diff install-nginx.yaml");
  EXPECT_EQ(diff.code, 1);
  EXPECT_EQ(diff.err, "Would fix 3 findings in 1 file.\n");
  EXPECT_TRUE(diff.out.starts_with("--- a/install-nginx.yaml\n+++ b/install-nginx.yaml\n@@ -28,10 +28,10 @@\n"))
      << diff.out;
  EXPECT_NE(diff.out.find("\n       - name: EnableNginx\n         action: ExecuteBash\n"
                          "-        onFailure: abort\n+        onFailure: Abort\n         inputs:\n"),
            std::string::npos)
      << diff.out;
  EXPECT_NE(diff.out.find("@@ -57,7 +57,7 @@\n"), std::string::npos);
  EXPECT_NE(diff.out.find("\n-        action: executeBash\n+        action: ExecuteBash\n"), std::string::npos);
  EXPECT_EQ(read(file), original_);
  EXPECT_EQ(entries(dir_), 1u);

  // The diff is what --fix does.
  fs::path copy = write("copy/install-nginx.yaml", original_);
  ASSERT_EQ(run("--fix copy/install-nginx.yaml").code, 1);
  EXPECT_EQ(run("--diff copy/install-nginx.yaml").out, "");
  EXPECT_EQ(run("--diff copy/install-nginx.yaml").code, 0);
  if (shell("command -v patch").code == 0) {  // and patch applies it
    fs::path patched = write("patched/install-nginx.yaml", original_);
    write("changes.diff", diff.out);
    EXPECT_EQ(shell("cd patched && patch -s -p1 < ../changes.diff").code, 0);
    EXPECT_EQ(read(patched), read(copy));
  }
}

TEST_F(FixCommand, DiffWithUnsafeFixesAndNothingToFix) {
  write("install-nginx.yaml", original_);
  RunResult unsafe = run("--diff --unsafe-fixes install-nginx.yaml");
  EXPECT_EQ(unsafe.code, 1);
  EXPECT_NE(unsafe.out.find("-  - name: Test\n+  - name: test\n"), std::string::npos) << unsafe.out;
  write("clean.yaml", "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: UpdateOS\n");
  RunResult clean = run("--diff clean.yaml");
  EXPECT_EQ(clean.code, 0);
  EXPECT_EQ(clean.out, "");
  EXPECT_EQ(clean.err, "Would fix 0 findings in 0 files.\n");
}

TEST_F(FixCommand, KeepsCrlfBomAndOtherBytes) {
  std::string text = "\xEF\xBB\xBFschemaVersion: 1.0\r\nphases:\r\n  - name: build\r\n    steps:\r\n"
                     "      - name: A   \r\n        action: executebash\r\n        onfailure: abort\t\r\n"
                     "        inputs:\r\n          commands: [echo]\r\n";
  fs::path file = write("crlf.yaml", text);
  RunResult result = run("--fix crlf.yaml");
  EXPECT_EQ(result.code, 0) << result.out;
  EXPECT_EQ(result.err, "Fixed 3 findings in 1 file.\n");
  std::string expected = text;
  replace_once(expected, "executebash", "ExecuteBash");
  replace_once(expected, "onfailure: abort", "onFailure: Abort");
  EXPECT_EQ(read(file), expected);
}

TEST_F(FixCommand, WritesThroughSymbolicLinks) {
  fs::path target = write("real/install-nginx.yaml", original_);
  fs::create_symlink("real/install-nginx.yaml", dir_ / "link.yaml");
  RunResult result = run("--fix link.yaml");
  EXPECT_EQ(result.code, 1);
  EXPECT_TRUE(fs::is_symlink(dir_ / "link.yaml"));
  EXPECT_NE(read(target).find("onFailure: Abort\n"), std::string::npos);
  EXPECT_EQ(entries(dir_ / "real"), 1u);
}

TEST_F(FixCommand, JsonReportAfterFixingHoldsWhatRemains) {
  write("install-nginx.yaml", original_);
  RunResult result = run("--fix --format json install-nginx.yaml");
  nlohmann::json report = nlohmann::json::parse(result.out);
  ASSERT_EQ(report["diagnostics"].size(), 1u);
  EXPECT_EQ(report["diagnostics"][0]["rule"], "IB106");
}

TEST_F(FixCommand, OnlySelectedRulesAreFixed) {
  fs::path file = write("install-nginx.yaml", original_);
  RunResult result = run("--fix --select IB107 install-nginx.yaml");
  EXPECT_EQ(result.err, "Fixed 1 finding in 1 file.\n");
  std::string fixed = read(file);
  EXPECT_NE(fixed.find("onFailure: Abort\n"), std::string::npos);
  EXPECT_NE(fixed.find("action: executeBash\n"), std::string::npos);
}

TEST_F(FixCommand, ReadOnlyFolderExitsTwoAndLeavesTheFileIntact) {
  std::optional<std::string> as_user = unprivileged();
  if (!as_user) GTEST_SKIP() << "running as root without setpriv";
  fs::path folder = dir_ / "locked";
  fs::path file = write("locked/install-nginx.yaml", original_);
  fs::permissions(file, fs::perms::all & ~(fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec));
  fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                              fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  RunResult result = run("--fix locked/install-nginx.yaml", *as_user);
  EXPECT_EQ(result.code, 2) << result.err;
  EXPECT_NE(result.err.find("iblint: locked/install-nginx.yaml: cannot write"), std::string::npos) << result.err;
  EXPECT_EQ(read(file), original_);
  EXPECT_EQ(entries(folder), 1u);
}

TEST_F(FixCommand, UnwritableFileExitsTwoAndLeavesItIntact) {
  std::optional<std::string> as_user = unprivileged();
  if (!as_user) GTEST_SKIP() << "running as root without setpriv";
  fs::path folder = dir_ / "open";
  fs::path file = write("open/install-nginx.yaml", original_);
  fs::permissions(folder, fs::perms::all);
  fs::permissions(file, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  RunResult result = run("--fix open/install-nginx.yaml", *as_user);
  EXPECT_EQ(result.code, 2) << result.err;
  EXPECT_NE(result.err.find("iblint: open/install-nginx.yaml: cannot write: Permission denied"), std::string::npos)
      << result.err;
  EXPECT_EQ(read(file), original_);
  EXPECT_EQ(mode_of(file), 0444u);
  EXPECT_EQ(entries(folder), 1u);
}

}  // namespace
}  // namespace iblint

namespace iblint {
namespace {

TEST_F(FixCommand, ProjectRuleFixesApplyToTemplatesAndRequests) {
  fs::path request = write("recipe.json", "{\"name\": \"web-recipe\", \"Version\": \"1.0.0\", \"parentImage\": \"ami-1\"}\n");
  fs::path tmpl = write("t.yaml",
                        "Resources:\n  Recipe:\n    Type: AWS::ImageBuilder::ImageRecipe\n    Properties:\n"
                        "      Name: web-recipe\n      Version: 1.0.0\n      ParentImg: ami-1\n");
  RunResult r = run("--select IB401 --fix --unsafe-fixes recipe.json t.yaml");
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_EQ(read(request), "{\"name\": \"web-recipe\", \"semanticVersion\": \"1.0.0\", \"parentImage\": \"ami-1\"}\n");
  EXPECT_NE(read(tmpl).find("      ParentImage: ami-1\n"), std::string::npos) << read(tmpl);
  EXPECT_NE(r.err.find("Fixed 2 findings in 2 files."), std::string::npos) << r.err;
}

}  // namespace
}  // namespace iblint
