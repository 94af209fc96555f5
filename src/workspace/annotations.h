#pragma once
// Reading annotations made by other tools, for `provcheck import
// annotations`: W3C Web Annotations (one object, an array, an
// AnnotationCollection or AnnotationPage with embedded items, or JSON Lines
// of annotations) and the JSON the Hypothesis API returns for a search
// ({"total", "rows": [...]}, each row with "uri", "text", "tags" and
// "target": [{"source", "selector": [...]}]). Only what provcheck pins is
// taken: the target's source, its TextQuoteSelector (exact, prefix,
// suffix), its TextPositionSelector (a hint, in code points), the text of
// the describing body, an assertion body (application/json), an assessing
// body (a rating) and tagging bodies. An annotation without a
// TextQuoteSelector is an error naming its place ("file:line"); so is any
// malformed one. Pure over the bytes given.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "util/result.h"

namespace provcheck::workspace {

struct AnnotationInput {
  std::string origin;   // "file:line" of the annotation
  std::string id;       // the annotation's id, when it has one
  std::string target;   // the target's source IRI (a URL, or urn:provcheck:source:ID)
  std::string exact;
  std::string prefix;
  std::string suffix;
  std::optional<std::uint64_t> position_start;  // code points
  std::optional<std::uint64_t> position_end;
  std::string text;     // the claim's words (describing body or Hypothesis "text")
  core::Assertion assertion;
  core::Review review;  // the rating of an assessing body
  std::vector<std::string> tags;
};

util::Result<std::vector<AnnotationInput>> parse_annotations(std::string_view bytes, const std::string& origin);

}  // namespace provcheck::workspace
