#pragma once
// `source refresh [ID...]`: capture sources again from the URL they were
// captured from (app/capture.h). Unchanged content (a 304 to the stored
// ETag / Last-Modified, or the same bytes) costs no new snapshot and
// writes nothing; changed content replaces the content file and the
// sidecar atomically and is stored as a new snapshot, so the next `check`
// judges every citation pinned to the old snapshot against it. A source
// that cannot be captured (network, HTTP status, size, type) is reported
// on its own line and left exactly as it was; the command then fails with
// exit 3 after refreshing the others. Sources not captured from a URL are
// skipped with a note. One store transaction for the whole run.

#include <string>
#include <vector>

#include "app/session.h"
#include "util/http_fetch.h"

namespace provcheck::app {

struct RefreshOptions {
  std::vector<std::string> ids;  // empty: every source captured from a URL
  util::HttpOptions http;
};

util::Result<CommandOutput> source_refresh(const GlobalOptions& g, const RefreshOptions& o);

}  // namespace provcheck::app
