#include "core/figure_tokens.h"

#include <gtest/gtest.h>

#include "core/word_diff.h"

namespace provcheck::core {

using Tokens = std::vector<std::string>;

TEST(FigureTokens, DigitsScaleWordsPercentsAndQualifiers) {
  EXPECT_EQ(figure_tokens("some 4,000 rebels and about 4.7 million refugees, almost 60% of them"),
            (Tokens{"some", "4,000", "about", "4.7", "million", "almost", "60%"}));
  EXPECT_EQ(figure_tokens("Tens of thousands fled; three-quarters of the east; twenty-three dead"),
            (Tokens{"thousands", "three-quarters", "twenty-three"}));
  EXPECT_EQ(figure_tokens("more than 16,000 civilians"), (Tokens{"more than", "16,000"}));
  EXPECT_EQ(figure_tokens("No figures here, only words."), Tokens{});
}

TEST(FigureTokens, QualifierWithoutNumberIsIgnored) {
  EXPECT_EQ(figure_tokens("some people said about the war"), Tokens{});
}

TEST(WordDiff, MarksDeletionsAndInsertions) {
  EXPECT_EQ(word_diff("the U.N. estimates 250,000 people", "the U.N. estimates 270,000 people"),
            "the U.N. estimates [-250,000-]{+270,000+} people");
  EXPECT_EQ(word_diff("a b c", "a c"), "a [-b-] c");
  EXPECT_EQ(word_diff("a c", "a b c"), "a {+b+} c");
  EXPECT_EQ(word_diff("same\nwords", "same words"), "same words");
}

}  // namespace provcheck::core
