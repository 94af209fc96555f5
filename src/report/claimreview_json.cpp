#include <nlohmann/json.hpp>

#include "core/text_fragment.h"
#include "report/exchange.h"

namespace provcheck::report {
using nlohmann::ordered_json;

namespace {

ordered_json organization(const std::string& name) { return {{"@type", "Organization"}, {"name", name}}; }

// A source as schema.org's CreativeWork: where the claim appeared.
ordered_json creative_work(const core::SourceMeta& m) {
  ordered_json w = {{"@type", "CreativeWork"}};
  if (std::string url = core::source_web_url(m); !url.empty()) w["url"] = url;
  if (!m.title.empty()) w["headline"] = m.title;
  if (!m.published.empty()) w["datePublished"] = m.published;
  if (!m.publisher.empty()) {
    // Sidecars name a publisher, not a person: the organization is both.
    w["author"] = organization(m.publisher);
    w["publisher"] = organization(m.publisher);
  }
  return w;
}

ordered_json claim_review(const ReviewedClaim& r) {
  const core::Claim& c = *r.claim;
  ordered_json j;
  j["@context"] = "https://schema.org";
  j["@type"] = "ClaimReview";
  if (c.review.review_url) j["url"] = *c.review.review_url;
  j["claimReviewed"] = c.text;
  if (c.review.review_date) j["datePublished"] = *c.review.review_date;
  if (c.review.reviewed_by) j["author"] = organization(*c.review.reviewed_by);
  j["reviewRating"] = {{"@type", "Rating"},
                       {"ratingValue", r.rating_value},
                       {"bestRating", r.best_rating},
                       {"worstRating", 1},
                       {"alternateName", *c.review.rating},
                       {"name", *c.review.rating}};
  ordered_json item = {{"@type", "Claim"}};
  if (!r.appearances.empty()) {
    const core::SourceMeta& first = *r.appearances.front();
    if (!first.published.empty()) item["datePublished"] = first.published;
    if (!first.publisher.empty()) item["author"] = organization(first.publisher);
    ordered_json appearance = ordered_json::array();
    for (const core::SourceMeta* m : r.appearances) appearance.push_back(creative_work(*m));
    item["appearance"] = std::move(appearance);
    item["firstAppearance"] = creative_work(first);
  }
  j["itemReviewed"] = std::move(item);
  return j;
}

}  // namespace

std::string render_claim_reviews(const std::vector<ReviewedClaim>& claims, bool jsonl) {
  if (jsonl) {
    std::string out;
    for (const ReviewedClaim& r : claims) {
      out += claim_review(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    }
    return out;
  }
  ordered_json arr = ordered_json::array();
  for (const ReviewedClaim& r : claims) arr.push_back(claim_review(r));
  return arr.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace provcheck::report
