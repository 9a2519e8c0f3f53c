// libFuzzer entry point for fuzz_expr: see scan_expressions in fuzz_targets.h.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  iblint::fuzz::run_or_abort(iblint::fuzz::scan_expressions, data, size);
  return 0;
}
