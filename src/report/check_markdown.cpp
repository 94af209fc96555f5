// Markdown for a pull-request comment: the verdict and a summary table,
// what needs attention first (one table row each, details folded), the
// conflicts with both sides, the subject-and-metric tables folded, and every
// citation folded. `report --format md` adds each claim's words and the
// source inventory. Lists stop when the text nears 60,000 characters (GitHub
// takes comments up to 65,536) and say how many more there are; the HTML
// report has everything.
#include <algorithm>
#include <set>
#include <string>

#include "report/check_report.h"
#include "report/escape.h"
#include "report/report.h"

namespace provcheck::report {
namespace {

constexpr std::size_t k_budget = 60000;

// What is left of the size budget; list rows and folded details take from it.
struct Budget {
  std::size_t left = k_budget;
  bool take(const std::string& s) {
    if (s.size() > left) {
      left = 0;
      return false;
    }
    left -= s.size();
    return true;
  }
};

std::string more(std::size_t total, std::size_t shown) {
  return shown < total ? "\n… and " + std::to_string(total - shown) + " more (the HTML report has everything).\n"
                       : "";
}

std::string n(std::size_t v) { return std::to_string(v); }

std::string verdict(const core::CheckSummary& s) {
  if (s.errors > 0) {
    return "**Provenance broken:** " + n(s.errors) + (s.errors == 1 ? " error" : " errors") + ", " + n(s.warnings) +
           (s.warnings == 1 ? " warning." : " warnings.");
  }
  if (s.warnings > 0) return "**No errors;** " + n(s.warnings) + (s.warnings == 1 ? " warning." : " warnings.");
  return std::string("**Every citation holds") + (s.conflicts == 0 ? " and no claims conflict.**" : ".**");
}

std::string summary_tables(const core::CheckSummary& s) {
  std::string out = "| claims | citations | sources | conflicts | errors | warnings |\n|---:|---:|---:|---:|---:|---:|\n";
  out += "| " + n(s.claims) + " | " + n(s.citations) + " | " + n(s.sources) + " | " + n(s.conflicts) + " | " +
         n(s.errors) + " | " + n(s.warnings) + " |\n\n";
  out += "| status | severity | citations |\n|---|---|---:|\n";
  for (core::CitationStatus st : core::k_all_statuses) {
    auto it = s.by_status.find(core::status_name(st));
    out += "| " + std::string(core::status_name(st)) + " | " + core::severity_name(core::default_severity(st)) + " | " +
           n(it == s.by_status.end() ? 0 : it->second) + " |\n";
  }
  return out;
}

std::string where(const core::CitationFinding& f) {
  return md_escape(f.claim_file) + ":" + std::to_string(f.claim_line);
}

std::string finding_details(const core::CitationFinding& f, const std::map<std::string, std::string>* texts) {
  // Inside an HTML element Markdown is not parsed: HTML escaping there.
  std::string out = "<details><summary>" + xml_escape(core::status_name(f.status)) + ": " + xml_escape(f.claim) +
                    " cites " + xml_escape(f.source) + "</summary>\n\n";
  if (texts) {
    auto t = texts->find(f.claim);
    if (t != texts->end() && !t->second.empty()) out += "Claim: " + md_escape(t->second) + "\n\n";
  }
  if (!f.message.empty()) out += md_escape(f.message) + "\n\n";
  if (!f.diff.empty()) out += "Word diff (`[-old-]{+new+}`):\n\n" + md_code_block(f.diff) + "\n";
  if (!f.old_passage.empty()) out += "Pinned passage:\n\n" + md_code_block(f.old_passage) + "\n";
  if (!f.new_passage.empty()) out += "Found now:\n\n" + md_code_block(f.new_passage) + "\n";
  std::string span = "pinned bytes " + n(f.pinned_start) + "–" + n(f.pinned_end);
  if (f.found_start && f.found_end) span += ", found " + n(*f.found_start) + "–" + n(*f.found_end);
  out += "Where: " + where(f) + "; " + span + (f.since.empty() ? "" : "; since " + md_escape(f.since)) + "\n\n</details>\n";
  return out;
}

std::string attention(const core::CheckReport& r, const std::map<std::string, std::string>* texts, Budget& budget) {
  auto failures = failures_first(r);
  if (failures.empty()) return "";
  std::string out = "\n## Needs attention (" + n(failures.size()) + ")\n\n"
                    "| severity | status | claim | source | where | message |\n|---|---|---|---|---|---|\n";
  std::size_t shown = 0;
  for (const core::CitationFinding* f : failures) {
    std::string line = "| " + std::string(core::severity_name(f->severity)) + " | " + core::status_name(f->status) +
                       " | " + md_escape(f->claim) + " | " + md_escape(f->source) +
                       (f->page > 0 ? " p. " + std::to_string(f->page) : std::string()) + " | " + where(*f) + " | " +
                       md_escape(f->message) + " |\n";
    if (!budget.take(line)) break;
    out += line;
    ++shown;
  }
  out += more(failures.size(), shown) + "\n";
  for (std::size_t i = 0; i < shown; ++i) {
    std::string details = finding_details(*failures[i], texts);
    if (!budget.take(details)) break;
    out += details;
  }
  return out;
}

std::string value_of(const core::AssertionRow& r) {
  std::string v = r.approx.empty() || r.value.find(r.approx) != std::string::npos ? r.value : r.approx + " " + r.value;
  if (!r.unit.empty()) v += " " + r.unit;
  return md_escape(v);
}

std::string rows_table(const std::vector<core::AssertionRow>& rows, const std::set<std::string>& conflicted) {
  std::string out = "| claim | value | as of | source | status |\n|---|---|---|---|---|\n";
  for (const core::AssertionRow& r : rows) {
    out += "| " + md_escape(r.claim) + (conflicted.count(r.claim) ? " (conflict)" : "") + " | " + value_of(r) + " | " +
           (r.as_of.empty() ? "not stated" : md_escape(r.as_of) + (r.as_of_assumed ? " (published)" : "")) + " | " +
           md_escape(r.source) + " | " + md_escape(r.status) + " |\n";
  }
  return out;
}

// Each side's quote, source and dates, one after the other (Markdown has no columns).
std::string sides_markdown(const ReportData* data, const core::ConflictFinding& c) {
  if (!data) return "";
  std::string out;
  for (const core::AssertionRow& r : c.sides) {
    auto q = data->claim_quote.find(r.claim);
    if (q == data->claim_quote.end()) continue;
    auto src = std::lower_bound(data->sources.begin(), data->sources.end(), r.source,
                                [](const SourceRow& s, const std::string& k) { return s.id < k; });
    bool known = src != data->sources.end() && src->id == r.source;
    std::string where = md_escape(known && !src->title.empty() ? src->title : r.source);
    if (known && !src->published.empty()) where += ", published " + md_escape(src->published);
    out += "\n**" + md_escape(r.claim) + "** (" + value_of(r) + ", as of " +
           (r.as_of.empty() ? "not stated" : md_escape(r.as_of) + (r.as_of_assumed ? " (published)" : "")) + ") — " +
           where + ":\n\n";
    std::string_view quote = q->second;
    while (!quote.empty()) {
      std::size_t nl = quote.find('\n');
      out += "> " + md_escape(std::string(quote.substr(0, nl))) + "\n";
      quote = nl == std::string_view::npos ? std::string_view() : quote.substr(nl + 1);
    }
  }
  return out;
}

std::string conflicts(const core::CheckReport& r, Budget& budget, const ReportData* data) {
  if (r.conflicts.empty()) return "";
  std::string out = "\n## Conflicts (" + n(r.conflicts.size()) + ")\n";
  std::set<std::string> none;
  std::size_t shown = 0;
  for (const core::ConflictFinding& c : r.conflicts) {
    std::string one = "\n### " + std::string(core::conflict_kind_name(c.kind)) + " (" +
                      core::severity_name(c.severity) + "): " + md_escape(c.subject) +
                      (c.metric.empty() ? "" : " · " + md_escape(c.metric)) + "\n\n" + md_escape(c.message) + "\n\n";
    if (!c.sides.empty()) {
      one += rows_table(c.sides, none) + sides_markdown(data, c);
    } else {
      std::string ids;
      for (const std::string& id : c.claims) ids += (ids.empty() ? "" : ", ") + md_escape(id);
      one += "Claims: " + ids + "\n";
    }
    if (!budget.take(one)) break;
    out += one;
    ++shown;
  }
  return out + more(r.conflicts.size(), shown);
}

std::string groups(const core::CheckReport& r, Budget& budget) {
  if (r.groups.empty()) return "";
  std::set<std::string> conflicted;
  for (const core::ConflictFinding& c : r.conflicts) conflicted.insert(c.claims.begin(), c.claims.end());
  std::string out = "\n## Figures by subject and metric (" + n(r.groups.size()) + ")\n\n";
  std::size_t shown = 0;
  for (const core::AssertionGroup& g : r.groups) {
    std::size_t in_conflict = 0;
    for (const auto& row : g.rows) in_conflict += conflicted.count(row.claim);
    std::string one = "<details><summary>" + xml_escape(g.subject) + " · " + xml_escape(g.metric) + " (" +
                      n(g.rows.size()) + (g.rows.size() == 1 ? " claim" : " claims") +
                      (in_conflict ? ", " + n(in_conflict) + " in conflict" : "") + ")</summary>\n\n" +
                      rows_table(g.rows, conflicted) + "\n</details>\n";
    if (!budget.take(one)) break;
    out += one;
    ++shown;
  }
  return out + more(r.groups.size(), shown);
}

// A Markdown link to the live passage (a text-fragment URL), or "".
std::string live_cell(const ReportData* extras, const core::CitationFinding& f) {
  if (!extras) return "";
  auto it = extras->live_links.find(window_key(f.claim, f.index));
  if (it == extras->live_links.end()) return " |";
  auto link = safe_link(it->second);
  if (!link) return " |";
  std::string url;
  for (char c : *link) url += c == '|' ? "%7C" : c == '>' ? "%3E" : std::string(1, c);
  return " [passage](<" + url + ">) |";
}

std::string all_citations(const core::CheckReport& r, const ReportData* extras, Budget& budget) {
  std::string out = "\n<details><summary>All citations (" + n(r.citations.size()) +
                    ")</summary>\n\n| claim | source | status | pinned span | where |" +
                    std::string(extras ? " live |" : "") + "\n|---|---|---|---|---|" + (extras ? "---|" : "") + "\n";
  std::size_t shown = 0;
  for (const core::CitationFinding& f : r.citations) {
    std::string line = "| " + md_escape(f.claim) +
                       (f.index > 0 ? " (" + n(static_cast<std::size_t>(f.index) + 1) + ")" : "") + " | " +
                       md_escape(f.source) + (f.page > 0 ? " p. " + std::to_string(f.page) : std::string()) + " | " +
                       core::status_name(f.status) + " | " + n(f.pinned_start) + "-" +
                       n(f.pinned_end) + " | " + where(f) + " |" + live_cell(extras, f) + "\n";
    if (!budget.take(line)) break;
    out += line;
    ++shown;
  }
  out += more(r.citations.size(), shown);
  return out + "\n</details>\n";
}

std::string sources_table(const std::vector<SourceRow>& sources, Budget& budget) {
  std::string out = "\n<details><summary>Sources (" + n(sources.size()) +
                    ")</summary>\n\n| id | title | publisher | published | hash | citations | status |\n"
                    "|---|---|---|---|---|---:|---|\n";
  std::size_t shown = 0;
  for (const SourceRow& s : sources) {
    std::string status = !s.problem.empty() ? "unusable: " + md_escape(s.problem)
                         : (!s.captured_hash.empty() && !s.current_hash.empty() && s.captured_hash != s.current_hash)
                             ? "changed since capture"
                             : "as captured";
    std::string hash = s.current_hash.empty() ? s.captured_hash : s.current_hash;
    std::string line = "| " + md_escape(s.id) + " | " + md_escape(s.title) + " | " + md_escape(s.publisher) + " | " +
                       md_escape(s.published) + " | " +
                       md_escape(hash.substr(0, std::min<std::size_t>(hash.size(), 24))) + " | " + n(s.citations) +
                       " | " + status + " |\n";
    if (!budget.take(line)) break;
    out += line;
    ++shown;
  }
  out += more(sources.size(), shown);
  return out + "\n</details>\n";
}

std::string markdown(const core::CheckReport& r, const ReportData* extras) {
  Budget budget;
  std::string out = "# provcheck consistency report\n\n" + verdict(r.summary) + "\n\n" + summary_tables(r.summary);
  out += attention(r, extras ? &extras->claim_text : nullptr, budget);
  out += conflicts(r, budget, extras);
  out += groups(r, budget);
  out += all_citations(r, extras, budget);
  if (extras) out += sources_table(extras->sources, budget);
  return out;
}

}  // namespace

std::string render_check_markdown(const core::CheckReport& report) { return markdown(report, nullptr); }

std::string render_report_markdown(const ReportData& data) { return markdown(data.check, &data); }

}  // namespace provcheck::report
