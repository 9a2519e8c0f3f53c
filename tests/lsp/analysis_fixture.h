// Builds a DocumentAnalysis of a text, as the server does for an open document.
#pragma once
#include <memory>
#include <string>

#include "engine/linter.h"
#include "lsp/diagnostic_conversion.h"
#include "lsp/document_analysis.h"
#include "lsp/text_document.h"

namespace iblint::lsp::testing {

struct Analysed {
  explicit Analysed(const std::string& text, PositionEncoding encoding = PositionEncoding::Utf16)
      : document("file:///t/doc.yaml", text, 3),
        analysis(DocumentAnalysis::analyze(document, "/t/doc.yaml", LintSettings{})),
        ranges(document.text(), document.lines(), encoding) {}
  /// Byte offset of the n-th occurrence (0-based) of needle, plus shift.
  uint32_t at(const std::string& needle, uint32_t shift = 0, int n = 0) const {
    size_t pos = document.text().find(needle);
    while (n-- > 0) pos = document.text().find(needle, pos + 1);
    EXPECT_NE(pos, std::string::npos) << needle;
    return static_cast<uint32_t>(pos) + shift;
  }
  TextDocument document;
  std::unique_ptr<DocumentAnalysis> analysis;
  RangeConverter ranges;
};

/// A component with parameters, a loop, list-shaped inputs and chaining.
inline const char* kChaining =
    "schemaVersion: 1.0\n"
    "parameters:\n"
    "  - Greeting:\n"
    "      type: string\n"
    "      default: hello\n"
    "phases:\n"
    "  - name: build\n"
    "    steps:\n"
    "      - name: Fetch\n"
    "        action: S3Download\n"
    "        inputs:\n"
    "          - source: s3://bucket/tool.zip\n"
    "            destination: /tmp/tool.zip\n"
    "      - name: Say\n"
    "        action: ExecuteBash\n"
    "        inputs:\n"
    "          commands:\n"
    "            - \"echo {{ Greeting }}\"\n"
    "            - \"unzip {{ build.Fetch.inputs[0].destination }}\"\n"
    "      - name: Loop\n"
    "        action: ExecuteBash\n"
    "        loop:\n"
    "          forEach: [a, b]\n"
    "        inputs:\n"
    "          commands:\n"
    "            - \"echo {{ loop.value }} {{ build.Say.outputs.stdout }}\"\n";

}  // namespace iblint::lsp::testing
