#include "load/document_kind.h"

namespace iblint {

Classification classify(const yaml::Node& root) {
  const yaml::Node& map = root.resolved();
  if (!map.is_mapping()) return {DocumentKind::Other, "not a mapping"};
  auto has = [&](const char* key) { return map.find_pair(key) != nullptr; };
  if (has("AWSTemplateFormatVersion") || (has("Resources") && map.find("Resources")->resolved().is_mapping()))
    return {DocumentKind::CloudFormation, "CloudFormation template"};
  if (has("mainSteps") || has("runtimeConfig")) return {DocumentKind::SsmDocument, "Systems Manager document"};
  if (has("phases")) return {DocumentKind::Component, "AWSTOE component document"};
  if (has("schemaVersion") && has("steps")) return {DocumentKind::Workflow, "Image Builder workflow document"};
  if (has("semanticVersion") &&
      (has("data") || has("uri") || has("parentImage") || has("components") || has("platform")))
    return {DocumentKind::ApiRequest, "Image Builder API request"};
  if (has("parentImage") && (has("components") || has("name"))) return {DocumentKind::ApiRequest, "Image Builder API request"};
  if (has("instanceProfileName") || has("imageRecipeArn") || has("distributions") ||
      has("infrastructureConfigurationArn"))
    return {DocumentKind::ApiRequest, "Image Builder API request"};
  // A component that lost its phases is still a component: report the missing key.
  if (has("schemaVersion") && (has("parameters") || has("constants") || has("name") || has("description"))) {
    const yaml::Node& version = map.find("schemaVersion")->resolved();
    if (version.is_scalar() && (version.value == "1.0" || version.value == "1"))
      return {DocumentKind::Component, "AWSTOE component document"};
  }
  if (has("apiVersion") && has("kind")) return {DocumentKind::Other, "Kubernetes manifest"};
  if (has("jobs") && has("on")) return {DocumentKind::Other, "GitHub Actions workflow"};
  if (has("services")) return {DocumentKind::Other, "Compose file"};
  return {DocumentKind::Other, "not an Image Builder document"};
}

}  // namespace iblint
