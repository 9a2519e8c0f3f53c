#include "engine/profile.h"

namespace iblint {

std::string_view to_string(Profile profile) { return profile == Profile::Current ? "current" : "seed-2020"; }

std::optional<Profile> parse_profile(std::string_view text) {
  if (text == "current") return Profile::Current;
  if (text == "seed-2020") return Profile::Seed2020;
  return std::nullopt;
}

}  // namespace iblint
