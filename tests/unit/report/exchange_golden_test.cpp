// Golden files of the exchange writers (report/exchange.h): a fixed claim
// with an assertion, a review and tags, two citations of two sources (one
// captured over HTTP with recorded headers, one local with a URL), rendered
// as an AnnotationCollection, JSON Lines, ClaimReview JSON-LD and WARC 1.1,
// compared byte for byte with tests/data/exchange-golden/. UPDATE_GOLDEN=1
// rewrites the files (review the diff before committing it).

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "report/exchange.h"

namespace provcheck::report {
namespace {

std::string golden_path(const std::string& name) {
  return std::string(PROVCHECK_TEST_DATA) + "/exchange-golden/" + name;
}

void expect_golden(const std::string& name, const std::string& actual) {
  const std::string path = golden_path(name);
  if (const char* u = std::getenv("UPDATE_GOLDEN"); u && std::string(u) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << path << " is missing: run the test with UPDATE_GOLDEN=1";
  std::stringstream buf;
  buf << in.rdbuf();
  EXPECT_EQ(buf.str(), actual) << name << " differs from its golden file; if the change is intended, rerun with "
                                          "UPDATE_GOLDEN=1 and review the diff";
}

struct Fixture {
  core::SourceMeta captured, local;
  core::Claim claim;
  Fixture() {
    captured.id = "levant-2016-12-13";
    captured.file = "levant-2016-12-13.html";
    captured.title = "Trapped in the east, \u201cwe have nowhere to go\u201d";
    captured.publisher = "Levant Monitor";
    captured.published = "2016-12-13";
    captured.retrieved = "2016-12-13T09:30:00Z";
    captured.media_type = "text/html";
    captured.content_hash = "xxh3-128:0123456789abcdef0123456789abcdef";
    captured.text_layer = "html-gumbo/1";
    captured.capture_url = "http://example.org/levant/trapped";
    captured.final_url = "https://example.org/levant/trapped";
    captured.http_status = 200;
    captured.response_headers = {{"Content-Type", "text/html; charset=utf-8"},
                                 {"Content-Encoding", "gzip"},
                                 {"ETag", "\"abc123\""},
                                 {"Last-Modified", "Tue, 13 Dec 2016 09:00:00 GMT"}};
    local.id = "un-briefing-2016-12";
    local.file = "un-briefing-2016-12.md";
    local.title = "What is left of East Aleppo";
    local.publisher = "Northern Desk Weekly";
    local.url = "https://example.org/northern-desk/what-is-left";
    local.published = "2016-12-07";
    local.retrieved = "2016-12-07T12:00:00Z";
    local.media_type = "text/markdown";
    local.content_hash = "xxh3-128:fedcba9876543210fedcba9876543210";
    claim.id = "east-aleppo-trapped";
    claim.text = "About 100,000 people were still trapped in East Aleppo";
    claim.assertion.subject = "East Aleppo";
    claim.assertion.metric = "people trapped";
    claim.assertion.value = "about 100,000";
    claim.assertion.as_of = "2016-12-13";
    claim.tags = {"aleppo", "siege"};
    claim.review.rating = "Mostly true";
    claim.review.reviewed_by = "provcheck desk";
    claim.review.review_url = "https://example.org/desk/checks/trapped";
    claim.review.review_date = "2016-12-14";
    core::Citation a;
    a.source = captured.id;
    a.quote = "about 100,000 people";
    a.prefix = "The U.N. said that ";
    a.suffix = " remained, with \u201cnowhere";
    a.start = 412;
    a.end = 432;
    a.quote_hash = "xxh3-64:1111111111111111";
    a.normalized_hash = "xxh3-64+norm2:2222222222222222";
    a.snapshot = captured.content_hash;
    core::Citation b = a;
    b.source = local.id;
    b.quote = "100,000";
    b.prefix = "still trapped: ";
    b.suffix = " people";
    b.start = 90;
    b.end = 97;
    b.snapshot = local.content_hash;
    claim.citations = {a, b};
  }
  std::vector<AnnotationEntry> annotations() const {
    return {{&claim, 0, captured.final_url, captured.id, captured.retrieved, 398, 418, "2016-12-14T08:00:00Z", ""},
            {&claim, 1, local.url, local.id, local.retrieved, 88, 95, "2016-12-14T08:00:00Z",
             "2016-12-20T10:00:00Z"}};
  }
};

TEST(ExchangeGolden, AnnotationCollectionAndJsonLines) {
  Fixture f;
  expect_golden("annotations.json", render_annotation_collection(f.annotations()));
  expect_golden("annotations.jsonl", render_annotation_jsonl(f.annotations()));
}

TEST(ExchangeGolden, ClaimReview) {
  Fixture f;
  ReviewedClaim r{&f.claim, {&f.local, &f.captured}, 4, 5};
  expect_golden("claimreview.json", render_claim_reviews({r}, false));
}

TEST(ExchangeGolden, Warc) {
  Fixture f;
  std::vector<WarcSource> sources = {{&f.captured, "<html><body><p>The U.N. said that about 100,000 people remained"
                                                   "</p></body></html>"},
                                     {&f.local, "# What is left\n\nstill trapped: 100,000 people\n"}};
  expect_golden("evidence.warc", render_warc(sources, "provcheck/test"));
}

}  // namespace
}  // namespace provcheck::report
