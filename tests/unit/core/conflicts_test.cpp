#include "core/conflicts.h"

#include <gtest/gtest.h>

#include <deque>
#include <map>

namespace provcheck::core {
namespace {

// Claims live in a deque so that ClaimFacts can point at them.
struct Fixture {
  std::deque<Claim> claims;
  std::vector<ClaimFacts> facts;
  Settings settings;

  Claim& add(const std::string& id, const std::string& quote, const char* subject, const char* metric,
             const char* value, const char* as_of, const std::string& published = "2016-12-07") {
    Claim c;
    c.id = id;
    c.file = "claims/t.json";
    c.line = static_cast<int>(claims.size()) + 1;
    if (subject) c.assertion.subject = subject;
    if (metric) c.assertion.metric = metric;
    if (value) c.assertion.value = value;
    if (as_of) c.assertion.as_of = as_of;
    Citation ct;
    ct.source = "src-" + id;
    ct.quote = quote;
    c.citations.push_back(ct);
    claims.push_back(c);
    facts.push_back({&claims.back(), published, CitationStatus::intact});
    return claims.back();
  }
  ConflictResult judge() {
    auto r = judge_conflicts(facts, settings);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message());
    return r.ok() ? std::move(r).value() : ConflictResult();
  }
};

}  // namespace

TEST(Conflicts, FigureConflictAtTheSameTime) {
  Fixture f;
  f.add("a", "some 250,000 people remain", "East Aleppo", "population", "250,000", "2016-12-13");
  f.add("b", "100,000 people remain", "East Aleppo", "population", "100,000", "2016-12-13");
  ConflictResult r = f.judge();
  ASSERT_EQ(r.conflicts.size(), 1u);
  const ConflictFinding& c = r.conflicts[0];
  EXPECT_EQ(c.kind, ConflictKind::figure_conflict);
  EXPECT_EQ(c.claims, (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(c.sides.size(), 2u);
  EXPECT_EQ(c.sides[1].as_of, "2016-12-13");
  for (const char* part : {"a (src-a)", "b (src-b)", "250,000", "100,000", "2016-12-13"}) {
    EXPECT_NE(c.message.find(part), std::string::npos) << part << " in " << c.message;
  }
  ASSERT_EQ(r.groups.size(), 1u);
  EXPECT_EQ(r.groups[0].rows.size(), 2u);
}

TEST(Conflicts, DifferentTimesOrScopesAreOnlyRelated) {
  Fixture f;
  f.add("early", "an estimated 320,000 people", "East Aleppo", "population", "320,000", "2016-02");
  f.add("late", "250,000 people", "East Aleppo", "population", "250,000", "2016-12");
  f.add("trapped", "100,000 civilians trapped", "East Aleppo", "trapped civilians", "100,000", "2016-12");
  f.add("west", "1,500,000 people", "West Aleppo", "population", "1,500,000", "2016-12");
  ConflictResult r = f.judge();
  EXPECT_TRUE(r.conflicts.empty());
  ASSERT_EQ(r.groups.size(), 3u);
  EXPECT_EQ(r.groups[0].metric, "population");
  ASSERT_EQ(r.groups[0].rows.size(), 2u);
  EXPECT_EQ(r.groups[0].rows[0].claim, "early");  // ordered by time
  EXPECT_EQ(r.groups[0].rows[1].claim, "late");
}

TEST(Conflicts, StatusConflictAndAgreement) {
  Fixture f;
  f.add("opp", "Opposition fighters took Hama", "Hama", "control", "opposition", "2024-12-05");
  f.add("gov", "Hama stays with the government", "Hama", "control", "government", "2024-12");
  f.add("opp2", "Hama fell to the opposition", "hama", "Control", "Opposition", "2024-12-05");
  f.add("old", "Hama was in government hands", "Hama", "control", "government", "2016-12");
  ConflictResult r = f.judge();
  ASSERT_EQ(r.conflicts.size(), 2u);
  // A month against a day inside it: control may have changed within the month.
  for (const ConflictFinding& c : r.conflicts) EXPECT_EQ(c.kind, ConflictKind::possible_conflict);
  EXPECT_EQ(r.conflicts[0].claims, (std::vector<std::string>{"gov", "opp"}));
  EXPECT_EQ(r.conflicts[1].claims, (std::vector<std::string>{"gov", "opp2"}));
}

TEST(Conflicts, AsOfDefaultsToThePublishedDate) {
  Fixture f;
  f.add("a", "250,000 people", "East Aleppo", "population", "250,000", nullptr, "2016-12-07");
  f.add("b", "100,000 people", "East Aleppo", "population", "100,000", nullptr, "2016-02-08");
  f.add("c", "90,000 people", "East Aleppo", "population", "90,000", nullptr, "2016-12-07T09:00:00Z");
  ConflictResult r = f.judge();
  ASSERT_EQ(r.conflicts.size(), 1u);
  EXPECT_EQ(r.conflicts[0].claims, (std::vector<std::string>{"a", "c"}));
  EXPECT_TRUE(r.conflicts[0].sides[0].as_of_assumed);
  EXPECT_NE(r.conflicts[0].message.find("published"), std::string::npos);
}

TEST(Conflicts, AliasesMakeTwoNamesOne) {
  Fixture f;
  f.add("a", "250,000 people", "East Aleppo", "population", "250,000", "2016-12");
  f.add("b", "100,000 residents", "eastern Aleppo", "residents", "100,000", "2016-12");
  EXPECT_TRUE(f.judge().conflicts.empty());
  f.settings.subject_aliases["eastern aleppo"] = "East Aleppo";
  f.settings.metric_aliases["residents"] = "population";
  ConflictResult r = f.judge();
  ASSERT_EQ(r.conflicts.size(), 1u);
  EXPECT_EQ(r.conflicts[0].subject, "East Aleppo");
  EXPECT_EQ(r.conflicts[0].metric, "population");
  f.settings.conflict_severity[ConflictKind::figure_conflict] = Severity::warning;
  EXPECT_EQ(f.judge().conflicts[0].severity, Severity::warning);
}

TEST(Conflicts, ClaimQuoteMismatch) {
  Fixture f;
  f.add("ok", "the U.N. puts it at 4.7 million", "Refugees", "count", "4,700,000", "2024-12");
  f.add("about", "about 250,000 people", "X", "population", "250,000", "2016-12");
  f.add("bad", "about 250,000 people", "Y", "population", "320,000", "2016-12");
  f.add("none", "the city is quiet", nullptr, nullptr, "5,000", nullptr);
  f.add("word", "rebels hold the east", "East", "control", "opposition", "2016-12");
  ConflictResult r = f.judge();
  ASSERT_EQ(r.conflicts.size(), 2u);
  EXPECT_EQ(r.conflicts[0].kind, ConflictKind::claim_quote_mismatch);
  EXPECT_EQ(r.conflicts[0].claims, (std::vector<std::string>{"bad"}));
  EXPECT_NE(r.conflicts[0].message.find("about 250,000"), std::string::npos) << r.conflicts[0].message;
  EXPECT_EQ(r.conflicts[1].claims, (std::vector<std::string>{"none"}));
  EXPECT_NE(r.conflicts[1].message.find("no figure"), std::string::npos);
}

TEST(Conflicts, BadAssertionNamesFileLineAndField) {
  Fixture f;
  f.add("a", "x", "S", "m", "250,000", "2016-13");
  auto r = judge_conflicts(f.facts, f.settings);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), util::ErrorKind::invalid_input);
  EXPECT_NE(r.error().message().find("claims/t.json:1: claim 'a': assertion.as_of"), std::string::npos)
      << r.error().message();
}

}  // namespace provcheck::core

