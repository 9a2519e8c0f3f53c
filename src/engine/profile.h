#pragma once
#include <optional>
#include <string_view>

namespace iblint {

/// Which service iblint checks against: today's (`current`) or the one the founding documents
/// describe (`seed-2020`: 8 action modules, no parameters/constants/loops/conditionals,
/// onFailure Abort/Continue only).
enum class Profile { Current, Seed2020 };

std::string_view to_string(Profile profile);
std::optional<Profile> parse_profile(std::string_view text);

}  // namespace iblint
