#pragma once
// Parses a YAML snippet for the dry-run unit tests and keeps it alive.
#include <memory>
#include <string>

#include "source/source_file.h"
#include "yaml/parser.h"

namespace iblint::dryrun::test_support {

struct ParsedYaml {
  std::unique_ptr<SourceFile> file;
  std::unique_ptr<yaml::Stream> stream;
  const yaml::Node& root() const { return *stream->documents.at(0); }
};

inline ParsedYaml parse_yaml(const std::string& text) {
  ParsedYaml out;
  out.file = std::make_unique<SourceFile>("snippet.yaml", text);
  out.stream = yaml::parse(*out.file);
  return out;
}

}  // namespace iblint::dryrun::test_support
