// Which hand-written commands count as patching for IB607: updates of every package do,
// updates of one package and refreshing package lists do not.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "engine/project_lint.h"
#include "source/source_file.h"

namespace iblint {
namespace {

/// Whether IB607 reports a recipe whose only component runs command (ExecuteBash or
/// ExecutePowerShell, by platform).
bool reported(const std::string& command, bool windows = false) {
  std::string text = std::string("Resources:\n  Patch:\n    Type: AWS::ImageBuilder::Component\n    Properties:\n") +
                     "      Name: patch\n      Version: 1.0.0\n      Platform: " + (windows ? "Windows" : "Linux") +
                     "\n      Data: |\n        name: patch\n        schemaVersion: 1.0\n        phases:\n"
                     "          - name: build\n            steps:\n              - name: Patch\n"
                     "                action: " + (windows ? "ExecutePowerShell" : "ExecuteBash") +
                     "\n                inputs:\n                  commands:\n                    - '" + command +
                     "'\n  Recipe:\n    Type: AWS::ImageBuilder::ImageRecipe\n    Properties:\n      Name: r\n"
                     "      Version: 1.0.0\n      ParentImage: arn:aws:imagebuilder:us-east-1:aws:image/" +
                     (windows ? "windows-server-2022-english-full-base-x86" : "amazon-linux-2023-x86") +
                     "/x.x.x\n      Components:\n        - ComponentArn: !Ref Patch\n";
  auto file = std::make_shared<const SourceFile>("template.yaml", text);
  LintSettings settings;
  settings.shellcheck = false;
  settings.enabled = [](const RuleInfo& info) { return info.id == std::string_view("IB607"); };
  std::vector<FileLint> lints = lint_files({file}, settings);
  return !lints.front().diagnostics.empty();
}

TEST(MissingPatching, FullUpdatesCount) {
  for (const char* command : {"yum update -y", "sudo yum -y update", "dnf -y upgrade --refresh", "yum update",
                              "apt-get update && apt-get upgrade -y", "sudo apt-get -y dist-upgrade",
                              "DEBIAN_FRONTEND=noninteractive apt full-upgrade -y", "zypper --non-interactive patch",
                              "yum update -y; reboot"}) {
    EXPECT_FALSE(reported(command)) << command;
  }
  EXPECT_FALSE(reported("Install-WindowsUpdate -AcceptAll -AutoReboot", true));
}

TEST(MissingPatching, CommandsAreReadIgnoringCase) {
  // The cheap word test before the regex must ignore case as the regex does.
  EXPECT_FALSE(reported("SUDO YUM UPDATE -Y"));
  EXPECT_FALSE(reported("Zypper Patch"));
  EXPECT_FALSE(reported("get-windowsupdate -install", true));
  EXPECT_TRUE(reported("YUM INSTALL -Y NGINX"));
}

TEST(MissingPatching, PartialUpdatesDoNotCount) {
  for (const char* command : {"yum update -y nginx", "apt-get update", "sudo apt-get install -y nginx",
                              "yum install -y yum-utils", "echo update"}) {
    EXPECT_TRUE(reported(command)) << command;
  }
  EXPECT_TRUE(reported("Write-Host update", true));
}

}  // namespace
}  // namespace iblint
