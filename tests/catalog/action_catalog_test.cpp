#include "catalog/action_catalog.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace iblint {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

const ActionSpec& Get(std::string_view name) {
  const ActionSpec* a = find_action(name);
  if (a == nullptr) ADD_FAILURE() << "missing action " << name;
  static const ActionSpec kEmpty{};
  return a ? *a : kEmpty;
}

const InputSpec& In(std::string_view action, std::string_view input) {
  const InputSpec* in = find_input(Get(action), input);
  if (in == nullptr) ADD_FAILURE() << "missing input " << action << "." << input;
  static const InputSpec kEmpty{};
  return in ? *in : kEmpty;
}

std::vector<std::string> Names(const std::vector<std::string_view>& v) {
  return {v.begin(), v.end()};
}

TEST(ActionCatalog, HasExactlyThirtyModulesInSpecOrder) {
  const auto& cat = action_catalog();
  ASSERT_EQ(cat.size(), 30u);
  std::vector<std::string> names;
  for (const auto& a : cat) names.emplace_back(a.name);
  EXPECT_THAT(names,
              ElementsAre("Assert", "ExecuteBash", "ExecuteBinary", "ExecuteDocument",
                          "ExecutePowerShell", "S3Download", "S3Upload", "WebDownload",
                          "AppendFile", "CopyFile", "CopyFolder", "CreateFile", "CreateFolder",
                          "CreateSymlink", "DeleteFile", "DeleteFolder", "ListFiles", "MoveFile",
                          "MoveFolder", "ReadFile", "SetFileEncoding", "SetFileOwner",
                          "SetFolderOwner", "SetFilePermissions", "SetFolderPermissions",
                          "InstallMSI", "UninstallMSI", "Reboot", "SetRegistry", "UpdateOS"));
}

TEST(ActionCatalog, NamesAreUnique) {
  std::set<std::string_view> seen;
  for (const auto& a : action_catalog()) EXPECT_TRUE(seen.insert(a.name).second) << a.name;
}

TEST(ActionCatalog, InputNamesAreUniqueWithinEachModule) {
  for (const auto& a : action_catalog()) {
    std::set<std::string_view> seen;
    for (const auto& in : a.inputs)
      EXPECT_TRUE(seen.insert(in.name).second) << a.name << "." << in.name;
  }
}

TEST(ActionCatalog, SeedProfileHasExactlyTheEightModules) {
  std::set<std::string> seed;
  for (const auto& a : action_catalog())
    if (a.seed_2020) seed.emplace(a.name);
  EXPECT_EQ(seed, (std::set<std::string>{"ExecuteBinary", "ExecuteBash", "ExecutePowerShell",
                                         "Reboot", "UpdateOS", "S3Upload", "S3Download",
                                         "SetRegistry"}));
}

TEST(ActionCatalog, EveryModuleIsWellFormed) {
  for (const auto& a : action_catalog()) {
    EXPECT_FALSE(a.summary.empty()) << a.name;
    EXPECT_NE(a.platforms, 0u) << a.name;
    EXPECT_EQ(a.platforms & ~unsigned{kAllPlatforms}, 0u) << a.name;
    ASSERT_EQ(a.since.size(), 7u) << a.name;
    EXPECT_EQ(a.since[4], '-') << a.name;
    EXPECT_EQ(a.free_form_inputs, a.name == "Assert") << a.name;
    // Seed modules all existed in the Dec 2019 docs.
    if (a.seed_2020) {
      EXPECT_EQ(a.since, "2019-12") << a.name;
    }
    for (const auto& in : a.inputs) {
      EXPECT_FALSE(in.name.empty()) << a.name;
      // Required inputs carry no default; enum defaults are members of the enum.
      if (in.required) {
        EXPECT_TRUE(in.default_value.empty()) << a.name << "." << in.name;
      }
      if (!in.allowed.empty() && !in.default_value.empty()) {
        EXPECT_NE(std::find(in.allowed.begin(), in.allowed.end(), in.default_value),
                  in.allowed.end())
            << a.name << "." << in.name;
      }
    }
    // Constraints only name inputs the module has (step options excepted).
    for (const auto& c : a.constraints) {
      if (c.kind == Constraint::Kind::FixedStepOption) continue;
      EXPECT_NE(find_input(a, c.a), nullptr) << a.name << " constraint on " << c.a;
      if (!c.b.empty()) {
        EXPECT_NE(find_input(a, c.b), nullptr) << a.name << " constraint on " << c.b;
      }
    }
  }
}

