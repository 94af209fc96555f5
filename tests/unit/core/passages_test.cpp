#include "core/passages.h"

#include <gtest/gtest.h>

#include <string>

namespace provcheck::core {

TEST(Passages, ParagraphsWithTrimmedSpans) {
  std::string t = "# Title\n\nFirst paragraph,\nwrapped.\n\n\n  Second one.  \n";
  auto p = split_passages(t);
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(t.substr(p[0].start, p[0].end - p[0].start), "# Title");
  EXPECT_EQ(t.substr(p[1].start, p[1].end - p[1].start), "First paragraph,\nwrapped.");
  EXPECT_EQ(t.substr(p[2].start, p[2].end - p[2].start), "Second one.");
}

TEST(Passages, LongParagraphsSplitAtSentences) {
  std::string sentence = "The convoy waited at the checkpoint for most of the morning. ";
  std::string t;
  for (int i = 0; i < 30; ++i) t += sentence;
  auto p = split_passages(t);
  ASSERT_GT(p.size(), 2u);
  std::uint64_t prev_end = 0;
  for (const Span& s : p) {
    EXPECT_GE(s.start, prev_end);
    EXPECT_LE(s.end - s.start, k_passage_max_bytes);
    EXPECT_EQ(t[s.end - 1], '.');  // whole sentences
    prev_end = s.end;
  }
}

TEST(Passages, OneEndlessSentenceIsCutAtSpaces) {
  std::string t;
  for (int i = 0; i < 400; ++i) t += "word ";
  for (const Span& s : split_passages(t)) {
    EXPECT_LE(s.end - s.start, k_passage_max_bytes);
    EXPECT_NE(t[s.start], ' ');
  }
  EXPECT_TRUE(split_passages("   \n\n  ").empty());
}

}  // namespace provcheck::core
