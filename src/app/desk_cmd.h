#pragma once
// What the desk (`provcheck serve`, src/server/) reads, as values rather
// than text: the source inventory with each source's state, one source's
// text layer with its pins and figures, the proposal of the "Pin a claim"
// form for a selection, and the review (a full check with the report's
// data). Every write the desk makes goes through the commands' own
// functions (claim_add, claim_accept, source_add), never through here.
// Each call reads the files as they are now: nothing is kept between calls.
// Errors are values (the same kinds and messages as the commands); never
// prints. Thread-safe as far as the store and the files are.

#include <cstdint>
#include <string>
#include <vector>

#include "app/session.h"
#include "app/sources_cmd.h"
#include "core/figures.h"
#include "core/model.h"
#include "report/report_data.h"

namespace provcheck::app {

struct DeskSource {
  core::SourceMeta meta;
  std::string file;    // workspace-relative content file
  std::string state;   // as_captured | changed | unusable
  std::string problem; // why unusable
  std::size_t citations = 0;
};
util::Result<std::vector<DeskSource>> desk_sources(const GlobalOptions& g);

// One citation of one claim on the source being read.
struct ReaderPin {
  std::string claim;
  std::string claim_text;
  int index = 0;
  std::uint64_t start = 0;
  std::uint64_t end = 0;
};

struct ReaderData {
  DeskSource source;
  std::string text;  // the text layer, as offsets count it
  std::vector<ReaderPin> pins;  // sorted by start
  std::vector<core::Figure> figures;
};
// not_found (with the `source list` hint) for an unknown id; the file's own
// error when it cannot be read.
util::Result<ReaderData> desk_reader(const GlobalOptions& g, const std::string& source_id);

// What the "Pin a claim" form proposes for the bytes [start, end) of a
// source's text layer: the exact quote, which occurrence of it the
// selection is (so the request needs no guessing), the id `claim add`
// would give, and the assertion fields `claim add` would assume from the
// quote's figures and the source's published date, with its notes.
struct PinProposal {
  std::string source;
  std::string quote;
  int occurrence = 1;
  int matches = 1;
  std::string id;
  std::string text;
  core::Assertion assertion;  // value, unit, approx, as_of as proposed
  std::vector<std::string> notes;
};
util::Result<PinProposal> desk_propose(const GlobalOptions& g, const std::string& source_id, std::uint64_t start,
                                       std::uint64_t end);

// A full check (recorded like `report`'s) with the report's data: worst
// first through report::failures_first, windows, groups and conflicts.
util::Result<report::ReportData> desk_review(const GlobalOptions& g);

// `source add` of a file uploaded through the desk: the bytes are written
// under .provcheck/uploads/ (inside the workspace, so confinement holds
// without --allow-outside) with the upload's name made safe, added by
// source_add with `o` (paths ignored), and the upload removed either way.
util::Result<CommandOutput> desk_add_upload(const GlobalOptions& g, const std::string& filename, const std::string& bytes,
                                            SourceAddOptions o);

}  // namespace provcheck::app
