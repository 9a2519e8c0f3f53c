// iblint_raw_parse: the floor for our parser choice. Reads each file and parses its bytes with
// tree-sitter YAML (ts_parser_parse_string), nothing else: no node model, no rules, no output.
// Usage: iblint_raw_parse FILE...   Prints the number of files and bytes parsed.
#include <tree_sitter/api.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

extern "C" const TSLanguage* tree_sitter_yaml();

int main(int argc, char** argv) {
  TSParser* parser = ts_parser_new();
  ts_parser_set_language(parser, tree_sitter_yaml());
  size_t bytes = 0;
  int status = 0;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
      std::fprintf(stderr, "iblint_raw_parse: cannot read %s\n", argv[i]);
      status = 2;
      continue;
    }
    TSTree* tree = ts_parser_parse_string(parser, nullptr, text.data(), static_cast<uint32_t>(text.size()));
    ts_tree_delete(tree);
    bytes += text.size();
  }
  ts_parser_delete(parser);
  std::printf("%d files, %zu bytes\n", argc - 1, bytes);
  return status;
}
