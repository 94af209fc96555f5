#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "store/db.h"
#include "store/row_codecs.h"
#include "store/sqlite_queries.h"
#include "store/schema.h"
#include "store/audit.h"
#include "store/search_index.h"
#include "store/store.h"
#include "util/compress.h"

namespace provcheck::store {
namespace {
using util::Error;
using util::ErrorKind;
using util::Result;
using util::Status;

constexpr std::uintmax_t k_checkpoint_on_close_bytes = 4u << 20;

class SqliteTransaction : public Store::WriteTransaction {
 public:
  explicit SqliteTransaction(Transaction t) : m_tx(std::move(t)) {}
  Status commit() override { return m_tx.commit(); }

 private:
  Transaction m_tx;
};

class SqliteStore : public Store {
 public:
  explicit SqliteStore(Connection db) : m_db(std::move(db)) {}
  // The WAL is folded into the database when it is small (a small
  // workspace's store stays one file) and by any run that stored no
  // snapshots; a run that just wrote many (a cold check) leaves it for the
  // next one, so that its own time is not spent syncing it. Left in place,
  // a large WAL would be read again at every open.
  ~SqliteStore() override {
    m_put_snapshot.reset();
    m_put_source.reset();
    m_link_snapshot.reset();
    m_del_claim.reset();
    m_del_citations.reset();
    m_put_claim.reset();
    m_put_citation.reset();
    m_put_history.reset();
    m_put_result.reset();
    m_put_result_page.reset();
    std::error_code ec;
    auto wal_size = std::filesystem::file_size(m_db.path() + "-wal", ec);
    if (!ec && wal_size > 0 && (wal_size < k_checkpoint_on_close_bytes || m_snapshot_bytes == 0)) {
      (void)m_db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
  }

  Result<std::unique_ptr<WriteTransaction>> begin_write() override {
    PC_ASSIGN_OR_RETURN(Transaction t, Transaction::begin(m_db));
    return std::unique_ptr<WriteTransaction>(new SqliteTransaction(std::move(t)));
  }

  Result<std::unordered_map<std::string, FileRecord>> file_records() override {
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(m_db, "SELECT records FROM stat_cache WHERE id = 1"));
    PC_ASSIGN_OR_RETURN(bool row, st.step());
    std::unordered_map<std::string, FileRecord> out;
    if (!row) return out;
    auto records = unpack_file_records(st.column_blob(0));
    if (!records) return Error(ErrorKind::corruption, m_db.path() + ": the stat cache is damaged; run `provcheck reindex`");
    out = std::move(*records);
    return out;
  }

  Status put_file_records(const std::vector<FileRecord>& all) override {
    std::string blob = pack_file_records(all);
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(m_db, "INSERT OR REPLACE INTO stat_cache(id, records) VALUES(1, ?)"));
    st.bind_blob(1, blob);
    return st.run();
  }



  Status put_snapshot(const SnapshotInfo& s, std::string_view text_layer) override {
    return put_snapshot_compressed(s, compress_snapshot_text(text_layer));
  }

  Status put_snapshot_compressed(const SnapshotInfo& s, std::string_view packed) override {
    m_snapshot_bytes += packed.size();
    Statement* st = nullptr;
    PC_ASSIGN_OR_RETURN(st, cached(m_put_snapshot,
        "INSERT OR IGNORE INTO snapshots(hash, media_type, byte_size, text_hash, text_zstd, captured_at, "
        "captured_from) VALUES(?,?,?,?,?,?,?)"));
    st->bind(1, std::string_view(s.hash)).bind(2, std::string_view(s.media_type)).bind(3, s.byte_size);
    st->bind(4, std::string_view(s.text_hash)).bind_blob(5, packed).bind(6, std::string_view(s.captured_at));
    st->bind(7, std::string_view(s.captured_from));
    return st->run();
  }

  Result<std::vector<std::string>> snapshot_hashes() override {
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(m_db, "SELECT hash FROM snapshots"));
    std::vector<std::string> out;
    for (;;) {
      PC_ASSIGN_OR_RETURN(bool row, st.step());
      if (!row) break;
      out.push_back(st.column_text(0));
    }
    return out;
  }

