#include "dryrun/bindings.h"

namespace iblint::dryrun {

std::string Bindings::step_key(std::string_view phase, std::string_view step) {
  std::string key(phase);
  key += '.';
  key += step;
  return key;
}

}  // namespace iblint::dryrun
