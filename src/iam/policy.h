#pragma once
// A small IAM policy evaluator: statements with Effect Allow/Deny, Action/NotAction and
// Resource/NotResource with wildcards, answering "may this role do that action on that resource?"
// with Allowed, Denied (explicitly), NotAllowed (nothing grants it) or Unknown (the answer
// depends on something iblint cannot know: a parameter, a Condition, an unreadable document).
#include <string>
#include <vector>

#include "iam/text_pattern.h"
#include "yaml/node.h"

namespace iblint::iam {

struct Statement {
  enum class Effect { Allow, Deny, Unknown };
  Effect effect = Effect::Allow;
  std::vector<Text> actions;      ///< Action (or NotAction when not_action)
  bool not_action = false;
  bool actions_unknown = false;   ///< some Action entry could not be read statically
  std::vector<Text> resources;    ///< Resource (or NotResource when not_resource)
  bool not_resource = false;
  bool resources_unknown = false;
  bool conditional = false;       ///< has a Condition: applies only to some requests
  const yaml::Node* node = nullptr;  ///< where the statement is written (null for built-in policies)

  /// Whether the statement covers the request, ignoring its Effect.
  Tri applies(const std::string& action, const Text& resource) const;
  /// The same with the action already a Text (evaluate builds it once for every statement).
  Tri applies(const Text& action, const Text& resource) const;
};

struct Policy {
  std::string name;               ///< for messages: a policy name, an AWS-managed name, a logical id
  std::vector<Statement> statements;
  bool unreadable = false;        ///< the document (or part of it) is not known statically
  const yaml::Node* node = nullptr;
};

enum class Decision {
  Allowed,     ///< an Allow certainly applies and no Deny can
  NotAllowed,  ///< no Allow can apply (IAM's implicit deny)
  Denied,      ///< a Deny certainly applies
  Unknown,     ///< depends on deployment
};

/// IAM's evaluation for one identity: an explicit Deny wins, then any Allow, else implicit deny.
Decision evaluate(const std::vector<const Policy*>& policies, const std::string& action, const Text& resource);

}  // namespace iblint::iam
