// libFuzzer entry point for fuzz_pieces: see parse_in_pieces_like_whole in fuzz_targets.h.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  iblint::fuzz::run_or_abort(iblint::fuzz::parse_in_pieces_like_whole, data, size);
  return 0;
}
