#include "dryrun/bindings.h"

#include <gtest/gtest.h>

namespace iblint::dryrun {
namespace {

TEST(Bindings, StepKeyIsPhaseDotStep) {
  EXPECT_EQ(Bindings::step_key("build", "Install"), "build.Install");
}

}  // namespace
}  // namespace iblint::dryrun
