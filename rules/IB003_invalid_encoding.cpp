#include <algorithm>

#include "rules/rules.h"
#include "source/source_file.h"

namespace iblint {
namespace {

class InvalidEncoding final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB003", "invalid-encoding", Severity::Error,
                               "The file is binary or not UTF-8 text"};
    return rule;
  }
  bool needs_component() const override { return false; }
  void check(const LintContext& context, Reporter& out) const override {
    const SourceFile& file = context.file;
    if (file.has_utf16_or_utf32_bom()) {
      out.report({0, std::min<uint32_t>(2, file.size())},
                 "the file is UTF-16 or UTF-32 encoded; Image Builder reads component documents as UTF-8, "
                 "save it as UTF-8");
    } else if (looks_like_utf16(file)) {
      out.report({0, std::min<uint32_t>(2, file.size())},
                 "the file looks like UTF-16 without a byte order mark (a NUL byte beside every ASCII character); "
                 "save it as UTF-8");
    } else if (auto nul = file.first_nul()) {
      out.report({*nul, *nul + 1},
                 "the file holds a NUL byte: it is binary data, not a YAML document (the Image Builder API "
                 "rejects documents containing NUL)");
    } else if (auto bad = file.first_invalid_utf8()) {
      out.report({*bad, *bad + 1}, "invalid UTF-8 byte 0x" + hex(static_cast<unsigned char>(file.bytes()[*bad])) +
                                       "; save the file as UTF-8");
    }
  }

 private:
  /// UTF-16 text of mostly ASCII has a NUL in every other byte.
  static bool looks_like_utf16(const SourceFile& file) {
    std::string_view bytes = file.bytes();
    size_t n = std::min<size_t>(bytes.size() & ~size_t{1}, 512);
    if (n < 4) return false;
    size_t even_nul = 0, odd_nul = 0;
    for (size_t i = 0; i < n; ++i) (i % 2 ? odd_nul : even_nul) += bytes[i] == '\0';
    return std::max(even_nul, odd_nul) * 10 >= (n / 2) * 9 && std::min(even_nul, odd_nul) == 0;
  }

  static std::string hex(unsigned char c) {
    const char* digits = "0123456789ABCDEF";
    return {digits[c >> 4], digits[c & 15]};
  }
};

}  // namespace

std::unique_ptr<Rule> make_invalid_encoding() { return std::make_unique<InvalidEncoding>(); }

}  // namespace iblint
