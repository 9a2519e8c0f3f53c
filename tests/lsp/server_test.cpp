// Protocol-level tests of the language server: framed JSON-RPC through the real server loop,
// over pipes, as an editor speaks it.
#include "lsp/server.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "engine/linter.h"
#include "tests/lsp/lsp_test_client.h"
#include "lsp/uri.h"
#include "util/json_nesting.h"
#include "source/source_file.h"

namespace iblint::lsp {
namespace {

using nlohmann::json;
using testing::PipeServer;

const char* kDuplicateStep =
    "schemaVersion: 1.0\n"
    "phases:\n"
    "  - name: build\n"
    "    steps:\n"
    "      - name: Install\n"
    "        action: UpdateOS\n"
    "      - name: Install\n"
    "        action: UpdateOS\n";

const char* kClean =
    "schemaVersion: 1.0\n"
    "phases:\n"
    "  - name: build\n"
    "    steps:\n"
    "      - name: Hello\n"
    "        action: ExecuteBash\n"
    "        inputs:\n"
    "          commands:\n"
    "            - echo hello\n";

json open_params(const std::string& uri, const std::string& text, int version = 1) {
  return {{"textDocument", {{"uri", uri}, {"languageId", "yaml"}, {"version", version}, {"text", text}}}};
}

json position(int line, int character) { return {{"line", line}, {"character", character}}; }

json range(int l1, int c1, int l2, int c2) { return {{"start", position(l1, c1)}, {"end", position(l2, c2)}}; }

std::optional<json> diagnostics_for(PipeServer& server, const std::string& uri, std::optional<int> version = {}) {
  return server.notification("textDocument/publishDiagnostics", [&](const json& p) {
    return p["uri"] == uri && (!version || p.value("version", -1) == *version);
  });
}

TEST(ServerTest, InitializeAdvertisesIncrementalSyncAndTheFeatures) {
  PipeServer server;
  json result = server.initialize()["result"];
  json caps = result["capabilities"];
  EXPECT_EQ(caps["textDocumentSync"]["change"], 2);
  EXPECT_EQ(caps["textDocumentSync"]["openClose"], true);
  EXPECT_EQ(caps["positionEncoding"], "utf-16");
  EXPECT_EQ(caps["hoverProvider"], true);
  EXPECT_EQ(caps["definitionProvider"], true);
  EXPECT_TRUE(caps.contains("completionProvider"));
  EXPECT_EQ(caps["codeActionProvider"]["codeActionKinds"], json::array({"quickfix"}));
  EXPECT_EQ(result["serverInfo"]["name"], "iblint");
}

TEST(ServerTest, NegotiatesUtf8WhenTheClientOffersIt) {
  PipeServer server;
  json caps = server.initialize({}, {{"general", {{"positionEncodings", {"utf-8", "utf-16"}}}}})["result"]["capabilities"];
  EXPECT_EQ(caps["positionEncoding"], "utf-8");
}

TEST(ServerTest, PublishesDiagnosticsWithCodeDocumentationAndRelatedInformation) {
  PipeServer server;
  server.initialize();
  server.notify("textDocument/didOpen", open_params("file:///tmp/dup.yaml", kDuplicateStep, 7));
  std::optional<json> published = diagnostics_for(server, "file:///tmp/dup.yaml");
  ASSERT_TRUE(published);
  EXPECT_EQ((*published)["version"], 7);
  ASSERT_EQ((*published)["diagnostics"].size(), 1u);
  json d = (*published)["diagnostics"][0];
  EXPECT_EQ(d["code"], "IB103");
  EXPECT_EQ(d["source"], "iblint");
  EXPECT_EQ(d["severity"], 1);
  EXPECT_EQ(d["range"], range(6, 14, 6, 21));
  EXPECT_EQ(d["codeDescription"]["href"], "https://github.com/iblint/iblint/blob/main/rules/IB103-duplicate-step-name.md");
  ASSERT_EQ(d["relatedInformation"].size(), 1u);
  EXPECT_EQ(d["relatedInformation"][0]["location"]["uri"], "file:///tmp/dup.yaml");
  EXPECT_EQ(d["relatedInformation"][0]["location"]["range"], range(4, 14, 4, 21));
}

TEST(ServerTest, RangesCountUtf16CodeUnitsOrBytesAsNegotiated) {
  // The emoji is 4 UTF-8 bytes and 2 UTF-16 code units; the unknown action follows it.
  std::string text = std::string(kClean).replace(std::string(kClean).find("Hello"), 5, "H\xF0\x9F\x98\x80") +
                     "      - {name: \"\xF0\x9F\x98\x80\", action: Bogus}\n";
  for (bool utf8 : {false, true}) {
    PipeServer server;
    json caps = utf8 ? json{{"general", {{"positionEncodings", {"utf-8"}}}}} : json::object();
    server.initialize({}, caps);
    server.notify("textDocument/didOpen", open_params("file:///tmp/u.yaml", text));
    std::optional<json> published = diagnostics_for(server, "file:///tmp/u.yaml");
    ASSERT_TRUE(published);
    json action;
    for (const json& d : (*published)["diagnostics"]) {
      if (d["code"] == "IB104") action = d;
    }
    ASSERT_FALSE(action.is_null()) << published->dump();
    int start = utf8 ? 31 : 29;  // `      - {name: "😀", action: ` is 31 bytes, 29 UTF-16 units
    EXPECT_EQ(action["range"], range(9, start, 9, start + 5)) << (utf8 ? "utf-8" : "utf-16");
  }
}

TEST(ServerTest, AThousandRapidIncrementalEditsEndInTheDiagnosticsOfTheFinalText) {
  PipeServer server;
  server.initialize({{"iblint", {{"debounceMs", 30}}}});
  const std::string uri = "file:///tmp/typing.yaml";
  std::string text = kClean;
  server.notify("textDocument/didOpen", open_params(uri, text, 1));
  ASSERT_TRUE(diagnostics_for(server, uri, 1));

  // Type a second step one character at a time at the end, with typos that are corrected on
  // the way, and rename the first step to the second's name at the very end.
  const std::string typed =
      "      - name: Second\n        action: ExecuteBsh\n        inputs:\n          commands:\n            - echo $HOME\n";
  int version = 1;
  auto edit = [&](uint32_t line, uint32_t character, uint32_t end_line, uint32_t end_character, const std::string& insert) {
    server.notify("textDocument/didChange",
                  {{"textDocument", {{"uri", uri}, {"version", ++version}}},
                   {"contentChanges", json::array({{{"range", range(line, character, end_line, end_character)}, {"text", insert}}})}});
  };
  uint32_t line = 9, column = 0;
  while (version < 990) {
    for (char c : typed) {
      if (version >= 990) break;
      edit(line, column, line, column, std::string(1, c));
      text.insert(text.size(), 1, c);
      if (c == '\n') {
        ++line;
        column = 0;
      } else {
        ++column;
      }
    }
    if (version >= 990) break;
    // Delete what was typed (one multi-line edit) and type it again.
    edit(9, 0, line, column, "");
    text.resize(std::string(kClean).size());
    line = 9;
    column = 0;
  }
  // Ten more edits: rename `Hello` to `Second` one character at a time (5 deletes + 6 inserts
  // would be 11; delete all five at once).
  edit(4, 14, 4, 19, "");
  for (char c : std::string("Second")) {
    uint32_t at = 14 + static_cast<uint32_t>(std::string("Second").find(c));
    edit(4, at, 4, at, std::string(1, c));
  }
  text.replace(text.find("Hello"), 5, "Second");
  // And misspell the first step's action: `ExecuteBash` -> `ExecuteBsh`.
  edit(5, 23, 5, 27, "");
  for (uint32_t i = 0; i < 3; ++i) edit(5, 23 + i, 5, 23 + i, std::string(1, "Bsh"[i]));
  text.replace(text.find("ExecuteBash"), 11, "ExecuteBsh");
  int final_version = version;
  ASSERT_GE(final_version, 1000);

  std::optional<json> published = diagnostics_for(server, uri, final_version);
  ASSERT_TRUE(published) << "no diagnostics for the final version";

  // The same text linted from scratch, without the server.
  FileLint expected = lint_file(SourceFile("typing.yaml", text), LintSettings{});
  std::vector<std::string> want, got;
  for (const Diagnostic& d : expected.diagnostics) want.push_back(std::string(d.rule->id) + ":" + d.message);
  for (const json& d : (*published)["diagnostics"]) got.push_back(d["code"].get<std::string>() + ":" + d["message"].get<std::string>());
  EXPECT_EQ(got, want);
  EXPECT_FALSE(want.empty());

  // The misspelled action is where the client's text has it.
  bool found = false;
  for (const json& d : (*published)["diagnostics"]) {
    if (d["code"] == "IB104" && d["range"] == range(5, 16, 5, 26)) found = true;
  }
  EXPECT_TRUE(found) << published->dump();
}

TEST(ServerTest, NeverPublishesAnOlderVersionAfterANewerOne) {
  PipeServer server;
  server.initialize({{"iblint", {{"debounceMs", 0}}}});
  const std::string uri = "file:///tmp/order.yaml";
  server.notify("textDocument/didOpen", open_params(uri, kClean, 1));
  for (int v = 2; v <= 200; ++v) {
    server.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", v}}},
                                              {"contentChanges", json::array({{{"text", v % 2 ? kClean : kDuplicateStep}}})}});
  }
  int last = 0;
  while (std::optional<json> p = server.notification("textDocument/publishDiagnostics")) {
    int v = (*p)["version"];
    EXPECT_GT(v, last);
    last = v;
    bool duplicate = !(*p)["diagnostics"].empty();
    EXPECT_EQ(duplicate, v % 2 == 0) << "version " << v;
    if (v == 200) break;
  }
  EXPECT_EQ(last, 200);
}

