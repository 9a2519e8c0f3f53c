#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include <vector>

#include "lsp/scalar_edit.h"
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

  /// The edits since the last analysis, in order; nullptr after a whole-text replacement (the
  /// last node model tells nothing about the new text).
  const std::vector<TextEdit>* edits_since_analysis() const { return whole_text_replaced_ ? nullptr : &edits_; }
  void mark_analysed() {
    edits_.clear();
    whole_text_replaced_ = false;
  }

 private:
  std::string uri_;
  std::string text_;
  int64_t version_;
  TextLines lines_;
  yaml::SyntaxTree tree_;
  std::vector<TextEdit> edits_;
  bool whole_text_replaced_ = true;  ///< nothing analysed yet
};

}  // namespace iblint::lsp
