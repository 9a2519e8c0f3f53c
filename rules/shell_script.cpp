#include "rules/shell_script.h"

#include <algorithm>
#include <cctype>

namespace iblint {
namespace {

/// Deepest `$(…)` nesting read as commands; deeper substitutions stay text.
constexpr int kMaxNesting = 16;

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

bool all_digits(std::string_view s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

/// A PowerShell here-string opener (`@"` or `@'`) ends its line.
bool here_string_opens(std::string_view text, size_t i) {
  if (i + 1 >= text.size() || text[i] != '@' || (text[i + 1] != '"' && text[i + 1] != '\'')) return false;
  size_t j = i + 2;
  while (j < text.size() && is_blank(text[j])) ++j;
  return j == text.size() || text[j] == '\n';
}

/// Offset just past the here-string that opens at i (its closing `"@`/`'@` line), or the end.
size_t here_string_end(std::string_view text, size_t i, size_t* content_begin, size_t* content_end) {
  char quote = text[i + 1];
  size_t line = text.find('\n', i);
  if (line == std::string_view::npos) {
    *content_begin = *content_end = text.size();
    return text.size();
  }
  *content_begin = line + 1;
  for (size_t start = line + 1; start < text.size();) {
    size_t j = start;
    while (j < text.size() && is_blank(text[j])) ++j;
    if (j + 1 < text.size() && text[j] == quote && text[j + 1] == '@') {
      *content_end = start > 0 ? start - 1 : start;
      return j + 2;
    }
    size_t next = text.find('\n', start);
    if (next == std::string_view::npos) break;
    start = next + 1;
  }
  *content_end = text.size();
  return text.size();
}

void blank(std::string& out, size_t from, size_t to) {
  for (size_t k = from; k < to && k < out.size(); ++k) {
    if (out[k] != '\n') out[k] = ' ';
  }
}

std::string blank_bash_comments(std::string_view text) {
  std::string out(text);
  bool single = false, dbl = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      single = dbl = false;  // a quote left open is closed at the end of its line
      continue;
    }
    if (single) {
      if (c == '\'') single = false;
      continue;
    }
    if (c == '\\') {
      ++i;
      continue;
    }
    if (dbl) {
      if (c == '"') dbl = false;
      continue;
    }
    if (c == '\'') single = true;
    else if (c == '"') dbl = true;
    else if (c == '#') {
      char before = i == 0 ? ' ' : text[i - 1];
      if (is_blank(before) || before == '\n' || before == ';' || before == '&' || before == '|' || before == '(' ||
          before == ')') {
        size_t end = text.find('\n', i);
        if (end == std::string_view::npos) end = text.size();
        blank(out, i, end);
        i = end - 1;
      }
    }
  }
  return out;
}

std::string blank_powershell_comments(std::string_view text) {
  std::string out(text);
  bool single = false, dbl = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      single = dbl = false;
      continue;
    }
    if (single) {
      if (c == '\'') single = false;
      continue;
    }
    if (dbl) {
      if (c == '`') ++i;
      else if (c == '"') dbl = false;
      continue;
    }
    if (c == '`') {
      ++i;
      continue;
    }
    if (here_string_opens(text, i)) {
      size_t b = 0, e = 0;
      i = here_string_end(text, i, &b, &e) - 1;
      continue;
    }
    if (c == '\'') single = true;
    else if (c == '"') dbl = true;
    else if (c == '<' && i + 1 < text.size() && text[i + 1] == '#') {
      size_t end = text.find("#>", i + 2);
      end = end == std::string_view::npos ? text.size() : end + 2;
      blank(out, i, end);
      i = end - 1;
    } else if (c == '#') {
      char before = i == 0 ? ' ' : text[i - 1];
      if (is_blank(before) || before == '\n' || before == ';' || before == '|' || before == '(' || before == ')' ||
          before == '{' || before == '}') {
        size_t end = text.find('\n', i);
        if (end == std::string_view::npos) end = text.size();
        blank(out, i, end);
        i = end - 1;
      }
    }
  }
  return out;
}

/// Shared state of both lexers: the command being built and the word being read.
class Builder {
 public:
  explicit Builder(ShellScript& out) : out_(out) {}

