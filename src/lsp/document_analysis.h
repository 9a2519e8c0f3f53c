#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/linter.h"
#include "expr/occurrences.h"
#include "model/component.h"
#include "source/source_file.h"
#include "yaml/parser.h"

namespace iblint::lsp {

class TextDocument;

/// One component document of a file with its `{{ }}` expressions (addresses are stable: the
/// expression index points into the component).
struct ComponentModel {
  Component component;
  expr::ExpressionIndex expressions;
};

/// The step that contains an offset.
struct StepAt {
  const ComponentModel* model = nullptr;
  const Phase* phase = nullptr;
  const Step* step = nullptr;
};

/// The `{{ }}` expression that contains an offset.
struct ExpressionAt {
  const ComponentModel* model = nullptr;
  const expr::Occurrence* occurrence = nullptr;
  const expr::Expression* expression = nullptr;
  Span span;  ///< the whole `{{ … }}` in the file
};

/// One lint of one version of an open document, kept for the requests that read it (code
/// actions, hover, completion, definition).
class DocumentAnalysis {
 public:
  /// Lints the document's text; path names it in the SourceFile. When the text is previous's,
  /// or every edit since only changed characters inside scalar values, previous's node model is
  /// reused (updated by apply_scalar_edits); otherwise the text is parsed again, incrementally
  /// (the document's tree).
  static std::unique_ptr<DocumentAnalysis> analyze(TextDocument& document, const std::string& path,
                                                   const LintSettings& settings,
                                                   std::unique_ptr<DocumentAnalysis> previous = nullptr);
  /// Whether this analysis parsed the text (false: it updated the previous node model).
  bool reparsed() const { return reparsed_; }

  int64_t version() const { return version_; }
  const SourceFile& file() const { return *file_; }
  const yaml::Stream& stream() const { return *stream_; }
  const FileLint& lint() const { return lint_; }

  /// The component documents of the file, loaded on first use.
  const std::vector<std::unique_ptr<ComponentModel>>& components() const;
  std::optional<StepAt> step_at(uint32_t offset) const;
  /// The expression whose `{{ … }}` contains offset (its closing end included, where a cursor
  /// stands after typing).
  std::optional<ExpressionAt> expression_at(uint32_t offset) const;

 private:
  int64_t version_ = 0;
  bool reparsed_ = true;
  std::shared_ptr<const SourceFile> file_;
  std::unique_ptr<yaml::Stream> stream_;
  FileLint lint_;
  mutable std::optional<std::vector<std::unique_ptr<ComponentModel>>> components_;
};

}  // namespace iblint::lsp