  Result<std::optional<std::string>> snapshot_text(const std::string& hash) override {
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(m_db, "SELECT text_zstd FROM snapshots WHERE hash = ?"));
    st.bind(1, std::string_view(hash));
    bool row = false;
    PC_ASSIGN_OR_RETURN(row, st.step());
    if (!row) return std::optional<std::string>();
    auto text = util::zstd_decompress(st.column_blob(0));
    if (!text.ok()) return text.error().with_context(m_db.path() + ": snapshot " + hash);
    return std::optional<std::string>(std::move(text).value());
  }

  Status put_source(const core::SourceMeta& m, const std::string& snapshot_hash, const std::string& seen_at) override {
    Statement* st = nullptr;
    PC_ASSIGN_OR_RETURN(st, cached(m_put_source,
        "INSERT INTO sources(id, file, title, publisher, url, published, retrieved, media_type, snapshot) "
        "VALUES(?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET file=excluded.file, title=excluded.title, "
        "publisher=excluded.publisher, url=excluded.url, published=excluded.published, "
        "retrieved=excluded.retrieved, media_type=excluded.media_type, snapshot=excluded.snapshot"));
    int i = 1;
    for (const std::string* v : {&m.id, &m.file, &m.title, &m.publisher, &m.url, &m.published, &m.retrieved,
                                 &m.media_type, &snapshot_hash}) {
      st->bind(i++, std::string_view(*v));
    }
    PC_TRY_STATUS(st->run());
    return link_snapshot(m.id, snapshot_hash, seen_at);
  }

  Status link_snapshot(const std::string& source_id, const std::string& snapshot_hash, const std::string& seen_at) {
    Statement* link = nullptr;
    PC_ASSIGN_OR_RETURN(link, cached(m_link_snapshot,
        "INSERT OR IGNORE INTO source_snapshots(source_id, snapshot, first_seen) VALUES(?,?,?)"));
    link->bind(1, std::string_view(source_id)).bind(2, std::string_view(snapshot_hash)).bind(3, std::string_view(seen_at));
    return link->run();
  }

  Result<std::vector<SnapshotInfo>> source_snapshots(const std::string& source_id) override {
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(m_db,
        "SELECT s.hash, s.media_type, s.byte_size, s.text_hash, ss.first_seen, s.captured_from "
        "FROM source_snapshots ss JOIN snapshots s ON s.hash = ss.snapshot WHERE ss.source_id = ? "
        "ORDER BY ss.first_seen, s.hash"));
    st.bind(1, std::string_view(source_id));
    std::vector<SnapshotInfo> out;
    for (;;) {
      bool row = false;
      PC_ASSIGN_OR_RETURN(row, st.step());
      if (!row) break;
      out.push_back({st.column_text(0), st.column_text(1), st.column_int(2), st.column_text(3), st.column_text(4),
                     st.column_text(5)});
    }
    return out;
  }

  Result<std::optional<std::string>> meta(const std::string& key) override {
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(m_db, "SELECT value FROM meta WHERE key = ?"));
    st.bind(1, std::string_view(key));
    PC_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) return std::optional<std::string>();
    return std::optional<std::string>(st.column_text(0));
  }

  Status set_meta(const std::string& key, const std::string& value) override {
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(m_db, "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)"));
    st.bind(1, std::string_view(key)).bind(2, std::string_view(value));
    return st.run();
  }

  Status replace_claims(const std::vector<core::Claim>& claims) override {
    PC_TRY_STATUS(m_db.exec("DELETE FROM citations; DELETE FROM claims"));
    return insert_claims(claims);
  }

  Status put_claims(const std::vector<core::Claim>& claims) override {
    Statement* del = nullptr;
    Statement* del_cit = nullptr;
    PC_ASSIGN_OR_RETURN(del, cached(m_del_claim, "DELETE FROM claims WHERE id = ?"));
    PC_ASSIGN_OR_RETURN(del_cit, cached(m_del_citations, "DELETE FROM citations WHERE claim_id = ?"));
    for (const core::Claim& c : claims) {
      del->bind(1, std::string_view(c.id));
      PC_TRY_STATUS(del->run());
      del_cit->bind(1, std::string_view(c.id));
      PC_TRY_STATUS(del_cit->run());
    }
    return insert_claims(claims);
  }

  Status insert_claims(const std::vector<core::Claim>& claims) {
    Statement* ins = nullptr;
    Statement* cit = nullptr;
    PC_ASSIGN_OR_RETURN(ins, cached(m_put_claim,
        "INSERT INTO claims(id, file, line, text, subject, metric, value, unit, approx, as_of, tags) "
        "VALUES(?,?,?,?,?,?,?,?,?,?,?)"));
    PC_ASSIGN_OR_RETURN(cit, cached(m_put_citation,
        "INSERT INTO citations(claim_id, idx, source_id, start, \"end\", quote_hash, normalized_hash, snapshot) "
        "VALUES(?,?,?,?,?,?,?,?)"));
    for (const core::Claim& c : claims) {
      std::string tags;
      for (const std::string& t : c.tags) tags += (tags.empty() ? "" : "\n") + t;
      ins->bind(1, std::string_view(c.id)).bind(2, std::string_view(c.file)).bind(3, std::int64_t{c.line});
      ins->bind(4, std::string_view(c.text));
      int i = 5;
      for (const auto* v : {&c.assertion.subject, &c.assertion.metric, &c.assertion.value, &c.assertion.unit,
                            &c.assertion.approx, &c.assertion.as_of}) {
        if (*v) ins->bind(i, std::string_view(**v));
        else ins->bind_null(i);
        ++i;
      }
      ins->bind(11, std::string_view(tags));
      PC_TRY_STATUS(ins->run());
      for (std::size_t k = 0; k < c.citations.size(); ++k) {
        const core::Citation& ct = c.citations[k];
        cit->bind(1, std::string_view(c.id)).bind(2, static_cast<std::int64_t>(k)).bind(3, std::string_view(ct.source));
        cit->bind(4, static_cast<std::int64_t>(ct.start)).bind(5, static_cast<std::int64_t>(ct.end));
        cit->bind(6, std::string_view(ct.quote_hash)).bind(7, std::string_view(ct.normalized_hash));
        cit->bind(8, std::string_view(ct.snapshot));
        PC_TRY_STATUS(cit->run());
      }
    }
    return Status();
  }

  Result<std::optional<RunRecord>> last_run() override {
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(m_db,
        "SELECT id, started_at, fingerprint, summary, exit_code FROM runs ORDER BY id DESC LIMIT 1"));
    bool row = false;
    PC_ASSIGN_OR_RETURN(row, st.step());
    if (!row) return std::optional<RunRecord>();
    return std::optional<RunRecord>(RunRecord{st.column_int(0), st.column_text(1), st.column_text(2),
                                              decode_summary(st.column_text(3)), static_cast<int>(st.column_int(4))});
  }

  Result<std::int64_t> add_run(const RunRecord& r) override {
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(m_db,
        "INSERT INTO runs(started_at, fingerprint, summary, exit_code) VALUES(?,?,?,?)"));
    st.bind(1, std::string_view(r.started_at)).bind(2, std::string_view(r.fingerprint));
    st.bind(3, std::string_view(encode_summary(r.summary))).bind(4, std::int64_t{r.exit_code});
    PC_TRY_STATUS(st.run());
    return m_db.last_insert_rowid();
  }

  Result<std::unordered_map<std::string, StoredResult>> results(bool not_ok_only) override {
    std::string where = not_ok_only ? " WHERE r.severity <> 'ok'" : "";
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(m_db,
        "SELECT r.key, r.claim_id, r.idx, r.source_id, r.claim_file, r.claim_line, r.status, r.severity, "
        "r.pinned_start, r.pinned_end, r.found_start, r.found_end, r.similarity, r.message, r.old_passage, "
        "r.new_passage, r.cache_key, r.first_run, COALESCE(runs.started_at, ''), r.diff "
        "FROM results r LEFT JOIN runs ON runs.id = r.first_run" + where));
    std::unordered_map<std::string, StoredResult> out;
    for (;;) {
      bool row = false;
      PC_ASSIGN_OR_RETURN(row, st.step());
      if (!row) break;
      StoredResult r;
      core::CitationFinding& f = r.finding;
      f.claim = st.column_text(1);
      f.index = static_cast<int>(st.column_int(2));
      f.source = st.column_text(3);
      f.claim_file = st.column_text(4);
      f.claim_line = static_cast<int>(st.column_int(5));
      f.status = core::parse_status(st.column_text(6)).value_or(core::CitationStatus::missing);
      f.severity = core::parse_severity(st.column_text(7)).value_or(core::Severity::error);
      f.pinned_start = static_cast<std::uint64_t>(st.column_int(8));
      f.pinned_end = static_cast<std::uint64_t>(st.column_int(9));
      if (!st.column_is_null(10)) f.found_start = static_cast<std::uint64_t>(st.column_int(10));
      if (!st.column_is_null(11)) f.found_end = static_cast<std::uint64_t>(st.column_int(11));
      f.similarity = st.column_double(12);
      f.message = st.column_text(13);
      f.old_passage = st.column_text(14);
      f.new_passage = st.column_text(15);
      r.cache_key = st.column_text(16);
      r.first_run = st.column_int(17);
      f.since = st.column_text(18);
      f.diff = st.column_text(19);
      out.emplace(st.column_text(0), std::move(r));
    }
    PC_TRY_STATUS(read_result_pages(out));
    return out;
  }

  // The page of a citation in a paged source, kept beside its result row.
  Status put_result_page(const std::string& key, int page) {
    Statement* st = nullptr;
    PC_ASSIGN_OR_RETURN(st, cached(m_put_result_page, "UPDATE results SET page = ?1 WHERE key = ?2 AND page IS NOT ?1"));
    if (page > 0) st->bind(1, std::int64_t{page}); else st->bind_null(1);
    st->bind(2, std::string_view(key));
    return st->run();
  }

  Status read_result_pages(std::unordered_map<std::string, StoredResult>& out) {
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(m_db, "SELECT key, page FROM results WHERE page IS NOT NULL"));
    for (;;) {
      PC_ASSIGN_OR_RETURN(bool row, st.step());
      if (!row) break;
      auto it = out.find(st.column_text(0));
      if (it != out.end()) it->second.finding.page = static_cast<int>(st.column_int(1));
    }
    return Status();
  }

  Status put_result(std::int64_t run, const core::CitationFinding& f, const std::string& cache_key) override {
    Statement* hist = nullptr;
    Statement* up = nullptr;
    std::string key = result_key(f.claim, f.index);
    std::string status = core::status_name(f.status);
    PC_ASSIGN_OR_RETURN(hist, cached(m_put_history,
        "INSERT OR REPLACE INTO history(key, run, status, message) SELECT ?1, ?2, ?3, ?4 "
        "WHERE NOT EXISTS (SELECT 1 FROM results WHERE key = ?1 AND status = ?3)"));
    hist->bind(1, std::string_view(key)).bind(2, run).bind(3, std::string_view(status)).bind(4, std::string_view(f.message));
    PC_TRY_STATUS(hist->run());
    PC_ASSIGN_OR_RETURN(up, cached(m_put_result,
        "INSERT INTO results(key, claim_id, idx, source_id, claim_file, claim_line, status, severity, pinned_start, "
        "pinned_end, found_start, found_end, similarity, message, old_passage, new_passage, cache_key, first_run, "
        "last_run, diff) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(key) DO UPDATE SET "
        "first_run = CASE WHEN results.status = excluded.status THEN results.first_run ELSE excluded.first_run END, "
        "claim_id=excluded.claim_id, idx=excluded.idx, source_id=excluded.source_id, claim_file=excluded.claim_file, "
        "claim_line=excluded.claim_line, status=excluded.status, severity=excluded.severity, "
        "pinned_start=excluded.pinned_start, pinned_end=excluded.pinned_end, found_start=excluded.found_start, "
        "found_end=excluded.found_end, similarity=excluded.similarity, message=excluded.message, "
        "old_passage=excluded.old_passage, new_passage=excluded.new_passage, cache_key=excluded.cache_key, "
        "last_run=excluded.last_run, diff=excluded.diff"));
    up->bind(1, std::string_view(key)).bind(2, std::string_view(f.claim)).bind(3, std::int64_t{f.index});
    up->bind(4, std::string_view(f.source)).bind(5, std::string_view(f.claim_file)).bind(6, std::int64_t{f.claim_line});
    up->bind(7, std::string_view(status)).bind(8, std::string_view(core::severity_name(f.severity)));
    up->bind(9, static_cast<std::int64_t>(f.pinned_start)).bind(10, static_cast<std::int64_t>(f.pinned_end));
    if (f.found_start) up->bind(11, static_cast<std::int64_t>(*f.found_start)); else up->bind_null(11);
    if (f.found_end) up->bind(12, static_cast<std::int64_t>(*f.found_end)); else up->bind_null(12);
    up->bind(13, f.similarity).bind(14, std::string_view(f.message)).bind(15, std::string_view(f.old_passage));
    up->bind(16, std::string_view(f.new_passage)).bind(17, std::string_view(cache_key)).bind(18, run).bind(19, run);
    up->bind(20, std::string_view(f.diff));
    PC_TRY_STATUS(up->run());
    return put_result_page(key, f.page);
  }

  Status delete_results(const std::vector<std::string>& keys) override {
    return delete_keys("DELETE FROM results WHERE key = ?", keys);
  }

  Result<std::vector<IntactEntry>> intact_set() override {
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(m_db, "SELECT entries FROM intact WHERE id = 1"));
    PC_ASSIGN_OR_RETURN(bool row, st.step());
    std::vector<IntactEntry> out;
    if (!row) return out;
    auto entries = unpack_intact_set(st.column_blob(0));
    if (!entries) return Error(ErrorKind::corruption, m_db.path() + ": the intact set has a bad size");
    out = std::move(*entries);
    return out;
  }

  Status put_intact_set(const std::vector<IntactEntry>& entries) override {
    std::string blob = pack_intact_set(entries);
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(m_db, "INSERT OR REPLACE INTO intact(id, entries) VALUES(1, ?)"));
    st.bind_blob(1, blob);
    return st.run();
  }

  Status add_history(std::int64_t run, const std::string& key, const std::string& status,
                     const std::string& message) override {
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(m_db,
        "INSERT OR REPLACE INTO history(key, run, status, message) VALUES(?,?,?,?)"));
    st.bind(1, std::string_view(key)).bind(2, run).bind(3, std::string_view(status)).bind(4, std::string_view(message));
    return st.run();
  }

  Result<std::vector<HistoryEntry>> history(const std::string& claim_id, int index) override {
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(m_db,
        "SELECT h.run, COALESCE(runs.started_at, ''), h.status, h.message FROM history h "
        "LEFT JOIN runs ON runs.id = h.run WHERE h.key = ? ORDER BY h.run"));
    st.bind(1, std::string_view(result_key(claim_id, index)));
    std::vector<HistoryEntry> out;
    for (;;) {
      bool row = false;
      PC_ASSIGN_OR_RETURN(row, st.step());
      if (!row) break;
      out.push_back({st.column_int(0), st.column_text(1), st.column_text(2), st.column_text(3)});
    }
    return out;
  }

  Status put_pin(const PinRecord& p) override {
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(m_db,
        "INSERT INTO pins(claim_id, idx, accepted_at, status, source_id, quote, prefix, suffix, start, \"end\", "
        "quote_hash, normalized_hash, snapshot, new_start, new_end, new_snapshot) "
        "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    const core::Citation& c = p.old_pin;
    st.bind(1, std::string_view(p.claim)).bind(2, std::int64_t{p.index}).bind(3, std::string_view(p.accepted_at));
    st.bind(4, std::string_view(p.status)).bind(5, std::string_view(c.source)).bind(6, std::string_view(c.quote));
    st.bind(7, std::string_view(c.prefix)).bind(8, std::string_view(c.suffix));
    st.bind(9, static_cast<std::int64_t>(c.start)).bind(10, static_cast<std::int64_t>(c.end));
    st.bind(11, std::string_view(c.quote_hash)).bind(12, std::string_view(c.normalized_hash));
    st.bind(13, std::string_view(c.snapshot)).bind(14, static_cast<std::int64_t>(p.new_start));
    st.bind(15, static_cast<std::int64_t>(p.new_end)).bind(16, std::string_view(p.new_snapshot));
    return st.run();
  }

  Result<std::vector<PinRecord>> pins(const std::string& claim_id) override {
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(m_db,
        "SELECT idx, accepted_at, status, source_id, quote, prefix, suffix, start, \"end\", quote_hash, "
        "normalized_hash, snapshot, new_start, new_end, new_snapshot FROM pins WHERE claim_id = ? "
        "ORDER BY idx, rowid"));
    st.bind(1, std::string_view(claim_id));
    std::vector<PinRecord> out;
    for (;;) {
      bool row = false;
      PC_ASSIGN_OR_RETURN(row, st.step());
      if (!row) break;
      PinRecord p;
      p.claim = claim_id;
      p.index = static_cast<int>(st.column_int(0));
      p.accepted_at = st.column_text(1);
      p.status = st.column_text(2);
      core::Citation& c = p.old_pin;
      c.source = st.column_text(3);
      c.quote = st.column_text(4);
      c.prefix = st.column_text(5);
      c.suffix = st.column_text(6);
      c.start = static_cast<std::uint64_t>(st.column_int(7));
      c.end = static_cast<std::uint64_t>(st.column_int(8));
      c.quote_hash = st.column_text(9);
      c.normalized_hash = st.column_text(10);
      c.snapshot = st.column_text(11);
      p.new_start = static_cast<std::uint64_t>(st.column_int(12));
      p.new_end = static_cast<std::uint64_t>(st.column_int(13));
      p.new_snapshot = st.column_text(14);
      out.push_back(std::move(p));
    }
    return out;
  }

  // Conflicts (conflict_cache.h) and the search index (search_index.h).
  Status put_conflict_report(const ConflictReport& report) override {
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(m_db,
        "INSERT OR REPLACE INTO conflict_cache(id, report) VALUES(1, ?)"));
    st.bind_blob(1, pack_conflict_report(report));
    return st.run();
  }

  Result<std::optional<ConflictReport>> conflict_report() override {
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(m_db, "SELECT report FROM conflict_cache WHERE id = 1"));
    PC_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) return std::optional<ConflictReport>();
    bool damaged = false;
    auto r = unpack_conflict_report(st.column_blob(0), damaged);
    if (damaged) return Error(ErrorKind::corruption, m_db.path() + ": the conflict cache is damaged; run `provcheck reindex`");
    return r;
  }

  Status put_audit(const AuditEntry& e) override { return audit_put(m_db, e); }
  Result<std::vector<AuditEntry>> audit(const std::string& kind, const std::string& object) override {
    return audit_rows(m_db, kind, object);
  }
  Status rename_claim(const std::string& from, const std::string& to) override {
    return audit_rename_claim(m_db, from, to);
  }
  Status rename_source(const std::string& from, const std::string& to) override {
    return audit_rename_source(m_db, from, to);
  }
  Status drop_citation(const std::string& claim, int index) override { return audit_drop_citation(m_db, claim, index); }

  Result<std::vector<std::string>> indexed_snapshots() override { return search_indexed_snapshots(m_db); }
  Status index_passages(const std::string& snapshot, const std::vector<IndexedPassage>& passages) override {
    return search_index_passages(m_db, snapshot, passages);
  }
  Status unindex_snapshot(const std::string& snapshot) override { return search_unindex_snapshot(m_db, snapshot); }
  Result<std::vector<SearchHit>> search_passages(const std::string& query, int limit) override {
    return search_query(m_db, query, limit);
  }

  Result<std::vector<BrokenCitation>> broken_since(const std::string& since) override {
    return sqlite_broken_since(m_db, workspace_label(), since);
  }
  Result<std::vector<ChangedSource>> changed_sources(const std::string& since) override {
    return sqlite_changed_sources(m_db, workspace_label(), since);
  }
  Result<std::vector<SubjectClaim>> claims_by_subject(const std::vector<std::string>& folded) override {
    return sqlite_claims_by_subject(m_db, workspace_label(), folded);
  }
  Result<Dump> dump() override { return sqlite_dump(m_db, *this); }
  Status load(const Dump& d) override { return sqlite_load(m_db, *this, d); }
  std::string describe() const override { return "sqlite " + m_db.path(); }

 private:
  // The workspace's folder name (the store sits in ROOT/.provcheck/store.db).
  std::string workspace_label() const {
    std::filesystem::path root = std::filesystem::path(m_db.path()).parent_path().parent_path();
    return root.filename().string();
  }

  Result<Statement*> cached(std::unique_ptr<Statement>& slot, const char* sql) {
    if (!slot) {
      PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(m_db, sql));
      slot = std::make_unique<Statement>(std::move(st));
    }
    return slot.get();
  }

  Status delete_keys(const char* sql, const std::vector<std::string>& keys) {
    if (keys.empty()) return Status();
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(m_db, sql));
    for (const std::string& k : keys) {
      st.bind(1, std::string_view(k));
      PC_TRY_STATUS(st.run());
    }
    return Status();
  }

  // Statements are declared before the connection is destroyed: members
  // destruct in reverse order, so m_db (first) outlives them.
  Connection m_db;
  std::uint64_t m_snapshot_bytes = 0;  // stored by this connection, for the checkpoint policy
  std::unique_ptr<Statement> m_put_snapshot, m_put_source, m_link_snapshot, m_del_claim, m_del_citations, m_put_claim,
      m_put_citation, m_put_history, m_put_result;
  std::unique_ptr<Statement> m_put_result_page;
};

}  // namespace