TEST(ServerTest, MalformedMessagesGetErrorResponsesAndTheServerKeepsServing) {
  PipeServer server;
  server.initialize();
  auto expect_error = [&](const std::string& bytes, int code) {
    server.send_raw(bytes);
    std::optional<json> m = server.receive();
    ASSERT_TRUE(m) << bytes;
    ASSERT_TRUE(m->contains("error")) << m->dump();
    EXPECT_EQ((*m)["error"]["code"], code) << bytes;
  };
  auto framed = [](const std::string& body) { return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body; };
  expect_error(framed("{not json"), kParseError);
  expect_error(framed("[1, 2]"), kInvalidRequest);
  expect_error(framed("{\"jsonrpc\": \"2.0\", \"id\": 1}"), kInvalidRequest);
  expect_error(framed("{\"jsonrpc\": \"1.0\", \"id\": 2, \"method\": \"shutdown\"}"), kInvalidRequest);
  expect_error(framed("{\"jsonrpc\": \"2.0\", \"id\": {}, \"method\": \"shutdown\"}"), kInvalidRequest);
  expect_error(framed("{\"jsonrpc\": \"2.0\", \"id\": 3, \"method\": 42}"), kInvalidRequest);
  expect_error("Content-Length: twelve\r\n\r\n", kParseError);
  expect_error("Content-Type: application/json\r\n\r\n", kParseError);
  expect_error(std::string(9000, 'x'), kParseError);

  // Nesting a million levels deep is refused before parsing: copying such a value (settings,
  // initializationOptions) recursed once per level and overflowed the stack.
  std::string deep = "{\"jsonrpc\": \"2.0\", \"id\": 9, \"method\": \"initialize\", \"params\": {\"initializationOptions\": " +
                     std::string(1000000, '[') + std::string(1000000, ']') + "}}";
  expect_error(framed(deep), kParseError);
  std::string nested_ok = "{\"jsonrpc\": \"2.0\", \"id\": 10, \"method\": \"x/y\", \"params\": " +
                          std::string(kMaxJsonNesting - 1, '[') + std::string(kMaxJsonNesting - 1, ']') + "}";
  expect_error(framed(nested_ok), kMethodNotFound);

  json hover = server.request("textDocument/hover", {{"textDocument", {{"uri", "file:///nowhere.yaml"}}}, {"position", position(0, 0)}});
  EXPECT_EQ(hover["error"]["code"], kInvalidParams);
  server.notify("textDocument/didOpen", open_params("file:///tmp/ok.yaml", kDuplicateStep));
  json bad_position = server.request("textDocument/hover", {{"textDocument", {{"uri", "file:///tmp/ok.yaml"}}}, {"position", "here"}});
  EXPECT_EQ(bad_position["error"]["code"], kInvalidParams);
  json negative = server.request("textDocument/completion", {{"textDocument", {{"uri", "file:///tmp/ok.yaml"}}}, {"position", position(-1, 0)}});
  EXPECT_EQ(negative["error"]["code"], kInvalidParams);
  json no_params = server.request("textDocument/codeAction", nullptr);
  EXPECT_EQ(no_params["error"]["code"], kInvalidParams);
  // A notification with wrong params cannot be answered; the server logs it and goes on.
  server.notify("textDocument/didChange", {{"textDocument", {{"uri", "file:///tmp/ok.yaml"}}}, {"contentChanges", 5}});
  std::optional<json> logged = server.notification("window/logMessage");
  ASSERT_TRUE(logged);
  EXPECT_NE((*logged)["message"].get<std::string>().find("contentChanges"), std::string::npos);

  json shutdown = server.request("shutdown", nullptr);
  EXPECT_TRUE(shutdown.contains("result"));
  server.notify("exit", nullptr);
  EXPECT_EQ(server.join(), 0);
}

