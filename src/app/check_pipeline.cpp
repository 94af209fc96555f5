#include "app/check_pipeline.h"

#include <atomic>
#include <future>
#include <mutex>

#include "app/inputs.h"
#include "util/hash.h"
#include "util/utf8.h"
#include "workspace/text_cache.h"
#include "workspace/text_layers.h"

namespace provcheck::app {
using util::ErrorKind;

bool stat_matches(const store::FileRecord& r, const util::FileStat& st) {
  return r.size == static_cast<std::int64_t>(st.size) && r.mtime_ns == st.mtime_ns && r.ctime_ns == st.ctime_ns &&
         r.inode == static_cast<std::int64_t>(st.inode) && st.mtime_ns < r.recorded_ns - k_racy_window_ns &&
         st.ctime_ns < r.recorded_ns - k_racy_window_ns;
}

std::uint64_t cache_key(const core::Citation& c, const std::string& source_hash) {
  util::Xxh3_64Stream h;
  std::string head = std::string(k_engine_version) + "\x1f" + std::to_string(core::k_normalization_version) + "\x1f" +
                     std::to_string(c.start) + "\x1f" + std::to_string(c.end) + "\x1f";
  h.update(head);
  for (const std::string* part : {&c.prefix, &c.quote, &c.suffix, &source_hash}) {
    h.update(*part);
    h.update("\x1f");
  }
  return h.digest();
}

namespace {

struct Work {
  Work(const workspace::Workspace& w, const Previous& p) : ws(w), prev(p) {}
  const workspace::Workspace& ws;
  const Previous& prev;
  std::vector<std::string> sidecars;
  std::vector<std::string> claim_files;
  std::vector<std::optional<util::Result<workspace::SourceEntry>>> entries;
  std::vector<std::optional<util::Result<workspace::ClaimsFile>>> claims;
  std::vector<LoadedSource*> sources;  // phase two's list
  CheckInputs* out = nullptr;
  std::atomic<std::size_t> next_sidecar{0}, next_claims{0}, next_source{0};
  std::atomic<std::size_t> sources_done{0};
  const ProgressFn* progress = nullptr;
  std::mutex ready_mutex;
  std::vector<const LoadedSource*> ready;  // read sources whose snapshot the sink has not seen

