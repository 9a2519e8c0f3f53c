#pragma once
// Finds credentials written into text: AWS access keys, private key blocks and literal values
// given to password/secret/token names. Used by the hardcoded-secret rule on every scalar.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace iblint {

enum class SecretKind {
  AccessKeyId,      ///< AKIA… / ASIA… followed by 16 upper-case letters or digits
  SecretAccessKey,  ///< a 40-character value given to aws_secret_access_key
  PrivateKey,       ///< -----BEGIN … PRIVATE KEY----- followed by key material
  Assignment,       ///< NAME=value, NAME: value (ini lines), -NAME value, $NAME = 'value'
  SecureString,     ///< ConvertTo-SecureString 'literal' -AsPlainText
};

struct SecretMatch {
  SecretKind kind;
  size_t begin = 0;  ///< the secret itself (for a private key: its BEGIN line)
  size_t end = 0;
  std::string label;  ///< the name it is assigned to, or the key's BEGIN line
};

/// Every secret in text, in order of position.
std::vector<SecretMatch> find_secrets(std::string_view text);
/// find_secrets(text), from this thread's memo when the same text was scanned before: the
/// language server scans every scalar of a document after each keystroke, and only the edited
/// one changed. find_secrets is a pure function of text. Bounded (it starts over when full).
/// Only while keeping_results_between_lints() (rules/script_findings_cache.h); else find_secrets.
std::vector<SecretMatch> find_secrets_memoized(std::string_view text);

/// Whether a variable, parameter or key name holds a secret: its last word is password, passwd,
/// pass, passphrase, secret or token, or it ends in api key / secret key / private key
/// (`DB_PASSWORD`, `adminPassword`, `client-secret`, `ADMINPASSWORD`, `ApiKey`); not when the
/// word only starts the name (`TOKEN_URL`, `PasswordPolicy`, `SecretName`) or is negated (`NOPASSWD`).
bool is_secret_name(std::string_view name);

/// Whether value, given to a secret name, is a literal secret rather than a reference
/// (`$VAR`, `${VAR}`, `$(cmd)`, `%VAR%`, `{{ name }}`, `<placeholder>`, `resolve:…`), a flag
/// value (`true`, `no`), a mask (`****`) or too short (under 4 characters) to be a secret.
/// single_quoted: `$` is literal in the value (a single-quoted shell string).
bool is_literal_secret(std::string_view value, bool single_quoted = false);

/// The first 4 characters and `****` for secrets of 12 characters or more, else `****`: enough
/// to recognise a key, never enough to use it.
std::string mask_secret(std::string_view secret);

}  // namespace iblint
