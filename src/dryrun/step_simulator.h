#pragma once
// Plans one component document's phases for one stage (one AWSTOE run on one instance): each
// step in document order, its `if` evaluated once, its loop expanded, its inputs resolved,
// where its failure leads and whether it reboots (spec component-document.md §2.2, §3, §7, §9).
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "dryrun/plan.h"
#include "model/component.h"
#include "source/source_file.h"

namespace iblint::dryrun {

/// One component as a recipe (or the command line) runs it.
struct ComponentRun {
  std::string name;
  std::string version;
  const Component* document = nullptr;       ///< null: its steps are not known here (managed, S3, external)
  const SourceFile* document_file = nullptr; ///< the file the document's nodes point into
  const SourceFile* report_file = nullptr;   ///< where findings about the document go
  std::function<Span(Span)> to_report_span;  ///< document span → report_file span (identity when empty)
  std::map<std::string, std::string> parameter_values;  ///< from the recipe
  std::string platform;                      ///< Linux | Windows | "" (ExecuteBinary's reboot code depends on it)
  /// The value of a scalar of the document as written in the outer file: a `!Sub` document is
  /// parsed with its `${…}` masked, and the plan should show `${AWS::Region}`, not the mask.
  /// Must keep the value's length. Empty: node.value as is.
  std::function<std::string(const yaml::Node&)> value_of;
  std::string unknown_note;                  ///< why document is null, shown in the plan
};

/// Parameter values from `--param name=value`; they win over recipe values and defaults.
using ParameterOverrides = std::map<std::string, std::string>;

/// Appends the steps of run's phases named in phases (in document order) to stage, and any
/// runtime finding to plan.findings.
void simulate_component(const ComponentRun& run, const std::vector<std::string>& phases,
                        const ParameterOverrides& overrides, Stage& stage, Plan& plan);

}  // namespace iblint::dryrun
