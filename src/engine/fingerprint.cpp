#include "engine/fingerprint.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "engine/rule.h"

namespace iblint {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

uint64_t fnv1a(std::string_view text, uint64_t hash = 0xcbf29ce484222325ull) {
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ull;
  }
  return hash;
}

}  // namespace

std::string anchor_text(const SourceFile* file, Span span) {
  if (file == nullptr) return {};
  uint32_t line = file->line_of(std::min(span.begin, file->size()));
  std::string_view text = file->line_text(line);
  if (line == 1) text.remove_prefix(std::min<size_t>(file->content_begin(), text.size()));  // BOM
  std::string out;
  bool pending_space = false;
  for (char c : text) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::vector<std::string> fingerprints(const FileResult& file) {
  std::vector<std::string> out;
  out.reserve(file.diagnostics.size());
  std::map<uint64_t, size_t> seen;
  for (const Diagnostic& d : file.diagnostics) {
    std::string_view rule = d.rule != nullptr ? d.rule->id : std::string_view();
    uint64_t hash = fnv1a(anchor_text(file.file.get(), d.span), fnv1a("\n", fnv1a(rule)));
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    out.push_back(std::string(hex) + ":" + std::to_string(++seen[hash]));
  }
  return out;
}

}  // namespace iblint