namespace provcheck::core {

TEST(Conflicts, SharesAndBoundsAcrossForms) {
  Fixture f;
  f.add("quarters", "held three-quarters of the east", "East", "share held", "three-quarters", "2016-12");
  f.add("percent", "held 75% of the east", "East", "share held", "75%", "2016-12");
  f.add("sixty", "held 60% of the east", "East", "share held", "60%", "2016-12");
  f.add("more", "more than 100,000 people", "Camp", "population", "more than 100,000", "2020");
  f.add("fewer", "90,000 people", "Camp", "population", "90,000", "2020-06");
  f.add("people", "120,000 people", "Camp", "population", "120,000", "2020-06");
  f.add("km", "some 280 kilometers", "Road", "length", "280", "2020");
  f.claims.back().assertion.unit = "km";
  f.add("miles", "about 100 miles", "Road", "length", "100", "2020");
  f.claims.back().assertion.unit = "miles";
  f.add("word", "the road is closed", "Road", "length", "closed", "2020");
  ConflictResult r = f.judge();
  std::vector<std::vector<std::string>> pairs;
  for (const ConflictFinding& c : r.conflicts) {
    if (c.kind != ConflictKind::claim_quote_mismatch) pairs.push_back(c.claims);
  }
  // 60% meets neither 75% nor three-quarters (55..65 against 75); 75% = three-quarters;
  // more than 100,000 excludes 90,000 but holds 120,000, and 90,000 and 120,000 of one month differ;
  // km and miles, a figure and a word: not comparable.
  EXPECT_EQ(pairs, (std::vector<std::vector<std::string>>{
                       {"fewer", "more"}, {"fewer", "people"}, {"percent", "sixty"}, {"quarters", "sixty"}}));
}

}  // namespace provcheck::core

