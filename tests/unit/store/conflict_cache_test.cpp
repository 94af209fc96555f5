#include "store/conflict_cache.h"

#include <gtest/gtest.h>

namespace provcheck::store {

TEST(ConflictCache, RoundTrip) {
  ConflictReport r;
  core::AssertionRow a;
  a.claim = "a";
  a.source = "s";
  a.subject = "East Aleppo";
  a.metric = "population";
  a.value = "250,000";
  a.low = 245000;
  a.high = 255000;
  a.as_of = "2016-12";
  a.as_of_assumed = true;
  a.status = "intact";
  core::AssertionRow b = a;
  b.claim = "b";
  b.value = "opposition";
  b.status_value = "opposition";
  b.low.reset();
  b.high.reset();
  core::ConflictFinding c;
  c.kind = core::ConflictKind::status_conflict;
  c.severity = core::Severity::warning;
  c.claims = {"a", "b"};
  c.subject = "East Aleppo";
  c.metric = "population";
  c.message = "they differ";
  c.sides = {a, b};
  r.conflicts.push_back(c);
  r.groups.push_back({"East Aleppo", "population", {a, b}});
  bool damaged = true;
  auto back = unpack_conflict_report(pack_conflict_report(r), damaged);
  ASSERT_TRUE(back);
  EXPECT_FALSE(damaged);
  ASSERT_EQ(back->conflicts.size(), 1u);
  EXPECT_EQ(back->conflicts[0].kind, core::ConflictKind::status_conflict);
  EXPECT_EQ(back->conflicts[0].severity, core::Severity::warning);
  EXPECT_EQ(back->conflicts[0].message, "they differ");
  ASSERT_EQ(back->conflicts[0].sides.size(), 2u);
  EXPECT_EQ(back->conflicts[0].sides[0].low, 245000);
  EXPECT_TRUE(back->conflicts[0].sides[0].as_of_assumed);
  EXPECT_FALSE(back->conflicts[0].sides[1].low);
  ASSERT_EQ(back->groups.size(), 1u);
  EXPECT_EQ(back->groups[0].rows[1].status_value, "opposition");
}

TEST(ConflictCache, DamageAndOtherFormats) {
  std::string blob = pack_conflict_report({});
  bool damaged = false;
  EXPECT_TRUE(unpack_conflict_report(blob, damaged));
  EXPECT_FALSE(unpack_conflict_report(blob.substr(0, blob.size() - 3), damaged));
  EXPECT_TRUE(damaged);
  std::string other = blob;
  other[0] = 9;  // another format: not damage, just not used
  EXPECT_FALSE(unpack_conflict_report(other, damaged));
  EXPECT_FALSE(damaged);
}

}  // namespace provcheck::store
