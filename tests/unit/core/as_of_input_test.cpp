#include "core/as_of_input.h"

#include <gtest/gtest.h>

namespace provcheck::core {

namespace {
std::string read(std::string_view s) {
  auto r = as_of_from_input(s);
  return r.ok() ? *r : "error: " + r.error().message();
}
}  // namespace

TEST(AsOfInput, IsoFormsPassUnchanged) {
  for (const char* s : {"2024-12-05", "2024-12", "2024", "2012-07/2016-07", "../2011", "2015/.."}) {
    EXPECT_EQ(read(s), s);
  }
}

TEST(AsOfInput, TypedMonths) {
  EXPECT_EQ(read("12/2024"), "2024-12");
  EXPECT_EQ(read("3/2016"), "2016-03");
  EXPECT_EQ(read("Dec 2024"), "2024-12");
  EXPECT_EQ(read("Dec. 2024"), "2024-12");
  EXPECT_EQ(read("December 2024"), "2024-12");
  EXPECT_EQ(read("december, 2024"), "2024-12");
  EXPECT_EQ(read("  2024/12 "), "2024-12");
  EXPECT_NE(read("13/2024").find("has no month 13"), std::string::npos);
}

TEST(AsOfInput, TypedDays) {
  EXPECT_EQ(read("2024-12-05T10:00Z"), "2024-12-05");
  EXPECT_EQ(read("2024-12-05T23:30:00+05:00"), "2024-12-05");  // the date as written, no shift
  EXPECT_EQ(read("2024-12-05 10:00"), "2024-12-05");
  EXPECT_EQ(read("5 December 2024"), "2024-12-05");
  EXPECT_EQ(read("5th December 2024"), "2024-12-05");
  EXPECT_EQ(read("5 Dec 2024"), "2024-12-05");
  EXPECT_EQ(read("December 5, 2024"), "2024-12-05");
  EXPECT_EQ(read("December 5th, 2024"), "2024-12-05");
  EXPECT_EQ(read("Dec 5 2024"), "2024-12-05");
  EXPECT_EQ(read("Thursday, December 5, 2024"), "2024-12-05");
  EXPECT_EQ(read("2024/12/05"), "2024-12-05");
  EXPECT_EQ(read("25/12/2024"), "2024-12-25");  // only one reading is a date
  EXPECT_EQ(read("12/25/2024"), "2024-12-25");
  EXPECT_EQ(read("05/05/2024"), "2024-05-05");  // both readings are the same day
}

TEST(AsOfInput, TypedIntervals) {
  EXPECT_EQ(read("Dec 2016/Jan 2017"), "2016-12/2017-01");
  EXPECT_EQ(read("../December 2011"), "../2011-12");
  EXPECT_NE(read("Jan 2017/Dec 2016").find("ends before it starts"), std::string::npos);
}

TEST(AsOfInput, AmbiguousDayMonthOrderIsRefusedWithBothIsoForms) {
  std::string e = read("05/12/2024");
  EXPECT_NE(e.find("ambiguous"), std::string::npos) << e;
  EXPECT_NE(e.find("2024-12-05"), std::string::npos) << e;
  EXPECT_NE(e.find("2024-05-12"), std::string::npos) << e;
  EXPECT_NE(read("05.12.2024").find("ambiguous"), std::string::npos);
}

TEST(AsOfInput, RefusesWhatIsNotADate) {
  EXPECT_NE(read("").find("is empty"), std::string::npos);
  EXPECT_NE(read("soon").find("is not a date"), std::string::npos);
  EXPECT_NE(read("31/02/2024").find("is not a date"), std::string::npos);
  EXPECT_NE(read("05/12/24").find("two-digit year"), std::string::npos);
  EXPECT_NE(read("December 5").find("has no year"), std::string::npos);
  EXPECT_NE(read("2016-13").find("has no month 13"), std::string::npos);
  EXPECT_NE(read("Monday, December 5, 2024").find("was a Thursday"), std::string::npos);
  EXPECT_NE(read("12 apples 2024").find("is not a date"), std::string::npos);
}

}  // namespace provcheck::core
