#include "app/source_loader.h"

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

void load_one(const workspace::Workspace& ws, LoadedSource& ls,
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

}  // namespace

util::Result<SourceLoad> load_sources(const workspace::Workspace& ws,
                                      const std::unordered_map<std::string, store::FileRecord>& records,
                                      const std::unordered_set<std::string>& known_snapshots) {
  SourceLoad load;
  PC_ASSIGN_OR_RETURN(load.entries, workspace::list_sources(ws));
  for (const workspace::SourceEntry& e : load.entries) {
    LoadedSource ls;
    ls.entry = e;
    load_one(ws, ls, records, known_snapshots);
    load.by_id.emplace(e.meta.id, std::move(ls));
  }
  return load;
}

util::Status ensure_text(const workspace::Workspace& ws, LoadedSource& src) {
  if (src.text) return util::Status();
  PC_ASSIGN_OR_RETURN(std::string bytes, util::read_file(ws.absolute(src.entry.content)));
  PC_ASSIGN_OR_RETURN(std::string text, workspace::text_layer(src.entry.meta.media_type, std::move(bytes), src.entry.content));
  src.text = std::move(text);
  return util::Status();
}

}  // namespace provcheck::app
