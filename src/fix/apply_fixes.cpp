#include "fix/apply_fixes.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace iblint {
namespace {

bool has_utf8_bom(std::string_view text) { return text.starts_with("\xEF\xBB\xBF"); }

/// The file's line breaks are CRLF when its first line break is.
bool uses_crlf(std::string_view text) {
  size_t lf = text.find('\n');
  return lf != std::string_view::npos && lf > 0 && text[lf - 1] == '\r';
}

std::string to_crlf(std::string_view replacement) {
  std::string out;
  out.reserve(replacement.size());
  for (size_t i = 0; i < replacement.size(); ++i) {
    if (replacement[i] == '\n' && (i == 0 || replacement[i - 1] != '\r')) out += '\r';
    out += replacement[i];
  }
  return out;
}

struct PlacedEdit {
  uint32_t begin;
  uint32_t end;
  std::string replacement;
};

/// The fix's edits sorted by position, or an empty vector when the fix cannot be applied as is.
std::vector<PlacedEdit> place(std::string_view text, const Fix& fix, bool crlf) {
  std::vector<PlacedEdit> edits;
  uint32_t content_begin = has_utf8_bom(text) ? 3 : 0;
  for (const Edit& edit : fix.edits) {
    if (edit.span.begin > edit.span.end || edit.span.end > text.size()) return {};
    if (edit.span.begin < content_begin) return {};  // never touch the byte order mark
    edits.push_back({edit.span.begin, edit.span.end, crlf ? to_crlf(edit.replacement) : edit.replacement});
  }
  std::stable_sort(edits.begin(), edits.end(), [](const PlacedEdit& a, const PlacedEdit& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  for (size_t i = 1; i < edits.size(); ++i) {
    if (edits[i].begin < edits[i - 1].end) return {};
    if (edits[i].begin == edits[i - 1].end && (edits[i].begin == edits[i].end || edits[i - 1].begin == edits[i - 1].end)) {
      return {};  // two edits at one point: their order would be a guess
    }
  }
  bool changes = std::any_of(edits.begin(), edits.end(), [&](const PlacedEdit& e) {
    return text.substr(e.begin, e.end - e.begin) != e.replacement;
  });
  if (!changes) return {};
  return edits;
}

}  // namespace

AppliedFixes apply_fixes(std::string_view text, const std::vector<const Fix*>& fixes) {
  AppliedFixes result;
  result.applied.assign(fixes.size(), false);
  bool crlf = uses_crlf(text);

  std::vector<std::vector<PlacedEdit>> placed(fixes.size());
  std::vector<size_t> order;
  for (size_t i = 0; i < fixes.size(); ++i) {
    if (!fixes[i]) continue;
    placed[i] = place(text, *fixes[i], crlf);
    if (!placed[i].empty()) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const PlacedEdit& x = placed[a].front();
    const PlacedEdit& y = placed[b].front();
    return x.begin != y.begin ? x.begin < y.begin : x.end < y.end;
  });

  // Taken edits by begin; they neither overlap nor touch, so their ends increase with their begins.
  std::map<uint32_t, const PlacedEdit*> taken;
  auto conflicts = [&](const PlacedEdit& e) {
    auto next = taken.lower_bound(e.begin);
    if (next != taken.end() && next->first <= e.end) return true;
    if (next != taken.begin() && std::prev(next)->second->end >= e.begin) return true;
    return false;
  };
  for (size_t i : order) {
    if (std::any_of(placed[i].begin(), placed[i].end(), conflicts)) continue;
    for (const PlacedEdit& e : placed[i]) taken.emplace(e.begin, &e);
    result.applied[i] = true;
    ++result.count;
  }

  size_t growth = 0;
  for (const auto& [begin, e] : taken) growth += e->replacement.size();
  result.text.reserve(text.size() + growth);
  size_t at = 0;
  for (const auto& [begin, e] : taken) {
    result.text.append(text.substr(at, begin - at));
    result.text.append(e->replacement);
    at = e->end;
  }
  result.text.append(text.substr(at));
  return result;
}

}  // namespace iblint
