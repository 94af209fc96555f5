#include "util/utf8.h"

#include <gtest/gtest.h>

namespace provcheck::util {

TEST(Utf8, InvalidBytesDecodeAsOneReplacementEach) {
  std::string s = "a\xFF" "b\xE2\x80";  // a lone 0xFF and a truncated sequence
  Decoded d = decode_utf8(s, 1);
  EXPECT_FALSE(d.valid);
  EXPECT_EQ(d.length, 1u);
  EXPECT_EQ(d.codepoint, k_replacement);
  Utf8Report r = check_utf8(s);
  EXPECT_EQ(r.invalid_sequences, 3u);  // 0xFF, 0xE2, 0x80
  EXPECT_EQ(r.first_invalid_offset, 1u);
}

// Regression, found by fuzz_resolve_quote: the truncation check was off by
// one, so a lead byte ending a view decoded the byte after the view.
TEST(Utf8, LeadByteAtEndOfViewIsTruncated) {
  std::string buffer = "a\xCC\x88";  // the view below ends after 0xCC
  Decoded d = decode_utf8(std::string_view(buffer.data(), 2), 1);
  EXPECT_FALSE(d.valid);
  EXPECT_EQ(d.length, 1u);
}

TEST(Utf8, RejectsOverlongAndSurrogates) {
  EXPECT_FALSE(decode_utf8("\xC0\xAF", 0).valid);
  EXPECT_FALSE(decode_utf8("\xED\xA0\x80", 0).valid);
  EXPECT_TRUE(decode_utf8("\xE2\x80\x99", 0).valid);
}

TEST(Utf8, BinaryDetection) {
  EXPECT_TRUE(looks_binary(std::string("abc\0def", 7)));
  EXPECT_FALSE(looks_binary("plain text with ’ curly quotes"));
  EXPECT_FALSE(looks_binary(""));
}

TEST(Utf8, FloorFindsCodePointStart) {
  std::string s = "a’b";  // ’ is 3 bytes at 1..3
  EXPECT_EQ(utf8_floor(s, 2), 1u);
  EXPECT_EQ(utf8_floor(s, 3), 1u);
  EXPECT_EQ(utf8_floor(s, 4), 4u);
}

}  // namespace provcheck::util