TEST(ActionCatalog, SinceDates) {
  EXPECT_EQ(Get("Assert").since, "2023-05");
  EXPECT_EQ(Get("ExecuteDocument").since, "2022-03");
  EXPECT_EQ(Get("WebDownload").since, "2020-10");
  EXPECT_EQ(Get("SetFolderPermissions").since, "2020-10");
  EXPECT_EQ(Get("InstallMSI").since, "2021-10");
  EXPECT_EQ(Get("UninstallMSI").since, "2021-10");
  EXPECT_EQ(Get("UpdateOS").since, "2019-12");
}

TEST(ActionCatalog, FindActionIsExactAndCaseSensitive) {
  ASSERT_NE(find_action("ExecuteBash"), nullptr);
  EXPECT_EQ(find_action("ExecuteBash")->name, "ExecuteBash");
  EXPECT_EQ(find_action("executebash"), nullptr);
  EXPECT_EQ(find_action("EXECUTEBASH"), nullptr);
  EXPECT_EQ(find_action("ExecuteBash "), nullptr);
  EXPECT_EQ(find_action(""), nullptr);
  EXPECT_EQ(find_action("ExecuteShell"), nullptr);
  // The pointer is into the catalog itself.
  for (const auto& a : action_catalog()) EXPECT_EQ(find_action(a.name), &a);
  // Lookup does not depend on the argument's storage.
  std::string owned = "SetRegistry";
  EXPECT_EQ(find_action(owned), &Get("SetRegistry"));
}

TEST(ActionCatalog, FindInputIsExact) {
  const ActionSpec& bin = Get("ExecuteBinary");
  EXPECT_NE(find_input(bin, "arguments"), nullptr);
  EXPECT_EQ(find_input(bin, "args"), nullptr);
  EXPECT_EQ(find_input(bin, "Path"), nullptr);
}

TEST(ActionCatalog, Assert) {
  const ActionSpec& a = Get("Assert");
  EXPECT_TRUE(a.free_form_inputs);
  EXPECT_EQ(a.shape, InputShape::Map);
  EXPECT_THAT(a.outputs, IsEmpty());
  EXPECT_EQ(a.platforms, unsigned{kAllPlatforms});
  EXPECT_FALSE(a.seed_2020);
}

TEST(ActionCatalog, ExecuteBash) {
  const ActionSpec& a = Get("ExecuteBash");
  EXPECT_EQ(a.shape, InputShape::Map);
  ASSERT_EQ(a.inputs.size(), 1u);
  EXPECT_EQ(a.inputs[0].name, "commands");
  EXPECT_EQ(a.inputs[0].type, InputType::StringList);
  EXPECT_TRUE(a.inputs[0].required);
  EXPECT_THAT(Names(a.outputs), ElementsAre("stdout"));
  EXPECT_EQ(a.platforms, unsigned{kLinux | kMacOS});
  EXPECT_TRUE(a.constraints.empty());
}

TEST(ActionCatalog, ExecuteBinary) {
  const ActionSpec& a = Get("ExecuteBinary");
  EXPECT_TRUE(In("ExecuteBinary", "path").required);
  EXPECT_EQ(In("ExecuteBinary", "path").type, InputType::String);
  EXPECT_FALSE(In("ExecuteBinary", "arguments").required);
  EXPECT_EQ(In("ExecuteBinary", "arguments").type, InputType::StringList);
  EXPECT_THAT(Names(a.outputs), ElementsAre("stdout"));
  EXPECT_EQ(a.platforms, unsigned{kAllPlatforms});
}

