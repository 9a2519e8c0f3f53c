#include "dryrun/planner.h"

#include <filesystem>
#include <map>
#include <set>

#include "load/embedded_component.h"
#include "rules/rules.h"
#include "yaml/parser.h"

namespace iblint::dryrun {
namespace {

const std::vector<std::string> kBuildPhases = {"build", "validate"};
const std::vector<std::string> kTestPhases = {"test"};

std::string literal_or(const cfn::Value& value, std::string fallback) {
  std::optional<std::string> text = value.literal();
  return text ? *text : fallback;
}

/// A property as plan JSON: literals as written, lists item by item, anything that depends on
/// deployment as a visibly symbolic `<…>` description.
Json value_json(const Resource& r, const cfn::Value& value) {
  if (value.absent() || value.kind == cfn::Value::Kind::Null) return nullptr;
  if (std::optional<std::string> text = value.literal()) return *text;
  if (value.kind == cfn::Value::Kind::List) {
    Json out = Json::array();
    for (const cfn::Value& item : value.items) out.push_back(value_json(r, item));
    return out;
  }
  if (value.kind == cfn::Value::Kind::Map) {
    Json out = Json::object();
    for (const auto& [key, field] : value.fields) out[key->value] = value_json(r, field);
    return out;
  }
  return "<" + value.describe() + ">";
}

std::string resource_name(const Resource& r) {
  std::optional<std::string> name = r.name.literal();
  if (name) return *name;
  return r.logical_id.empty() ? r.type : r.logical_id;
}

std::string link_name(const Project& project, const Link& link) {
  if (link.target) return resource_name(*link.target);
  if (link.managed) return std::string(link.managed->name);
  (void)project;
  std::optional<std::string> text = link.value.literal();
  return text ? *text : link.value.absent() ? "" : "<" + link.value.describe() + ">";
}

/// A scalar of a `!Sub` document with its masked `${…}` restored from the template: each mask
/// byte ('X') of the decoded copy maps back to the template byte it replaced.
std::function<std::string(const yaml::Node&)> unmasked_value(const ComponentResource& c) {
  return [&c](const yaml::Node& node) {
    std::string value = node.value;
    if (value.find('X') == std::string::npos) return value;
    const EmbeddedComponent& doc = *c.embedded;
    yaml::Decoded decoded = yaml::decode_scalar(*doc.copy, node, true);
    if (decoded.value != value || decoded.offsets.size() < value.size()) return value;
    const std::string& outer = doc.outer->bytes();
    for (size_t i = 0; i < value.size(); ++i) {
      if (value[i] != 'X' || decoded.offsets[i] >= doc.offsets.size()) continue;
      uint32_t at = doc.offsets[decoded.offsets[i]];
      if (at < outer.size() && outer[at] != 'X') value[i] = outer[at];
    }
    return value;
  };
}

/// How each recipe component runs: its document when the project holds it, else a placeholder.
ComponentRun component_run(const Project& project, const RecipeComponent& rc, bool& test_only) {
  ComponentRun run;
  test_only = false;
  for (const RecipeParameter& p : rc.parameters) {
    std::optional<std::string> name = p.name.literal();
    if (!name) continue;
    const cfn::Value& value = p.value;
    std::optional<std::string> text = value.kind == cfn::Value::Kind::List && !value.items.empty() ? value.items[0].literal() : value.literal();
    if (text) run.parameter_values[*name] = *text;
  }
  if (const ComponentResource* c = project.component_of(rc.component)) {
    run.name = resource_name(*c->resource);
    run.version = literal_or(c->version, "");
    run.document = c->document;
    run.document_file = c->document_file;
    run.report_file = c->resource->file;
    run.to_report_span = [c](Span s) { return c->outer_span(s); };
    run.platform = literal_or(c->platform, "");
    if (c->embedded && c->embedded->copy && !c->embedded->offsets.empty()) run.value_of = unmasked_value(*c);
    if (!run.document) run.unknown_note = "its document is not inline (an S3 `Uri` or a computed value): its steps are not known here";
    return run;
  }
  run.name = link_name(project, rc.component);
  if (rc.component.managed) {
    test_only = rc.component.managed->test;
    run.unknown_note = "Amazon-managed component: its document is not available offline, so its steps are not known here";
  } else {
    run.unknown_note = "a component outside the given files: its steps are not known here";
  }
  return run;
}

class Planner {
 public:
  Planner(const PlanRequest& request, Plan& plan) : request_(request), plan_(plan) {
    plan_.stages.reserve(3);  // build, test, distribute: references to stages stay valid
  }

