// The figure reader on forms outside plain news prose (issue 13): each form
// must be ONE figure with the right value and kind, and the look-alikes on
// the other side of each boundary (dates, scores, idioms, names, versions,
// telephone numbers) keep their meaning.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/assertion.h"
#include "core/figures.h"

namespace provcheck::core {
namespace {

// The one figure in `text`; fails the test when there is not exactly one.
Figure one(std::string_view text) {
  std::vector<Figure> f = extract_figures(text);
  EXPECT_EQ(f.size(), 1u) << text;
  return f.empty() ? Figure{} : f.front();
}

void expect_one(std::string_view sentence, std::string_view text, FigureKind kind, double value,
                std::string_view unit = "") {
  Figure f = one(sentence);
  EXPECT_EQ(f.text, text) << sentence;
  EXPECT_STREQ(figure_kind_name(f.kind), figure_kind_name(kind)) << sentence;
  EXPECT_NEAR(f.value, value, std::fabs(value) * 1e-9 + 1e-12) << sentence;
  if (!unit.empty()) {
    EXPECT_EQ(f.unit, unit) << sentence;
  }
}

// The value a claim's --value gives, through the same reader.
double claim_value(std::string_view v) {
  auto f = parse_figure_value(v);
  EXPECT_TRUE(f.has_value()) << v;
  return f ? f->value : std::nan("");
}

TEST(FigureForms, Negatives) {
  expect_one("The index closed at -4 on Friday.", "-4", FigureKind::count, -4);
  expect_one("The index closed at \xE2\x88\x92" "4 on Friday.", "\xE2\x88\x92" "4", FigureKind::count, -4);
  expect_one("It was minus 5 overnight.", "minus 5", FigureKind::count, -5);
  expect_one("It was minus five point five overnight.", "minus five point five", FigureKind::count, -5.5);
  expect_one("The slope was -4/5 here.", "-4/5", FigureKind::fraction, -0.8);
  expect_one("Growth was minus five percent.", "minus five percent", FigureKind::percent, -5, "percent");
  expect_one("Growth was -2.5% last year.", "-2.5%", FigureKind::percent, -2.5, "percent");
  Figure f = one("(-12 points)");
  EXPECT_DOUBLE_EQ(f.low, -12);
  EXPECT_DOUBLE_EQ(f.high, -12);
  EXPECT_DOUBLE_EQ(claim_value("-4"), -4);
  EXPECT_DOUBLE_EQ(claim_value("minus 5"), -5);
}

TEST(FigureForms, HyphensThatAreNoSign) {
  // a range, a score, a name, arithmetic: no negative number
  auto r = extract_figures("It lasted 3-4 days.");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_DOUBLE_EQ(r[0].low, 3);
  EXPECT_DOUBLE_EQ(r[0].high, 4);
  for (const Figure& g : extract_figures("They won 3-1 at home.")) EXPECT_GE(g.value, 0) << g.text;
  for (const Figure& g : extract_figures("An F-16 and a T-90 were seen.")) EXPECT_GE(g.value, 0) << g.text;
  for (const Figure& g : extract_figures("Ten minus 3 is seven.")) EXPECT_GE(g.value, 0) << g.text;
  for (const Figure& g : extract_figures("between 10 - 20 people")) EXPECT_GE(g.value, 0) << g.text;
}

TEST(FigureForms, LeadingDecimalPoint) {
  expect_one("a rate of .08 was set", ".08", FigureKind::count, 0.08);
  expect_one("a rate of .23456 was set", ".23456", FigureKind::count, 0.23456);
  expect_one("it costs $.50 now", "$.50", FigureKind::money, 0.5, "USD");
  expect_one("a .22 rifle", ".22", FigureKind::count, 0.22);
  Figure f = one("a rate of .08 was set");
  EXPECT_DOUBLE_EQ(f.step, 0.01);
  EXPECT_DOUBLE_EQ(claim_value(".08"), 0.08);
  // a version or an address keeps no figure; "No.5" is a name
  EXPECT_TRUE(extract_figures("version 2.3.1 shipped").empty());
  for (const Figure& g : extract_figures("file report.08 was read")) EXPECT_NE(g.value, 0.08);
}

TEST(FigureForms, SlashFractionsAndMixedNumbers) {
  expect_one("Nearly 3/4 of voters agreed.", "3/4", FigureKind::fraction, 0.75);
  expect_one("a walk of 2 1/4 miles", "2 1/4 miles", FigureKind::distance, 2.25, "miles");
  expect_one("1/3 of the budget", "1/3", FigureKind::fraction, 1.0 / 3);
  expect_one("add 5/8 of a cup", "5/8", FigureKind::fraction, 0.625);
  expect_one("It dropped by 3/7 of its value.", "3/7", FigureKind::fraction, 3.0 / 7);
  EXPECT_DOUBLE_EQ(claim_value("3/4"), 0.75);
  EXPECT_DOUBLE_EQ(claim_value("2 1/4"), 2.25);
}

TEST(FigureForms, SlashesThatAreNoFraction) {
  EXPECT_TRUE(extract_figures("the attacks of 9/11 changed that").empty());
  EXPECT_TRUE(extract_figures("the shop is open 24/7 now").empty());
  EXPECT_TRUE(extract_figures("a 50/50 split").empty());
  Figure d = one("It was signed on 12/05/2016 in Paris.");
  EXPECT_EQ(d.kind, FigureKind::date);
  EXPECT_EQ(d.iso, "2016-12-05");
  Figure m = one("It was signed on 12/5 in Paris.");
  EXPECT_EQ(m.kind, FigureKind::date);
  EXPECT_EQ(m.iso, "--12-05");
  EXPECT_TRUE(std::isnan(m.value));
  EXPECT_TRUE(extract_figures("see https://example.org/1/4/x").empty());
}

TEST(FigureForms, FractionsWithArticleOrWholePart) {
  expect_one("A fifth came back.", "A fifth", FigureKind::fraction, 0.2);
  expect_one("Only a fifth of them stayed.", "a fifth", FigureKind::fraction, 0.2);
  expect_one("It rose by a third.", "a third", FigureKind::fraction, 1.0 / 3);
  expect_one("It fell by a quarter.", "a quarter", FigureKind::fraction, 0.25);
  expect_one("a hundredth of a second", "a hundredth", FigureKind::fraction, 0.01);
  expect_one("one and a fourth cups", "one and a fourth", FigureKind::count, 1.25);
  expect_one("three and a fifth cups", "three and a fifth", FigureKind::count, 3.2);
  expect_one("twenty and three fifths", "twenty and three fifths", FigureKind::count, 20.6);
  expect_one("two and fifty-four hundredths", "two and fifty-four hundredths", FigureKind::count, 2.54);
  expect_one("forty two and a third", "forty two and a third", FigureKind::count, 42 + 1.0 / 3);
  expect_one("seven tenths of the vote", "seven tenths", FigureKind::fraction, 0.7);
  expect_one("three hundredths", "three hundredths", FigureKind::fraction, 0.03);
  expect_one("nine sixteenths", "nine sixteenths", FigureKind::fraction, 9.0 / 16);
  expect_one("eleven twentieths", "eleven twentieths", FigureKind::fraction, 0.55);
  expect_one("two and a half days", "two and a half days", FigureKind::duration, 2.5, "days");
  EXPECT_DOUBLE_EQ(claim_value("a fifth"), 0.2);
  EXPECT_DOUBLE_EQ(claim_value("three-quarters"), 0.75);
}

TEST(FigureForms, OrdinalsAfterAnArticleStayOrdinals) {
  expect_one("He won a third term.", "third", FigureKind::ordinal, 3);
  expect_one("for a fifth straight day", "fifth", FigureKind::ordinal, 5);
  expect_one("the second round", "second", FigureKind::ordinal, 2);
}

TEST(FigureForms, FractionsOfScaleWords) {
  expect_one("half a million people", "half a million", FigureKind::count, 5e5, "people");
  expect_one("half million people", "half million", FigureKind::count, 5e5, "people");
  expect_one("two thirds of a million people", "two thirds of a million", FigureKind::count, 666667, "people");
  expect_one("five and a half million people", "five and a half million", FigureKind::count, 5.5e6, "people");
  expect_one("a quarter of a million people", "a quarter of a million", FigureKind::count, 250000, "people");
  expect_one("a quarter million people", "a quarter million", FigureKind::count, 250000, "people");
  expect_one("three quarters of a billion", "three quarters of a billion", FigureKind::count, 7.5e8);
  EXPECT_DOUBLE_EQ(claim_value("half a million"), 5e5);
}

TEST(FigureForms, Dozens) {
  expect_one("3 dozen eggs", "3 dozen", FigureKind::count, 36);
  expect_one("three dozens eggs", "three dozens", FigureKind::count, 36);
  expect_one("5 doz eggs", "5 doz", FigureKind::count, 60);
  expect_one("a dozen eggs", "a dozen", FigureKind::count, 12);
  expect_one("half a dozen eggs", "half a dozen", FigureKind::count, 6);
  Figure v = one("dozens of people");
  EXPECT_TRUE(v.vague);
  EXPECT_DOUBLE_EQ(v.low, 24);
  EXPECT_DOUBLE_EQ(v.high, 99);
}

TEST(FigureForms, DigitsWithScaleWords) {
  expect_one("3 hundred and 21 votes", "3 hundred and 21", FigureKind::count, 321, "votes");
  expect_one("4 thousand 3 hundred votes", "4 thousand 3 hundred", FigureKind::count, 4300, "votes");
  expect_one("2.33 k votes", "2.33 k", FigureKind::count, 2330, "votes");
  expect_one("a loss of 10 bln", "10 bln", FigureKind::count, 1e10);
  expect_one("a debt of 10 tln", "10 tln", FigureKind::count, 1e13);
  expect_one("1.2 M views", "1.2 M", FigureKind::count, 1.2e6, "views");
  expect_one("$1.2tn in debt", "$1.2tn", FigureKind::money, 1.2e12, "USD");
  auto apart = extract_figures("it cost 3 million and 5 more");  // no "and 5" after a million
  ASSERT_EQ(apart.size(), 2u);
  EXPECT_DOUBLE_EQ(apart[0].value, 3e6);
}

TEST(FigureForms, LowerCaseMIsNoMillion) {
  for (const Figure& g : extract_figures("a 100 m sprint")) EXPECT_DOUBLE_EQ(g.value, 100) << g.text;
}

TEST(FigureForms, ScientificNotation) {
  expect_one("about 1.3x10^6 cells", "1.3x10^6", FigureKind::count, 1.3e6);
  expect_one("a rate of 6.23\xC3\x97" "10^-4 here", "6.23\xC3\x97" "10^-4", FigureKind::count, 6.23e-4);
  expect_one("roughly 12.32e+14 atoms", "12.32e+14", FigureKind::count, 12.32e14);
  expect_one("some 10^6 cells", "10^6", FigureKind::count, 1e6);
  expect_one("a mass of 3.1E-3 kg", "3.1E-3", FigureKind::count, 3.1e-3);
  EXPECT_DOUBLE_EQ(claim_value("1.3x10^6"), 1.3e6);
}

TEST(FigureForms, SpokenDecimals) {
  expect_one("two hundred point zero three", "two hundred point zero three", FigureKind::count, 200.03);
  expect_one("nine point nought four", "nine point nought four", FigureKind::count, 9.04);
  expect_one("zero point zero eight", "zero point zero eight", FigureKind::count, 0.08);
  expect_one("naught point five", "naught point five", FigureKind::count, 0.5);
  expect_one("two point five million people", "two point five million", FigureKind::count, 2.5e6, "people");
  EXPECT_TRUE(extract_figures("it was all for naught").empty());
  EXPECT_TRUE(extract_figures("the point is this").empty());
}

TEST(FigureForms, CompoundOrdinals) {
  expect_one("the twenty-first century", "twenty-first", FigureKind::ordinal, 21);
  expect_one("its one hundred twenty-fifth year", "one hundred twenty-fifth", FigureKind::ordinal, 125);
  expect_one("its one hundred twenty fifth year", "one hundred twenty fifth", FigureKind::ordinal, 125);
  expect_one("a trillionth of a second", "a trillionth", FigureKind::fraction, 1e-12);
  expect_one("the trillionth visitor", "trillionth", FigureKind::ordinal, 1e12);
  expect_one("the two hundredth anniversary", "two hundredth", FigureKind::ordinal, 200);
  expect_one("the thirty-third floor", "thirty-third", FigureKind::ordinal, 33);
  expect_one("the 125th year", "125th", FigureKind::ordinal, 125);
}

TEST(FigureForms, WhatAlreadyWorkedStillWorks) {
  Figure v = one("tens of thousands of people");
  EXPECT_TRUE(v.vague);
  EXPECT_DOUBLE_EQ(v.low, 20000);
  Figure q = one("about 250,000 people");
  EXPECT_EQ(q.approx, "about");
  EXPECT_EQ(one("in 2012 it began").kind, FigureKind::year);
  for (const Figure& g : extract_figures("an F-16 and a Boeing 747"))
    EXPECT_FALSE(g.value == 16 && g.text == "-16") << g.text;
  EXPECT_TRUE(extract_figures("call 555-1234 today").empty());
  EXPECT_TRUE(extract_figures("call 555-123-4567 today").empty());
  Figure r = one("200-1500 people");
  EXPECT_DOUBLE_EQ(r.low, 200);
  EXPECT_DOUBLE_EQ(r.high, 1500);
}

}  // namespace
}  // namespace provcheck::core

