#include "catalog/parent_image_os.h"

#include <vector>

#include "catalog/action_catalog.h"
#include "model/arn.h"

namespace iblint {
namespace {

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(separator, start);
    if (end == std::string_view::npos) end = text.size();
    parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

/// "2012" followed by "r2" is one Windows version; 20H2 is written lower-case in ARNs.
std::string windows_version(const std::vector<std::string_view>& tokens, size_t at) {
  if (at >= tokens.size()) return "";
  std::string version = lower(tokens[at]);
  if (version == "2012" && at + 1 < tokens.size() && lower(tokens[at + 1]).starts_with("r2")) return "2012 R2";
  if (version == "20h2") return "20H2";
  return all_digits(version) ? version : "";
}

ParentImageOs make(unsigned platform, std::string family, std::string version, ParentImageOs::Source source,
                   std::string_view name) {
  ParentImageOs os;
  os.platform = platform;
  os.family = std::move(family);
  os.version = std::move(version);
  os.source = source;
  os.name = std::string(name);
  return os;
}

/// Amazon-managed Image Builder image names: amazon-linux-2-x86, ubuntu-server-22-lts-x86, …
std::optional<ParentImageOs> from_image_name(std::string_view name) {
  using S = ParentImageOs::Source;
  std::vector<std::string_view> t = split(name, '-');
  auto starts = [&](std::initializer_list<std::string_view> words) {
    if (t.size() < words.size()) return false;
    size_t i = 0;
    for (std::string_view w : words) {
      if (t[i++] != w) return false;
    }
    return true;
  };
  if (starts({"amazon", "linux"}) && t.size() > 2 && (t[2] == "2" || t[2] == "2023"))
    return make(kLinux, "Amazon Linux", std::string(t[2]), S::ImageBuilderArn, name);
  if (starts({"windows", "server"})) {
    std::string version = windows_version(t, 2);
    if (!version.empty()) return make(kWindows, "Windows Server", version, S::ImageBuilderArn, name);
    return std::nullopt;
  }
  if (starts({"ubuntu", "server"}) && t.size() > 2 && all_digits(t[2]))
    return make(kLinux, "Ubuntu", std::string(t[2]) + ".04", S::ImageBuilderArn, name);
  if (starts({"ubuntu"}) && t.size() > 1 && all_digits(t[1]))  // container images: ubuntu-18-x86-18-04
    return make(kLinux, "Ubuntu", std::string(t[1]) + ".04", S::ImageBuilderArn, name);
  if (starts({"red", "hat", "enterprise", "linux"}) && t.size() > 4 && all_digits(t[4]))
    return make(kLinux, "Red Hat Enterprise Linux", std::string(t[4]), S::ImageBuilderArn, name);
  if (starts({"suse", "server"}) && t.size() > 2 && all_digits(t[2]))
    return make(kLinux, "SUSE Linux Enterprise Server", std::string(t[2]), S::ImageBuilderArn, name);
  if (starts({"centos", "linux"}) && t.size() > 2 && all_digits(t[2]))
    return make(kLinux, "CentOS", std::string(t[2]), S::ImageBuilderArn, name);
  if (starts({"macos"})) return make(kMacOS, "macOS", "", S::ImageBuilderArn, name);
  return std::nullopt;
}

/// AWS public SSM parameters (`/aws/service/…`) whose path names the OS.
std::optional<ParentImageOs> from_public_parameter(std::string_view path) {
  using S = ParentImageOs::Source;
  std::vector<std::string_view> p = split(path, '/');  // "", "aws", "service", …
  if (p.size() < 5 || !p[0].empty() || p[1] != "aws" || p[2] != "service") return std::nullopt;
  std::string_view area = p[3];
  if (area == "ami-amazon-linux-latest") {
    std::string_view leaf = p[4];
    if (leaf.starts_with("al2023")) return make(kLinux, "Amazon Linux", "2023", S::PublicSsmParameter, path);
    if (leaf.starts_with("amzn2-")) return make(kLinux, "Amazon Linux", "2", S::PublicSsmParameter, path);
    if (leaf.starts_with("amzn-ami-")) return make(kLinux, "Amazon Linux", "1 (2018.03)", S::PublicSsmParameter, path);
    return std::nullopt;
  }
  if (area == "ami-windows-latest") {
    std::string_view leaf = p[4];
    size_t at = leaf.find("Windows_Server-");
    if (at == std::string_view::npos) return std::nullopt;
    std::string version = windows_version(split(leaf.substr(at + 15), '-'), 0);
    if (version.empty()) return std::nullopt;
    return make(kWindows, "Windows Server", version, S::PublicSsmParameter, path);
  }
  if (area == "canonical" && p.size() > 6 && p[4] == "ubuntu" && (p[5] == "server" || p[5] == "server-minimal") &&
      !p[6].empty() && p[6].find('.') != std::string_view::npos)
    return make(kLinux, "Ubuntu", std::string(p[6]), S::PublicSsmParameter, path);
  if (area == "suse" && p.size() > 5 && p[4] == "sles") {
    std::string_view version = p[5].substr(0, p[5].find('-'));
    if (all_digits(version)) return make(kLinux, "SUSE Linux Enterprise Server", std::string(version), S::PublicSsmParameter, path);
    return std::nullopt;
  }
  if (area == "debian" && p.size() > 5 && p[4] == "release" && all_digits(p[5]))
    return make(kLinux, "Debian", std::string(p[5]), S::PublicSsmParameter, path);
  if (area == "ec2-macos") return make(kMacOS, "macOS", "", S::PublicSsmParameter, path);
  return std::nullopt;
}

}  // namespace

std::string ParentImageOs::display() const { return version.empty() ? family : family + " " + version; }

std::optional<ParentImageOs> parent_image_os(std::string_view reference) {
  if (reference.find("${") != std::string_view::npos && !reference.starts_with("arn:")) return std::nullopt;
  if (looks_like_arn(reference)) {
    std::optional<ImageBuilderArn> arn = parse_imagebuilder_arn(reference);
    if (!arn || arn->type != "image" || arn->owner != "aws" || arn->name_variable) return std::nullopt;
    return from_image_name(arn->name);
  }
  // `ssm:<name or ARN>` (Image Builder) or `{{resolve:ssm:<name>[:version]}}` (CloudFormation).
  std::string_view rest;
  if (reference.starts_with("ssm:")) rest = reference.substr(4);
  else if (reference.starts_with("{{resolve:ssm:") && reference.ends_with("}}"))
    rest = reference.substr(14, reference.size() - 16);
  else return std::nullopt;
  size_t path = rest.find("/aws/service/");
  if (path == std::string_view::npos) return std::nullopt;
  if (path != 0 && !rest.starts_with("arn:")) return std::nullopt;
  rest = rest.substr(path);
  if (size_t version = rest.find(':'); version != std::string_view::npos) rest = rest.substr(0, version);
  if (rest.find("${") != std::string_view::npos) return std::nullopt;
  return from_public_parameter(rest);
}

}  // namespace iblint
