#pragma once
// Links to the live passage: a URL with a text directive of the Text
// Fragments specification (WICG, "URL Fragment Text Directives"):
//   URL#:~:text=[prefix-,]textStart[,textEnd][,-suffix]
// A browser that supports it scrolls to the passage and highlights it. The
// directive matches rendered text, whole words, with white space collapsed,
// so the quote's line breaks become single spaces, the prefix and suffix are
// cut to whole words, and a long quote is given by its first and last words
// (textStart,textEnd). Every character but ASCII letters, digits and
// "._~" is percent-encoded as UTF-8 (',', '-' and '&' must be: they are the
// directive's own syntax). Pure functions, thread-safe.

#include <string>
#include <string_view>

#include "core/model.h"

namespace provcheck::core {

struct TextFragmentParts {
  std::string prefix;  // empty when none
  std::string start;
  std::string end;     // empty when the whole quote is in start
  std::string suffix;  // empty when none
};

// Where a text layer's blocks (paragraphs, headings) end: a browser matches
// a directive's prefix, start and suffix each inside one block, so context
// is cut there. Plain text and PDF layers wrap lines inside a paragraph
// (a blank line ends it); rendered HTML and Markdown put each block on
// its own line.
enum class BlockBreaks { blank_line, line_break };
BlockBreaks block_breaks_of(const SourceMeta& meta);

// The directive's parts for a quote with its context (not yet encoded).
// Quotes of more than `max_words` words, or that run across a block
// boundary, are given by their first and last words (at most `edge_words`
// each, none across a boundary).
TextFragmentParts text_fragment_parts(std::string_view quote, std::string_view prefix, std::string_view suffix,
                                      BlockBreaks breaks = BlockBreaks::blank_line, std::size_t max_words = 10,
                                      std::size_t edge_words = 4);

// Percent-encodes one part of a text directive.
std::string encode_text_directive_part(std::string_view text);

// "text=..." for the parts (without "#:~:").
std::string text_directive(const TextFragmentParts& parts);

// `url` without any fragment, then "#:~:text=...". Empty when `url` is empty
// or the quote has no word characters to match.
std::string text_fragment_link(std::string_view url, const Citation& citation,
                               BlockBreaks breaks = BlockBreaks::blank_line);
// The link for a citation of `source`: its web URL (source_web_url) and its
// layer's block breaks; empty when the source has no web URL.
std::string text_fragment_link(const SourceMeta& source, const Citation& citation);

// The address of a source on the web: its sidecar's "url" when that is an
// http(s) URL, else where its capture's redirects ended, else what was
// captured; empty for a source that has none.
std::string source_web_url(const SourceMeta& meta);

}  // namespace provcheck::core
