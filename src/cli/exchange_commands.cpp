#include "cli/exchange_commands.h"

#include <filesystem>
#include <memory>

#include "app/exchange_cmd.h"

namespace provcheck::cli {

namespace {

// "-C DIR" means "as if started in DIR", for path arguments too.
std::string from_dir(const app::GlobalOptions& g, const std::string& path) {
  if (path.empty() || path[0] == '/' || g.directory == ".") return path;
  return (g.directory / path).string();
}

void add_export(CLI::App& app, const app::GlobalOptions& global, CommandAction& action) {
  auto o = std::make_shared<app::ExportOptions>();
  auto* cmd = app.add_subcommand("export", "write claims as W3C Web Annotations, schema.org ClaimReview, or sources as WARC");
  cmd->add_option("--format", o->format, "annotation, claimreview or warc")
      ->required()
      ->check(CLI::IsMember({"annotation", "claimreview", "warc"}));
  cmd->add_flag("--jsonl", o->jsonl, "one JSON object a line (annotation, claimreview)");
  cmd->add_option_function<std::string>("-o,--output", [o](const std::string& v) { o->output = v; },
                                        "write to FILE (atomically) instead of stdout");
  cmd->add_option_function<std::string>("--rating-scale", [o](const std::string& v) { o->rating_scale = v; },
                                        "rating labels, worst first, comma-separated (default: provcheck.json's "
                                        "rating_scale, else False,Mostly false,Half true,Mostly true,True)");
  cmd->add_flag("--skip-unrated", o->skip_unrated, "claimreview: leave out claims without a rating instead of failing");
  cmd->callback([o, &global, &action] {
    action = [o, &global] {
      app::ExportOptions opts = *o;
      if (opts.output) opts.output = from_dir(global, *opts.output);
      return app::export_workspace(global, opts);
    };
  });
}

void add_import(CLI::App& app, const app::GlobalOptions& global, CommandAction& action) {
  auto o = std::make_shared<app::ImportAnnotationsOptions>();
  auto* import = app.add_subcommand("import", "bring in claims made by other tools");
  import->require_subcommand(1);
  auto* ann = import->add_subcommand("annotations", "pin W3C Web Annotations or Hypothesis annotations as claims, "
                                                    "all or nothing");
  ann->add_option("FILE", o->path, "annotations: JSON (an annotation, a list, a collection, a Hypothesis search "
                                   "result) or JSON Lines")
      ->required();
  ann->add_option_function<std::string>("--source", [o](const std::string& v) { o->source = v; },
                                        "source id for annotations whose URL no source has");
  ann->add_option_function<std::string>("--to", [o](const std::string& v) { o->to = v; },
                                        "claims file (default claims/claims.json)");
  ann->callback([o, &global, &action] {
    action = [o, &global] {
      app::ImportAnnotationsOptions opts = *o;
      opts.path = from_dir(global, opts.path);
      return app::import_annotations(global, opts);
    };
  });
}

}  // namespace

void add_exchange_commands(CLI::App& app, const app::GlobalOptions& global, CommandAction& action) {
  add_export(app, global, action);
  add_import(app, global, action);
}

}  // namespace provcheck::cli
