#pragma once
// Search on the PostgreSQL store: passages of snapshots shared by content
// hash (indexed once, whichever workspace asks first), a per-workspace list
// of the snapshots it has indexed, and queries in the `search` syntax
// translated to tsquery: words (all must occur), "phrases", prefix*, AND,
// OR, NOT and parentheses (FTS5's column filters, NEAR and ^ are not
// supported: such a query is refused, exit 2). Every workspace's passages
// are searched; hits in other workspaces name their sources as
// "workspace:source". Ranking is ts_rank_cd, not bm25, so scores and ties
// differ from the SQLite store's.

#include <string>
#include <vector>

#include "store/pg_conn.h"
#include "store/store.h"

namespace provcheck::store {

// The tsquery expression (SQL over parameters $first...) for a query, and
// its parameters; invalid_input for a query outside the supported syntax.
struct TsQuery {
  std::string sql;
  std::vector<std::string> params;
};
util::Result<TsQuery> translate_search_query(const std::string& query, int first_param);

util::Result<std::vector<std::string>> pg_indexed_snapshots(PgConnection& db, const SharedScope& s);
util::Status pg_index_passages(PgConnection& db, const SharedScope& s, const std::string& snapshot,
                               const std::vector<IndexedPassage>& passages);
util::Status pg_unindex_snapshot(PgConnection& db, const SharedScope& s, const std::string& snapshot);
util::Result<std::vector<SearchHit>> pg_search(PgConnection& db, const SharedScope& s, const std::string& query,
                                               int limit);

}  // namespace provcheck::store
