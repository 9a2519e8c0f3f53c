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

bool is_option(const ShellWord& word) { return word.text.size() > 1 && word.text[0] == '-'; }

/// Whether an octal mode written as text (`777`, `0777`, `0o666`, `2777`) lets every user
/// write. Modes with the sticky bit (`1777`, shared folders such as /tmp) are not counted.
bool world_writable_octal(std::string_view text) {
  if (text.starts_with("0o") || text.starts_with("0O")) text.remove_prefix(2);
  if (text.empty() || text.size() > 5) return false;
  unsigned mode = 0;
  for (char c : text) {
    if (c < '0' || c > '7') return false;
    mode = mode * 8 + static_cast<unsigned>(c - '0');
  }
  return mode <= 07777 && (mode & 02) && !(mode & 01000);
}

/// Whether a symbolic chmod mode (`o+w`, `a+rwx`, `u+x,o=rw`) gives others write access.
bool world_writable_symbolic(std::string_view mode) {
  while (!mode.empty()) {
    size_t comma = mode.find(',');
    std::string_view clause = mode.substr(0, comma);
    mode = comma == std::string_view::npos ? std::string_view() : mode.substr(comma + 1);
    size_t i = 0;
    bool others = false;
    while (i < clause.size() && std::string_view("ugoa").find(clause[i]) != std::string_view::npos) {
      others = others || clause[i] == 'o' || clause[i] == 'a';
      ++i;
    }
    if (!others) continue;
    char op = 0;
    for (; i < clause.size(); ++i) {
      char c = clause[i];
      if (c == '+' || c == '-' || c == '=') op = c;
      else if (c == 'w' && (op == '+' || op == '=')) return true;
    }
  }
  return false;
}

bool world_writable_mode(std::string_view mode) {
  if (mode.empty()) return false;
  if (mode[0] >= '0' && mode[0] <= '9') return world_writable_octal(mode);
  return world_writable_symbolic(mode);
}

/// An absolute path outside the temporary folders (where world-writable is the norm).
bool is_system_path(std::string_view path) {
  if (!path.starts_with("/")) return false;
  for (std::string_view temp : {"/tmp", "/var/tmp", "/dev/shm"}) {
    if (path == temp || (path.starts_with(temp) && path.size() > temp.size() && path[temp.size()] == '/')) return false;
  }
  return true;
}