namespace provcheck::core {

// Issue 13, point 3: a percent, a share and a fraction written in any form
// state one quantity; only a real difference is a mismatch or a conflict.
TEST(Conflicts, PercentShareAndFractionFormsAgree) {
  Fixture f;
  Claim& a = f.add("a", "almost 60% of the population fled", "Town", "fled", "60", "2016-12");
  a.assertion.unit = "percent";
  a.assertion.approx = "almost";
  Claim& b = f.add("b", "three-quarters of the homes were hit", "Town", "homes hit", "0.75", "2016-12");
  b.assertion.unit = "fraction";
  Claim& c = f.add("c", "75 per cent of the homes were hit", "Town", "homes hit", "75", "2016-12");
  c.assertion.unit = "%";
  Claim& d = f.add("d", "a third of the town voted", "Town", "voted", "33", "2016-12");
  d.assertion.unit = "pct";
  Claim& e = f.add("e", "the share was 0.75", "Town", "homes hit", "75%", "2016-12");
  (void)e;
  Claim& g = f.add("g", "turnout rose 5 percentage points", "Town", "turnout rise", "5", "2016-12");
  g.assertion.unit = "percentage points";
  ConflictResult r = f.judge();
  for (const ConflictFinding& x : r.conflicts) ADD_FAILURE() << x.message;
}

TEST(Conflicts, RealShareMismatchStillFires) {
  Fixture f;
  Claim& a = f.add("a", "almost 60% of the population fled", "Town", "fled", "70", "2016-12");
  a.assertion.unit = "percent";
  Claim& b = f.add("b", "three-quarters of the homes were hit", "Town", "homes hit", "0.6", "2016-12");
  b.assertion.unit = "share";
  Claim& c = f.add("c", "75% of the homes were hit", "Town", "homes hit", "75", "2016-12");
  c.assertion.unit = "percent";
  ConflictResult r = f.judge();
  std::vector<std::pair<ConflictKind, std::vector<std::string>>> got;
  for (const ConflictFinding& x : r.conflicts) got.push_back({x.kind, x.claims});
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0], std::make_pair(ConflictKind::claim_quote_mismatch, std::vector<std::string>{"a"}));
  EXPECT_EQ(got[1], std::make_pair(ConflictKind::claim_quote_mismatch, std::vector<std::string>{"b"}));
  EXPECT_EQ(got[2], std::make_pair(ConflictKind::figure_conflict, std::vector<std::string>{"b", "c"}));
}

}  // namespace provcheck::core

namespace provcheck::core {

TEST(Conflicts, QualifierWrittenInTheValueKeepsTheClaimsUnit) {
  Fixture f;
  Claim& a = f.add("a", "almost 60% of the population fled", "Town", "fled", "almost 60", "2016-12");
  a.assertion.unit = "percent";
  ConflictResult r = f.judge();
  for (const ConflictFinding& x : r.conflicts) ADD_FAILURE() << x.message;
}

}  // namespace provcheck::core

namespace provcheck::core {

TEST(Conflicts, AssumedAsOfFollowsTheSidecarsPublishedDate) {
  Fixture f;
  f.add("a", "250,000 people remain", "East Aleppo", "population", "250,000", "2016-12-07");
  Claim& b = f.add("b", "100,000 people remain", "East Aleppo", "population", "100,000", "2016-12-07", "2017-01-05");
  b.assertion.as_of_assumed = true;  // pinned when the sidecar said 2016-12-07; corrected since
  ConflictResult r = f.judge();
  EXPECT_TRUE(r.conflicts.empty()) << r.conflicts.front().message;
  ASSERT_EQ(r.groups.size(), 1u);
  ASSERT_EQ(r.groups[0].rows.size(), 2u);
  const AssertionRow& row = r.groups[0].rows[1];
  EXPECT_EQ(row.claim, "b");
  EXPECT_EQ(row.as_of, "2017-01-05");
  EXPECT_TRUE(row.as_of_assumed);
  EXPECT_FALSE(r.groups[0].rows[0].as_of_assumed);  // a stated as-of stays the claim's own

  // Back to the date it was pinned with: the two meet again.
  f.facts[1].published = "2016-12-07";
  r = f.judge();
  ASSERT_EQ(r.conflicts.size(), 1u);
  EXPECT_NE(r.conflicts[0].message.find("as of 2016-12-07 (published)"), std::string::npos) << r.conflicts[0].message;
}

TEST(Conflicts, AssumedAsOfKeepsItsDateWhenTheSidecarHasNone) {
  Fixture f;
  Claim& a = f.add("a", "250,000 people remain", "East Aleppo", "population", "250,000", "2016-12-07", "");
  a.assertion.as_of_assumed = true;
  ConflictResult r = f.judge();
  ASSERT_EQ(r.groups.size(), 1u);
  EXPECT_EQ(r.groups[0].rows[0].as_of, "2016-12-07");
  EXPECT_TRUE(r.groups[0].rows[0].as_of_assumed);
}

}  // namespace provcheck::core

