#include "lsp/uri.h"

#include <gtest/gtest.h>

namespace iblint::lsp {
namespace {

TEST(UriTest, DecodesFileUris) {
  EXPECT_EQ(path_from_uri("file:///home/me/a%20b/c.yaml"), "/home/me/a b/c.yaml");
  EXPECT_EQ(path_from_uri("FILE://localhost/x.yaml"), "/x.yaml");
  EXPECT_EQ(path_from_uri("untitled:Untitled-1"), std::nullopt);
  EXPECT_EQ(path_from_uri("file://server/share/x.yaml"), std::nullopt);
  EXPECT_EQ(path_from_uri("file:///bad%zz"), std::nullopt);
  EXPECT_EQ(path_from_uri("file:///nul%00"), std::nullopt);
}

TEST(UriTest, EncodesPathsAndRoundTrips) {
  EXPECT_EQ(uri_from_path("/tmp/a b/ü.yaml"), "file:///tmp/a%20b/%C3%BC.yaml");
  EXPECT_EQ(path_from_uri(uri_from_path("/tmp/a b/#1%.yaml")), "/tmp/a b/#1%.yaml");
}

}  // namespace
}  // namespace iblint::lsp
