#include "core/text_fragment.h"

#include <vector>

#include "core/text_search.h"
#include "util/utf8.h"

namespace provcheck::core {

namespace {

bool is_space_at(std::string_view s, std::size_t i, std::size_t& len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
    len = 1;
    return true;
  }
  if (c >= 0x80) {
    util::Decoded d = util::decode_utf8(s, i);
    // NO-BREAK SPACE, the Unicode spaces U+2000..U+200A, LINE/PARAGRAPH SEPARATOR, NARROW NBSP, IDEOGRAPHIC SPACE.
    char32_t cp = d.codepoint;
    if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
        cp == 0x3000) {
      len = d.length;
      return true;
    }
  }
  return false;
}

// The words of `s`, split at white space.
std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> words;
  std::string cur;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    if (is_space_at(s, i, len)) {
      if (!cur.empty()) words.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.append(s.substr(i, len));
    }
    i += len;
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

std::string join(const std::vector<std::string>& w, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) out += (out.empty() ? "" : " ") + w[i];
  return out;
}

bool has_word_char(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return true;
  }
  return false;
}

bool ends_in_space(std::string_view s) {
  if (s.empty()) return true;
  std::size_t last = util::utf8_floor(s, s.size() - 1);
  std::size_t len = 1;
  return is_space_at(s, last, len);
}

bool starts_with_space(std::string_view s) {
  std::size_t len = 1;
  return s.empty() || is_space_at(s, 0, len);
}

bool cut_context(std::string_view s) { return util::count_code_points(s) >= k_context_chars; }

}  // namespace

BlockBreaks block_breaks_of(const SourceMeta& meta) {
  const std::string& layer = meta.text_layer;
  bool rendered = layer.rfind("html", 0) == 0 || layer.rfind("cmark", 0) == 0;
  return rendered ? BlockBreaks::line_break : BlockBreaks::blank_line;
}

namespace {

// Offsets just past each block boundary in `s` (a blank line, or with
// line_break any line break).
std::vector<std::pair<std::size_t, std::size_t>> block_boundaries(std::string_view s, BlockBreaks breaks) {
  std::vector<std::pair<std::size_t, std::size_t>> out;  // [begin, end) of the boundary's white space
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\n') continue;
    std::size_t j = i + 1;
    bool blank = false;
    while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r' || s[j] == '\n')) {
      if (s[j] == '\n') blank = true;
      ++j;
    }
    if (breaks == BlockBreaks::line_break || blank) out.push_back({i, j});
    i = j - 1;
  }
  return out;
}

}  // namespace

TextFragmentParts text_fragment_parts(std::string_view quote, std::string_view prefix, std::string_view suffix,
                                      BlockBreaks breaks, std::size_t max_words, std::size_t edge_words) {
  TextFragmentParts p;
  auto quote_blocks = block_boundaries(quote, breaks);
  std::vector<std::string> q = words_of(quote);
  if (!quote_blocks.empty()) {
    std::vector<std::string> head = words_of(quote.substr(0, quote_blocks.front().first));
    std::vector<std::string> tail = words_of(quote.substr(quote_blocks.back().second));
    p.start = join(head, 0, std::min(head.size(), edge_words));
    p.end = join(tail, tail.size() > edge_words ? tail.size() - edge_words : 0, tail.size());
  } else if (q.size() > max_words && edge_words * 2 < q.size()) {
    p.start = join(q, 0, edge_words);
    p.end = join(q, q.size() - edge_words, q.size());
  } else {
    p.start = join(q, 0, q.size());
  }
  // Context is used only when it stands apart from the quote as whole words
  // (a prefix ending inside the quote's first word cannot match a word
  // start), within the quote's block, and without a word the stored context
  // may have cut in two: it holds at most k_context_chars code points, so a
  // full one starts (prefix) or ends (suffix) anywhere.
  constexpr std::size_t k_context_words = 3;
  if (!prefix.empty() && (ends_in_space(prefix) || starts_with_space(quote))) {
    auto cuts = block_boundaries(prefix, breaks);
    std::string_view tail = cuts.empty() ? prefix : prefix.substr(cuts.back().second);
    bool cut = cuts.empty() && cut_context(prefix);
    std::vector<std::string> w = words_of(tail);
    std::size_t first = cut && !starts_with_space(tail) ? 1 : 0;
    if (w.size() > first + k_context_words) first = w.size() - k_context_words;
    if (first < w.size() && (cuts.empty() || cuts.back().second < prefix.size())) p.prefix = join(w, first, w.size());
    if (!cuts.empty() && cuts.back().second >= prefix.size()) p.prefix.clear();  // the quote starts a block
  }
  if (!suffix.empty() && (starts_with_space(suffix) || ends_in_space(quote))) {
    auto cuts = block_boundaries(suffix, breaks);
    std::string_view head = cuts.empty() ? suffix : suffix.substr(0, cuts.front().first);
    bool cut = cuts.empty() && cut_context(suffix);
    std::vector<std::string> w = words_of(head);
    std::size_t last = w.size();
    if (cut && !ends_in_space(head) && last > 0) --last;
    if (last > k_context_words) last = k_context_words;
    if (last > 0) p.suffix = join(w, 0, last);
  }
  if (!has_word_char(p.prefix)) p.prefix.clear();
  if (!has_word_char(p.suffix)) p.suffix.clear();
  return p;
}

std::string encode_text_directive_part(std::string_view text) {
  static const char* k_hex = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() * 3);
  for (unsigned char c : text) {
    bool keep = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '_' ||
                c == '~';
    if (keep) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += k_hex[c >> 4];
      out += k_hex[c & 15];
    }
  }
  return out;
}

std::string text_directive(const TextFragmentParts& p) {
  std::string out = "text=";
  if (!p.prefix.empty()) out += encode_text_directive_part(p.prefix) + "-,";
  out += encode_text_directive_part(p.start);
  if (!p.end.empty()) out += "," + encode_text_directive_part(p.end);
  if (!p.suffix.empty()) out += ",-" + encode_text_directive_part(p.suffix);
  return out;
}

std::string text_fragment_link(std::string_view url, const Citation& citation, BlockBreaks breaks) {
  if (url.empty() || !has_word_char(citation.quote)) return {};
  std::string_view base = url.substr(0, url.find('#'));
  TextFragmentParts p = text_fragment_parts(citation.quote, citation.prefix, citation.suffix, breaks);
  if (!has_word_char(p.start)) return {};
  return std::string(base) + "#:~:" + text_directive(p);
}

std::string text_fragment_link(const SourceMeta& source, const Citation& citation) {
  return text_fragment_link(source_web_url(source), citation, block_breaks_of(source));
}

std::string source_web_url(const SourceMeta& meta) {
  auto web = [](const std::string& u) { return u.rfind("http://", 0) == 0 || u.rfind("https://", 0) == 0; };
  for (const std::string* u : {&meta.url, &meta.final_url, &meta.capture_url}) {
    if (web(*u)) return *u;
  }
  return {};
}

}  // namespace provcheck::core
