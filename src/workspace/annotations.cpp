#include "workspace/annotations.h"

#include "workspace/json_input.h"

namespace provcheck::workspace {
using util::Error;
using util::ErrorKind;
using Type = JsonValue::Type;

namespace {

Error invalid(const std::string& where, const std::string& what) { return Error(ErrorKind::invalid_input, where + ": " + what); }

std::string at(const std::string& origin, const JsonValue& v) { return origin + ":" + std::to_string(v.line); }

const std::string* string_field(const JsonValue& v, std::string_view key) {
  const JsonValue* f = v.find(key);
  return f && f->type == Type::string ? &f->string : nullptr;
}

// A string or the first string of an array (JSON-LD allows either).
std::vector<const JsonValue*> as_list(const JsonValue* v) {
  std::vector<const JsonValue*> out;
  if (!v) return out;
  if (v->type == Type::array) {
    for (const JsonValue& i : v->items) out.push_back(&i);
  } else {
    out.push_back(v);
  }
  return out;
}

bool has_type(const JsonValue& v, std::string_view type) {
  for (const JsonValue* t : as_list(v.find("type"))) {
    if (t->type == Type::string && t->string == type) return true;
  }
  for (const JsonValue* t : as_list(v.find("@type"))) {
    if (t->type == Type::string && t->string == type) return true;
  }
  return false;
}

util::Status read_position(const JsonValue& sel, const std::string& origin, AnnotationInput& a) {
  const JsonValue* s = sel.find("start");
  const JsonValue* e = sel.find("end");
  if (!s || !e || s->type != Type::integer || e->type != Type::integer || s->integer < 0 || e->integer < s->integer) {
    return invalid(at(origin, sel), "a TextPositionSelector needs integer \"start\" <= \"end\", from 0");
  }
  a.position_start = static_cast<std::uint64_t>(s->integer);
  a.position_end = static_cast<std::uint64_t>(e->integer);
  return util::Status();
}

util::Status read_selectors(const JsonValue* selectors, const std::string& origin, AnnotationInput& a, bool& has_quote) {
  for (const JsonValue* sel : as_list(selectors)) {
    if (sel->type != Type::object) return invalid(at(origin, *sel), "a selector must be a JSON object");
    if (has_type(*sel, "TextQuoteSelector")) {
      const std::string* exact = string_field(*sel, "exact");
      if (!exact || exact->empty()) return invalid(at(origin, *sel), "a TextQuoteSelector needs a non-empty \"exact\"");
      a.exact = *exact;
      if (const std::string* p = string_field(*sel, "prefix")) a.prefix = *p;
      if (const std::string* s = string_field(*sel, "suffix")) a.suffix = *s;
      has_quote = true;
    } else if (has_type(*sel, "TextPositionSelector")) {
      PC_TRY_STATUS(read_position(*sel, origin, a));
    }
    // RangeSelector, XPathSelector, CssSelector, FragmentSelector: pointers into
    // a DOM provcheck does not have; the quote and position are enough.
    if (const JsonValue* refined = sel->find("refinedBy")) PC_TRY_STATUS(read_selectors(refined, origin, a, has_quote));
  }
  return util::Status();
}

util::Status read_target(const JsonValue& target, const std::string& origin, AnnotationInput& a, bool& has_quote) {
  if (target.type == Type::string) {  // a bare IRI: no selector, nothing to pin
    a.target = target.string;
    return util::Status();
  }
  if (target.type != Type::object) return invalid(at(origin, target), "a target must be an IRI or a JSON object");
  if (const std::string* src = string_field(target, "source")) a.target = *src;
  else if (const std::string* id = string_field(target, "id")) a.target = *id;
  return read_selectors(target.find("selector"), origin, a, has_quote);
}

util::Status read_bodies(const JsonValue* body, const std::string& origin, AnnotationInput& a) {
  for (const JsonValue* b : as_list(body)) {
    if (b->type == Type::string) continue;  // an IRI of an external body
    if (b->type != Type::object) return invalid(at(origin, *b), "a body must be an IRI or a JSON object");
    const std::string* value = string_field(*b, "value");
    const std::string* purpose = string_field(*b, "purpose");
    if (!value) {
      // An external body that assesses: the published fact-check.
      const std::string* id = string_field(*b, "id");
      if (id && purpose && *purpose == "assessing") a.review.review_url = *id;
      continue;
    }
    const std::string* format = string_field(*b, "format");
    std::string p = purpose ? *purpose : "";
    if (format && *format == "application/json") {
      auto parsed = parse_json(*value, at(origin, *b) + " (assertion body)");
      if (!parsed.ok()) return parsed.error();
      for (const auto& [key, v] : parsed->fields) {
        std::optional<std::string>* slot = key == "subject" ? &a.assertion.subject : key == "metric" ? &a.assertion.metric
                                         : key == "value" ? &a.assertion.value : key == "unit" ? &a.assertion.unit
                                         : key == "approx" ? &a.assertion.approx : key == "as_of" ? &a.assertion.as_of
                                                                                                  : nullptr;
        if (!slot) {
          return unknown_key_error(at(origin, *b) + " (assertion body)", v, key,
                                   {"subject", "metric", "value", "unit", "approx", "as_of"}, "an assertion");
        }
        if (v.type != Type::string) return invalid(at(origin, *b), "assertion field \"" + key + "\" must be a string");
        *slot = v.string;
      }
    } else if (p == "tagging") {
      a.tags.push_back(*value);
    } else if (p == "assessing") {
      a.review.rating = *value;
      if (const JsonValue* creator = b->find("creator"); creator && creator->type == Type::object) {
        if (const std::string* name = string_field(*creator, "name")) a.review.reviewed_by = *name;
      } else if (const std::string* name = string_field(*b, "creator")) {
        a.review.reviewed_by = *name;
      }
      if (const std::string* created = string_field(*b, "created"); created && created->size() >= 10) {
        a.review.review_date = created->substr(0, 10);
      }
    } else if (a.text.empty()) {
      a.text = *value;
    }
  }
  return util::Status();
}

util::Result<AnnotationInput> read_annotation(const JsonValue& v, const std::string& origin) {
  AnnotationInput a;
  a.origin = at(origin, v);
  if (v.type != Type::object) return invalid(a.origin, "an annotation must be a JSON object");
  if (const std::string* id = string_field(v, "id")) a.id = *id;
  bool has_quote = false;
  const JsonValue* target = v.find("target");
  if (!target) return invalid(a.origin, "the annotation has no \"target\"");
  for (const JsonValue* t : as_list(target)) {
    PC_TRY_STATUS(read_target(*t, origin, a, has_quote));
    if (has_quote) break;  // the first target that quotes text
  }
  if (a.target.empty()) {  // Hypothesis rows name the page in "uri"
    if (const std::string* uri = string_field(v, "uri")) a.target = *uri;
  }
  if (!has_quote) {
    return invalid(a.origin, "the annotation has no TextQuoteSelector (it annotates a whole page or a DOM range only); "
                             "provcheck pins quoted passages: select text when you annotate");
  }
  if (a.target.empty()) return invalid(a.origin, "the annotation's target names no source (\"source\" or \"uri\")");
  PC_TRY_STATUS(read_bodies(v.find("body"), origin, a));
  if (const std::string* text = string_field(v, "text"); text && a.text.empty()) a.text = *text;  // Hypothesis
  if (const JsonValue* tags = v.find("tags"); tags && tags->type == Type::array) {
    for (const JsonValue& t : tags->items) {
      if (t.type == Type::string) a.tags.push_back(t.string);
    }
  }
  return a;
}

util::Status read_container(const JsonValue& root, const std::string& origin, std::vector<AnnotationInput>& out) {
  if (root.type == Type::array) {
    for (const JsonValue& item : root.items) PC_TRY_STATUS(read_container(item, origin, out));
    return util::Status();
  }
  if (root.type != Type::object) return invalid(at(origin, root), "expected an annotation, a collection or a list of them");
  if (const JsonValue* rows = root.find("rows"); rows && rows->type == Type::array) {  // Hypothesis search
    for (const JsonValue& row : rows->items) PC_TRY_STATUS(read_container(row, origin, out));
    return util::Status();
  }
  if (has_type(root, "AnnotationCollection")) {
    const JsonValue* first = root.find("first");
    if (first && first->type == Type::object) return read_container(*first, origin, out);
    if (const JsonValue* items = root.find("items")) return read_container(*items, origin, out);
    return invalid(at(origin, root), "the AnnotationCollection embeds no page (\"first\" with \"items\"); "
                                     "export the annotations with their pages embedded");
  }
  if (has_type(root, "AnnotationPage")) {
    const JsonValue* items = root.find("items");
    if (!items) return invalid(at(origin, root), "the AnnotationPage has no \"items\"");
    return read_container(*items, origin, out);
  }
  PC_ASSIGN_OR_RETURN(AnnotationInput a, read_annotation(root, origin));
  out.push_back(std::move(a));
  return util::Status();
}

// JSON Lines when the first non-blank line is a whole JSON object by itself
// and more follows (a pretty-printed document's first line never is).
bool looks_like_json_lines(std::string_view bytes) {
  std::size_t first = bytes.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || bytes[first] != '{') return false;
  std::size_t nl = bytes.find('\n', first);
  if (nl == std::string_view::npos || bytes.find_first_not_of(" \t\r\n", nl) == std::string_view::npos) return false;
  return parse_json(bytes.substr(first, nl - first), "-").ok();
}

}  // namespace

util::Result<std::vector<AnnotationInput>> parse_annotations(std::string_view bytes, const std::string& origin) {
  std::vector<AnnotationInput> out;
  if (looks_like_json_lines(bytes)) {
    util::Status lines = for_each_json_line(bytes, origin, [&out](std::string_view line, const std::string& where) -> util::Status {
      PC_ASSIGN_OR_RETURN(JsonValue v, parse_json(line, where));
      std::vector<AnnotationInput> one;
      PC_TRY_STATUS(read_container(v, where, one));
      for (auto& a : one) {
        a.origin = where;
        out.push_back(std::move(a));
      }
      return util::Status();
    });
    PC_TRY_STATUS(lines);
  } else {
    PC_ASSIGN_OR_RETURN(JsonValue root, parse_json(bytes, origin));
    PC_TRY_STATUS(read_container(root, origin, out));
  }
  if (out.empty()) return invalid(origin, "no annotations in the file");
  return out;
}

}  // namespace provcheck::workspace