  /// Pipe: `|`; Separator: `&&`, `||`, `&`, brackets; Line: a line break or `;`.
  enum class End { Pipe, Separator, Line };
  enum class Redirect { None, Output, Input };

  bool in_word() const { return in_word_; }
  ShellWord& word() { return word_; }
  bool command_empty() const { return command_.words.empty() && command_.redirects.empty() && !in_word_; }

  void start_word(size_t at) {
    if (in_word_) return;
    in_word_ = true;
    word_ = ShellWord{};
    word_.begin = static_cast<uint32_t>(at);
  }
  void append(size_t at, char c) {
    start_word(at);
    word_.text += c;
  }
  void append(size_t at, std::string_view s) {
    start_word(at);
    word_.text += s;
  }
  /// Drops the word being read (a file descriptor number before `>`).
  void drop_word() { in_word_ = false; }

  void end_word(size_t at) {
    if (!in_word_) return;
    in_word_ = false;
    word_.end = static_cast<uint32_t>(at);
    if (redirect_ == Redirect::Output) command_.redirects.push_back(std::move(word_));
    else if (redirect_ == Redirect::None) command_.words.push_back(std::move(word_));
    redirect_ = Redirect::None;
  }

  void expect_redirect(Redirect kind) { redirect_ = kind; }

  /// Ends the current command; returns its index, or -1 when it was empty.
  int end_command(size_t at, End how) {
    end_word(at);
    redirect_ = Redirect::None;
    int index = -1;
    if (!command_.words.empty() || !command_.redirects.empty()) {
      command_.piped_from = pipe_from_;
      command_.statement = statement_;
      index = static_cast<int>(out_.commands.size());
      out_.commands.push_back(std::move(command_));
      command_ = ShellCommand{};
      if (first_ < 0) first_ = index;
      pipe_from_ = how == End::Pipe ? index : -1;
    } else if (how == End::Separator) {
      pipe_from_ = -1;  // `a | ; b` is broken; a line break after `|` continues the pipeline
    }
    if (how == End::Line) ++statement_;
    return index;
  }

  /// Runs body with a fresh command and word (a nested `$(…)`), then restores them. Returns the
  /// index of the first command the body produced, or -1.
  template <typename Body>
  int nested(Body body) {
    ShellCommand saved_command = std::move(command_);
    ShellWord saved_word = std::move(word_);
    bool saved_in_word = in_word_;
    Redirect saved_redirect = redirect_;
    int saved_pipe = pipe_from_, saved_first = first_;
    command_ = ShellCommand{};
    in_word_ = false;
    redirect_ = Redirect::None;
    pipe_from_ = -1;
    first_ = -1;
    ++nesting_;
    body();
    --nesting_;
    int first = first_;
    command_ = std::move(saved_command);
    word_ = std::move(saved_word);
    in_word_ = saved_in_word;
    redirect_ = saved_redirect;
    pipe_from_ = saved_pipe;
    first_ = saved_first;
    return first;
  }
  int nesting() const { return nesting_; }

 private:
  ShellScript& out_;
  ShellCommand command_;
  ShellWord word_;
  bool in_word_ = false;
  Redirect redirect_ = Redirect::None;
  int pipe_from_ = -1;
  int first_ = -1;
  int nesting_ = 0;
  uint32_t statement_ = 0;
};

class BashLexer {
 public:
  BashLexer(std::string_view text, ShellScript& out) : text_(text), b_(out) {}

  void run() {
    size_t i = 0;
    list(i, '\0');
  }

