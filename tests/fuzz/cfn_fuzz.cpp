// libFuzzer entry point for fuzz_cfn: see load_cloudformation in fuzz_targets.h.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  iblint::fuzz::run_or_abort(iblint::fuzz::load_cloudformation, data, size);
  return 0;
}
