#include "core/text_fragment.h"

#include <gtest/gtest.h>

namespace provcheck::core {

// The directive's own syntax characters (',', '-', '&') and everything but
// ASCII letters, digits and "._~" are percent-encoded as UTF-8.
TEST(TextFragment, EncodesSyntaxCharactersAndNonAscii) {
  EXPECT_EQ(encode_text_directive_part("a, b"), "a%2C%20b");
  EXPECT_EQ(encode_text_directive_part("well-known"), "well%2Dknown");
  EXPECT_EQ(encode_text_directive_part("salt & pepper"), "salt%20%26%20pepper");
  EXPECT_EQ(encode_text_directive_part("Erdoğan"), "Erdo%C4%9Fan");
  EXPECT_EQ(encode_text_directive_part("\u201cquoted\u201d 'x' \"y\""),
            "%E2%80%9Cquoted%E2%80%9D%20%27x%27%20%22y%22");
  EXPECT_EQ(encode_text_directive_part("2016\u20132024"), "2016%E2%80%932024");  // en dash
  EXPECT_EQ(encode_text_directive_part("100%"), "100%25");
  EXPECT_EQ(encode_text_directive_part("a.b_c~d"), "a.b_c~d");
  EXPECT_EQ(encode_text_directive_part("#:~:"), "%23%3A~%3A");
}

TEST(TextFragment, ShortQuoteWhole_LineBreaksCollapsed) {
  TextFragmentParts p = text_fragment_parts("about 250,000\npeople", "", "");
  EXPECT_EQ(p.start, "about 250,000 people");
  EXPECT_EQ(p.end, "");
  EXPECT_EQ(text_directive(p), "text=about%20250%2C000%20people");
}

TEST(TextFragment, LongQuoteGivenByFirstAndLastWords) {
  TextFragmentParts p = text_fragment_parts(
      "one two three four five six seven eight nine ten eleven twelve", "", "");
  EXPECT_EQ(p.start, "one two three four");
  EXPECT_EQ(p.end, "nine ten eleven twelve");
}

TEST(TextFragment, ContextCutToWholeWords) {
  // A full stored prefix (32 code points) may begin inside a word: that word is dropped.
  // (And at most three words of context are used.)
  std::string prefix = "ghly 250,000 people still lived ";  // 32 code points
  ASSERT_EQ(prefix.size(), 32u);
  TextFragmentParts p = text_fragment_parts("in East Aleppo", prefix, " when the siege began.");
  EXPECT_EQ(p.prefix, "people still lived");
  EXPECT_EQ(p.suffix, "when the siege");
}

TEST(TextFragment, ContextGluedToTheQuoteIsNotUsed) {
  // The quote starts inside a word: a prefix cannot end at a word boundary there.
  TextFragmentParts p = text_fragment_parts("ppo fell", "the city of Ale", " to the rebels");
  EXPECT_EQ(p.prefix, "");
  EXPECT_EQ(p.suffix, "to the rebels");
}

// A browser matches prefix, start and suffix each inside one block: context
// stops at a paragraph's edge, and a quote across blocks is given by the
// words before the first edge and after the last.
TEST(TextFragment, ContextStopsAtBlockEdges) {
  TextFragmentParts p = text_fragment_parts("the convoy left", "the last paragraph.\n\nOn Thursday ", " at dawn.\n\nNext",
                                            BlockBreaks::blank_line);
  EXPECT_EQ(p.prefix, "On Thursday");
  EXPECT_EQ(p.suffix, "at dawn.");
  // In a rendered layer (HTML, Markdown) every line is a block.
  p = text_fragment_parts("the convoy left", "Heading\nOn Thursday ", "", BlockBreaks::line_break);
  EXPECT_EQ(p.prefix, "On Thursday");
  p = text_fragment_parts("the convoy left", "a wrapped\nline: ", "", BlockBreaks::blank_line);
  EXPECT_EQ(p.prefix, "a wrapped line:");
  // The quote starts its block: no prefix.
  p = text_fragment_parts("Hama fell", "Earlier.\n", "", BlockBreaks::line_break);
  EXPECT_EQ(p.prefix, "");
  p = text_fragment_parts("Title of it\nFirst words of the body", "", "", BlockBreaks::line_break);
  EXPECT_EQ(p.start, "Title of it");
  EXPECT_EQ(p.end, "words of the body");
}

TEST(TextFragment, LinkDropsAnExistingFragment) {
  Citation c;
  c.quote = "Hama fell";
  c.prefix = "On Thursday, ";
  c.suffix = " to the opposition.";
  EXPECT_EQ(text_fragment_link("https://example.org/a#top", c),
            "https://example.org/a#:~:text=On%20Thursday%2C-,Hama%20fell,-to%20the%20opposition.");
  EXPECT_EQ(text_fragment_link("", c), "");
  c.quote = " , ";
  EXPECT_EQ(text_fragment_link("https://example.org/a", c), "");
}

TEST(TextFragment, SourceWebUrlPrefersHttpUrls) {
  SourceMeta m;
  m.url = "file:///tmp/x.html";
  m.final_url = "https://example.org/final";
  m.capture_url = "http://example.org/first";
  EXPECT_EQ(source_web_url(m), "https://example.org/final");
  m.url = "https://example.org/canonical";
  EXPECT_EQ(source_web_url(m), "https://example.org/canonical");
  EXPECT_EQ(source_web_url(SourceMeta{}), "");
}

}  // namespace provcheck::core
