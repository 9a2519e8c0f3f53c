// The dry-run HTML page in a real browser: headless Chromium (Debian's `chromium`) renders a
// page built from a fixture plan and takes a screenshot, which must show the page, not a blank.
// Chromium gets a throwaway profile and no way to resolve a host name: the page needs nothing
// from the network (and its Content-Security-Policy forbids fetching anything).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "dryrun/html_plan.h"
#include "tests/support/png_image.h"
#include "tests/support/shell_command.h"

namespace iblint {
namespace {
namespace fs = std::filesystem;

using test_support::decode_png;
using test_support::PngImage;
using test_support::read_file;
using test_support::run;
using test_support::RunResult;

constexpr int kWidth = 1200, kHeight = 2400;

std::string chromium_path() {
  RunResult found = run("command -v chromium || command -v chromium-browser");
  if (found.code != 0) return {};
  std::string path = found.out.substr(0, found.out.find('\n'));
  return path;
}

bool near(uint32_t colour, uint32_t expected, int tolerance = 12) {
  for (int shift : {16, 8, 0}) {
    int a = static_cast<int>(colour >> shift & 0xFF), b = static_cast<int>(expected >> shift & 0xFF);
    if (std::abs(a - b) > tolerance) return false;
  }
  return true;
}

class HtmlPlanScreenshot : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("iblint-html-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(dir_);
  }
  fs::path dir_;
};

TEST_F(HtmlPlanScreenshot, ChromiumRendersThePage) {
  std::string chromium = chromium_path();
  if (chromium.empty()) {
    GTEST_SKIP() << "chromium is not installed, so the dry-run HTML page is not rendered in a browser "
                    "(sh tools/install-deps.sh --test installs it)";
  }
  // The page the real command writes for the bundled API-request pipeline.
  fs::path page = dir_ / "plan.html";
  RunResult planned = run(std::string("'") + IBLINT_BINARY + "' dry-run --format html -o '" + page.string() + "' '" +
                          IBLINT_SOURCE_DIR + "/fixtures/dryrun/api-pipeline'");
  ASSERT_EQ(planned.code, 0) << planned.out;
  fs::path screenshot = dir_ / "plan.png";

  RunResult shot = run("timeout 120 '" + chromium + "' --headless --no-sandbox --disable-gpu --no-first-run" +
                       " --user-data-dir='" + (dir_ / "profile").string() + "'" +
                       " --disable-background-networking --disable-component-update --disable-sync" +
                       " --disable-extensions --host-resolver-rules='MAP * ~NOTFOUND'" +
                       " --hide-scrollbars --window-size=" + std::to_string(kWidth) + "," + std::to_string(kHeight) +
                       " --screenshot='" + screenshot.string() + "' 'file://" + page.string() + "'");
  ASSERT_EQ(shot.code, 0) << shot.out;
  ASSERT_TRUE(fs::is_regular_file(screenshot)) << shot.out;

  std::optional<PngImage> image = decode_png(read_file(screenshot));
  ASSERT_TRUE(image) << "not a PNG this test can read: " << screenshot;
  EXPECT_EQ(image->width, static_cast<uint32_t>(kWidth));
  EXPECT_EQ(image->height, static_cast<uint32_t>(kHeight));

  std::set<uint32_t> colours(image->pixels.begin(), image->pixels.end());
  EXPECT_GT(colours.size(), 16u) << "the screenshot is (nearly) one colour: the page did not render";
  size_t white = 0, dark_text = 0, symbolic = 0;
  for (uint32_t pixel : image->pixels) {
    if (pixel == 0xFFFFFF) ++white;
    if (near(pixel, 0x1D2330, 40)) ++dark_text;
    if (near(pixel, 0xF4EEFB, 3)) ++symbolic;  // the background of a marked symbolic value
  }
  EXPECT_LT(white, image->pixels.size() * 95 / 100) << "almost all white";
  EXPECT_GT(dark_text, 1000u) << "no body text";
  EXPECT_GT(symbolic, 50u) << "no symbolic value is marked";
  // The inline style sheet applied: the header band has its dark background.
  EXPECT_TRUE(near(image->at(4, 4), 0x232F3E)) << std::hex << image->at(4, 4);
  EXPECT_TRUE(near(image->at(kWidth - 4, 20), 0x232F3E)) << std::hex << image->at(kWidth - 4, 20);
}

}  // namespace
}  // namespace iblint
