#include "workspace/claims_file.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "util/file_io.h"
#include "util/hash.h"
#include "workspace/fast_read.h"
#include "workspace/json_input.h"
#include "workspace/sources.h"

namespace provcheck::workspace {
namespace fs = std::filesystem;
using util::Error;
using util::ErrorKind;
using Type = JsonValue::Type;

namespace {

const std::vector<std::string_view> k_file_fields = {"schema", "claims"};
const std::vector<std::string_view> k_claim_fields = {"id",          "text",       "assertion",   "tags",     "rating",
                                                      "reviewed_by", "review_url", "review_date", "citations"};
const std::vector<std::string_view> k_assertion_fields = {"subject", "metric", "value",        "unit",
                                                          "approx",  "as_of",  "as_of_assumed"};
const std::vector<std::string_view> k_citation_fields = {"source", "quote",      "prefix",          "suffix",  "start",
                                                         "end",    "quote_hash", "normalized_hash", "snapshot",
                                                         "page"};
const std::vector<std::string_view> k_request_fields = {
    "source", "quote",  "id",    "text",   "occurrence", "subject",     "metric",     "value",
    "unit",   "approx", "as_of", "tags",   "rating",     "reviewed_by", "review_url", "review_date"};

Error invalid(const std::string& where, const std::string& what) { return Error(ErrorKind::invalid_input, where + ": " + what); }

util::Status expect(const JsonValue& v, Type t, const std::string& origin, const std::string& what) {
  if (v.type == t) return util::Status();
  return invalid(json_where(origin, v), what);
}

std::optional<std::string>* review_slot(core::Review& r, std::string_view key) {
  if (key == "rating") return &r.rating;
  if (key == "reviewed_by") return &r.reviewed_by;
  if (key == "review_url") return &r.review_url;
  if (key == "review_date") return &r.review_date;
  return nullptr;
}

std::optional<std::string>* assertion_slot(core::Assertion& a, std::string_view key) {
  if (key == "subject") return &a.subject;
  if (key == "metric") return &a.metric;
  if (key == "value") return &a.value;
  if (key == "unit") return &a.unit;
  if (key == "approx") return &a.approx;
  if (key == "as_of") return &a.as_of;
  return nullptr;
}

util::Result<std::vector<std::string>> parse_tags(const JsonValue& v, const std::string& origin) {
  PC_TRY_STATUS(expect(v, Type::array, origin, "field \"tags\" must be an array of strings"));
  std::vector<std::string> tags;
  for (const JsonValue& t : v.items) {
    std::string s;
    PC_ASSIGN_OR_RETURN(s, json_string(t, origin, "tags[]"));
    tags.push_back(std::move(s));
  }
  return tags;
}

util::Result<std::uint64_t> parse_offset(const JsonValue& v, const std::string& origin, const std::string& field) {
  std::int64_t n = 0;
  PC_ASSIGN_OR_RETURN(n, json_int(v, origin, field));
  if (n < 0) return invalid(json_where(origin, v), "field \"" + field + "\" must not be negative");
  return static_cast<std::uint64_t>(n);
}

util::Result<core::Citation> parse_citation(JsonValue& v, const std::string& origin) {
  PC_TRY_STATUS(expect(v, Type::object, origin, "a citation must be a JSON object"));
  core::Citation c;
  bool has_start = false, has_end = false;
  for (auto& [key, f] : v.fields) {
    if (key == "start") { PC_ASSIGN_OR_RETURN(c.start, parse_offset(f, origin, key)); has_start = true; continue; }
    if (key == "end") { PC_ASSIGN_OR_RETURN(c.end, parse_offset(f, origin, key)); has_end = true; continue; }
    if (key == "page") {
      std::uint64_t page = 0;
      PC_ASSIGN_OR_RETURN(page, parse_offset(f, origin, key));
      if (page < 1 || page > 10000000) return invalid(json_where(origin, f), "field \"page\" must be a page number from 1");
      c.page = static_cast<int>(page);
      continue;
    }
    std::string* slot = key == "source" ? &c.source : key == "quote" ? &c.quote : key == "prefix" ? &c.prefix
                      : key == "suffix" ? &c.suffix : key == "quote_hash" ? &c.quote_hash
                      : key == "normalized_hash" ? &c.normalized_hash : key == "snapshot" ? &c.snapshot : nullptr;
    if (!slot) return unknown_key_error(origin, f, key, k_citation_fields, "a citation");
    PC_ASSIGN_OR_RETURN(*slot, json_take_string(f, origin, key));
  }
  std::string where = json_where(origin, v);
  if (c.source.empty()) return invalid(where, "citation has no \"source\"; give the id of a source in sources/");
  if (c.quote.empty()) return invalid(where, "citation has an empty \"quote\"");
  if (!has_start || !has_end) return invalid(where, "citation needs \"start\" and \"end\" byte offsets");
  if (c.end < c.start || c.end - c.start != c.quote.size()) {
    return invalid(where, "citation span " + std::to_string(c.start) + "-" + std::to_string(c.end) +
                              " does not have the quote's length (" + std::to_string(c.quote.size()) +
                              " bytes); re-add the claim with `provcheck claim add` instead of editing offsets");
  }
  if (!c.quote_hash.empty() && c.quote_hash != util::xxh3_64_digest(c.quote)) {
    auto parsed = util::parse_digest(c.quote_hash);
    if (!parsed || parsed->algorithm != util::k_xxh3_64) {
      return invalid(where, "\"quote_hash\" must be an " + std::string(util::k_xxh3_64) + " digest, got \"" +
                                c.quote_hash + "\"");
    }
    return invalid(where, "the quote no longer matches its \"quote_hash\": the quote was edited by hand; "
                          "re-add the claim with `provcheck claim add` so it is pinned to the source again");
  }
  return c;
}

util::Result<core::Claim> parse_claim(JsonValue& v, const std::string& origin) {
  PC_TRY_STATUS(expect(v, Type::object, origin, "each entry of \"claims\" must be a JSON object"));
  core::Claim claim;
  claim.file = origin;
  claim.line = v.line;
  bool has_citations = false;
  for (auto& [key, f] : v.fields) {
    if (key == "id") {
      PC_ASSIGN_OR_RETURN(claim.id, json_take_string(f, origin, key));
    } else if (key == "text") {
      PC_ASSIGN_OR_RETURN(claim.text, json_take_string(f, origin, key));
    } else if (key == "tags") {
      PC_ASSIGN_OR_RETURN(claim.tags, parse_tags(f, origin));
    } else if (key == "assertion") {
      PC_TRY_STATUS(expect(f, Type::object, origin, "field \"assertion\" must be an object"));
      for (const auto& [akey, av] : f.fields) {
        if (akey == "as_of_assumed") {
          if (av.type != Type::boolean) {
            return invalid(json_where(origin, av), "field \"assertion.as_of_assumed\" must be true or false");
          }
          claim.assertion.as_of_assumed = av.boolean;
          continue;
        }
        auto* slot = assertion_slot(claim.assertion, akey);
        if (!slot) return unknown_key_error(origin, av, akey, k_assertion_fields, "an assertion");
        if (av.type == Type::null) continue;
        PC_ASSIGN_OR_RETURN(*slot, json_string(av, origin, "assertion." + akey));
      }
      if (claim.assertion.as_of_assumed && !claim.assertion.as_of) {
        return invalid(json_where(origin, f), "\"assertion.as_of_assumed\" is true but there is no \"as_of\"; "
                                              "remove \"as_of_assumed\" or give the date");
      }
    } else if (auto* rslot = review_slot(claim.review, key)) {
      if (f.type == Type::null) continue;
      PC_ASSIGN_OR_RETURN(*rslot, json_take_string(f, origin, key));
    } else if (key == "citations") {
      PC_TRY_STATUS(expect(f, Type::array, origin, "field \"citations\" must be an array"));
      has_citations = true;
      for (JsonValue& cv : f.items) {
        core::Citation c;
        PC_ASSIGN_OR_RETURN(c, parse_citation(cv, origin));
        claim.citations.push_back(std::move(c));
      }
    } else {
      return unknown_key_error(origin, f, key, k_claim_fields, "a claim");
    }
  }
  std::string where = json_where(origin, v);
  if (claim.id.empty()) return invalid(where, "claim has no \"id\"");
  if (!is_valid_id(claim.id)) {
    return invalid(where, "claim id '" + claim.id + "' is not valid (lowercase letters, digits, '.', '_', '-')");
  }
  if (!has_citations || claim.citations.empty()) {
    return invalid(where, "claim '" + claim.id + "' has no citations; every claim cites at least one passage");
  }
  return claim;
}

}  // namespace

util::Result<ClaimsFile> parse_claims_file(std::string_view bytes, const std::string& path) {
  if (auto fast = fast_parse_claims_file(bytes, path)) return std::move(*fast);
  JsonValue root;
  PC_ASSIGN_OR_RETURN(root, parse_json(bytes, path));
  PC_TRY_STATUS(expect(root, Type::object, path, "a claims file must be a JSON object with \"schema\" and \"claims\""));
  ClaimsFile file;
  file.path = path;
  bool has_claims = false;
  for (auto& [key, v] : root.fields) {
    if (key == "schema") {
      std::string schema;
      PC_ASSIGN_OR_RETURN(schema, json_string(v, path, key));
      if (schema != k_claims_schema) {
        return invalid(json_where(path, v), "unknown claims schema \"" + schema + "\"; this provcheck reads " +
                                                k_claims_schema);
      }
    } else if (key == "claims") {
      PC_TRY_STATUS(expect(v, Type::array, path, "field \"claims\" must be an array"));
      has_claims = true;
      file.claims.reserve(v.items.size());
      for (JsonValue& cv : v.items) {
        core::Claim c;
        PC_ASSIGN_OR_RETURN(c, parse_claim(cv, path));
        file.claims.push_back(std::move(c));
      }
    } else {
      return unknown_key_error(path, v, key, k_file_fields, "a claims file");
    }
  }
  if (!has_claims) return invalid(path, "a claims file needs a \"claims\" array");
  return file;
}

namespace {

nlohmann::ordered_json claim_json(const core::Claim& c) {
  using nlohmann::ordered_json;
  ordered_json j;
  j["id"] = c.id;
  j["text"] = c.text;
  if (!c.assertion.empty()) {
    ordered_json a;
    const core::Assertion& as = c.assertion;
    for (auto [name, val] : {std::pair{"subject", &as.subject}, std::pair{"metric", &as.metric},
                             std::pair{"value", &as.value}, std::pair{"unit", &as.unit},
                             std::pair{"approx", &as.approx}, std::pair{"as_of", &as.as_of}}) {
      if (*val) a[name] = **val;
    }
    if (as.as_of_assumed && as.as_of) a["as_of_assumed"] = true;
    j["assertion"] = a;
  }
  if (!c.tags.empty()) j["tags"] = c.tags;
  for (auto [name, val] : {std::pair{"rating", &c.review.rating}, std::pair{"reviewed_by", &c.review.reviewed_by},
                           std::pair{"review_url", &c.review.review_url},
                           std::pair{"review_date", &c.review.review_date}}) {
    if (*val) j[name] = **val;
  }
  ordered_json cites = ordered_json::array();
  for (const core::Citation& ct : c.citations) {
    ordered_json k;
    k["source"] = ct.source;
    k["quote"] = ct.quote;
    k["prefix"] = ct.prefix;
    k["suffix"] = ct.suffix;
    k["start"] = ct.start;
    k["end"] = ct.end;
    k["quote_hash"] = ct.quote_hash;
    k["normalized_hash"] = ct.normalized_hash;
    k["snapshot"] = ct.snapshot;
    if (ct.page > 0) k["page"] = ct.page;
    cites.push_back(std::move(k));
  }
  j["citations"] = std::move(cites);
  return j;
}

}  // namespace

std::string render_claim(const core::Claim& c) {
  return claim_json(c).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string render_claims_file(const ClaimsFile& file) {
  using nlohmann::ordered_json;
  ordered_json root;
  root["schema"] = k_claims_schema;
  ordered_json claims = ordered_json::array();
  for (const core::Claim& c : file.claims) claims.push_back(claim_json(c));
  root["claims"] = std::move(claims);
  // Invalid UTF-8 in a quote is written as U+FFFD only in the JSON; the hash
  // check on load then flags it, which is why add refuses such quotes.
  return root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

util::Result<std::vector<std::string>> list_claims_files(const Workspace& ws) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::is_directory(ws.claims_dir(), ec)) return out;
  fs::recursive_directory_iterator it(ws.claims_dir(), ec);
  if (ec) return Error(ErrorKind::io, ws.claims_dir().string() + ": cannot list: " + ec.message());
  for (const fs::directory_entry& e : it) {
    if (e.path().extension() == ".json" && e.path().filename().string()[0] != '.') out.push_back(ws.relative(e.path()));
  }
  std::sort(out.begin(), out.end());
  return out;
}

util::Status check_unique_ids(const std::vector<ClaimsFile>& files) {
  std::unordered_map<std::string_view, const core::Claim*> seen;
  for (const ClaimsFile& f : files) {
    for (const core::Claim& c : f.claims) {
      auto [it, inserted] = seen.emplace(c.id, &c);
      if (!inserted) {
        return Error(ErrorKind::invalid_input,
                     c.file + ":" + std::to_string(c.line) + ": duplicate claim id '" + c.id + "', first used at " +
                         it->second->file + ":" + std::to_string(it->second->line) + "; give one of them another id");
      }
    }
  }
  return util::Status();
}

util::Result<ClaimsFile> read_claims_file(const Workspace& ws, const std::string& rel) {
  PC_ASSIGN_OR_RETURN(std::string bytes, util::read_file(ws.absolute(rel)));
  return parse_claims_file(bytes, rel);
}

util::Result<std::vector<ClaimsFile>> load_claims(const Workspace& ws) {
  std::vector<std::string> paths;
  PC_ASSIGN_OR_RETURN(paths, list_claims_files(ws));
  std::vector<ClaimsFile> files;
  files.reserve(paths.size());
  for (const std::string& p : paths) {
    PC_ASSIGN_OR_RETURN(ClaimsFile f, read_claims_file(ws, p));
    files.push_back(std::move(f));
  }
  PC_TRY_STATUS(check_unique_ids(files));
  return files;
}

namespace {

util::Result<core::ClaimRequest> parse_request_line(std::string_view line, const std::string& where) {
  JsonValue v;
  PC_ASSIGN_OR_RETURN(v, parse_json(line, where));
  if (v.type != Type::object) return invalid(where, "each line must be a JSON object");
  core::ClaimRequest r;
  r.origin = where;
  for (const auto& [key, f] : v.fields) {
    if (key == "occurrence") {
      std::int64_t n = 0;
      PC_ASSIGN_OR_RETURN(n, json_int(f, where, key));
      r.occurrence = static_cast<int>(n);
    } else if (key == "tags") {
      PC_ASSIGN_OR_RETURN(r.tags, parse_tags(f, where));
    } else if (auto* rslot = review_slot(r.review, key)) {
      if (f.type == Type::null) continue;
      PC_ASSIGN_OR_RETURN(*rslot, json_string(f, where, key));
    } else if (auto* slot = assertion_slot(r.assertion, key)) {
      if (f.type == Type::null) continue;
      if (key == "value" && (f.type == Type::integer || f.type == Type::number)) {  // {"value": 250000}
        char buf[32];
        auto [end, ec] = f.type == Type::integer ? std::to_chars(buf, buf + sizeof buf, f.integer)
                                                 : std::to_chars(buf, buf + sizeof buf, f.number);
        if (ec == std::errc()) {
          *slot = std::string(buf, end);
          continue;
        }
      }
      PC_ASSIGN_OR_RETURN(*slot, json_string(f, where, key));
    } else if (key == "source") {
      PC_ASSIGN_OR_RETURN(r.source, json_string(f, where, key));
    } else if (key == "quote") {
      PC_ASSIGN_OR_RETURN(r.quote, json_string(f, where, key));
    } else if (key == "id" || key == "text") {
      std::string s;
      PC_ASSIGN_OR_RETURN(s, json_string(f, where, key));
      (key == "id" ? r.id : r.text) = s;
    } else {
      return unknown_key_error(where, f, key, k_request_fields, "a claim line");
    }
  }
  if (r.source.empty()) return invalid(where, "missing \"source\" (the id of a source in sources/)");
  if (r.quote.empty()) return invalid(where, "missing or empty \"quote\"");
  return r;
}

}  // namespace

util::Result<std::vector<core::ClaimRequest>> parse_claim_requests(std::string_view bytes, const std::string& origin) {
  std::vector<core::ClaimRequest> out;
  PC_TRY_STATUS(for_each_json_line(bytes, origin, [&out](std::string_view line, const std::string& where) -> util::Status {
    PC_ASSIGN_OR_RETURN(core::ClaimRequest r, parse_request_line(line, where));
    out.push_back(std::move(r));
    return util::Status();
  }));
  return out;
}

}  // namespace provcheck::workspace