 private:
  /// Reads commands until closer (`)` or a backtick) or the end; i ends past the closer.
  void list(size_t& i, char closer) {
    const size_t n = text_.size();
    while (i < n) {
      char c = text_[i];
      char next = i + 1 < n ? text_[i + 1] : '\0';
      if (closer != '\0' && c == closer) {
        b_.end_command(i, Builder::End::Separator);
        ++i;
        return;
      }
      if (is_blank(c)) {
        b_.end_word(i);
        ++i;
      } else if (c == '\n') {
        b_.end_command(i, Builder::End::Line);
        ++i;
      } else if (c == '\\') {
        if (next == '\n') {
          i += 2;  // line continuation
        } else if (next == '\r' && i + 2 < n && text_[i + 2] == '\n') {
          i += 3;
        } else {
          b_.start_word(i);
          if (next != '\0') b_.append(i, next);
          i += next == '\0' ? 1 : 2;
        }
      } else if (c == '\'') {
        b_.start_word(i);
        size_t j = i + 1;
        while (j < n && text_[j] != '\'' && text_[j] != '\n') b_.append(i, text_[j++]);
        i = j < n && text_[j] == '\'' ? j + 1 : j;
      } else if (c == '"') {
        double_quoted(i);
      } else if (c == '$') {
        dollar(i);
      } else if (c == '`') {
        substitution(i, 1, '`');
      } else if (c == ';') {
        b_.end_command(i, Builder::End::Line);
        i += next == ';' ? 2 : 1;
      } else if (c == '&') {
        if (next == '>') {
          b_.end_word(i);
          b_.expect_redirect(Builder::Redirect::Output);
          i += i + 2 < n && text_[i + 2] == '>' ? 3 : 2;
        } else {
          b_.end_command(i, Builder::End::Separator);
          i += next == '&' ? 2 : 1;
        }
      } else if (c == '|') {
        if (next == '|') {
          b_.end_command(i, Builder::End::Separator);
          i += 2;
        } else {
          b_.end_command(i, Builder::End::Pipe);
          i += next == '&' ? 2 : 1;
        }
      } else if (c == '(' || c == ')') {
        b_.end_command(i, Builder::End::Separator);
        ++i;
      } else if ((c == '<' || c == '>') && next == '(' && !b_.in_word()) {
        substitution(i, 2, ')');  // process substitution
      } else if (c == '<' || c == '>') {
        if (b_.in_word() && all_digits(b_.word().text)) b_.drop_word();  // `2>`: a file descriptor
        b_.end_word(i);
        size_t j = i;
        while (j < n && (text_[j] == c || text_[j] == '&' || text_[j] == '|' || (c == '<' && text_[j] == '-'))) ++j;
        b_.expect_redirect(c == '>' ? Builder::Redirect::Output : Builder::Redirect::Input);
        i = j;
      } else {
        b_.append(i, c);
        ++i;
      }
    }
    b_.end_command(i, closer == '\0' ? Builder::End::Line : Builder::End::Separator);
  }

  void double_quoted(size_t& i) {
    const size_t n = text_.size();
    b_.start_word(i);
    size_t j = i + 1;
    while (j < n && text_[j] != '"' && text_[j] != '\n') {
      char c = text_[j];
      char next = j + 1 < n ? text_[j + 1] : '\0';
      if (c == '\\' && (next == '"' || next == '\\' || next == '$' || next == '`')) {
        b_.append(j, next);
        j += 2;
      } else if (c == '\\' && next == '\n') {
        j += 2;
      } else if (c == '$') {
        dollar(j);
      } else if (c == '`') {
        substitution(j, 1, '`');
      } else {
        b_.append(j, c);
        ++j;
      }
    }
    i = j < n && text_[j] == '"' ? j + 1 : j;
  }

  /// `$(…)`, `$((…))`, `${…}` or a lone `$`.
  void dollar(size_t& i) {
    const size_t n = text_.size();
    char next = i + 1 < n ? text_[i + 1] : '\0';
    if (next == '(' && !(i + 2 < n && text_[i + 2] == '(')) {
      substitution(i, 2, ')');
      return;
    }
    if (next == '(' || next == '{') {
      // arithmetic or parameter expansion: copy to the balancing bracket on this line
      char open = next, close = next == '(' ? ')' : '}';
      size_t j = i + 1;
      int depth = 0;
      for (; j < n && text_[j] != '\n'; ++j) {
        if (text_[j] == open) ++depth;
        else if (text_[j] == close && --depth == 0) {
          ++j;
          break;
        }
      }
      b_.append(i, text_.substr(i, j - i));
      i = j;
      return;
    }
    b_.append(i, '$');
    ++i;
  }