  void plan_pipeline(const ImagePipeline& pipeline) {
    const Project& project = *request_.project;
    const Resource& r = *pipeline.resource;
    plan_.pipeline["name"] = resource_name(r);
    plan_.pipeline["kind"] = pipeline.is_image ? "image" : "pipeline";
    plan_.pipeline["file"] = r.file->path();
    plan_.pipeline["recipe"] = link_name(project, pipeline.recipe);
    plan_.pipeline["infrastructure"] = link_name(project, pipeline.infrastructure);
    plan_.pipeline["distribution"] = link_name(project, pipeline.distribution);
    plan_.pipeline["platform"] = request_.platform.empty() ? Json(nullptr) : Json(request_.platform);
    plan_.pipeline["parameters"] = overrides_json();

    const InfrastructureConfiguration* infra = project.infrastructure_of(pipeline.infrastructure);
    Json instance = Json::object();
    if (infra) {
      const Resource& ir = *infra->resource;
      instance["instanceTypes"] = value_json(ir, infra->instance_types);
      instance["instanceProfile"] = value_json(ir, infra->instance_profile_name);
      instance["subnet"] = value_json(ir, infra->subnet_id);
      instance["securityGroups"] = value_json(ir, infra->security_group_ids);
      instance["terminateOnFailure"] = value_json(ir, infra->terminate_instance_on_failure);
    }
    const ImageRecipe* recipe = project.recipe_of(pipeline.recipe);
    const cfn::Value& tests = pipeline.image_tests;
    const cfn::Value& enabled = r.field(tests, "ImageTestsEnabled");
    const cfn::Value& timeout = r.field(tests, "TimeoutMinutes");
    bool tests_enabled = literal_or(enabled, "true") != "false";
    plan_recipe(recipe, instance, tests_enabled);

    Stage& test = plan_.stages[1];
    if (std::optional<std::string> minutes = timeout.literal()) {
      try {
        test.limit_seconds = std::stoll(*minutes) * 60;
      } catch (const std::exception&) {
      }
    }
    if (!tests_enabled) test.notes.push_back("imageTestsConfiguration.imageTestsEnabled is false: the test stage does not run");
    // Only a recipe whose every document is known can be said to have no test phase.
    if (tests_enabled && !enabled.absent() && test.steps.empty() && recipe && all_documents_known_) {
      report(empty_stage_rule(), *r.file, enabled.span_or(r.anchor()),
             "image tests are enabled but no component of recipe `" + plan_.pipeline["recipe"].get<std::string>() +
                 "` has a `test` phase: the test stage would run no step; add a test component (e.g. the Amazon-managed "
                 "`simple-boot-test-linux`) or disable the tests");
    }
    finish_times();
    if (test.limit_seconds && test.enabled && test.worst_case_seconds && *test.worst_case_seconds > *test.limit_seconds) {
      report(stage_time_budget_rule(), *r.file, timeout.span_or(r.anchor()),
             "the test stage's steps may take up to " + minutes(*test.worst_case_seconds) + " (timeoutSeconds × maxAttempts, summed) "
             "but imageTestsConfiguration.timeoutMinutes allows " + minutes(*test.limit_seconds) +
             " (the latest API documents this limit as ignored: uncertain); lower the step timeouts or raise timeoutMinutes");
    }
    plan_distribution(project.distribution_of(pipeline.distribution));
  }

  void plan_lone_recipe(const ImageRecipe& recipe) {
    const Resource& r = *recipe.resource;
    plan_.pipeline["name"] = resource_name(r);
    plan_.pipeline["kind"] = "recipe";
    plan_.pipeline["file"] = r.file->path();
    plan_.pipeline["recipe"] = resource_name(r);
    plan_.pipeline["infrastructure"] = nullptr;
    plan_.pipeline["distribution"] = nullptr;
    plan_.pipeline["platform"] = request_.platform.empty() ? Json(nullptr) : Json(request_.platform);
    plan_.pipeline["parameters"] = overrides_json();
    plan_recipe(&recipe, Json::object(), true);
    finish_times();
    plan_distribution(nullptr);
  }

