#pragma once
#include <memory>
#include <optional>
#include <vector>

#include "model/component.h"
#include "source/source_file.h"
#include "yaml/node.h"
#include "yaml/parser.h"

namespace iblint {

/// A component document written inside another file: a template's
/// `AWS::ImageBuilder::Component` `Data`, or an API request's `data`. Its node spans are real
/// offsets of the outer file wherever possible:
/// * a literal block scalar (`Data: |`) is parsed in place with tree-sitter included ranges;
/// * an escaped string (JSON, double or single quoted, folded) is decoded into its own text and
///   spans are mapped back through the decoder's offset map (to_outer);
/// * under `!Sub`/`Fn::Sub`, the value is decoded the same way and its `${…}` substitutions are
///   masked with same-length text (so `${AWS::Region}` is not read as anything of AWSTOE's).
struct EmbeddedComponent {
  const SourceFile* outer = nullptr;       ///< the template or request file
  const yaml::Node* data = nullptr;        ///< the Data/data value node as written (maybe `!Sub`)
  std::unique_ptr<SourceFile> copy;        ///< masked or decoded text; null when parsed in place
  bool decoded = false;                    ///< copy holds decoded text: spans need to_outer()
  /// Decoded from a literal block: each decoded byte of a line is the outer byte at the same
  /// place, so edits within a line map back exactly (fixes survive).
  bool exact = false;
  std::vector<uint32_t> offsets;           ///< decoded: copy offset → outer offset (one extra entry)
  std::unique_ptr<yaml::Stream> stream;
  std::optional<Component> component;      ///< set when the text is an AWSTOE document

  /// The file the document's nodes point into.
  const SourceFile& file() const { return copy ? *copy : *outer; }
  /// A span of file() as a span of the outer file.
  Span to_outer(Span span) const;
};

/// Parses the component document a Data/data node holds (a string, or `Fn::Sub` of a string).
/// Null when the node holds no literal document (Fn::Join, a Ref, an S3 `Uri`, …).
std::unique_ptr<EmbeddedComponent> load_embedded_component(const SourceFile& outer, const yaml::Node& data);

}  // namespace iblint
