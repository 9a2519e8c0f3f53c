#pragma once
// The S3 objects a component document reads and writes with the build instance's role
// (S3Download, S3Upload, InstallMSI/UninstallMSI and ExecuteDocument with s3:// paths), as Texts
// the IAM evaluator can test: `${…}` of a `!Sub` document and unknown `{{ … }}` stay symbols.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "iam/text_pattern.h"
#include "load/embedded_component.h"
#include "model/component.h"
#include "model/project.h"

namespace iblint {

/// One S3 access a step makes with the instance role.
struct S3Access {
  const Step* step = nullptr;
  const yaml::Node* node = nullptr;  ///< the s3:// value
  iam::Text uri;                     ///< `${…}` as symbols, `{{ … }}` as their known values or symbols
  std::string written;               ///< the URI as written, for messages
  bool upload = false;
  bool folder = false;  ///< an upload of several files (recurse or a wildcard source): keys under the destination
};

/// What `{{ name }}` stands for in one use of a component: constants, the values the recipe
/// passes, else parameter defaults; nullopt for a value not known statically.
using Variables = std::map<std::string, std::optional<std::string>>;

/// The variables of document as the recipe entry use runs it.
Variables variables_of(const Component& document, const RecipeComponent& use);

/// Every S3 access of document (embedded as doc in the resource component).
std::vector<S3Access> s3_accesses(const Component& document, const EmbeddedComponent& doc, const Resource& component,
                                  const Variables& variables);

/// The bucket of an access's URI (`s3://bucket/…`).
iam::Text bucket_of(const S3Access& access);

/// The IAM requests an access makes, as (action, resource ARN); shown receives the ARN to name
/// in messages (`…/prefix/*` for prefixes).
std::vector<std::pair<std::string, iam::Text>> s3_requests(const S3Access& access, iam::Text& shown);

}  // namespace iblint
