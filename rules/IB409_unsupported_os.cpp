#include <algorithm>
#include <cstdlib>

#include "engine/project_rule.h"
#include "model/project.h"
#include "rules/recipe_os.h"
#include "rules/rule_support.h"
#include "rules/rules.h"

namespace iblint {
namespace {

struct Supported {
  std::string_view family;
  std::vector<std::string_view> versions;  ///< as ParentImageOs::version writes them
};

// spec/resources.md "Supported operating systems by profile".
const std::vector<Supported>& supported(Profile profile) {
  static const std::vector<Supported> seed = {
      {"Amazon Linux", {"2"}},
      {"Windows Server", {"2019", "2016", "2012 R2", "1909"}},
      {"Red Hat Enterprise Linux", {"8", "7"}},
      {"CentOS", {"8", "7"}},
      {"Ubuntu", {"18.04", "16.04"}},
      {"SUSE Linux Enterprise Server", {"15"}},
  };
  static const std::vector<Supported> current = {
      {"Amazon Linux", {"2", "2023"}},
      {"CentOS", {"7", "8"}},
      {"Red Hat Enterprise Linux", {"7", "8"}},
      {"SUSE Linux Enterprise Server", {"12", "15"}},
      {"Ubuntu", {"18.04", "20.04", "22.04"}},
      {"Windows Server", {"2012 R2", "2016", "2019", "2022", "2004", "20H2"}},
      {"macOS", {""}},
  };
  return profile == Profile::Seed2020 ? seed : current;
}

/// A number that orders versions within a family: Windows' half-yearly channels (1909, 2004,
/// 20H2) sort between the LTSC years; everything else by its leading number.
double version_rank(std::string_view family, std::string_view version) {
  if (family == "Windows Server") {
    if (version == "1909") return 2019.9;
    if (version == "2004") return 2020.4;
    if (version == "20H2") return 2020.10;
  }
  return std::strtod(std::string(version).c_str(), nullptr);
}

/// The parent image's OS (when its reference names it) is not one Image Builder supports in
/// the active profile.
class UnsupportedOs final : public ProjectRule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB409", "unsupported-os", Severity::Error,
                               "The parent image's operating system is not one Image Builder supports in the profile"};
    return rule;
  }

  void check_project(const ProjectContext& context, Reporter& out) const override {
    const Project& project = context.project;
    for (const ImageRecipe& recipe : project.recipes) {
      std::optional<RecipeOs> known = recipe_os(project, recipe);
      // The spec reads the OS only from Image Builder image ARNs (parameters and overrides: no);
      // a parent built in the project is judged at its own recipe.
      if (!known || known->from_platform_override || known->inherited || known->os.source != ParentImageOs::Source::ImageBuilderArn) continue;
      const ParentImageOs& os = known->os;
      const Supported* family = nullptr;
      for (const Supported& s : supported(context.profile)) {
        if (s.family == os.family) family = &s;
      }
      if (family && (family->versions.front().empty() ||
                     std::find(family->versions.begin(), family->versions.end(), os.version) != family->versions.end()))
        continue;
      std::string list;
      if (family) {
        for (std::string_view v : family->versions) list += (list.empty() ? "" : ", ") + std::string(v);
      }
      const Resource& r = *recipe.resource;
      std::string message = "recipe " + r.label() + " builds on " + os.display() + " (" + known->described + "), ";
      if (context.profile == Profile::Seed2020) {
        message += "which Image Builder did not support in 2020" +
                   (family ? " (" + std::string(family->family) + ": " + list + ")" : std::string()) +
                   "; use a supported parent image" + profile_note(context.profile);
        out.report(*r.file, known->span, message);
        continue;
      }
      bool newer = family && std::all_of(family->versions.begin(), family->versions.end(), [&](std::string_view v) {
                     return version_rank(os.family, os.version) > version_rank(os.family, v);
                   });
      if (newer) {
        message += "newer than iblint's list of supported versions (" + list +
                   "); Image Builder has added OS versions since, so check the user guide's list";
        out.report(*r.file, known->span, message).severity = Severity::Info;
        continue;
      }
      message += "which Image Builder does not support" + (family ? " (" + std::string(family->family) + ": " + list + ")" : std::string()) +
                 "; choose a supported version";
      out.report(*r.file, known->span, message);
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_unsupported_os() { return std::make_unique<UnsupportedOs>(); }

}  // namespace iblint
