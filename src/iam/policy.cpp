#include "iam/policy.h"

namespace iblint::iam {

namespace {

/// Whether any entry matches subject; unreadable entries might.
Tri any_matches(const std::vector<Text>& patterns, bool unknown, const Text& subject, bool ignore_case) {
  Tri found = unknown ? Tri::Maybe : Tri::No;
  for (const Text& pattern : patterns) {
    found = max(found, match(pattern, subject, ignore_case));
    if (found == Tri::Yes) break;
  }
  return found;
}

}  // namespace

Tri Statement::applies(const std::string& action, const Text& resource) const {
  return applies(Text::literal(action), resource);
}

Tri Statement::applies(const Text& action, const Text& resource) const {
  Tri by_action = any_matches(actions, actions_unknown, action, true);
  if (not_action) by_action = invert(by_action);
  if (by_action == Tri::No) return Tri::No;
  Tri by_resource = any_matches(resources, resources_unknown, resource, false);
  if (not_resource) by_resource = invert(by_resource);
  Tri both = min(by_action, by_resource);
  return conditional ? min(both, Tri::Maybe) : both;
}

Decision evaluate(const std::vector<const Policy*>& policies, const std::string& action, const Text& resource) {
  Tri allow = Tri::No, deny = Tri::No;
  const Text action_text = Text::literal(action);
  for (const Policy* policy : policies) {
    if (policy->unreadable) {
      allow = max(allow, Tri::Maybe);
      deny = max(deny, Tri::Maybe);
    }
    for (const Statement& s : policy->statements) {
      Tri applies = s.applies(action_text, resource);
      switch (s.effect) {
        case Statement::Effect::Allow: allow = max(allow, applies); break;
        case Statement::Effect::Deny: deny = max(deny, applies); break;
        case Statement::Effect::Unknown:
          allow = max(allow, min(applies, Tri::Maybe));
          deny = max(deny, min(applies, Tri::Maybe));
          break;
      }
    }
  }
  if (deny == Tri::Yes) return Decision::Denied;
  if (allow == Tri::No) return Decision::NotAllowed;
  if (allow == Tri::Yes && deny == Tri::No) return Decision::Allowed;
  return Decision::Unknown;
}

}  // namespace iblint::iam
