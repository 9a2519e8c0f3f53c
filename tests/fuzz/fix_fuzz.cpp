// libFuzzer entry point for fuzz_fix: see fix_and_relint in fuzz_targets.h.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  iblint::fuzz::run_or_abort(iblint::fuzz::fix_and_relint, data, size);
  return 0;
}
