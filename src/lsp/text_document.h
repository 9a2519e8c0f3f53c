#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "lsp/text_lines.h"
#include "yaml/syntax_tree.h"

namespace iblint::lsp {

/// An open document as the client last described it: its text, version and lines, and the
/// tree-sitter tree that every edit is recorded in, so the next parse is incremental.
class TextDocument {
 public:
  TextDocument(std::string uri, std::string text, int64_t version);

  const std::string& uri() const { return uri_; }
  const std::string& text() const { return text_; }
  int64_t version() const { return version_; }
  const TextLines& lines() const { return lines_; }
  yaml::SyntaxTree& tree() { return tree_; }

  /// Replaces bytes [begin, end) (one `contentChanges` entry with a range) and records the
  /// edit in the tree.
  void replace(uint32_t begin, uint32_t end, std::string_view replacement);
  /// Replaces the whole text (a `contentChanges` entry without a range): the tree starts over.
  void replace_all(std::string text);
  void set_version(int64_t version) { version_ = version; }

 private:
  std::string uri_;
  std::string text_;
  int64_t version_;
  TextLines lines_;
  yaml::SyntaxTree tree_;
};

}  // namespace iblint::lsp