namespace provcheck::core {

TEST(Conflicts, ACoarserAsOfThatHoldsTheOtherIsAPossibleConflict) {
  Fixture f;
  f.add("month", "the east was back under government control", "East Aleppo", "control", "government", "2016-12");
  f.add("day", "the rebel-held east of Aleppo", "East Aleppo", "control", "opposition", "2016-12-07");
  f.add("same-day", "government troops held the east", "East Aleppo", "control", "government", "2016-12-07");
  f.add("span", "rebels held the east from 2012", "East Aleppo", "control", "opposition", "2012-07/2016-11");
  f.add("pop-year", "320,000 people", "East Aleppo", "population", "320,000", "2016");
  f.add("pop-month", "250,000 people", "East Aleppo", "population", "250,000", "2016-12");
  f.add("pop-across", "100,000 people", "East Aleppo", "population", "100,000", "2016-12-15/2017-01-15");
  ConflictResult r = f.judge();
  std::map<std::vector<std::string>, ConflictKind> kinds;
  std::string seen;
  for (const ConflictFinding& c : r.conflicts) {
    if (c.kind != ConflictKind::claim_quote_mismatch) kinds[c.claims] = c.kind;
    seen += std::string(conflict_kind_name(c.kind)) + " " + c.claims.front() + "," + c.claims.back() + "; ";
  }
  SCOPED_TRACE(seen);
  // Month against a day in it: possible. The same day: a real conflict.
  EXPECT_EQ((kinds.count({"day", "month"}) ? kinds[{"day", "month"}] : ConflictKind::claim_quote_mismatch), ConflictKind::possible_conflict);
  EXPECT_EQ((kinds.count({"day", "same-day"}) ? kinds[{"day", "same-day"}] : ConflictKind::claim_quote_mismatch), ConflictKind::status_conflict);
  EXPECT_EQ(kinds.count({"month", "span"}), 0u);  // 2012-07/2016-11 ends before December
  // Figures likewise: a year holds a month; overlapping spans where neither
  // holds the other stay a figure_conflict.
  EXPECT_EQ((kinds.count({"pop-month", "pop-year"}) ? kinds[{"pop-month", "pop-year"}] : ConflictKind::claim_quote_mismatch), ConflictKind::possible_conflict);
  EXPECT_EQ((kinds.count({"pop-across", "pop-month"}) ? kinds[{"pop-across", "pop-month"}] : ConflictKind::claim_quote_mismatch), ConflictKind::figure_conflict);
  EXPECT_EQ((kinds.count({"pop-across", "pop-year"}) ? kinds[{"pop-across", "pop-year"}] : ConflictKind::claim_quote_mismatch), ConflictKind::figure_conflict);
  for (const ConflictFinding& c : r.conflicts) {
    if (c.kind != ConflictKind::possible_conflict) continue;
    EXPECT_EQ(c.severity, Severity::warning);
    EXPECT_NE(c.message.find("lies within"), std::string::npos) << c.message;
  }
  const ConflictFinding* dm = nullptr;
  for (const ConflictFinding& c : r.conflicts) {
    if (c.claims == std::vector<std::string>{"day", "month"}) dm = &c;
  }
  ASSERT_NE(dm, nullptr);
  EXPECT_NE(dm->message.find("2016-12-07 lies within 2016-12"), std::string::npos) << dm->message;
  EXPECT_NE(dm->message.find("give month a narrower as-of"), std::string::npos) << dm->message;

  f.settings.conflict_severity[ConflictKind::possible_conflict] = Severity::error;  // provcheck.json may raise it
  r = f.judge();
  for (const ConflictFinding& c : r.conflicts) {
    if (c.kind == ConflictKind::possible_conflict) {
      EXPECT_EQ(c.severity, Severity::error);
    }
  }
}

}  // namespace provcheck::core
