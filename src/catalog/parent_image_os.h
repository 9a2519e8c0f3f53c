#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace iblint {

/// The operating system of a recipe's parent image, when its reference names it.
struct ParentImageOs {
  enum class Source {
    ImageBuilderArn,     ///< an Amazon-managed Image Builder image (`…:aws:image/<name>/…`)
    PublicSsmParameter,  ///< an AWS public SSM parameter (`ssm:/aws/service/…`, `{{resolve:ssm:/aws/service/…}}`)
  };
  unsigned platform = 0;  ///< catalog Platform bit: kLinux, kWindows or kMacOS
  std::string family;     ///< "Amazon Linux", "Windows Server", "Ubuntu", "Red Hat Enterprise Linux", …
  std::string version;    ///< "2", "2023", "2019", "22.04", "1909"; "" when the name gives none
  Source source = Source::ImageBuilderArn;
  std::string name;       ///< the image or parameter name the OS was read from

  /// "Amazon Linux 2", "Windows Server 2019", "macOS".
  std::string display() const;
};

/// Reads the OS from a parent image reference as written (after CloudFormation evaluation).
/// Only names AWS publishes are understood: Amazon-owned Image Builder image ARNs
/// (`amazon-linux-2-x86`, `windows-server-2019-english-full-base-x86`, `ubuntu-server-22-lts-x86`,
/// …) and AWS public SSM parameters under `/aws/service/` whose path names the OS. An AMI id, an
/// account's own image, any other parameter, a Marketplace id or a name with a `${…}` variable
/// gives nullopt: unknown, never guessed.
std::optional<ParentImageOs> parent_image_os(std::string_view reference);

}  // namespace iblint