std::string_view basename(std::string_view path) {
  size_t slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

/// What Image Builder's clean-up keeps in the image when a skip marker exists (spec
/// pipeline-semantics §4.1, Sanitize), or "" when path is not a marker.
std::string skipped_cleanup(std::string_view path) {
  std::string_view name = basename(path);
  if (!name.starts_with("skip_cleanup")) return "";
  struct Section {
    std::string_view marker;
    std::string_view kept;
  };
  static const Section sections[] = {
      {"skip_cleanup_ssh_files",
       "the build instance's SSH host keys and `authorized_keys` files (every instance launched "
       "from the image would share the host keys)"},
      {"skip_cleanup_instance_log_files", "the build instance's logs (audit, boot, cron)"},
      {"skip_cleanup_cloudinit_files", "the build instance's cloud-init files (its sudoers entry and logs)"},
      {"skip_cleanup_instance_files", "files that identify the build instance (hostname, mail and package state)"},
      {"skip_cleanup_toe_files", "AWSTOE's working files, with the output of every step"},
      {"skip_cleanup_ssm_log_files", "the SSM Agent logs of the build"},
  };
  for (const Section& s : sections) {
    if (name == s.marker) return std::string(s.kept);
  }
  return "data of the build instance (SSH host keys, `authorized_keys`, logs)";
}

std::string skip_marker_message(std::string_view path) {
  return "creates the Image Builder clean-up skip marker " + code(basename(path)) + ", so the image keeps " +
         skipped_cleanup(path) + "; remove the marker unless the image really needs them";
}

class WeakenedHostSecurity final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB603", "weakened-host-security", Severity::Warning,
                               "A step weakens the host: world-writable permissions, SELinux or the firewall "
                               "turned off, execution policy opened, Image Builder clean-up skipped",
                               true};
    return rule;
  }

  void check(const LintContext& context, Reporter& out) const override {
    const SourceFile& file = context.file;
    for (const Phase& phase : context.component->phases) {
      for (const Step& step : phase.steps) check_file_actions(step, file, out);
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
  static void check_file_actions(const Step& step, const SourceFile& file, Reporter& out) {
    bool permissions =
        one_of(step.action, {"SetFilePermissions", "SetFolderPermissions", "CreateFile", "CreateFolder"});
    if (!permissions) return;
    for (const Node* entry : input_entries(step)) {
      if (const Node* mode = scalar_input(*entry, "permissions")) {
        std::string_view text = mode->value;
        if (world_writable_octal(text)) {
          const Node* path = scalar_input(*entry, "path");
          std::string where = path ? code(path->value) : std::string("the path");
          out.report(scalar_span(file, *mode, 0, mode->value.size()),
                     "`permissions: " + std::string(text) + "` makes " + where +
                         " writable by every user of instances launched from this image; give write access only "
                         "to the owner or group that needs it (`0755` for folders, `0644` for files)");
        }
      }
      if (step.action == "CreateFile") {
        const Node* path = scalar_input(*entry, "path");
        if (path && !skipped_cleanup(path->value).empty()) {
          out.report(scalar_span(file, *path, 0, path->value.size()), skip_marker_message(path->value));
        }
      }
    }
  }

  /// The checks of one script.
  struct ScriptCheck {
    const SourceFile& file;
    const Node& node;
    Shell shell;
    const ShellScript& script;
    Reporter& out;

    const std::string& text() const { return node.value; }

    /// Reports script bytes [begin, end); a range that cannot be placed exactly (it crosses a
    /// line of a folded scalar) falls back to the word at `fallback`, then to the scalar.
    void report(uint32_t begin, uint32_t end, const ShellWord& fallback, const std::string& message) {
      std::optional<Span> span = exact_scalar_span(file, node, begin, end);
      if (!span) span = exact_scalar_span(file, node, fallback.begin, fallback.end);
      out.report(span ? *span : node.span, message);
    }
    void report(const ShellWord& word, const std::string& message) { report(word.begin, word.end, word, message); }

    void run() {
      for (const ShellCommand& command : script.commands) {
        size_t name_index = command_name_index(command, shell);
        std::string name = command_name(command, shell);
        std::vector<const ShellWord*> args;
        for (size_t i = name_index + 1; i < command.words.size(); ++i) args.push_back(&command.words[i]);
        check_skip_markers(command, name, args);
        if (shell == Shell::Bash) {
          check_selinux_text(command, name);
          if (name.empty()) continue;
          const ShellWord& name_word = command.words[name_index];
          if (name == "chmod") check_chmod(args);
          else if (name == "mkdir" || name == "install") check_create_mode(name, args);
          else if (name == "setenforce") check_setenforce(name_word, args);
          else if (name == "systemctl" || name == "service" || name == "chkconfig")
            check_service(name, name_word, args);
          else if (name == "ufw") check_ufw(name_word, args);
          else if (name == "iptables" || name == "ip6tables") check_iptables(name, name_word, args);
        } else {
          if (name.empty()) continue;
          const ShellWord& name_word = command.words[name_index];
          if (name == "set-executionpolicy") check_execution_policy(args);
          else if (name == "set-mppreference") check_defender(args);
          else if (name == "set-netfirewallprofile") check_firewall_profile(args);
          else if (name == "netsh") check_netsh(name_word, args);
        }
      }
    }

    void check_chmod(const std::vector<const ShellWord*>& args) {
      const ShellWord* mode = nullptr;
      bool recursive = false;
      std::vector<const ShellWord*> paths;
      for (const ShellWord* a : args) {
        if (is_option(*a) && !mode) {
          recursive = recursive || a->text == "-R" || a->text == "--recursive";
          continue;
        }
        if (!mode) mode = a;
        else paths.push_back(a);
      }
      if (!mode || !world_writable_mode(mode->text)) return;
      for (const ShellWord* path : paths) {
        if (!is_system_path(path->text)) continue;
        report(*mode, std::string(recursive ? "`chmod -R " : "`chmod ") + mode->text + "` makes " + code(path->text) +
                          " writable by every user of instances launched from this image; give write access only "
                          "to the owner or group that needs it (`chmod 755`, `chown`)");
        return;
      }
    }

    /// `mkdir -m 777 /srv/x`, `install -m 0777 -d /opt/x`.
    void check_create_mode(const std::string& name, const std::vector<const ShellWord*>& args) {
      const ShellWord* mode_word = nullptr;
      std::string mode;
      const ShellWord* path = nullptr;
      for (size_t i = 0; i < args.size(); ++i) {
        const std::string& t = args[i]->text;
        if ((t == "-m" || t == "--mode") && i + 1 < args.size()) {
          mode_word = args[i + 1];
          mode = mode_word->text;
          ++i;
        } else if (t.starts_with("--mode=")) {
          mode_word = args[i];
          mode = t.substr(7);
        } else if (t.starts_with("-m") && t.size() > 2 && std::isdigit(static_cast<unsigned char>(t[2]))) {
          mode_word = args[i];
          mode = t.substr(2);
        } else if (!is_option(*args[i]) && !path && is_system_path(t)) {
          path = args[i];
        }
      }
      if (!mode_word || !path || !world_writable_mode(mode)) return;
      report(*mode_word, "`" + name + " -m " + mode + "` makes " + code(path->text) +
                             " writable by every user of instances launched from this image; give write access only "
                             "to the owner or group that needs it (`-m 755`)");
    }

    void check_setenforce(const ShellWord& name, const std::vector<const ShellWord*>& args) {
      if (args.empty()) return;
      std::string mode = ascii_lower(args[0]->text);
      if (mode != "0" && mode != "permissive") return;
      report(name.begin, args[0]->end, name,
             "`setenforce " + args[0]->text +
                 "` stops SELinux from enforcing its policy, so the steps after it run unconfined; keep SELinux "
                 "enforcing and fix the denial instead (a policy module or the right file context)");
    }

    /// `SELINUX=disabled` / `permissive` written by sed, echo, tee or a here-document, and the
    /// kernel arguments `selinux=0` / `enforcing=0`. Commands that only read are left alone.
    void check_selinux_text(const ShellCommand& command, const std::string& name) {
      if (one_of(name, {"grep", "egrep", "fgrep", "rg", "test", "[", "[[", "cat", "less", "more", "head", "tail",
                        "diff", "getenforce", "sestatus"}))
        return;
      bool selinux_config = false;
      for (const ShellWord& w : command.words) {
        selinux_config = selinux_config || w.text.ends_with("selinux/config") || w.text.ends_with("sysconfig/selinux");
      }
      for (const ShellWord& w : command.words) {
        std::string_view raw = std::string_view(text()).substr(w.begin, w.end - w.begin);
        // the last SELINUX= of the word is the one written (`s/SELINUX=enforcing/SELINUX=permissive/`)
        size_t at = std::string_view::npos;
        for (size_t p = raw.find("SELINUX="); p != std::string_view::npos; p = raw.find("SELINUX=", p + 1)) {
          if (p == 0 || !(std::isalnum(static_cast<unsigned char>(raw[p - 1])) || raw[p - 1] == '_')) at = p;
        }
        if (at != std::string_view::npos) {
          size_t v = at + 8, e = v;
          while (e < raw.size() && std::isalpha(static_cast<unsigned char>(raw[e]))) ++e;
          std::string value = ascii_lower(raw.substr(v, e - v));
          if (value == "disabled" || value == "permissive") {
            report(w.begin + static_cast<uint32_t>(at), w.begin + static_cast<uint32_t>(e), w,
                   "sets `SELINUX=" + std::string(raw.substr(v, e - v)) +
                       "`, so SELinux does not enforce its policy on instances launched from this image; keep "
                       "`SELINUX=enforcing` and fix the denial instead (a policy module or the right file context)");
            continue;
          }
        }
        if (selinux_config && name == "sed" && sed_replaces_with_off(w.text)) {
          report(w, "edits the SELinux configuration to " + code(w.text) +
                        ", so SELinux does not enforce its policy on instances launched from this image; keep "
                        "`SELINUX=enforcing`");
          continue;
        }
        for (std::string_view arg : {"selinux=0", "enforcing=0"}) {
          size_t p = raw.find(arg);
          if (p == std::string_view::npos) continue;
          bool start = p == 0 || !(std::isalnum(static_cast<unsigned char>(raw[p - 1])) || raw[p - 1] == '_');
          bool end = p + arg.size() == raw.size() || !std::isdigit(static_cast<unsigned char>(raw[p + arg.size()]));
          if (!start || !end) continue;
          report(w.begin + static_cast<uint32_t>(p), w.begin + static_cast<uint32_t>(p + arg.size()), w,
                 "the kernel argument " + code(arg) +
                     " turns SELinux off on instances launched from this image; keep SELinux enforcing");
          break;
        }
      }
    }

    /// A sed `s` command whose replacement is `disabled` or `permissive`.
    static bool sed_replaces_with_off(std::string_view script) {
      if (script.size() < 4 || script[0] != 's' || std::isalnum(static_cast<unsigned char>(script[1]))) return false;
      char delim = script[1];
      size_t second = script.find(delim, 2);
      if (second == std::string_view::npos) return false;
      size_t third = script.find(delim, second + 1);
      std::string replacement = ascii_lower(
          script.substr(second + 1, third == std::string_view::npos ? std::string_view::npos : third - second - 1));
      return replacement.find("disabled") != std::string::npos || replacement.find("permissive") != std::string::npos;
    }

    void check_service(const std::string& name, const ShellWord& name_word, const std::vector<const ShellWord*>& args) {
      std::vector<const ShellWord*> words;
      for (const ShellWord* a : args) {
        if (!is_option(*a)) words.push_back(a);
      }
      auto firewall = [](std::string unit) {
        if (unit.ends_with(".service")) unit.resize(unit.size() - 8);
        return one_of(unit, {"firewalld", "ufw", "nftables", "iptables", "ip6tables"});
      };
      if (name == "systemctl") {
        if (words.size() < 2 || !one_of(words[0]->text, {"disable", "stop", "mask"})) return;
        for (size_t i = 1; i < words.size(); ++i) {
          if (!firewall(words[i]->text)) continue;
          bool runtime_only = words[0]->text == "stop";
          report(name_word.begin, words[i]->end, name_word,
                 "`systemctl " + words[0]->text + " " + words[i]->text + "` turns the host firewall off " +
                     (runtime_only ? "for the rest of the build" : "on every instance launched from this image") +
                     "; keep it running and open only the ports the image needs");
          return;
        }
        return;
      }
      // service firewalld stop / chkconfig firewalld off
      if (words.size() < 2 || !firewall(words[0]->text)) return;
      std::string_view verb = words[1]->text;
      if ((name == "service" && verb == "stop") || (name == "chkconfig" && verb == "off")) {
        report(name_word.begin, words[1]->end, name_word,
               "`" + name + " " + words[0]->text + " " + words[1]->text + "` turns the host firewall off" +
                   (name == "service" ? " for the rest of the build" : " on every instance launched from this image") +
                   "; keep it running and open only the ports the image needs");
      }
    }

    void check_ufw(const ShellWord& name_word, const std::vector<const ShellWord*>& args) {
      for (const ShellWord* a : args) {
        if (is_option(*a)) continue;
        if (a->text == "disable") {
          report(name_word.begin, a->end, name_word,
                 "`ufw disable` turns the host firewall off on every instance launched from this image; keep it "
                 "enabled and allow only the ports the image needs (`ufw allow`)");
        }
        return;
      }
    }

    void check_iptables(const std::string& name, const ShellWord& name_word,
                        const std::vector<const ShellWord*>& args) {
      const ShellWord* flush = nullptr;
      for (size_t i = 0; i < args.size(); ++i) {
        const std::string& t = args[i]->text;
        if (t == "-t" || t == "--table") {
          if (i + 1 < args.size() && args[i + 1]->text != "filter") return;  // nat, mangle…: not the filter rules
          ++i;
        } else if (t.starts_with("--table=")) {
          if (t != "--table=filter") return;
        } else if (t == "-F" || t == "--flush") {
          flush = args[i];
        }
      }
      if (!flush) return;
      report(name_word.begin, flush->end, name_word,
             "`" + name + " " + flush->text +
                 "` deletes every filter rule, leaving the host unfiltered; change only the rules you need");
    }

    void check_execution_policy(const std::vector<const ShellWord*>& args) {
      const ShellWord* policy_word = nullptr;
      std::string policy, scope;
      bool scope_named = false;
      std::vector<const ShellWord*> positional;
      auto prefix_of = [](std::string_view p, std::string_view full) { return p.size() >= 2 && full.starts_with(p); };
      for (size_t i = 0; i < args.size(); ++i) {
        std::string t = ascii_lower(args[i]->text);
        if (!(t.size() > 1 && t[0] == '-')) {
          positional.push_back(args[i]);
          continue;
        }
        std::string param = t.substr(1);
        std::optional<std::string> inline_value;
        if (size_t colon = param.find(':'); colon != std::string::npos) {
          inline_value = param.substr(colon + 1);
          param.resize(colon);
        }
        bool has_next = !inline_value && i + 1 < args.size();
        if (prefix_of(param, "executionpolicy")) {
          if (inline_value) policy_word = args[i], policy = *inline_value;
          else if (has_next) policy_word = args[++i], policy = ascii_lower(policy_word->text);
        } else if (prefix_of(param, "scope")) {
          scope_named = true;
          if (inline_value) scope = *inline_value;
          else if (has_next) scope = ascii_lower(args[++i]->text);
        } else if (has_next &&
                   one_of(param, {"erroraction", "ea", "warningaction", "wa", "informationaction", "infa",
                                  "errorvariable", "ev", "warningvariable", "wv", "informationvariable", "iv",
                                  "outvariable", "ov", "outbuffer", "ob", "pipelinevariable", "pv"})) {
          ++i;
        }
      }
      if (!policy_word && !positional.empty()) {
        policy_word = positional[0];
        policy = ascii_lower(policy_word->text);
        positional.erase(positional.begin());
      }
      if (!scope_named && !positional.empty()) scope = ascii_lower(positional[0]->text);
      if (!policy_word || (policy != "unrestricted" && policy != "bypass")) return;
      if (!scope.empty() && scope != "localmachine") return;
      report(*policy_word, "`Set-ExecutionPolicy " + policy_word->text +
                               "` for the whole machine lets any PowerShell script run on instances launched from "
                               "this image; use `-Scope Process` for the build, or sign the scripts and keep "
                               "`RemoteSigned`");
    }

    /// `-Param value` or `-Param:value`: the value word and its text, when param matches.
    static std::optional<std::pair<const ShellWord*, std::string>> parameter_value(
        const std::vector<const ShellWord*>& args, size_t i, std::string_view param) {
      std::string t = ascii_lower(args[i]->text);
      if (!t.starts_with("-")) return std::nullopt;
      std::string name = t.substr(1);
      size_t colon = name.find(':');
      if (colon != std::string::npos) {
        if (name.substr(0, colon) != param) return std::nullopt;
        return std::make_pair(args[i], name.substr(colon + 1));
      }
      if (name != param || i + 1 >= args.size()) return std::nullopt;
      return std::make_pair(args[i + 1], ascii_lower(args[i + 1]->text));
    }

    void check_defender(const std::vector<const ShellWord*>& args) {
      for (size_t i = 0; i < args.size(); ++i) {
        for (std::string_view param :
             {"disablerealtimemonitoring", "disablebehaviormonitoring", "disableioavprotection",
              "disablescriptscanning", "disableblockatfirstseen", "disableintrusionpreventionsystem"}) {
          auto value = parameter_value(args, i, param);
          if (!value || !one_of(value->second, {"$true", "1", "true"})) continue;
          report(args[i]->begin, value->first->end, *args[i],
                 "`Set-MpPreference " + args[i]->text + (value->first == args[i] ? "" : " " + value->first->text) +
                     "` turns part of Microsoft Defender off on instances launched from this image; keep it on and "
                     "add narrow exclusions (`-ExclusionPath`) if a build step needs them");
        }
      }
    }

    void check_firewall_profile(const std::vector<const ShellWord*>& args) {
      for (size_t i = 0; i < args.size(); ++i) {
        auto value = parameter_value(args, i, "enabled");
        if (!value || !one_of(value->second, {"false", "$false", "0"})) continue;
        report(args[i]->begin, value->first->end, *args[i],
               "`Set-NetFirewallProfile -Enabled " + value->first->text +
                   "` turns Windows Firewall off on instances launched from this image; keep it on and allow only "
                   "the ports the image needs (`New-NetFirewallRule`)");
      }
    }

    void check_netsh(const ShellWord& name_word, const std::vector<const ShellWord*>& args) {
      std::vector<std::string> w;
      for (const ShellWord* a : args) w.push_back(ascii_lower(a->text));
      bool advfirewall =
          w.size() >= 5 && w[0] == "advfirewall" && w[1] == "set" &&
          one_of(w[2], {"allprofiles", "currentprofile", "domainprofile", "privateprofile", "publicprofile"}) &&
          w[3] == "state" && w[4] == "off";
      bool legacy = w.size() >= 4 && w[0] == "firewall" && w[1] == "set" && w[2] == "opmode" &&
                    (w[3] == "disable" || w[3] == "mode=disable");
      if (!advfirewall && !legacy) return;
      const ShellWord* last = args[advfirewall ? 4 : 3];
      report(name_word.begin, last->end, name_word,
             "`netsh " +
                 std::string(advfirewall ? "advfirewall set " + args[2]->text + " state off"
                                         : "firewall set opmode disable") +
                 "` turns Windows Firewall off on instances launched from this image; keep it on and allow only the "
                 "ports the image needs");
    }

    void check_skip_markers(const ShellCommand& command, const std::string& name,
                            const std::vector<const ShellWord*>& args) {
      for (const ShellWord& target : command.redirects) {
        if (!skipped_cleanup(target.text).empty()) report(target, skip_marker_message(target.text));
      }
      bool creates = shell == Shell::Bash
                         ? one_of(name, {"touch", "tee", "cp", "mv", "install", "ln"})
                         : one_of(name, {"new-item", "ni", "set-content", "add-content", "out-file", "copy-item", "cp",
                                         "copy", "move-item", "mv", "move", "touch", "tee-object", "tee"});
      if (!creates) return;
      for (const ShellWord* a : args) {
        if (!is_option(*a) && !skipped_cleanup(a->text).empty()) report(*a, skip_marker_message(a->text));
      }
    }
  };
};

}  // namespace

std::unique_ptr<Rule> make_weakened_host_security() { return std::make_unique<WeakenedHostSecurity>(); }

}  // namespace iblint