  /// A nested command list that opens with `opener_length` bytes at i and ends at closer.
  void substitution(size_t& i, size_t opener_length, char closer) {
    size_t start = i;
    b_.start_word(i);
    if (b_.nesting() >= kMaxNesting) {
      b_.append(i, text_.substr(i, opener_length));
      i += opener_length;
      return;
    }
    size_t j = i + opener_length;
    int first = b_.nested([&] { list(j, closer); });
    ShellWord& word = b_.word();
    if (word.substitution < 0) word.substitution = first;
    b_.append(start, text_.substr(start, j - start));
    i = j;
  }

  std::string_view text_;
  Builder b_;
};

class PowerShellLexer {
 public:
  PowerShellLexer(std::string_view text, ShellScript& out) : text_(text), b_(out) {}

  void run() {
    const size_t n = text_.size();
    size_t i = 0;
    while (i < n) {
      char c = text_[i];
      char next = i + 1 < n ? text_[i + 1] : '\0';
      if (is_blank(c) || c == ',') {
        b_.end_word(i);
        ++i;
      } else if (c == '\n') {
        b_.end_command(i, Builder::End::Line);
        ++i;
      } else if (c == '`') {
        if (next == '\n') {
          b_.end_word(i);
          i += 2;
        } else if (next == '\r' && i + 2 < n && text_[i + 2] == '\n') {
          b_.end_word(i);
          i += 3;
        } else {
          b_.start_word(i);
          if (next != '\0') b_.append(i, next);
          i += next == '\0' ? 1 : 2;
        }
      } else if (here_string_opens(text_, i) && !b_.in_word()) {
        size_t content_begin = 0, content_end = 0;
        size_t end = here_string_end(text_, i, &content_begin, &content_end);
        b_.start_word(i);
        if (content_begin < content_end) b_.append(i, text_.substr(content_begin, content_end - content_begin));
        i = end;
        b_.end_word(i);
      } else if (c == '\'') {
        b_.start_word(i);
        size_t j = i + 1;
        while (j < n && text_[j] != '\n') {
          if (text_[j] == '\'') {
            if (j + 1 < n && text_[j + 1] == '\'') {
              b_.append(j, '\'');
              j += 2;
              continue;
            }
            break;
          }
          b_.append(j, text_[j]);
          ++j;
        }
        i = j < n && text_[j] == '\'' ? j + 1 : j;
      } else if (c == '"') {
        b_.start_word(i);
        size_t j = i + 1;
        while (j < n && text_[j] != '\n') {
          if (text_[j] == '`' && j + 1 < n && text_[j + 1] != '\n') {
            b_.append(j, text_[j + 1]);
            j += 2;
            continue;
          }
          if (text_[j] == '"') {
            if (j + 1 < n && text_[j + 1] == '"') {
              b_.append(j, '"');
              j += 2;
              continue;
            }
            break;
          }
          b_.append(j, text_[j]);
          ++j;
        }
        i = j < n && text_[j] == '"' ? j + 1 : j;
      } else if (c == ';') {
        b_.end_command(i, Builder::End::Line);
        ++i;
      } else if (c == '|') {
        b_.end_command(i, next == '|' ? Builder::End::Separator : Builder::End::Pipe);
        i += next == '|' ? 2 : 1;
      } else if (c == '&' && next == '&') {
        b_.end_command(i, Builder::End::Separator);
        i += 2;
      } else if (c == '(' || c == ')' || c == '{' || c == '}') {
        b_.end_command(i, Builder::End::Separator);
        ++i;
      } else if (c == '=' && next != '=' && (!b_.in_word() || b_.word().text.starts_with("$"))) {
        b_.end_command(i, Builder::End::Separator);  // `$x = …`: the right side is a command of its own
        ++i;
      } else if (c == '>') {
        if (b_.in_word() && (all_digits(b_.word().text) || b_.word().text == "*")) b_.drop_word();
        b_.end_word(i);
        size_t j = i + 1;
        if (j < n && text_[j] == '>') ++j;
        if (j < n && text_[j] == '&') {
          j += 2;  // `2>&1`: to another stream, not a file
        } else {
          b_.expect_redirect(Builder::Redirect::Output);
        }
        i = j;
      } else {
        b_.append(i, c);
        ++i;
      }
    }
    b_.end_command(i, Builder::End::Line);
  }

