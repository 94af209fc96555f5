#include "app/search_cmd.h"

#include <nlohmann/json.hpp>
#include <set>

#include "app/check_pipeline.h"
#include "core/figures.h"
#include "core/passages.h"
#include "util/file_io.h"
#include "util/hash.h"
#include "util/utf8.h"
#include "workspace/sources.h"

namespace provcheck::app {
using util::Error;
using util::ErrorKind;

namespace {

struct Current {
  std::string hash;
  std::optional<std::string> text;  // when the file had to be read
};

// The source's current snapshot hash: from the stat cache when the file's
// stat still matches, else by reading it.
util::Result<std::optional<Current>> current_snapshot(const Session& s, const workspace::SourceEntry& e,
                                                      const std::unordered_map<std::string, store::FileRecord>& records) {
  auto st = util::stat_file(s.ws.absolute(e.content));
  if (!st.ok() || !st->is_regular) return std::optional<Current>();  // gone: check reports it
  if (auto r = records.find(e.content); r != records.end() && stat_matches(r->second, *st)) {
    return std::optional<Current>(Current{r->second.content_hash, std::nullopt});
  }
  auto bytes = util::read_file(s.ws.absolute(e.content));
  if (!bytes.ok() || util::looks_binary(*bytes)) return std::optional<Current>();
  std::string hash = util::xxh3_128_digest(*bytes);
  auto text = workspace::text_layer(e.meta, std::move(bytes).value(), e.content);
  if (!text.ok()) return std::optional<Current>();
  return std::optional<Current>(Current{hash, std::move(text).value()});
}

std::vector<store::IndexedPassage> passages_of(const std::string& text) {
  std::vector<store::IndexedPassage> out;
  for (const core::Span& sp : core::split_passages(text)) {
    out.push_back({sp.start, sp.end, text.substr(sp.start, sp.end - sp.start)});
  }
  return out;
}

// The snippet without its markers, and where the markers were.
std::pair<std::string, std::vector<std::pair<std::size_t, std::size_t>>> unmark(const std::string& marked) {
  std::string plain;
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (char c : marked) {
    if (c == '\x02') spans.push_back({plain.size(), plain.size()});
    else if (c == '\x03') { if (!spans.empty()) spans.back().second = plain.size(); }
    else plain.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
  }
  return {plain, spans};
}

std::string line_of(const std::string& text, std::uint64_t at) {
  std::size_t n = 1;
  for (std::size_t i = 0; i < at && i < text.size(); ++i) n += text[i] == '\n';
  return std::to_string(n);
}

nlohmann::ordered_json figure_json(const core::Figure& f, std::uint64_t base) {
  auto num = [](double v) { return std::isfinite(v) ? nlohmann::ordered_json(v) : nlohmann::ordered_json(nullptr); };
  return {{"start", base + f.start}, {"end", base + f.end}, {"text", f.text}, {"kind", core::figure_kind_name(f.kind)},
          {"value", num(f.value)}, {"unit", f.unit.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(f.unit)},
          {"approx", f.approx.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(f.approx)},
          {"low", num(f.low)}, {"high", num(f.high)}};
}

}  // namespace

util::Result<std::map<std::string, std::vector<std::string>>> refresh_search_index(Session& s) {
  PC_ASSIGN_OR_RETURN(auto entries, workspace::list_sources(s.ws));
  PC_ASSIGN_OR_RETURN(auto records, s.store->file_records());
  PC_ASSIGN_OR_RETURN(auto indexed_list, s.store->indexed_snapshots());
  std::set<std::string> indexed(indexed_list.begin(), indexed_list.end());
  std::map<std::string, std::vector<std::string>> by_snapshot;
  for (const workspace::SourceEntry& e : entries) {
    PC_ASSIGN_OR_RETURN(auto cur, current_snapshot(s, e, records));
    if (!cur) continue;
    by_snapshot[cur->hash].push_back(e.meta.id);
    if (indexed.count(cur->hash)) continue;
    std::optional<std::string> text = std::move(cur->text);
    if (text) {  // read from the file: keep the snapshot too, so results can show its passages
      store::SnapshotInfo snap{cur->hash, e.meta.media_type, static_cast<std::int64_t>(text->size()),
                               util::xxh3_128_digest(*text), now_iso(), e.content};
      PC_TRY_STATUS(s.store->put_snapshot(snap, *text));
    } else {
      PC_ASSIGN_OR_RETURN(text, s.store->snapshot_text(cur->hash));
    }
    if (!text) {
      PC_ASSIGN_OR_RETURN(std::string bytes, util::read_file(s.ws.absolute(e.content)));
      PC_ASSIGN_OR_RETURN(std::string layer, workspace::text_layer(e.meta, std::move(bytes), e.content));
      text = std::move(layer);
    }
    PC_TRY_STATUS(s.store->index_passages(cur->hash, passages_of(*text)));
    indexed.insert(cur->hash);
  }
  for (const std::string& h : indexed) {
    if (!by_snapshot.count(h)) PC_TRY_STATUS(s.store->unindex_snapshot(h));
  }
  return by_snapshot;
}

util::Result<CommandOutput> search(const GlobalOptions& g, const SearchOptions& o) {
  if (o.query.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Error(ErrorKind::invalid_input, "search: the query is empty; give words, \"a phrase\" or a prefix*");
  }
  if (o.limit < 1) return Error(ErrorKind::invalid_input, "--limit " + std::to_string(o.limit) + ": give 1 or more");
  PC_ASSIGN_OR_RETURN(Session s, open_session(g));
  PC_ASSIGN_OR_RETURN(auto tx, s.store->begin_write());
  PC_ASSIGN_OR_RETURN(auto by_snapshot, refresh_search_index(s));
  PC_ASSIGN_OR_RETURN(auto hits, s.store->search_passages(o.query, o.limit));
  PC_TRY_STATUS(tx->commit());
  std::map<std::string, std::string> texts;  // snapshot -> text layer, for figures
  nlohmann::ordered_json results = nlohmann::ordered_json::array();
  CommandOutput out;
  int rank = 0;
  for (const store::SearchHit& h : hits) {
    auto t = texts.find(h.snapshot);
    if (t == texts.end()) {
      PC_ASSIGN_OR_RETURN(auto text, s.store->snapshot_text(h.snapshot));
      t = texts.emplace(h.snapshot, text.value_or("")).first;
    }
    const std::string& text = t->second;
    std::string passage = h.end <= text.size() ? text.substr(h.start, h.end - h.start) : std::string();
    std::vector<core::Figure> figures = core::extract_figures(passage);
    auto [snippet, marks] = unmark(h.snippet);
    // This workspace's sources, then those of other workspaces of a shared store ("workspace:source").
    std::vector<std::string> sources = by_snapshot[h.snapshot];
    sources.insert(sources.end(), h.elsewhere.begin(), h.elsewhere.end());
    for (const std::string& source : sources) {
      ++rank;
      if (o.format == "json") {
        nlohmann::ordered_json r;
        r["source"] = source;
        r["span"] = {h.start, h.end};
        r["line"] = std::stoi(line_of(text, h.start));
        r["score"] = h.score;
        r["snippet"] = snippet;
        nlohmann::ordered_json hl = nlohmann::ordered_json::array();
        for (auto [b, e] : marks) hl.push_back({b, e});
        r["highlights"] = hl;
        r["passage"] = passage;
        nlohmann::ordered_json figs = nlohmann::ordered_json::array();
        for (const core::Figure& f : figures) figs.push_back(figure_json(f, h.start));
        r["figures"] = figs;
        results.push_back(std::move(r));
        continue;
      }
      std::string shown;
      std::size_t pos = 0;
      for (auto [b, e] : marks) {
        shown += snippet.substr(pos, b - pos);
        std::string word = snippet.substr(b, e - b);
        shown += o.color ? "\x1b[1m" + word + "\x1b[0m" : "[" + word + "]";
        pos = e;
      }
      shown += snippet.substr(pos);
      out.out += std::to_string(rank) + ". " + source + "  line " + line_of(text, h.start) + ", bytes " +
                 std::to_string(h.start) + "-" + std::to_string(h.end) + "\n   " + shown + "\n";
      if (!figures.empty()) {
        std::string list;
        for (const core::Figure& f : figures) {
          list += (list.empty() ? "" : "; ") + (f.approx.empty() ? "" : f.approx + " ") + f.text + " (" +
                  core::figure_kind_name(f.kind) + ")";
        }
        out.out += "   figures: " + list + "\n";
      }
    }
  }
  if (o.format == "json") {
    nlohmann::ordered_json root;
    root["schema"] = "provcheck.search/1";
    root["query"] = o.query;
    root["results"] = std::move(results);
    out.out = root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  } else if (hits.empty()) {
    out.notes.push_back("no passage matches '" + o.query + "'");
  }
  return out;
}

}  // namespace provcheck::app
