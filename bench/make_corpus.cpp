// iblint_bench_corpus: writes the benchmark's generated corpus to a folder, the same bytes for
// the same seed: many small component files, a few very large ones, and CloudFormation
// templates with components embedded as `Data: |` blocks.
// Usage: iblint_bench_corpus DIR [--seed N] [--small N] [--large N] [--large-steps N] [--templates N]
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "component_generator.h"

namespace {

bool write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') {
    std::fprintf(stderr,
                 "usage: iblint_bench_corpus DIR [--seed N] [--small N] [--large N] [--large-steps N] [--templates N]\n");
    return 2;
  }
  std::filesystem::path dir = argv[1];
  uint32_t seed = 42, small = 2000, large = 3, large_steps = 10000, templates = 40;
  for (int i = 2; i + 1 < argc; i += 2) {
    uint32_t value = static_cast<uint32_t>(std::strtoul(argv[i + 1], nullptr, 10));
    if (!std::strcmp(argv[i], "--seed")) seed = value;
    else if (!std::strcmp(argv[i], "--small")) small = value;
    else if (!std::strcmp(argv[i], "--large")) large = value;
    else if (!std::strcmp(argv[i], "--large-steps")) large_steps = value;
    else if (!std::strcmp(argv[i], "--templates")) templates = value;
    else {
      std::fprintf(stderr, "iblint_bench_corpus: unknown option %s\n", argv[i]);
      return 2;
    }
  }
  std::error_code error;
  std::filesystem::create_directories(dir / "small", error);
  std::filesystem::create_directories(dir / "large", error);
  std::filesystem::create_directories(dir / "templates", error);
  if (error) {
    std::fprintf(stderr, "iblint_bench_corpus: cannot create %s: %s\n", dir.c_str(), error.message().c_str());
    return 2;
  }
  std::mt19937 rng(seed);
  bool ok = true;
  for (uint32_t i = 0; i < small; ++i) {
    uint32_t steps = 3 + rng() % 38;  // 3–40 steps, as most real components
    ok &= write_file(dir / "small" / ("component-" + std::to_string(i) + ".yaml"),
                     iblint::bench::generate_component(steps, seed + i));
  }
  for (uint32_t i = 0; i < large; ++i) {
    ok &= write_file(dir / "large" / ("component-" + std::to_string(i) + ".yaml"),
                     iblint::bench::generate_component(large_steps, seed * 7 + i));
  }
  for (uint32_t i = 0; i < templates; ++i) {
    ok &= write_file(dir / "templates" / ("pipeline-" + std::to_string(i) + ".yaml"),
                     iblint::bench::generate_template(1 + rng() % 3, 10 + rng() % 30, seed * 13 + i));
  }
  if (!ok) {
    std::fprintf(stderr, "iblint_bench_corpus: cannot write into %s\n", dir.c_str());
    return 2;
  }
  return 0;
}
