#include "model/arn.h"

#include <vector>

namespace iblint {
namespace {

constexpr char kVariable = '\x01';

/// `${AWS::Region}` → one placeholder byte, so that colons inside variables do not split.
std::string mask_variables(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (text.substr(i, 2) == "${") {
      size_t close = text.find('}', i);
      if (close != std::string_view::npos) {
        out += kVariable;
        i = close + 1;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

std::vector<std::string> split(const std::string& s, char sep, size_t max_parts) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (parts.size() + 1 < max_parts) {
    size_t at = s.find(sep, start);
    if (at == std::string::npos) break;
    parts.push_back(s.substr(start, at - start));
    start = at + 1;
  }
  parts.push_back(s.substr(start));
  return parts;
}

bool has_variable(const std::string& s) { return s.find(kVariable) != std::string::npos; }

}  // namespace

bool looks_like_arn(std::string_view text) { return text.starts_with("arn:"); }

std::optional<ImageBuilderArn> parse_imagebuilder_arn(std::string_view text) {
  std::string masked = mask_variables(text);
  std::vector<std::string> parts = split(masked, ':', 6);
  if (parts.size() != 6 || parts[0] != "arn" || parts[2] != "imagebuilder") return std::nullopt;
  ImageBuilderArn arn;
  arn.owner_variable = has_variable(parts[4]);
  if (!arn.owner_variable) arn.owner = parts[4];
  std::vector<std::string> path = split(parts[5], '/', 8);
  if (path.size() < 2) return std::nullopt;
  size_t i = 0;
  arn.type = path[i++];
  if (arn.type == "workflow" && path.size() > 2) arn.type += "/" + path[i++];
  if (has_variable(arn.type)) return std::nullopt;
  arn.name_variable = has_variable(path[i]);
  if (!arn.name_variable) arn.name = path[i];
  ++i;
  if (i < path.size()) arn.version = has_variable(path[i]) ? "" : path[i];
  ++i;
  if (i < path.size()) arn.build = has_variable(path[i]) ? "" : path[i];
  return arn;
}

std::string arn_name_of(std::string_view resource_name) {
  std::string out;
  for (char c : resource_name) {
    if (c == ' ' || c == '_') out += '-';
    else out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return out;
}

}  // namespace iblint
