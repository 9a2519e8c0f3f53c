// iblint_lsp_bench: what the language server does after a one-character edit of a large
// document, in process: apply the edit to the open document (ts_tree_edit), update the node
// model (or reparse incrementally), lint, and build the publishDiagnostics message. Prints medians of wall and CPU
// time per edit, and the same for a from-scratch parse for comparison. bench/lsp_relint.py
// measures the same end to end over stdio. Usage: iblint_lsp_bench [--lines N] [--edits N]
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "component_generator.h"
#include "engine/linter.h"
#include "lsp/diagnostic_conversion.h"
#include "lsp/document_analysis.h"
#include "lsp/json_rpc.h"
#include "lsp/text_document.h"
#include "yaml/parser.h"

namespace {

double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double wall_ms() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  size_t lines_wanted = 5000;
  int edits = 200;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--lines") && i + 1 < argc) lines_wanted = std::strtoul(argv[++i], nullptr, 10);
    else if (!std::strcmp(argv[i], "--edits") && i + 1 < argc) edits = std::atoi(argv[++i]);
  }
  std::string text;
  for (uint32_t steps = 50;; steps += 10) {
    text = iblint::bench::generate_component(steps, 42);
    if (static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) >= lines_wanted) break;
  }
  using namespace iblint;
  lsp::TextDocument document("file:///bench.yaml", text, 1);
  LintSettings settings;
  settings.shellcheck = false;  // IB701 starts shellcheck processes; its results are cached per script anyway
  auto analysis = lsp::DocumentAnalysis::analyze(document, "bench.yaml", settings);
  size_t findings = analysis->lint().diagnostics.size();

  // Type `x` into a step name in the middle of the document, then delete it again.
  uint32_t at = static_cast<uint32_t>(text.find("- name: ", text.size() / 2) + 9);
  std::vector<double> wall, cpu, parse_only, fresh_parse;
  int reparsed = 0;
  for (int i = 0; i < edits; ++i) {
    double w = wall_ms(), c = cpu_ms();
    if (i % 2 == 0) document.replace(at, at, "x");
    else document.replace(at, at + 1, "");
    document.set_version(i + 2);
    analysis = lsp::DocumentAnalysis::analyze(document, "bench.yaml", settings, std::move(analysis));
    reparsed += analysis->reparsed();
    lsp::RangeConverter ranges(document.text(), document.lines(), lsp::PositionEncoding::Utf16);
    nlohmann::json diagnostics = nlohmann::json::array();
    for (const Diagnostic& d : analysis->lint().diagnostics) diagnostics.push_back(lsp::to_lsp_diagnostic(d, ranges, document.uri()));
    std::string message = lsp::frame(lsp::notification("textDocument/publishDiagnostics",
                                                       {{"uri", document.uri()}, {"version", i + 2}, {"diagnostics", diagnostics}}));
    wall.push_back(wall_ms() - w);
    cpu.push_back(cpu_ms() - c);
    if (analysis->lint().diagnostics.size() != findings) {
      std::fprintf(stderr, "edit %d: %zu findings, expected %zu\n", i, analysis->lint().diagnostics.size(), findings);
      return 1;
    }
  }
  for (int i = 0; i < 20; ++i) {
    SourceFile file("bench.yaml", document.text());
    double c = cpu_ms();
    yaml::parse(file, document.tree());
    parse_only.push_back(cpu_ms() - c);
    c = cpu_ms();
    yaml::parse(file);
    fresh_parse.push_back(cpu_ms() - c);
  }
  std::printf("document: %zu lines, %zu bytes, %zu findings\n", static_cast<size_t>(std::count(text.begin(), text.end(), '\n')),
              text.size(), findings);
  std::printf("re-lint after a one-character edit (%d edits): median %.2f ms wall, %.2f ms CPU (target < 5 ms)\n", edits,
              median(wall), median(cpu));
  std::printf("  %d of %d edits needed a YAML parse (the others stayed inside one value)\n", reparsed, edits);
  std::printf("  a YAML parse: incremental %.2f ms CPU, from scratch %.2f ms CPU\n", median(parse_only), median(fresh_parse));
  return 0;
}
