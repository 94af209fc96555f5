#include "app/source_diff_cmd.h"

#include <algorithm>
#include <map>
#include <string_view>

#include "core/line_diff.h"
#include "core/word_diff.h"
#include "report/source_diff.h"
#include "workspace/claims_file.h"
#include "workspace/sources.h"

namespace provcheck::app {
namespace fs = std::filesystem;
using util::Error;
using util::ErrorKind;

namespace {

struct PinnedCitation {
  std::string where;  // "claim[index]"
  std::uint64_t start = 0, end = 0;
};

// The snapshot named by --from: a full digest or a unique prefix of its hex part.
util::Result<std::string> resolve_from(const std::string& from, const std::vector<store::SnapshotInfo>& snaps,
                                       const std::map<std::string, std::vector<PinnedCitation>>& pinned) {
  std::vector<std::string> hits;
  auto consider = [&](const std::string& digest) {
    std::string hex = digest.substr(digest.find(':') + 1);
    if ((digest == from || hex.rfind(from, 0) == 0) &&
        std::find(hits.begin(), hits.end(), digest) == hits.end()) {
      hits.push_back(digest);
    }
  };
  for (const auto& s : snaps) consider(s.hash);
  for (const auto& [digest, _] : pinned) consider(digest);
  if (hits.size() == 1) return hits[0];
  if (hits.empty()) return Error(ErrorKind::not_found, "--from " + from + ": no snapshot of this source has that digest; "
                                                       "`provcheck source show ID` lists them");
  return Error(ErrorKind::invalid_input, "--from " + from + ": the prefix matches " + std::to_string(hits.size()) +
                                             " snapshots; give more of the digest");
}

// A side of a hunk without the blank lines at its edges (nor its last newline): a paragraph moved
// elsewhere often takes or leaves a blank line on its way.
std::string_view trim_blank_lines(std::string_view t) {
  auto blank = [](std::string_view line) { return line.find_first_not_of(" \t\r\n") == std::string_view::npos; };
  while (!t.empty()) {
    std::size_t nl = t.find('\n');
    std::string_view first = t.substr(0, nl == std::string_view::npos ? t.size() : nl + 1);
    if (!blank(first)) break;
    t.remove_prefix(first.size());
  }
  while (!t.empty()) {
    std::size_t end = t.back() == '\n' ? t.size() - 1 : t.size();
    std::size_t nl = end == 0 ? std::string_view::npos : t.rfind('\n', end - 1);
    std::size_t start = nl == std::string_view::npos ? 0 : nl + 1;
    if (!blank(t.substr(start))) break;
    t.remove_suffix(t.size() - start);
  }
  if (!t.empty() && t.back() == '\n') t.remove_suffix(1);  // the last line of a file may have no newline
  return t;
}

// Pairs each hunk that only takes lines out with a hunk elsewhere that only
// puts the same lines in (blank edges aside) into one "moved" hunk at the
// old hunk's place. On entry each hunk's moved_citations are the citations
// wholly inside its old span; on return only moved hunks keep them.
void mark_moves(std::vector<report::SourceDiffHunk>& hs) {
  std::vector<bool> gone(hs.size(), false);
  for (std::size_t i = 0; i < hs.size(); ++i) {
    std::string_view out_text = trim_blank_lines(hs[i].old_text);
    if (gone[i] || out_text.empty() || !trim_blank_lines(hs[i].new_text).empty()) continue;
    for (std::size_t j = 0; j < hs.size(); ++j) {
      if (j == i || gone[j] || hs[j].kind == "moved" || !trim_blank_lines(hs[j].old_text).empty() ||
          trim_blank_lines(hs[j].new_text) != out_text) {
        continue;
      }
      report::SourceDiffHunk& m = hs[i];
      const report::SourceDiffHunk& to = hs[j];
      m.kind = "moved";
      m.new_begin = to.new_begin;
      m.new_end = to.new_end;
      m.new_line = to.new_line;
      m.new_lines = to.new_lines;
      m.new_text = to.new_text;
      m.diff.clear();
      m.diff_in_context.clear();
      // Passages wholly inside the block are unchanged; one that ran across
      // its edge, or that the block was put into the middle of, did change.
      std::vector<std::string> changed;
      for (const std::string& c : m.citations) {
        if (std::find(m.moved_citations.begin(), m.moved_citations.end(), c) == m.moved_citations.end()) {
          changed.push_back(c);
        }
      }
      changed.insert(changed.end(), to.citations.begin(), to.citations.end());
      m.citations = std::move(changed);
      gone[j] = true;
      break;
    }
  }
  std::vector<report::SourceDiffHunk> kept;
  for (std::size_t i = 0; i < hs.size(); ++i) {
    if (hs[i].kind != "moved") hs[i].moved_citations.clear();
    if (!gone[i]) kept.push_back(std::move(hs[i]));
  }
  hs = std::move(kept);
}

std::vector<report::SourceDiffHunk> hunks_of(const std::string& old_text, const std::string& new_text,
                                             const std::vector<PinnedCitation>& cites) {
  constexpr std::size_t k_context_words = 5;
  std::vector<report::SourceDiffHunk> out;
  for (const core::DiffHunk& h : core::line_diff(old_text, new_text)) {
    report::SourceDiffHunk r;
    r.old_begin = h.old_lines.begin;
    r.old_end = h.old_lines.end;
    r.new_begin = h.new_lines.begin;
    r.new_end = h.new_lines.end;
    r.old_line = h.old_lines.first_line + 1;
    r.old_lines = h.old_lines.lines;
    r.new_line = h.new_lines.first_line + 1;
    r.new_lines = h.new_lines.lines;
    r.old_text = old_text.substr(r.old_begin, r.old_end - r.old_begin);
    r.new_text = new_text.substr(r.new_begin, r.new_end - r.new_begin);
    if (!r.old_text.empty() && !r.new_text.empty() && r.old_text.size() + r.new_text.size() < 65536) {
      r.diff = core::word_diff(r.old_text, r.new_text);
      r.diff_in_context = core::word_diff_in_context(r.old_text, r.new_text, k_context_words);
    }
    for (const PinnedCitation& c : cites) {
      bool overlaps = c.start < r.old_end && c.end > r.old_begin;
      bool at_deletion_point = r.old_begin == r.old_end && c.start < r.old_begin && c.end > r.old_begin;
      if (overlaps || at_deletion_point) r.citations.push_back(c.where);
      // Candidates for "inside a moved block", should this block turn out to be one.
      if (overlaps && c.start >= r.old_begin && c.end <= r.old_end) r.moved_citations.push_back(c.where);
    }
    out.push_back(std::move(r));
  }
  mark_moves(out);
  return out;
}

}  // namespace

util::Result<CommandOutput> source_diff(const GlobalOptions& g, const SourceDiffOptions& o) {
  PC_ASSIGN_OR_RETURN(Session s, open_session(g));
  fs::path sidecar = workspace::sidecar_path(s.ws, o.id);
  if (!fs::exists(sidecar)) {
    return Error(ErrorKind::not_found, "source diff: no source '" + o.id + "' (no " + s.ws.relative(sidecar) +
                                           "); `provcheck source list` shows the ids");
  }
  PC_ASSIGN_OR_RETURN(workspace::SourceEntry e, workspace::read_source_entry(s.ws, s.ws.relative(sidecar)));
  PC_ASSIGN_OR_RETURN(workspace::LoadedText now, workspace::load_text_layer(s.ws, e));
  const std::string& now_text = now.text;
  const std::string& now_hash = now.raw_hash;  // snapshots are named by their raw bytes' hash

  // Which snapshots the claims were pinned to, and by whom.
  PC_ASSIGN_OR_RETURN(auto files, workspace::load_claims(s.ws));
  std::map<std::string, std::vector<PinnedCitation>> pinned;
  for (const auto& f : files) {
    for (const auto& c : f.claims) {
      for (std::size_t i = 0; i < c.citations.size(); ++i) {
        const core::Citation& ct = c.citations[i];
        if (ct.source == o.id) pinned[ct.snapshot].push_back({c.id + "[" + std::to_string(i) + "]", ct.start, ct.end});
      }
    }
  }
  PC_ASSIGN_OR_RETURN(auto snaps, s.store->source_snapshots(o.id));
  report::SourceDiff d;
  d.source = o.id;
  d.file = e.content;
  d.to = now_hash;
  if (o.from) {
    PC_ASSIGN_OR_RETURN(d.from, resolve_from(*o.from, snaps, pinned));
    d.from_why = "--from";
  } else {
    std::size_t best = 0;
    for (const auto& [digest, cites] : pinned) {
      if (digest != now_hash && cites.size() > best) {
        best = cites.size();
        d.from = digest;
      }
    }
    if (!d.from.empty()) {
      d.from_why = "pinned by " + std::to_string(best) + " citation" + (best == 1 ? "" : "s");
    } else if (!pinned.empty()) {
      d.from = now_hash;
      d.from_why = "every citation is pinned to the text as it is now";
    } else {
      for (auto it = snaps.rbegin(); it != snaps.rend(); ++it) {
        if (it->hash != now_hash) {
          d.from = it->hash;
          d.from_why = "previous snapshot, first seen " + it->captured_at + "; no claim cites this source";
          break;
        }
      }
      if (d.from.empty()) {
        d.from = now_hash;
        d.from_why = "the store has no other snapshot of this source";
      }
    }
  }
  auto found = pinned.find(d.from);
  std::vector<PinnedCitation> cites = found == pinned.end() ? std::vector<PinnedCitation>{} : found->second;
  d.citations = cites.size();
  if (d.from != now_hash) {
    PC_ASSIGN_OR_RETURN(auto old_text, s.store->snapshot_text(d.from));
    if (!old_text) {
      return Error(ErrorKind::not_found, "source diff " + o.id + ": the store has no copy of snapshot " + d.from +
                                             " (it was pinned elsewhere, or .provcheck/ was deleted since); the old "
                                             "passages are still in the claims files");
    }
    d.hunks = hunks_of(*old_text, now_text, cites);
  }
  CommandOutput out;
  out.out = o.json ? report::render_source_diff_json(d) : report::render_source_diff_text(d, o.color);
  return out;
}

}  // namespace provcheck::app
