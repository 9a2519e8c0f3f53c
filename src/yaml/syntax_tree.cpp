#include "yaml/syntax_tree.h"

#include <tree_sitter/api.h>

extern "C" const TSLanguage* tree_sitter_yaml();

namespace iblint::yaml {

SyntaxTree::SyntaxTree() : parser_(ts_parser_new()) { ts_parser_set_language(parser_, tree_sitter_yaml()); }

SyntaxTree::~SyntaxTree() {
  reset();
  ts_parser_delete(parser_);
}

void SyntaxTree::edit(const TreeEdit& e) {
  if (!tree_) return;
  TSInputEdit input{e.start,
                    e.old_end,
                    e.new_end,
                    {e.start_point.row, e.start_point.column},
                    {e.old_end_point.row, e.old_end_point.column},
                    {e.new_end_point.row, e.new_end_point.column}};
  ts_tree_edit(tree_, &input);
}

void SyntaxTree::reset() { replace(nullptr); }

void SyntaxTree::replace(TSTree* tree) {
  if (tree_ && tree_ != tree) ts_tree_delete(tree_);
  tree_ = tree;
}

}  // namespace iblint::yaml
