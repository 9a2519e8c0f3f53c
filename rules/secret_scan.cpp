#include "rules/secret_scan.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_map>

#include "rules/script_findings_cache.h"
#include "util/case_insensitive_search.h"

namespace iblint {
namespace {

bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)); }
bool is_upper_or_digit(char c) {
  return std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c));
}
bool is_space(char c) { return c == ' ' || c == '\t'; }
bool is_name_char(char c) { return is_alnum(c) || c == '_' || c == '-' || c == '.'; }
bool is_key_char(char c) { return is_alnum(c) || c == '/' || c == '+'; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// Case-insensitive find of a lower-case needle, without copying text.
size_t ifind(std::string_view text, std::string_view needle, size_t from = 0) {
  if (needle.empty() || text.size() < needle.size()) return std::string_view::npos;
  for (size_t p = from; p + needle.size() <= text.size(); ++p) {
    size_t k = 0;
    while (k < needle.size() && std::tolower(static_cast<unsigned char>(text[p + k])) == needle[k]) ++k;
    if (k == needle.size()) return p;
  }
  return std::string_view::npos;
}

/// The word that a secret name (pass, secret, token, key) or, with names_only false, any other
/// secret (AKIA…/ASIA… key ids, ConvertTo-SecureString) starts with at `at`, if any.
bool secret_word_at(std::string_view text, size_t at, bool names_only) {
  auto word_at = [&](std::string_view lower_word) { return starts_with_ignoring_case(text.substr(at), lower_word); };
  switch (text[at]) {
    case 'p': case 'P': return word_at("pass");
    case 's': case 'S': return word_at("secret");
    case 't': case 'T': return word_at("token");
    case 'k': case 'K': return word_at("key");
    case 'A': return !names_only && (text.compare(at, 4, "AKIA") == 0 || text.compare(at, 4, "ASIA") == 0);
    case 'c': case 'C': return !names_only && word_at("convertto-securestring");
    default: return false;
  }
}

/// Bytes that can start a word secret_word_at looks for: one table load rules out most bytes.
constexpr std::array<bool, 256> kSecretWordStarts = [] {
  std::array<bool, 256> starts{};
  for (unsigned char c : std::string_view("pPsStTkKAcC")) starts[c] = true;
  return starts;
}();

bool any_secret_word(std::string_view text, bool names_only) {
  for (size_t at = 0; at < text.size(); ++at) {
    if (kSecretWordStarts[static_cast<unsigned char>(text[at])] && secret_word_at(text, at, names_only)) return true;
  }
  return false;
}

/// A cheap test before is_secret_name: the name mentions one of the words every secret name
/// ends in (pass, secret, token, key), ignoring case.
bool may_be_secret_name(std::string_view name) { return any_secret_word(name, true); }

/// Whether find_secrets could find anything in text, in one pass: every finder needs one of
/// these words. Access key ids start with AKIA or ASIA; `aws_secret_access_key` holds "secret";
/// a private key's `PRIVATE KEY` holds "key"; assignments and options need a secret name (see
/// may_be_secret_name); the PowerShell finder needs `ConvertTo-SecureString`.
bool may_hold_secret(std::string_view text) { return any_secret_word(text, false); }

/// Start of the line holding offset at.
size_t line_start(std::string_view text, size_t at) {
  size_t nl = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
  return nl == std::string_view::npos ? 0 : nl + 1;
}

bool only_spaces(std::string_view text) { return std::all_of(text.begin(), text.end(), is_space); }

void find_access_key_ids(std::string_view text, std::vector<SecretMatch>& out) {
  for (size_t p = 0; p + 20 <= text.size(); ++p) {
    if (text.compare(p, 4, "AKIA") != 0 && text.compare(p, 4, "ASIA") != 0) continue;
    if (p > 0 && is_alnum(text[p - 1])) continue;
    if (!std::all_of(text.begin() + p + 4, text.begin() + p + 20, is_upper_or_digit)) continue;
    if (p + 20 < text.size() && is_alnum(text[p + 20])) continue;
    std::string_view id = text.substr(p, 20);
    if (id.find("EXAMPLE") != std::string_view::npos) continue;  // AWS's documented example key
    out.push_back({SecretKind::AccessKeyId, p, p + 20, ""});
    p += 19;
  }
}

void find_secret_access_keys(std::string_view text, std::vector<SecretMatch>& out) {
  constexpr std::string_view kName = "aws_secret_access_key";
  for (size_t p = ifind(text, kName); p != std::string_view::npos; p = ifind(text, kName, p + 1)) {
    size_t v = p + kName.size();
    bool separated = false;
    while (v < text.size() &&
           (is_space(text[v]) || text[v] == '=' || text[v] == ':' || text[v] == '"' || text[v] == '\'')) {
      separated = true;
      ++v;
    }
    if (!separated) continue;
    size_t e = v;
    while (e < text.size() && is_key_char(text[e])) ++e;
    if (e - v != 40 || text.substr(v, 40).find("EXAMPLE") != std::string_view::npos) continue;
    out.push_back({SecretKind::SecretAccessKey, v, e, std::string(text.substr(p, kName.size()))});
  }
}

void find_private_keys(std::string_view text, std::vector<SecretMatch>& out) {
  constexpr std::string_view kBegin = "-----BEGIN ";
  for (size_t p = text.find(kBegin); p != std::string_view::npos; p = text.find(kBegin, p + 1)) {
    size_t line_end = text.find('\n', p);
    std::string_view line = text.substr(p, line_end == std::string_view::npos ? std::string_view::npos : line_end - p);
    size_t key = line.find("PRIVATE KEY");
    if (key == std::string_view::npos || key > 40) continue;
    size_t close = line.find("-----", key);
    if (close == std::string_view::npos) continue;
    size_t header_end = p + close + 5;
    // key material: a long base64 run before the END line
    size_t end_line = text.find("-----END", header_end);
    std::string_view body =
        text.substr(header_end, end_line == std::string_view::npos ? std::string_view::npos : end_line - header_end);
    size_t run = 0, longest = 0;
    for (char c : body) {
      run = is_key_char(c) ? run + 1 : 0;
      longest = std::max(longest, run);
    }
    if (longest < 32) continue;
    out.push_back({SecretKind::PrivateKey, p, header_end, std::string(text.substr(p, header_end - p))});
  }
}

/// The value starting at v: a quoted string on one line, or a bare token. Sets begin/end to the
/// value without its quotes; returns false when there is none.
bool read_value(std::string_view text, size_t v, size_t* begin, size_t* end, bool* single_quoted, bool* quoted) {
  if (v >= text.size()) return false;
  char q = text[v];
  if (q == '\'' || q == '"') {
    size_t close = text.find(q, v + 1);
    size_t nl = text.find('\n', v + 1);
    if (close == std::string_view::npos || (nl != std::string_view::npos && nl < close)) return false;
    *begin = v + 1;
    *end = close;
    *single_quoted = q == '\'';
    *quoted = true;
    return true;
  }
  size_t e = v;
  while (e < text.size() && !std::isspace(static_cast<unsigned char>(text[e])) &&
         std::string_view(";&|()\"'`<>,").find(text[e]) == std::string_view::npos) {
    ++e;
  }
  if (e < text.size() && text[e] == '(') return false;  // PASSWORD("…"): a function call
  *begin = v;
  *end = e;
  *single_quoted = false;
  *quoted = false;
  return e > v;
}

/// `NAME=value`, `$Name = 'value'`, `name = value` (an ini line), `name: value` (a config line).
void find_assignments(std::string_view text, std::vector<SecretMatch>& out) {
  for (size_t q = 0; q < text.size(); ++q) {
    char op = text[q];
    if (op != '=' && op != ':') continue;
    if (op == '=' && ((q + 1 < text.size() && (text[q + 1] == '=' || text[q + 1] == '~')) ||
                      (q > 0 && std::string_view("=!<>").find(text[q - 1]) != std::string_view::npos))) {
      continue;
    }
    size_t k = q;
    while (k > 0 && is_space(text[k - 1])) --k;
    bool space_before = k != q;
    if (op == '=' && k > 0 && text[k - 1] == '+') --k;
    size_t name_end = k;
    while (k > 0 && is_name_char(text[k - 1])) --k;
    size_t name_begin = k;
    while (name_begin < name_end && text[name_begin] == '-') ++name_begin;  // --password=…
    if (name_begin == name_end) continue;
    std::string_view name = text.substr(name_begin, name_end - name_begin);
    if (!may_be_secret_name(name) || !is_secret_name(name)) continue;
    bool variable = k > 0 && text[k - 1] == '$';
    bool at_line_start = only_spaces(text.substr(line_start(text, k), k - line_start(text, k)));
    size_t v = q + 1;
    while (v < text.size() && is_space(text[v])) ++v;
    bool space_after = v != q + 1;
    size_t begin = 0, end = 0;
    bool single_quoted = false, quoted = false;
    if (!read_value(text, v, &begin, &end, &single_quoted, &quoted)) continue;
    if (op == ':') {
      // only `name: value` lines of a configuration file, with a one-word value
      if (!at_line_start || !space_after) continue;
      size_t after = quoted ? end + 1 : end;
      size_t eol = text.find('\n', after);
      if (!only_spaces(text.substr(after, eol == std::string_view::npos ? std::string_view::npos : eol - after)))
        continue;
    } else if (variable && !quoted) {
      continue;  // PowerShell `$password = Get-Secret …`: a command, not a literal
    } else if ((space_before || space_after) && !quoted && !at_line_start) {
      continue;  // `the token = …` in prose
    }
    std::string_view value = text.substr(begin, end - begin);
    if (!is_literal_secret(value, single_quoted)) continue;
    out.push_back({SecretKind::Assignment, begin, end, std::string(name)});
  }
}

/// `-Password 'value'`, `--token value`: a secret-named option followed by its value.
void find_options(std::string_view text, std::vector<SecretMatch>& out) {
  for (size_t p = 0; p < text.size(); ++p) {
    if (text[p] != '-' || (p > 0 && !std::isspace(static_cast<unsigned char>(text[p - 1])))) continue;
    size_t n = p;
    while (n < text.size() && text[n] == '-') ++n;
    size_t e = n;
    while (e < text.size() && is_name_char(text[e])) ++e;
    if (e == n || e >= text.size() || !is_space(text[e])) continue;
    std::string_view name = text.substr(n, e - n);
    if (!may_be_secret_name(name) || !is_secret_name(name)) continue;
    size_t v = e;
    while (v < text.size() && is_space(text[v])) ++v;
    if (v >= text.size() || text[v] == '-') continue;
    size_t begin = 0, end = 0;
    bool single_quoted = false, quoted = false;
    if (!read_value(text, v, &begin, &end, &single_quoted, &quoted)) continue;
    std::string_view value = text.substr(begin, end - begin);
    if (!is_literal_secret(value, single_quoted)) continue;
    out.push_back({SecretKind::Assignment, begin, end, std::string(name)});
    p = end;
  }
}

/// `ConvertTo-SecureString 'literal' -AsPlainText -Force` (or `-String 'literal'`).
void find_secure_strings(std::string_view text, std::vector<SecretMatch>& out) {
  constexpr std::string_view kCmdlet = "convertto-securestring";
  for (size_t p = ifind(text, kCmdlet); p != std::string_view::npos; p = ifind(text, kCmdlet, p + 1)) {
    size_t stop = text.find_first_of("\n|)", p);
    std::string_view rest = text.substr(p, stop == std::string_view::npos ? std::string_view::npos : stop - p);
    if (ifind(rest, "-asplaintext") == std::string_view::npos) continue;
    size_t v = p + kCmdlet.size();
    while (v < text.size() && is_space(text[v])) ++v;
    if (ifind(text.substr(v, 7), "-string") == 0) {
      v += 7;
      if (v < text.size() && text[v] == ':') ++v;
      while (v < text.size() && is_space(text[v])) ++v;
    }
    if (v >= text.size() || (text[v] != '\'' && text[v] != '"')) continue;
    size_t begin = 0, end = 0;
    bool single_quoted = false, quoted = false;
    if (!read_value(text, v, &begin, &end, &single_quoted, &quoted)) continue;
    if (!is_literal_secret(text.substr(begin, end - begin), single_quoted)) continue;
    out.push_back({SecretKind::SecureString, begin, end, ""});
  }
}

/// Splits a name into lower-case words at `_`, `-`, `.` and camel-case boundaries.
std::vector<std::string> words_of(std::string_view name) {
  std::vector<std::string> words;
  std::string current;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (!is_alnum(c)) {
      if (!current.empty()) words.push_back(current), current.clear();
      continue;
    }
    bool upper = std::isupper(static_cast<unsigned char>(c));
    if (upper && !current.empty()) {
      char prev = name[i - 1];
      bool prev_lower =
          std::islower(static_cast<unsigned char>(prev)) || std::isdigit(static_cast<unsigned char>(prev));
      bool next_lower = i + 1 < name.size() && std::islower(static_cast<unsigned char>(name[i + 1]));
      if (prev_lower || (std::isupper(static_cast<unsigned char>(prev)) && next_lower)) {
        words.push_back(current);
        current.clear();
      }
    }
    current += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (!current.empty()) words.push_back(current);
  return words;
}

}  // namespace