TEST(ActionCatalog, ExecutePowerShellConstraints) {
  const ActionSpec& a = Get("ExecutePowerShell");
  EXPECT_EQ(a.platforms, unsigned{kWindows});
  EXPECT_FALSE(In("ExecutePowerShell", "commands").required);
  EXPECT_FALSE(In("ExecutePowerShell", "file").required);
  EXPECT_EQ(In("ExecutePowerShell", "commands").type, InputType::StringList);
  EXPECT_EQ(In("ExecutePowerShell", "file").type, InputType::String);
  EXPECT_THAT(Names(a.outputs), ElementsAre("stdout"));
  ASSERT_EQ(a.constraints.size(), 2u);
  bool one_of = false, suffix = false;
  for (const auto& c : a.constraints) {
    if (c.kind == Constraint::Kind::ExactlyOneOf) {
      one_of = true;
      EXPECT_EQ(c.a, "commands");
      EXPECT_EQ(c.b, "file");
    } else if (c.kind == Constraint::Kind::InputSuffix) {
      suffix = true;
      EXPECT_EQ(c.a, "file");
      EXPECT_EQ(c.value, ".ps1");
    }
  }
  EXPECT_TRUE(one_of);
  EXPECT_TRUE(suffix);
}

TEST(ActionCatalog, ExecuteDocumentFixedOptionsAndOutputs) {
  const ActionSpec& a = Get("ExecuteDocument");
  EXPECT_EQ(a.shape, InputShape::Map);
  EXPECT_TRUE(In("ExecuteDocument", "document").required);
  EXPECT_FALSE(In("ExecuteDocument", "document-s3-bucket-owner").required);
  EXPECT_EQ(In("ExecuteDocument", "phases").type, InputType::String);
  EXPECT_EQ(In("ExecuteDocument", "parameters").type, InputType::NameValueList);
  EXPECT_THAT(Names(a.outputs),
              UnorderedElementsAre("executedStepCount", "executionId", "failedStepCount",
                                   "failureMessage", "ignoredFailedStepCount", "logUrl",
                                   "status"));
  std::vector<std::pair<std::string, std::string>> fixed;
  for (const auto& c : a.constraints) {
    ASSERT_EQ(c.kind, Constraint::Kind::FixedStepOption);
    fixed.emplace_back(c.a, c.value);
  }
  EXPECT_THAT(fixed, UnorderedElementsAre(std::pair<std::string, std::string>{"timeoutSeconds", "-1"},
                                          std::pair<std::string, std::string>{"maxAttempts", "1"}));
}

TEST(ActionCatalog, S3DownloadAndUpload) {
  const ActionSpec& d = Get("S3Download");
  EXPECT_EQ(d.shape, InputShape::List);
  EXPECT_TRUE(In("S3Download", "source").required);
  EXPECT_TRUE(In("S3Download", "destination").required);
  EXPECT_FALSE(In("S3Download", "expectedBucketOwner").required);
  EXPECT_EQ(In("S3Download", "overwrite").type, InputType::Boolean);
  EXPECT_EQ(In("S3Download", "overwrite").default_value, "true");
  EXPECT_THAT(d.outputs, IsEmpty());
  EXPECT_EQ(d.platforms, unsigned{kAllPlatforms});

  const ActionSpec& u = Get("S3Upload");
  EXPECT_EQ(u.shape, InputShape::List);
  EXPECT_EQ(In("S3Upload", "recurse").type, InputType::StringOrBoolean);
  EXPECT_EQ(In("S3Upload", "recurse").default_value, "false");
  EXPECT_THAT(u.outputs, IsEmpty());
}

