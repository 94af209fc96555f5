#pragma once
// `source add`, `source list`, `source show`: registering captured
// documents (local files, or URLs fetched through app/capture.h) and
// reading their metadata and snapshot history.

#include <optional>
#include <string>
#include <vector>

#include "app/session.h"
#include "util/http_fetch.h"

namespace provcheck::app {

struct SourceAddOptions {
  std::vector<std::string> paths;
  std::optional<std::string> id;  // only with one path
  std::string title, publisher, url, published, retrieved;
  std::string text_layer;      // empty: the layer new sources of the media type get (workspace/text_layers.h)
  bool allow_outside = false;  // local paths outside the workspace (or links leading out of it)
  util::HttpOptions http;      // for URLs: timeouts, redirects, size cap
};

util::Result<CommandOutput> source_add(const GlobalOptions& g, const SourceAddOptions& o);
util::Result<CommandOutput> source_list(const GlobalOptions& g, bool json);
util::Result<CommandOutput> source_show(const GlobalOptions& g, const std::string& id, bool json);

}  // namespace provcheck::app
