#pragma once
// Small helpers shared by project rules (engine/project_rule.h).
#include <string>
#include <string_view>
#include <vector>

#include "cfn/value.h"
#include "model/project.h"

namespace iblint {

/// The property's name as the file spells it: `SubnetId` in a template, `subnetId` in a request.
std::string property_name(const Resource& resource, std::string_view cfn_name);

/// Whether a property is certainly given a value at deployment. An Fn::If whose branch may be
/// `AWS::NoValue` (or any unknown function) might remove it: not certain.
bool certainly_set(const cfn::Value& value);
/// Whether a property is certainly not given: absent, empty, or an empty list/string literal.
bool certainly_unset(const cfn::Value& value);

/// The pipelines and images of the project that build with infra.
std::vector<const ImagePipeline*> pipelines_using(const Project& project, const InfrastructureConfiguration& infra);

/// The embedded document of a component (null when its Data is not an inline document).
const EmbeddedComponent* embedded_of(const Project& project, const ComponentResource& component);

}  // namespace iblint

namespace iblint {

/// The security group a SecurityGroupIds entry names: resolved links, and `!GetAtt Group.GroupId`
/// (which the loader leaves Unknown, as it does every attribute of a non-Image Builder resource).
const SecurityGroup* security_group_behind(const Project& project, const Link& link);

}  // namespace iblint

namespace iblint {

/// Resource::label(), but for an API update request without a name (UpdateInfrastructureConfiguration
/// names its resource by ARN) the name in that ARN instead of the file's path.
std::string resource_label(const Resource& resource);

}  // namespace iblint

namespace iblint {

/// Resource::anchor(), but for an API update request without a name the span of the ARN that
/// names the resource instead of an empty span at the start of the file.
Span resource_anchor(const Resource& resource);

}  // namespace iblint