TEST(ActionCatalog, WebDownload) {
  const ActionSpec& a = Get("WebDownload");
  EXPECT_EQ(a.shape, InputShape::List);
  EXPECT_TRUE(In("WebDownload", "source").required);
  EXPECT_TRUE(In("WebDownload", "destination").required);
  EXPECT_EQ(In("WebDownload", "overwrite").default_value, "true");
  EXPECT_EQ(In("WebDownload", "ignoreCertificateErrors").type, InputType::Boolean);
  EXPECT_EQ(In("WebDownload", "ignoreCertificateErrors").default_value, "false");
  EXPECT_FALSE(In("WebDownload", "checksum").required);
  EXPECT_THAT(Names(In("WebDownload", "algorithm").allowed),
              ElementsAre("MD5", "SHA1", "SHA256", "SHA512"));
  EXPECT_THAT(Names(a.outputs), ElementsAre("destination"));
  ASSERT_EQ(a.constraints.size(), 1u);
  EXPECT_EQ(a.constraints[0].kind, Constraint::Kind::BothOrNeither);
  EXPECT_EQ(a.constraints[0].a, "checksum");
  EXPECT_EQ(a.constraints[0].b, "algorithm");
}

TEST(ActionCatalog, EncodingsAreCaseInsensitiveEnums) {
  for (std::string_view mod : {"AppendFile", "CreateFile", "ReadFile", "SetFileEncoding"}) {
    const InputSpec& enc = In(mod, "encoding");
    EXPECT_TRUE(enc.allowed_case_insensitive) << mod;
    EXPECT_EQ(enc.default_value, "utf8") << mod;
    EXPECT_EQ(enc.allowed.size(), 14u) << mod;
    EXPECT_NE(std::find(enc.allowed.begin(), enc.allowed.end(), "utf-16-BE"), enc.allowed.end());
  }
}

TEST(ActionCatalog, CreateFileOwnerNotOnWindows) {
  for (std::string_view mod : {"CreateFile", "CreateFolder"}) {
    for (std::string_view name : {"owner", "group", "permissions"}) {
      const InputSpec& in = In(mod, name);
      EXPECT_EQ(in.platforms, unsigned{kLinux | kMacOS}) << mod << "." << name;
      EXPECT_EQ(in.platforms & kWindows, 0u);
      EXPECT_EQ(in.type, InputType::String) << mod << "." << name;
    }
    // The modules themselves run everywhere.
    EXPECT_EQ(Get(mod).platforms, unsigned{kAllPlatforms});
    EXPECT_EQ(In(mod, "path").platforms, unsigned{kAllPlatforms});
  }
  EXPECT_EQ(In("CreateFile", "permissions").default_value, "0666");
  EXPECT_EQ(In("CreateFolder", "permissions").default_value, "0777");
}

TEST(ActionCatalog, FileSystemModules) {
  EXPECT_EQ(Get("CreateSymlink").platforms, unsigned{kLinux | kMacOS});
  EXPECT_TRUE(In("CreateSymlink", "target").required);
  EXPECT_EQ(In("DeleteFolder", "force").default_value, "false");
  EXPECT_THAT(Names(Get("ListFiles").outputs), ElementsAre("files"));
  EXPECT_EQ(In("ListFiles", "recursive").default_value, "false");
  EXPECT_THAT(Names(Get("ReadFile").outputs), ElementsAre("content"));
  EXPECT_EQ(In("ReadFile", "printFileContent").type, InputType::Boolean);
  EXPECT_TRUE(In("SetFileOwner", "owner").required);
  EXPECT_FALSE(In("SetFileOwner", "group").required);
  EXPECT_EQ(In("SetFolderOwner", "recursive").default_value, "true");
  EXPECT_TRUE(In("SetFilePermissions", "permissions").required);
  EXPECT_EQ(In("SetFilePermissions", "permissions").type, InputType::String);
  for (std::string_view mod :
       {"SetFileOwner", "SetFolderOwner", "SetFilePermissions", "SetFolderPermissions"})
    EXPECT_EQ(Get(mod).platforms, unsigned{kLinux | kMacOS}) << mod;
  for (const auto& a : action_catalog()) {
    if (a.since == "2020-10") {
      EXPECT_EQ(a.shape, InputShape::List) << a.name;
    }
  }
}

