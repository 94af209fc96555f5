#include "workspace/claims_file.h"

#include <gtest/gtest.h>

#include "util/hash.h"

namespace provcheck::workspace {

namespace {
core::Claim sample() {
  core::Claim c;
  c.id = "east-aleppo-pop";
  c.text = "About 250,000 people lived in East Aleppo";
  c.assertion.subject = "East Aleppo";
  c.assertion.value = "250,000";
  core::Citation ct;
  ct.source = "un-brief";
  ct.quote = "the U.N. estimates 250,000 people still live";
  ct.start = 10;
  ct.end = 10 + ct.quote.size();
  ct.quote_hash = util::xxh3_64_digest(ct.quote);
  c.citations.push_back(ct);
  return c;
}
}  // namespace

TEST(ClaimsFile, RoundTripWithStableKeyOrderAndLines) {
  ClaimsFile f{"claims/a.json", {sample(), sample()}};
  f.claims[1].id = "second";
  std::string text = render_claims_file(f);
  EXPECT_LT(text.find("\"schema\""), text.find("\"claims\""));
  EXPECT_LT(text.find("\"id\""), text.find("\"text\""));
  auto parsed = parse_claims_file(text, "claims/a.json");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message();
  ASSERT_EQ(parsed->claims.size(), 2u);
  EXPECT_EQ(parsed->claims[0].citations[0].quote, f.claims[0].citations[0].quote);
  EXPECT_EQ(parsed->claims[0].line, 4);
  EXPECT_GT(parsed->claims[1].line, parsed->claims[0].line);
  EXPECT_EQ(render_claims_file(*parsed), text);  // rendering is a fixed point
}

TEST(ClaimsFile, SyntaxErrorNamesLineAndColumn) {
  std::string bad = "{\n  \"schema\": \"provcheck.claims/1\",\n  \"claims\": [\n    {\"id\": \"x\",}\n  ]\n}\n";
  auto r = parse_claims_file(bad, "claims/bad.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), util::ErrorKind::invalid_input);
  EXPECT_NE(r.error().message().find("claims/bad.json:4:"), std::string::npos) << r.error().message();
}

TEST(ClaimsFile, UnknownFieldSuggestsNearest) {
  ClaimsFile f{"claims/a.json", {sample()}};
  std::string text = render_claims_file(f);
  text.replace(text.find("\"text\""), 6, "\"txet\"");
  auto r = parse_claims_file(text, "claims/a.json");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message().find("did you mean \"text\""), std::string::npos) << r.error().message();
  EXPECT_NE(r.error().message().find("claims/a.json:6:"), std::string::npos) << r.error().message();
}

TEST(ClaimsFile, WrongTypeAndHandEditedQuoteAreErrors) {
  ClaimsFile f{"claims/a.json", {sample()}};
  std::string text = render_claims_file(f);
  std::string wrong = text;
  wrong.replace(wrong.find("\"start\": 10"), 11, "\"start\": \"10\"");
  auto r = parse_claims_file(wrong, "claims/a.json");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message().find("must be an integer"), std::string::npos);
  std::string edited = text;
  edited.replace(edited.find("250,000 people still"), 7, "270,000");
  auto e = parse_claims_file(edited, "claims/a.json");
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.error().message().find("quote_hash"), std::string::npos) << e.error().message();
}

TEST(ClaimsFile, DuplicateIdsAcrossFilesNameBothPlaces) {
  core::Claim a = sample();
  a.file = "claims/a.json";
  a.line = 4;
  core::Claim b = sample();
  b.file = "claims/b.json";
  b.line = 9;
  auto st = check_unique_ids({ClaimsFile{"claims/a.json", {a}}, ClaimsFile{"claims/b.json", {b}}});
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.error().message().find("claims/b.json:9"), std::string::npos);
  EXPECT_NE(st.error().message().find("claims/a.json:4"), std::string::npos);
}

