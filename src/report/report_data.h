#pragma once
// What the `report` command renders beyond a check's findings: the source
// inventory, each claim's own words, and for each citation a window of its
// source's text around the passage, so a reader sees the passage in place.
// The app layer fills it (it reads the files); the renderers here are pure
// functions of it. Plain values.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/findings.h"

namespace provcheck::report {

// One row of the source inventory.
struct SourceRow {
  std::string id;
  std::string file;  // workspace-relative content file, e.g. "sources/un-briefing.md"
  std::string title;
  std::string publisher;
  std::string url;  // as the sidecar has it; renderers link only http(s) URLs
  std::string published;
  std::string retrieved;
  std::string media_type;
  std::string captured_hash;  // the sidecar's content_hash (as captured)
  std::string current_hash;   // of the file as it is now; empty when unreadable
  std::string problem;        // why it is unusable (source_missing), empty when fine
  std::size_t citations = 0;  // citations of it in the claims
};

// The source's text around a citation's passage: before + passage + after
// is a contiguous slice of the text layer starting at byte `start`.
struct PassageWindow {
  std::uint64_t start = 0;
  std::string before;
  std::string passage;
  std::string after;
  bool cut_before = false;  // the text goes on before `before`
  bool cut_after = false;
  // Nothing was found: this is what the source has now where the passage
  // was, for comparison with the old passage. With `mapped`, `passage` is
  // the old span carried through the diff of the pinned snapshot and the
  // text now (empty when the passage's text was removed); without, the old
  // offsets meant nothing in the new text and `passage` is empty: the
  // surrounding text is shown without a highlight.
  bool at_pinned_place = false;
  bool mapped = false;
};

struct ReportData {
  core::CheckReport check;
  std::vector<SourceRow> sources;                 // sorted by id
  std::map<std::string, std::string> claim_text;  // claim id -> the claim in the checker's words
  std::map<std::string, std::string> claim_quote;  // claim id -> its first citation's quote, as pinned
  // window_key(claim, index) -> window around the found span, or around the
  // pinned one (at_pinned_place) when nothing was found but the old place is
  // still inside the text.
  std::map<std::string, PassageWindow> windows;
  // window_key(claim, index) -> a link that opens the live page at the
  // passage (a text fragment, core/text_fragment.h), for sources with a
  // web URL whose passage is in the text now.
  std::map<std::string, std::string> live_links;
  std::string tool_version;  // "0.2.0"
};

// The key of a citation in ReportData::windows.
std::string window_key(const std::string& claim, int index);

// A window of `radius` bytes (snapped outwards to whole UTF-8 characters and
// inwards to a word boundary) on each side of [start, end) of `text`. An
// out-of-range span is clamped.
PassageWindow make_window(std::string_view text, std::uint64_t start, std::uint64_t end, std::size_t radius);

// Which findings a report lists first: worst severity first, then claim and index.
std::vector<const core::CitationFinding*> failures_first(const core::CheckReport& report);

}  // namespace provcheck::report