TEST(ActionCatalog, SetRegistry) {
  const ActionSpec& a = Get("SetRegistry");
  EXPECT_EQ(a.shape, InputShape::List);
  EXPECT_EQ(a.platforms, unsigned{kWindows});
  for (std::string_view name : {"path", "name", "value", "type"})
    EXPECT_TRUE(In("SetRegistry", name).required) << name;
  EXPECT_EQ(In("SetRegistry", "value").type, InputType::RegistryValue);
  EXPECT_THAT(Names(In("SetRegistry", "type").allowed),
              ElementsAre("BINARY", "DWORD", "QWORD", "SZ", "EXPAND_SZ", "MULTI_SZ"));
  EXPECT_FALSE(In("SetRegistry", "type").allowed_case_insensitive);
  EXPECT_THAT(Names(In("SetRegistry", "path").allowed_prefixes),
              UnorderedElementsAre("HKEY_CLASSES_ROOT", "HKCR:", "HKEY_USERS", "HKU:",
                                   "HKEY_LOCAL_MACHINE", "HKLM:", "HKEY_CURRENT_CONFIG", "HKCC:",
                                   "HKEY_CURRENT_USER", "HKCU:"));
  EXPECT_THAT(a.outputs, IsEmpty());
}

TEST(ActionCatalog, InstallAndUninstallMsi) {
  for (std::string_view mod : {"InstallMSI", "UninstallMSI"}) {
    const ActionSpec& a = Get(mod);
    EXPECT_EQ(a.shape, InputShape::Map) << mod;
    EXPECT_EQ(a.platforms, unsigned{kWindows}) << mod;
    EXPECT_EQ(a.since, "2021-10") << mod;
    EXPECT_TRUE(In(mod, "path").required);
    EXPECT_THAT(Names(In(mod, "reboot").allowed), ElementsAre("Allow", "Force", "Skip"));
    EXPECT_EQ(In(mod, "reboot").default_value, "Allow");
    EXPECT_EQ(In(mod, "logOptions").default_value, "*VX");
    EXPECT_EQ(In(mod, "logOptions").allowed_chars, "iwearucmopvx+!*");
    EXPECT_TRUE(In(mod, "logOptions").allowed_case_insensitive);
    EXPECT_EQ(In(mod, "properties").type, InputType::StringMap);
    EXPECT_EQ(In(mod, "allowUnsignedInstaller").default_value, "false");
    EXPECT_EQ(In(mod, "ignoreAuthenticodeSignatureErrors").type, InputType::Boolean);
    EXPECT_THAT(Names(a.outputs), ElementsAre("logFile", "msiExitCode", "stdout"));
    EXPECT_EQ(a.inputs.size(), 7u);
  }
}

TEST(ActionCatalog, RebootAndUpdateOS) {
  const ActionSpec& r = Get("Reboot");
  EXPECT_EQ(r.platforms, unsigned{kAllPlatforms});
  EXPECT_EQ(In("Reboot", "delaySeconds").type, InputType::Integer);
  EXPECT_EQ(In("Reboot", "delaySeconds").default_value, "0");
  EXPECT_FALSE(In("Reboot", "delaySeconds").required);

  const ActionSpec& u = Get("UpdateOS");
  EXPECT_EQ(u.shape, InputShape::Map);
  EXPECT_EQ(u.platforms, unsigned{kLinux | kWindows});
  EXPECT_EQ(u.inputs.size(), 2u);
  for (const auto& in : u.inputs) {
    EXPECT_FALSE(in.required) << in.name;
    EXPECT_EQ(in.type, InputType::StringList) << in.name;
  }
  EXPECT_THAT(u.outputs, IsEmpty());
}

}  // namespace
}  // namespace iblint