  void plan_components() {
    const LoneComponent& first = request_.components.front();
    plan_.pipeline["name"] = component_name(first);
    plan_.pipeline["kind"] = "component";
    plan_.pipeline["file"] = first.file->path();
    plan_.pipeline["recipe"] = nullptr;
    plan_.pipeline["infrastructure"] = nullptr;
    plan_.pipeline["distribution"] = nullptr;
    plan_.pipeline["platform"] = request_.platform.empty() ? Json(nullptr) : Json(request_.platform);
    plan_.pipeline["parameters"] = overrides_json();
    Stage& build = add_stage("build", Json::object());
    Stage& test = add_stage("test", Json::object());
    for (const LoneComponent& lone : request_.components) {
      ComponentRun run;
      run.name = component_name(lone);
      run.document = lone.component;
      run.document_file = lone.file;
      run.report_file = lone.file;
      run.platform = request_.platform;
      simulate_component(run, kBuildPhases, request_.overrides, build, plan_);
      simulate_component(run, kTestPhases, request_.overrides, test, plan_);
    }
    // A document whose phases could not be read is lint's business (IB101), not an empty stage.
    const LoneComponent& c = request_.components.front();
    if (build.steps.empty() && test.steps.empty() && request_.components.size() == 1 && !c.component->phases.empty()) {
      const yaml::Node* at = c.component->phases_node ? c.component->phases_node : c.component->root;
      std::string names;
      for (const Phase& phase : c.component->phases) {
        if (phase.name_node && at == c.component->phases_node && names.empty()) at = phase.name_node;
        names += (names.empty() ? "`" : ", `") + phase.name + "`";
      }
      report(empty_stage_rule(), *c.file, at->span,
             "no stage would run a step of this component" + (names.empty() ? std::string() : " (its phases: " + names + ")") +
                 ": Image Builder runs only the `build` and `validate` phases (build stage) and `test` (test stage); rename the "
                 "phase or add steps");
    }
    finish_times();
    plan_distribution(nullptr);
  }

 private:
  static std::string minutes(int64_t seconds) {
    return std::to_string(seconds / 60) + " min" + (seconds % 60 ? " " + std::to_string(seconds % 60) + " s" : "");
  }

  static std::string component_name(const LoneComponent& c) {
    if (c.component->name && c.component->name->is_scalar() && !c.component->name->value.empty()) return c.component->name->value;
    return std::filesystem::path(c.file->path()).stem().string();
  }

  Json overrides_json() const {
    Json out = Json::object();
    for (const auto& [name, value] : request_.overrides) out[name] = value;
    return out;
  }

  Stage& add_stage(std::string name, Json instance) {
    Stage& stage = plan_.stages.emplace_back();
    stage.name = std::move(name);
    stage.instance = std::move(instance);
    return stage;
  }

  void report(const RuleInfo& rule, const SourceFile& file, Span span, std::string message) {
    Diagnostic& d = plan_.findings.emplace_back();
    d.rule = &rule;
    d.severity = rule.severity;
    d.message = std::move(message);
    d.span = span;
    d.file = &file;
  }

  void plan_recipe(const ImageRecipe* recipe, Json instance, bool tests_enabled) {
    const Project& project = *request_.project;
    Json build_instance = instance;
    if (recipe) build_instance["parentImage"] = value_json(*recipe->resource, recipe->parent_image);
    Stage& build = add_stage("build", build_instance);
    build.notes.push_back("launch the build instance, wait for the SSM agent, run AWSTOE with the build and validate phases");
    Json test_instance = instance;
    test_instance["image"] = "<the AMI the build stage creates>";
    Stage& test = add_stage("test", test_instance);
    test.enabled = tests_enabled;
    if (!recipe) {
      plan_.notes.push_back("the recipe is not among the given files: its components are not known");
      return;
    }
    for (const RecipeComponent& rc : recipe->components) {
      bool test_only = false;
      ComponentRun run = component_run(project, rc, test_only);
      if (!request_.platform.empty()) run.platform = request_.platform;
      all_documents_known_ = all_documents_known_ && run.document;
      if (run.document) {
        simulate_component(run, kBuildPhases, request_.overrides, build, plan_);
        if (tests_enabled) simulate_component(run, kTestPhases, request_.overrides, test, plan_);
      } else {
        simulate_component(run, test_only ? kTestPhases : kBuildPhases, request_.overrides, test_only ? test : build, plan_);
      }
    }
    build.notes.push_back("then: image creation (Linux: sanitize script; Windows: Sysprep), AMI snapshot, build instance terminated");
    if (build.steps.empty() && !recipe->components.empty()) {
      const Resource& r = *recipe->resource;
      const yaml::Node* components = r.property_node("Components");
      report(empty_stage_rule(), *r.file, components ? components->span : r.anchor(),
             "recipe " + r.label() + " would run no step in the build stage: none of its components has a `build` or `validate` "
             "phase; add a build component");
    }
  }

