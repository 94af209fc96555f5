#include "workspace/fast_read.h"

#include <simdjson.h>

#include <cstring>

#include "util/hash.h"
#include "workspace/selectors.h"
#include "workspace/sources.h"
#include "workspace/text_layers.h"

namespace provcheck::workspace {
namespace od = simdjson::ondemand;

namespace {

// Counts lines forward with memchr.
class LineCounter {
 public:
  explicit LineCounter(const char* base) : m_pos(base) {}
  int at(const char* p) {
    while (m_pos < p) {
      const void* nl = std::memchr(m_pos, '\n', static_cast<std::size_t>(p - m_pos));
      if (!nl) { m_pos = p; break; }
      ++m_line;
      m_pos = static_cast<const char*>(nl) + 1;
    }
    return m_line;
  }

 private:
  const char* m_pos;
  int m_line = 1;
};

bool take_string(od::value v, std::string& out) {
  std::string_view s;
  if (v.get_string().get(s)) return false;
  out.assign(s);
  return true;
}

bool take_offset(od::value v, std::uint64_t& out) {
  std::int64_t n = 0;
  if (v.get_int64().get(n) || n < 0) return false;
  out = static_cast<std::uint64_t>(n);
  return true;
}

bool read_citation(od::value v, core::Citation& c) {
  od::object obj;
  if (v.get_object().get(obj)) return false;
  bool has_start = false, has_end = false;
  for (auto field : obj) {
    std::string_view key;
    if (field.unescaped_key().get(key)) return false;
    od::value fv;
    if (field.value().get(fv)) return false;
    bool ok = true;
    if (key == "source") ok = take_string(fv, c.source);
    else if (key == "quote") ok = take_string(fv, c.quote);
    else if (key == "prefix") ok = take_string(fv, c.prefix);
    else if (key == "suffix") ok = take_string(fv, c.suffix);
    else if (key == "start") ok = has_start = take_offset(fv, c.start);
    else if (key == "end") ok = has_end = take_offset(fv, c.end);
    else if (key == "quote_hash") ok = take_string(fv, c.quote_hash);
    else if (key == "normalized_hash") ok = take_string(fv, c.normalized_hash);
    else if (key == "snapshot") ok = take_string(fv, c.snapshot);
    else if (key == "page") {
      std::uint64_t page = 0;
      ok = take_offset(fv, page) && page >= 1 && page <= 10000000;
      c.page = static_cast<int>(page);
    } else return false;
    if (!ok) return false;
  }
  if (c.source.empty() || c.quote.empty() || !has_start || !has_end) return false;
  if (c.end < c.start || c.end - c.start != c.quote.size()) return false;
  if (!c.quote_hash.empty() && c.quote_hash != util::xxh3_64_digest(c.quote)) return false;
  return true;
}

bool read_assertion(od::value v, core::Assertion& a) {
  od::object obj;
  if (v.get_object().get(obj)) return false;
  for (auto field : obj) {
    std::string_view key;
    if (field.unescaped_key().get(key)) return false;
    od::value fv;
    if (field.value().get(fv)) return false;
    if (key == "as_of_assumed") {
      if (fv.get_bool().get(a.as_of_assumed)) return false;
      continue;
    }
    std::optional<std::string>* slot = key == "subject" ? &a.subject : key == "metric" ? &a.metric
                                     : key == "value" ? &a.value : key == "unit" ? &a.unit
                                     : key == "approx" ? &a.approx : key == "as_of" ? &a.as_of : nullptr;
    if (!slot) return false;
    bool is_null = false;
    if (fv.is_null().get(is_null)) return false;
    if (is_null) continue;
    std::string s;
    if (!take_string(fv, s)) return false;
    *slot = std::move(s);
  }
  return !a.as_of_assumed || a.as_of.has_value();  // the tree reader names the problem
}

bool read_claim(od::value v, core::Claim& c) {
  od::object obj;
  if (v.get_object().get(obj)) return false;
  bool has_citations = false;
  for (auto field : obj) {
    std::string_view key;
    if (field.unescaped_key().get(key)) return false;
    od::value fv;
    if (field.value().get(fv)) return false;
    if (key == "id") {
      if (!take_string(fv, c.id)) return false;
    } else if (key == "text") {
      if (!take_string(fv, c.text)) return false;
    } else if (key == "assertion") {
      if (!read_assertion(fv, c.assertion)) return false;
    } else if (key == "rating" || key == "reviewed_by" || key == "review_url" || key == "review_date") {
      std::optional<std::string>& slot = key == "rating" ? c.review.rating : key == "reviewed_by" ? c.review.reviewed_by
                                       : key == "review_url" ? c.review.review_url : c.review.review_date;
      bool is_null = false;
      if (fv.is_null().get(is_null)) return false;
      if (is_null) continue;
      std::string s;
      if (!take_string(fv, s)) return false;
      slot = std::move(s);
    } else if (key == "tags") {
      od::array arr;
      if (fv.get_array().get(arr)) return false;
      for (auto item : arr) {
        od::value iv;
        std::string t;
        if (item.get(iv) || !take_string(iv, t)) return false;
        c.tags.push_back(std::move(t));
      }
    } else if (key == "citations") {
      od::array arr;
      if (fv.get_array().get(arr)) return false;
      has_citations = true;
      for (auto item : arr) {
        od::value iv;
        if (item.get(iv)) return false;
        core::Citation ct;
        if (!read_citation(iv, ct)) return false;
        c.citations.push_back(std::move(ct));
      }
    } else {
      return false;
    }
  }
  return !c.id.empty() && is_valid_id(c.id) && has_citations && !c.citations.empty();
}

}  // namespace

std::optional<ClaimsFile> fast_parse_claims_file(std::string_view bytes, const std::string& path) {
  thread_local od::parser parser;
  simdjson::padded_string padded(bytes.data(), bytes.size());
  od::document doc;
  if (parser.iterate(padded).get(doc)) return std::nullopt;
  od::object root;
  if (doc.get_object().get(root)) return std::nullopt;
  ClaimsFile file;
  file.path = path;
  LineCounter lines(padded.data());
  bool has_schema = false, has_claims = false;
  for (auto field : root) {
    std::string_view key;
    if (field.unescaped_key().get(key)) return std::nullopt;
    od::value fv;
    if (field.value().get(fv)) return std::nullopt;
    if (key == "schema") {
      std::string_view schema;
      if (fv.get_string().get(schema) || schema != k_claims_schema) return std::nullopt;
      has_schema = true;
    } else if (key == "claims") {
      od::array arr;
      if (fv.get_array().get(arr)) return std::nullopt;
      has_claims = true;
      for (auto item : arr) {
        od::value cv;
        if (item.get(cv)) return std::nullopt;
        const char* loc = nullptr;
        if (cv.current_location().get(loc)) return std::nullopt;
        core::Claim c;
        c.line = lines.at(loc);
        c.file = path;
        if (!read_claim(cv, c)) return std::nullopt;
        file.claims.push_back(std::move(c));
      }
    } else {
      return std::nullopt;
    }
  }
  const char* rest = nullptr;
  if (doc.current_location().get(rest) == simdjson::SUCCESS) return std::nullopt;  // trailing content
  if (!has_claims) return std::nullopt;
  (void)has_schema;
  return file;
}

std::optional<core::SourceMeta> fast_parse_sidecar(std::string_view bytes) {
  thread_local od::parser parser;
  simdjson::padded_string padded(bytes.data(), bytes.size());
  od::document doc;
  if (parser.iterate(padded).get(doc)) return std::nullopt;
  od::object root;
  if (doc.get_object().get(root)) return std::nullopt;
  core::SourceMeta m;
  for (auto field : root) {
    std::string_view key;
    if (field.unescaped_key().get(key)) return std::nullopt;
    od::value fv;
    if (field.value().get(fv)) return std::nullopt;
    std::string* slot = key == "id" ? &m.id : key == "file" ? &m.file : key == "title" ? &m.title
                      : key == "publisher" ? &m.publisher : key == "url" ? &m.url
                      : key == "published" ? &m.published : key == "retrieved" ? &m.retrieved
                      : key == "media_type" ? &m.media_type : key == "content_hash" ? &m.content_hash
                      : key == "text_layer" ? &m.text_layer : key == "capture_url" ? &m.capture_url
                      : key == "final_url" ? &m.final_url : key == "etag" ? &m.etag
                      : key == "last_modified" ? &m.last_modified : nullptr;
    if (key == "response_headers") {
      od::array arr;
      if (fv.get_array().get(arr)) return std::nullopt;
      for (auto item : arr) {
        od::array pair;
        if (item.get_array().get(pair)) return std::nullopt;
        std::vector<std::string> parts;
        for (auto part : pair) {
          od::value pv;
          std::string str;
          if (part.get(pv) || !take_string(pv, str)) return std::nullopt;
          parts.push_back(std::move(str));
        }
        if (parts.size() != 2) return std::nullopt;
        m.response_headers.emplace_back(std::move(parts[0]), std::move(parts[1]));
      }
      continue;
    }
    if (key == "http_status") {
      std::int64_t status = 0;
      if (fv.get_int64().get(status) || status < 100 || status > 599) return std::nullopt;
      m.http_status = static_cast<int>(status);
      continue;
    }
    if (key == "schema") {
      std::string_view schema;
      if (fv.get_string().get(schema) || schema != k_sidecar_schema) return std::nullopt;
      continue;
    }
    if (!slot || !take_string(fv, *slot)) return std::nullopt;
  }
  const char* rest = nullptr;
  if (doc.current_location().get(rest) == simdjson::SUCCESS) return std::nullopt;
  if (m.id.empty() || m.file.empty() || m.media_type.empty() || !is_valid_id(m.id)) return std::nullopt;
  if (m.file.find('/') != std::string::npos || m.file == "." || m.file == "..") return std::nullopt;
  if (!layer_problem(layer_of(m), m.media_type).empty()) return std::nullopt;
  return m;
}

bool fast_parse_selector(std::string_view line, SelectorRequest& r) {
  thread_local od::parser parser;
  thread_local std::string padded;
  padded.assign(line);
  padded.append(simdjson::SIMDJSON_PADDING, ' ');
  od::document doc;
  if (parser.iterate(padded.data(), line.size(), padded.size()).get(doc)) return false;
  od::object obj;
  if (doc.get_object().get(obj)) return false;
  bool has_start = false, has_end = false;
  for (auto field : obj) {
    std::string_view key;
    if (field.unescaped_key().get(key)) return false;
    od::value v;
    if (field.value().get(v)) return false;
    bool ok = true;
    if (key == "id") {
      std::int64_t n = 0;
      if (v.type() == od::json_type::number) {
        ok = !v.get_int64().get(n);
        r.id = std::to_string(n);
      } else {
        ok = take_string(v, r.id);
      }
    } else if (key == "text_file") ok = take_string(v, r.text_file);
    else if (key == "exact") ok = take_string(v, r.selector.quote);
    else if (key == "prefix") ok = take_string(v, r.selector.prefix);
    else if (key == "suffix") ok = take_string(v, r.selector.suffix);
    else if (key == "start") ok = has_start = take_offset(v, r.selector.start);
    else if (key == "end") ok = has_end = take_offset(v, r.selector.end);
    else return false;
    if (!ok) return false;
  }
  if (!doc.current_location().error()) return false;  // more after the object: let the careful parser say what
  return has_start && has_end && !r.id.empty() && !r.text_file.empty() && !r.selector.quote.empty();
}

}  // namespace provcheck::workspace
