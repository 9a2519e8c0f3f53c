// Installing like a real tool: `cmake --install` into a temporary prefix and the .deb that
// `cpack -G DEB` builds, each run from where it was put (never installed system-wide).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/support/shell_command.h"

namespace iblint {
namespace {
namespace fs = std::filesystem;

using test_support::read_file;
using test_support::run;
using test_support::RunResult;

const fs::path kBuildDir = fs::path(IBLINT_BINARY).parent_path();
const std::string kVersionLine = std::string("iblint ") + IBLINT_VERSION + "\n";

/// The files every installation holds, relative to its prefix (zsh's folder depends on the prefix).
std::vector<std::string> installed_files(const std::string& zsh_dir) {
  return {"bin/iblint", "share/man/man1/iblint.1", "share/bash-completion/completions/iblint",
          "share/fish/vendor_completions.d/iblint.fish", zsh_dir + "/_iblint"};
}

class Install : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("iblint-install-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(dir_);
  }
  fs::path dir_;
};

TEST_F(Install, IntoATemporaryPrefixAndRunFromThere) {
  fs::path prefix = dir_ / "prefix";
  RunResult install = run("cmake --install '" + kBuildDir.string() + "' --prefix '" + prefix.string() + "'");
  ASSERT_EQ(install.code, 0) << install.out;
  for (const std::string& file : installed_files("share/zsh/site-functions")) {
    EXPECT_TRUE(fs::is_regular_file(prefix / file)) << file << " missing:\n" << install.out;
  }
  EXPECT_NE(fs::status(prefix / "bin/iblint").permissions() & fs::perms::owner_exec, fs::perms::none);

  RunResult version = run("'" + (prefix / "bin/iblint").string() + "' --version");
  EXPECT_EQ(version.code, 0);
  EXPECT_EQ(version.out, kVersionLine);
  // The installed binary is the whole tool: rule docs are embedded, nothing is read from the tree.
  RunResult lint = run("cd '" + dir_.string() + "' && '" + (prefix / "bin/iblint").string() + "' --no-color '" +
                       IBLINT_SOURCE_DIR + "/fixtures/examples/install-nginx.yaml'");
  EXPECT_EQ(lint.code, 1) << lint.out;
  EXPECT_NE(lint.out.find("[IB104 unknown-action]"), std::string::npos) << lint.out;
  EXPECT_EQ(run("'" + (prefix / "bin/iblint").string() + "' explain IB104").code, 0);
}

TEST_F(Install, ManPageIsGeneratedFromTheHelpAndRendersWithoutWarnings) {
  fs::path page = kBuildDir / "iblint.1";
  ASSERT_TRUE(fs::exists(page)) << "the iblint_man target builds it";
  RunResult check = run("groff -man -Tutf8 -ww -z '" + page.string() + "'");
  EXPECT_EQ(check.code, 0) << check.out;
  EXPECT_EQ(check.out, "") << "groff warnings";
  RunResult rendered = run("MANWIDTH=120 man -l '" + page.string() + "' | col -bx");
  ASSERT_EQ(rendered.code, 0) << rendered.out;
  for (const char* section : {"NAME", "SYNOPSIS", "OPTIONS", "COMMANDS", "RULES", "EXIT STATUS", "FILES"}) {
    EXPECT_NE(rendered.out.find(std::string("\n") + section + "\n"), std::string::npos) << section << " in:\n" << rendered.out;
  }
  // Every option and command of `iblint --help`, with its help text, is in the page.
  RunResult help = run(std::string("'") + IBLINT_BINARY + "' --help");
  std::istringstream lines(help.out);
  size_t options = 0;
  for (std::string line; std::getline(lines, line);) {
    size_t at = line.find("--");
    if (line.starts_with("  -") && at != std::string::npos) {
      std::string name = line.substr(at, line.find_first_of(" ,", at) - at);
      EXPECT_NE(rendered.out.find(name), std::string::npos) << name;
      ++options;
    }
  }
  EXPECT_GE(options, 20u);
  EXPECT_NE(rendered.out.find("Report only findings this baseline file does not list"), std::string::npos);
  EXPECT_NE(rendered.out.find("iblint explain [OPTIONS] rule"), std::string::npos) << rendered.out;
  EXPECT_NE(rendered.out.find("IB103 duplicate-step-name (error)"), std::string::npos);
  EXPECT_NE(rendered.out.find(std::string("iblint ") + IBLINT_VERSION), std::string::npos);
}

TEST_F(Install, CpackBuildsADebWithEverythingUnderUsr) {
  RunResult pack = run("cpack -G DEB --config '" + (kBuildDir / "CPackConfig.cmake").string() + "' -B '" +
                       dir_.string() + "'");
  ASSERT_EQ(pack.code, 0) << pack.out;
  fs::path deb = dir_ / (std::string("iblint_") + IBLINT_VERSION + "_amd64.deb");
  if (!fs::exists(deb)) {  // another architecture
    for (const auto& entry : fs::directory_iterator(dir_)) {
      if (entry.path().extension() == ".deb") deb = entry.path();
    }
  }
  ASSERT_TRUE(fs::exists(deb)) << pack.out;

  RunResult info = run("dpkg-deb -I '" + deb.string() + "'");
  ASSERT_EQ(info.code, 0) << info.out;
  EXPECT_NE(info.out.find(" Package: iblint\n"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find(std::string(" Version: ") + IBLINT_VERSION + "\n"), std::string::npos) << info.out;
  // From the binary's shared libraries: a static PIE build needs none (CMakeLists.txt); others
  // need at least the C and C++ libraries (a sanitizer build its runtimes too).
  size_t depends = info.out.find(" Depends:");
  if (IBLINT_STATIC_PROGRAMS) {
    EXPECT_EQ(depends, std::string::npos) << "shared-library dependencies:\n" << info.out;
  } else {
    ASSERT_NE(depends, std::string::npos) << "shared-library dependencies:\n" << info.out;
    std::string line = info.out.substr(depends, info.out.find('\n', depends) - depends);
    EXPECT_NE(line.find(" libc6"), std::string::npos) << line;
    EXPECT_NE(line.find(" libstdc++6"), std::string::npos) << line;
  }
  EXPECT_NE(info.out.find(" Recommends: shellcheck"), std::string::npos) << info.out;
  EXPECT_EQ(info.out.find(";"), std::string::npos) << "no CMake list separators in the control file:\n" << info.out;

  RunResult contents = run("dpkg-deb -c '" + deb.string() + "'");
  ASSERT_EQ(contents.code, 0) << contents.out;
  for (const std::string& file : installed_files("share/zsh/vendor-completions")) {
    EXPECT_NE(contents.out.find(" ./usr/" + file + "\n"), std::string::npos) << file << ":\n" << contents.out;
  }
  EXPECT_EQ(contents.out.find("/usr/local"), std::string::npos) << contents.out;

  fs::path root = dir_ / "root";
  RunResult extract = run("dpkg -x '" + deb.string() + "' '" + root.string() + "'");
  ASSERT_EQ(extract.code, 0) << extract.out;
  RunResult version = run("'" + (root / "usr/bin/iblint").string() + "' --version");
  EXPECT_EQ(version.code, 0);
  EXPECT_EQ(version.out, kVersionLine);
  EXPECT_EQ(read_file(root / "usr/share/man/man1/iblint.1"), read_file(kBuildDir / "iblint.1"));
}

}  // namespace
}  // namespace iblint
