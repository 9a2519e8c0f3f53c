#include <algorithm>
#include <regex>

#include "catalog/action_catalog.h"
#include "engine/project_rule.h"
#include "model/arn.h"
#include "model/project.h"
#include "rules/recipe_os.h"
#include "rules/rule_support.h"
#include "rules/rules.h"
#include "util/case_insensitive_search.h"

namespace iblint {
namespace {

/// A shell command that updates every installed package (`yum -y update`, `apt-get upgrade`,
/// `dnf upgrade`, `zypper patch`, PSWindowsUpdate's `Install-WindowsUpdate`): patching written
/// by hand instead of UpdateOS.
bool updates_all_packages(const std::string& script) {
  // Every alternative below names one of these words: most scripts hold none of them and skip
  // the regex, which was a tenth of linting a template.
  constexpr std::string_view kWords[] = {"yum", "dnf", "apt", "zypper", "windowsupdate"};
  if (std::none_of(std::begin(kWords), std::end(kWords),
                   [&](std::string_view word) { return contains_ignoring_case(script, word); }))
    return false;
  static const std::regex kUpdate(
      R"((^|[\s;&|(])(sudo\s+)?(yum|dnf)\s+(-\S+\s+)*(update|upgrade)(\s+-\S+)*\s*($|[;&|)\n])|)"
      R"((^|[\s;&|(])(sudo\s+)?(apt-get|apt)\s+(-\S+\s+)*(upgrade|dist-upgrade|full-upgrade)\b|)"
      R"((^|[\s;&|(])(sudo\s+)?zypper\s+(-\S+\s+)*(update|up|patch)\b|)"
      R"(\bInstall-WindowsUpdate\b|\bGet-WindowsUpdate\b.*-Install\b)",
      std::regex::icase);
  return std::regex_search(script, kUpdate);
}

/// Whether a scalar or list of scalars holds an update-everything command.
bool node_updates(const yaml::Node* node) {
  if (!node) return false;
  const yaml::Node& n = node->resolved();
  if (n.is_scalar()) return updates_all_packages(n.value);
  for (const yaml::Node* item : n.items) {
    if (node_updates(item)) return true;
  }
  for (const yaml::Pair& pair : n.pairs) {
    if (node_updates(pair.value)) return true;
  }
  return false;
}

/// The build phase of the document runs UpdateOS or a package-manager update.
bool document_patches(const Component& document) {
  for (const Phase& phase : document.phases) {
    if (phase.name != "build") continue;
    for (const Step& step : phase.steps) {
      if (step.action == "UpdateOS") return true;
      if ((step.action == "ExecuteBash" || step.action == "ExecutePowerShell") && node_updates(step.inputs)) return true;
    }
  }
  return false;
}

/// A recipe that applies no OS updates.
class MissingPatching final : public ProjectRule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB607", "missing-patching", Severity::Warning,
                               "The recipe applies no OS updates (no UpdateOS step, no update-linux/update-windows)", true};
    return rule;
  }

  void check_project(const ProjectContext& context, Reporter& out) const override {
    const Project& project = context.project;
    for (const ImageRecipe& recipe : project.recipes) {
      // An account's own or unknown parent image may be a golden image patched upstream.
      if (recipe.container || recipe.components.empty() || !aws_published_parent(recipe)) continue;
      std::optional<bool> patched = patches(project, recipe);
      if (!patched || *patched) continue;
      const Resource& r = *recipe.resource;
      std::optional<RecipeOs> os = recipe_os(project, recipe);
      std::string managed = !os                             ? "`update-linux` or `update-windows`"
                            : os->os.platform == kWindows ? "`update-windows`"
                                                          : "`update-linux`";
      const yaml::Node* components = r.property_node("Components");
      Span at = components ? key_span(*r.properties, r.api() ? "components" : "Components") : r.anchor();
      out.report(*r.file, at,
                 "recipe " + r.label() + " applies no OS updates (" +
                     (recipe.components.size() == 1
                          ? std::string("its one component runs neither an UpdateOS step nor")
                          : "none of its " + std::to_string(recipe.components.size()) + " components runs an UpdateOS step or") +
                     " a package-manager update), so the image ships the parent image's known "
                     "vulnerabilities; add the Amazon-managed " + managed + " component (`…:aws:component/" +
                     managed.substr(1, managed.find('`', 1) - 1) + "/x.x.x`) or an UpdateOS step");
    }
  }

 private:
  /// true: some component patches; false: every component is known and none does; nullopt: a
  /// component iblint cannot see (an S3 document, an external ARN, a parameter).
  static std::optional<bool> patches(const Project& project, const ImageRecipe& recipe) {
    bool all_known = true;
    for (const RecipeComponent& rc : recipe.components) {
      const Link& link = rc.component;
      if (link.status == Link::Status::Managed && link.managed) {
        if (std::string_view(link.managed->name).starts_with("update-")) return true;
        continue;
      }
      if (const ComponentResource* c = project.component_of(link)) {
        if (!c->document) {
          all_known = false;
          continue;
        }
        if (document_patches(*c->document)) return true;
        continue;
      }
      // An Amazon-owned component missing from the catalog may still be an update component.
      if (std::optional<std::string> text = reference_text(link.value)) {
        if (std::optional<ImageBuilderArn> arn = parse_imagebuilder_arn(*text);
            arn && arn->amazon_owned() && arn->name.starts_with("update-"))
          return true;
      }
      all_known = false;
    }
    if (!all_known) return std::nullopt;
    return false;
  }
};

}  // namespace

std::unique_ptr<Rule> make_missing_patching() { return std::make_unique<MissingPatching>(); }

}  // namespace iblint
