#pragma once
// One HTTP(S) GET through libcurl, bounded in every direction: only the
// http and https schemes (redirects included), a bounded number of
// redirects, connect and total timeouts, and a cap on the body's size that
// stops the transfer as soon as it is passed. A conditional request (ETag,
// Last-Modified) can be asked for; a 304 comes back as a response like any
// other. No project knowledge.
//
// Errors: never throws. A transfer that did not produce a response (bad
// URL, refused scheme, DNS, connection, TLS, timeout, too many redirects,
// body over the cap) is an Error: invalid_input for what the caller asked
// (a malformed URL, a scheme other than http/https, a redirect loop, a body
// over the cap) and io for what the network did (DNS, refused, reset, TLS,
// timeout). Any HTTP status is a response, not an error: callers decide.
// Thread-safe: each call uses its own handle (libcurl's global init runs
// once, on the first call).

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "util/result.h"

namespace provcheck::util {

struct HttpOptions {
  long connect_timeout_ms = 10000;
  long total_timeout_ms = 60000;
  long max_redirects = 5;
  std::uint64_t max_bytes = 50ull << 20;
  std::string if_none_match;      // a stored ETag: send If-None-Match
  std::string if_modified_since;  // a stored Last-Modified: send If-Modified-Since
  std::string user_agent = "provcheck";
};

struct HttpResponse {
  long status = 0;
  std::string final_url;     // after redirects
  std::string content_type;  // the Content-Type header as sent, or empty
  std::string etag;          // as sent, quotes included
  std::string last_modified;
  std::string body;          // decoded (gzip/deflate/br undone), at most max_bytes
  std::vector<std::pair<std::string, std::string>> headers;  // the final response's, in order, as sent
  int redirects = 0;
};

// The scheme of an absolute URL in lower case ("https"), or empty when
// `text` does not start with SCHEME "://".
std::string url_scheme(const std::string& text);

Result<HttpResponse> http_get(const std::string& url, const HttpOptions& options);

// "Not Found" for 404 and the like; empty for codes it does not know.
std::string http_reason(long status);

}  // namespace provcheck::util
