#include "app/figures_cmd.h"

#include <map>
#include <set>

#include "core/figures.h"
#include "report/figures_report.h"
#include "util/file_io.h"
#include "workspace/sources.h"

namespace provcheck::app {
using util::Error;
using util::ErrorKind;

util::Result<CommandOutput> figures(const GlobalOptions& g, const FiguresOptions& o) {
  PC_ASSIGN_OR_RETURN(workspace::Workspace ws, find_workspace(g));
  PC_ASSIGN_OR_RETURN(std::vector<workspace::SourceEntry> entries, workspace::list_sources(ws));
  std::map<std::string, const workspace::SourceEntry*> by_id;
  for (const auto& e : entries) by_id.emplace(e.meta.id, &e);
  std::vector<const workspace::SourceEntry*> chosen;
  if (o.sources.empty()) {
    for (const auto& e : entries) chosen.push_back(&e);
  } else {
    std::set<std::string> seen;
    for (const std::string& id : o.sources) {
      auto it = by_id.find(id);
      if (it == by_id.end()) {
        return Error(ErrorKind::not_found, "no source '" + id + "' in " + ws.relative(ws.sources_dir()) +
                                               "/; `provcheck source list` shows the ids");
      }
      if (seen.insert(id).second) chosen.push_back(it->second);
    }
  }
  std::vector<report::SourceFigures> all;
  for (const workspace::SourceEntry* e : chosen) {
    auto bytes = util::read_file(ws.absolute(e->content));
    if (!bytes.ok()) return bytes.error().with_context("source '" + e->meta.id + "'");
    PC_ASSIGN_OR_RETURN(std::string text, workspace::text_layer(e->meta, std::move(bytes).value(), e->content));
    std::vector<core::Figure> figures = core::extract_figures(text);
    core::infer_years(figures, text, e->meta.published);
    all.push_back({e->meta.id, std::move(figures)});
  }
  CommandOutput out;
  out.out = o.json ? report::render_figures_json(all) : report::render_figures_text(all);
  return out;
}

}  // namespace provcheck::app
