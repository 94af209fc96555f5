#include "app/desk_cmd.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include "app/assertion_input.h"
#include "app/check_cmd.h"
#include "app/report_inputs.h"
#include "core/normalize.h"
#include "core/quote.h"
#include "util/file_io.h"
#include "util/hash.h"
#include "workspace/claims_file.h"
#include "workspace/settings_file.h"
#include "workspace/sources.h"

namespace provcheck::app {
using util::Error;
using util::ErrorKind;

namespace {

DeskSource state_of(const workspace::Workspace& ws, const workspace::SourceEntry& e) {
  DeskSource d{e.meta, e.content, "as_captured", "", 0};
  auto bytes = util::read_file(ws.absolute(e.content));
  if (!bytes.ok()) {
    d.state = "unusable";
    d.problem = bytes.error().message();
  } else if (util::xxh3_128_digest(*bytes) != e.meta.content_hash) {
    d.state = "changed";
  }
  return d;
}

util::Result<workspace::SourceEntry> entry_of(const workspace::Workspace& ws, const std::string& id) {
  // The id is checked before it becomes a path, so no request names a file.
  std::filesystem::path sidecar = workspace::sidecar_path(ws, id);
  if (!workspace::is_valid_id(id) || !util::stat_file(sidecar).ok()) {
    return Error(ErrorKind::not_found, "no source '" + id + "'; `provcheck source list` shows the ids");
  }
  return workspace::read_source_entry(ws, ws.relative(sidecar));
}

}  // namespace

util::Result<std::vector<DeskSource>> desk_sources(const GlobalOptions& g) {
  PC_ASSIGN_OR_RETURN(workspace::Workspace ws, find_workspace(g));
  PC_ASSIGN_OR_RETURN(auto entries, workspace::list_sources(ws));
  PC_ASSIGN_OR_RETURN(auto files, workspace::load_claims(ws));
  std::map<std::string, std::size_t> cited;
  for (const auto& f : files) {
    for (const auto& c : f.claims) {
      for (const auto& ct : c.citations) ++cited[ct.source];
    }
  }
  std::vector<DeskSource> out;
  out.reserve(entries.size());
  for (const auto& e : entries) {
    out.push_back(state_of(ws, e));
    out.back().citations = cited[e.meta.id];
  }
  return out;
}

util::Result<ReaderData> desk_reader(const GlobalOptions& g, const std::string& source_id) {
  PC_ASSIGN_OR_RETURN(workspace::Workspace ws, find_workspace(g));
  PC_ASSIGN_OR_RETURN(workspace::SourceEntry e, entry_of(ws, source_id));
  ReaderData d;
  d.source = state_of(ws, e);
  PC_ASSIGN_OR_RETURN(workspace::LoadedText t, workspace::load_text_layer(ws, e));
  d.text = std::move(t.text);
  PC_ASSIGN_OR_RETURN(auto files, workspace::load_claims(ws));
  for (const auto& f : files) {
    for (const auto& c : f.claims) {
      for (std::size_t i = 0; i < c.citations.size(); ++i) {
        const core::Citation& ct = c.citations[i];
        if (ct.source != source_id || ct.start >= ct.end || ct.end > d.text.size()) continue;
        d.pins.push_back({c.id, c.text, static_cast<int>(i), ct.start, ct.end});
      }
    }
  }
  d.source.citations = d.pins.size();
  std::stable_sort(d.pins.begin(), d.pins.end(), [](const ReaderPin& a, const ReaderPin& b) { return a.start < b.start; });
  d.figures = core::extract_figures(d.text);
  return d;
}

util::Result<PinProposal> desk_propose(const GlobalOptions& g, const std::string& source_id, std::uint64_t start,
                                       std::uint64_t end) {
  PC_ASSIGN_OR_RETURN(workspace::Workspace ws, find_workspace(g));
  PC_ASSIGN_OR_RETURN(workspace::SourceEntry e, entry_of(ws, source_id));
  PC_ASSIGN_OR_RETURN(workspace::LoadedText t, workspace::load_text_layer(ws, e));
  if (start >= end || end > t.text.size()) {
    return Error(ErrorKind::invalid_input, "selection bytes " + std::to_string(start) + "-" + std::to_string(end) +
                                               " are not inside source '" + source_id + "' (" +
                                               std::to_string(t.text.size()) + " bytes); select the passage again");
  }
  PinProposal p;
  p.source = source_id;
  p.quote = t.text.substr(start, end - start);
  // The occurrence `claim add` needs to pin exactly these bytes.
  PC_ASSIGN_OR_RETURN(core::QuoteResolution first, core::resolve_quote(t.text, p.quote, 1, source_id, t.raw_hash));
  p.matches = first.matches;
  p.occurrence = 0;
  for (int k = 1; k <= first.matches && k <= 10000; ++k) {
    auto r = core::resolve_quote(t.text, p.quote, k, source_id, t.raw_hash);
    if (r.ok() && r->citation.start == start && r->citation.end == end) {
      p.occurrence = k;
      break;
    }
  }
  if (p.occurrence == 0) {
    return Error(ErrorKind::invalid_input, "the selection (bytes " + std::to_string(start) + "-" + std::to_string(end) +
                                               ") cannot be pinned on its own: `claim add` would match it elsewhere; "
                                               "select a longer passage");
  }
  PC_ASSIGN_OR_RETURN(auto files, workspace::load_claims(ws));
  std::set<std::string> taken;
  for (const auto& f : files) {
    for (const auto& c : f.claims) taken.insert(c.id);
  }
  for (int n = 1;; ++n) {
    p.id = source_id + "-" + std::to_string(n);
    if (!taken.count(p.id)) break;
  }
  p.text = core::normalize(p.quote);
  PC_ASSIGN_OR_RETURN(core::Settings settings, workspace::load_settings(ws));
  // What `claim add` assumes once a subject is given: the quote's one
  // figure as the value (with its unit and qualifier), the published date.
  core::ClaimRequest r;
  r.source = source_id;
  r.quote = p.quote;
  r.origin = "claim add";
  r.assertion.subject = "subject";
  auto a = complete_assertion(r, p.quote, e.meta.published, settings, p.notes);
  if (a.ok()) {
    p.assertion = std::move(a).value();
    p.assertion.subject.reset();
  }
  return p;
}

util::Result<report::ReportData> desk_review(const GlobalOptions& g) {
  PC_ASSIGN_OR_RETURN(workspace::Workspace ws, find_workspace(g));
  PC_ASSIGN_OR_RETURN(core::Settings settings, workspace::load_settings(ws));
  PC_ASSIGN_OR_RETURN(Session s, open_session(g));
  CheckOptions co;
  co.fail_on = settings.fail_on.value_or(core::Severity::error);
  PC_ASSIGN_OR_RETURN(FullCheck check, run_full_check(s, co, settings));
  return report_data(s.ws, std::move(check));
}

util::Result<CommandOutput> desk_add_upload(const GlobalOptions& g, const std::string& filename, const std::string& bytes,
                                            SourceAddOptions o) {
  PC_ASSIGN_OR_RETURN(workspace::Workspace ws, find_workspace(g));
  std::string name = std::filesystem::path(filename).filename().string();
  for (char& c : name) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-')) c = '-';
  }
  while (!name.empty() && name.front() == '.') name.erase(0, 1);
  if (name.empty() || bytes.empty()) {
    return Error(ErrorKind::invalid_input, "upload: choose a .txt, .md, .html or .pdf file (or give a URL)");
  }
  std::filesystem::path dir = ws.absolute(".provcheck/uploads/" + util::xxh3_128_digest(bytes + name + now_iso()).substr(0, 16));
  PC_TRY_STATUS(util::create_directories(dir));
  std::filesystem::path path = dir / name;
  PC_TRY_STATUS(util::write_file_atomic(path, bytes));
  o.paths = {path.string()};
  auto out = source_add(g, o);
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  return out;
}

}  // namespace provcheck::app
