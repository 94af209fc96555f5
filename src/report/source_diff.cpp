#include "report/source_diff.h"

#include <nlohmann/json.hpp>

namespace provcheck::report {
namespace {

constexpr std::size_t k_max_lines_shown = 12;
// A block with a line longer than this (a paragraph kept on one line) shows
// only its changed words in context, not the paragraph as -, + and words.
constexpr std::size_t k_long_line = 200;

bool has_long_line(const std::string& text) {
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t nl = text.find('\n', i);
    std::size_t e = nl == std::string::npos ? text.size() : nl;
    if (e - i > k_long_line) return true;
    i = e + 1;
  }
  return false;
}

// The first words of a moved block, for its one line.
std::string excerpt(const std::string& text) {
  constexpr std::size_t k_excerpt = 80;
  std::string flat;
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space && (flat.empty() || flat.back() == ' ')) continue;
    flat += space ? ' ' : c;
  }
  while (!flat.empty() && flat.back() == ' ') flat.pop_back();
  if (flat.size() <= k_excerpt) return flat;
  std::size_t cut = k_excerpt;
  while (cut > 0 && (static_cast<unsigned char>(flat[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
  return flat.substr(0, cut) + "...";
}

std::string cited(const char* label, const std::vector<std::string>& where) {
  if (where.empty()) return "";
  std::string out = std::string("  ") + label + ":";
  for (const std::string& c : where) out += " " + c;
  return out + "\n";
}

// Each line of `text` prefixed with `mark`, at most k_max_lines_shown of them.
std::string marked_lines(const std::string& text, char mark, const char* color_on, const char* color_off) {
  std::string out;
  std::size_t i = 0, shown = 0, total = 0;
  while (i < text.size()) {
    std::size_t nl = text.find('\n', i);
    std::size_t e = nl == std::string::npos ? text.size() : nl;
    if (shown < k_max_lines_shown) {
      out += color_on;
      out += mark;
      out.append(text, i, e - i);
      out += color_off;
      out += '\n';
      ++shown;
    }
    ++total;
    i = e + 1;
  }
  if (total > shown) out += std::string(1, mark) + " ... " + std::to_string(total - shown) + " more lines\n";
  return out;
}

std::string range(std::size_t line, std::size_t count) { return std::to_string(line) + "," + std::to_string(count); }

}  // namespace

std::string render_source_diff_text(const SourceDiff& d, bool color) {
  const char* red = color ? "\033[31m" : "";
  const char* green = color ? "\033[32m" : "";
  const char* off = color ? "\033[0m" : "";
  std::string out = "source " + d.source + " (" + d.file + ")\n";
  out += "from " + d.from + " (" + d.from_why + ")\n";
  out += "to   " + d.to + " (now)\n";
  if (d.hunks.empty()) return out + "no change\n";
  std::size_t touched = 0, moved = 0;
  for (const SourceDiffHunk& h : d.hunks) {
    touched += h.citations.size();
    if (h.kind == "moved") {
      ++moved;
      out += "@@ moved -" + range(h.old_line, h.old_lines) + " +" + range(h.new_line, h.new_lines) + " @@ bytes " +
             std::to_string(h.old_begin) + "-" + std::to_string(h.old_end) + " -> " + std::to_string(h.new_begin) +
             "-" + std::to_string(h.new_end) + " \"" + excerpt(h.old_text) + "\"\n";
      out += cited("cited in moved text (unchanged)", h.moved_citations);
      out += cited("cited here", h.citations);
      continue;
    }
    out += "@@ -" + range(h.old_line, h.old_lines) + " +" + range(h.new_line, h.new_lines) + " @@ bytes " +
           std::to_string(h.old_begin) + "-" + std::to_string(h.old_end) + " -> " + std::to_string(h.new_begin) + "-" +
           std::to_string(h.new_end) + "\n";
    if (!h.diff_in_context.empty() && (has_long_line(h.old_text) || has_long_line(h.new_text))) {
      out += "  words: " + h.diff_in_context + "\n";
    } else {
      out += marked_lines(h.old_text, '-', red, off);
      out += marked_lines(h.new_text, '+', green, off);
      if (!h.diff.empty()) out += "  words: " + h.diff + "\n";
    }
    out += cited("cited here", h.citations);
  }
  std::size_t changed = d.hunks.size() - moved;
  out += std::to_string(changed) + " changed block" + (changed == 1 ? "" : "s");
  if (moved) out += ", " + std::to_string(moved) + " moved block" + (moved == 1 ? "" : "s");
  out += "; " + std::to_string(touched) + " of " + std::to_string(d.citations) + " citation" +
         (d.citations == 1 ? "" : "s") + " pinned to " + d.from.substr(0, 20) + "... in changed text\n";
  return out;
}

std::string render_source_diff_json(const SourceDiff& d) {
  using nlohmann::ordered_json;
  ordered_json hunks = ordered_json::array();
  for (const SourceDiffHunk& h : d.hunks) {
    hunks.push_back({{"kind", h.kind},
                     {"old_span", {h.old_begin, h.old_end}},
                     {"new_span", {h.new_begin, h.new_end}},
                     {"old_lines", {h.old_line, h.old_lines}},
                     {"new_lines", {h.new_line, h.new_lines}},
                     {"old_text", h.old_text},
                     {"new_text", h.new_text},
                     {"diff", h.diff.empty() ? ordered_json(nullptr) : ordered_json(h.diff)},
                     {"diff_in_context", h.diff_in_context.empty() ? ordered_json(nullptr) : ordered_json(h.diff_in_context)},
                     {"citations", h.citations},
                     {"moved_citations", h.moved_citations}});
  }
  ordered_json j = {{"schema", "provcheck.source-diff/1"}, {"source", d.source}, {"file", d.file},
                    {"from", d.from}, {"from_why", d.from_why}, {"to", d.to},
                    {"citations", d.citations}, {"hunks", hunks}};
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace provcheck::report
