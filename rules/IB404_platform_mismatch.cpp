#include "catalog/action_catalog.h"
#include "engine/project_rule.h"
#include "model/project.h"
#include "rules/recipe_os.h"
#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

/// What one recipe component can run on, and why iblint knows it.
struct ComponentPlatform {
  unsigned platforms = 0;  ///< 0: unknown
  std::string why;         ///< "its Platform is `Linux`", "Amazon-managed `update-windows` runs on Windows"
  const ComponentResource* resource = nullptr;
};

/// Platforms its actions allow: the intersection over every OS-specific action of the document.
unsigned action_platforms(const Component& document, std::string* first_specific) {
  unsigned possible = kAllPlatforms;
  for (const Phase& phase : document.phases) {
    for (const Step& step : phase.steps) {
      const ActionSpec* action = find_action(step.action);
      if (!action || action->platforms == kAllPlatforms) continue;
      if (first_specific->empty()) *first_specific = step.action;
      possible &= action->platforms;
    }
  }
  return possible;
}

ComponentPlatform platform_of(const Project& project, const RecipeComponent& rc) {
  ComponentPlatform out;
  if (rc.component.status == Link::Status::Managed && rc.component.managed) {
    out.platforms = rc.component.managed->platforms;
    out.why = "the Amazon-managed " + code(rc.component.managed->name) + " runs on " + platform_list(out.platforms);
    return out;
  }
  const ComponentResource* c = project.component_of(rc.component);
  if (!c) return out;
  out.resource = c;
  if (unsigned declared = declared_platform(*c)) {
    out.platforms = declared;
    out.why = c->resource->label() + " is a " + platform_list(declared) + " component";
    return out;
  }
  if (c->document) {
    std::string action;
    unsigned possible = action_platforms(*c->document, &action);
    if (possible != kAllPlatforms && possible != 0) {
      out.platforms = possible;
      out.why = c->resource->label() + " runs " + code(action) + ", which runs on " + platform_list(possible) + " only";
    }
  }
  return out;
}

/// A component's platform (or its actions' platforms) against the parent image's OS; Windows
/// and Linux components mixed in one recipe; a component whose document uses actions its
/// declared Platform cannot run.
class PlatformMismatch final : public ProjectRule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB404", "platform-mismatch", Severity::Error,
                               "A component's platform differs from the parent image's OS or from the recipe's other components"};
    return rule;
  }

  void check_project(const ProjectContext& context, Reporter& out) const override {
    const Project& project = context.project;
    for (const ImageRecipe& recipe : project.recipes) check_recipe(project, recipe, out);
    for (const ComponentResource& c : project.components) check_actions(project, c, out);
  }

 private:
  static void check_recipe(const Project& project, const ImageRecipe& recipe, Reporter& out) {
    const Resource& r = *recipe.resource;
    std::string field = r.api() ? "componentArn" : "ComponentArn";
    std::optional<RecipeOs> os = recipe_os(project, recipe);
    const RecipeComponent* first = nullptr;  // the first component of a known single platform
    ComponentPlatform first_platform;
    for (const RecipeComponent& rc : recipe.components) {
      ComponentPlatform platform = platform_of(project, rc);
      if (platform.platforms == 0) continue;
      Span at = rc.component.value.span_or(rc.node ? rc.node->span : r.anchor());
      if (os) {
        if (platform.platforms & os->os.platform) continue;
        Diagnostic& d = out.report(*r.file, at,
                                   "recipe " + r.label() + " builds on " + os->os.display() + " (" + os->described +
                                       "), but " + platform.why + "; Image Builder rejects the recipe: use a " +
                                       platform_list(os->os.platform) + " component or a " +
                                       platform_list(platform.platforms) + " parent image");
        d.related.push_back({os->span, "the parent image is " + os->os.display(), r.file});
        if (platform.resource && platform.resource->platform.node)
          d.related.push_back({platform.resource->platform.node->span, "the component's platform", platform.resource->resource->file});
        continue;
      }
      // Without a known parent OS, two components no platform can share still cannot both run.
      if (!first) {
        first = &rc;
        first_platform = platform;
        continue;
      }
      if (platform.platforms & first_platform.platforms) continue;
      Diagnostic& d = out.report(*r.file, at,
                                 "recipe " + r.label() + " mixes platforms: " + platform.why + ", but " + first_platform.why +
                                     "; one image has one OS, so split them into one recipe per platform");
      d.related.push_back({first->component.value.span_or(r.anchor()), "the other platform's component", r.file});
    }
  }

  /// `Platform: Linux` with ExecutePowerShell in the document, and so on.
  static void check_actions(const Project& project, const ComponentResource& c, Reporter& out) {
    unsigned declared = declared_platform(c);
    if (!declared || !c.document) return;
    const Resource& r = *c.resource;
    for (const Phase& phase : c.document->phases) {
      for (const Step& step : phase.steps) {
        const ActionSpec* action = find_action(step.action);
        if (!action || !step.action_node || (action->platforms & declared)) continue;
        Diagnostic& d = out.report(*r.file, outer_span(project, c, step.action_node->span),
                                   "component " + r.label() + " is declared " + platform_list(declared) + ", but " +
                                       code(action->name) + " runs on " + platform_list(action->platforms) +
                                       " only; change " + code(r.api() ? "platform" : "Platform") + " or use an action for " +
                                       platform_list(declared));
        d.related.push_back({c.platform.span_or(r.anchor()), "the component's platform", r.file});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_platform_mismatch() { return std::make_unique<PlatformMismatch>(); }

}  // namespace iblint
