// The 30 AWSTOE action modules as data (spec/component-document.md §8, §12).
// One table, in the spec's §8.1 order. Helpers below only build table rows;
// nothing here decides anything per module in code.
#include "catalog/action_catalog.h"

#include <unordered_map>
#include <utility>

namespace iblint {
namespace {

using T = InputType;
using Strs = std::vector<std::string_view>;

constexpr unsigned kL = kLinux;
constexpr unsigned kW = kWindows;
constexpr unsigned kM = kMacOS;
constexpr unsigned kNotWindows = kLinux | kMacOS;

constexpr bool kSeed = true;
constexpr bool kNotSeed = false;
constexpr bool kFreeForm = true;
constexpr bool kTable = false;

// ---- row builders ---------------------------------------------------------

InputSpec Req(std::string_view name, InputType type) {
  return InputSpec{name, type, true, {}, {}, false, kAllPlatforms, {}, {}};
}

InputSpec Opt(std::string_view name, InputType type, std::string_view default_value = {}) {
  return InputSpec{name, type, false, default_value, {}, false, kAllPlatforms, {}, {}};
}

/// Restricts an input to enum values (exact case unless `case_insensitive`).
InputSpec OneOf(InputSpec s, Strs values, bool case_insensitive = false) {
  s.allowed = std::move(values);
  s.allowed_case_insensitive = case_insensitive;
  return s;
}

/// Restricts every character of an input's value to `chars`.
InputSpec CharsFrom(InputSpec s, std::string_view chars, bool case_insensitive) {
  s.allowed_chars = chars;
  s.allowed_case_insensitive = case_insensitive;
  return s;
}

/// Requires an input's value to start with one of `prefixes`.
InputSpec PrefixedBy(InputSpec s, Strs prefixes, bool case_insensitive) {
  s.allowed_prefixes = std::move(prefixes);
  s.allowed_case_insensitive = case_insensitive;
  return s;
}

/// Input accepted only on the given platforms.
InputSpec OnlyOn(InputSpec s, unsigned platforms) {
  s.platforms = platforms;
  return s;
}

Constraint ExactlyOneOf(std::string_view a, std::string_view b) {
  return Constraint{Constraint::Kind::ExactlyOneOf, a, b, {}};
}
Constraint BothOrNeither(std::string_view a, std::string_view b) {
  return Constraint{Constraint::Kind::BothOrNeither, a, b, {}};
}
Constraint FixedStepOption(std::string_view field, std::string_view value) {
  return Constraint{Constraint::Kind::FixedStepOption, field, {}, value};
}
Constraint InputSuffix(std::string_view input, std::string_view suffix) {
  return Constraint{Constraint::Kind::InputSuffix, input, {}, suffix};
}

// ---- shared value domains ---------------------------------------------------

/// §8.4 common encodings, compared case-insensitively; default utf8.
InputSpec Encoding() {
  return OneOf(Opt("encoding", T::String, "utf8"),
               {"utf8", "utf-8", "utf16", "utf-16", "utf16-LE", "utf-16-LE", "utf16-BE",
                "utf-16-BE", "utf32", "utf-32", "utf32-LE", "utf-32-LE", "utf32-BE",
                "utf-32-BE"},
               /*case_insensitive=*/true);
}

/// InstallMSI / UninstallMSI share one input table (§8.5).
std::vector<InputSpec> MsiInputs() {
  return {
      Req("path", T::String),
      // uncertain: meaning of Allow/Force/Skip elided in the stored docs; names kept as the enum.
      OneOf(Opt("reboot", T::String, "Allow"), {"Allow", "Force", "Skip"}),
      // msiexec /L flags; the default "*VX" is upper-case, so letters match either case.
      CharsFrom(Opt("logOptions", T::String, "*VX"), "iwearucmopvx+!*", /*case_insensitive=*/true),
      Opt("logFile", T::String),
      // uncertain: some properties may not be overridden (list elided); no restriction applied.
      Opt("properties", T::StringMap),
      Opt("ignoreAuthenticodeSignatureErrors", T::Boolean, "false"),
      Opt("allowUnsignedInstaller", T::Boolean, "false"),
  };
}

// ---- the table --------------------------------------------------------------
// Columns: name, summary, shape, inputs, outputs, platforms, since, seed_2020,
//          free_form_inputs, constraints.

std::vector<ActionSpec> BuildCatalog() {
  return {
      // 1
      {"Assert", "Evaluates one comparison or logical operator expression; false fails the step.",
       InputShape::Map, {}, {}, kL | kW | kM, "2023-05", kNotSeed, kFreeForm, {}},

      // 2 — seed profile: Linux only; macOS added with the current profile.
      {"ExecuteBash", "Runs bash commands as one script; exit 194 requests reboot-and-rerun.",
       InputShape::Map, {Req("commands", T::StringList)}, {"stdout"}, kL | kM, "2019-12", kSeed,
       kTable, {}},

      // 3
      {"ExecuteBinary", "Runs an executable with arguments; exit 194 (Linux) / 3010 (Windows) requests reboot.",
       InputShape::Map, {Req("path", T::String), Opt("arguments", T::StringList)}, {"stdout"},
       kL | kW | kM, "2019-12", kSeed, kTable, {}},

      // 4 — uncertain: `document` forms beyond local path / s3:// URI / component ARN were
      // elided in the stored docs; typed as a plain string with no format restriction.
      {"ExecuteDocument", "Runs other component documents (nesting up to 3 levels).",
       InputShape::Map,
       {Req("document", T::String), Opt("document-s3-bucket-owner", T::String),
        Opt("phases", T::String),  // comma-separated; absent = all phases
        Opt("parameters", T::NameValueList)},
       {"executedStepCount", "executionId", "failedStepCount", "failureMessage",
        "ignoredFailedStepCount", "logUrl", "status"},
       kL | kW | kM, "2022-03", kNotSeed, kTable,
       {FixedStepOption("timeoutSeconds", "-1"), FixedStepOption("maxAttempts", "1")}},

      // 5
      {"ExecutePowerShell", "Runs Windows PowerShell commands or a .ps1 file; exit 3010 requests reboot.",
       InputShape::Map, {Opt("commands", T::StringList), Opt("file", T::String)}, {"stdout"}, kW,
       "2019-12", kSeed, kTable, {ExactlyOneOf("commands", "file"), InputSuffix("file", ".ps1")}},

      // 6 — the seed text mentioned an `override` flag; `overwrite` is the current name.
      {"S3Download", "Downloads S3 objects or a key prefix to local paths.", InputShape::List,
       {Req("source", T::String), Req("destination", T::String),
        Opt("expectedBucketOwner", T::String), Opt("overwrite", T::Boolean, "true")},
       {}, kL | kW | kM, "2019-12", kSeed, kTable, {}},

      // 7
      {"S3Upload", "Uploads local files or folders to S3.", InputShape::List,
       {Req("source", T::String), Req("destination", T::String),
        // Documented as String, written as a boolean in AWS examples: accept both.
        Opt("recurse", T::StringOrBoolean, "false"), Opt("expectedBucketOwner", T::String)},
       {}, kL | kW | kM, "2019-12", kSeed, kTable, {}},

      // 8
      {"WebDownload", "Downloads files over HTTP(S), optionally verifying a checksum.",
       InputShape::List,
       {Req("source", T::String), Req("destination", T::String),
        Opt("overwrite", T::Boolean, "true"), Opt("checksum", T::String),
        OneOf(Opt("algorithm", T::String), {"MD5", "SHA1", "SHA256", "SHA512"}),
        Opt("ignoreCertificateErrors", T::Boolean, "false")},
       {"destination"}, kL | kW | kM, "2020-10", kNotSeed, kTable,
       {BothOrNeither("checksum", "algorithm")}},

      // 9
      {"AppendFile", "Appends content to an existing file.", InputShape::List,
       {Req("path", T::String), Opt("content", T::String), Encoding()}, {}, kL | kW | kM,
       "2020-10", kNotSeed, kTable, {}},

      // 10
      {"CopyFile", "Copies files (wildcard allowed in the file-name part of source).",
       InputShape::List,
       {Req("source", T::String), Req("destination", T::String),
        Opt("overwrite", T::Boolean, "true")},
       {}, kL | kW | kM, "2020-10", kNotSeed, kTable, {}},

      // 11
      {"CopyFolder", "Copies folders.", InputShape::List,
       {Req("source", T::String), Req("destination", T::String),
        Opt("overwrite", T::Boolean, "true")},
       {}, kL | kW | kM, "2020-10", kNotSeed, kTable, {}},

      // 12 — permissions is documented as a string; numbers are read as text (TOE029 warns).
      {"CreateFile", "Creates a file (and missing parent folders) with optional content.",
       InputShape::List,
       {Req("path", T::String), Opt("content", T::String), Encoding(),
        OnlyOn(Opt("owner", T::String), kNotWindows), OnlyOn(Opt("group", T::String), kNotWindows),
        OnlyOn(Opt("permissions", T::String, "0666"), kNotWindows),
        Opt("overwrite", T::Boolean, "true")},
       {}, kL | kW | kM, "2020-10", kNotSeed, kTable, {}},

      // 13 — owner/group default to the current user / its group (not a literal value).
      {"CreateFolder", "Creates a folder (and missing parents).", InputShape::List,
       {Req("path", T::String), OnlyOn(Opt("owner", T::String), kNotWindows),
        OnlyOn(Opt("group", T::String), kNotWindows),
        OnlyOn(Opt("permissions", T::String, "0777"), kNotWindows),
        Opt("overwrite", T::Boolean, "true")},
       {}, kL | kW | kM, "2020-10", kNotSeed, kTable, {}},

      // 14 — uncertain: the cross-reference list says L W M, the module text says not on
      // Windows; the module text wins.
      {"CreateSymlink", "Creates a symbolic link to an existing target.", InputShape::List,
       {Req("path", T::String), Req("target", T::String), Opt("force", T::Boolean, "false")}, {},
       kL | kM, "2020-10", kNotSeed, kTable, {}},

      // 15
      {"DeleteFile", "Deletes files (wildcard allowed in the file-name part).", InputShape::List,
       {Req("path", T::String)}, {}, kL | kW | kM, "2020-10", kNotSeed, kTable, {}},

      // 16 — uncertain: OS inferred (cross-reference list truncated); all platforms.
      {"DeleteFolder", "Deletes a folder; a non-empty folder needs force.", InputShape::List,
       {Req("path", T::String), Opt("force", T::Boolean, "false")}, {}, kL | kW | kM, "2020-10",
       kNotSeed, kTable, {}},

      // 17 — uncertain: OS inferred (cross-reference list truncated); all platforms.
      {"ListFiles", "Lists files in a folder as a comma-separated string.", InputShape::List,
       {Req("path", T::String), Opt("fileNamePattern", T::String),
        Opt("recursive", T::Boolean, "false")},
       {"files"}, kL | kW | kM, "2020-10", kNotSeed, kTable, {}},

      // 18 — uncertain: OS inferred (cross-reference list truncated); all platforms.
      {"MoveFile", "Moves files.", InputShape::List,
       {Req("source", T::String), Req("destination", T::String),
        Opt("overwrite", T::Boolean, "true")},
       {}, kL | kW | kM, "2020-10", kNotSeed, kTable, {}},

      // 19 — uncertain: OS inferred (cross-reference list truncated); all platforms.
      {"MoveFolder", "Moves folders.", InputShape::List,
       {Req("source", T::String), Req("destination", T::String),
        Opt("overwrite", T::Boolean, "true")},
       {}, kL | kW | kM, "2020-10", kNotSeed, kTable, {}},

      // 20 — uncertain: OS inferred (cross-reference list truncated); all platforms.
      {"ReadFile", "Reads a text file into the output `content`.", InputShape::List,
       {Req("path", T::String), Encoding(), Opt("printFileContent", T::Boolean, "false")},
       {"content"}, kL | kW | kM, "2020-10", kNotSeed, kTable, {}},

      // 21 — uncertain: OS inferred (cross-reference list truncated); all platforms.
      {"SetFileEncoding", "Converts a file from utf-8 to another encoding.", InputShape::List,
       {Req("path", T::String), Encoding()}, {}, kL | kW | kM, "2020-10", kNotSeed, kTable, {}},

      // 22 — OS inferred from the module text (not Windows). group defaults to the user's group.
      {"SetFileOwner", "Sets a file's owner and group.", InputShape::List,
       {Req("path", T::String), Req("owner", T::String), Opt("group", T::String)}, {}, kNotWindows,
       "2020-10", kNotSeed, kTable, {}},

      // 23 — OS inferred from the module text (not Windows).
      {"SetFolderOwner", "Sets a folder's owner and group.", InputShape::List,
       {Req("path", T::String), Req("owner", T::String), Opt("group", T::String),
        Opt("recursive", T::Boolean, "true")},
       {}, kNotWindows, "2020-10", kNotSeed, kTable, {}},

      // 24 — OS inferred from the module text (not Windows).
      {"SetFilePermissions", "Sets a file's permissions.", InputShape::List,
       {Req("path", T::String), Req("permissions", T::String)}, {}, kNotWindows, "2020-10",
       kNotSeed, kTable, {}},

      // 25 — OS inferred from the module text (not Windows).
      {"SetFolderPermissions", "Sets a folder's permissions.", InputShape::List,
       {Req("path", T::String), Req("permissions", T::String),
        Opt("recursive", T::Boolean, "true")},
       {}, kNotWindows, "2020-10", kNotSeed, kTable, {}},

      // 26
      {"InstallMSI", "Installs a Windows .msi package with msiexec.", InputShape::Map, MsiInputs(),
       {"logFile", "msiExitCode", "stdout"}, kW, "2021-10", kNotSeed, kTable, {}},

      // 27
      {"UninstallMSI", "Uninstalls a Windows .msi package with msiexec.", InputShape::Map,
       MsiInputs(), {"logFile", "msiExitCode", "stdout"}, kW, "2021-10", kNotSeed, kTable, {}},

      // 28 — uncertain: macOS support; kept (lenient). Seed text said default 60, table 0: use 0.
      {"Reboot", "Reboots the instance, then resumes the document.", InputShape::Map,
       {Opt("delaySeconds", T::Integer, "0")}, {}, kL | kW | kM, "2019-12", kSeed, kTable, {}},

      // 29
      {"SetRegistry", "Creates or sets Windows registry values.", InputShape::List,
       {// Windows registry / PowerShell drive names are case-insensitive.
        PrefixedBy(Req("path", T::String),
                   {"HKEY_CLASSES_ROOT", "HKCR:", "HKEY_USERS", "HKU:", "HKEY_LOCAL_MACHINE",
                    "HKLM:", "HKEY_CURRENT_CONFIG", "HKCC:", "HKEY_CURRENT_USER", "HKCU:"},
                   /*case_insensitive=*/true),
        Req("name", T::String), Req("value", T::RegistryValue),
        OneOf(Req("type", T::String), {"BINARY", "DWORD", "QWORD", "SZ", "EXPAND_SZ", "MULTI_SZ"})},
       {}, kW, "2019-12", kSeed, kTable, {}},

      // 30 — uncertain: macOS support; Linux + Windows only as the spec's OS column says.
      // uncertain: full Windows include/exclude syntax elided; any strings accepted.
      {"UpdateOS", "Installs OS updates (all by default; include minus exclude).", InputShape::Map,
       {Opt("include", T::StringList), Opt("exclude", T::StringList)}, {}, kL | kW, "2019-12",
       kSeed, kTable, {}},
  };
}

}  // namespace

const std::vector<ActionSpec>& action_catalog() {
  static const std::vector<ActionSpec> catalog = BuildCatalog();
  return catalog;
}

const ActionSpec* find_action(std::string_view name) {
  static const std::unordered_map<std::string_view, const ActionSpec*> index = [] {
    std::unordered_map<std::string_view, const ActionSpec*> m;
    for (const ActionSpec& a : action_catalog()) m.emplace(a.name, &a);
    return m;
  }();
  auto it = index.find(name);
  return it == index.end() ? nullptr : it->second;
}

const InputSpec* find_input(const ActionSpec& action, std::string_view name) {
  for (const InputSpec& in : action.inputs)
    if (in.name == name) return &in;
  return nullptr;
}

}  // namespace iblint
