#pragma once
// Exchange formats: what a pinned claim looks like to the tools newsrooms
// already use. Each writer takes plain values the app gathered (nothing is
// read here) and returns the document; output is deterministic (sorted as
// given, no clock).
//
// - W3C Web Annotation Data Model (JSON-LD, http://www.w3.org/ns/anno.jsonld):
//   one Annotation per citation, as an AnnotationCollection or JSON Lines.
// - schema.org ClaimReview (JSON-LD), Google's Fact Check markup.
// - WARC 1.1: the captured bytes of each source with a metadata record.
// Thread-safe: pure functions.

#include <cstdint>
#include <string>
#include <vector>

#include "core/model.h"

namespace provcheck::report {

// The IRIs by which provcheck names what has no URL of its own.
std::string annotation_iri(const std::string& claim_id, std::size_t index);  // urn:provcheck:annotation:ID:N
std::string source_iri(const std::string& source_id);                        // urn:provcheck:source:ID
std::string snapshot_iri(const std::string& snapshot_digest);                // urn:provcheck:snapshot:xxh3-128:...

struct AnnotationEntry {
  const core::Claim* claim = nullptr;
  std::size_t index = 0;      // which citation
  std::string target_source;  // the source's URL, or source_iri() when it has none
  std::string source_id;
  std::string retrieved;      // when the snapshot was captured (sidecar)
  std::uint64_t cp_start = 0;  // code points of the text layer
  std::uint64_t cp_end = 0;
  std::string created;   // empty when the store does not know
  std::string modified;  // empty when the citation was never re-pinned
};

std::string render_annotation_collection(const std::vector<AnnotationEntry>& entries);
std::string render_annotation_jsonl(const std::vector<AnnotationEntry>& entries);

struct ReviewedClaim {
  const core::Claim* claim = nullptr;
  std::vector<const core::SourceMeta*> appearances;  // cited sources, earliest published first
  int rating_value = 0;  // 1-based on the scale
  int best_rating = 0;   // the scale's length; worst is 1
};

// A JSON array of ClaimReview objects, or one a line.
std::string render_claim_reviews(const std::vector<ReviewedClaim>& claims, bool jsonl);

struct WarcSource {
  const core::SourceMeta* meta = nullptr;
  std::string raw;  // the content file's bytes, as captured
};

// A WARC 1.1 file: a warcinfo record, then per source a `response` record
// (captured over HTTP: status line, the recorded headers, the raw body) or a
// `resource` record (a local file with a URL), each followed by a
// `metadata` record with the snapshot digest and capture time.
std::string render_warc(const std::vector<WarcSource>& sources, const std::string& software);

}  // namespace provcheck::report
