#pragma once
// `source diff`: what changed in a source between the snapshot its claims
// were pinned to and its text now, as hunks of lines with word diffs and
// the citations whose pinned passage lies in changed text. Rendering only;
// app/source_diff_cmd computes it. Pure, thread-safe.

#include <cstdint>
#include <string>
#include <vector>

namespace provcheck::report {

struct SourceDiffHunk {
  // "changed": old lines replaced by new ones (either side may be empty);
  // "moved": the same lines taken out at the old place and put in at the new
  // one (blank lines around them aside); its citations are not in changed text.
  std::string kind = "changed";
  std::uint64_t old_begin = 0, old_end = 0;  // byte spans in the old and new text
  std::uint64_t new_begin = 0, new_end = 0;
  std::size_t old_line = 0, old_lines = 0;  // 1-based first line, count
  std::size_t new_line = 0, new_lines = 0;
  std::string old_text, new_text;
  std::string diff;                    // word diff, when both sides are short enough
  std::string diff_in_context;         // the same with a few words around each change
  std::vector<std::string> citations;  // "claim[index]" pinned inside the old span of a changed hunk
  std::vector<std::string> moved_citations;  // pinned inside a moved block: text unchanged
};

struct SourceDiff {
  std::string source;
  std::string file;
  std::string from;       // snapshot digest of the old text
  std::string from_why;   // "pinned by 3 citations", "--from", "previous snapshot"
  std::string to;         // digest of the text now
  std::size_t citations = 0;  // citations pinned to `from`
  std::vector<SourceDiffHunk> hunks;
};

std::string render_source_diff_text(const SourceDiff& d, bool color);
std::string render_source_diff_json(const SourceDiff& d);

}  // namespace provcheck::report
