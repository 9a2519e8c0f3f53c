#pragma once
#include <string>

#include "yaml/node.h"

namespace iblint {

/// What a YAML/JSON document is, decided by its content (never by file name).
enum class DocumentKind {
  Component,       ///< AWSTOE component document: gets every component rule
  CloudFormation,  ///< template (linted by the resources rules, not yet)
  ApiRequest,      ///< Image Builder API request JSON (create-*), not yet
  Workflow,        ///< Image Builder workflow document
  SsmDocument,     ///< Systems Manager document
  Other,           ///< any other YAML: Kubernetes, GitHub workflows, docker-compose, ...
};

struct Classification {
  DocumentKind kind;
  std::string description;  ///< for --verbose: "AWSTOE component", "Kubernetes manifest", ...
};

Classification classify(const yaml::Node& root);

}  // namespace iblint
