#include "app/manage_common.h"

#include <cstdlib>
#include <functional>

#include "util/utf8.h"

namespace provcheck::app {
using util::Error;
using util::ErrorKind;

std::string current_user() {
  for (const char* var : {"PROVCHECK_USER", "USER", "LOGNAME"}) {
    if (const char* v = std::getenv(var); v && *v) return v;
  }
  return "unknown";
}

util::Result<Workset> open_workset(const GlobalOptions& g) {
  PC_ASSIGN_OR_RETURN(Session s, open_write_session(g));
  PC_ASSIGN_OR_RETURN(auto files, workspace::load_claims(s.ws));
  PC_ASSIGN_OR_RETURN(auto sources, workspace::list_sources(s.ws));
  Workset w{std::move(s), std::move(files), std::move(sources), {}, {}, {}, {}};
  return w;
}

util::Result<ClaimRef> find_claim_ref(const Workset& w, const std::string& id, const std::string& command) {
  for (std::size_t f = 0; f < w.files.size(); ++f) {
    for (std::size_t i = 0; i < w.files[f].claims.size(); ++i) {
      if (w.files[f].claims[i].id == id) return ClaimRef{f, i};
    }
  }
  return Error(ErrorKind::not_found, command + ": no claim '" + id + "' in claims/; `provcheck claim list` shows the ids");
}

core::Claim& claim_at(Workset& w, ClaimRef r) { return w.files[r.file].claims[r.index]; }

const workspace::SourceEntry* find_source(const Workset& w, const std::string& id) {
  for (const auto& e : w.sources) {
    if (e.meta.id == id) return &e;
  }
  return nullptr;
}

util::Error unknown_source(const Workset& w, const std::string& id, const std::string& origin) {
  std::string known;
  std::size_t shown = 0;
  for (const auto& e : w.sources) {
    if (shown++ < 8) known += (known.empty() ? "" : ", ") + e.meta.id;
  }
  return Error(ErrorKind::not_found, origin + ": unknown source id '" + id + "'" +
                                         (known.empty() ? "; add it first with `provcheck source add PATH`"
                                                        : "; known sources: " + known + (w.sources.size() > 8 ? ", ..." : "")));
}

util::Result<core::QuoteResolution> pin_quote(Workset& w, const std::string& source_id, const std::string& quote,
                                              std::optional<int> occurrence, const std::string& origin) {
  const workspace::SourceEntry* e = find_source(w, source_id);
  if (!e) return unknown_source(w, source_id, origin);
  PC_ASSIGN_OR_RETURN(workspace::LoadedText t, workspace::load_text_layer(w.s.ws, *e));
  auto res = core::resolve_quote(t.text, quote, occurrence, source_id, t.raw_hash);
  if (!res.ok()) return res.error().with_context(origin);
  core::QuoteResolution q = std::move(res).value();
  if (util::check_utf8(q.citation.quote).invalid_sequences > 0) {
    return Error(ErrorKind::invalid_input, origin + ": the matched passage contains bytes that are not valid UTF-8 "
                                                    "and cannot be recorded in a claims file; quote a passage without them");
  }
  workspace::record_page(e->meta, t.text, q.citation);
  w.snapshots.push_back({store::SnapshotInfo{t.raw_hash, e->meta.media_type, t.raw_size, t.text_hash, now_iso(), e->content},
                         std::move(t.text)});
  w.touched_sources.push_back(e->meta);
  return q;
}

void add_audit(Workset& w, const std::string& command, const std::string& kind, const std::string& object,
               std::string before, std::string after, std::string detail) {
  store::AuditEntry e;
  e.at = now_iso();
  e.command = command;
  e.who = current_user();
  e.kind = kind;
  e.object = object;
  e.before = std::move(before);
  e.after = std::move(after);
  e.detail = std::move(detail);
  w.audit.push_back(std::move(e));
}

util::Status commit_workset(Workset& w, workspace::FileTransaction& extra,
                            const std::function<util::Status(store::Store&)>& store_moves) {
  std::vector<core::Claim> all;
  for (std::size_t f = 0; f < w.files.size(); ++f) {
    if (w.changed.count(f)) {
      std::string rendered = workspace::render_claims_file(w.files[f]);
      auto reparsed = workspace::parse_claims_file(rendered, w.files[f].path);
      if (!reparsed.ok()) return Error(ErrorKind::internal, "rendered claims file does not parse: " + reparsed.error().message());
      for (std::size_t i = 0; i < w.files[f].claims.size(); ++i) w.files[f].claims[i].line = reparsed->claims[i].line;
      extra.write(w.files[f].path, std::move(rendered));
    }
    all.insert(all.end(), w.files[f].claims.begin(), w.files[f].claims.end());
  }
  PC_ASSIGN_OR_RETURN(auto tx, w.s.store->begin_write());
  if (store_moves) PC_TRY_STATUS(store_moves(*w.s.store));
  for (const auto& [info, text] : w.snapshots) PC_TRY_STATUS(w.s.store->put_snapshot(info, text));
  for (std::size_t i = 0; i < w.touched_sources.size(); ++i) {
    PC_TRY_STATUS(w.s.store->put_source(w.touched_sources[i], w.snapshots[i].first.hash, now_iso()));
  }
  PC_TRY_STATUS(w.s.store->replace_claims(all));
  PC_TRY_STATUS(w.s.store->set_meta("claims_index", "current"));
  for (const auto& e : w.audit) PC_TRY_STATUS(w.s.store->put_audit(e));
  PC_TRY_STATUS(extra.prepare());
  PC_TRY_STATUS(tx->commit());  // on failure `extra` is abandoned by its destructor
  return extra.apply();
}

std::string audit_text(const std::vector<store::AuditEntry>& entries) {
  if (entries.empty()) return {};
  std::string out = "  changes:\n";
  for (const auto& e : entries) {
    out += "    " + e.at + "  " + e.who + "  " + e.command + (e.detail.empty() ? "" : ": " + e.detail) + "\n";
  }
  return out;
}

nlohmann::ordered_json audit_json(const std::vector<store::AuditEntry>& entries) {
  auto parse = [](const std::string& text) {
    if (text.empty()) return nlohmann::ordered_json(nullptr);
    auto j = nlohmann::ordered_json::parse(text, nullptr, false);
    return j.is_discarded() ? nlohmann::ordered_json(text) : j;
  };
  nlohmann::ordered_json arr = nlohmann::ordered_json::array();
  for (const auto& e : entries) {
    arr.push_back({{"at", e.at}, {"who", e.who}, {"command", e.command}, {"detail", e.detail},
                   {"before", parse(e.before)}, {"after", parse(e.after)}});
  }
  return arr;
}

util::Result<CommandOutput> show_gone_claim(Session& s, const std::string& id, bool json) {
  PC_ASSIGN_OR_RETURN(auto entries, s.store->audit("claim", id));
  if (entries.empty() || !entries.back().after.empty()) {
    return Error(ErrorKind::not_found, "no claim '" + id + "' in claims/; `provcheck claim list` shows the ids");
  }
  const store::AuditEntry& last = entries.back();
  auto before = nlohmann::ordered_json::parse(last.before, nullptr, false);
  CommandOutput out;
  if (json) {
    nlohmann::ordered_json j;
    j["id"] = id;
    j["removed"] = {{"at", last.at}, {"who", last.who}, {"command", last.command}, {"detail", last.detail}};
    j["last_content"] = before.is_discarded() ? nlohmann::ordered_json(nullptr) : before;
    j["audit"] = audit_json(entries);
    out.out = j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    return out;
  }
  out.out = "claim " + id + "  (removed " + last.at + " by " + last.who + ", " + last.command +
            (last.detail.empty() ? "" : ": " + last.detail) + ")\n";
  if (!before.is_discarded()) {
    out.out += "  last content: " + before.value("text", std::string()) + "\n";
    if (before.contains("citations")) {
      std::size_t i = 0;
      for (const auto& c : before["citations"]) {
        out.out += "  [" + std::to_string(i++) + "] " + c.value("source", std::string()) + " bytes " +
                   std::to_string(c.value("start", 0)) + "-" + std::to_string(c.value("end", 0)) + ": \"" +
                   c.value("quote", std::string()) + "\"\n";
      }
    }
  }
  out.out += audit_text(entries);
  return out;
}

}  // namespace provcheck::app
