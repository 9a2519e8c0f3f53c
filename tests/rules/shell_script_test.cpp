#include "rules/shell_script.h"

#include <gtest/gtest.h>

namespace iblint {
namespace {

std::vector<std::string> texts(const ShellCommand& command) {
  std::vector<std::string> out;
  for (const ShellWord& w : command.words) out.push_back(w.text);
  return out;
}

using Words = std::vector<std::string>;

TEST(ShellScript, SplitsCommandsAndRemovesQuotes) {
  ShellScript s = parse_shell_script("sudo chmod 777 '/etc/my app' && echo \"done $X\"; ls\n", Shell::Bash);
  ASSERT_EQ(s.commands.size(), 3u);
  EXPECT_EQ(texts(s.commands[0]), (Words{"sudo", "chmod", "777", "/etc/my app"}));
  EXPECT_EQ(texts(s.commands[1]), (Words{"echo", "done $X"}));
  EXPECT_EQ(texts(s.commands[2]), (Words{"ls"}));
  EXPECT_EQ(command_name(s.commands[0], Shell::Bash), "chmod");
}

TEST(ShellScript, WordOffsetsCoverTheWordAsWritten) {
  std::string text = "chmod  '777'  /x";
  ShellScript s = parse_shell_script(text, Shell::Bash);
  ASSERT_EQ(s.commands.size(), 1u);
  const ShellWord& mode = s.commands[0].words[1];
  EXPECT_EQ(text.substr(mode.begin, mode.end - mode.begin), "'777'");
  EXPECT_EQ(mode.text, "777");
}

TEST(ShellScript, CommentsAreSkippedButHashInsideWordsIsKept) {
  ShellScript s = parse_shell_script("# chmod 777 /etc\necho a#b ${#x} \"# not\" # chmod 777 /\n", Shell::Bash);
  ASSERT_EQ(s.commands.size(), 1u);
  EXPECT_EQ(texts(s.commands[0]), (Words{"echo", "a#b", "${#x}", "# not"}));
  EXPECT_EQ(blank_comments("a # b\nc", Shell::Bash), "a    \nc");
}

TEST(ShellScript, PipesAndSubstitutions) {
  ShellScript s =
      parse_shell_script("curl -fsSL https://x | sudo -E bash -\nsh -c \"$(wget -qO- https://y)\"", Shell::Bash);
  ASSERT_EQ(s.commands.size(), 4u);
  EXPECT_EQ(command_name(s.commands[0], Shell::Bash), "curl");
  EXPECT_EQ(s.commands[1].piped_from, 0);
  EXPECT_EQ(command_name(s.commands[1], Shell::Bash), "bash");
  // the nested wget comes before the sh command that contains it
  EXPECT_EQ(command_name(s.commands[2], Shell::Bash), "wget");
  EXPECT_EQ(command_name(s.commands[3], Shell::Bash), "sh");
  EXPECT_EQ(s.commands[3].words[2].substitution, 2);
  EXPECT_EQ(s.commands[3].piped_from, -1);
}

TEST(ShellScript, ProcessSubstitutionAndBackticks) {
  ShellScript s = parse_shell_script("bash <(curl -s https://x)\nV=`curl https://v`", Shell::Bash);
  ASSERT_EQ(s.commands.size(), 4u);
  EXPECT_EQ(command_name(s.commands[0], Shell::Bash), "curl");
  EXPECT_EQ(s.commands[1].words[1].substitution, 0);
  EXPECT_EQ(command_name(s.commands[2], Shell::Bash), "curl");
  EXPECT_EQ(s.commands[3].words[0].substitution, 2);
  EXPECT_EQ(command_name(s.commands[3], Shell::Bash), "");  // only an assignment
}

TEST(ShellScript, RedirectionsAreSeparateFromWords) {
  ShellScript s =
      parse_shell_script("echo SELINUX=disabled > /etc/selinux/config 2>&1\ntouch a 2>/dev/null", Shell::Bash);
  ASSERT_EQ(s.commands.size(), 2u);
  EXPECT_EQ(texts(s.commands[0]), (Words{"echo", "SELINUX=disabled"}));
  ASSERT_EQ(s.commands[0].redirects.size(), 2u);
  EXPECT_EQ(s.commands[0].redirects[0].text, "/etc/selinux/config");
  EXPECT_EQ(texts(s.commands[1]), (Words{"touch", "a"}));
}

TEST(ShellScript, AnOpenQuoteEndsWithItsLine) {
  ShellScript s = parse_shell_script("echo don't\nchmod 777 /etc/x", Shell::Bash);
  ASSERT_EQ(s.commands.size(), 2u);
  EXPECT_EQ(command_name(s.commands[1], Shell::Bash), "chmod");
}

TEST(ShellScript, LineContinuationJoinsACommand) {
  ShellScript s = parse_shell_script("curl -fsSL https://x \\\n  | bash", Shell::Bash);
  ASSERT_EQ(s.commands.size(), 2u);
  EXPECT_EQ(s.commands[1].piped_from, 0);
}

TEST(ShellScript, NameSkipsWrappersAndKeywords) {
  ShellScript s =
      parse_shell_script("if sudo -u root env A=1 timeout 30 /usr/bin/chmod 777 /x; then :; fi", Shell::Bash);
  EXPECT_EQ(command_name(s.commands[0], Shell::Bash), "chmod");
}

TEST(ShellScript, PowerShellStatementsPipesAndComments) {
  ShellScript s = parse_shell_script(
      "$x = Invoke-WebRequest -Uri 'https://x' | Invoke-Expression # iex\n<# Set-ExecutionPolicy\nBypass #>\n"
      "& C:\\Tools\\Curl.EXE -k https://y; Write-Host `\n  done",
      Shell::PowerShell);
  ASSERT_EQ(s.commands.size(), 5u);
  EXPECT_EQ(texts(s.commands[0]), (Words{"$x"}));
  EXPECT_EQ(command_name(s.commands[1], Shell::PowerShell), "invoke-webrequest");
  EXPECT_EQ(s.commands[2].piped_from, 1);
  EXPECT_EQ(command_name(s.commands[2], Shell::PowerShell), "invoke-expression");
  EXPECT_EQ(s.commands[0].statement, s.commands[2].statement);
  EXPECT_EQ(command_name(s.commands[3], Shell::PowerShell), "curl");
  EXPECT_EQ(texts(s.commands[4]), (Words{"Write-Host", "done"}));
  EXPECT_NE(s.commands[3].statement, s.commands[4].statement);
}

TEST(ShellScript, PowerShellHereStringIsOneWord) {
  ShellScript s = parse_shell_script("Set-Content -Path a -Value @'\nnetsh advfirewall set allprofiles state off\n'@\n",
                                     Shell::PowerShell);
  ASSERT_EQ(s.commands.size(), 1u);
  EXPECT_EQ(s.commands[0].words.back().text, "netsh advfirewall set allprofiles state off");
}

TEST(ShellScript, DeepNestingDoesNotRecurseWithoutBound) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "$(";
  text += "curl";
  for (int i = 0; i < 5000; ++i) text += ")";
  ShellScript s = parse_shell_script(text, Shell::Bash);
  EXPECT_FALSE(s.commands.empty());
}

TEST(ShellScript, LocalHttpUrls) {
  EXPECT_TRUE(is_local_http_url("http://169.254.169.254/latest/api/token"));
  EXPECT_TRUE(is_local_http_url("HTTP://localhost:8080/"));
  EXPECT_TRUE(is_local_http_url("http://127.0.0.1"));
  EXPECT_TRUE(is_local_http_url("http://[fd00:ec2::254]/latest"));
  EXPECT_FALSE(is_local_http_url("http://example.com/x"));
  EXPECT_FALSE(is_local_http_url("http://localhost.example.com/x"));
  EXPECT_FALSE(is_local_http_url("https://localhost"));
}

}  // namespace
}  // namespace iblint
