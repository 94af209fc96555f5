#pragma once
// `export` and `import annotations`: claims in the formats other tools read
// and write (report/exchange.h). Export reads the workspace and the store
// and writes nothing but its output (-o, atomically). Import turns each
// annotation into a claim request and adds them all through `claim add`'s
// code path: anchored by the same engine, written atomically, all or nothing.
// Errors name the file and line of the annotation and say what to do.

#include <optional>
#include <string>
#include <vector>

#include "app/session.h"

namespace provcheck::app {

struct ExportOptions {
  std::string format;                       // annotation | claimreview | warc
  bool jsonl = false;                       // one object a line (annotation, claimreview)
  std::optional<std::string> output;        // -o FILE; stdout otherwise
  std::optional<std::string> rating_scale;  // --rating-scale: labels worst first, comma-separated
  bool skip_unrated = false;                // claimreview: leave out claims without a rating
};

util::Result<CommandOutput> export_workspace(const GlobalOptions& g, const ExportOptions& o);

struct ImportAnnotationsOptions {
  std::string path;
  std::optional<std::string> source;  // --source ID for annotations whose URL no source has
  std::optional<std::string> to;      // claims file
};

util::Result<CommandOutput> import_annotations(const GlobalOptions& g, const ImportAnnotationsOptions& o);

}  // namespace provcheck::app
