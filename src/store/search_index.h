#pragma once
// The full-text index of sources (SQLite FTS5, table `passages`): every
// current snapshot's text layer cut into passages, ranked by bm25. Indexed
// by snapshot hash, so a source whose content did not change is never
// indexed again, and two sources with the same bytes share their passages.
// A malformed FTS5 query (an unbalanced quote, a stray operator) is an
// invalid_input error that says how to write one; other SQLite failures map
// as in db.h. Used by one thread at a time, inside the store.

#include <string>
#include <vector>

#include "store/db.h"
#include "store/store.h"

namespace provcheck::store {

util::Result<std::vector<std::string>> search_indexed_snapshots(Connection& db);
util::Status search_index_passages(Connection& db, const std::string& snapshot, const std::vector<IndexedPassage>& passages);
util::Status search_unindex_snapshot(Connection& db, const std::string& snapshot);
util::Result<std::vector<SearchHit>> search_query(Connection& db, const std::string& query, int limit);

}  // namespace provcheck::store
