#include "load/embedded_component.h"

#include "cfn/intrinsic.h"
#include "load/component_loader.h"
#include "load/document_kind.h"

namespace iblint {

Span EmbeddedComponent::to_outer(Span span) const {
  if (!decoded || offsets.empty()) return span;
  auto at = [&](uint32_t i) { return offsets[std::min<size_t>(i, offsets.size() - 1)]; };
  Span out{at(span.begin), at(span.end)};
  if (out.end < out.begin) out.end = out.begin;
  return out;
}

namespace {

/// Replaces every `${…}` in [begin, end) of text with 'X's of the same length. `${!Literal}` is
/// CloudFormation's escape for the text `${Literal}`: kept as written.
void mask_substitutions(std::string& text, size_t begin, size_t end) {
  for (size_t i = begin; i + 1 < end; ++i) {
    if (text[i] != '$' || text[i + 1] != '{') continue;
    size_t close = text.find('}', i + 2);
    if (close == std::string::npos || close >= end) return;
    if (text[i + 2] == '!') {
      i = close;
      continue;
    }
    for (size_t j = i; j <= close; ++j) {
      if (text[j] != '\n' && text[j] != '\r') text[j] = 'X';
    }
    i = close;
  }
}

}  // namespace

std::unique_ptr<EmbeddedComponent> load_embedded_component(const SourceFile& outer, const yaml::Node& data) {
  const yaml::Node* text = &data;
  bool substitution = false;
  if (cfn::Intrinsic f = cfn::intrinsic_of(data); !f.name.empty()) {
    if (f.name != "Fn::Sub") return nullptr;
    substitution = true;
    const yaml::Node& a = f.argument->resolved();
    if (a.is_sequence()) text = a.items.empty() ? nullptr : a.items[0];
    else text = f.argument;
  }
  if (!text || !text->resolved().is_scalar() || text->kind == yaml::Kind::Alias || text->is_null()) return nullptr;
  if (!text->tag.empty() && text != &data) return nullptr;

  auto doc = std::make_unique<EmbeddedComponent>();
  doc->outer = &outer;
  doc->data = &data;
  if (text->style == yaml::Style::Literal && !substitution) {
    // The block's content starts on the line after its header (`|`, `|-`, `|2` …).
    uint32_t header_line = outer.line_of(text->span.begin);
    if (header_line >= outer.line_count()) return nullptr;
    Span content{outer.line_start(header_line + 1), text->span.end};
    if (content.begin >= content.end) return nullptr;
    doc->stream = yaml::parse_ranges(outer, {content});
  } else {
    // Escaped strings, folded blocks, and `Sub` text (whose substitutions are masked in a copy
    // of just the value: copying the whole template per component would cost quadratic time).
    yaml::Decoded decoded = yaml::decode_scalar(outer, *text, true);
    if (substitution) mask_substitutions(decoded.value, 0, decoded.value.size());
    doc->decoded = true;
    doc->exact = text->style == yaml::Style::Literal;
    doc->offsets = std::move(decoded.offsets);
    doc->copy = std::make_unique<SourceFile>(outer.path(), std::move(decoded.value));
    doc->stream = yaml::parse(*doc->copy);
  }
  if (doc->stream->documents.empty()) return nullptr;
  const yaml::Node* root = doc->stream->documents.front();
  if (classify(*root).kind == DocumentKind::Component) doc->component = load_component(*root);
  return doc;
}

}  // namespace iblint
