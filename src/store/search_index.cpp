#include "store/search_index.h"

namespace provcheck::store {
using util::Error;
using util::ErrorKind;

util::Result<std::vector<std::string>> search_indexed_snapshots(Connection& db) {
  PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(db, "SELECT snapshot FROM search_snapshots ORDER BY snapshot"));
  std::vector<std::string> out;
  for (;;) {
    PC_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    out.push_back(st.column_text(0));
  }
  return out;
}

util::Status search_index_passages(Connection& db, const std::string& snapshot,
                                   const std::vector<IndexedPassage>& passages) {
  PC_TRY_STATUS(search_unindex_snapshot(db, snapshot));
  // Explicit consecutive rowids, so that a snapshot's passages can later be
  // dropped by range (a DELETE on the unindexed snapshot column would scan
  // the whole index for each source).
  PC_ASSIGN_OR_RETURN(Statement top, Statement::prepare(db, "SELECT COALESCE(MAX(last_row), 0) FROM search_snapshots"));
  PC_ASSIGN_OR_RETURN(bool row, top.step());
  std::int64_t first = (row ? top.column_int(0) : 0) + 1;
  PC_ASSIGN_OR_RETURN(Statement ins, Statement::prepare(db,
      "INSERT INTO passages(rowid, body, snapshot, start, stop) VALUES(?, ?, ?, ?, ?)"));
  std::int64_t id = first;
  for (const IndexedPassage& p : passages) {
    ins.bind(1, id++).bind(2, std::string_view(p.text)).bind(3, std::string_view(snapshot));
    ins.bind(4, static_cast<std::int64_t>(p.start)).bind(5, static_cast<std::int64_t>(p.end));
    PC_TRY_STATUS(ins.run());
  }
  PC_ASSIGN_OR_RETURN(Statement mark, Statement::prepare(db,
      "INSERT OR REPLACE INTO search_snapshots(snapshot, passages, first_row, last_row) VALUES(?, ?, ?, ?)"));
  mark.bind(1, std::string_view(snapshot)).bind(2, static_cast<std::int64_t>(passages.size()));
  mark.bind(3, first).bind(4, id - 1);
  return mark.run();
}

util::Status search_unindex_snapshot(Connection& db, const std::string& snapshot) {
  PC_ASSIGN_OR_RETURN(Statement find, Statement::prepare(db,
      "SELECT first_row, last_row FROM search_snapshots WHERE snapshot = ?"));
  find.bind(1, std::string_view(snapshot));
  PC_ASSIGN_OR_RETURN(bool row, find.step());
  if (!row) return util::Status();
  std::int64_t first = find.column_int(0), last = find.column_int(1);
  PC_ASSIGN_OR_RETURN(Statement del, Statement::prepare(db, "DELETE FROM passages WHERE rowid BETWEEN ? AND ?"));
  del.bind(1, first).bind(2, last);
  PC_TRY_STATUS(del.run());
  PC_ASSIGN_OR_RETURN(Statement unmark, Statement::prepare(db, "DELETE FROM search_snapshots WHERE snapshot = ?"));
  unmark.bind(1, std::string_view(snapshot));
  return unmark.run();
}

util::Result<std::vector<SearchHit>> search_query(Connection& db, const std::string& query, int limit) {
  // Raw statements here: an error while stepping is about the query itself
  // (FTS5 parses it then), and must become invalid_input, not a damaged store.
  const char* sql =
      "SELECT snapshot, start, stop, bm25(passages), snippet(passages, 0, char(2), char(3), '…', 16) "
      "FROM passages WHERE passages MATCH ? ORDER BY bm25(passages), snapshot, start LIMIT ?";
  sqlite3_stmt* st = nullptr;
  int rc = sqlite3_prepare_v2(db.handle(), sql, -1, &st, nullptr);
  if (rc != SQLITE_OK) return sqlite_error(db.handle(), rc, "search");
  sqlite3_bind_text(st, 1, query.data(), static_cast<int>(query.size()), SQLITE_TRANSIENT);
  sqlite3_bind_int(st, 2, limit);
  std::vector<SearchHit> out;
  for (;;) {
    rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) {
      int primary = rc & 0xFF;
      if (primary == SQLITE_ERROR) {
        std::string msg = sqlite3_errmsg(db.handle());
        sqlite3_finalize(st);
        return Error(ErrorKind::invalid_input,
                     "search query '" + query + "' is not valid FTS5 syntax (" + msg +
                         "); write words (all must occur), \"a phrase\", a prefix*, or combine with AND, OR, NOT "
                         "and parentheses; quote anything with punctuation, e.g. '\"250,000\"'");
      }
      Error e = sqlite_error(db.handle(), rc, "search");
      sqlite3_finalize(st);
      return e;
    }
    SearchHit h;
    auto text = [&](int i) {
      const unsigned char* p = sqlite3_column_text(st, i);
      return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(st, i)))
               : std::string();
    };
    h.snapshot = text(0);
    h.start = static_cast<std::uint64_t>(sqlite3_column_int64(st, 1));
    h.end = static_cast<std::uint64_t>(sqlite3_column_int64(st, 2));
    h.score = -sqlite3_column_double(st, 3);  // bm25 is lower for better matches; report higher = better
    h.snippet = text(4);
    out.push_back(std::move(h));
  }
  sqlite3_finalize(st);
  return out;
}

}  // namespace provcheck::store
