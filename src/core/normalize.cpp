#include "core/normalize.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstring>

#include "util/hash.h"
#include "util/utf8.h"

namespace provcheck::core {
namespace {

bool is_space(char32_t cp) {
  switch (cp) {
    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x20:
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
    case 0x202F: case 0x205F: case 0x3000:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

bool is_invisible(char32_t cp) {
  return cp == 0xAD || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF;
}

// Combining diacritical marks (the general, extended, supplement, for-symbols
// and half-mark blocks): dropped after decomposition, so "Erdogan" typed
// without its breve finds "Erdoğan". Marks of other scripts (Arabic harakat,
// Indic vowel signs) stay: there they are letters, not accents.
bool is_combining_diacritic(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
         (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F);
}

// Typographic variants folded to their ASCII forms; 0 when not typographic.
char typographic_ascii(char32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x2035:
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x2036:
    case 0xAB: case 0xBB: case 0x301D: case 0x301E: case 0x301F:
      return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
      return '-';
    default:
      return 0;
  }
}

// Appends the normalized form of the text; `emit` receives each output
// byte run with the original span it came from, and `emit_run` each run of
// printable ASCII, which normalization leaves as it is (most of any text:
// the fast path).
bool is_dash(char32_t cp) { return cp == '-' || typographic_ascii(cp) == '-'; }

// `extend(stop)` widens the last output byte's original span to `stop`: a
// dropped combining mark stays with the letter it sits on.
template <class Emit, class EmitRun, class Extend>
void run_normalizer(std::string_view s, Emit&& emit, EmitRun&& emit_run, Extend&& extend) {
  bool pending_space = false;  // a whitespace run seen after some output
  bool any_output = false;
  bool after_dash = false;  // whitespace right after a dash is dropped
  std::uint32_t space_begin = 0;
  std::uint32_t space_end = 0;
  std::string buf;
  auto flush_space = [&]() {
    if (pending_space && any_output) emit(std::string_view(" "), space_begin, space_end);
    pending_space = false;
  };
  // A run of dashes ("--" typed for an en or em dash, "—", " – ") is one "-"
  // with no whitespace on either side: "war -- and" finds "war—and".
  auto emit_dash = [&](std::uint32_t start, std::uint32_t stop) {
    pending_space = false;
    if (after_dash) {
      extend(stop);
      return;
    }
    any_output = true;
    after_dash = true;
    emit(std::string_view("-"), start, stop);
  };
  std::size_t pos = 0;
  while (pos < s.size()) {
    auto b = static_cast<unsigned char>(s[pos]);
    if (b > 0x20 && b < 0x7F && b != '-') {
      after_dash = false;
      // Printable ASCII, single spaces between words included: a lone
      // space normalizes to itself.
      // A hyphen is not part of a run: dashes have their own rules below.
      auto graphic = [&s](std::size_t i) {
        auto ch = static_cast<unsigned char>(s[i]);
        return ch > 0x20 && ch < 0x7F && ch != '-';
      };
      std::size_t run_end = pos + 1;
      while (run_end < s.size() &&
             (graphic(run_end) || (s[run_end] == ' ' && run_end + 1 < s.size() && graphic(run_end + 1)))) {
        ++run_end;
      }
      flush_space();
      any_output = true;
      emit_run(s.substr(pos, run_end - pos), static_cast<std::uint32_t>(pos));
      pos = run_end;
      continue;
    }
    std::uint32_t start = static_cast<std::uint32_t>(pos);
    char32_t cp;
    std::uint32_t len;
    if (b < 0x80) {
      cp = b;
      len = 1;
    } else {
      util::Decoded d = util::decode_utf8(s, pos);
      cp = d.codepoint;
      len = d.length;
    }
    std::uint32_t stop = start + len;
    pos = stop;
    if (is_dash(cp)) {
      emit_dash(start, stop);
      continue;
    }
    if (is_space(cp)) {
      if (after_dash) continue;
      if (!pending_space) space_begin = start;
      pending_space = true;
      space_end = stop;
      continue;
    }
    if (is_invisible(cp)) continue;
    if (is_combining_diacritic(cp)) {
      if (!pending_space) extend(stop);
      continue;
    }
    after_dash = false;
    if (cp < 0x80) {
      flush_space();
      any_output = true;
      char c = static_cast<char>(cp);
      emit(std::string_view(&c, 1), start, stop);
      continue;
    }
    if (char a = typographic_ascii(cp)) {
      flush_space();
      any_output = true;
      emit(std::string_view(&a, 1), start, stop);
      continue;
    }
    utf8proc_int32_t out[8];
    utf8proc_ssize_t n = utf8proc_decompose_char(
        static_cast<utf8proc_int32_t>(cp), out, 8,
        static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT), nullptr);
    if (n <= 0 || n > 8) {
      flush_space();
      any_output = true;
      buf.clear();
      util::append_utf8(buf, cp);
      emit(std::string_view(buf), start, stop);
      continue;
    }
    // A compatibility decomposition may itself start with a space (U+00A8
    // diaeresis is space + combining diaeresis): that space joins the
    // whitespace run like any other, so normalizing twice changes nothing.
    for (utf8proc_ssize_t i = 0; i < n; ++i) {
      auto c = static_cast<char32_t>(out[i]);
      if (is_combining_diacritic(c)) continue;
      if (is_dash(c)) {
        emit_dash(start, stop);
        continue;
      }
      if (is_space(c)) {
        if (after_dash) continue;
        if (!pending_space) space_begin = start;
        pending_space = true;
        space_end = stop;
        continue;
      }
      flush_space();
      any_output = true;
      after_dash = false;
      buf.clear();
      if (char a = typographic_ascii(c)) buf.push_back(a);
      else util::append_utf8(buf, c);
      emit(std::string_view(buf), start, stop);
    }
  }
}

}  // namespace

NormalizedText normalize_with_map(std::string_view bytes) {
  // Written into buffers sized for the usual case (output no longer than
  // input) and grown only when decompositions make it longer; each piece is
  // then a few stores, not three push_backs with their capacity checks.
  NormalizedText out;
  std::size_t cap = bytes.size() + 64, n = 0;
  out.text.resize(cap);
  out.begin.resize(cap);
  out.end.resize(cap);
  auto reserve = [&](std::size_t more) {
    if (n + more <= cap) return;
    cap = std::max(cap * 2, n + more);
    out.text.resize(cap);
    out.begin.resize(cap);
    out.end.resize(cap);
  };
  run_normalizer(bytes, [&](std::string_view piece, std::uint32_t b, std::uint32_t e) {
    reserve(piece.size());
    for (char ch : piece) {
      out.text[n] = ch;
      out.begin[n] = b;
      out.end[n] = e;
      ++n;
    }
  }, [&](std::string_view run, std::uint32_t at) {
    reserve(run.size());
    std::memcpy(out.text.data() + n, run.data(), run.size());
    std::uint32_t* bp = out.begin.data() + n;
    std::uint32_t* ep = out.end.data() + n;
    for (std::uint32_t i = 0; i < static_cast<std::uint32_t>(run.size()); ++i) {
      bp[i] = at + i;
      ep[i] = at + i + 1;
    }
    n += run.size();
  }, [&](std::uint32_t stop) {
    if (n > 0 && out.text[n - 1] != ' ') out.end[n - 1] = std::max(out.end[n - 1], stop);
  });
  out.text.resize(n);
  out.begin.resize(n);
  out.end.resize(n);
  return out;
}

std::string normalize(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  run_normalizer(bytes, [&](std::string_view piece, std::uint32_t, std::uint32_t) { out.append(piece); },
                 [&](std::string_view run, std::uint32_t) { out.append(run); }, [](std::uint32_t) {});
  return out;
}

std::string normalized_digest_algorithm() {
  return std::string(util::k_xxh3_64) + "+norm" + std::to_string(k_normalization_version);
}

std::string normalized_digest(std::string_view bytes) {
  std::string d = util::xxh3_64_digest(normalize(bytes));
  return normalized_digest_algorithm() + d.substr(util::k_xxh3_64.size());
}

}  // namespace provcheck::core
