#include "report/escape.h"

#include <algorithm>

#include "util/utf8.h"

namespace provcheck::report {

std::string clean_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    util::Decoded d = util::decode_utf8(s, i);
    char32_t cp = d.valid ? d.codepoint : util::k_replacement;
    bool control = cp < 0x20 ? (cp != '\t' && cp != '\n' && cp != '\r') : (cp == 0x7F || cp == 0xFFFE || cp == 0xFFFF);
    if (!control) {
      if (d.valid) out.append(s.substr(i, d.length));
      else util::append_utf8(out, cp);
    }
    i += d.length;
  }
  return out;
}

std::string xml_escape(std::string_view raw) {
  std::string s = clean_utf8(raw);
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\r': out += "&#13;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string xml_attribute(std::string_view raw) {
  std::string s = xml_escape(raw), out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '\n') out += "&#10;";
    else if (c == '\t') out += "&#9;";
    else out += c;
  }
  return out;
}

std::string md_escape(std::string_view raw) {
  std::string s = clean_utf8(raw);
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '|': out += "\\|"; break;
      case '\n': case '\r': case '\t': out += ' '; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '*': case '_': case '`': case '[': case ']': case '\\': case '#': case '~': case '!':
        out += '\\';
        out += c;
        break;
      default: out += c;
    }
  }
  return out;
}

std::string md_code_block(std::string_view raw) {
  std::string s = clean_utf8(raw);
  std::size_t longest = 0, run = 0;
  for (char c : s) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(std::max<std::size_t>(3, longest + 1), '`');
  if (!s.empty() && s.back() != '\n') s += '\n';
  return fence + "text\n" + s + fence + "\n";
}

std::optional<std::string> safe_link(std::string_view url) {
  auto starts = [&](std::string_view p) {
    if (url.size() < p.size()) return false;
    for (std::size_t i = 0; i < p.size(); ++i) {
      char c = url[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != p[i]) return false;
    }
    return true;
  };
  std::size_t scheme = starts("https://") ? 8 : starts("http://") ? 7 : 0;
  if (scheme == 0 || url.size() == scheme) return std::nullopt;
  for (char c : url) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || c == '`') {
      return std::nullopt;
    }
  }
  return std::string(url);
}

std::vector<DiffPiece> parse_word_diff(std::string_view d) {
  std::vector<DiffPiece> out;
  auto push = [&](DiffPiece::Kind k, std::string_view text) {
    if (text.empty()) return;
    if (!out.empty() && out.back().kind == k) out.back().text += text;
    else out.push_back({k, std::string(text)});
  };
  std::size_t i = 0, plain = 0;
  while (i + 1 < d.size()) {
    bool del = d.compare(i, 2, "[-") == 0, ins = d.compare(i, 2, "{+") == 0;
    if (!del && !ins) {
      ++i;
      continue;
    }
    std::size_t close = d.find(del ? "-]" : "+}", i + 2);
    if (close == std::string_view::npos) break;
    push(DiffPiece::Kind::same, d.substr(plain, i - plain));
    push(del ? DiffPiece::Kind::removed : DiffPiece::Kind::added, d.substr(i + 2, close - i - 2));
    i = plain = close + 2;
  }
  push(DiffPiece::Kind::same, d.substr(plain));
  return out;
}

}  // namespace provcheck::report