bool is_secret_name(std::string_view name) {
  // Every name below ends in one of these words: most keys hold none, and need no splitting.
  if (!may_be_secret_name(name)) return false;
  std::vector<std::string> words = words_of(name);
  if (words.empty()) return false;
  const std::string& last = words.back();
  for (std::string_view w : {"password", "passwd", "pass", "passphrase", "secret", "token"}) {
    if (last == w) return true;
  }
  if (words.size() >= 2 && last == "key") {
    const std::string& before = words[words.size() - 2];
    if (before == "api" || before == "secret" || before == "private") return true;
  }
  if (words.size() == 1 && !last.starts_with("no")) {
    // one word without separators: ADMINPASSWORD, dbpassword, apikey
    for (std::string_view w : {"password", "passwd", "passphrase", "secret", "token", "apikey", "secretkey"}) {
      if (last.size() > w.size() && last.ends_with(w)) return true;
    }
  }
  return false;
}

bool is_literal_secret(std::string_view value, bool single_quoted) {
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front()))) value.remove_prefix(1);
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) value.remove_suffix(1);
  if (value.size() < 4) return false;
  if (std::string_view("$%<([`").find(value[0]) != std::string_view::npos) return false;
  if (value.find("{{") != std::string_view::npos) return false;
  if (!single_quoted && value.find('$') != std::string_view::npos) return false;
  std::string l = lower(value);
  for (std::string_view word : {"true", "false", "yes", "no", "null", "none", "nil", "required", "optional"}) {
    if (l == word) return false;
  }
  for (std::string_view prefix : {"resolve:", "arn:aws:secretsmanager:", "arn:aws:ssm:", "ssm:", "secretsmanager:"}) {
    if (l.starts_with(prefix)) return false;
  }
  if (std::all_of(value.begin(), value.end(), [&](char c) { return c == value[0]; })) return false;  // ****, xxxx
  return true;
}

