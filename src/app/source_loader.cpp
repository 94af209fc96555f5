#include "app/source_loader.h"

#include <atomic>
#include <future>

#include "app/inputs.h"
#include "util/hash.h"
#include "util/utf8.h"

namespace provcheck::app {
using util::ErrorKind;

bool stat_matches(const store::FileRecord& r, const util::FileStat& st) {
  return r.size == static_cast<std::int64_t>(st.size) && r.mtime_ns == st.mtime_ns &&
         r.inode == static_cast<std::int64_t>(st.inode) && st.mtime_ns < r.recorded_ns - k_racy_window_ns;
}

namespace {

void load_content(const workspace::Workspace& ws, LoadedSource& ls,
                  const std::unordered_map<std::string, store::FileRecord>& records,
                  const std::unordered_set<std::string>& known_snapshots) {
  const workspace::SourceEntry& e = ls.entry;
  auto st = util::stat_file(ws.absolute(e.content));
  if (!st.ok()) {
    ls.problem = st.error().kind() == ErrorKind::not_found
                     ? e.content + " is gone (its sidecar " + e.sidecar + " is still there)"
                     : e.content + " is unreadable: " + st.error().message();
    return;
  }
  if (!st->is_regular) {
    ls.problem = e.content + " is not a regular file";
    return;
  }
  ls.stat = *st;
  if (auto it = records.find(e.content); it != records.end() && stat_matches(it->second, *st)) {
    ls.hash = it->second.content_hash;
    ls.present = true;
    return;
  }
  auto bytes = util::read_file(ws.absolute(e.content));
  if (!bytes.ok()) {
    ls.problem = e.content + " is unreadable: " + bytes.error().message();
    return;
  }
  if (util::looks_binary(*bytes)) {
    ls.problem = e.content + " is now a binary file, not text";
    return;
  }
  ls.hash = util::xxh3_128_digest(*bytes);
  auto text = workspace::text_layer(e.meta.media_type, std::move(bytes).value(), e.content);
  if (!text.ok()) {
    ls.problem = text.error().message();
    return;
  }
  ls.text = std::move(text).value();
  ls.present = true;
  ls.changed = true;
  if (!known_snapshots.count(ls.hash)) ls.compressed = store::compress_snapshot_text(*ls.text);
}

struct Work {
  const workspace::Workspace& ws;
  const std::unordered_map<std::string, store::FileRecord>& records;
  const std::unordered_set<std::string>& known;
  std::vector<std::string> sidecars;
  std::vector<std::string> claim_files;
  std::vector<std::optional<util::Result<LoadedSource>>> sources_out;
  std::vector<std::optional<util::Result<workspace::ClaimsFile>>> claims_out;
  std::atomic<std::size_t> next_source{0};
  std::atomic<std::size_t> next_claims{0};

  void do_sources() {
    for (std::size_t i; (i = next_source.fetch_add(1)) < sidecars.size();) {
      auto entry = workspace::read_source_entry(ws, sidecars[i]);
      if (!entry.ok()) {
        sources_out[i].emplace(entry.error());
        continue;
      }
      LoadedSource ls;
      ls.entry = std::move(entry).value();
      load_content(ws, ls, records, known);
      sources_out[i].emplace(std::move(ls));
    }
  }
  void do_claims() {
    for (std::size_t i; (i = next_claims.fetch_add(1)) < claim_files.size();) {
      claims_out[i].emplace(workspace::read_claims_file(ws, claim_files[i]));
    }
  }
};

}  // namespace

util::Result<CheckInputs> load_check_inputs(const workspace::Workspace& ws,
                                            const std::unordered_map<std::string, store::FileRecord>& records,
                                            const std::unordered_set<std::string>& known_snapshots) {
  Work w{ws, records, known_snapshots, {}, {}, {}, {}};
  PC_ASSIGN_OR_RETURN(w.sidecars, workspace::list_sidecars(ws));
  PC_ASSIGN_OR_RETURN(w.claim_files, workspace::list_claims_files(ws));
  w.sources_out.resize(w.sidecars.size());
  w.claims_out.resize(w.claim_files.size());
  auto helper = std::async(std::launch::async, [&w] {
    w.do_sources();
    w.do_claims();
  });
  w.do_claims();
  w.do_sources();
  helper.get();

  CheckInputs in;
  in.sidecars = std::move(w.sidecars);
  in.by_id.reserve(w.sources_out.size());
  for (auto& slot : w.sources_out) {
    if (!slot->ok()) return slot->error();
    LoadedSource ls = std::move(*slot).value();
    std::string id = ls.entry.meta.id;
    in.by_id.emplace(std::move(id), std::move(ls));
  }
  in.claims.reserve(w.claims_out.size());
  for (auto& slot : w.claims_out) {
    if (!slot->ok()) return slot->error();
    in.claims.push_back(std::move(*slot).value());
  }
  PC_TRY_STATUS(workspace::check_unique_ids(in.claims));
  return in;
}

util::Status ensure_text(const workspace::Workspace& ws, LoadedSource& src) {
  if (src.text) return util::Status();
  PC_ASSIGN_OR_RETURN(std::string bytes, util::read_file(ws.absolute(src.entry.content)));
  PC_ASSIGN_OR_RETURN(std::string text, workspace::text_layer(src.entry.meta.media_type, std::move(bytes), src.entry.content));
  src.text = std::move(text);
  return util::Status();
}

}  // namespace provcheck::app