TEST(ServerTest, UnknownMethodsAreMethodNotFoundAndUnknownNotificationsAreIgnored) {
  PipeServer server;
  server.initialize();
  server.notify("workspace/somethingNew", {{"x", 1}});
  json reply = server.request("textDocument/semanticTokens/full", {{"textDocument", {{"uri", "file:///a.yaml"}}}});
  EXPECT_EQ(reply["error"]["code"], kMethodNotFound);
  EXPECT_TRUE(server.request("shutdown", nullptr).contains("result"));
}

TEST(ServerTest, RequestsBeforeInitializeAreRefused) {
  PipeServer server;
  json reply = server.request("textDocument/hover", {{"textDocument", {{"uri", "file:///a.yaml"}}}, {"position", position(0, 0)}});
  EXPECT_EQ(reply["error"]["code"], kServerNotInitialized);
  EXPECT_TRUE(server.initialize().contains("result"));
  EXPECT_EQ(server.request("initialize", json::object())["error"]["code"], kInvalidRequest);
}

TEST(ServerTest, OversizedMessagesAreRefusedAndSkipped) {
  ServerOptions options;
  options.max_message_bytes = 1000;
  PipeServer server(options);
  server.initialize();
  std::string big = "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":\"" + std::string(5000, 'a') + "\"}";
  server.send_raw("Content-Length: " + std::to_string(big.size()) + "\r\n\r\n" + big);
  std::optional<json> m = server.receive();
  ASSERT_TRUE(m);
  EXPECT_EQ((*m)["error"]["code"], kParseError);
  EXPECT_TRUE(server.request("shutdown", nullptr).contains("result"));
}

