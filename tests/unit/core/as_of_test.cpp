#include "core/as_of.h"

#include <gtest/gtest.h>

namespace provcheck::core {

TEST(AsOf, DateMonthYearAreTheirDays) {
  auto day = parse_as_of("2016-12-15");
  ASSERT_TRUE(day.ok());
  EXPECT_EQ(day->first, civil_days(2016, 12, 15));
  EXPECT_EQ(day->first, day->last);
  auto month = parse_as_of("2016-12");
  ASSERT_TRUE(month.ok());
  EXPECT_EQ(month->first, civil_days(2016, 12, 1));
  EXPECT_EQ(month->last, civil_days(2016, 12, 31));
  auto feb = parse_as_of("2016-02");  // a leap year
  ASSERT_TRUE(feb.ok());
  EXPECT_EQ(feb->last - feb->first, 28);
  auto year = parse_as_of("2016");
  ASSERT_TRUE(year.ok());
  EXPECT_EQ(year->last - year->first, 365);
  EXPECT_EQ(civil_days(1970, 1, 1), 0);
}

TEST(AsOf, IntervalsAndOpenEnds) {
  auto r = parse_as_of("2012-07/2016-07");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->first, civil_days(2012, 7, 1));
  EXPECT_EQ(r->last, civil_days(2016, 7, 31));
  auto before = parse_as_of("../2011");
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->first, DayRange::k_open_start);
  EXPECT_EQ(before->last, civil_days(2011, 12, 31));
  auto after = parse_as_of("2015/..");
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->first, civil_days(2015, 1, 1));
  EXPECT_EQ(after->last, DayRange::k_open_end);
}

TEST(AsOf, OverlapIsInclusive) {
  auto month = *parse_as_of("2016-12");
  EXPECT_TRUE(month.overlaps(*parse_as_of("2016-12-13")));
  EXPECT_TRUE(month.overlaps(*parse_as_of("2016-12-31")));
  EXPECT_FALSE(month.overlaps(*parse_as_of("2017-01-01")));
  EXPECT_FALSE(month.overlaps(*parse_as_of("2016-02")));
  EXPECT_TRUE(parse_as_of("2012-07/2016-12")->overlaps(*parse_as_of("2016-12-13")));
  EXPECT_FALSE(parse_as_of("../2011")->overlaps(*parse_as_of("2012")));
  EXPECT_TRUE(parse_as_of("2015/..")->overlaps(*parse_as_of("2024-12-05")));
}

TEST(AsOf, BadFormsSayWhatIsExpected) {
  for (const char* bad : {"", "2016-13", "2016-02-30", "Dec 2016", "16-12", "2016-12-1", "2016/2015", "../..",
                          "2016-12/P1M", "2016-1", "2016/2017/2018"}) {
    auto r = parse_as_of(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().kind(), util::ErrorKind::invalid_input);
    std::string msg = r.error().message();
    EXPECT_TRUE(msg.find("YYYY-MM") != std::string::npos || msg.find("START/END") != std::string::npos) << msg;
  }
}

TEST(AsOf, PublishedDatePartOnly) {
  EXPECT_EQ(published_as_of("2016-12-07"), "2016-12-07");
  EXPECT_EQ(published_as_of("2016-12-07T10:00:00Z"), "2016-12-07");
  EXPECT_EQ(published_as_of(""), std::nullopt);
  EXPECT_EQ(published_as_of("last week"), std::nullopt);
}

}  // namespace provcheck::core
