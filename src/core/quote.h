#pragma once
// Resolving a user's quote in a source's text layer, for `claim add` and
// `claim import`: exact bytes first; otherwise a match after normalization
// (normalize.h), mapped back to the exact bytes the source has. An absent
// quote is ErrorKind::not_found with a hint of where the longest leading
// part matches; several matches without an occurrence number are
// ErrorKind::invalid_input listing each candidate. Pure, thread-safe.

#include <optional>
#include <string>
#include <string_view>

#include "core/model.h"
#include "util/result.h"

namespace provcheck::core {

struct QuoteResolution {
  Citation citation;  // source, quote bytes, context, span and digests filled in
  bool exact = true;  // false when found only after normalization
  int matches = 1;    // how many places matched
  int line = 0;       // 1-based line of the start
};

// `occurrence` counts from 1 in document order among the matches.
util::Result<QuoteResolution> resolve_quote(std::string_view text, std::string_view quote,
                                            std::optional<int> occurrence, const std::string& source_id,
                                            const std::string& snapshot_hash);

// The closest passage to a quote that is not in `text`, on one line, ready
// to be given as the quote; nullopt when nothing is close enough.
std::optional<std::string> closest_quote(std::string_view text, std::string_view quote);

// Builds a citation for the span [begin, end) of text.
Citation make_citation(std::string_view text, std::size_t begin, std::size_t end, const std::string& source_id,
                       const std::string& snapshot_hash);

}  // namespace provcheck::core