std::string mask_secret(std::string_view secret) {
  if (secret.size() >= 12) return std::string(secret.substr(0, 4)) + "****";
  return "****";
}

std::vector<SecretMatch> find_secrets(std::string_view text) {
  // Most scalars (step names, action names, plain commands) mention none of the words a
  // secret needs: one pass proves it, instead of six scans and their per-byte tests.
  if (!may_hold_secret(text)) return {};
  std::vector<SecretMatch> found;
  find_access_key_ids(text, found);
  find_secret_access_keys(text, found);
  find_private_keys(text, found);
  find_assignments(text, found);
  find_options(text, found);
  find_secure_strings(text, found);
  std::stable_sort(found.begin(), found.end(),
                   [](const SecretMatch& a, const SecretMatch& b) { return a.begin < b.begin; });
  // one finding per secret: the first (most specific) kind wins where matches overlap
  std::vector<SecretMatch> out;
  for (const SecretMatch& m : found) {
    bool overlaps =
        std::any_of(out.begin(), out.end(), [&](const SecretMatch& o) { return m.begin < o.end && o.begin < m.end; });
    if (!overlaps) out.push_back(m);
  }
  return out;
}

std::vector<SecretMatch> find_secrets_memoized(std::string_view text) {
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view t) const { return std::hash<std::string_view>{}(t); }
  };
  struct Memo {
    std::unordered_map<std::string, std::vector<SecretMatch>, TextHash, std::equal_to<>> results;
    size_t bytes = 0;
  };
  constexpr size_t kMemoBytes = 8u << 20;
  if (!keeping_results_between_lints()) return find_secrets(text);
  thread_local Memo memo;
  if (auto it = memo.results.find(text); it != memo.results.end()) return it->second;
  std::vector<SecretMatch> found = find_secrets(text);
  if (text.size() > kMemoBytes) return found;
  if (memo.bytes + text.size() > kMemoBytes) {
    memo.results.clear();
    memo.bytes = 0;
  }
  memo.bytes += text.size() + sizeof(std::string);
  memo.results.emplace(std::string(text), found);
  return found;
}

}  // namespace iblint