TEST(ClaimRequests, JsonLinesErrorsNameTheLine) {
  std::string good = "{\"source\": \"s\", \"quote\": \"q\", \"occurrence\": 2, \"value\": \"250,000\"}\n\n"
                     "{\"source\": \"s\", \"quote\": \"r\", \"id\": \"c2\"}\n";
  auto ok = parse_claim_requests(good, "in.jsonl");
  ASSERT_TRUE(ok.ok()) << ok.error().message();
  ASSERT_EQ(ok->size(), 2u);
  EXPECT_EQ(*(*ok)[0].occurrence, 2);
  EXPECT_EQ((*ok)[1].origin, "in.jsonl:3");
  auto bad = parse_claim_requests(good + "{\"source\": \"s\", \"qoute\": \"x\"}\n", "in.jsonl");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message().find("in.jsonl:4:"), std::string::npos) << bad.error().message();
  EXPECT_NE(bad.error().message().find("did you mean \"quote\""), std::string::npos);
  auto syntax = parse_claim_requests("{\"source\": \"s\", \"quote\": }\n", "in.jsonl");
  ASSERT_FALSE(syntax.ok());
  EXPECT_NE(syntax.error().message().find("in.jsonl:1:"), std::string::npos) << syntax.error().message();
}

}  // namespace provcheck::workspace

#include "workspace/selectors.h"

namespace provcheck::workspace {

TEST(Selectors, ParsesALocateLine) {
  auto r = parse_selector_line(
      R"({"id": 12, "text_file": "a.txt", "exact": "q", "prefix": "p", "suffix": "s", "start": 3, "end": 4})", "in:1");
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_EQ(r->id, "12");
  EXPECT_EQ(r->selector.quote, "q");
  EXPECT_EQ(r->selector.start, 3u);
  auto bad = parse_selector_line(R"({"id": "x", "text_file": "a.txt", "exact": "q", "start": 3, "ned": 4})", "in:7");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message().find("did you mean \"end\""), std::string::npos) << bad.error().message();
  auto no_span = parse_selector_line(R"({"id": "x", "text_file": "a.txt", "exact": "q"})", "in:8");
  ASSERT_FALSE(no_span.ok());
  EXPECT_NE(no_span.error().message().find("in:8"), std::string::npos);
}

}  // namespace provcheck::workspace

#include "workspace/fast_read.h"

namespace provcheck::workspace {

TEST(ClaimsFile, AssumedAsOfRoundTripsInBothReaders) {
  core::Claim c = sample();
  c.assertion.as_of = "2016-12-07";
  c.assertion.as_of_assumed = true;
  ClaimsFile f{"claims/a.json", {c}};
  std::string text = render_claims_file(f);
  EXPECT_NE(text.find("\"as_of_assumed\": true"), std::string::npos) << text;
  EXPECT_LT(text.find("\"as_of\""), text.find("\"as_of_assumed\""));
  auto parsed = parse_claims_file(text, "claims/a.json");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message();
  EXPECT_TRUE(parsed->claims[0].assertion.as_of_assumed);
  auto fast = fast_parse_claims_file(text, "claims/a.json");
  ASSERT_TRUE(fast.has_value());
  EXPECT_TRUE(fast->claims[0].assertion.as_of_assumed);
  EXPECT_EQ(render_claims_file(*parsed), text);

  c.assertion.as_of_assumed = false;  // a stated as-of writes no flag
  EXPECT_EQ(render_claims_file(ClaimsFile{"claims/a.json", {c}}).find("as_of_assumed"), std::string::npos);
}

TEST(ClaimsFile, AssumedAsOfNeedsADateAndABoolean) {
  core::Claim c = sample();
  c.assertion.as_of = "2016-12-07";
  c.assertion.as_of_assumed = true;
  std::string text = render_claims_file(ClaimsFile{"claims/a.json", {c}});
  std::string no_date = text;
  no_date.erase(no_date.find("\"as_of\": \"2016-12-07\","), std::string("\"as_of\": \"2016-12-07\",").size());
  auto r = parse_claims_file(no_date, "claims/a.json");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message().find("there is no \"as_of\""), std::string::npos) << r.error().message();
  EXPECT_FALSE(fast_parse_claims_file(no_date, "claims/a.json").has_value());
  std::string not_bool = text;
  not_bool.replace(not_bool.find("true"), 4, "\"yes\"");
  r = parse_claims_file(not_bool, "claims/a.json");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message().find("must be true or false"), std::string::npos) << r.error().message();
}

}  // namespace provcheck::workspace
