#include "core/quote.h"

#include <gtest/gtest.h>

#include "util/hash.h"

namespace provcheck::core {

const std::string k_text =
    "The siege tightened in February.\nAid groups said about 320,000 people\nremained in the east.\n"
    "Officials repeated: the road is closed. Later, the road is closed. Finally, the road is closed.\n";

TEST(ResolveQuote, ExactMatchStoresBytesContextAndDigests) {
  auto r = resolve_quote(k_text, "about 320,000 people", std::nullopt, "s", "xxh3-128:00");
  ASSERT_TRUE(r.ok()) << r.error().message();
  const Citation& c = r->citation;
  EXPECT_TRUE(r->exact);
  EXPECT_EQ(k_text.substr(c.start, c.end - c.start), "about 320,000 people");
  EXPECT_EQ(c.quote_hash, util::xxh3_64_digest("about 320,000 people"));
  EXPECT_EQ(c.prefix, "ed in February.\nAid groups said ");  // 32 code points
  EXPECT_EQ(c.suffix, "\nremained in the east.\nOfficials");
  EXPECT_EQ(r->line, 2);
}

TEST(ResolveQuote, QuoteTypedOnOneLineMatchesAcrossHardBreak) {
  auto r = resolve_quote(k_text, "320,000 people remained", std::nullopt, "s", "h");
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_FALSE(r->exact);
  EXPECT_EQ(r->citation.quote, "320,000 people\nremained");
}

TEST(ResolveQuote, RepeatedQuoteNeedsOccurrence) {
  auto r = resolve_quote(k_text, "the road is closed", std::nullopt, "s", "h");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), util::ErrorKind::invalid_input);
  EXPECT_NE(r.error().message().find("occurs 3 times"), std::string::npos);
  EXPECT_NE(r.error().message().find("3) line 4"), std::string::npos);
  auto second = resolve_quote(k_text, "the road is closed", 2, "s", "h");
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->citation.start, k_text.find("the road is closed", k_text.find("the road is closed") + 1));
  EXPECT_FALSE(resolve_quote(k_text, "the road is closed", 4, "s", "h").ok());
}

TEST(ResolveQuote, AbsentQuoteIsNotFoundWithHint) {
  auto r = resolve_quote(k_text, "Aid groups said about 250,000 people", std::nullopt, "s", "h");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), util::ErrorKind::not_found);
  const std::string& m = r.error().message();
  EXPECT_NE(m.find("the closest passage (similarity 0.94, line 2"), std::string::npos) << m;
  EXPECT_NE(m.find("\"Aid groups said about 320,000 people\""), std::string::npos) << m;
  EXPECT_NE(m.find("Aid groups said about [-250,000-]{+320,000+} people"), std::string::npos) << m;
}

// Issue 12 item 8: most of the quote occurs, but not its beginning; the old
// hint looked only at the beginning and said nothing matched.
TEST(ResolveQuote, ClosestPassageWhenTheBeginningDiffers) {
  auto r = resolve_quote(k_text, "NGOs said about 320,000 people remained in the east.", std::nullopt, "s", "h");
  ASSERT_FALSE(r.ok());
  const std::string& m = r.error().message();
  EXPECT_NE(m.find("the closest passage"), std::string::npos) << m;
  EXPECT_NE(m.find("\"groups said about 320,000 people remained in the east.\""), std::string::npos) << m;
  EXPECT_NE(m.find("[-NGOs-]{+groups+} said"), std::string::npos) << m;
  EXPECT_EQ(m.find("nothing close"), std::string::npos) << m;
  auto far = resolve_quote(k_text, "Completely unrelated words about nothing", std::nullopt, "s", "h");
  ASSERT_FALSE(far.ok());
  EXPECT_NE(far.error().message().find("nothing close to it occurs"), std::string::npos) << far.error().message();
}

TEST(ResolveQuote, ClosestQuoteIsOneLineOfTheSourceBytes) {
  EXPECT_EQ(closest_quote(k_text, "said about 330,000 people remained"), "said about 320,000 people remained");
  EXPECT_EQ(closest_quote(k_text, "zzz qqq xxx yyy www"), std::nullopt);
}

TEST(ResolveQuote, EmptyQuoteRefused) {
  auto r = resolve_quote(k_text, " \n ", std::nullopt, "s", "h");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), util::ErrorKind::invalid_input);
}

TEST(ResolveQuote, QuoteAtStartAndEnd) {
  auto a = resolve_quote(k_text, "The siege", std::nullopt, "s", "h");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->citation.start, 0u);
  EXPECT_EQ(a->citation.prefix, "");
  auto b = resolve_quote(k_text, "Finally, the road is closed.\n", std::nullopt, "s", "h");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->citation.end, k_text.size());
  EXPECT_EQ(b->citation.suffix, "");
}

}  // namespace provcheck::core