 private:
  std::string_view text_;
  Builder b_;
};

bool is_assignment(std::string_view word) {
  if (word.empty() || !(std::isalpha(static_cast<unsigned char>(word[0])) || word[0] == '_')) return false;
  size_t i = 1;
  while (i < word.size() && (std::isalnum(static_cast<unsigned char>(word[i])) || word[i] == '_')) ++i;
  if (i < word.size() && word[i] == '[') {
    size_t close = word.find(']', i);
    if (close == std::string_view::npos) return false;
    i = close + 1;
  }
  if (i < word.size() && word[i] == '+') ++i;
  return i < word.size() && word[i] == '=';
}

bool one_of(std::string_view word, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), word) != names.end();
}

}  // namespace

std::string blank_comments(std::string_view script, Shell shell) {
  return shell == Shell::Bash ? blank_bash_comments(script) : blank_powershell_comments(script);
}

ShellScript parse_shell_script(std::string_view script, Shell shell) {
  std::string text = blank_comments(script, shell);
  ShellScript out;
  if (shell == Shell::Bash) BashLexer(text, out).run();
  else PowerShellLexer(text, out).run();
  return out;
}

size_t command_name_index(const ShellCommand& command, Shell shell) {
  const std::vector<ShellWord>& w = command.words;
  size_t i = 0;
  if (shell == Shell::PowerShell) {
    while (i < w.size() && (w[i].text == "&" || w[i].text == ".")) ++i;
    return i;
  }
  auto skip_options = [&](std::initializer_list<std::string_view> with_argument) {
    while (i < w.size() && w[i].text.size() > 1 && w[i].text[0] == '-') {
      if (w[i].text == "--") {
        ++i;
        return;
      }
      bool takes = one_of(w[i].text, with_argument);
      i += takes ? 2 : 1;
    }
  };
  while (i < w.size()) {
    const std::string& t = w[i].text;
    if (is_assignment(t) || one_of(t, {"if", "then", "else", "elif", "do", "while", "until", "!", "{", "}", "time",
                                       "nohup", "exec", "command", "builtin", "noglob"})) {
      ++i;
    } else if (t == "sudo" || t == "doas") {
      ++i;
      skip_options({"-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "-T"});
    } else if (t == "env") {
      ++i;
      while (i < w.size() && (is_assignment(w[i].text) || (w[i].text.size() > 1 && w[i].text[0] == '-'))) {
        i += one_of(w[i].text, {"-u", "-C", "-S"}) ? 2 : 1;
      }
    } else if (t == "nice" || t == "ionice" || t == "stdbuf") {
      ++i;
      skip_options({"-n", "-c"});
    } else if (t == "timeout") {
      ++i;
      skip_options({"-k", "-s"});
      if (i < w.size()) ++i;  // the duration
    } else {
      break;
    }
  }
  return i;
}

std::string command_name(const ShellCommand& command, Shell shell) {
  size_t index = command_name_index(command, shell);
  if (index >= command.words.size()) return "";
  std::string name = command.words[index].text;
  size_t slash = name.find_last_of(shell == Shell::PowerShell ? "/\\" : "/");
  if (slash != std::string::npos && slash + 1 < name.size()) name = name.substr(slash + 1);
  if (shell == Shell::PowerShell) name = ascii_lower(name);
  if (name.size() > 4 && ascii_lower(name.substr(name.size() - 4)) == ".exe") name.resize(name.size() - 4);
  return name;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_local_http_url(std::string_view url) {
  std::string lower = ascii_lower(url);
  if (!lower.starts_with("http://")) return false;
  std::string_view rest = std::string_view(lower).substr(7);
  std::string_view host;
  if (rest.starts_with("[")) {
    size_t close = rest.find(']');
    host = rest.substr(0, close == std::string_view::npos ? rest.size() : close + 1);
  } else {
    size_t end = rest.find_first_of("/:?#");
    host = rest.substr(0, end);
    size_t at = host.rfind('@');
    if (at != std::string_view::npos) host = host.substr(at + 1);
  }
  return host == "localhost" || host.starts_with("127.") || host == "[::1]" || host.starts_with("169.254.") ||
         host == "[fd00:ec2::254]";
}

}  // namespace iblint
