#include "app/report_cmd.h"

#include <filesystem>

#include "app/check_cmd.h"
#include "app/report_inputs.h"
#include "report/check_report.h"
#include "report/report.h"
#include "util/file_io.h"
#include "workspace/settings_file.h"

namespace provcheck::app {
namespace fs = std::filesystem;
using util::Error;
using util::ErrorKind;

util::Result<CommandOutput> report(const GlobalOptions& g, const ReportOptions& o) {
  if (o.format != "html" && o.format != "md" && o.format != "json") {
    return Error(ErrorKind::invalid_input, "--format '" + o.format + "': choose html, md or json");
  }
  PC_ASSIGN_OR_RETURN(workspace::Workspace ws, find_workspace(g));
  PC_ASSIGN_OR_RETURN(core::Settings settings, workspace::load_settings(ws));  // before anything is stored
  PC_ASSIGN_OR_RETURN(Session s, open_session(g));
  CheckOptions co;
  co.fail_on = o.fail_on_flag ? *o.fail_on_flag : settings.fail_on.value_or(core::Severity::error);
  co.progress = o.progress;
  PC_ASSIGN_OR_RETURN(FullCheck check, run_full_check(s, co, settings));
  report::ReportData data = report_data(s.ws, std::move(check), s.store.get());
  std::string text = o.format == "html" ? report::render_report_html(data)
                     : o.format == "md" ? report::render_report_markdown(data)
                                        : report::render_report_json(data);
  CommandOutput out;
  out.provenance_broken = core::fails(data.check, co.fail_on);
  if (!o.output) {
    out.out = std::move(text);
    return out;
  }
  fs::path p(*o.output);
  if (p.has_parent_path()) PC_TRY_STATUS(util::create_directories(p.parent_path()));
  PC_TRY_STATUS(util::write_file_atomic(p, text));
  out.notes.push_back("wrote " + *o.output);
  // The text summary lists only what needs attention.
  std::erase_if(data.check.citations, [](const core::CitationFinding& f) {
    return f.severity == core::Severity::ok && f.status != core::CitationStatus::moved;
  });
  out.out = report::render_check_text(data.check, o.color);
  return out;
}

}  // namespace provcheck::app
