#pragma once
// `report`: a full check (recorded like `check`), rendered for people: a
// self-contained HTML page, Markdown for a pull request, or JSON
// ("provcheck.report/1") with the source inventory and the claims side by
// side. Exit status as `check`'s: provenance_broken when a finding reaches
// fail_on, whether or not the report went to a file.

#include <optional>
#include <string>

#include "app/progress.h"
#include "app/session.h"
#include "core/verdict.h"

namespace provcheck::app {

struct ReportOptions {
  std::string format = "html";  // html | md | json
  std::optional<std::string> output;  // stdout when absent
  // --fail-on when given: it overrides provcheck.json's fail_on, which
  // overrides the default, error.
  std::optional<core::Severity> fail_on_flag;
  bool color = false;  // for the text summary printed with -o
  ProgressFn progress;
};

util::Result<CommandOutput> report(const GlobalOptions& g, const ReportOptions& o);

}  // namespace provcheck::app
