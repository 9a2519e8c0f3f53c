#include <memory>
#include <optional>

#include "rules/rule_support.h"
#include "rules/rules.h"
#include "rules/scalar_span.h"
#include "rules/script_findings_cache.h"
#include "rules/shell_script.h"
#include "rules/shell_script_cache.h"
#include "rules/step_inputs.h"
#include "source/source_file.h"

namespace iblint {
namespace {

using yaml::Node;

bool one_of(std::string_view word, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    if (word == n) return true;
  }
  return false;
}

bool starts_with_http(std::string_view text) { return text.size() > 7 && ascii_lower(text.substr(0, 7)) == "http://"; }

/// `http://host` of a URL, for messages (the path may carry tokens, so it is left out).
std::string url_origin(std::string_view url) {
  size_t end = url.find_first_of("/?#", 7);
  return std::string(url.substr(0, end));
}

/// The fix that turns `http://` into `https://` at span (the first four bytes are `http`).
Fix https_fix(Span http) {
  return Fix{"use `https://` (check that the server offers it)", {{{http.begin, http.begin + 4}, "https"}}, false};
}

std::string plain_http_risk() {
  return "anyone on the network path can read or replace what the build downloads; use `https://`";
}

/// Whether text (a quoted PowerShell string) runs the command name: `$(irm https://…)`.
bool mentions_command(std::string_view text, std::string_view name) {
  for (size_t p = text.find(name); p != std::string_view::npos; p = text.find(name, p + 1)) {
    bool start = p == 0 || std::string_view(" ($;{|").find(text[p - 1]) != std::string_view::npos;
    bool end = p + name.size() < text.size() && text[p + name.size()] == ' ';
    if (start && end) return true;
  }
  return false;
}

bool is_shell(std::string_view name) { return one_of(name, {"sh", "bash", "zsh", "dash", "ksh", "ash"}); }

/// curl's short options that take an argument (the rest of a cluster after them is that argument).
bool curl_option_takes_argument(char c) {
  return std::string_view("AbcCdDeEFHKmoPQrtTuUwxXyYz").find(c) != std::string_view::npos;
}

class InsecureDownload final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB602", "insecure-download", Severity::Warning,
                               "A download without TLS or without certificate checks, or a downloaded script "
                               "piped straight into a shell",
                               true};
    return rule;
  }

  void check(const LintContext& context, Reporter& out) const override {
    const SourceFile& file = context.file;
    for (const Phase& phase : context.component->phases) {
      for (const Step& step : phase.steps) check_inputs(step, file, out);
    }
    for (const StepScript& script : step_scripts(*context.component)) {
      // ScriptCheck reads only the scalar's value and text and the shell: unchanged scripts replay their findings.
      cached_script_findings(info(), file, *script.node, script.shell, out, [&](Reporter& found) {
        std::shared_ptr<const ShellScript> parsed = shared_shell_script(script.node->value, script.shell);
        ScriptCheck{file, *script.node, script.shell, *parsed, found}.run();
      });
    }
  }

 private:
  static void report_http_input(const Node& value, std::string_view what, const SourceFile& file, Reporter& out) {
    size_t begin = value.value.find_first_not_of(" \t");
    std::string_view url = std::string_view(value.value).substr(begin == std::string::npos ? 0 : begin);
    if (!starts_with_http(url) || is_local_http_url(url)) return;
    size_t end = url.find_first_of(" \t\n");
    url = url.substr(0, end);
    std::optional<Span> exact = exact_scalar_span(file, value, begin, begin + url.size());
    Diagnostic& d = out.report(exact ? *exact : value.span, std::string(what) + " " + code(url_origin(url)) +
                                                                " over plain HTTP: " + plain_http_risk());
    if (exact) d.fixes.push_back(https_fix(*exact));
  }

  static void check_inputs(const Step& step, const SourceFile& file, Reporter& out) {
    for (const Node* entry : input_entries(step)) {
      if (step.action == "WebDownload") {
        if (const Node* source = scalar_input(*entry, "source")) {
          const Node* checksum = scalar_input(*entry, "checksum");
          const Node* algorithm = scalar_input(*entry, "algorithm");
          bool verified = checksum && algorithm && one_of(ascii_lower(algorithm->value), {"sha256", "sha512"});
          if (!verified) report_http_input(*source, "WebDownload fetches", file, out);
        }
        if (const Node* ignore = scalar_input(*entry, "ignoreCertificateErrors")) {
          if (ascii_lower(ignore->value) == "true") {
            Diagnostic& d = out.report(ignore->span,
                                       "`ignoreCertificateErrors: true` downloads without checking the server's "
                                       "certificate, so anyone on the network path can replace the file; fix the "
                                       "certificate (or trust its CA on the build instance) and remove this option");
            if (ignore->style == yaml::Style::Plain)
              d.fixes.push_back({"set it to `false`", {{ignore->span, "false"}}, false});
          }
        }
      } else if (step.action == "ExecuteBinary") {
        if (const Node* path = scalar_input(*entry, "path"))
          report_http_input(*path, "ExecuteBinary runs a file from", file, out);
      } else if (step.action == "ExecuteDocument") {
        if (const Node* document = scalar_input(*entry, "document")) {
          report_http_input(*document, "ExecuteDocument runs a document from", file, out);
        }
      } else if (step.action == "InstallMSI" || step.action == "UninstallMSI") {
        if (const Node* path = scalar_input(*entry, "path")) {
          report_http_input(*path, step.action + " fetches its installer from", file, out);
        }
      }
    }
  }

  struct ScriptCheck {
    const SourceFile& file;
    const Node& node;
    Shell shell;
    const ShellScript& script;
    Reporter& out;

    const std::string& text() const { return node.value; }

    Diagnostic& report(uint32_t begin, uint32_t end, const ShellWord& fallback, const std::string& message) {
      std::optional<Span> span = exact_scalar_span(file, node, begin, end);
      if (!span) span = exact_scalar_span(file, node, fallback.begin, fallback.end);
      return out.report(span ? *span : node.span, message);
    }
    Diagnostic& report(const ShellWord& word, const std::string& message) {
      return report(word.begin, word.end, word, message);
    }

    std::string name_of(int index) const {
      if (index < 0 || static_cast<size_t>(index) >= script.commands.size()) return "";
      return command_name(script.commands[index], shell);
    }
    const ShellWord& name_word(int index) const {
      const ShellCommand& c = script.commands[index];
      return c.words[command_name_index(c, shell)];
    }
    bool is_downloader(const std::string& name) const {
      if (shell == Shell::Bash) return name == "curl" || name == "wget";
      return one_of(name, {"curl", "wget", "invoke-webrequest", "iwr", "invoke-restmethod", "irm"});
    }

    void run() {
      for (size_t i = 0; i < script.commands.size(); ++i) {
        const ShellCommand& command = script.commands[i];
        size_t name_index = command_name_index(command, shell);
        if (name_index >= command.words.size()) continue;
        std::string name = command_name(command, shell);
        std::vector<const ShellWord*> args;
        for (size_t k = name_index + 1; k < command.words.size(); ++k) args.push_back(&command.words[k]);
        // in PowerShell, curl and wget are curl.exe and wget.exe, or (Windows PowerShell) aliases of
        // Invoke-WebRequest; their options are read as curl's and wget's either way
        if (name == "curl") check_curl(static_cast<int>(i), args);
        else if (name == "wget") check_wget(static_cast<int>(i), args);
        if (shell == Shell::Bash) {
          if (is_shell(name)) check_shell(static_cast<int>(i), args);
          else if (name == "eval" || name == "source" || name == ".")
            check_substituted_script(static_cast<int>(i), args);
        } else {
          check_powershell(static_cast<int>(i), name, args);
        }
      }
      if (shell == Shell::PowerShell) check_powershell_statements();
    }

    /// Whether the output of command index ends up stored or executed rather than only read by
    /// a filter such as grep or jq.
    bool output_kept(int index) const {
      const ShellCommand& command = script.commands[index];
      for (const ShellWord& target : command.redirects) {
        if (target.text != "/dev/null" && ascii_lower(target.text) != "$null") return true;
      }
      for (size_t j = index + 1; j < script.commands.size(); ++j) {
        if (script.commands[j].piped_from != index) continue;
        std::string next = name_of(static_cast<int>(j));
        return !one_of(next, {"grep",
                              "egrep",
                              "fgrep",
                              "jq",
                              "yq",
                              "head",
                              "tail",
                              "wc",
                              "cut",
                              "awk",
                              "sed",
                              "sort",
                              "uniq",
                              "tr",
                              "cat",
                              "less",
                              "more",
                              "select-string",
                              "convertfrom-json",
                              "out-null"});
      }
      return false;
    }

    void report_http_words(const std::vector<const ShellWord*>& args) {
      for (const ShellWord* a : args) {
        std::string_view t = a->text;
        size_t at = t.find("http://");
        if (at != 0 && !(at != std::string_view::npos && t[at - 1] == '=')) continue;  // --url=http://…
        std::string_view url = t.substr(at);
        if (!starts_with_http(url) || is_local_http_url(url)) continue;
        // place the URL inside the word as written (without its quotes)
        std::string_view raw = std::string_view(text()).substr(a->begin, a->end - a->begin);
        size_t in_raw = raw.find(url);
        uint32_t b = in_raw == std::string_view::npos ? a->begin : a->begin + static_cast<uint32_t>(in_raw);
        uint32_t e = in_raw == std::string_view::npos ? a->end : b + static_cast<uint32_t>(url.size());
        Diagnostic& d =
            report(b, e, *a, "downloads from " + code(url_origin(url)) + " over plain HTTP: " + plain_http_risk());
        std::optional<Span> exact = exact_scalar_span(file, node, b, e);
        if (exact && in_raw != std::string_view::npos) d.fixes.push_back(https_fix(*exact));
      }
    }

    void check_curl(int index, const std::vector<const ShellWord*>& args) {
      bool to_file = false;
      for (size_t k = 0; k < args.size(); ++k) {
        const std::string& t = args[k]->text;
        if (t == "--insecure" || t == "-k") {
          report_insecure(*args[k], "curl " + t);
          continue;
        }
        if (one_of(t, {"--output", "--remote-name", "--remote-name-all", "--output-dir", "--remote-header-name"}) ||
            t.starts_with("--output=")) {
          to_file = true;
        }
        if (t.size() < 2 || t[0] != '-' || t[1] == '-') continue;
        for (size_t c = 1; c < t.size(); ++c) {
          if (t[c] == 'O') to_file = true;
          if (t[c] == 'o') {
            // `-o-` / `-o -` write to standard output
            std::string_view target = c + 1 < t.size()      ? std::string_view(t).substr(c + 1)
                                      : k + 1 < args.size() ? std::string_view(args[k + 1]->text)
                                                            : std::string_view();
            if (target != "-") to_file = true;
          }
          if (t[c] == 'k') {
            report_insecure(*args[k], "curl " + t);
            break;
          }
          if (curl_option_takes_argument(t[c])) {
            if (c + 1 == t.size()) ++k;  // the argument is the next word
            break;
          }
        }
      }
      if (to_file || output_kept(index)) report_http_words(args);
    }

    void check_wget(int index, const std::vector<const ShellWord*>& args) {
      bool to_stdout = false;
      for (size_t k = 0; k < args.size(); ++k) {
        const std::string& t = args[k]->text;
        if (t == "--no-check-certificate") report_insecure(*args[k], "wget " + t);
        if (t == "--spider") return;
        bool cluster = t.size() >= 2 && t[0] == '-' && t[1] != '-';
        if (t == "--output-document=-" || (cluster && t.ends_with("O-"))) to_stdout = true;
        if ((t == "--output-document" || (cluster && t.back() == 'O')) && k + 1 < args.size() &&
            args[k + 1]->text == "-") {
          to_stdout = true;
        }
      }
      if (!to_stdout || output_kept(index)) report_http_words(args);
    }

    void report_insecure(const ShellWord& word, const std::string& shown) {
      report(word, "`" + shown +
                       "` turns off the check of the server's TLS certificate, so anyone on the network path can "
                       "replace the download; fix the certificate (or trust its CA) and drop the option");
    }

    /// The downloader (curl, wget, iwr…) whose output reaches command index through a pipe, or -1.
    int piped_download(int index) const {
      for (int j = script.commands[index].piped_from; j >= 0; j = script.commands[j].piped_from) {
        if (is_downloader(name_of(j))) return j;
      }
      return -1;
    }

    /// piped: `curl … | bash`; otherwise the shell runs a `$(curl …)` or `<(curl …)` substitution.
    std::string pipe_message(int downloader, const std::string& shell_name, bool piped) const {
      std::string what = piped ? "`" + name_of(downloader) + " … | " + shell_name + "` runs a script"
                               : code(shell_name) + " runs a script downloaded by " + code(name_of(downloader));
      return what +
             " straight from the network, unreviewed and different on every build; download it to a file, "
             "check its checksum or signature, then run it (or install a pinned package)";
    }

    /// `curl … | bash`, `bash <(curl …)`, `sh -c "$(curl …)"`.
    void check_shell(int index, const std::vector<const ShellWord*>& args) {
      std::string name = name_of(index);
      const ShellWord& shell_word = name_word(index);
      bool reads_stdin = true;
      for (size_t k = 0; k < args.size(); ++k) {
        const std::string& t = args[k]->text;
        if (t == "-" || t == "--") break;
        if (t == "-o" || t == "-O" || t == "+o" || t == "+O") {
          ++k;
          continue;
        }
        if (t.size() > 1 && (t[0] == '-' || t[0] == '+')) {
          if (t.find('c') != std::string::npos && t[1] != '-') {
            reads_stdin = false;
            if (k + 1 < args.size()) check_substituted(index, *args[k + 1], name);
            break;
          }
          if (t.find('s') != std::string::npos && t[1] != '-') break;
          continue;
        }
        reads_stdin = false;  // a script file
        check_substituted(index, *args[k], name);
        break;
      }
      if (!reads_stdin) return;
      int downloader = piped_download(index);
      if (downloader < 0) return;
      report(name_word(downloader).begin, shell_word.end, shell_word, pipe_message(downloader, name, true));
    }

    void check_substituted_script(int index, const std::vector<const ShellWord*>& args) {
      if (!args.empty()) check_substituted(index, *args[0], name_of(index));
    }

    /// A word that is a `$(…)`/`<(…)` substitution of a download, given to a shell to run.
    void check_substituted(int index, const ShellWord& word, const std::string& shell_name) {
      if (word.substitution < 0 || !is_downloader(name_of(word.substitution))) return;
      const ShellWord& shell_word = name_word(index);
      report(shell_word.begin, word.end, shell_word, pipe_message(word.substitution, shell_name, false));
    }

    void check_powershell(int index, const std::string& name, const std::vector<const ShellWord*>& args) {
      if (one_of(name, {"invoke-webrequest", "iwr", "invoke-restmethod", "irm"})) {
        bool to_file = false;
        for (const ShellWord* a : args) {
          std::string t = ascii_lower(a->text);
          if (t == "-skipcertificatecheck" || t == "-skipcertificatecheck:$true") {
            report_insecure(*a, command_name(script.commands[index], shell) + " " + a->text);
          }
          if (t.starts_with("-outf") || t == "-o" || t == "-outfile") to_file = true;
        }
        if (to_file) report_http_words(args);
      } else if (name == "start-bitstransfer") {
        report_http_words(args);
      }
    }

    /// Statement-level PowerShell patterns: `iwr … | iex`, `iex ((New-Object Net.WebClient).DownloadString(…))`,
    /// `.DownloadFile('http://…')`, and a certificate callback that accepts everything.
    void check_powershell_statements() {
      size_t i = 0;
      while (i < script.commands.size()) {
        size_t j = i;
        uint32_t statement = script.commands[i].statement;
        while (j < script.commands.size() && script.commands[j].statement == statement) ++j;
        check_statement(i, j);
        i = j;
      }
    }

    void check_statement(size_t first, size_t last) {
      const ShellWord* iex = nullptr;
      const ShellWord* download = nullptr;
      std::string download_label;  ///< how the message names the download
      const ShellWord* callback = nullptr;
      bool callback_true = false;
      std::vector<const ShellWord*> http_words;
      bool download_method = false;
      for (size_t c = first; c < last; ++c) {
        const ShellCommand& command = script.commands[c];
        std::string name = command_name(command, shell);
        size_t name_index = command_name_index(command, shell);
        if ((name == "iex" || name == "invoke-expression") && !iex) iex = &command.words[name_index];
        if (one_of(name, {"invoke-webrequest", "iwr", "invoke-restmethod", "irm", "curl", "wget"}) && !download) {
          download = &command.words[name_index];
          download_label = download->text;
        }
        for (const ShellWord& w : command.words) {
          std::string t = ascii_lower(w.text);
          if (!download) {
            // a download inside an argument: `.DownloadString(…)`, `"$(irm https://…)"`
            for (std::string_view fetch : {"downloadstring", "invoke-webrequest", "invoke-restmethod", "irm", "iwr"}) {
              bool found = fetch.size() > 3 ? t.find(fetch) != std::string::npos : mentions_command(t, fetch);
              if (!found) continue;
              download = &w;
              download_label = fetch == "downloadstring" ? "DownloadString" : std::string(fetch);
              break;
            }
          }
          if (t.find(".downloadfile") != std::string::npos || t.find(".downloaddata") != std::string::npos ||
              t.find(".downloadstring") != std::string::npos) {
            download_method = true;
          }
          if (t.find("servercertificatevalidationcallback") != std::string::npos) callback = &w;
          if (callback && &w != callback && t == "$true") callback_true = true;
          if (starts_with_http(w.text)) http_words.push_back(&w);
        }
      }
      if (iex && download) {
        const ShellWord& a = iex->begin < download->begin ? *iex : *download;
        const ShellWord& b = iex->begin < download->begin ? *download : *iex;
        report(a.begin, b.end, *iex,
               "`" + iex->text + "` runs a script downloaded by " + code(download_label) +
                   " straight from the network, unreviewed and different on every build; download it to a file, "
                   "check its signature (`Get-AuthenticodeSignature`) or checksum, then run it");
      }
      if (download_method) report_http_words(http_words);
      if (callback && callback_true) {
        report(*callback,
               "a certificate validation callback that returns `$true` turns off the check of every "
               "server's TLS certificate, so anyone on the network path can replace downloads; remove it "
               "and trust the server's CA instead");
      }
    }
  };
};

}  // namespace

std::unique_ptr<Rule> make_insecure_download() { return std::make_unique<InsecureDownload>(); }

}  // namespace iblint
