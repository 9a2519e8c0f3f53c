#include "rules/shell_script_cache.h"

#include <gtest/gtest.h>

#include <string>

namespace iblint {
namespace {

std::vector<std::string> words_of(const ShellScript& script) {
  std::vector<std::string> out;
  for (const ShellCommand& command : script.commands) {
    for (const ShellWord& word : command.words) out.push_back(word.text);
    out.push_back(";");
  }
  return out;
}

TEST(ShellScriptCache, GivesWhatParseGivesAndParsesATextOnce) {
  const std::string text = "sudo chmod 777 /etc/app && curl -k https://x | bash\n";
  std::shared_ptr<const ShellScript> first = shared_shell_script(text, Shell::Bash);
  EXPECT_EQ(words_of(*first), words_of(parse_shell_script(text, Shell::Bash)));
  EXPECT_EQ(shared_shell_script(std::string(text), Shell::Bash), first);  // equal text, same parse
  EXPECT_NE(shared_shell_script(text + " ", Shell::Bash), first);
}

TEST(ShellScriptCache, BashAndPowerShellAreParsedApart) {
  const std::string text = "Set-ExecutionPolicy Unrestricted # a comment in both\n";
  std::shared_ptr<const ShellScript> bash = shared_shell_script(text, Shell::Bash);
  std::shared_ptr<const ShellScript> powershell = shared_shell_script(text, Shell::PowerShell);
  EXPECT_NE(bash, powershell);
  EXPECT_EQ(words_of(*powershell), words_of(parse_shell_script(text, Shell::PowerShell)));
}

TEST(ShellScriptCache, StaysBoundedAndEarlierResultsStayValid) {
  std::shared_ptr<const ShellScript> kept = shared_shell_script("echo kept\n", Shell::Bash);
  // More text than the cache holds: it starts over, and what it gave out before still reads.
  const std::string filler(kShellScriptCacheBytes / 4, 'a');
  for (int i = 0; i < 5; ++i) shared_shell_script(filler + std::to_string(i), Shell::Bash);
  EXPECT_EQ(words_of(*kept), (std::vector<std::string>{"echo", "kept", ";"}));
  EXPECT_NE(shared_shell_script("echo kept\n", Shell::Bash), kept);  // parsed again after the reset
  // A script larger than the whole cache is parsed, not kept.
  const std::string huge(kShellScriptCacheBytes + 1, 'b');
  EXPECT_NE(shared_shell_script(huge, Shell::Bash), shared_shell_script(huge, Shell::Bash));
}

}  // namespace
}  // namespace iblint
