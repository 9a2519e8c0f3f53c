// iblint never executes user content and never touches the network: every fixture is linted
// (and fixed) inside a network namespace with no interfaces (`unshare -n`), with the same result
// as outside it, and a component whose commands would each create a marker file leaves no marker.
// Every command of iblint that reads components runs here: add a line to kModes for a new one.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tests/support/shell_command.h"

namespace iblint {
namespace {
namespace fs = std::filesystem;

struct Mode {
  const char* name;
  const char* arguments;  ///< put before the paths; `{}` would be the command for subcommands
  int highest_exit;       ///< findings are expected: 1
  bool runs_shellcheck;   ///< a lint mode: takes --no-shellcheck
};

// Each way iblint reads a document.
const std::vector<Mode> kModes = {
    {"lint", "", 1, true},
    {"fix", "--fix", 1, true},
    {"diff", "--diff", 1, true},
    {"sarif", "--format sarif", 1, true},
    {"dry-run", "dry-run --platform Linux", 1, false},  // lone components are planned as Linux
};

bool unshare_works() { return test_support::run("unshare -n true").code == 0; }

class NoSideEffects : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("iblint-no-side-effects-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  /// Runs iblint with the arguments from dir_, inside a network namespace when isolated.
  test_support::RunResult iblint(const std::string& arguments, bool isolated) {
    return test_support::run("cd '" + dir_.string() + "' && " + (isolated ? "unshare -n " : "") +
                             "timeout -s KILL 600 " + IBLINT_BINARY + " --no-color " + arguments);
  }

  fs::path dir_;
};

TEST_F(NoSideEffects, EveryFixtureLintsTheSameWithoutNetwork) {
  if (!unshare_works()) GTEST_SKIP() << "unshare -n is not permitted here (needs CAP_SYS_ADMIN or user namespaces)";
  for (const Mode& mode : kModes) {
    // Each mode gets fresh copies: --fix rewrites them.
    for (const char* copy : {"isolated", "connected"}) {
      fs::copy(fs::path(IBLINT_SOURCE_DIR) / "fixtures", dir_ / copy, fs::copy_options::recursive);
    }
    // ShellCheck runs in the first mode only: it is the slow part, and one sweep proves it needs no network.
    std::string arguments = std::string(mode.arguments) + (&mode == &kModes.front() || !mode.runs_shellcheck ? "" : " --no-shellcheck");
    test_support::RunResult isolated = iblint(arguments + " isolated", true);
    test_support::RunResult connected = iblint(arguments + " connected", false);
    EXPECT_LE(isolated.code, mode.highest_exit) << mode.name << "\n" << isolated.out.substr(0, 3000);
    EXPECT_EQ(isolated.code, connected.code) << mode.name;
    // The same findings, whether or not a network exists (paths differ only by the folder name).
    std::string expected = connected.out;
    for (size_t at = 0; (at = expected.find("connected", at)) != std::string::npos; at += 8) {
      expected.replace(at, 9, "isolated");
    }
    EXPECT_EQ(isolated.out, expected) << mode.name;
    EXPECT_NE(isolated.out.size(), 0u) << mode.name;
    fs::remove_all(dir_ / "isolated");
    fs::remove_all(dir_ / "connected");
  }
}

TEST_F(NoSideEffects, CommandsThatWouldCreateAMarkerNeverRun) {
  if (!unshare_works()) GTEST_SKIP() << "unshare -n is not permitted here (needs CAP_SYS_ADMIN or user namespaces)";
  fs::path marker = dir_ / "marker";
  std::string m = marker.string();
  // Every way a component can run something or write a file, each aimed at the marker. Some
  // steps also hold findings with fixes (`executeBash`), so --fix has work to do.
  std::string component =
      "name: markers\nschemaVersion: 1.0\n"
      "parameters:\n  - Target:\n      type: string\n      default: " + m + "\n"
      "phases:\n  - name: build\n    steps:\n"
      "      - name: Bash\n        action: ExecuteBash\n        inputs:\n          commands:\n"
      "            - touch " + m + "\n            - echo $(touch " + m + ")\n            - \"`touch " + m + "`\"\n"
      "      - name: WrongCase\n        action: executeBash\n        inputs:\n          commands:\n"
      "            - touch {{ Target }}\n"
      "      - name: PowerShell\n        action: ExecutePowerShell\n        inputs:\n          commands:\n"
      "            - New-Item -Path " + m + "\n"
      "      - name: Binary\n        action: ExecuteBinary\n        inputs:\n          path: /usr/bin/touch\n"
      "          arguments:\n            - " + m + "\n"
      "      - name: File\n        action: CreateFile\n        inputs:\n          - path: " + m + "\n"
      "            content: created\n"
      "      - name: Download\n        action: WebDownload\n        inputs:\n          - source: http://127.0.0.1:9/x\n"
      "            destination: " + m + "\n"
      "      - name: Copy\n        action: CopyFile\n        inputs:\n          - source: /etc/hostname\n"
      "            destination: " + m + "\n"
      "      - name: Script\n        action: ExecuteBash\n        inputs:\n          commands:\n"
      "            - |\n              cat > " + m + " <<EOF\n              created\n              EOF\n";
  std::ofstream(dir_ / "markers.yaml") << component;
  std::ofstream(dir_ / "stack.yaml")
      << "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  C:\n    Type: AWS::ImageBuilder::Component\n"
         "    Properties:\n      Name: c\n      Version: 1.0.0\n      Platform: Linux\n      Data: |\n"
      << [&] {
           std::string indented;
           for (size_t begin = 0; begin < component.size();) {
             size_t end = component.find('\n', begin);
             indented += "        " + component.substr(begin, end - begin + 1);
             begin = end + 1;
           }
           return indented;
         }();
  for (const Mode& mode : kModes) {
    for (bool isolated : {true, false}) {
      test_support::RunResult r = iblint(std::string(mode.arguments) + " markers.yaml stack.yaml", isolated);
      EXPECT_LE(r.code, mode.highest_exit) << mode.name << "\n" << r.out.substr(0, 3000);
      EXPECT_FALSE(fs::exists(marker)) << mode.name << (isolated ? " (no network)" : "") << " created the marker";
    }
  }
  // The fix did apply: the test exercised --fix for real.
  std::ifstream fixed(dir_ / "markers.yaml");
  std::string text((std::istreambuf_iterator<char>(fixed)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text.find("action: executeBash"), std::string::npos);
}

}  // namespace
}  // namespace iblint
