#include "app/source_manage_cmd.h"

#include <filesystem>
#include <map>

#include "app/manage_common.h"
#include "util/file_io.h"

namespace provcheck::app {
namespace fs = std::filesystem;
using util::Error;
using util::ErrorKind;

namespace {

// Claims citing `source`: claim id -> number of its citations of it.
std::map<std::string, int> citing_claims(const Workset& w, const std::string& source) {
  std::map<std::string, int> out;
  for (const auto& f : w.files) {
    for (const auto& c : f.claims) {
      for (const auto& ct : c.citations) {
        if (ct.source == source) ++out[c.id];
      }
    }
  }
  return out;
}

std::string list_ids(const std::map<std::string, int>& ids) {
  std::string s;
  std::size_t n = 0;
  for (const auto& [id, _] : ids) {
    if (n++ == 10) {
      s += ", ...";
      break;
    }
    s += (s.empty() ? "" : ", ") + id;
  }
  return s;
}

}  // namespace

util::Result<CommandOutput> source_rename(const GlobalOptions& g, const std::string& from, const std::string& to) {
  PC_ASSIGN_OR_RETURN(Workset w, open_workset(g));
  const workspace::SourceEntry* e = find_source(w, from);
  if (!e) return unknown_source(w, from, "source rename");
  if (!workspace::is_valid_id(to)) {
    return Error(ErrorKind::invalid_input, "source rename " + from + " " + to + ": '" + to +
                                               "' is not a valid source id (lowercase letters, digits, '.', '_', '-', "
                                               "starting with a letter or digit)");
  }
  if (to == from) return Error(ErrorKind::invalid_input, "source rename " + from + " " + to + ": the new id is the old one");
  if (find_source(w, to) || fs::exists(workspace::sidecar_path(w.s.ws, to))) {
    return Error(ErrorKind::conflict, "source rename " + from + " " + to + ": a source '" + to +
                                          "' already exists; choose another id or remove it first");
  }
  core::SourceMeta meta = e->meta;
  const std::string before = workspace::render_sidecar(meta);
  workspace::FileTransaction ft(w.s.ws);
  // The content file follows the id when it is named after it (ID.ext);
  // a file with another name keeps it.
  fs::path old_file(meta.file);
  std::string detail = "renamed " + from + " to " + to;
  if (old_file.stem().string() == from) {
    std::string new_file = (old_file.parent_path() / (to + old_file.extension().string())).generic_string();
    if (fs::exists(w.s.ws.sources_dir() / new_file)) {
      return Error(ErrorKind::conflict, "source rename " + from + " " + to + ": sources/" + new_file +
                                            " already exists; move it away first");
    }
    PC_ASSIGN_OR_RETURN(std::string bytes, util::read_file(w.s.ws.sources_dir() / meta.file));
    ft.write("sources/" + new_file, std::move(bytes));
    ft.remove("sources/" + meta.file);
    detail += "; sources/" + meta.file + " -> sources/" + new_file;
    meta.file = new_file;
  }
  meta.id = to;
  ft.remove(e->sidecar);
  ft.write(w.s.ws.relative(workspace::sidecar_path(w.s.ws, to)), workspace::render_sidecar(meta));
  std::size_t citations = 0, claims = 0;
  for (std::size_t f = 0; f < w.files.size(); ++f) {
    for (auto& c : w.files[f].claims) {
      std::string claim_before;
      for (auto& ct : c.citations) {
        if (ct.source != from) continue;
        if (claim_before.empty()) claim_before = workspace::render_claim(c);
        ct.source = to;
        ++citations;
      }
      if (claim_before.empty()) continue;
      ++claims;
      w.changed.insert(f);
      add_audit(w, "source rename", "claim", c.id, claim_before, workspace::render_claim(c),
                "cites source " + to + " (was " + from + ")");
    }
  }
  add_audit(w, "source rename", "source", to, before, workspace::render_sidecar(meta), detail);
  PC_TRY_STATUS(commit_workset(w, ft, [&](store::Store& st) { return st.rename_source(from, to); }));
  CommandOutput out;
  out.out = detail + "; " + std::to_string(citations) + " citation" + (citations == 1 ? "" : "s") + " in " +
            std::to_string(claims) + " claim" + (claims == 1 ? "" : "s") + " updated\n";
  return out;
}

util::Result<CommandOutput> source_remove(const GlobalOptions& g, const SourceRemoveOptions& o) {
  PC_ASSIGN_OR_RETURN(Workset w, open_workset(g));
  const workspace::SourceEntry* e = find_source(w, o.id);
  if (!e) return unknown_source(w, o.id, "source remove");
  auto citing = citing_claims(w, o.id);
  int n_cit = 0;
  for (const auto& [_, n] : citing) n_cit += n;
  if (!citing.empty() && o.citing == SourceRemoveOptions::Citing::refuse) {
    return Error(ErrorKind::invalid_input,
                 "source remove " + o.id + ": " + std::to_string(n_cit) + " citation" + (n_cit == 1 ? "" : "s") + " of " +
                     std::to_string(citing.size()) + " claim" + (citing.size() == 1 ? "" : "s") + " cite it (" +
                     list_ids(citing) + "); pass --with-claims to remove those citations (and the claims left "
                     "with none), or --force to keep them (they will be reported as source_missing)");
  }
  workspace::FileTransaction ft(w.s.ws);
  CommandOutput out;
  std::vector<std::pair<std::string, int>> dropped;  // claim, citation index (descending within a claim)
  if (o.citing == SourceRemoveOptions::Citing::with_claims) {
    for (std::size_t f = 0; f < w.files.size(); ++f) {
      auto& claims = w.files[f].claims;
      for (auto& c : claims) {
        if (!citing.count(c.id)) continue;
        std::string before = workspace::render_claim(c);
        std::vector<std::pair<std::string, int>> mine;
        for (int i = static_cast<int>(c.citations.size()) - 1; i >= 0; --i) {
          if (c.citations[static_cast<std::size_t>(i)].source == o.id) mine.emplace_back(c.id, i);
        }
        // A claim removed whole keeps its rows (history, pins) like `claim remove`.
        if (mine.size() < c.citations.size()) dropped.insert(dropped.end(), mine.begin(), mine.end());
        std::erase_if(c.citations, [&](const core::Citation& ct) { return ct.source == o.id; });
        w.changed.insert(f);
        if (c.citations.empty()) {
          add_audit(w, "source remove", "claim", c.id, before, "", "removed with source " + o.id + " (its only source)");
          out.out += "removed claim " + c.id + " (it cited only " + o.id + ")\n";
        } else {
          add_audit(w, "source remove", "claim", c.id, before, workspace::render_claim(c),
                    "citations of source " + o.id + " removed");
          out.out += "removed the citations of " + o.id + " from claim " + c.id + "\n";
        }
      }
      std::erase_if(claims, [](const core::Claim& c) { return c.citations.empty(); });
    }
  }
  // The content file goes unless another source's sidecar names it too.
  bool shared = false;
  for (const auto& other : w.sources) shared = shared || (other.meta.id != o.id && other.meta.file == e->meta.file);
  ft.remove(e->sidecar);
  if (!shared) ft.remove(e->content);
  add_audit(w, "source remove", "source", o.id, workspace::render_sidecar(e->meta), "",
            "removed " + e->sidecar + (shared ? "" : " and " + e->content));
  auto drop_rows = [&](store::Store& st) -> util::Status {
    for (const auto& [claim, idx] : dropped) PC_TRY_STATUS(st.drop_citation(claim, idx));
    return util::Status();
  };
  PC_TRY_STATUS(commit_workset(w, ft, drop_rows));
  out.out += "removed source " + o.id + " (" + e->sidecar + (shared ? "" : ", " + e->content) + ")\n";
  if (o.citing == SourceRemoveOptions::Citing::force && !citing.empty()) {
    out.notes.push_back(std::to_string(n_cit) + " citation" + (n_cit == 1 ? "" : "s") + " of " + list_ids(citing) +
                        " still cite " + o.id + ": `provcheck check` reports them as source_missing");
  }
  out.notes.push_back("its snapshots and history stay in the store: `provcheck source show " + o.id + "` shows the removal");
  return out;
}

}  // namespace provcheck::app