TEST(ServerTest, ExitWithoutShutdownOrAtEndOfInputIsExitCodeOne) {
  {
    PipeServer server;
    server.initialize();
    server.notify("exit", nullptr);
    EXPECT_EQ(server.join(), 1);
  }
  {
    PipeServer server;
    server.initialize();
    EXPECT_EQ(server.finish(), 1);
  }
}

TEST(ServerTest, AfterShutdownRequestsAreInvalid) {
  PipeServer server;
  server.initialize();
  server.request("shutdown", nullptr);
  EXPECT_EQ(server.request("textDocument/hover", json::object())["error"]["code"], kInvalidRequest);
}

TEST(ServerTest, CodeActionFixesTheFindingAndTheFixedTextIsClean) {
  PipeServer server;
  server.initialize({{"iblint", {{"debounceMs", 0}}}});
  const std::string uri = "file:///tmp/action.yaml";
  std::string text = std::string(kClean) + "      - name: Other\n        action: ExecuteBAsh\n        inputs:\n          commands: [ls]\n";
  server.notify("textDocument/didOpen", open_params(uri, text));
  std::optional<json> published = diagnostics_for(server, uri);
  ASSERT_TRUE(published);
  ASSERT_EQ((*published)["diagnostics"].size(), 1u);
  json diagnostic = (*published)["diagnostics"][0];
  EXPECT_EQ(diagnostic["code"], "IB104");

  json actions = server.request("textDocument/codeAction", {{"textDocument", {{"uri", uri}}},
                                                            {"range", diagnostic["range"]},
                                                            {"context", {{"diagnostics", {diagnostic}}}}})["result"];
  ASSERT_GE(actions.size(), 2u);
  EXPECT_EQ(actions[0]["kind"], "quickfix");
  EXPECT_EQ(actions[0]["isPreferred"], true);
  json change = actions[0]["edit"]["documentChanges"][0];
  EXPECT_EQ(change["textDocument"]["version"], 1);
  ASSERT_EQ(change["edits"].size(), 1u);
  EXPECT_EQ(change["edits"][0]["newText"], "ExecuteBash");
  EXPECT_EQ(actions.back()["title"], "Disable IB104 for this line");
  EXPECT_EQ(actions.back()["edit"]["documentChanges"][0]["edits"][0]["newText"], "        # iblint-disable-next-line IB104\n");

  // Apply the fix as the client would and see the finding go.
  server.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}},
                                            {"contentChanges", json::array({{{"range", change["edits"][0]["range"]},
                                                                             {"text", change["edits"][0]["newText"]}}})}});
  published = diagnostics_for(server, uri, 2);
  ASSERT_TRUE(published);
  EXPECT_TRUE((*published)["diagnostics"].empty()) << published->dump();
}