namespace provcheck::core {
namespace {

std::vector<std::string> inferred(std::string_view text, std::string_view published) {
  std::vector<Figure> f = extract_figures(text);
  infer_years(f, text, published);
  std::vector<std::string> out;
  for (const Figure& g : f) {
    if (g.kind == FigureKind::date) out.push_back(g.iso + (g.year_inferred ? "*" : ""));
  }
  return out;
}

TEST(FigureYears, NearestYearToThePublishedDate) {
  using V = std::vector<std::string>;
  EXPECT_EQ(inferred("on December 11 it fell", "2016-12-13"), V{"2016-12-11*"});
  EXPECT_EQ(inferred("on December 30 it fell", "2017-01-02T10:00:00Z"), V{"2016-12-30*"});
  EXPECT_EQ(inferred("on January 2 it fell", "2016-12-20"), V{"2017-01-02*"});
  EXPECT_EQ(inferred("in September it fell", "2016-12-13"), V{"2016-09*"});
  EXPECT_EQ(inferred("next January it ends", "2016-12-13"), V{"2017-01*"});
  EXPECT_EQ(inferred("next March it ends", "2016-02-13"), V{"2016-03*"});
  EXPECT_EQ(inferred("last March it began", "2016-12-13"), V{"2016-03*"});
  EXPECT_EQ(inferred("last December it began", "2016-12-13"), V{"2015-12*"});
  EXPECT_EQ(inferred("on 12/5 it fell", "2016-12-13"), V{"2016-12-05*"});
  EXPECT_EQ(inferred("on February 29 it fell", "2017-01-10"), V{"2016-02-29*"});
  EXPECT_EQ(inferred("on December 15, 2014 it fell", "2016-12-13"), V{"2014-12-15"});
  EXPECT_EQ(inferred("on December 11 it fell", ""), V{"--12-11"});
  std::vector<Figure> f = extract_figures("on December 11 it fell");
  infer_years(f, "on December 11 it fell", "2016-12-13");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_DOUBLE_EQ(f[0].value, static_cast<double>(days_from_civil(2016, 12, 11)));
  EXPECT_DOUBLE_EQ(f[0].high, f[0].value);
}

}  // namespace
}  // namespace provcheck::core
