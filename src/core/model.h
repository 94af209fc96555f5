#pragma once
// The domain's plain data: sources, claims, citations and the structured
// assertion of a claim. No behaviour, no I/O; offsets are UTF-8 byte
// offsets into a source's text layer. Value types, safe to copy.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace provcheck::core {

struct SourceMeta {
  std::string id;
  std::string file;        // content file name inside sources/
  std::string title;
  std::string publisher;
  std::string url;
  std::string published;   // ISO date, may be empty
  std::string retrieved;   // ISO date-time of capture
  std::string media_type;  // "text/plain", "text/markdown", ...
  std::string content_hash;  // xxh3-128 digest of the content file's bytes
  // How the text layer is made ("identity", "cmark/1", "html-gumbo/1",
  // "pdf-poppler/1"); empty in sidecars written before layers had names,
  // which keep the file-bytes layer they were pinned with.
  std::string text_layer;
  // Capture from a URL: what was fetched (refresh fetches it again), where
  // the redirects ended, the HTTP status and the validators of the response.
  std::string capture_url;
  std::string final_url;
  int http_status = 0;
  std::string etag;
  std::string last_modified;
  // The response's headers as the capture received them (names as sent, in
  // order; Set-Cookie left out), for the WARC record of the evidence.
  std::vector<std::pair<std::string, std::string>> response_headers;
};

struct Assertion {
  std::optional<std::string> subject;
  std::optional<std::string> metric;
  std::optional<std::string> value;
  std::optional<std::string> unit;
  std::optional<std::string> approx;
  std::optional<std::string> as_of;
  // as_of was not stated but taken from the cited source's published date
  // (`claim add` proposes it): a check then reads the sidecar's current
  // published date instead, so a corrected date is followed.
  bool as_of_assumed = false;
  bool empty() const { return !subject && !metric && !value && !unit && !approx && !as_of; }
};

// A fact-checker's verdict on a claim, as schema.org ClaimReview carries it:
// the rating is a label of the workspace's rating scale (core/review.h).
struct Review {
  std::optional<std::string> rating;
  std::optional<std::string> reviewed_by;  // the reviewing organization
  std::optional<std::string> review_url;   // the published fact-check
  std::optional<std::string> review_date;  // ISO date
  bool empty() const { return !rating && !reviewed_by && !review_url && !review_date; }
};

// A TextQuoteSelector plus TextPositionSelector, with digests of what was pinned.
struct Citation {
  std::string source;
  std::string quote;   // the exact bytes of the source at [start, end)
  std::string prefix;  // up to k_context_chars code points before start
  std::string suffix;  // up to k_context_chars code points after end
  std::uint64_t start = 0;
  std::uint64_t end = 0;
  std::string quote_hash;       // xxh3-64 of quote's bytes
  std::string normalized_hash;  // xxh3-64 of the normalized quote, algorithm names the normalizer version
  std::string snapshot;         // xxh3-128 of the source bytes it was pinned to
  int page = 0;                 // paged sources (PDF): the page of `start`, from 1; 0 when the source has no pages
};

struct Claim {
  std::string id;
  std::string text;
  Assertion assertion;
  std::vector<std::string> tags;
  Review review;
  std::vector<Citation> citations;
  // Where the claim is recorded: claims file (workspace-relative) and line.
  std::string file;
  int line = 0;
};

// One claim to be created, as `claim add` flags or a `claim import` line.
struct ClaimRequest {
  std::string source;
  std::string quote;
  std::optional<std::string> id;
  std::optional<std::string> text;
  std::optional<int> occurrence;
  Assertion assertion;
  std::vector<std::string> tags;
  Review review;
  // Where the request came from, for messages ("claims.jsonl:12").
  std::string origin;
};

}  // namespace provcheck::core
