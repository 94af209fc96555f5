#include "core/word_diff.h"

#include <gtest/gtest.h>

#include <string>

namespace provcheck::core {
namespace {

TEST(WordDiffInContext, KeepsAFewWordsAroundEachChangeAndElidesTheRest) {
  std::string a = "w1 w2 w3 w4 w5 w6 old w7 w8 w9 w10 w11 w12 w13 w14 w15 gone w16 w17";
  std::string b = "w1 w2 w3 w4 w5 w6 new w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17";
  EXPECT_EQ(word_diff_in_context(a, b, 2), "... w5 w6 [-old-]{+new+} w7 w8 ... w14 w15 [-gone-] w16 w17");
}

TEST(WordDiffInContext, ChangesCloseTogetherShareTheirContext) {
  EXPECT_EQ(word_diff_in_context("a b c d e f", "a X c Y e f", 1), "a [-b-]{+X+} c [-d-]{+Y+} e ...");
}

TEST(WordDiffInContext, EqualWordsGiveNothing) { EXPECT_EQ(word_diff_in_context("a  b\nc", "a b c", 3), ""); }

TEST(WordDiffInContext, ALongParagraphWithOneEditIsCheap) {
  std::string a, b;
  for (int i = 0; i < 5000; ++i) {
    a += "w" + std::to_string(i) + " ";
    b += (i == 2500 ? std::string("changed") : "w" + std::to_string(i)) + " ";
  }
  EXPECT_EQ(word_diff_in_context(a, b, 1), "... w2499 [-w2500-]{+changed+} w2501 ...");
}

}  // namespace
}  // namespace provcheck::core
