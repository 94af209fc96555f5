#include <nlohmann/json.hpp>

#include "report/exchange.h"

namespace provcheck::report {
using nlohmann::ordered_json;

std::string annotation_iri(const std::string& claim_id, std::size_t index) {
  return "urn:provcheck:annotation:" + claim_id + ":" + std::to_string(index);
}
std::string source_iri(const std::string& source_id) { return "urn:provcheck:source:" + source_id; }
std::string snapshot_iri(const std::string& snapshot_digest) { return "urn:provcheck:snapshot:" + snapshot_digest; }

namespace {

constexpr const char* k_anno_context = "http://www.w3.org/ns/anno.jsonld";

ordered_json assertion_json(const core::Assertion& a) {
  ordered_json j = ordered_json::object();
  for (auto [name, v] : {std::pair{"subject", &a.subject}, std::pair{"metric", &a.metric}, std::pair{"value", &a.value},
                         std::pair{"unit", &a.unit}, std::pair{"approx", &a.approx}, std::pair{"as_of", &a.as_of}}) {
    if (*v) j[name] = **v;
  }
  return j;
}

ordered_json annotation(const AnnotationEntry& e, bool with_context) {
  const core::Claim& c = *e.claim;
  const core::Citation& ct = c.citations[e.index];
  ordered_json a;
  if (with_context) a["@context"] = k_anno_context;
  a["id"] = annotation_iri(c.id, e.index);
  a["type"] = "Annotation";
  // A claim with a rating is a judgement of the passage; otherwise the body describes it.
  a["motivation"] = c.review.rating ? "assessing" : "describing";
  if (!e.created.empty()) a["created"] = e.created;
  if (!e.modified.empty()) a["modified"] = e.modified;
  ordered_json body = ordered_json::array();
  body.push_back({{"type", "TextualBody"}, {"purpose", "describing"}, {"format", "text/plain"}, {"value", c.text}});
  if (!c.assertion.empty()) {
    body.push_back({{"type", "TextualBody"},
                    {"purpose", "describing"},
                    {"format", "application/json"},
                    {"value", assertion_json(c.assertion).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)}});
  }
  if (c.review.rating) {
    // The rating, by whom and when it was published; the published
    // fact-check itself as an external body (a web page that assesses).
    ordered_json rating = {{"type", "TextualBody"}, {"purpose", "assessing"}, {"value", *c.review.rating}};
    if (c.review.reviewed_by) rating["creator"] = {{"type", "Organization"}, {"name", *c.review.reviewed_by}};
    if (c.review.review_date) rating["created"] = *c.review.review_date + "T00:00:00Z";
    body.push_back(std::move(rating));
  }
  if (c.review.review_url) {
    body.push_back({{"id", *c.review.review_url}, {"type", "Text"}, {"format", "text/html"}, {"purpose", "assessing"}});
  }
  for (const std::string& t : c.tags) body.push_back({{"type", "TextualBody"}, {"purpose", "tagging"}, {"value", t}});
  a["body"] = std::move(body);
  ordered_json target;
  target["source"] = e.target_source;
  ordered_json state = {{"type", "TimeState"}, {"cached", snapshot_iri(ct.snapshot)}};
  if (!e.retrieved.empty()) state["sourceDate"] = e.retrieved;
  target["state"] = std::move(state);
  ordered_json quote = {{"type", "TextQuoteSelector"}, {"exact", ct.quote}};
  if (!ct.prefix.empty()) quote["prefix"] = ct.prefix;
  if (!ct.suffix.empty()) quote["suffix"] = ct.suffix;
  target["selector"] = ordered_json::array(
      {quote, {{"type", "TextPositionSelector"}, {"start", e.cp_start}, {"end", e.cp_end}}});
  a["target"] = std::move(target);
  return a;
}

std::string dump(const ordered_json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string render_annotation_collection(const std::vector<AnnotationEntry>& entries) {
  ordered_json items = ordered_json::array();
  for (const AnnotationEntry& e : entries) items.push_back(annotation(e, false));
  ordered_json col;
  col["@context"] = k_anno_context;
  col["id"] = "urn:provcheck:collection";
  col["type"] = "AnnotationCollection";
  col["label"] = "provcheck citations";
  col["total"] = entries.size();
  col["first"] = {{"type", "AnnotationPage"}, {"startIndex", 0}, {"items", std::move(items)}};
  return dump(col, 2) + "\n";
}

std::string render_annotation_jsonl(const std::vector<AnnotationEntry>& entries) {
  std::string out;
  for (const AnnotationEntry& e : entries) out += dump(annotation(e, true), -1) + "\n";
  return out;
}

}  // namespace provcheck::report