TEST(ServerTest, SettingsFromTheClientAndFromIblintYamlApply) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("iblint-lsp-settings-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / ".iblint.yaml") << "severity: {IB103: warning}\n";
  std::string uri = uri_from_path((dir / "a.yaml").string());

  PipeServer server;
  server.initialize();
  server.notify("textDocument/didOpen", open_params(uri, kDuplicateStep));
  std::optional<json> published = diagnostics_for(server, uri);
  ASSERT_TRUE(published);
  ASSERT_EQ((*published)["diagnostics"].size(), 1u);
  EXPECT_EQ((*published)["diagnostics"][0]["severity"], 2);  // warning, from .iblint.yaml

  server.notify("workspace/didChangeConfiguration", {{"settings", {{"iblint", {{"ignore", {"duplicate-step-name"}}}}}}});
  published = diagnostics_for(server, uri);
  ASSERT_TRUE(published);
  EXPECT_TRUE((*published)["diagnostics"].empty());

  server.notify("workspace/didChangeConfiguration", {{"settings", {{"iblint", {{"ignore", {"IB999"}}}}}}});
  std::optional<json> logged = server.notification("window/logMessage");
  ASSERT_TRUE(logged);
  EXPECT_NE((*logged)["message"].get<std::string>().find("IB999"), std::string::npos);

  // A broken .iblint.yaml is shown to the user, and linting goes on with the defaults.
  std::ofstream(dir / ".iblint.yaml") << "selectt: [IB1]\n";
  server.notify("textDocument/didSave", {{"textDocument", {{"uri", uri_from_path((dir / ".iblint.yaml").string())}}}});
  std::optional<json> shown = server.notification("window/showMessage");
  ASSERT_TRUE(shown);
  EXPECT_NE((*shown)["message"].get<std::string>().find("selectt"), std::string::npos);
  published = diagnostics_for(server, uri);
  ASSERT_TRUE(published);
  ASSERT_EQ((*published)["diagnostics"].size(), 1u);
  EXPECT_EQ((*published)["diagnostics"][0]["severity"], 1);
  fs::remove_all(dir);
}

TEST(ServerTest, ClosingADocumentClearsItsDiagnostics) {
  PipeServer server;
  server.initialize();
  server.notify("textDocument/didOpen", open_params("file:///tmp/c.yaml", kDuplicateStep));
  ASSERT_TRUE(diagnostics_for(server, "file:///tmp/c.yaml"));
  server.notify("textDocument/didClose", {{"textDocument", {{"uri", "file:///tmp/c.yaml"}}}});
  std::optional<json> cleared = diagnostics_for(server, "file:///tmp/c.yaml");
  ASSERT_TRUE(cleared);
  EXPECT_TRUE((*cleared)["diagnostics"].empty());
}

}  // namespace
}  // namespace iblint::lsp
