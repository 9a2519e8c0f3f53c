#include "lsp/document_analysis.h"

#include "load/component_loader.h"
#include "load/document_kind.h"
#include "lsp/scalar_edit.h"
#include "lsp/text_document.h"
#include "rules/script_findings_cache.h"

namespace iblint::lsp {

std::unique_ptr<DocumentAnalysis> DocumentAnalysis::analyze(TextDocument& document, const std::string& path,
                                                            const LintSettings& settings,
                                                            std::unique_ptr<DocumentAnalysis> previous) {
  // An open document is linted again after every edit: unchanged scripts replay their findings.
  keep_results_between_lints(true);
  auto analysis = std::make_unique<DocumentAnalysis>();
  analysis->version_ = document.version();
  analysis->file_ = std::make_shared<const SourceFile>(path, document.text());
  const std::vector<TextEdit>* edits = document.edits_since_analysis();
  if (is_unreadable(*analysis->file_)) {
    analysis->stream_ = std::make_unique<yaml::Stream>();
  } else if (previous && previous->stream_ && edits && !is_unreadable(*previous->file_) && document.tree().has_tree() &&
             (edits->empty() || apply_scalar_edits(*previous->stream_, *edits, *analysis->file_))) {
    analysis->stream_ = std::move(previous->stream_);  // its tree keeps the edits for the next parse
    analysis->reparsed_ = false;
  } else {
    analysis->stream_ = yaml::parse(*analysis->file_, document.tree());
  }
  document.mark_analysed();
  analysis->lint_ = lint_parsed_file(*analysis->file_, *analysis->stream_, settings);
  return analysis;
}

const std::vector<std::unique_ptr<ComponentModel>>& DocumentAnalysis::components() const {
  if (components_) return *components_;
  components_.emplace();
  for (const yaml::Node* root : stream_->documents) {
    if (!root || classify(*root).kind != DocumentKind::Component) continue;
    auto model = std::make_unique<ComponentModel>();
    model->component = load_component(*root);
    model->expressions = expr::index_expressions(*file_, model->component);
    components_->push_back(std::move(model));
  }
  return *components_;
}

std::optional<StepAt> DocumentAnalysis::step_at(uint32_t offset) const {
  for (const auto& model : components()) {
    for (const Phase& phase : model->component.phases) {
      for (const Step& step : phase.steps) {
        if (step.node && step.node->span.begin <= offset && offset <= step.node->span.end) {
          return StepAt{model.get(), &phase, &step};
        }
      }
    }
  }
  return std::nullopt;
}

std::optional<ExpressionAt> DocumentAnalysis::expression_at(uint32_t offset) const {
  for (const auto& model : components()) {
    for (const expr::Occurrence& occurrence : model->expressions.occurrences) {
      if (offset < occurrence.scalar->span.begin || offset > occurrence.scalar->span.end) continue;
      for (const expr::Expression& expression : occurrence.scan.expressions) {
        Span span = occurrence.span(expression.range);
        if (span.begin <= offset && offset <= span.end) return ExpressionAt{model.get(), &occurrence, &expression, span};
      }
    }
  }
  return std::nullopt;
}

}  // namespace iblint::lsp
