#pragma once
// Capturing a source from a URL, shared by `source add URL` and `source
// refresh`: one bounded GET (util/http_fetch.h), the HTTP status judged,
// the media type taken from the response (the bytes win when the header
// lies), and the text layer extracted once so that a capture provcheck
// could not read is refused before anything is written. Also the
// confinement rules for local paths.
//
// Errors: a URL other than http/https, a non-2xx status, a redirect loop, a
// body over the cap, or content that is not text, Markdown, HTML or PDF
// are invalid_input/unsupported (exit 2); a network failure (DNS,
// connection, TLS, timeout) is io (exit 3). Nothing here writes. Thread-safe.

#include <filesystem>
#include <string>

#include "util/http_fetch.h"
#include "util/result.h"
#include "workspace/workspace.h"

namespace provcheck::app {

struct Capture {
  std::string url;  // as asked for
  util::HttpResponse response;
  bool not_modified = false;  // a conditional request answered 304: no body
  std::string media_type;
  std::string layer;  // the text layer the capture was read with
  std::string text;   // that text layer
  std::string title;  // the document's own title, when it has one
};

// `layer`: the text layer to read the bytes with (a refresh keeps the
// source's); empty for the layer a new source of the response's type gets.
util::Result<Capture> capture_url(const std::string& url, const util::HttpOptions& options, const std::string& layer);

// Is `text` a URL (SCHEME://...) rather than a path? Any scheme counts, so
// that ftp:// or file:// are refused as URLs instead of read as paths.
bool is_url(const std::string& text);

// The response headers a sidecar records: all of them, in order, but
// Set-Cookie (a session's secret has no place in the record).
std::vector<std::pair<std::string, std::string>> recorded_headers(const util::HttpResponse& response);

// An id from a URL: the last path segment's stem, else the host.
std::string id_from_url(const std::string& url);

// Confinement: refuses (invalid_input, naming --allow-outside) a local path
// that lies outside the workspace, or leads out of it through a symbolic
// link, unless `allow_outside`.
util::Status check_confined(const workspace::Workspace& ws, const std::filesystem::path& path, bool allow_outside);

}  // namespace provcheck::app
