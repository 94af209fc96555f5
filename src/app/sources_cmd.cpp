#include "app/sources_cmd.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "app/capture.h"
#include "app/manage_common.h"
#include "core/text_search.h"
#include "util/file_io.h"
#include "util/file_set.h"
#include "util/hash.h"
#include "util/utf8.h"
#include "workspace/sources.h"
#include "workspace/text_cache.h"
#include "workspace/text_layers.h"

namespace provcheck::app {
namespace fs = std::filesystem;
using util::Error;
using util::ErrorKind;

namespace {

struct PlannedSource {
  core::SourceMeta meta;
  fs::path from;
  fs::path content_target;
  bool copy = false;
  std::string bytes;
  std::string text;  // the text layer
  util::FileStat stat;
};

bool inside(const fs::path& dir, const fs::path& p) {
  auto d = fs::weakly_canonical(dir);
  auto q = fs::weakly_canonical(p);
  auto rel = q.lexically_relative(d);
  return !rel.empty() && *rel.begin() != ".." && rel.is_relative();
}

// --text-layer, or the layer new sources of this media type get.
util::Result<std::string> chosen_layer(const SourceAddOptions& o, const std::string& media_type, const std::string& shown) {
  if (o.text_layer.empty()) return workspace::layer_for_new_source(media_type);
  if (std::string why = workspace::layer_problem(o.text_layer, media_type); !why.empty()) {
    return Error(ErrorKind::invalid_input, shown + ": --text-layer: " + why);
  }
  return o.text_layer;
}

util::Result<PlannedSource> plan_source(const Session& s, const fs::path& path, const SourceAddOptions& o,
                                        std::set<std::string>& ids, std::vector<std::string>& notes) {
  std::string shown = path.string();
  PC_ASSIGN_OR_RETURN(util::FileStat st, util::stat_file(path));
  if (st.is_directory) {
    return Error(ErrorKind::invalid_input, shown + ": is a folder; give the path of a .txt or .md file");
  }
  if (!st.is_regular) return Error(ErrorKind::invalid_input, shown + ": not a regular file");
  PlannedSource p;
  PC_ASSIGN_OR_RETURN(p.meta.media_type, workspace::media_type_for(path));
  PC_TRY_STATUS(check_confined(s.ws, path, o.allow_outside));
  PC_ASSIGN_OR_RETURN(p.bytes, util::read_file(path));
  if (workspace::raw_is_text(p.meta.media_type) && util::looks_binary(p.bytes)) {
    return Error(ErrorKind::invalid_input, shown + ": looks like a binary file (NUL bytes or mostly invalid UTF-8), "
                                                   "not text; convert it to text first");
  }
  util::Utf8Report u = util::check_utf8(p.bytes);
  if (u.invalid_sequences > 0) {
    notes.push_back(shown + ": " + std::to_string(u.invalid_sequences) + " byte(s) are not valid UTF-8 (first at byte " +
                    std::to_string(u.first_invalid_offset) + ", line " +
                    std::to_string(core::line_of(p.bytes, u.first_invalid_offset)) +
                    "); they are kept as they are, offsets do not shift, and they read as U+FFFD when matching");
  }
  PC_ASSIGN_OR_RETURN(p.meta.text_layer, chosen_layer(o, p.meta.media_type, shown));
  PC_ASSIGN_OR_RETURN(workspace::TextLayer layer, workspace::extract_text_layer(p.meta.text_layer, p.bytes, shown));
  p.text = std::move(layer.text);
  if (p.text.empty()) notes.push_back(shown + ": the file has no text; no passage of it can be cited yet");
  std::string id = o.id ? *o.id : workspace::id_from_filename(path);
  if (!workspace::is_valid_id(id)) {
    return Error(ErrorKind::invalid_input, shown + ": '" + id + "' is not a valid source id (lowercase letters, "
                                                   "digits, '.', '_', '-'); give one with --id");
  }
  if (!ids.insert(id).second || fs::exists(workspace::sidecar_path(s.ws, id))) {
    return Error(ErrorKind::conflict, shown + ": a source with id '" + id +
                                          "' already exists; choose another with --id, or edit the existing file");
  }
  p.meta.id = id;
  p.from = path;
  if (inside(s.ws.sources_dir(), path)) {
    p.content_target = fs::weakly_canonical(path);
    if (p.content_target.parent_path() != fs::weakly_canonical(s.ws.sources_dir())) {
      return Error(ErrorKind::invalid_input, shown + ": sources must sit directly in sources/, not in a subfolder");
    }
  } else {
    p.content_target = s.ws.sources_dir() / (id + path.extension().string());
    p.copy = true;
    if (fs::exists(p.content_target)) {
      return Error(ErrorKind::conflict, s.ws.relative(p.content_target) +
                                            " already exists; choose another id with --id");
    }
  }
  p.meta.file = p.content_target.filename().string();
  p.meta.title = !o.title.empty() ? o.title : !layer.title.empty() ? layer.title : path.stem().string();
  p.meta.publisher = o.publisher;
  p.meta.url = o.url;
  p.meta.published = o.published;
  p.meta.retrieved = o.retrieved.empty() ? now_iso() : o.retrieved;
  p.meta.content_hash = util::xxh3_128_digest(p.bytes);
  return p;
}

// A URL: fetched now; the bytes go to sources/ID.EXT (EXT from the media type).
util::Result<PlannedSource> plan_url_source(const Session& s, const std::string& url, const SourceAddOptions& o,
                                            std::set<std::string>& ids) {
  // The id comes from the URL, so it is checked before anything is fetched.
  std::string id = o.id ? *o.id : id_from_url(url);
  if (!workspace::is_valid_id(id)) {
    return Error(ErrorKind::invalid_input, url + ": '" + id + "' is not a valid source id (lowercase letters, "
                                                 "digits, '.', '_', '-'); give one with --id");
  }
  if (!ids.insert(id).second || fs::exists(workspace::sidecar_path(s.ws, id))) {
    return Error(ErrorKind::conflict, url + ": a source with id '" + id +
                                          "' already exists; choose another with --id, or `provcheck source refresh " +
                                          id + "` to capture it again");
  }
  PC_ASSIGN_OR_RETURN(Capture c, capture_url(url, o.http, ""));
  if (!o.text_layer.empty() && o.text_layer != c.layer) {
    PC_ASSIGN_OR_RETURN(c.layer, chosen_layer(o, c.media_type, url));
    PC_ASSIGN_OR_RETURN(workspace::TextLayer t, workspace::extract_text_layer(c.layer, c.response.body, url));
    c.text = std::move(t.text);
  }
  PlannedSource p;
  p.meta.id = id;
  p.meta.media_type = c.media_type;
  p.meta.text_layer = c.layer;
  p.content_target = s.ws.sources_dir() / (id + workspace::extension_for(c.media_type));
  p.copy = true;
  if (fs::exists(p.content_target)) {
    return Error(ErrorKind::conflict, s.ws.relative(p.content_target) + " already exists; choose another id with --id");
  }
  p.meta.file = p.content_target.filename().string();
  p.meta.title = !o.title.empty() ? o.title : !c.title.empty() ? c.title : id;
  p.meta.publisher = o.publisher;
  p.meta.url = o.url.empty() ? url : o.url;
  p.meta.published = o.published;
  p.meta.retrieved = o.retrieved.empty() ? now_iso() : o.retrieved;
  p.meta.capture_url = url;
  p.meta.final_url = c.response.final_url;
  p.meta.http_status = static_cast<int>(c.response.status);
  p.meta.etag = c.response.etag;
  p.meta.last_modified = c.response.last_modified;
  p.meta.response_headers = recorded_headers(c.response);
  p.bytes = std::move(c.response.body);
  p.text = std::move(c.text);
  p.meta.content_hash = util::xxh3_128_digest(p.bytes);
  return p;
}

}  // namespace

util::Result<CommandOutput> source_add(const GlobalOptions& g, const SourceAddOptions& o) {
  if (o.paths.empty()) return Error(ErrorKind::invalid_input, "source add: give at least one PATH");
  if (o.id && o.paths.size() > 1) {
    return Error(ErrorKind::invalid_input, "source add: --id needs exactly one PATH (ids of several come from file names)");
  }
  if (!o.published.empty() && !(o.published.size() >= 4 && std::isdigit(static_cast<unsigned char>(o.published[0])))) {
    return Error(ErrorKind::invalid_input, "--published '" + o.published + "': give an ISO date such as 2016-12-15");
  }
  PC_ASSIGN_OR_RETURN(Session s, open_write_session(g));
  CommandOutput out;
  std::set<std::string> ids;
  std::vector<PlannedSource> plans;
  for (const std::string& path : o.paths) {
    if (is_url(path)) {
      PC_ASSIGN_OR_RETURN(PlannedSource p, plan_url_source(s, path, o, ids));
      plans.push_back(std::move(p));
      continue;
    }
    PC_ASSIGN_OR_RETURN(PlannedSource p, plan_source(s, fs::path(path), o, ids, out.notes));
    plans.push_back(std::move(p));
  }
  // Take the store's write lock before touching files; on any failure the
  // files written so far are removed and the transaction rolls back.
  PC_ASSIGN_OR_RETURN(auto tx, s.store->begin_write());
  std::vector<fs::path> written;
  auto undo = [&](const Error& e) {
    for (const fs::path& f : written) fs::remove(f);
    return e;
  };
  // Every content file and sidecar of the command or none, even across a
  // crash (util/file_set.h).
  std::vector<util::FileWrite> files;
  for (PlannedSource& p : plans) {
    if (p.copy) files.push_back({p.content_target, p.bytes});
    files.push_back({workspace::sidecar_path(s.ws, p.meta.id), workspace::render_sidecar(p.meta)});
  }
  if (auto st = util::write_file_set(s.ws.store_dir(), files); !st.ok()) return st.error();
  for (const util::FileWrite& f : files) written.push_back(f.path);
  for (PlannedSource& p : plans) {
    store::SnapshotInfo snap{p.meta.content_hash, p.meta.media_type, static_cast<std::int64_t>(p.bytes.size()),
                             util::xxh3_128_digest(p.text), p.meta.retrieved,
                             p.meta.capture_url.empty() ? p.from.string() : p.meta.final_url};
    if (auto st = s.store->put_snapshot(snap, p.text); !st.ok()) return undo(st.error());
    if (!workspace::is_identity_layer(p.meta.text_layer)) {
      workspace::remember_text_layer(s.ws, p.meta.content_hash, p.meta.text_layer, p.text);
    }
    if (auto st = s.store->put_source(p.meta, p.meta.content_hash, p.meta.retrieved); !st.ok()) return undo(st.error());
    out.out += "added source " + p.meta.id + " (" + s.ws.relative(p.content_target) + ", " +
               std::to_string(p.bytes.size()) + " bytes, " + p.meta.content_hash + ")" +
               (p.meta.capture_url.empty() ? std::string()
                                           : " from " + p.meta.final_url + " (HTTP " + std::to_string(p.meta.http_status) +
                                                 ", " + p.meta.media_type + ")") +
               "\n";
  }
  if (auto st = tx->commit(); !st.ok()) return undo(st.error());
  return out;
}

util::Result<CommandOutput> source_list(const GlobalOptions& g, bool json) {
  PC_ASSIGN_OR_RETURN(workspace::Workspace ws, find_workspace(g));
  PC_ASSIGN_OR_RETURN(auto sources, workspace::list_sources(ws));
  CommandOutput out;
  nlohmann::ordered_json arr = nlohmann::ordered_json::array();
  for (const auto& e : sources) {
    bool present = fs::exists(ws.sources_dir() / e.meta.file);
    if (json) {
      arr.push_back({{"id", e.meta.id}, {"file", e.content}, {"title", e.meta.title}, {"publisher", e.meta.publisher},
                     {"published", e.meta.published}, {"media_type", e.meta.media_type},
                     {"content_hash", e.meta.content_hash}, {"present", present},
                     {"text_layer", workspace::layer_of(e.meta)}, {"capture_url", e.meta.capture_url}});
    } else {
      out.out += e.meta.id + "\t" + e.content + "\t" + (e.meta.published.empty() ? "-" : e.meta.published) + "\t" +
                 e.meta.title + (present ? "" : "\t(file missing)") + "\n";
    }
  }
  if (json) out.out = arr.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  return out;
}

util::Result<CommandOutput> source_show(const GlobalOptions& g, const std::string& id, bool json) {
  PC_ASSIGN_OR_RETURN(Session s, open_session(g));
  fs::path sidecar = workspace::sidecar_path(s.ws, id);
  PC_ASSIGN_OR_RETURN(auto changes, s.store->audit("source", id));
  if (!fs::exists(sidecar) && !changes.empty() && changes.back().after.empty()) {
    const store::AuditEntry& last = changes.back();  // removed: say when, by whom, and what it was
    CommandOutput out;
    if (json) {
      nlohmann::ordered_json j = {{"id", id}, {"removed", {{"at", last.at}, {"who", last.who}, {"command", last.command}}}};
      j["audit"] = audit_json(changes);
      out.out = j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    } else {
      out.out = "source " + id + "  (removed " + last.at + " by " + last.who + ": " + last.detail + ")\n" + audit_text(changes);
    }
    return out;
  }
  if (!fs::exists(sidecar)) {
    return Error(ErrorKind::not_found, "no source '" + id + "' (no " + s.ws.relative(sidecar) +
                                           "); `provcheck source list` shows the ids");
  }
  PC_ASSIGN_OR_RETURN(core::SourceMeta m, workspace::read_sidecar(sidecar, s.ws.relative(sidecar)));
  std::string now_hash;
  auto bytes = util::read_file(s.ws.sources_dir() / m.file);
  if (bytes.ok()) now_hash = util::xxh3_128_digest(*bytes);
  PC_ASSIGN_OR_RETURN(auto snaps, s.store->source_snapshots(id));
  CommandOutput out;
  if (json) {
    nlohmann::ordered_json j = {{"id", m.id},           {"file", "sources/" + m.file}, {"title", m.title},
                                {"publisher", m.publisher}, {"url", m.url},            {"published", m.published},
                                {"retrieved", m.retrieved}, {"media_type", m.media_type},
                                {"content_hash", m.content_hash}, {"text_layer", workspace::layer_of(m)},
                                {"current_hash", now_hash.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(now_hash)}};
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (const auto& sn : snaps) arr.push_back({{"hash", sn.hash}, {"bytes", sn.byte_size}, {"first_seen", sn.captured_at}});
    if (!m.capture_url.empty()) {
      j["capture"] = {{"url", m.capture_url}, {"final_url", m.final_url}, {"http_status", m.http_status},
                      {"etag", m.etag}, {"last_modified", m.last_modified}};
    }
    j["snapshots"] = arr;
    j["audit"] = audit_json(changes);
    out.out = j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    return out;
  }
  out.out += "id:           " + m.id + "\n";
  out.out += "file:         sources/" + m.file + (bytes.ok() ? "" : "  (missing or unreadable)") + "\n";
  out.out += "title:        " + m.title + "\n";
  out.out += "publisher:    " + m.publisher + "\n";
  out.out += "url:          " + m.url + "\n";
  out.out += "published:    " + m.published + "\n";
  out.out += "retrieved:    " + m.retrieved + "\n";
  out.out += "media type:   " + m.media_type + "\n";
  out.out += "content hash: " + m.content_hash + "\n";
  out.out += "text layer:   " + workspace::layer_of(m) + "\n";
  if (!m.capture_url.empty()) {
    out.out += "captured:     " + m.capture_url + (m.final_url != m.capture_url ? " -> " + m.final_url : "") +
               " (HTTP " + std::to_string(m.http_status) + ")\n";
    if (!m.etag.empty()) out.out += "etag:         " + m.etag + "\n";
    if (!m.last_modified.empty()) out.out += "last-modified: " + m.last_modified + "\n";
  }
  if (!now_hash.empty() && now_hash != m.content_hash) out.out += "current hash: " + now_hash + " (the file changed since it was added)\n";
  out.out += "snapshots:    " + std::to_string(snaps.size()) + "\n";
  for (const auto& sn : snaps) out.out += "  " + sn.hash + "  " + std::to_string(sn.byte_size) + " bytes  " + sn.captured_at + "\n";
  out.out += audit_text(changes);
  return out;
}

}  // namespace provcheck::app
