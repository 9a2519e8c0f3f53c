#include "engine/project_rule.h"
#include "model/project.h"
#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

/// Whether the component is a TEST component (its document has only a `test` phase; for
/// Amazon-managed ones, the catalog says). nullopt when it cannot be known.
std::optional<bool> is_test_component(const Project& project, const RecipeComponent& rc) {
  if (rc.component.status == Link::Status::Managed && rc.component.managed) return rc.component.managed->test;
  const ComponentResource* c = project.component_of(rc.component);
  if (!c || !c->document || c->document->phases.empty()) return std::nullopt;
  for (const Phase& phase : c->document->phases) {
    if (phase.name != "test") return false;
  }
  return true;
}

/// A recipe whose components are all TEST components: Image Builder needs at least one build
/// component (spec resources.md §2, RES005).
class NoBuildComponent final : public ProjectRule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB410", "no-build-component", Severity::Error,
                               "Every component of the recipe is a TEST component; at least one build component is required"};
    return rule;
  }

  void check_project(const ProjectContext& context, Reporter& out) const override {
    for (const ImageRecipe& recipe : context.project.recipes) {
      if (recipe.components.empty()) continue;  // a missing list is the schema's business
      bool all_test = true;
      for (const RecipeComponent& rc : recipe.components) {
        std::optional<bool> test = is_test_component(context.project, rc);
        if (!test || !*test) {
          all_test = false;
          break;
        }
      }
      if (!all_test) continue;
      const Resource& r = *recipe.resource;
      std::string count = recipe.components.size() == 1
                              ? std::string("its only component is a TEST component")
                              : "all " + std::to_string(recipe.components.size()) + " of its components are TEST components";
      out.report(*r.file, key_span(*r.properties, r.api() ? "components" : "Components"),
                 "recipe " + r.label() + " has no build component: " + count +
                     " (only a `test` phase), and Image Builder requires at least one build component; "
                     "add one (for example the Amazon-managed `update-linux` or `update-windows`) before the tests");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_no_build_component() { return std::make_unique<NoBuildComponent>(); }

}  // namespace iblint
