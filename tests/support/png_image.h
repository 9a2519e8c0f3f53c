#pragma once
// A tiny PNG reader for the tests that look at screenshots: 8-bit greyscale, RGB or RGBA,
// not interlaced (what headless Chromium writes). Decompression by zlib; the scanline filters
// are undone here. Returns nothing on anything it does not understand.
#include <zlib.h>

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iblint::test_support {

struct PngImage {
  uint32_t width = 0, height = 0;
  std::vector<uint32_t> pixels;  ///< 0xRRGGBB, row by row (alpha dropped)

  uint32_t at(uint32_t x, uint32_t y) const { return pixels[static_cast<size_t>(y) * width + x]; }
};

inline uint32_t png_be32(std::string_view bytes, size_t at) {
  auto b = [&](size_t i) { return static_cast<uint32_t>(static_cast<uint8_t>(bytes[at + i])); };
  return b(0) << 24 | b(1) << 16 | b(2) << 8 | b(3);
}

inline std::optional<PngImage> decode_png(std::string_view file) {
  if (file.size() < 8 || file.substr(0, 8) != std::string_view("\x89PNG\r\n\x1a\n", 8)) return std::nullopt;
  PngImage image;
  int channels = 0;
  std::string compressed;
  for (size_t at = 8; at + 12 <= file.size();) {
    uint32_t length = png_be32(file, at);
    if (length > file.size() - at - 12) return std::nullopt;
    std::string_view type = file.substr(at + 4, 4);
    std::string_view data = file.substr(at + 8, length);
    if (type == "IHDR") {
      if (length < 13) return std::nullopt;
      image.width = png_be32(data, 0);
      image.height = png_be32(data, 4);
      int depth = static_cast<uint8_t>(data[8]), colour = static_cast<uint8_t>(data[9]);
      int interlace = static_cast<uint8_t>(data[12]);
      channels = colour == 0 ? 1 : colour == 2 ? 3 : colour == 6 ? 4 : 0;
      if (depth != 8 || channels == 0 || interlace != 0 || image.width == 0 || image.height == 0 ||
          image.width > 20000 || image.height > 20000) {
        return std::nullopt;
      }
    } else if (type == "IDAT") {
      compressed.append(data);
    } else if (type == "IEND") {
      break;
    }
    at += 12 + length;
  }
  if (channels == 0) return std::nullopt;

  const size_t stride = static_cast<size_t>(image.width) * channels;
  std::vector<uint8_t> raw((stride + 1) * image.height);
  uLongf raw_size = raw.size();
  if (uncompress(raw.data(), &raw_size, reinterpret_cast<const Bytef*>(compressed.data()), compressed.size()) != Z_OK ||
      raw_size != raw.size()) {
    return std::nullopt;
  }
  // Undo the filters in place: each row starts with its filter type (PNG spec, section 9).
  std::vector<uint8_t> previous(stride, 0);
  image.pixels.reserve(static_cast<size_t>(image.width) * image.height);
  for (uint32_t y = 0; y < image.height; ++y) {
    uint8_t filter = raw[y * (stride + 1)];
    uint8_t* row = &raw[y * (stride + 1) + 1];
    for (size_t i = 0; i < stride; ++i) {
      int left = i >= static_cast<size_t>(channels) ? row[i - channels] : 0;
      int up = previous[i];
      int up_left = i >= static_cast<size_t>(channels) ? previous[i - channels] : 0;
      int predicted = 0;
      switch (filter) {
        case 0: break;
        case 1: predicted = left; break;
        case 2: predicted = up; break;
        case 3: predicted = (left + up) / 2; break;
        case 4: {
          int p = left + up - up_left;
          int pa = std::abs(p - left), pb = std::abs(p - up), pc = std::abs(p - up_left);
          predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : up_left;
          break;
        }
        default: return std::nullopt;
      }
      row[i] = static_cast<uint8_t>(row[i] + predicted);
    }
    for (uint32_t x = 0; x < image.width; ++x) {
      const uint8_t* p = row + static_cast<size_t>(x) * channels;
      image.pixels.push_back(channels == 1 ? (p[0] * 0x010101u) : (uint32_t{p[0]} << 16 | uint32_t{p[1]} << 8 | p[2]));
    }
    previous.assign(row, row + stride);
  }
  return image;
}

}  // namespace iblint::test_support
