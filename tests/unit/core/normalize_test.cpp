#include "core/normalize.h"

#include <gtest/gtest.h>

namespace provcheck::core {

TEST(Normalize, WhitespaceLineBreaksAndTypography) {
  EXPECT_EQ(normalize("  Moscow’s\n  position —\tin “Syria”…  "), "Moscow's position-in \"Syria\"...");
  EXPECT_EQ(normalize("a\u00A0b\u2009c"), "a b c");  // no-break and thin spaces
  EXPECT_EQ(normalize("co\u00ADoperate"), "cooperate");  // soft hyphen dropped
  EXPECT_EQ(normalize(""), "");
}

TEST(Normalize, ComposedAndDecomposedAgree) {
  EXPECT_EQ(normalize("Erdo\xC4\x9F" "an"), normalize("Erdog\xCC\x86" "an"));  // ğ vs g + combining breve
  EXPECT_EQ(normalize("\xEF\xAC\x81" "le"), "file");  // ﬁ ligature
}

// Typing habits (issue 12 item 7): what a keyboard without the source's
// characters gives must normalize as the source does, in both directions.
TEST(Normalize, DiacriticsTypedOrNot) {
  std::string plain = normalize("Erdogan");
  EXPECT_EQ(normalize("Erdo\xC4\x9F" "an"), plain);   // precomposed ğ
  EXPECT_EQ(normalize("Erdog\xCC\x86" "an"), plain);  // g + combining breve
  EXPECT_EQ(normalize("Beyo\xC4\x9Flu caf\xC3\xA9"), "Beyoglu cafe");
  EXPECT_EQ(normalize("\xD0\x99"), "\xD0\x98");  // Cyrillic Й is И + breve
  // Marks that are letters in their script stay.
  EXPECT_EQ(normalize("\xD9\x83\xD9\x8E\xD8\xAA\xD9\x8E\xD8\xA8\xD9\x8E"),
            "\xD9\x83\xD9\x8E\xD8\xAA\xD9\x8E\xD8\xA8\xD9\x8E");  // Arabic fatha kept
}

TEST(Normalize, DashesTypedOrNot) {
  std::string want = "war-and peace";
  EXPECT_EQ(normalize("war\xE2\x80\x94" "and peace"), want);   // em dash
  EXPECT_EQ(normalize("war -- and peace"), want);                 // typed double hyphen
  EXPECT_EQ(normalize("war --- and peace"), want);
  EXPECT_EQ(normalize("war \xE2\x80\x93 and peace"), want);    // spaced en dash
  EXPECT_EQ(normalize("war-\nand peace"), want);                 // hyphen at a line break
  EXPECT_EQ(normalize("1990\xE2\x80\x93" "91"), normalize("1990-91"));
  EXPECT_EQ(normalize("-- a --"), "-a-");
}

TEST(Normalize, EllipsisTypedOrNot) {
  EXPECT_EQ(normalize("and so\xE2\x80\xA6 on"), normalize("and so... on"));
}

TEST(Normalize, NormalizingTwiceChangesNothing) {
  for (std::string s : {std::string("a \xE2\x81\xBB b"), std::string("x -\xE2\x80\x94- y"),
                        std::string(" \xCC\x81" "a"), std::string("a\xCC\x81 -\xCC\x81 b"),
                        std::string("\xEF\xB9\xA3 q \xE2\x81\xBB")}) {
    std::string once = normalize(s);
    EXPECT_EQ(normalize(once), once) << s;
  }
}

TEST(Normalize, DroppedMarksAndDashRunsMapToTheirBytes) {
  std::string text = "Erdog\xCC\x86 said -- no";
  NormalizedText n = normalize_with_map(text);
  EXPECT_EQ(n.text, "Erdog said-no");
  auto name = n.to_original(0, 5);
  EXPECT_EQ(text.substr(name.begin, name.end - name.begin), "Erdog\xCC\x86");  // the mark stays with its letter
  std::size_t d = n.text.find('-');
  auto dash = n.to_original(d, d + 1);
  EXPECT_EQ(text.substr(dash.begin, dash.end - dash.begin), "--");
}

TEST(Normalize, CaseIsKept) { EXPECT_NE(normalize("Hama"), normalize("hama")); }

TEST(Normalize, OffsetMapPointsAtOriginalBytes) {
  std::string text = "He said \xE2\x80\x9Cyes\xE2\x80\x9D\n  then left";
  NormalizedText n = normalize_with_map(text);
  EXPECT_EQ(n.text, "He said \"yes\" then left");
  ASSERT_EQ(n.begin.size(), n.text.size());
  std::size_t q = n.text.find("\"yes\"");
  auto span = n.to_original(q, q + 5);
  EXPECT_EQ(text.substr(span.begin, span.end - span.begin), "\xE2\x80\x9Cyes\xE2\x80\x9D");
  std::size_t t = n.text.find("then");
  auto sp2 = n.to_original(t - 1, t + 4);  // the collapsed space covers "\n  "
  EXPECT_EQ(text.substr(sp2.begin, sp2.end - sp2.begin), "\n  then");
}

TEST(Normalize, InvalidBytesKeepTheirOffsets) {
  std::string text = "ab\xFF" "cd";
  NormalizedText n = normalize_with_map(text);
  EXPECT_EQ(n.text, "ab\xEF\xBF\xBD" "cd");
  std::size_t c = n.text.find("cd");
  EXPECT_EQ(n.begin[c], 3u);
}

// Regression, found by fuzz_normalize: a compatibility character whose
// decomposition starts with a space (U+00A8, U+00B8) put that space straight
// into the output, so "a ¨" gave two spaces and a leading "¸" a leading space,
// and normalizing twice changed the text.
TEST(Normalize, CompatSpaceJoinsTheWhitespaceRun) {
  for (std::string s : {std::string("a \xC2\xA8"), std::string("\xC2\xB8"), std::string("x\xC2\xA8y")}) {
    std::string once = normalize(s);
    EXPECT_EQ(normalize(once), once) << s;
    EXPECT_EQ(once.find("  "), std::string::npos) << s;
    EXPECT_TRUE(once.empty() || once[0] != ' ') << s;
  }
  EXPECT_EQ(normalize("a \xC2\xA8"), "a");  // the diaeresis is a combining mark, dropped
}

// Regression, found by fuzz_normalize: a lead byte as the last byte read one
// byte past the end of the input.
TEST(Normalize, TruncatedSequenceAtTheEnd) {
  std::string s = "ab\xCC";
  NormalizedText n = normalize_with_map(std::string_view(s.data(), s.size()));
  EXPECT_EQ(n.text, "ab\xEF\xBF\xBD");
  EXPECT_EQ(n.end.back(), 3u);
}

// Golden vectors: a digest is written into every pin, so a change to the
// normalizer must show here and bump k_normalization_version.
TEST(Normalize, DigestGoldenVectors) {
  EXPECT_EQ(k_normalization_version, 2);
  EXPECT_EQ(normalized_digest("provcheck"), "xxh3-64+norm2:908e1aba3b2ae12a");
  EXPECT_EQ(normalized_digest("Erdo\xC4\x9F" "an \xE2\x80\x94 yes"), normalized_digest("Erdogan--yes"));
}

TEST(Normalize, DigestNamesTheNormalizerVersion) {
  std::string d = normalized_digest("x");
  EXPECT_EQ(d.rfind("xxh3-64+norm" + std::to_string(k_normalization_version) + ":", 0), 0u);
  EXPECT_EQ(normalized_digest("a  b"), normalized_digest("a\nb"));
}

}  // namespace provcheck::core