  void parse_sidecars() {
    for (std::size_t i; (i = next_sidecar.fetch_add(1)) < sidecars.size();) {
      entries[i].emplace(workspace::read_source_entry(ws, sidecars[i]));
    }
  }
  void parse_claims() {
    for (std::size_t i; (i = next_claims.fetch_add(1)) < claim_files.size();) {
      claims[i].emplace(workspace::read_claims_file(ws, claim_files[i]));
    }
  }
  void process_sources() {
    for (std::size_t i; (i = next_source.fetch_add(1)) < sources.size();) {
      process(*sources[i]);
      sources_done.fetch_add(1, std::memory_order_relaxed);
    }
  }
  // The calling thread's share: sources, and the sink between them.
  util::Status process_sources_and_sink(const ReadySink& sink) {
    util::Status status;
    for (;;) {
      if (status.ok()) status = drain(sink);
      std::size_t i = next_source.fetch_add(1);
      if (i >= sources.size()) break;
      process(*sources[i]);
      std::size_t done = sources_done.fetch_add(1, std::memory_order_relaxed) + 1;
      if (progress && *progress) (*progress)(done, sources.size());
    }
    return status;
  }
  util::Status drain(const ReadySink& sink) {
    std::vector<const LoadedSource*> batch;
    {
      std::lock_guard<std::mutex> lock(ready_mutex);
      batch.swap(ready);
    }
    for (const LoadedSource* ls : batch) PC_TRY_STATUS(sink(*ls));
    return util::Status();
  }
  void process(LoadedSource& ls);
  void decide(LoadedSource& ls, std::optional<std::string>& text);
};

// Reads the text layer; on failure the source becomes unusable. With
// `fresh` the file is new to this run: its bytes are checked and hashed;
// otherwise its hash is known (from the stat cache) and a rendered layer
// may come from the text-layer cache without reading the file.
std::optional<std::string> read_text(const workspace::Workspace& ws, LoadedSource& ls, bool fresh) {
  const workspace::SourceEntry& e = ls.entry;
  const std::string layer = workspace::layer_of(e.meta);
  const bool identity = workspace::is_identity_layer(layer);
  if (!fresh && !identity) {
    if (auto cached = workspace::cached_text_layer(ws, ls.hash, layer)) return cached;
  }
  auto bytes = util::read_file(ws.absolute(e.content));
  if (!bytes.ok()) {
    ls.present = false;
    ls.problem = e.content + " is unreadable: " + bytes.error().message();
    return std::nullopt;
  }
  if (fresh && workspace::raw_is_text(e.meta.media_type) && util::looks_binary(*bytes)) {
    ls.present = false;
    ls.problem = e.content + " is now a binary file, not text";
    return std::nullopt;
  }
  if (fresh) ls.hash = util::xxh3_128_digest(*bytes);
  if (identity) return std::move(bytes).value();
  if (fresh) {
    if (auto cached = workspace::cached_text_layer(ws, ls.hash, layer)) return cached;
  }
  auto text = workspace::extract_text_layer(layer, std::move(bytes).value(), e.content);
  if (!text.ok()) {
    ls.present = false;
    ls.problem = text.error().message();
    return std::nullopt;
  }
  workspace::remember_text_layer(ws, ls.hash, layer, text->text);
  return std::move(text->text);
}

void Work::process(LoadedSource& ls) {
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
  ls.present = true;
  std::optional<std::string> text;
  if (auto it = prev.records.find(e.content); it != prev.records.end() && stat_matches(it->second, *st)) {
    ls.hash = it->second.content_hash;
  } else {
    text = read_text(ws, ls, true);
    if (!text) return;
    ls.changed = true;
    // When the text layer is the file's bytes, there is no second hash to take.
    ls.text_hash = workspace::is_identity_layer(workspace::layer_of(e.meta)) ? ls.hash : util::xxh3_128_digest(*text);
    if (!prev.known_snapshots.count(ls.hash)) ls.compressed = store::compress_snapshot_text(*text);
  }
  decide(ls, text);
  if (ls.present && ls.changed) {
    std::lock_guard<std::mutex> lock(ready_mutex);
    ready.push_back(&ls);
  }
}

void Work::decide(LoadedSource& ls, std::optional<std::string>& text) {
  std::optional<core::SourceView> view;
  for (std::size_t r : ls.citations) {
    const CitationRef& ref = out->refs[r];
    const core::Citation& c = ref.claim->citations[ref.index];
    Decision& d = out->decisions[r];
    d.cache_key = cache_key(c, ls.hash);
    auto row = prev.rows.find(ref.key);
    if (row != prev.rows.end() && row->second.cache_key == util::hex64(d.cache_key)) {
      d.kind = Decision::Kind::reuse_row;
      continue;
    }
    auto was = prev.intact.find(util::xxh3_64(ref.key));
    if (was != prev.intact.end() && was->second == d.cache_key) {
      d.kind = Decision::Kind::reuse_intact;
      continue;
    }
    if (!text) {
      text = read_text(ws, ls, false);
      if (!text) return;  // the file went away between stat and read: source_missing for all
    }
    if (!view) view.emplace(*text);
    d.kind = Decision::Kind::judged;
    d.verdict = core::judge_citation(*view, c);
  }
}

// Ids of the sources whose content file or sidecar a scope touches, those
// whose sidecar was deleted included (their citations are source_missing).
std::unordered_set<std::string> sources_in_scope(const CheckInputs& in, const Scope& scope) {
  std::unordered_set<std::string> ids;
  for (const auto& [id, ls] : in.by_id) {
    if (scope.paths.count(ls.entry.content) || scope.paths.count(ls.entry.sidecar)) ids.insert(id);
  }
  const std::string prefix = "sources/", suffix = workspace::k_sidecar_suffix;
  for (const std::string& p : scope.paths) {
    if (p.rfind(prefix, 0) == 0 && p.size() > prefix.size() + suffix.size() &&
        p.compare(p.size() - suffix.size(), suffix.size(), suffix) == 0) {
      ids.insert(p.substr(prefix.size(), p.size() - prefix.size() - suffix.size()));
    }
  }
  return ids;
}

bool claim_in_scope(const core::Claim& claim, const Scope& scope, const std::unordered_set<std::string>& sources) {
  if (scope.paths.count(claim.file)) return true;
  for (const core::Citation& c : claim.citations) {
    if (sources.count(c.source)) return true;
  }
  return false;
}

}  // namespace

util::Result<CheckInputs> load_and_judge(const workspace::Workspace& ws, const Previous& prev,
                                         std::vector<std::string> sidecars, std::vector<std::string> claim_files,
                                         const ReadySink& sink, const ProgressFn& progress, const Scope* scope) {
  CheckInputs in;
  Work w(ws, prev);
  w.out = &in;
  w.progress = &progress;
  w.sidecars = std::move(sidecars);
  w.claim_files = std::move(claim_files);
  w.entries.resize(w.sidecars.size());
  w.claims.resize(w.claim_files.size());
  // Phase one: one thread starts with the sidecars, the other with the claims.
  auto helper = std::async(std::launch::async, [&w] {
    w.parse_sidecars();
    w.parse_claims();
  });
  w.parse_claims();
  w.parse_sidecars();
  helper.get();
  in.by_id.reserve(w.entries.size());
  for (auto& slot : w.entries) {
    if (!slot->ok()) return slot->error();
    LoadedSource ls;
    ls.entry = std::move(*slot).value();
    std::string id = ls.entry.meta.id;
    in.by_id.emplace(std::move(id), std::move(ls));
  }
  in.claims.reserve(w.claims.size());
  for (auto& slot : w.claims) {
    if (!slot->ok()) return slot->error();
    in.claims.push_back(std::move(*slot).value());
  }
  PC_TRY_STATUS(workspace::check_unique_ids(in.claims));
  std::unordered_set<std::string> scoped_sources;
  if (scope) scoped_sources = sources_in_scope(in, *scope);
  for (const auto& f : in.claims) {
    for (const core::Claim& claim : f.claims) {
      if (scope && !claim_in_scope(claim, *scope, scoped_sources)) continue;
      for (std::size_t i = 0; i < claim.citations.size(); ++i) {
        in.refs.push_back({&claim, i, store::result_key(claim.id, static_cast<int>(i))});
      }
    }
  }
  in.decisions.resize(in.refs.size());
  for (std::size_t r = 0; r < in.refs.size(); ++r) {
    auto it = in.by_id.find(in.refs[r].claim->citations[in.refs[r].index].source);
    if (it != in.by_id.end()) it->second.citations.push_back(r);
  }
  // Phase two: sources, each decided as soon as it is read.
  for (auto& [id, ls] : in.by_id) {
    if (!scope || !ls.citations.empty()) w.sources.push_back(&ls);
  }
  auto helper2 = std::async(std::launch::async, [&w] { w.process_sources(); });
  util::Status sunk = w.process_sources_and_sink(sink);
  helper2.get();
  if (progress) progress(w.sources.size(), w.sources.size());
  if (sunk.ok()) sunk = w.drain(sink);
  if (!sunk.ok()) return sunk.error();
  return in;
}

}  // namespace provcheck::app
