#pragma once
#include <memory>
#include <vector>

#include "model/project.h"

namespace iblint {

struct EmbeddedComponent;

struct ProjectInput {
  std::shared_ptr<const SourceFile> file;
  std::shared_ptr<const yaml::Stream> yaml;  ///< the file's parsed YAML (JSON is YAML too)
  /// Component documents already parsed from this file's Data/data nodes (the linter's):
  /// reused instead of parsing them again. Optional.
  std::vector<std::shared_ptr<const EmbeddedComponent>> embedded = {};
};

/// Builds one project from every CloudFormation template and API request among the inputs
/// (other documents are ignored) and resolves the links between their resources, across files.
std::unique_ptr<Project> load_project(const std::vector<ProjectInput>& inputs);

}  // namespace iblint
