#include "app/locate_cmd.h"

#include <optional>

#include "core/anchor.h"
#include "report/locate_json.h"
#include "util/file_io.h"
#include "util/utf8.h"
#include "workspace/selectors.h"
#include "workspace/sources.h"

namespace provcheck::app {

namespace {

// The text layer of a file, or why there is none (then every selector into
// it is source_missing).
struct LoadedText {
  std::string path;
  std::optional<std::string> text;
  std::string problem;
  std::optional<core::SourceView> view;
};

void load(LoadedText& t, const std::string& path) {
  t = LoadedText{};
  t.path = path;
  auto media = workspace::media_type_for(path);
  if (!media.ok()) media = std::string("text/plain");  // plumbing: unknown extensions are read as text
  auto bytes = util::read_file(path);
  if (!bytes.ok()) {
    t.problem = bytes.error().message();
    return;
  }
  if (util::looks_binary(*bytes)) {
    t.problem = path + " is a binary file, not text";
    return;
  }
  auto text = workspace::text_layer(*media, std::move(bytes).value(), path);
  if (!text.ok()) {
    t.problem = text.error().message();
    return;
  }
  t.text = std::move(text).value();
  t.view.emplace(*t.text);
}

}  // namespace

util::Result<CommandOutput> locate(std::istream& in, const std::string& origin,
                                   const std::function<void(std::string_view)>& emit) {
  LoadedText current;
  std::string line;
  std::size_t line_no = 0, count = 0;
  std::size_t broken = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string where = origin + ":" + std::to_string(line_no);
    PC_ASSIGN_OR_RETURN(workspace::SelectorRequest r, workspace::parse_selector_line(line, where));
    if (r.text_file != current.path) load(current, r.text_file);
    core::Verdict v = current.view ? core::judge_citation(*current.view, r.selector)
                                   : core::source_missing_verdict(current.problem);
    if (core::default_severity(v.status) == core::Severity::error) ++broken;
    emit(report::render_locate_line(r.id, v));
    ++count;
  }
  if (in.bad()) return util::Error(util::ErrorKind::io, origin + ": cannot read");
  CommandOutput out;
  out.notes.push_back("located " + std::to_string(count) + " selector" + (count == 1 ? "" : "s") + ", " +
                      std::to_string(broken) + " with an error status");
  return out;
}

}  // namespace provcheck::app
