#pragma once
// Escaping for the report formats. Every piece of claim and source text that
// reaches a report goes through one of these: HTML text and attributes, XML
// (JUnit), Markdown. Invalid UTF-8 becomes U+FFFD and control characters are
// dropped (XML 1.0 forbids them), so a hostile or damaged source can neither
// inject markup nor make a report unparseable. Also the parser of the word
// diff syntax ("[-old-]{+new+}") the renderers show as deletions and
// insertions. Pure, thread-safe.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace provcheck::report {

// For HTML/XML text and quoted attribute values alike: & < > " ' escaped.
std::string xml_escape(std::string_view s);
// For XML attribute values that must read back as written: xml_escape, and
// line breaks and tabs as character references (a parser turns raw ones
// into spaces).
std::string xml_attribute(std::string_view s);
// Markdown inline text (tables included): markup characters backslash-escaped,
// < > & as entities, line breaks as spaces.
std::string md_escape(std::string_view s);
// A fenced code block holding `s` verbatim (the fence outgrows any run of backticks in s).
std::string md_code_block(std::string_view s);
// The URL when it is an absolute http:// or https:// URL that is safe to put in
// an href; nothing otherwise (javascript:, data:, relative, or with spaces or quotes).
std::optional<std::string> safe_link(std::string_view url);
// Valid UTF-8 with invalid bytes as U+FFFD and C0 controls other than tab and
// line breaks removed.
std::string clean_utf8(std::string_view s);

struct DiffPiece {
  enum class Kind { same, removed, added } kind = Kind::same;
  std::string text;
};
// Splits a word diff of core::word_diff into pieces; text outside markers is `same`.
std::vector<DiffPiece> parse_word_diff(std::string_view diff);

}  // namespace provcheck::report
