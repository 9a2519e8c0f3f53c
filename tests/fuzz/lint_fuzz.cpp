// libFuzzer entry point for fuzz_lint: see lint_buffer in fuzz_targets.h.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  iblint::fuzz::run_or_abort(iblint::fuzz::lint_buffer, data, size);
  return 0;
}
