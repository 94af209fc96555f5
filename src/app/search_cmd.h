#pragma once
// `search TEXT`: ranks the passages of every source's current text layer
// for an FTS5 query (bm25; words, "phrases", prefix*), with a snippet and
// the figures in each passage. The index is brought up to date first: a
// source whose snapshot is already indexed costs a stat (its hash comes from
// the stat cache) or a hash of its bytes, never a re-index; passages of
// snapshots no source has any more are dropped. `reindex` calls
// refresh_search_index too. Errors are values; never prints.

#include <map>
#include <string>
#include <vector>

#include "app/session.h"

namespace provcheck::app {

struct SearchOptions {
  std::string query;
  std::string format = "text";  // text | json
  int limit = 10;
  bool color = false;
};

util::Result<CommandOutput> search(const GlobalOptions& g, const SearchOptions& o);

// Indexes every current snapshot not yet in the index and drops the others,
// inside the caller's write transaction. Returns source ids by snapshot hash.
util::Result<std::map<std::string, std::vector<std::string>>> refresh_search_index(Session& s);

}  // namespace provcheck::app
