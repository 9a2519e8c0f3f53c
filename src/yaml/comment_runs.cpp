#include "yaml/comment_runs.h"

namespace iblint::yaml {

std::vector<Span> comments_in_long_runs(std::string_view text, size_t max_run) {
  std::vector<Span> found;
  std::vector<Span> run;  // the comments of the current run
  auto end_run = [&] {
    if (run.size() > max_run) found.insert(found.end(), run.begin(), run.end());
    run.clear();
  };
  size_t line_begin = 0;
  while (line_begin < text.size()) {
    size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    size_t first = line_begin;
    while (first < line_end && (text[first] == ' ' || text[first] == '\t')) ++first;
    size_t content_end = line_end;
    if (content_end > first && text[content_end - 1] == '\r') --content_end;
    if (first < content_end && text[first] == '#') {
      run.push_back({static_cast<uint32_t>(first), static_cast<uint32_t>(content_end)});
    } else if (first < content_end) {
      end_run();  // content between comments: a new run starts after it
    }
    line_begin = line_end + 1;
  }
  end_run();
  return found;
}

std::string blank_out(std::string_view text, const std::vector<Span>& spans) {
  std::string out(text);
  for (Span span : spans) {
    for (uint32_t i = span.begin; i < span.end && i < out.size(); ++i) out[i] = ' ';
  }
  return out;
}

}  // namespace iblint::yaml
