#include "rules/script_findings_cache.h"

#include <atomic>
#include <string>
#include <unordered_map>
#include <vector>

namespace iblint {
namespace {

/// What a script check reads, as the cache keeps it and as a lookup sees it (no copies).
struct Key {
  std::string_view rule;  ///< a RuleInfo id: static text
  Shell shell;
  std::string raw;    ///< the scalar's source text
  std::string value;  ///< its decoded value
};
struct KeyView {
  std::string_view rule;
  Shell shell;
  std::string_view raw;
  std::string_view value;
};

struct KeyHash {
  using is_transparent = void;
  size_t operator()(const KeyView& k) const {
    // The value is decoded from the source text, so hashing it too would read every script a
    // second time for little spread; KeyEqual still compares all four.
    size_t h = std::hash<std::string_view>{}(k.raw);
    h ^= std::hash<std::string_view>{}(k.rule) + (k.shell == Shell::Bash ? 1u : 2u) + (h << 6) + (h >> 2);
    return h;
  }
  size_t operator()(const Key& k) const { return (*this)(KeyView{k.rule, k.shell, k.raw, k.value}); }
};

struct KeyEqual {
  using is_transparent = void;
  static KeyView view(const Key& k) { return {k.rule, k.shell, k.raw, k.value}; }
  static KeyView view(const KeyView& k) { return k; }
  template <class A, class B>
  bool operator()(const A& a, const B& b) const {
    KeyView x = view(a), y = view(b);
    return x.shell == y.shell && x.rule == y.rule && x.raw == y.raw && x.value == y.value;
  }
};

/// One thread's cache: parallel lints never share (or lock) it.
struct FindingsCache {
  std::unordered_map<Key, std::vector<Diagnostic>, KeyHash, KeyEqual> findings;  ///< spans relative to the scalar
  size_t bytes = 0;
};

/// Adds delta to every span of d (its own, its related places' and its fixes' edits).
void move(Diagnostic& d, int64_t delta) {
  auto shift = [delta](Span& s) {
    s.begin = static_cast<uint32_t>(s.begin + delta);
    s.end = static_cast<uint32_t>(s.end + delta);
  };
  shift(d.span);
  for (Related& r : d.related) shift(r.span);
  for (Fix& f : d.fixes) {
    for (Edit& e : f.edits) shift(e.span);
  }
}

bool inside(Span s, Span scalar) { return s.begin >= scalar.begin && s.end <= scalar.end && s.begin <= s.end; }

bool all_inside(const Diagnostic& d, Span scalar) {
  if (d.file || !inside(d.span, scalar)) return false;
  for (const Related& r : d.related) {
    if (r.file || !inside(r.span, scalar)) return false;
  }
  for (const Fix& f : d.fixes) {
    for (const Edit& e : f.edits) {
      if (!inside(e.span, scalar)) return false;
    }
  }
  return true;
}

std::atomic<bool> keep_results{false};

}  // namespace

void keep_results_between_lints(bool on) { keep_results.store(on, std::memory_order_relaxed); }
bool keeping_results_between_lints() { return keep_results.load(std::memory_order_relaxed); }

void cached_script_findings(const RuleInfo& rule, const SourceFile& file, const yaml::Node& node, Shell shell,
                            Reporter& out, const std::function<void(Reporter&)>& check) {
  thread_local FindingsCache cache;
  if (!keeping_results_between_lints() || node.span.end > file.size() || node.span.begin > node.span.end) {
    check(out);
    return;
  }
  KeyView key{rule.id, shell, file.text(node.span), node.value};
  int64_t base = node.span.begin;
  if (auto it = cache.findings.find(key); it != cache.findings.end()) {
    for (const Diagnostic& stored : it->second) {
      Diagnostic& d = out.diagnostics().emplace_back(stored);
      move(d, base);
    }
    return;
  }
  Reporter fresh(rule);
  check(fresh);
  bool replayable = true;
  for (const Diagnostic& d : fresh.diagnostics()) replayable = replayable && all_inside(d, node.span);
  size_t bytes = key.raw.size() + key.value.size() + sizeof(Key);
  if (replayable && bytes <= kScriptFindingsCacheBytes) {
    if (cache.bytes + bytes > kScriptFindingsCacheBytes) {
      cache.findings.clear();
      cache.bytes = 0;
    }
    std::vector<Diagnostic> relative = fresh.diagnostics();
    for (Diagnostic& d : relative) move(d, -base);
    cache.bytes += bytes;
    cache.findings.emplace(Key{rule.id, shell, std::string(key.raw), std::string(key.value)}, std::move(relative));
  }
  for (Diagnostic& d : fresh.diagnostics()) out.diagnostics().push_back(std::move(d));
}

}  // namespace iblint
