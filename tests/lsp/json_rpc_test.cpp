#include "lsp/json_rpc.h"

#include <gtest/gtest.h>

namespace iblint::lsp {
namespace {

TEST(FrameDecoderTest, CutsMessagesSplitAnywhereInTheStream) {
  std::string bytes = frame({{"a", 1}}) + frame({{"b", "ü"}});
  FrameDecoder decoder(1000);
  std::vector<std::string> bodies;
  for (char c : bytes) {  // one byte at a time: every split point
    decoder.feed(std::string_view(&c, 1));
    while (std::optional<Frame> f = decoder.next()) bodies.push_back(f->body);
  }
  ASSERT_EQ(bodies.size(), 2u);
  EXPECT_EQ(bodies[0], "{\"a\":1}");
  EXPECT_EQ(nlohmann::json::parse(bodies[1])["b"], "ü");
}

TEST(FrameDecoderTest, AcceptsOtherHeadersAndAnyCaseOfContentLength) {
  FrameDecoder decoder(1000);
  decoder.feed("content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}");
  std::optional<Frame> f = decoder.next();
  ASSERT_TRUE(f);
  EXPECT_EQ(f->error, "");
  EXPECT_EQ(f->body, "{}");
}

TEST(FrameDecoderTest, ReportsBadHeadersAndGoesOnWithTheNextMessage) {
  FrameDecoder decoder(1000);
  decoder.feed("Content-Length: x\r\n\r\nNoColonHere\r\n\r\nContent-Type: a\r\n\r\n" + frame({{"ok", true}}));
  std::vector<std::string> errors;
  std::string body;
  while (std::optional<Frame> f = decoder.next()) {
    if (f->error.empty()) body = f->body;
    else errors.push_back(f->error);
  }
  EXPECT_EQ(errors, (std::vector<std::string>{"Content-Length is not a number", "malformed header line (expected `Name: value`)",
                                              "message without a Content-Length header"}));
  EXPECT_EQ(body, "{\"ok\":true}");
}

TEST(FrameDecoderTest, SkipsAnOversizedBodyEvenWhenItArrivesLater) {
  FrameDecoder decoder(10);
  decoder.feed("Content-Length: 30\r\n\r\n0123456789");
  std::optional<Frame> f = decoder.next();
  ASSERT_TRUE(f);
  EXPECT_NE(f->error.find("larger than the limit of 10 bytes"), std::string::npos);
  EXPECT_FALSE(decoder.next());
  decoder.feed(std::string(20, 'x') + frame(nlohmann::json::array()));
  f = decoder.next();
  ASSERT_TRUE(f);
  EXPECT_EQ(f->body, "[]");
}

TEST(FrameDecoderTest, AHeaderThatNeverEndsIsDroppedOnceTooLong) {
  FrameDecoder decoder(100);
  decoder.feed(std::string(FrameDecoder::kMaxHeaderBytes, 'h'));
  EXPECT_FALSE(decoder.next());
  decoder.feed("hh");
  std::optional<Frame> f = decoder.next();
  ASSERT_TRUE(f);
  EXPECT_FALSE(f->error.empty());
}

TEST(JsonRpcTest, FramesWithTheByteLengthAndReplacesInvalidUtf8) {
  std::string bytes = frame({{"m", std::string("a\xff")}});
  EXPECT_EQ(bytes.substr(0, bytes.find("\r\n\r\n")), "Content-Length: " + std::to_string(bytes.size() - bytes.find("\r\n\r\n") - 4));
  EXPECT_NE(bytes.find("a\xEF\xBF\xBD"), std::string::npos);
  EXPECT_EQ(error_response(nullptr, kMethodNotFound, "x")["error"]["code"], -32601);
  EXPECT_EQ(response(3, nullptr)["id"], 3);
  EXPECT_EQ(notification("m", {})["method"], "m");
}

}  // namespace
}  // namespace iblint::lsp