  void plan_distribution(const DistributionConfiguration* distribution) {
    Stage& stage = add_stage("distribute", Json::object());
    if (!distribution) {
      stage.enabled = request_.project && plan_.pipeline["kind"] != "recipe" && plan_.pipeline["kind"] != "component" &&
                      !plan_.pipeline["distribution"].is_null() && plan_.pipeline["distribution"] != "";
      stage.notes.push_back(stage.enabled ? "the distribution configuration is not among the given files"
                                          : "no distribution configuration: the AMI stays in the build region and account");
      return;
    }
    const Resource& r = *distribution->resource;
    std::map<std::string, const cfn::Value*> seen;
    for (const cfn::Value& entry : distribution->distributions.items) {
      DistributionTarget target;
      const cfn::Value& region = r.field(entry, "Region");
      target.region = literal_or(region, region.absent() ? "" : "<" + region.describe() + ">");
      const cfn::Value& ami = r.field(entry, "AmiDistributionConfiguration");
      for (const cfn::Value& account : r.field(ami, "TargetAccountIds").items) {
        target.accounts.push_back(literal_or(account, "<" + account.describe() + ">"));
      }
      target.ami_name = literal_or(r.field(ami, "Name"), "");
      if (std::optional<std::string> name = region.literal()) {
        auto [it, inserted] = seen.emplace(*name, &region);
        if (!inserted) {
          report(duplicate_region_rule(), *r.file, region.span_or(r.anchor()),
                 "region `" + *name + "` is listed twice in distribution configuration " + r.label() +
                     ": Image Builder accepts one entry per region; merge the two entries (accounts, launch permissions, "
                     "launch templates) into one");
          plan_.findings.back().related.push_back({it->second->span_or(r.anchor()), "first entry for `" + *name + "`", r.file});
        }
      }
      stage.targets.push_back(std::move(target));
    }
  }

  /// Worst case per stage: timeoutSeconds × maxAttempts for each step that may run (a loop's
  /// timeout covers all its iterations, so a step counts once); unknown when a step has none.
  void finish_times() {
    for (Stage& stage : plan_.stages) {
      std::optional<int64_t> total = 0;
      std::set<std::string> counted;
      for (PlannedStep& step : stage.steps) {
        if (step.skipped || (step.iterations && *step.iterations == 0)) continue;
        if (step.action.empty()) continue;  // an unknown component's steps
        std::string key = step.component + "/" + step.phase + "/" + step.step;
        if (!counted.insert(key).second) continue;
        if (!step.timeout_seconds) continue;  // Reboot
        if (*step.timeout_seconds < 0) {
          total.reset();
          break;
        }
        *total += *step.timeout_seconds * static_cast<int64_t>(std::min<uint64_t>(step.max_attempts, 1000));
      }
      stage.worst_case_seconds = total;
      // A Reboot step resumes at the next step of the stage (spec component-document.md §3.1).
      for (size_t i = 0; i < stage.steps.size(); ++i) {
        PlannedStep& step = stage.steps[i];
        if (!step.reboot || !step.reboot->certain) continue;
        step.reboot->resumes_at = i + 1 < stage.steps.size()
                                      ? stage.steps[i + 1].component + ": " + stage.steps[i + 1].phase + "." + stage.steps[i + 1].step
                                      : "the end of the stage";
      }
    }
  }

  const PlanRequest& request_;
  Plan& plan_;
  bool all_documents_known_ = true;  ///< every recipe component's document is among the inputs
};

}  // namespace

std::unique_ptr<Plan> make_plan(const PlanRequest& request, std::string& why_not) {
  auto plan = std::make_unique<Plan>();
  Planner planner(request, *plan);
  const Project* project = request.project;
  if (project && !project->pipelines.empty()) {
    planner.plan_pipeline(project->pipelines.front());
    for (size_t i = 1; i < project->pipelines.size(); ++i) {
      plan->notes.push_back("also found " + std::string(project->pipelines[i].is_image ? "image " : "pipeline ") +
                            project->pipelines[i].resource->label() + ": give its files alone to plan it");
    }
    return plan;
  }
  if (project && !project->recipes.empty()) {
    planner.plan_lone_recipe(project->recipes.front());
    return plan;
  }
  if (!request.components.empty()) {
    if (request.platform.empty()) {
      why_not = "a lone component needs `--platform Linux` or `--platform Windows` (the OS of the instance it would run on)";
      return nullptr;
    }
    planner.plan_components();
    return plan;
  }
  why_not = "nothing to plan: give a pipeline (CloudFormation template or API request JSON), a recipe, or component documents";
  return nullptr;
}

}  // namespace iblint::dryrun
