#pragma once
// What the project says about the operating system a recipe builds on, for the rules that
// compare it with components (IB404), the supported list (IB409) and patching (IB607).
#include <optional>
#include <string>

#include "catalog/parent_image_os.h"
#include "model/project.h"

namespace iblint {

struct RecipeOs {
  ParentImageOs os;
  /// Where the OS is read from, in the recipe's file: its ParentImage (or a container
  /// recipe's PlatformOverride).
  Span span;
  /// "ParentImage `arn:…:aws:image/amazon-linux-2-x86/x.x.x`", "PlatformOverride `Windows`",
  /// or "the image `BaseImage`'s ParentImage `…`" when the parent is an image of the project.
  std::string described;
  bool from_platform_override = false;
  bool inherited = false;  ///< read through a parent image built by the project
};

/// The text a reference is written with: a literal, or a `!Sub` template with its `${…}`.
std::optional<std::string> reference_text(const cfn::Value& value);

/// The OS of the recipe's parent image when its reference names it (see parent_image_os), also
/// through an AWS::ImageBuilder::Image of the project; for a container recipe, PlatformOverride
/// when it is written. nullopt when unknown.
std::optional<RecipeOs> recipe_os(const Project& project, const ImageRecipe& recipe);

/// Whether the parent image is one AWS publishes (an Amazon-owned Image Builder image ARN or an
/// AWS public SSM parameter under `/aws/service/`), not an account's own or unknown image.
bool aws_published_parent(const ImageRecipe& recipe);

/// A component resource's Platform as a catalog Platform bit (0 when not a literal).
unsigned declared_platform(const ComponentResource& component);

/// "Linux", "Windows", "macOS", "Linux or macOS" for a set of catalog Platform bits.
std::string platform_list(unsigned platforms);

/// The span of a node of an embedded component document, in the component's own file.
Span outer_span(const Project& project, const ComponentResource& component, Span span);

}  // namespace iblint
