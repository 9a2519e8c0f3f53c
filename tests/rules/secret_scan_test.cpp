#include "rules/secret_scan.h"

#include <gtest/gtest.h>

#include "rules/script_findings_cache.h"

namespace iblint {
namespace {

std::vector<std::string> secrets(const std::string& text) {
  std::vector<std::string> out;
  for (const SecretMatch& m : find_secrets(text)) out.push_back(text.substr(m.begin, m.end - m.begin));
  return out;
}

using Strings = std::vector<std::string>;

// Made-up credentials, split so that secret scanners do not take this file for a leak.
const std::string kKeyId = std::string("AKIA") + "Z7QWERTYUIOP1234";
const std::string kSecretKey = std::string("Zx9rT2bQ8mN4vL6pK1jH") + "3gF5dS7aQ0wE9rT2bQ8m";

TEST(SecretScan, AccessKeyIds) {
  EXPECT_EQ(secrets("export AWS_ACCESS_KEY_ID=" + kKeyId), (Strings{kKeyId}));
  std::string session = "ASIA" + kKeyId.substr(4);
  EXPECT_EQ(secrets(session), (Strings{session}));
  EXPECT_TRUE(secrets("AKIAIOSFODNN7EXAMPLE").empty());  // AWS's documented example
  EXPECT_TRUE(secrets("X" + kKeyId).empty());            // inside a longer word
  EXPECT_TRUE(secrets(kKeyId + "5").empty());            // too long
  EXPECT_TRUE(secrets("AKIAz7qwertyuiop1234").empty());  // lower case
}

// find_secrets first looks for the words every kind needs (in any case); a text with none of
// them holds no secret, and one with them in unusual case still gets the full scan.
TEST(SecretScan, WordPreCheckIgnoresCase) {
  EXPECT_EQ(secrets("DBPASSWORD=Hunter2Hunter2"), (Strings{"Hunter2Hunter2"}));
  EXPECT_EQ(secrets("api-KEY: Zx9rT2bQ8mN4"), (Strings{"Zx9rT2bQ8mN4"}));
  EXPECT_EQ(secrets("CONVERTTO-SECURESTRING 'Hunter2Hunter2' -ASPLAINTEXT"), (Strings{"Hunter2Hunter2"}));
  EXPECT_EQ(secrets("x=" + kKeyId), (Strings{kKeyId}));
  EXPECT_TRUE(secrets("dnf install -y httpd && systemctl enable --now httpd").empty());
  EXPECT_TRUE(secrets("").empty());
}

TEST(SecretScan, SecretAccessKeys) {
  EXPECT_EQ(secrets("aws configure set aws_secret_access_key " + kSecretKey), (Strings{kSecretKey}));
  EXPECT_EQ(secrets("aws_secret_access_key = " + kSecretKey + "\n"), (Strings{kSecretKey}));
  EXPECT_TRUE(secrets("aws_secret_access_key = " + kSecretKey + "x").empty());  // 41 characters
  EXPECT_TRUE(secrets("aws_secret_access_key = $SECRET").empty());
  EXPECT_TRUE(secrets("aws_secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY").empty());
}

TEST(SecretScan, PrivateKeysNeedKeyMaterial) {
  std::string key =
      "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu7Qz1ZxkYpQ2Tn5sV8wR3mH9bJcLdEfGhIjKlMnOpQrStUv\n"
      "-----END RSA PRIVATE KEY-----\n";
  EXPECT_EQ(secrets(key), (Strings{"-----BEGIN RSA PRIVATE KEY-----"}));
  EXPECT_TRUE(secrets("grep -q -- '-----BEGIN OPENSSH PRIVATE KEY-----' ~/.ssh/id").empty());
  EXPECT_TRUE(secrets("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n").empty());
}

TEST(SecretScan, LiteralAssignments) {
  EXPECT_EQ(secrets("DB_PASSWORD=hunter22 ./run"), (Strings{"hunter22"}));
  EXPECT_EQ(secrets("mysql --password='Tr0ub4dor&3'"), (Strings{"Tr0ub4dor&3"}));
  EXPECT_EQ(secrets("$Password = \"Winter2024!\""), (Strings{"Winter2024!"}));
  EXPECT_EQ(secrets("[client]\npassword = S3cretPass\n"), (Strings{"S3cretPass"}));
  EXPECT_EQ(secrets("db:\n  password: S3cretPass\n"), (Strings{"S3cretPass"}));
  EXPECT_EQ(secrets("https://x/y?token=abcd1234efgh"), (Strings{"abcd1234efgh"}));
  EXPECT_EQ(secrets("./install --api-token 9f8e7d6c5b4a"), (Strings{"9f8e7d6c5b4a"}));
  EXPECT_EQ(secrets("ConvertTo-SecureString 'P@ssw0rd123' -AsPlainText -Force"), (Strings{"P@ssw0rd123"}));
}

TEST(SecretScan, ReferencesPlaceholdersAndProseAreNotSecrets) {
  for (std::string text : {"DB_PASSWORD=$DB_PASSWORD",
                           "TOKEN=${TOKEN}",
                           "TOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token)",
                           "password='{{ DbPassword }}'",
                           "--password=%DB_PASS%",
                           "--api-token <enter_api_token_here>",
                           "password=",
                           "token=true",
                           "PASSWORD=****",
                           "TOKEN_URL=https://example.com",
                           "PasswordPolicy=strict",
                           "ec2-user ALL=(ALL) NOPASSWD: ALL",
                           "Sets the token = the value you copied",
                           "password: see the docs",
                           "$password = ConvertTo-SecureString -String $secretValue.password -AsPlainText -Force",
                           "$secret = Get-SECSecretValue -SecretId \"{{ PasswordSecret }}\"",
                           "UPDATE mysql.user SET PASSWORD=PASSWORD(\"${ROOT_PASS}\")",
                           "if [ \"$TOKEN\" == \"abcd\" ]",
                           "--password-stdin",
                           "token=arn:aws:secretsmanager:us-east-1:123:secret:x"}) {
    EXPECT_TRUE(secrets(text).empty()) << text;
  }
}

TEST(SecretScan, SecretNames) {
  for (std::string_view name : {"password", "DB_PASSWORD", "adminPassword", "client-secret", "ADMINPASSWORD",
                                "GITHUB_TOKEN", "ApiKey", "api_key", "private_key", "MYSQL_PASS", "passphrase"}) {
    EXPECT_TRUE(is_secret_name(name)) << name;
  }
  for (std::string_view name : {"TOKEN_URL", "PasswordPolicy", "SecretName", "NOPASSWD", "SecretsManagerSecretName",
                                "PasswordLength", "key", "bypass", "SSMFalconClientId"}) {
    EXPECT_FALSE(is_secret_name(name)) << name;
  }
}

TEST(SecretScan, MasksAllButFourCharacters) {
  EXPECT_EQ(mask_secret(kKeyId), "AKIA****");
  EXPECT_EQ(mask_secret("hunter22"), "****");
}

TEST(SecretScan, MemoizedScanGivesWhatTheScanGivesEveryTime) {
  keep_results_between_lints(true);  // the language server's setting: the memo is used
  for (int round = 0; round < 3; ++round) {  // later rounds read the memo; the last one runs without it
    if (round == 2) keep_results_between_lints(false);  // the second round reads the memo
    for (std::string_view text : {"export DB_PASSWORD=hunter2secret", "AKIAIOSFODNN7EXAMPLE", "echo hello", "",
                                  "password: \"{{ Pass }}\""}) {
      std::vector<SecretMatch> expected = find_secrets(text), memoized = find_secrets_memoized(text);
      ASSERT_EQ(memoized.size(), expected.size()) << text;
      for (size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(memoized[i].kind, expected[i].kind) << text;
        EXPECT_EQ(memoized[i].begin, expected[i].begin) << text;
        EXPECT_EQ(memoized[i].end, expected[i].end) << text;
        EXPECT_EQ(memoized[i].label, expected[i].label) << text;
      }
    }
  }
  EXPECT_FALSE(find_secrets_memoized("export DB_PASSWORD=hunter2secret").empty());
}

}  // namespace
}  // namespace iblint
