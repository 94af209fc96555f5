#include "store/audit.h"

namespace provcheck::store {

util::Status audit_put(Connection& db, const AuditEntry& e) {
  PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(db,
      "INSERT INTO audit(at, command, who, kind, object, before, after, detail) VALUES(?,?,?,?,?,?,?,?)"));
  st.bind(1, std::string_view(e.at)).bind(2, std::string_view(e.command)).bind(3, std::string_view(e.who));
  st.bind(4, std::string_view(e.kind)).bind(5, std::string_view(e.object)).bind(6, std::string_view(e.before));
  st.bind(7, std::string_view(e.after)).bind(8, std::string_view(e.detail));
  return st.run();
}

util::Result<std::vector<AuditEntry>> audit_rows(Connection& db, const std::string& kind, const std::string& object) {
  PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(db,
      "SELECT id, at, command, who, before, after, detail FROM audit WHERE kind = ? AND object = ? ORDER BY id"));
  st.bind(1, std::string_view(kind)).bind(2, std::string_view(object));
  std::vector<AuditEntry> out;
  for (;;) {
    bool row = false;
    PC_ASSIGN_OR_RETURN(row, st.step());
    if (!row) break;
    AuditEntry e;
    e.id = st.column_int(0);
    e.at = st.column_text(1);
    e.command = st.column_text(2);
    e.who = st.column_text(3);
    e.kind = kind;
    e.object = object;
    e.before = st.column_text(4);
    e.after = st.column_text(5);
    e.detail = st.column_text(6);
    out.push_back(std::move(e));
  }
  return out;
}

namespace {

util::Status run_all(Connection& db, const std::vector<const char*>& sqls, const std::string& a, const std::string& b) {
  for (const char* sql : sqls) {
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(db, sql));
    st.bind(1, std::string_view(a)).bind(2, std::string_view(b));
    PC_TRY_STATUS(st.run());
  }
  return util::Status();
}

}  // namespace

util::Status audit_rename_claim(Connection& db, const std::string& from, const std::string& to) {
  // Result keys are "claim#index" (result_key).
  return run_all(db,
                 {"UPDATE pins SET claim_id = ?2 WHERE claim_id = ?1",
                  "UPDATE results SET claim_id = ?2, key = ?2 || '#' || idx WHERE claim_id = ?1",
                  "UPDATE history SET key = ?2 || substr(key, length(?1) + 1) "
                  "WHERE substr(key, 1, length(?1) + 1) = ?1 || '#'",
                  "UPDATE audit SET object = ?2 WHERE kind = 'claim' AND object = ?1"},
                 from, to);
}

util::Status audit_rename_source(Connection& db, const std::string& from, const std::string& to) {
  return run_all(db,
                 {"UPDATE OR REPLACE sources SET id = ?2 WHERE id = ?1",
                  "UPDATE OR IGNORE source_snapshots SET source_id = ?2 WHERE source_id = ?1",
                  "UPDATE citations SET source_id = ?2 WHERE source_id = ?1",
                  "UPDATE results SET source_id = ?2 WHERE source_id = ?1",
                  "UPDATE pins SET source_id = ?2 WHERE source_id = ?1",
                  "UPDATE audit SET object = ?2 WHERE kind = 'source' AND object = ?1"},
                 from, to);
}

util::Status audit_drop_citation(Connection& db, const std::string& claim, int index) {
  std::string idx = std::to_string(index);
  // Rows of the dropped citation go; later ones move down by one. History
  // keys are renumbered in ascending order so no key collides.
  std::vector<std::string> sqls = {
      "DELETE FROM pins WHERE claim_id = ?1 AND idx = " + idx,
      "UPDATE pins SET idx = idx - 1 WHERE claim_id = ?1 AND idx > " + idx,
      "DELETE FROM results WHERE claim_id = ?1 AND idx = " + idx,
      "UPDATE results SET idx = idx - 1, key = ?1 || '#' || (idx - 1) WHERE claim_id = ?1 AND idx > " + idx,
      "DELETE FROM history WHERE key = ?1 || '#" + idx + "'",
      "UPDATE history SET key = ?1 || '#' || (CAST(substr(key, length(?1) + 2) AS INTEGER) - 1) "
      "WHERE substr(key, 1, length(?1) + 1) = ?1 || '#' AND CAST(substr(key, length(?1) + 2) AS INTEGER) > " + idx,
  };
  for (const std::string& sql : sqls) {
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(db, sql));
    st.bind(1, std::string_view(claim));
    PC_TRY_STATUS(st.run());
  }
  return util::Status();
}

}  // namespace provcheck::store
