#include "rules/recipe_os.h"

#include "catalog/action_catalog.h"
#include "load/embedded_component.h"
#include "model/arn.h"
#include "rules/rule_support.h"

namespace iblint {

std::optional<std::string> reference_text(const cfn::Value& value) {
  if (std::optional<std::string> text = value.literal()) return text;
  if (value.kind == cfn::Value::Kind::Sub) return value.text;
  return std::nullopt;
}

namespace {

std::optional<RecipeOs> recipe_os_at(const Project& project, const ImageRecipe& recipe, int depth) {
  const Resource& r = *recipe.resource;
  if (recipe.container) {
    cfn::Value override_value = r.property("PlatformOverride");
    if (std::optional<std::string> platform = override_value.literal()) {
      ParentImageOs os;
      os.platform = *platform == "Linux" ? kLinux : *platform == "Windows" ? kWindows : *platform == "macOS" ? kMacOS : 0u;
      if (os.platform == 0) return std::nullopt;
      os.family = *platform;
      RecipeOs known{os, override_value.span_or(r.anchor()), (r.api() ? "platformOverride " : "PlatformOverride ") + code(*platform), true};
      return known;
    }
  }
  if (std::optional<std::string> text = reference_text(recipe.parent_image)) {
    if (std::optional<ParentImageOs> os = parent_image_os(*text)) {
      return RecipeOs{*os, recipe.parent_image.span_or(r.anchor()),
                      (r.api() ? "parentImage " : "ParentImage ") + code(*text), false};
    }
  }
  // A parent built by an image of the same project (cascading pipelines): its recipe's OS.
  if (depth < 4 && recipe.parent.status == Link::Status::Resolved && recipe.parent.target) {
    for (const ImagePipeline& p : project.pipelines) {
      if (p.resource != recipe.parent.target) continue;
      const ImageRecipe* base = project.recipe_of(p.recipe);
      if (!base || base == &recipe) return std::nullopt;
      std::optional<RecipeOs> inherited = recipe_os_at(project, *base, depth + 1);
      if (!inherited || inherited->from_platform_override) return std::nullopt;
      inherited->inherited = true;
      inherited->span = recipe.parent_image.span_or(r.anchor());
      inherited->described = "the image " + p.resource->label() + ", built from " + inherited->described;
      return inherited;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<RecipeOs> recipe_os(const Project& project, const ImageRecipe& recipe) {
  return recipe_os_at(project, recipe, 0);
}

bool aws_published_parent(const ImageRecipe& recipe) {
  std::optional<std::string> text = reference_text(recipe.parent_image);
  if (!text) return false;
  if (std::optional<ImageBuilderArn> arn = parse_imagebuilder_arn(*text)) return arn->type == "image" && arn->owner == "aws";
  for (std::string_view prefix : {"ssm:/aws/service/", "{{resolve:ssm:/aws/service/"}) {
    if (text->starts_with(prefix)) return true;
  }
  return text->starts_with("ssm:arn:") && text->find(":parameter/aws/service/") != std::string::npos;
}

unsigned declared_platform(const ComponentResource& component) {
  std::optional<std::string> platform = component.platform.literal();
  if (!platform) return 0;
  if (*platform == "Linux") return kLinux;
  if (*platform == "Windows") return kWindows;
  if (*platform == "macOS") return kMacOS;
  return 0;
}

std::string platform_list(unsigned platforms) {
  std::string out;
  for (auto [bit, name] : {std::pair{kLinux, "Linux"}, std::pair{kWindows, "Windows"}, std::pair{kMacOS, "macOS"}}) {
    if (!(platforms & bit)) continue;
    if (!out.empty()) out += " or ";
    out += name;
  }
  return out;
}

Span outer_span(const Project& project, const ComponentResource& component, Span span) {
  for (const auto& embedded : project.embedded) {
    if (embedded->component && &*embedded->component == component.document) return embedded->to_outer(span);
  }
  return span;
}

}  // namespace iblint
