#include "store/sqlite_queries.h"

#include <algorithm>
#include <cstring>
#include <map>

#include "core/settings.h"
#include "store/row_codecs.h"

namespace provcheck::store {
namespace {
using util::Result;
using util::Status;

template <class F>
Status each_row(Statement& st, F&& f) {
  for (;;) {
    PC_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) return Status();
    f();
  }
}

}  // namespace

Result<std::vector<BrokenCitation>> sqlite_broken_since(Connection& db, const std::string& workspace,
                                                        const std::string& since) {
  PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(db,
      "SELECT r.claim_id, r.idx, r.source_id, r.status, r.severity, runs.started_at, r.claim_file, r.claim_line, "
      "r.message FROM results r JOIN runs ON runs.id = r.first_run "
      "WHERE r.severity IN ('warning', 'error') AND runs.started_at >= ? ORDER BY r.claim_id, r.idx"));
  st.bind(1, std::string_view(since));
  std::vector<BrokenCitation> out;
  PC_TRY_STATUS(each_row(st, [&] {
    out.push_back({workspace, st.column_text(0), static_cast<int>(st.column_int(1)), st.column_text(2),
                   st.column_text(3), st.column_text(4), st.column_text(5), st.column_text(6),
                   static_cast<int>(st.column_int(7)), st.column_text(8)});
  }));
  return out;
}

Result<std::vector<ChangedSource>> sqlite_changed_sources(Connection& db, const std::string& workspace,
                                                          const std::string& since) {
  PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(db,
      "SELECT s.id, s.title, MAX(ss.first_seen), COUNT(*) FROM sources s "
      "JOIN source_snapshots ss ON ss.source_id = s.id GROUP BY s.id, s.title "
      "HAVING COUNT(*) > 1 AND MAX(ss.first_seen) >= ? ORDER BY s.id"));
  st.bind(1, std::string_view(since));
  std::vector<ChangedSource> out;
  PC_TRY_STATUS(each_row(st, [&] {
    out.push_back({workspace, st.column_text(0), st.column_text(1), st.column_text(2),
                   static_cast<int>(st.column_int(3)), {}});
  }));
  PC_ASSIGN_OR_RETURN(Statement cit, Statement::prepare(db,
      "SELECT DISTINCT claim_id FROM citations WHERE source_id = ? ORDER BY claim_id"));
  for (ChangedSource& c : out) {
    cit.bind(1, std::string_view(c.source));
    PC_TRY_STATUS(each_row(cit, [&] { c.claims.push_back(cit.column_text(0)); }));
    cit.reset();
  }
  return out;
}

Result<std::vector<SubjectClaim>> sqlite_claims_by_subject(Connection& db, const std::string& workspace,
                                                           const std::vector<std::string>& folded_subjects) {
  PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(db,
      "SELECT id, file, line, text, subject, COALESCE(metric, ''), COALESCE(value, ''), COALESCE(unit, ''), "
      "COALESCE(as_of, '') FROM claims WHERE subject IS NOT NULL ORDER BY id"));
  std::vector<SubjectClaim> out;
  PC_TRY_STATUS(each_row(st, [&] {
    std::string subject = st.column_text(4);
    if (std::find(folded_subjects.begin(), folded_subjects.end(), core::fold_name(subject)) == folded_subjects.end()) {
      return;
    }
    out.push_back({workspace, st.column_text(0), st.column_text(1), static_cast<int>(st.column_int(2)),
                   st.column_text(3), subject, st.column_text(5), st.column_text(6), st.column_text(7),
                   st.column_text(8)});
  }));
  return out;
}

