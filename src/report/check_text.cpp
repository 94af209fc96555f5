#include <cmath>
#include <string>

#include "report/check_report.h"

namespace provcheck::report {
namespace {

const char* color_of(core::Severity s) {
  switch (s) {
    case core::Severity::ok: return "\x1b[32m";
    case core::Severity::info: return "\x1b[36m";
    case core::Severity::warning: return "\x1b[33m";
    case core::Severity::error: return "\x1b[31m";
  }
  return "";
}

std::string span(std::uint64_t b, std::uint64_t e) { return std::to_string(b) + "-" + std::to_string(e); }

std::string one_line(const std::string& s, std::size_t max) {
  std::string out;
  for (char c : s) out.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
  if (out.size() > max) {
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + "…";
  }
  return out;
}

// "250,000 people (245,000..255,000)", "opposition".
std::string value_of(const core::AssertionRow& r) {
  if (!r.low || !r.high) {
    if (r.status_value.empty() || r.status_value == r.value) return r.value;
    return r.value + " (= " + r.status_value + ")";  // an alias from provcheck.json
  }
  std::string v = (r.approx.empty() ? "" : r.approx + " ") + r.value + (r.unit.empty() ? "" : " " + r.unit);
  return v;
}

std::string as_of_of(const core::AssertionRow& r) {
  if (r.as_of.empty()) return "(no date)";
  return r.as_of + (r.as_of_assumed ? " (published)" : "");
}

// Rows of a table, columns padded to the widest cell (by code points).
std::string table(const std::vector<std::vector<std::string>>& rows, const std::string& indent) {
  auto width = [](const std::string& s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
  };
  std::vector<std::size_t> w;
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (w.size() <= i) w.push_back(0);
      w[i] = std::max(w[i], width(row[i]));
    }
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line = indent;
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(w[i] - width(row[i]) + 2, ' ');
    }
    out += line + "\n";
  }
  return out;
}

// The claims about each subject side by side, one metric after another
// (a different metric is a different scope), each metric's claims in time
// order: when, what, which claim, which source, and any conflict.
std::string related(const core::CheckReport& report) {
  std::string out;
  std::size_t g = 0;
  while (g < report.groups.size()) {
    std::size_t end = g;
    std::size_t rows_total = 0;
    while (end < report.groups.size() && report.groups[end].subject == report.groups[g].subject) {
      rows_total += report.groups[end].rows.size();
      ++end;
    }
    if (rows_total >= 2) {
      std::vector<std::vector<std::string>> rows;
      for (std::size_t i = g; i < end; ++i) {
        bool first = true;
        for (const core::AssertionRow& r : report.groups[i].rows) {
          std::string conflict;
          for (const core::ConflictFinding& c : report.conflicts) {
            if (c.kind == core::ConflictKind::claim_quote_mismatch) continue;
            for (const std::string& id : c.claims) {
              if (id == r.claim) conflict = "  <- " + std::string(core::conflict_kind_name(c.kind));
            }
          }
          rows.push_back({first ? report.groups[i].metric : "", as_of_of(r), value_of(r), r.claim, r.source + conflict});
          first = false;
        }
      }
      out += "  " + report.groups[g].subject + "\n" + table(rows, "    ");
    }
    g = end;
  }
  return out.empty() ? out : "\nrelated figures (by subject; each metric's claims side by side, in time order):\n" + out;
}

}  // namespace

std::string render_check_summary_line(const core::CheckReport& report) {
  const core::CheckSummary& s = report.summary;
  std::string counts;
  for (core::CitationStatus st : core::k_all_statuses) {
    auto it = s.by_status.find(core::status_name(st));
    if (it == s.by_status.end() || it->second == 0) continue;
    counts += (counts.empty() ? "" : ", ") + std::to_string(it->second) + " " + core::status_name(st);
  }
  return std::to_string(s.claims) + " claims, " + std::to_string(s.citations) + " citations, " +
         std::to_string(s.sources) + " sources: " + (counts.empty() ? "nothing to check" : counts) + "; " +
         std::to_string(s.conflicts) + " conflicts; " + std::to_string(s.errors) + " errors, " +
         std::to_string(s.warnings) + " warnings\n";
}

std::string render_check_text(const core::CheckReport& report, bool color) {
  std::string out;
  auto paint = [&](core::Severity s, const std::string& text) {
    return color ? std::string(color_of(s)) + text + "\x1b[0m" : text;
  };
  // Everything not ok, grouped by status in the order of DESIGN.md's table, worst last.
  for (core::CitationStatus st : core::k_all_statuses) {
    bool header = false;
    for (const core::CitationFinding& f : report.citations) {
      // A moved citation is ok but listed: its new place is news.
      if (f.status != st || (f.severity == core::Severity::ok && st != core::CitationStatus::moved)) continue;
      if (!header) {
        out += "\n" + paint(f.severity, std::string(core::status_name(st))) + ":\n";
        header = true;
      }
      std::string now;
      if (f.found_start && f.found_end && (*f.found_start != f.pinned_start || *f.found_end != f.pinned_end)) {
        now = " -> now at [" + span(*f.found_start, *f.found_end) + "]";
      }
      out += "  " + f.claim_file + ":" + std::to_string(f.claim_line) + ": claim " + f.claim + " cites " + f.source +
             (f.page > 0 ? " p. " + std::to_string(f.page) : std::string()) + " [" + span(f.pinned_start, f.pinned_end) + "]" +
             now + " (" + core::severity_name(f.severity) + ")\n";
      if (st == core::CitationStatus::moved) {
        // Same bytes elsewhere: no "was"/"now" to compare, only the place.
        if (!f.since.empty()) out += "    since: " + f.since + "\n";
        continue;
      }
      if (!f.message.empty()) out += "    " + f.message + "\n";
      out += "    was: \"" + one_line(f.old_passage, 160) + "\"\n";
      if (!f.new_passage.empty()) out += "    now: \"" + one_line(f.new_passage, 160) + "\"\n";
      if (!f.diff.empty()) out += "    diff: " + one_line(f.diff, 240) + "\n";
      if (!f.since.empty()) out += "    since: " + f.since + "\n";
    }
  }
  for (const core::ConflictFinding& c : report.conflicts) {
    out += "\n" + paint(c.severity, std::string(core::conflict_kind_name(c.kind))) + " (" +
           core::severity_name(c.severity) + "): " + c.message + "\n";
  }
  out += related(report);
  if (!out.empty()) out += "\n";
  return out + render_check_summary_line(report);
}

}  // namespace provcheck::report
