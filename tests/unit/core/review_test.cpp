#include "core/review.h"

#include <gtest/gtest.h>

namespace provcheck::core {

TEST(RatingScale, DefaultIsFivePointsWorstFirst) {
  const auto& s = default_rating_scale();
  ASSERT_EQ(s.size(), 5u);
  EXPECT_EQ(rating_value(s, "False"), 1);
  EXPECT_EQ(rating_value(s, "mostly  FALSE"), 2);
  EXPECT_EQ(rating_value(s, "True"), 5);
  EXPECT_EQ(rating_value(s, "Pants on fire"), std::nullopt);
}

TEST(RatingScale, ParsesLabelsAndRefusesBadScales) {
  auto s = parse_rating_scale(" Wrong , Misleading,Correct ", "--rating-scale");
  ASSERT_TRUE(s.ok()) << s.error().message();
  EXPECT_EQ(*s, (std::vector<std::string>{"Wrong", "Misleading", "Correct"}));
  EXPECT_FALSE(parse_rating_scale("Only", "x").ok());
  EXPECT_FALSE(parse_rating_scale("A,,B", "x").ok());
  auto dup = parse_rating_scale("A,b,a", "x");
  ASSERT_FALSE(dup.ok());
  EXPECT_NE(dup.error().message().find("twice"), std::string::npos);
}

TEST(Review, ValidatesAndCanonicalizesTheRating) {
  Review r;
  r.rating = "mostly true";
  r.review_date = "2016-12-14";
  r.review_url = "https://factcheck.example/aleppo";
  r.reviewed_by = "Desk";
  auto v = validate_review(r, default_rating_scale(), "claim add");
  ASSERT_TRUE(v.ok()) << v.error().message();
  EXPECT_EQ(*v->rating, "Mostly true");
}

TEST(Review, RefusesWhatCannotBePublished) {
  const auto& s = default_rating_scale();
  Review r;
  r.rating = "Pants on fire";
  auto bad = validate_review(r, s, "claims.json:4");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message().find("claims.json:4: rating 'Pants on fire' is not on the rating scale"),
            std::string::npos);
  Review d;
  d.review_date = "2016-02-30";
  EXPECT_FALSE(validate_review(d, s, "x").ok());
  d.review_date = "14/12/2016";
  EXPECT_FALSE(validate_review(d, s, "x").ok());
  d.review_date = "2016-02-29";
  EXPECT_TRUE(validate_review(d, s, "x").ok());
  Review u;
  u.review_url = "javascript:alert(1)";
  EXPECT_FALSE(validate_review(u, s, "x").ok());
  u.review_url = "https://ok.example/a b";
  EXPECT_FALSE(validate_review(u, s, "x").ok());
}

}  // namespace provcheck::core
