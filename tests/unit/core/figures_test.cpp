// The figure extractor, one form at a time, on sentences written for these
// tests. The labelled seed articles are scored in figures_seeds_test.cpp.
#include "core/figures.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace provcheck::core {
namespace {

constexpr double k_inf = std::numeric_limits<double>::infinity();

std::vector<Figure> figs(std::string_view text) { return extract_figures(text); }

// The one figure in `text`; fails the test when there is not exactly one.
Figure one(std::string_view text) {
  std::vector<Figure> f = figs(text);
  EXPECT_EQ(f.size(), 1u) << text;
  return f.empty() ? Figure{} : f.front();
}

void expect_fig(const Figure& f, std::string_view text, FigureKind kind, double value, double low, double high,
                std::string_view unit = "", std::string_view approx = "") {
  EXPECT_EQ(f.text, text);
  EXPECT_EQ(figure_kind_name(f.kind), std::string(figure_kind_name(kind))) << f.text;
  EXPECT_DOUBLE_EQ(f.value, value) << f.text;
  EXPECT_DOUBLE_EQ(f.low, low) << f.text;
  EXPECT_DOUBLE_EQ(f.high, high) << f.text;
  EXPECT_EQ(f.unit, unit) << f.text;
  EXPECT_EQ(f.approx, approx) << f.text;
}

TEST(Figures, DigitsWithSeparatorsAndDecimals) {
  std::string_view s = "The depot held 12,480 crates and 3.25 tonnes of flour.";
  auto f = figs(s);
  ASSERT_EQ(f.size(), 2u);
  expect_fig(f[0], "12,480", FigureKind::count, 12480, 12480, 12480, "crates");
  EXPECT_EQ(s.substr(f[0].start, f[0].end - f[0].start), "12,480");
  expect_fig(f[1], "3.25", FigureKind::count, 3.25, 3.25, 3.25, "tonnes");
  EXPECT_DOUBLE_EQ(f[1].step, 0.01);
  expect_fig(one("a ledger of 1,204,311 entries"), "1,204,311", FigureKind::count, 1204311, 1204311, 1204311,
             "entries");
}

TEST(Figures, ScaleWordsAndSuffixes) {
  expect_fig(one("The fund raised 4.7 million pledges"), "4.7 million", FigureKind::count, 4.7e6, 4.7e6, 4.7e6,
             "pledges");
  expect_fig(one("a budget of $1.2bn for roads"), "$1.2bn", FigureKind::money, 1.2e9, 1.2e9, 1.2e9, "USD");
  expect_fig(one("The petition passed 700k signatures"), "700k", FigureKind::count, 7e5, 7e5, 7e5, "signatures");
  expect_fig(one("three hundred thousand ballots"), "three hundred thousand", FigureKind::count, 3e5, 3e5, 3e5,
             "ballots");
  expect_fig(one("it cost 2 billion euros"), "2 billion euros", FigureKind::money, 2e9, 2e9, 2e9, "EUR");
}

TEST(Figures, SpelledOutNumbers) {
  expect_fig(one("We counted five boats."), "five", FigureKind::count, 5, 5, 5, "boats");
  expect_fig(one("twenty-three volunteers came"), "twenty-three", FigureKind::count, 23, 23, 23, "volunteers");
  expect_fig(one("a hundred lanterns"), "a hundred", FigureKind::count, 100, 100, 100, "lanterns");
  expect_fig(one("She bought a dozen eggs"), "a dozen", FigureKind::count, 12, 12, 12, "eggs");
  expect_fig(one("one hundred and forty-two seats"), "one hundred and forty-two", FigureKind::count, 142, 142, 142,
             "seats");
  expect_fig(one("It took two and a half years."), "two and a half years", FigureKind::duration, 2.5, 2.5, 2.5,
             "years");
  expect_fig(one("half a million tickets"), "half a million", FigureKind::count, 5e5, 5e5, 5e5, "tickets");
}

TEST(Figures, Fractions) {
  expect_fig(one("three-quarters of the orchard"), "three-quarters", FigureKind::fraction, 0.75, 0.75, 0.75);
  expect_fig(one("two-thirds of the members"), "two-thirds", FigureKind::fraction, 2.0 / 3, 2.0 / 3, 2.0 / 3);
  expect_fig(one("the northern half of the valley"), "half", FigureKind::fraction, 0.5, 0.5, 0.5);
  expect_fig(one("a third of the crop"), "a third", FigureKind::fraction, 1.0 / 3, 1.0 / 3, 1.0 / 3);
  expect_fig(one("one-fifth of the budget"), "one-fifth", FigureKind::fraction, 0.2, 0.2, 0.2);
}

TEST(Figures, Percents) {
  expect_fig(one("Turnout reached 60% today"), "60%", FigureKind::percent, 60, 60, 60, "percent");
  expect_fig(one("Turnout reached 60 percent today"), "60 percent", FigureKind::percent, 60, 60, 60, "percent");
  expect_fig(one("up by 4.5 per cent"), "4.5 per cent", FigureKind::percent, 4.5, 4.5, 4.5, "percent");
  expect_fig(one("ten percent of voters"), "ten percent", FigureKind::percent, 10, 10, 10, "percent");
}

TEST(Figures, VagueQuantities) {
  expect_fig(one("tens of thousands of marchers"), "tens of thousands", FigureKind::count, 20000, 20000, 99999,
             "marchers");
  expect_fig(one("Hundreds of thousands of letters"), "Hundreds of thousands", FigureKind::count, 200000, 200000,
             999999, "letters");
  expect_fig(one("thousands of swans"), "thousands", FigureKind::count, 2000, 2000, 9999, "swans");
  expect_fig(one("millions of viewers"), "millions", FigureKind::count, 2e6, 2e6, 9999999, "viewers");
  expect_fig(one("dozens of boats"), "dozens", FigureKind::count, 24, 24, 99, "boats");
  expect_fig(one("several bridges"), "several", FigureKind::count, 3, 3, 9, "bridges");
  expect_fig(one("for a few weeks"), "a few weeks", FigureKind::duration, 2, 2, 5, "weeks");
  expect_fig(one("several thousand tents"), "several thousand", FigureKind::count, 3000, 3000, 9000, "tents");
  expect_fig(one("a couple of days later"), "a couple of days", FigureKind::duration, 2, 2, 3, "days");
  expect_fig(one("a couple hundred tents"), "a couple hundred", FigureKind::count, 200, 200, 300, "tents");
  expect_fig(one("hundreds of years of trade"), "hundreds of years", FigureKind::duration, 200, 200, 999, "years");
  EXPECT_TRUE(figs("A couple from the town arrived.").empty());
  EXPECT_TRUE(figs("Many came and few left.").empty());
  EXPECT_TRUE(figs("tens of reasons").empty());
}

TEST(Figures, QualifiersWidenOrBound) {
  expect_fig(one("some 500 goats"), "500", FigureKind::count, 500, 450, 550, "goats", "some");
  expect_fig(one("about 500 goats"), "500", FigureKind::count, 500, 450, 550, "goats", "about");
  expect_fig(one("around 500 goats"), "500", FigureKind::count, 500, 450, 550, "goats", "around");
  expect_fig(one("roughly 500 goats"), "500", FigureKind::count, 500, 450, 550, "goats", "roughly");
  expect_fig(one("an estimated 500 goats"), "500", FigureKind::count, 500, 450, 550, "goats", "estimated");
  expect_fig(one("almost 500 goats"), "500", FigureKind::count, 500, 450, 500, "goats", "almost");
  expect_fig(one("nearly 500 goats"), "500", FigureKind::count, 500, 450, 500, "goats", "nearly");
  expect_fig(one("close to 500 goats"), "500", FigureKind::count, 500, 450, 500, "goats", "close to");
  expect_fig(one("more than 500 goats"), "500", FigureKind::count, 500, 500, k_inf, "goats", "more than");
  expect_fig(one("at least 500 goats"), "500", FigureKind::count, 500, 500, k_inf, "goats", "at least");
  expect_fig(one("over 500 goats"), "500", FigureKind::count, 500, 500, k_inf, "goats", "over");
  expect_fig(one("up to 500 goats"), "500", FigureKind::count, 500, -k_inf, 500, "goats", "up to");
  expect_fig(one("Estimated 500 goats"), "500", FigureKind::count, 500, 450, 550, "goats", "estimated");
  expect_fig(one("as many as 500 goats"), "500", FigureKind::count, 500, -k_inf, 500, "goats", "as many as");
}

TEST(Figures, Ranges) {
  expect_fig(one("for three or four years"), "three or four years", FigureKind::duration, 3, 3, 4, "years");
  expect_fig(one("between 10 and 20 kilometres"), "10 and 20 kilometres", FigureKind::distance, 10, 10, 20,
             "kilometers");
  expect_fig(one("2 to 3 million voters"), "2 to 3 million", FigureKind::count, 2e6, 2e6, 3e6, "voters");
  expect_fig(one("15-20 percent"), "15-20 percent", FigureKind::percent, 15, 15, 20, "percent");
  auto y = figs("from 2015 to 2020 the plant was shut");
  ASSERT_EQ(y.size(), 2u);
  expect_fig(y[0], "2015", FigureKind::year, 2015, 2015, 2015);
  expect_fig(y[1], "2020", FigureKind::year, 2020, 2020, 2020);
  auto moved = figs("rose from 300 to 400 members");
  ASSERT_EQ(moved.size(), 2u);  // a change, not a range
}

TEST(Figures, KindsAndUnits) {
  expect_fig(one("a drive of 280 kilometers"), "280 kilometers", FigureKind::distance, 280, 280, 280, "kilometers");
  expect_fig(one("only 12 miles away"), "12 miles", FigureKind::distance, 12, 12, 12, "miles");
  expect_fig(one("a 5km loop"), "5km", FigureKind::distance, 5, 5, 5, "km");
  expect_fig(one("flying at 30,000 feet"), "30,000 feet", FigureKind::distance, 30000, 30000, 30000, "feet");
  expect_fig(one("after nine months"), "nine months", FigureKind::duration, 9, 9, 9, "months");
  expect_fig(one("a seven-day truce"), "seven-day", FigureKind::duration, 7, 7, 7, "days");
  expect_fig(one("a 7-year-old girl"), "7-year", FigureKind::duration, 7, 7, 7, "years");
  expect_fig(one("it cost $250 in all"), "$250", FigureKind::money, 250, 250, 250, "USD");
  expect_fig(one("the second-largest port"), "second-largest", FigureKind::ordinal, 2, 2, 2);
  expect_fig(one("her third attempt"), "third", FigureKind::ordinal, 3, 3, 3);
  expect_fig(one("on the 21st floor"), "21st", FigureKind::ordinal, 21, 21, 21);
  expect_fig(one("the first ferry"), "first", FigureKind::ordinal, 1, 1, 1);
}

TEST(Figures, YearsAreNotCounts) {
  expect_fig(one("The mill closed in 2012."), "2012", FigureKind::year, 2012, 2012, 2012);
  expect_fig(one("The vote drew 2,012 people."), "2,012", FigureKind::count, 2012, 2012, 2012, "people");
  expect_fig(one("by mid-2015"), "2015", FigureKind::year, 2015, 2015, 2015);
  Figure d = one("music of the 1980s");
  EXPECT_EQ(d.kind, FigureKind::year);
  EXPECT_DOUBLE_EQ(d.low, 1980);
  EXPECT_DOUBLE_EQ(d.high, 1989);
  EXPECT_EQ(one("In 2012 rebels gained ground").kind, FigureKind::year);
}

TEST(Figures, Dates) {
  Figure d = one("The bridge opened on March 3, 2019.");
  EXPECT_EQ(d.text, "March 3, 2019");
  EXPECT_EQ(d.kind, FigureKind::date);
  EXPECT_EQ(d.iso, "2019-03-03");
  EXPECT_DOUBLE_EQ(d.value, static_cast<double>(days_from_civil(2019, 3, 3)));
  EXPECT_DOUBLE_EQ(d.low, d.high);
  EXPECT_EQ(one("due on Jan. 20 at the latest").iso, "--01-20");
  EXPECT_EQ(one("due on Jan. 20 at the latest").text, "Jan. 20");
  Figure m = one("since February of 2021");
  EXPECT_EQ(m.text, "February of 2021");
  EXPECT_EQ(m.iso, "2021-02");
  EXPECT_DOUBLE_EQ(m.low, static_cast<double>(days_from_civil(2021, 2, 1)));
  EXPECT_DOUBLE_EQ(m.high, static_cast<double>(days_from_civil(2021, 2, 28)));
  EXPECT_EQ(one("in July 2014 the dam").iso, "2014-07");
  Figure mid = one("planned for mid-October");
  EXPECT_EQ(mid.text, "October");
  EXPECT_EQ(mid.iso, "--10");
  EXPECT_TRUE(std::isnan(mid.value));
  EXPECT_EQ(one("the fair opens 14 August 2022").iso, "2022-08-14");
  EXPECT_EQ(one("Updated Tue March 8, 2022 by staff").text, "Tue March 8, 2022");
  EXPECT_EQ(one("stamped 2018-06-30 in ink").iso, "2018-06-30");
  EXPECT_EQ(one("They met this past May.").iso, "--05");
  EXPECT_TRUE(figs("You may go. May we?").empty());
  EXPECT_TRUE(figs("June Carter sang; March on, said April.").empty());
  EXPECT_EQ(one("the end of July").iso, "--07");
  EXPECT_EQ(one("filed 12/05/2020 late").iso, "2020-12-05");
  EXPECT_EQ(one("filed 25/12/2020 late").iso, "2020-12-25");
  EXPECT_TRUE(figs("Troops march on Monday and left last week.").empty());
}

TEST(Figures, Times) {
  Figure t = one("Posted 11:33 PM EST today");
  EXPECT_EQ(t.text, "11:33 PM");
  EXPECT_EQ(t.kind, FigureKind::time);
  EXPECT_EQ(t.iso, "23:33");
  EXPECT_EQ(t.unit, "EST");
  EXPECT_DOUBLE_EQ(t.value, 23 * 3600 + 33 * 60);
  Figure len = one("Watch now 02:56 a short clip");
  EXPECT_EQ(len.iso, "");
  EXPECT_DOUBLE_EQ(len.value, 176);
  EXPECT_EQ(one("the market opens at 9 a.m. sharp").iso, "09:00");
  EXPECT_EQ(one("closing at 6pm").iso, "18:00");
}

TEST(Figures, CurrenciesAndOtherNewsForms) {
  expect_fig(one("the bloc pledged \xE2\x82\xAC" "20m more"), "\xE2\x82\xAC" "20m", FigureKind::money, 2e7, 2e7, 2e7, "EUR");
  expect_fig(one("London added \xC2\xA3" "1.5bn"), "\xC2\xA3" "1.5bn", FigureKind::money, 1.5e9, 1.5e9, 1.5e9, "GBP");
  expect_fig(one("and 5 million dollars in aid"), "5 million dollars", FigureKind::money, 5e6, 5e6, 5e6, "USD");
  expect_fig(one("a 10-minute walk"), "10-minute", FigureKind::duration, 10, 10, 10, "minutes");
  expect_fig(one("a 10,000-strong force"), "10,000", FigureKind::count, 10000, 10000, 10000);
  expect_fig(one("at least 23 people"), "23", FigureKind::count, 23, 23, k_inf, "people", "at least");
  expect_fig(one("men aged 18 to 25"), "18 to 25", FigureKind::count, 18, 18, 25);
  EXPECT_EQ(one("Resolution 2254 passed").kind, FigureKind::count);  // past any year we read
  EXPECT_EQ(one("by 3 a.m. today").iso, "03:00");
}

TEST(Figures, MarkupAroundANumber) {
  std::string_view s = "officials said [700,000](#) Russian personnel served";
  Figure f = one(s);
  EXPECT_EQ(f.text, "700,000");
  EXPECT_EQ(f.start, s.find("700"));
  EXPECT_EQ(f.unit, "personnel");
}

TEST(Figures, NotFigures) {
  EXPECT_TRUE(figs("One of them said one word to one reporter.").empty());
  EXPECT_TRUE(figs("A T-90 tank on the M5 road").empty());
  EXPECT_TRUE(figs("photo_00012013.jpg and clip pkg_00025710.jpg").empty());
  EXPECT_TRUE(figs("first responders arrived; Firstly, once again").empty());
  EXPECT_TRUE(figs("a half-victory and a two-pronged attack").empty());
  EXPECT_TRUE(figs("yesterday, last week, on Monday, in recent weeks, the largest city").empty());
  EXPECT_TRUE(figs("see https://example.org/2016/12/report-4 or www.example.com/page/7 now").empty());
  EXPECT_TRUE(figs("release 2.3.1 of the tool, COVID-19 and the G20").empty());
  EXPECT_EQ(one("one year later").text, "one year");
}

TEST(Figures, SpansAreOrderedAndDisjoint) {
  auto f = figs("On May 4, 2020, about 3,000 of 12,000 workers, two-thirds of them, struck for 6 days.");
  ASSERT_EQ(f.size(), 5u);
  for (std::size_t i = 1; i < f.size(); ++i) EXPECT_LE(f[i - 1].end, f[i].start);
}

TEST(FigureValue, ParsesOneFigureOrARange) {
  auto v = parse_figure_value("250,000");
  ASSERT_TRUE(v);
  EXPECT_DOUBLE_EQ(v->value, 250000);
  EXPECT_DOUBLE_EQ(parse_figure_value("4.7 million")->value, 4.7e6);
  auto vague = parse_figure_value("tens of thousands");
  ASSERT_TRUE(vague);
  EXPECT_DOUBLE_EQ(vague->low, 20000);
  EXPECT_DOUBLE_EQ(vague->high, 99999);
  auto about = parse_figure_value(" about 60% ");
  ASSERT_TRUE(about);
  EXPECT_EQ(about->kind, FigureKind::percent);
  EXPECT_EQ(about->approx, "about");
  auto r = parse_figure_value("200,000..300,000");
  ASSERT_TRUE(r);
  EXPECT_DOUBLE_EQ(r->low, 200000);
  EXPECT_DOUBLE_EQ(r->high, 300000);
  EXPECT_TRUE(r->vague);
  auto open = parse_figure_value("..2011");
  ASSERT_TRUE(open);
  EXPECT_EQ(open->low, -k_inf);
  EXPECT_DOUBLE_EQ(open->high, 2011);
  EXPECT_EQ(parse_figure_value("2012")->kind, FigureKind::count);
  EXPECT_DOUBLE_EQ(parse_figure_value("one")->value, 1);
  EXPECT_EQ(parse_figure_value("250,000 people")->unit, "people");
  EXPECT_FALSE(parse_figure_value("opposition"));
  EXPECT_FALSE(parse_figure_value("government forces"));
  EXPECT_FALSE(parse_figure_value("5 and 6 and 7"));
  EXPECT_FALSE(parse_figure_value("300..200"));
  EXPECT_FALSE(parse_figure_value(""));
}

TEST(FigureValue, RoundingInterval) {
  auto r = rounding_interval(*parse_figure_value("250,000"));
  EXPECT_DOUBLE_EQ(r.low, 245000);
  EXPECT_DOUBLE_EQ(r.high, 255000);
  r = rounding_interval(*parse_figure_value("about 250,000"));
  EXPECT_DOUBLE_EQ(r.low, 220500);
  EXPECT_DOUBLE_EQ(r.high, 280500);
  r = rounding_interval(*parse_figure_value("4.7 million"));
  EXPECT_DOUBLE_EQ(r.low, 4650000);
  EXPECT_DOUBLE_EQ(r.high, 4750000);
  r = rounding_interval(*parse_figure_value("tens of thousands"));
  EXPECT_DOUBLE_EQ(r.low, 20000);
  EXPECT_DOUBLE_EQ(r.high, 99999);
  r = rounding_interval(*parse_figure_value("more than 16,000"));
  EXPECT_DOUBLE_EQ(r.low, 15500);
  EXPECT_EQ(r.high, k_inf);
}

TEST(FigureValue, KindNamesRoundTrip) {
  for (int i = 0; i < 10; ++i) {
    auto k = static_cast<FigureKind>(i);
    EXPECT_EQ(figure_kind_from_name(figure_kind_name(k)), k);
  }
  EXPECT_FALSE(figure_kind_from_name("weight"));
}

TEST(FigureValue, DateDays) {
  auto y = date_days(one("in 2016"));
  ASSERT_TRUE(y);
  EXPECT_DOUBLE_EQ(y->low, static_cast<double>(days_from_civil(2016, 1, 1)));
  EXPECT_DOUBLE_EQ(y->high, static_cast<double>(days_from_civil(2016, 12, 31)));
  Figure sept = one("in September");
  EXPECT_FALSE(date_days(sept));
  auto s = date_days(sept, 2016);
  ASSERT_TRUE(s);
  EXPECT_DOUBLE_EQ(s->low, static_cast<double>(days_from_civil(2016, 9, 1)));
  EXPECT_DOUBLE_EQ(s->high, static_cast<double>(days_from_civil(2016, 9, 30)));
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
  EXPECT_FALSE(date_days(one("five boats")));
}

}  // namespace
}  // namespace provcheck::core
