#pragma once
// Small helpers shared by rules: message wording and key checks.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"
#include "yaml/node.h"

namespace iblint {

/// `name` in backticks, as messages write names.
std::string code(std::string_view name);

/// The candidate closest to word (case differences count least), or "" when none is close.
std::string suggest(std::string_view word, const std::vector<std::string_view>& candidates);
/// " (did you mean `x`?)" when a candidate is close to word, else "".
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

/// Reports every key of map that is not in known, with a did-you-mean suggestion and a fix that
/// renames the key when the suggestion is clear. context names the place: "step", "phase".
/// A key that looks like a misspelling of a required field the map lacks is always an error,
/// and that field's name is returned, so the caller does not report it missing as well.
std::vector<std::string> report_unknown_keys(const yaml::Node& map, const std::vector<std::string_view>& known,
                                             std::string_view context, Reporter& out, Severity severity,
                                             const std::vector<std::string_view>& required = {});

/// `{{ a.b }}` written unquoted: YAML reads it as a flow mapping holding a flow mapping (IB201).
bool is_unquoted_expression(const yaml::Node& node);

/// Whether names holds name.
bool contains(const std::vector<std::string>& names, std::string_view name);

/// "October 2020" for "2020-10".
std::string month_year(std::string_view year_month);

/// A span to point at for a node: the node itself, or for an empty value the position where
/// the value should be (never an empty span at a confusing place).
Span span_for(const yaml::Node& node);

/// A key's span if the key exists, else the span of the mapping's first line.
Span key_span(const yaml::Node& map, std::string_view key);

/// " [profile seed-2020]" style tag that profile-governed findings carry.
std::string profile_note(Profile profile);

}  // namespace iblint

namespace iblint {

/// The value of a YAML integer scalar (decimal, 0x hex or 0o octal); nullopt for anything else,
/// including quoted digits.
std::optional<long long> as_integer(const yaml::Node& node);
/// A string scalar whose text is a decimal integer ("3"): the value a quoted number would have.
std::optional<long long> quoted_integer(const yaml::Node& node);

}  // namespace iblint