Result<Store::Dump> sqlite_dump(Connection& db, Store& store) {
  Store::Dump d;
  {
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(db,
        "SELECT hash, media_type, byte_size, text_hash, captured_at, captured_from, text_zstd FROM snapshots "
        "ORDER BY hash"));
    PC_TRY_STATUS(each_row(st, [&] {
      d.snapshots.push_back({{st.column_text(0), st.column_text(1), st.column_int(2), st.column_text(3),
                              st.column_text(4), st.column_text(5)},
                             std::string(st.column_blob(6))});
    }));
  }
  {
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(db,
        "SELECT id, file, title, publisher, url, published, retrieved, media_type, snapshot FROM sources ORDER BY id"));
    PC_TRY_STATUS(each_row(st, [&] {
      Store::Dump::Source s;
      s.meta.id = st.column_text(0);
      s.meta.file = st.column_text(1);
      s.meta.title = st.column_text(2);
      s.meta.publisher = st.column_text(3);
      s.meta.url = st.column_text(4);
      s.meta.published = st.column_text(5);
      s.meta.retrieved = st.column_text(6);
      s.meta.media_type = st.column_text(7);
      s.snapshot = st.column_text(8);
      d.sources.push_back(std::move(s));
    }));
  }
  {
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(db,
        "SELECT source_id, snapshot, first_seen FROM source_snapshots ORDER BY source_id, first_seen, snapshot"));
    PC_TRY_STATUS(each_row(st, [&] { d.links.push_back({st.column_text(0), st.column_text(1), st.column_text(2)}); }));
  }
  {
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(db, "SELECT key, value FROM meta ORDER BY key"));
    PC_TRY_STATUS(each_row(st, [&] { d.meta.emplace_back(st.column_text(0), st.column_text(1)); }));
  }
  {
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(db,
        "SELECT id, started_at, fingerprint, exit_code, summary FROM runs ORDER BY id"));
    PC_TRY_STATUS(each_row(st, [&] {
      RunRecord r;
      r.id = st.column_int(0);
      r.started_at = st.column_text(1);
      r.fingerprint = st.column_text(2);
      r.exit_code = static_cast<int>(st.column_int(3));
      r.summary = decode_summary(st.column_text(4));
      d.runs.push_back(std::move(r));
    }));
  }
  {
    PC_ASSIGN_OR_RETURN(auto results, store.results(false));
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(db, "SELECT key, last_run FROM results ORDER BY key"));
    PC_TRY_STATUS(each_row(st, [&] {
      auto it = results.find(st.column_text(0));
      if (it != results.end()) d.results.push_back({it->first, it->second, st.column_int(1)});
    }));
  }
  {
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(db,
        "SELECT key, run, status, message FROM history ORDER BY key, run"));
    PC_TRY_STATUS(each_row(st, [&] {
      d.history.push_back({st.column_text(0), st.column_int(1), st.column_text(2), st.column_text(3)});
    }));
  }
  PC_ASSIGN_OR_RETURN(d.intact, store.intact_set());
  {
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(db, "SELECT DISTINCT claim_id FROM pins ORDER BY claim_id"));
    std::vector<std::string> ids;
    PC_TRY_STATUS(each_row(st, [&] { ids.push_back(st.column_text(0)); }));
    for (const std::string& id : ids) {
      PC_ASSIGN_OR_RETURN(auto pins, store.pins(id));
      for (auto& p : pins) d.pins.push_back(std::move(p));
    }
  }
  {
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(db,
        "SELECT at, command, who, kind, object, before, after, detail FROM audit ORDER BY id"));
    PC_TRY_STATUS(each_row(st, [&] {
      d.audit.push_back({0, st.column_text(0), st.column_text(1), st.column_text(2), st.column_text(3),
                         st.column_text(4), st.column_text(5), st.column_text(6), st.column_text(7)});
    }));
  }
  PC_ASSIGN_OR_RETURN(d.conflicts, store.conflict_report());
  return d;
}

Status sqlite_load(Connection& db, Store& store, const Store::Dump& d) {
  for (const auto& s : d.snapshots) PC_TRY_STATUS(store.put_snapshot_compressed(s.info, s.compressed));
  for (const auto& s : d.sources) PC_TRY_STATUS(store.put_source(s.meta, s.snapshot, ""));
  PC_TRY_STATUS(db.exec("DELETE FROM source_snapshots"));
  {
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(db,
        "INSERT OR IGNORE INTO source_snapshots(source_id, snapshot, first_seen) VALUES(?,?,?)"));
    for (const auto& l : d.links) {
      st.bind(1, std::string_view(l.source_id)).bind(2, std::string_view(l.snapshot)).bind(3, std::string_view(l.first_seen));
      PC_TRY_STATUS(st.run());
    }
  }
  for (const auto& [k, v] : d.meta) PC_TRY_STATUS(store.set_meta(k, v));
  PC_TRY_STATUS(store.set_meta("claims_index", "stale"));
  {
    // Run ids are kept, so that results and history still point at their runs.
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(db,
        "INSERT INTO runs(id, started_at, fingerprint, summary, exit_code) VALUES(?,?,?,?,?)"));
    for (const RunRecord& r : d.runs) {
      st.bind(1, r.id).bind(2, std::string_view(r.started_at)).bind(3, std::string_view(r.fingerprint));
      st.bind(4, std::string_view(encode_summary(r.summary))).bind(5, std::int64_t{r.exit_code});
      PC_TRY_STATUS(st.run());
    }
  }
  for (const auto& r : d.results) {
    PC_TRY_STATUS(store.put_result(r.stored.first_run, r.stored.finding, r.stored.cache_key));
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(db, "UPDATE results SET last_run = ? WHERE key = ?"));
    st.bind(1, r.last_run).bind(2, std::string_view(r.key));
    PC_TRY_STATUS(st.run());
  }
  PC_TRY_STATUS(db.exec("DELETE FROM history"));
  for (const auto& h : d.history) PC_TRY_STATUS(store.add_history(h.run, h.key, h.status, h.message));
  PC_TRY_STATUS(store.put_intact_set(d.intact));
  for (const PinRecord& p : d.pins) PC_TRY_STATUS(store.put_pin(p));
  for (const AuditEntry& a : d.audit) PC_TRY_STATUS(store.put_audit(a));
  if (d.conflicts) PC_TRY_STATUS(store.put_conflict_report(*d.conflicts));
  return Status();
}

}  // namespace provcheck::store
