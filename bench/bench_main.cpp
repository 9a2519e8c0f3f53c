// iblint_bench: medians of raw tree-sitter parsing against iblint's full lint on the same
// generated inputs, and of a whole `iblint` process on one small file. All figures come from one
// run, so ratios compare like with like. Usage: iblint_bench [--repeat N] [--steps N ...]
#include <sys/wait.h>
#include <tree_sitter/api.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "component_generator.h"
#include "engine/linter.h"
#include "source/source_file.h"

extern "C" const TSLanguage* tree_sitter_yaml();

namespace {

using Clock = std::chrono::steady_clock;

template <typename F>
double median_ms(int repeat, F&& f) {
  std::vector<double> times;
  for (int i = 0; i < repeat; ++i) {
    auto start = Clock::now();
    f();
    times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

/// The floor for our parser choice: tree-sitter alone, on the same bytes.
void raw_parse(const std::string& text) {
  TSParser* parser = ts_parser_new();
  ts_parser_set_language(parser, tree_sitter_yaml());
  TSTree* tree = ts_parser_parse_string(parser, nullptr, text.data(), static_cast<uint32_t>(text.size()));
  if (ts_node_has_error(ts_tree_root_node(tree))) std::fprintf(stderr, "warning: generated input has a syntax error\n");
  ts_tree_delete(tree);
  ts_parser_delete(parser);
}

/// Every rule but IB701, which runs the external shellcheck once per ExecuteBash step and is
/// measured apart (it is process start-up, not our parser).
size_t full_lint(const std::string& text) {
  iblint::SourceFile file("bench.yaml", text);
  iblint::LintSettings settings;
  settings.shellcheck = false;
  return iblint::lint_file(file, settings).diagnostics.size();
}

double whole_process_ms(const std::string& path, int repeat) {
  return median_ms(repeat, [&] {
    std::fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
      std::freopen("/dev/null", "w", stdout);
      execl(IBLINT_BINARY, "iblint", "--no-color", "--no-shellcheck", path.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
  });
}

}  // namespace

int main(int argc, char** argv) {
  int repeat = 15;
  std::vector<uint32_t> sizes;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--steps") && i + 1 < argc) sizes.push_back(static_cast<uint32_t>(std::atoi(argv[++i])));
  }
  if (sizes.empty()) sizes = {100, 2000, 10000};
  std::printf("%-10s %10s %10s %12s %12s %8s %10s\n", "steps", "lines", "bytes", "parse ms", "lint ms", "ratio", "findings");
  for (uint32_t steps : sizes) {
    std::string text = iblint::bench::generate_component(steps, 42);
    size_t lines = std::count(text.begin(), text.end(), '\n');
    double parse = median_ms(repeat, [&] { raw_parse(text); });
    size_t findings = 0;
    double lint = median_ms(repeat, [&] { findings = full_lint(text); });
    std::printf("%-10u %10zu %10zu %12.3f %12.3f %8.2f %10zu\n", steps, lines, text.size(), parse, lint, lint / parse, findings);
  }
  char dir_template[] = "/tmp/iblint-bench-XXXXXX";
  if (!mkdtemp(dir_template)) return 2;
  std::string small = std::string(dir_template) + "/small.yaml";
  std::ofstream(small) << iblint::bench::generate_component(10, 7);
  double process = whole_process_ms(small, std::max(repeat, 21));
  std::printf("\nwhole process, one small file (10 steps): median %.2f ms over %d runs (target < 10 ms)\n", process,
              std::max(repeat, 21));
  std::remove(small.c_str());
  rmdir(dir_template);
  return 0;
}
