#include "workspace/annotations.h"

#include <gtest/gtest.h>

namespace provcheck::workspace {

// A W3C Web Annotation as the model's examples write it: the quote and
// position selectors, a describing body, a tagging body.
TEST(Annotations, ReadsAWebAnnotation) {
  const char* doc = R"({
  "@context": "http://www.w3.org/ns/anno.jsonld",
  "id": "http://example.org/anno1",
  "type": "Annotation",
  "body": [{"type": "TextualBody", "value": "Some 250,000 people remained", "purpose": "describing"},
           {"type": "TextualBody", "value": "aleppo", "purpose": "tagging"}],
  "target": {
    "source": "https://example.org/story",
    "selector": [{"type": "TextQuoteSelector", "exact": "about 250,000", "prefix": "still ", "suffix": " people"},
                 {"type": "TextPositionSelector", "start": 412, "end": 425}]
  }
})";
  auto r = parse_annotations(doc, "a.json");
  ASSERT_TRUE(r.ok()) << r.error().message();
  ASSERT_EQ(r->size(), 1u);
  const AnnotationInput& a = (*r)[0];
  EXPECT_EQ(a.target, "https://example.org/story");
  EXPECT_EQ(a.exact, "about 250,000");
  EXPECT_EQ(a.prefix, "still ");
  EXPECT_EQ(a.suffix, " people");
  EXPECT_EQ(a.position_start, 412u);
  EXPECT_EQ(a.text, "Some 250,000 people remained");
  EXPECT_EQ(a.tags, std::vector<std::string>{"aleppo"});
  EXPECT_EQ(a.origin, "a.json:1");
}

// The Hypothesis API's search answer: rows with "uri", "text", "tags" and a
// target list whose selectors include a RangeSelector provcheck ignores.
TEST(Annotations, ReadsAHypothesisSearchResult) {
  const char* doc = R"({"total": 2, "rows": [
 {"id": "Zk3x", "uri": "https://example.org/story", "text": "The UN figure", "tags": ["un"],
  "target": [{"source": "https://example.org/story", "selector": [
     {"type": "RangeSelector", "startContainer": "/main[1]/p[3]", "startOffset": 0, "endContainer": "/main[1]/p[3]", "endOffset": 13},
     {"type": "TextPositionSelector", "start": 900, "end": 913},
     {"type": "TextQuoteSelector", "exact": "250,000", "prefix": "about ", "suffix": " people"}]}]},
 {"id": "Pq7y", "uri": "https://example.org/other", "text": "",
  "target": [{"source": "https://example.org/other", "selector": [
     {"type": "TextQuoteSelector", "exact": "Hama fell"}]}]}
]})";
  auto r = parse_annotations(doc, "h.json");
  ASSERT_TRUE(r.ok()) << r.error().message();
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].text, "The UN figure");
  EXPECT_EQ((*r)[0].position_start, 900u);
  EXPECT_EQ((*r)[0].tags, std::vector<std::string>{"un"});
  EXPECT_EQ((*r)[1].target, "https://example.org/other");
  EXPECT_EQ((*r)[1].origin, "h.json:7");
}

TEST(Annotations, ReadsCollectionsAndJsonLines) {
  const char* col = R"({"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
 "first": {"type": "AnnotationPage", "items": [
   {"type": "Annotation", "target": {"source": "urn:provcheck:source:s1",
     "selector": {"type": "TextQuoteSelector", "exact": "x"}}}]}})";
  auto r = parse_annotations(col, "c.json");
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_EQ((*r)[0].target, "urn:provcheck:source:s1");
  std::string lines =
      R"({"type": "Annotation", "target": {"source": "u1", "selector": [{"type": "TextQuoteSelector", "exact": "a"}]}})"
      "\n\n"
      R"({"type": "Annotation", "target": {"source": "u2", "selector": [{"type": "TextQuoteSelector", "exact": "b"}]}})"
      "\n";
  auto j = parse_annotations(lines, "l.jsonl");
  ASSERT_TRUE(j.ok()) << j.error().message();
  ASSERT_EQ(j->size(), 2u);
  EXPECT_EQ((*j)[1].origin, "l.jsonl:3");
}

TEST(Annotations, NamesTheLineOfABadAnnotation) {
  std::string lines =
      R"({"type": "Annotation", "target": {"source": "u1", "selector": [{"type": "TextQuoteSelector", "exact": "a"}]}})"
      "\n"
      R"({"type": "Annotation", "target": {"source": "u2", "selector": [{"type": "FragmentSelector", "value": "p=3"}]}})"
      "\n";
  auto r = parse_annotations(lines, "l.jsonl");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message().rfind("l.jsonl:2: the annotation has no TextQuoteSelector", 0), 0u)
      << r.error().message();
  auto bad = parse_annotations(R"({"type": "Annotation", "target": {"source": "u", "selector": )"
                               R"({"type": "TextPositionSelector", "start": 9, "end": 2}}})",
                               "p.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message().find("TextPositionSelector"), std::string::npos);
  EXPECT_FALSE(parse_annotations("{\"rows\": []}", "e.json").ok());
  EXPECT_FALSE(parse_annotations("[1, 2", "s.json").ok());
}

}  // namespace provcheck::workspace
