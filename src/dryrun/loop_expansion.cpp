#include "dryrun/loop_expansion.h"

#include <charconv>

namespace iblint::dryrun {
namespace {

std::optional<int64_t> integer(const yaml::Node* node) {
  if (!node || !node->is_scalar()) return std::nullopt;
  const yaml::Node& n = node->resolved();
  int64_t value = 0;
  const char* end = n.value.data() + n.value.size();
  auto [ptr, ec] = std::from_chars(n.value.data(), end, value);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

Resolution resolve_scalar(const yaml::Node& node, const Bindings& bindings, LoopExpansion& out) {
  Resolution r = resolve_value(node.resolved().value, bindings);
  for (const ResolveProblem& p : r.problems) out.problems.push_back({&node, p});
  return r;
}

void add(LoopExpansion& out, std::string value) {
  uint64_t index = out.count.value_or(0);
  if (out.iterations.size() < kMaxLoopIterations) out.iterations.push_back({index, std::move(value)});
  out.count = index + 1;
}

/// `for: {start, end, updateBy}` over the closed range; a range that never ends is IB211's.
void expand_range(const yaml::Node& range, LoopExpansion& out) {
  std::optional<int64_t> start = integer(range.find("start")), end = integer(range.find("end")),
                         step = integer(range.find("updateBy"));
  out.source = &range;
  if (!start || !end || !step || *step == 0 || (*step > 0 && *start > *end) || (*step < 0 && *start < *end)) {
    out.count.reset();
    out.decided_by = "a malformed `for` range (see IB211)";
    return;
  }
  // The count is computed, not walked: a range of 10^12 values must not take 10^12 steps.
  __int128 span = static_cast<__int128>(*end) - *start;
  __int128 count = span / *step + 1;
  for (int64_t v = *start; out.iterations.size() < kMaxLoopIterations && (*step > 0 ? v <= *end : v >= *end);) {
    out.iterations.push_back({out.iterations.size(), std::to_string(v)});
    if ((*step > 0 && v > INT64_MAX - *step) || (*step < 0 && v < INT64_MIN - *step)) break;
    v += *step;
  }
  out.count = count > static_cast<__int128>(UINT64_MAX) ? UINT64_MAX : static_cast<uint64_t>(count);
}

/// Splits a delimited `forEach.list` (default delimiter `,`). A symbolic list decides the
/// iterations at run time: one symbolic iteration stands for them.
void expand_delimited(const yaml::Node& for_each, const Bindings& bindings, LoopExpansion& out) {
  const yaml::Node* list = for_each.find("list");
  const yaml::Node* delimiter = for_each.find("delimiter");
  out.source = list ? list : &for_each;
  if (!list || !list->is_scalar()) return;
  Resolution r = resolve_scalar(*list, bindings, out);
  if (r.symbolic) {
    out.count.reset();
    out.decided_by = r.text;
    out.iterations.push_back({0, "<each item of " + r.text + ">"});
    return;
  }
  char sep = delimiter && delimiter->is_scalar() && delimiter->resolved().value.size() == 1 ? delimiter->resolved().value[0] : ',';
  out.count = 0;
  if (r.text.empty()) return;  // AWSTOE iterates over nothing: the step runs zero times
  size_t at = 0;
  while (true) {
    size_t next = r.text.find(sep, at);
    add(out, r.text.substr(at, next == std::string::npos ? std::string::npos : next - at));
    if (next == std::string::npos) break;
    at = next + 1;
  }
}

}  // namespace

namespace {

void expand(const yaml::Node& loop_node, const Bindings& bindings, LoopExpansion& out) {
  const yaml::Node& loop = loop_node.resolved();
  out.source = &loop_node;
  if (!loop.is_mapping()) return;
  if (const yaml::Node* name = loop.find("name"); name && name->is_scalar()) out.name = name->resolved().value;
  if (const yaml::Node* range = loop.find("for"); range && range->resolved().is_mapping()) {
    expand_range(range->resolved(), out);
    return;
  }
  const yaml::Node* for_each = loop.find("forEach");
  if (!for_each) return;
  const yaml::Node& each = for_each->resolved();
  if (each.is_mapping()) {
    expand_delimited(each, bindings, out);
    return;
  }
  out.source = for_each;
  out.count = 0;
  if (!each.is_sequence()) return;
  for (const yaml::Node* item : each.items) {
    if (!item->resolved().is_scalar()) continue;
    add(out, resolve_scalar(*item, bindings, out).text);
  }
}

}  // namespace

LoopExpansion expand_loop(const yaml::Node& loop_node, const Bindings& bindings) {
  LoopExpansion out;
  expand(loop_node, bindings, out);
  out.capped = out.count && *out.count > out.iterations.size();
  return out;
}

}  // namespace iblint::dryrun