std::string result_key(const std::string& claim_id, int index) { return claim_id + "#" + std::to_string(index); }

// A fast negative level: a cold check compresses every source it has not
// seen, and on plain text level -3 runs about 1.6x faster than level 1
// (measured on the bench corpus) for a ratio of about 1.45 instead of 2.2.
std::string compress_snapshot_text(std::string_view text) { return util::zstd_compress(text, -5); }

util::Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path, const OpenOptions& options) {
  std::error_code ec;
  const bool fresh = !std::filesystem::exists(path, ec) || std::filesystem::file_size(path, ec) == 0;
  PC_ASSIGN_OR_RETURN(Connection db, Connection::open(path, options.busy_timeout_ms, options.create));
  // A file that is not a database shows up at the first statement.
  // Large pages: snapshots are kilobytes each, and fewer, larger pages mean
  // fewer writes per commit. Only takes effect when the file is created.
  PC_TRY_STATUS(db.exec("PRAGMA page_size = 65536; PRAGMA foreign_keys = ON"));
  // WAL with synchronous=NORMAL: a crash or power loss may lose the last
  // run's record but never corrupts the store. The WAL is checkpointed by
  // SQLite's automatic checkpoint as it grows, not at every exit: a cold
  // check of a large workspace would otherwise spend more time syncing the
  // checkpoint than checking.
  //
  // A store being created holds nothing yet: switching the new file to WAL
  // and creating the schema run without syncs (a dozen fdatasyncs, 10-20 ms
  // of a cold check here). A crash in between leaves a file with no record
  // in it, which the next command reports as damaged and `rm -r .provcheck`
  // mends without losing anything.
  if (fresh) PC_TRY_STATUS(db.exec("PRAGMA synchronous = OFF"));
  auto wal = db.exec(std::string("PRAGMA journal_mode = WAL; ") + (fresh ? "" : "PRAGMA synchronous = NORMAL; ") +
                     "PRAGMA cache_size = -65536; PRAGMA journal_size_limit = 67108864");
  if (!wal.ok()) return wal.error();
  sqlite3_db_config(db.handle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
  PC_TRY_STATUS(migrate(db, latest_schema_version()));
  if (fresh) PC_TRY_STATUS(db.exec("PRAGMA synchronous = NORMAL"));
  // A quick structural check catches a truncated or byte-flipped store early.
  {
    PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(db, "SELECT count(*) FROM runs"));
    PC_ASSIGN_OR_RETURN(bool row, st.step());
    (void)row;
  }
  return std::unique_ptr<Store>(new SqliteStore(std::move(db)));
}

}  // namespace provcheck::store
