#include "load/api_request.h"

namespace iblint {

ApiShape api_shape(const yaml::Node& root) {
  const yaml::Node& map = root.resolved();
  if (!map.is_mapping()) return {};
  auto has = [&](const char* key) { return map.find_pair(key) != nullptr; };
  auto shape = [](ResourceKind kind, const char* operation, bool update = false) {
    return ApiShape{kind, operation, update};
  };
  if (has("vmImportTaskId") || has("diskContainers")) return {};  // ImportVmImage: not modelled
  if (has("imagePipelineArn")) return shape(ResourceKind::ImagePipeline, "UpdateImagePipeline", true);
  if (has("distributionConfigurationArn") && has("distributions"))
    return shape(ResourceKind::DistributionConfiguration, "UpdateDistributionConfiguration", true);
  if (has("infrastructureConfigurationArn") && has("instanceProfileName"))
    return shape(ResourceKind::InfrastructureConfiguration, "UpdateInfrastructureConfiguration", true);
  if (has("format") && has("type") && has("semanticVersion")) return shape(ResourceKind::Component, "ImportComponent");
  if (has("semanticVersion") && (has("data") || has("uri")) && !has("parentImage"))
    return shape(ResourceKind::Component, "CreateComponent");
  if (has("containerType") || has("targetRepository") || has("dockerfileTemplateData") || has("dockerfileTemplateUri"))
    return shape(ResourceKind::ContainerRecipe, "CreateContainerRecipe");
  if (has("parentImage") || (has("semanticVersion") && has("components")))
    return shape(ResourceKind::ImageRecipe, "CreateImageRecipe");
  if (has("semanticVersion") && has("platform")) return shape(ResourceKind::Component, "CreateComponent");
  if (has("instanceProfileName")) return shape(ResourceKind::InfrastructureConfiguration, "CreateInfrastructureConfiguration");
  if (has("distributions")) return shape(ResourceKind::DistributionConfiguration, "CreateDistributionConfiguration");
  if (has("infrastructureConfigurationArn") && (has("imageRecipeArn") || has("containerRecipeArn"))) {
    if (has("name")) return shape(ResourceKind::ImagePipeline, "CreateImagePipeline");
    return shape(ResourceKind::Image, "CreateImage");
  }
  return {};
}

}  // namespace iblint
