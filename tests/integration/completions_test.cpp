// The shell completions in tools/completions/, run by the real shells: bash (sourced, then its
// completion function driven the way readline drives it), fish (`complete -C`, fish's own
// completion engine) and zsh (compinit picking up #compdef, then its completion system run in a
// pseudo-terminal by tests/tools/zsh-complete.zsh). Also: every option
// and command of `iblint --help` is completed by each of them.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/shell_command.h"

namespace iblint {
namespace {
namespace fs = std::filesystem;

using test_support::read_file;
using test_support::run;
using test_support::RunResult;

const fs::path kCompletions = fs::path(IBLINT_SOURCE_DIR) / "tools" / "completions";
/// The built iblint first on PATH: the completions call `iblint rules` for rule ids.
const std::string kPath = "PATH='" + fs::path(IBLINT_BINARY).parent_path().string() + ":'\"$PATH\" ";

void require_shell(const std::string& shell) {
  if (run("command -v " + shell).code == 0) return;
  const char* skip = std::getenv("IBLINT_SKIP_SHELLS");
  if (skip != nullptr && std::string(skip) == "1") GTEST_SKIP() << shell << " is not installed (IBLINT_SKIP_SHELLS=1)";
  FAIL() << shell << " is not installed; run `sh tools/install-deps.sh --test` (or set IBLINT_SKIP_SHELLS=1)";
}

/// Long options and commands that `iblint --help` lists.
std::vector<std::string> help_words() {
  RunResult help = run(std::string("'") + IBLINT_BINARY + "' --help");
  std::vector<std::string> words;
  std::istringstream lines(help.out);
  bool commands = false;
  for (std::string line; std::getline(lines, line);) {
    if (line == "Subcommands:") commands = true;
    size_t at = line.find("--");
    if (line.starts_with("  -") && at != std::string::npos) {
      words.push_back(line.substr(at, line.find_first_of(" ,", at) - at));
    } else if (commands && line.starts_with("  ") && line[2] != ' ') {
      words.push_back(line.substr(2, line.find(' ', 2) - 2));
    }
  }
  return words;
}

TEST(Completions, EveryOptionAndCommandOfTheHelpIsCompleted) {
  std::vector<std::string> words = help_words();
  ASSERT_GE(words.size(), 20u);
  for (const char* file : {"iblint.bash", "_iblint", "iblint.fish"}) {
    std::string text = read_file(kCompletions / file);
    ASSERT_FALSE(text.empty()) << file;
    for (const std::string& word : words) {
      std::string spelled = word;
      // fish spells long options without their dashes: `-l fail-on`.
      if (std::string(file) == "iblint.fish" && word.starts_with("--")) spelled = "-l " + word.substr(2);
      EXPECT_NE(text.find(spelled), std::string::npos) << file << " does not complete " << word;
    }
  }
}

TEST(Completions, BashCompletesOptionsValuesRulesAndCommands) {
  require_shell("bash");
  fs::path file = kCompletions / "iblint.bash";
  RunResult syntax = run("bash -n '" + file.string() + "'");
  EXPECT_EQ(syntax.code, 0) << syntax.out;
  RunResult registered = run("bash --norc --noprofile -c \"source '" + file.string() + "'; complete -p iblint\"");
  EXPECT_EQ(registered.out, "complete -o bashdefault -o default -F _iblint iblint\n");

  auto complete = [&](const std::string& line) {
    std::string script = "source '" + file.string() + "'; read -ra COMP_WORDS <<< \"$1\"; "
                         "[[ $1 == *' ' ]] && COMP_WORDS+=(''); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); "
                         "_iblint; printf '%s\\n' \"${COMPREPLY[@]}\"";
    std::ofstream(fs::temp_directory_path() / ("iblint-bash-complete-" + std::to_string(::getpid()) + ".sh")) << script;
    return run(kPath + "bash --norc --noprofile '" + (fs::temp_directory_path() / ("iblint-bash-complete-" + std::to_string(::getpid()) + ".sh")).string() +
               "' '" + line + "'")
        .out;
  };
  EXPECT_EQ(complete("iblint --fo"), "--format\n");
  EXPECT_EQ(complete("iblint --format "), "text\njson\nsarif\ngithub\njunit\n");
  EXPECT_EQ(complete("iblint --fail-on w"), "warning\n");
  EXPECT_EQ(complete("iblint --write-b"), "--write-baseline\n");
  EXPECT_EQ(complete("iblint explain IB10"), "IB101\nIB102\nIB103\nIB104\nIB105\nIB106\nIB107\n");
  EXPECT_EQ(complete("iblint --select IB103,duplicate-s"), "IB103,duplicate-step-name\n");
  EXPECT_NE(complete("iblint ex").find("explain\n"), std::string::npos);
  fs::remove(fs::temp_directory_path() / ("iblint-bash-complete-" + std::to_string(::getpid()) + ".sh"));
}

TEST(Completions, FishCompletesWithItsOwnEngine) {
  require_shell("fish");
  fs::path file = kCompletions / "iblint.fish";
  RunResult syntax = run("fish --no-execute '" + file.string() + "'");
  EXPECT_EQ(syntax.code, 0) << syntax.out;
  auto complete = [&](const std::string& line) {
    return run(kPath + "HOME=/nonexistent fish --no-config -c \"source '" + file.string() + "'; complete -C '" + line +
               "'\"")
        .out;
  };
  EXPECT_EQ(complete("iblint --fo"), "--format\tOutput format\n");
  EXPECT_NE(complete("iblint --format ").find("junit\t"), std::string::npos);
  EXPECT_EQ(complete("iblint --platform w"), "windows\tThe OS the components run on\n");
  EXPECT_EQ(complete("iblint explain IB10"),
            "IB101\tdocument-schema\nIB102\tduplicate-phase-name\nIB103\tduplicate-step-name\nIB104\tunknown-action\n"
            "IB105\taction-inputs\nIB106\tunexecuted-phase\nIB107\tstep-options\n");
  EXPECT_NE(complete("iblint --select IB101,IB20").find("IB101,IB201\tunquoted-chaining\n"), std::string::npos);
  EXPECT_NE(complete("iblint ex").find("explain\t"), std::string::npos);
}

TEST(Completions, ZshParsesAndCompinitRegistersIt) {
  require_shell("zsh");
  fs::path file = kCompletions / "_iblint";
  RunResult syntax = run("zsh -n '" + file.string() + "'");
  EXPECT_EQ(syntax.code, 0) << syntax.out;
  EXPECT_TRUE(read_file(file).starts_with("#compdef iblint\n"));
  // compinit reads #compdef lines from $fpath: `iblint` must map to _iblint.
  fs::path dump = fs::temp_directory_path() / ("iblint-zcompdump-" + std::to_string(::getpid()));
  RunResult registered = run("HOME=/nonexistent zsh -f -c \"fpath=('" + kCompletions.string() +
                             "' \\$fpath); autoload -Uz compinit; compinit -u -d '" + dump.string() +
                             "'; print -r -- \\${_comps[iblint]}\"");
  fs::remove(dump);
  EXPECT_EQ(registered.out, "_iblint\n");

  auto complete = [&](const std::string& line) {
    RunResult r = run(kPath + "HOME=/nonexistent timeout 60 zsh -f '" + IBLINT_SOURCE_DIR +
                      "/tests/tools/zsh-complete.zsh' '" + kCompletions.string() + "' '" + line + "' | sort -u");
    return r.out;
  };
  EXPECT_EQ(complete("iblint --fo"), "--format\n");
  EXPECT_EQ(complete("iblint --format "), "github\njson\njunit\nsarif\ntext\n");
  EXPECT_EQ(complete("iblint explain IB10"), "IB101\nIB102\nIB103\nIB104\nIB105\nIB106\nIB107\n");
  EXPECT_NE(complete("iblint --select IB101,IB20").find("IB201\n"), std::string::npos);
  EXPECT_NE(complete("iblint ex").find("explain\n"), std::string::npos);
}

}  // namespace
}  // namespace iblint
