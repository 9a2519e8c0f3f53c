#include "catalog/resource_schema.h"

#include <gtest/gtest.h>

#include <set>

namespace iblint {
namespace {

void expect_unique_names(const std::vector<Field>& fields, const std::string& where) {
  std::set<std::string_view> cfn, api;
  for (const Field& f : fields) {
    EXPECT_FALSE(f.cfn.empty() && f.api.empty()) << where;
    if (!f.cfn.empty()) {
      EXPECT_TRUE(cfn.insert(f.cfn).second) << where << " " << f.cfn;
    }
    if (!f.api.empty()) {
      EXPECT_TRUE(api.insert(f.api).second) << where << " " << f.api;
    }
    if ((f.type == FieldType::Object || f.type == FieldType::ObjectList) && f.children) {
      expect_unique_names(*f.children, where + "." + std::string(f.cfn.empty() ? f.api : f.cfn));
    }
  }
}

TEST(ResourceSchema, EveryImageBuilderKindHasUniqueNamesInBothSpellings) {
  for (ResourceKind kind : {ResourceKind::Component, ResourceKind::ImageRecipe, ResourceKind::ContainerRecipe,
                            ResourceKind::InfrastructureConfiguration, ResourceKind::DistributionConfiguration,
                            ResourceKind::ImagePipeline, ResourceKind::Image}) {
    const std::vector<Field>* fields = resource_fields(kind);
    ASSERT_NE(fields, nullptr) << kind_name(kind);
    expect_unique_names(*fields, std::string(kind_name(kind)));
  }
  EXPECT_EQ(resource_fields(ResourceKind::Role), nullptr);
}

TEST(ResourceSchema, SpecFactsAreEncoded) {
  const std::vector<Field>& component = *resource_fields(ResourceKind::Component);
  auto find = [](const std::vector<Field>& fields, std::string_view cfn) {
    for (const Field& f : fields) {
      if (f.cfn == cfn) return &f;
    }
    return static_cast<const Field*>(nullptr);
  };
  const Field* version = find(component, "Version");
  ASSERT_NE(version, nullptr);
  EXPECT_EQ(version->api, "semanticVersion");
  EXPECT_TRUE(version->required_cfn && version->required_api);
  const Field* platform = find(component, "Platform");
  EXPECT_EQ(platform->allowed.size(), 3u);
  EXPECT_EQ(platform->seed_allowed.size(), 2u);
  const Field* distributions = find(*resource_fields(ResourceKind::DistributionConfiguration), "Distributions");
  const Field* ami = find(*distributions->children, "AmiDistributionConfiguration");
  const Field* launch = find(*ami->children, "LaunchPermissionConfiguration");
  ASSERT_NE(launch, nullptr);
  EXPECT_EQ(launch->api, "launchPermission");  // the one property whose names differ
}

}  // namespace
}  // namespace iblint
