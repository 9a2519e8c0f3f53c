// libFuzzer entry point for fuzz_lsp: see serve_lsp in fuzz_targets.h.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  iblint::fuzz::run_or_abort(iblint::fuzz::serve_lsp, data, size);
  return 0;
}
