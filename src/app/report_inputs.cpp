#include "app/report_inputs.h"

#include "core/quote.h"
#include "core/text_fragment.h"

#include <map>

#include "core/span_map.h"
#include "util/file_io.h"
#include "util/utf8.h"
#include "workspace/sources.h"

#ifndef PROVCHECK_VERSION
#define PROVCHECK_VERSION "unknown"
#endif

namespace provcheck::app {
namespace {

bool text_is_file(const std::string& media_type) {
  return media_type == "text/plain" || media_type == "text/markdown";
}

std::optional<std::string> read_text_layer(const workspace::Workspace& ws, const SourceState& s) {
  if (!s.present) return std::nullopt;
  auto bytes = util::read_file(ws.absolute(s.entry.content));
  if (!bytes.ok()) return std::nullopt;
  auto text = workspace::text_layer(s.entry.meta.media_type, std::move(bytes).value(), s.entry.content);
  if (!text.ok()) return std::nullopt;
  return std::move(text).value();
}

// 1-based line and column (in code points) of a byte offset, counting from a known earlier position.
struct LineCursor {
  std::string_view text;
  std::size_t pos = 0;
  int line = 1;
  std::size_t line_start = 0;
  std::pair<int, int> at(std::size_t offset) {
    if (offset < pos) *this = LineCursor{text};
    for (; pos < offset && pos < text.size(); ++pos) {
      if (text[pos] == '\n') {
        ++line;
        line_start = pos + 1;
      }
    }
    int column = 1;
    for (std::size_t i = line_start; i < offset && i < text.size();) {
      i += util::decode_utf8(text, i).length;
      ++column;
    }
    return {line, column};
  }
};

template <class Fn>
void for_each_source_with(const workspace::Workspace& ws, const std::vector<SourceState>& sources,
                          const std::map<std::string, std::vector<const core::CitationFinding*>>& by_source, Fn fn) {
  for (const SourceState& s : sources) {
    auto it = by_source.find(s.entry.meta.id);
    if (it == by_source.end()) continue;
    auto text = read_text_layer(ws, s);
    if (!text) continue;
    fn(s, *text, it->second);
  }
}

// The text layer of the snapshot a lost citation was pinned to, when the
// store still has it.
std::optional<std::string> old_text(store::Store* store, const std::map<std::string, std::string>& pinned,
                                    const core::CitationFinding& f) {
  if (!store) return std::nullopt;
  auto it = pinned.find(report::window_key(f.claim, f.index));
  if (it == pinned.end() || it->second.empty()) return std::nullopt;
  auto text = store->snapshot_text(it->second);
  if (!text.ok() || !*text) return std::nullopt;
  return std::move(**text);
}

}  // namespace

const char* tool_version() { return PROVCHECK_VERSION; }

report::CiContext ci_context(const workspace::Workspace& ws, const std::vector<SourceState>& sources,
                             const core::CheckReport& r, core::Severity fail_on) {
  report::CiContext ctx;
  ctx.fail_on = fail_on;
  ctx.tool_version = tool_version();
  std::map<std::string, std::vector<const core::CitationFinding*>> by_source;
  for (const core::CitationFinding& f : r.citations) {
    if (report::annotated(f)) by_source[f.source].push_back(&f);
  }
  for (const SourceState& s : sources) {
    if (by_source.count(s.entry.meta.id)) ctx.source_files.emplace(s.entry.meta.id, s.entry.content);
  }
  for_each_source_with(ws, sources, by_source, [&](const SourceState& s, const std::string& text, const auto& findings) {
    if (!text_is_file(s.entry.meta.media_type)) return;  // offsets are into a text layer, not the file
    LineCursor cursor{text};
    for (const core::CitationFinding* f : findings) {
      std::uint64_t b = f->found_start.value_or(f->pinned_start), e = f->found_end.value_or(f->pinned_end);
      if (e > text.size() || b > e) continue;
      report::SourceSpan span;
      span.byte_offset = b;
      span.byte_length = e - b;
      std::tie(span.start_line, span.start_column) = cursor.at(b);
      std::tie(span.end_line, span.end_column) = cursor.at(e);
      ctx.spans.emplace(report::window_key(f->claim, f->index), span);
    }
  });
  return ctx;
}

report::ReportData report_data(const workspace::Workspace& ws, FullCheck check, store::Store* store) {
  report::ReportData d;
  d.tool_version = tool_version();
  d.claim_text = std::move(check.claim_text);
  d.claim_quote = std::move(check.claim_quote);
  std::map<std::string, std::vector<const core::CitationFinding*>> by_source;
  for (const core::CitationFinding& f : check.report.citations) {
    if (f.status != core::CitationStatus::source_missing) by_source[f.source].push_back(&f);
  }
  for_each_source_with(ws, check.sources, by_source, [&](const SourceState& s, const std::string& text, const auto& fs) {
    for (const core::CitationFinding* f : fs) {
      report::PassageWindow w;
      if (f->found_start && f->found_end) {
        w = report::make_window(text, *f->found_start, *f->found_end, k_window_radius);
      } else if (auto old = old_text(store, check.pinned_snapshot, *f)) {
        core::MappedSpan m = core::map_span(*old, text, f->pinned_start, f->pinned_end);
        w = report::make_window(text, m.begin, m.end, k_window_radius);
        w.at_pinned_place = true;
        w.mapped = true;
      } else if (f->pinned_end <= text.size() && f->pinned_start < f->pinned_end) {
        // Old offsets on a new text: the place, not the passage; no highlight.
        w = report::make_window(text, f->pinned_start, f->pinned_start, k_window_radius);
        w.at_pinned_place = true;
      } else {
        continue;
      }
      d.windows.emplace(report::window_key(f->claim, f->index), std::move(w));
      // The live page has what the text has now: link to the passage found.
      if (f->found_start && f->found_end && *f->found_end <= text.size() && *f->found_start < *f->found_end) {
        core::Citation now = core::make_citation(text, *f->found_start, *f->found_end, f->source, "");
        std::string link = core::text_fragment_link(s.entry.meta, now);
        if (!link.empty()) d.live_links.emplace(report::window_key(f->claim, f->index), std::move(link));
      }
    }
  });
  for (const SourceState& s : check.sources) {
    const core::SourceMeta& m = s.entry.meta;
    d.sources.push_back({m.id, s.entry.content, m.title, m.publisher, m.url, m.published, m.retrieved, m.media_type,
                         m.content_hash, s.present ? s.hash : std::string(), s.problem, s.citations});
  }
  d.check = std::move(check.report);
  return d;
}

}  // namespace provcheck::app
