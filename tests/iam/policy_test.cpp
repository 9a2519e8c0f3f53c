#include "iam/policy.h"

#include <gtest/gtest.h>

namespace iblint::iam {
namespace {

Statement statement(Statement::Effect effect, std::vector<const char*> actions, std::vector<const char*> resources) {
  Statement s;
  s.effect = effect;
  for (const char* a : actions) s.actions.push_back(Text::literal(a));
  for (const char* r : resources) s.resources.push_back(Text::literal(r));
  return s;
}

constexpr auto Allow = Statement::Effect::Allow;
constexpr auto Deny = Statement::Effect::Deny;

Decision decide(const Policy& p, const char* action, const char* resource) {
  return evaluate({&p}, action, Text::literal(resource));
}

TEST(Policy, AllowWithWildcards) {
  Policy p;
  p.statements.push_back(statement(Allow, {"s3:Get*", "s3:ListBucket"}, {"arn:aws:s3:::artifacts", "arn:aws:s3:::artifacts/*"}));
  EXPECT_EQ(decide(p, "s3:GetObject", "arn:aws:s3:::artifacts/app.zip"), Decision::Allowed);
  EXPECT_EQ(decide(p, "s3:ListBucket", "arn:aws:s3:::artifacts"), Decision::Allowed);
  EXPECT_EQ(decide(p, "s3:PutObject", "arn:aws:s3:::artifacts/app.zip"), Decision::NotAllowed);
  EXPECT_EQ(decide(p, "s3:GetObject", "arn:aws:s3:::other/app.zip"), Decision::NotAllowed);
}

TEST(Policy, ExplicitDenyWins) {
  Policy p;
  p.statements.push_back(statement(Allow, {"s3:*"}, {"*"}));
  p.statements.push_back(statement(Deny, {"s3:PutObject"}, {"arn:aws:s3:::logs/*"}));
  EXPECT_EQ(decide(p, "s3:PutObject", "arn:aws:s3:::logs/x"), Decision::Denied);
  EXPECT_EQ(decide(p, "s3:PutObject", "arn:aws:s3:::data/x"), Decision::Allowed);
}

TEST(Policy, NotActionAndNotResource) {
  Policy p;
  Statement s = statement(Allow, {"iam:*"}, {"arn:aws:s3:::secret/*"});
  s.not_action = true;
  s.not_resource = true;
  p.statements.push_back(s);
  EXPECT_EQ(decide(p, "s3:GetObject", "arn:aws:s3:::public/x"), Decision::Allowed);
  EXPECT_EQ(decide(p, "s3:GetObject", "arn:aws:s3:::secret/x"), Decision::NotAllowed);
  EXPECT_EQ(decide(p, "iam:PassRole", "arn:aws:s3:::public/x"), Decision::NotAllowed);
}

TEST(Policy, WhatCannotBeReadIsUnknown) {
  Policy conditional;
  Statement s = statement(Allow, {"s3:PutObject"}, {"*"});
  s.conditional = true;
  conditional.statements.push_back(s);
  EXPECT_EQ(decide(conditional, "s3:PutObject", "arn:aws:s3:::logs/x"), Decision::Unknown);

  Policy partly;
  Statement t = statement(Allow, {"s3:PutObject"}, {});
  t.resources_unknown = true;  // e.g. `Resource: !Ref BucketArnParameter`
  partly.statements.push_back(t);
  EXPECT_EQ(decide(partly, "s3:PutObject", "arn:aws:s3:::logs/x"), Decision::Unknown);
  EXPECT_EQ(decide(partly, "s3:GetObject", "arn:aws:s3:::logs/x"), Decision::NotAllowed);

  Policy unreadable;
  unreadable.unreadable = true;
  EXPECT_EQ(decide(unreadable, "s3:PutObject", "arn:aws:s3:::logs/x"), Decision::Unknown);

  Policy maybe_deny;
  maybe_deny.statements.push_back(statement(Allow, {"s3:*"}, {"*"}));
  Statement d = statement(Deny, {"s3:*"}, {"*"});
  d.conditional = true;
  maybe_deny.statements.push_back(d);
  EXPECT_EQ(decide(maybe_deny, "s3:PutObject", "arn:aws:s3:::logs/x"), Decision::Unknown);
}

TEST(Policy, NoPoliciesAllowNothing) {
  EXPECT_EQ(evaluate({}, "s3:GetObject", Text::literal("arn:aws:s3:::a/b")), Decision::NotAllowed);
}

}  // namespace
}  // namespace iblint::iam
