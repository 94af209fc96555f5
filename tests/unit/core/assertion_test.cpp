#include "core/assertion.h"

#include <gtest/gtest.h>

#include <cmath>

namespace provcheck::core {
namespace {

ValueInterval interval(const char* value, const char* approx = "", const Settings& s = Settings()) {
  auto v = parse_asserted_value(value, approx, s);
  EXPECT_TRUE(v.ok()) << value;
  EXPECT_TRUE(v->figure) << value;
  return value_interval(*v->figure, v->approx, s);
}

Figure quoted(const char* text) {
  auto figs = extract_figures(text);
  EXPECT_EQ(figs.size(), 1u) << text;
  return figs.front();
}

bool same(const char* value, const char* approx, const char* quote_text) {
  auto v = parse_asserted_value(value, approx, Settings());
  EXPECT_TRUE(v.ok() && v->figure) << value;
  return same_figure(*v->figure, v->approx, quoted(quote_text));
}

}  // namespace

TEST(Assertion, ExactFigureStandsForItsRounding) {
  ValueInterval r = interval("250,000");
  EXPECT_DOUBLE_EQ(r.low, 245000);
  EXPECT_DOUBLE_EQ(r.high, 255000);
  ValueInterval m = interval("4.7 million");
  EXPECT_NEAR(m.low, 4650000, 1e-6);
  EXPECT_NEAR(m.high, 4750000, 1e-6);
  // Half-open: what rounds to 4.7 million does not reach 4.8 million.
  EXPECT_FALSE(m.meets(interval("4.8 million")));
  EXPECT_TRUE(interval("250,000").meets(interval("254,000")));
  EXPECT_FALSE(interval("250,000").meets(interval("260,000")));
  // A count without trailing zeros is exact to the unit.
  EXPECT_FALSE(interval("5").meets(interval("6")));
  EXPECT_TRUE(interval("5").meets(interval("five")));
}

TEST(Assertion, QualifiersWidenOrBound) {
  ValueInterval about = interval("250,000", "about");
  EXPECT_DOUBLE_EQ(about.low, 225000);
  EXPECT_DOUBLE_EQ(about.high, 275000);
  EXPECT_TRUE(about.meets(interval("260,000")));  // wider than the bare figure
  ValueInterval almost = interval("60%", "almost");
  EXPECT_DOUBLE_EQ(almost.low, 54);
  EXPECT_DOUBLE_EQ(almost.high, 60);
  ValueInterval more = interval("100,000", "more than");
  EXPECT_DOUBLE_EQ(more.low, 100000);
  EXPECT_TRUE(std::isinf(more.high));
  ValueInterval up = interval("4,000", "up to");
  EXPECT_TRUE(std::isinf(up.low));
  EXPECT_DOUBLE_EQ(up.high, 4000);
  // The qualifier written in the value counts the same as --approx.
  ValueInterval inline_about = interval("about 250,000");
  EXPECT_DOUBLE_EQ(inline_about.low, 225000);
}

TEST(Assertion, VagueQuantitiesAndRangesKeepTheirBounds) {
  ValueInterval tens = interval("tens of thousands");
  EXPECT_DOUBLE_EQ(tens.low, 20000);
  EXPECT_DOUBLE_EQ(tens.high, 99999);
  ValueInterval range = interval("250,000..300,000");
  EXPECT_DOUBLE_EQ(range.low, 250000);
  EXPECT_DOUBLE_EQ(range.high, 300000);
}

TEST(Assertion, TolerancesAreSettings) {
  Settings s;
  s.tolerances.approximate = 0.2;
  EXPECT_DOUBLE_EQ(interval("250,000", "about", s).low, 200000);
  s.tolerances.qualifiers["some"] = 0.05;
  EXPECT_DOUBLE_EQ(interval("4,000", "some", s).high, 4200);
  s.tolerances.rounding = false;
  ValueInterval exact = interval("250,000", "", s);
  EXPECT_DOUBLE_EQ(exact.low, 250000);
  EXPECT_DOUBLE_EQ(exact.high, 250000);
  s.tolerances.exact = 0.1;
  EXPECT_TRUE(interval("250,000", "", s).meets(interval("270,000", "", s)));
  s.tolerances.almost = 0.5;
  EXPECT_DOUBLE_EQ(interval("60%", "almost", s).low, 30);
}

TEST(Assertion, StatusWordsAndBadValues) {
  auto word = parse_asserted_value("opposition", "", Settings());
  ASSERT_TRUE(word.ok());
  EXPECT_FALSE(word->figure);
  EXPECT_EQ(word->status_word, "opposition");
  for (const char* bad : {"", "25O,000", "300,000..250,000", "12abc"}) {
    EXPECT_FALSE(parse_asserted_value(bad, "", Settings()).ok()) << bad;
  }
  EXPECT_FALSE(parse_asserted_value("250,000", "approximately-ish", Settings()).ok());
  EXPECT_FALSE(parse_asserted_value("opposition", "about", Settings()).ok());
  EXPECT_FALSE(parse_asserted_value("about 250,000", "more than", Settings()).ok());
  Settings s;
  s.tolerances.qualifiers["give or take"] = 0.1;
  EXPECT_TRUE(parse_asserted_value("250,000", "give or take", s).ok());
}

TEST(Assertion, SameFigureAcrossFormsWithQualifiersRespected) {
  EXPECT_TRUE(same("4.7 million", "", "4,700,000 refugees"));
  EXPECT_TRUE(same("4,700,000", "", "4.7 million refugees"));
  EXPECT_TRUE(same("250,000", "", "about 250,000 people"));   // the quote's qualifier is inherited
  EXPECT_TRUE(same("250,000", "about", "250,000 people"));     // "about" only weakens an exact quote
  EXPECT_TRUE(same("three-quarters", "", "75% of the territory"));
  EXPECT_TRUE(same("60%", "almost", "almost 60% of the population"));
  EXPECT_FALSE(same("60%", "more than", "almost 60% of the population"));
  EXPECT_FALSE(same("250,000", "", "about 100,000 people"));
  EXPECT_FALSE(same("60", "", "60% of them"));  // a count is not a percent
  EXPECT_TRUE(same("tens of thousands", "", "tens of thousands of residents"));
  EXPECT_TRUE(same("800..1,000", "", "900 passengers"));
  EXPECT_FALSE(same("800..1,000", "", "1,200 passengers"));
}

TEST(Assertion, Comparable) {
  EXPECT_TRUE(comparable(quoted("280 kilometers"), quoted("300 km")));
  EXPECT_FALSE(comparable(quoted("280 kilometers"), quoted("100 miles")));
  EXPECT_TRUE(comparable(quoted("250,000 people"), quoted("100,000 civilians")));
  EXPECT_FALSE(comparable(quoted("60%"), quoted("600 people")));
  EXPECT_EQ(unit_key("Kilometres"), "kilometer");
}

TEST(Assertion, FormatsNumbersForMessages) {
  EXPECT_EQ(format_number(250000), "250,000");
  EXPECT_EQ(format_number(-1200), "-1,200");
  EXPECT_EQ(format_number(0.75), "0.75");
  EXPECT_EQ(format_interval({245000, 255000}), "245,000..255,000");
  EXPECT_EQ(format_interval({100000, INFINITY}), "100,000..");
  EXPECT_EQ(format_interval({7, 7}), "7");
}

}  // namespace provcheck::core
