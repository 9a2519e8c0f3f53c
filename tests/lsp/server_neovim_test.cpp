// The language server driven end to end by a real LSP client: Neovim's built-in client, headless,
// with tests/lsp/nvim/quick_fix.lua. Skipped only where nvim is not installed
// (tools/install-deps.sh --test installs it, so CI runs it).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "tests/support/shell_command.h"

namespace iblint::lsp {
namespace {
namespace fs = std::filesystem;

using test_support::run;
using test_support::RunResult;

std::string shell_quote(const std::string& text) { return "'" + text + "'"; }

RunResult neovim_quick_fix(const std::string& fixture, const std::string& code, int line) {
  fs::path dir = fs::temp_directory_path() / ("iblint-nvim-" + std::to_string(::getpid()) + "-" + code);
  fs::remove_all(dir);
  fs::create_directories(dir / "xdg");
  fs::path copy = dir / fs::path(fixture).filename();
  fs::copy_file(fs::path(IBLINT_SOURCE_DIR) / fixture, copy);
  std::string xdg = (dir / "xdg").string();
  std::string command = "cd " + shell_quote(dir.string()) + " && XDG_CACHE_HOME=" + shell_quote(xdg) + " XDG_STATE_HOME=" +
                        shell_quote(xdg) + " XDG_DATA_HOME=" + shell_quote(xdg) + " XDG_CONFIG_HOME=" + shell_quote(xdg) +
                        " IBLINT=" + shell_quote(IBLINT_BINARY) + " IBLINT_FIXTURE=" + shell_quote(copy.string()) +
                        " IBLINT_EXPECT_CODE=" + code + " IBLINT_EXPECT_LINE=" + std::to_string(line) +
                        " timeout 90 nvim --headless -u NONE -i NONE -c " +
                        shell_quote("luafile " + std::string(IBLINT_SOURCE_DIR) + "/tests/lsp/nvim/quick_fix.lua");
  RunResult result = run(command);
  fs::remove_all(dir);
  return result;
}

class NeovimClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::system("command -v nvim >/dev/null 2>&1") != 0) {
      GTEST_SKIP() << "nvim is not installed here: `apt-get install neovim` (tools/install-deps.sh --test) to run "
                      "the end-to-end language server test";
    }
  }
};

TEST_F(NeovimClientTest, QuotesAnUnquotedChainingExpressionAndTheDiagnosticGoes) {
  RunResult result = neovim_quick_fix("fixtures/rules/IB201/bad/flow-mapping.yaml", "IB201", 25);
  EXPECT_EQ(result.code, 0) << result.out;
  EXPECT_NE(result.out.find("diagnostic 25:22 iblint [IB201 https://github.com/iblint/iblint/blob/main/rules/"
                               "IB201-unquoted-chaining.md]"),
            std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("after the fix:             content: '{{ build.GetJavaHome.outputs.stdout }}'"),
            std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("PASS"), std::string::npos) << result.out;
}

TEST_F(NeovimClientTest, ReplacesAMistypedActionName) {
  RunResult result = neovim_quick_fix("fixtures/examples/install-nginx.yaml", "IB104", 60);
  EXPECT_EQ(result.code, 0) << result.out;
  EXPECT_NE(result.out.find("PASS"), std::string::npos) << result.out;
}

}  // namespace
}  // namespace iblint::lsp
