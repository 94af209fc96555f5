#include "workspace/sources.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "util/file_io.h"
#include "workspace/fast_read.h"
#include "workspace/json_input.h"
#include "util/hash.h"
#include "workspace/text_cache.h"
#include "workspace/text_layer_pdf.h"
#include "workspace/text_layers.h"

namespace provcheck::workspace {
namespace fs = std::filesystem;
using util::Error;
using util::ErrorKind;

bool is_valid_id(const std::string& id) {
  if (id.empty() || id.size() > 120) return false;
  auto ok_first = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!ok_first(id[0])) return false;
  return std::all_of(id.begin(), id.end(), [&](char c) { return ok_first(c) || c == '-' || c == '_' || c == '.'; });
}

std::string id_from_filename(const fs::path& path) {
  std::string stem = path.stem().string();
  std::string id;
  for (char c : stem) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    if (!ok) c = '-';
    if (c == '-' && (id.empty() || id.back() == '-')) continue;
    id.push_back(c);
  }
  while (!id.empty() && (id.back() == '-' || id.back() == '.')) id.pop_back();
  return id;
}

util::Result<std::string> media_type_for(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".txt" || ext == ".text") return std::string("text/plain");
  if (ext == ".md" || ext == ".markdown") return std::string("text/markdown");
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return std::string(k_media_html);
  if (ext == ".pdf") return std::string(k_media_pdf);
  return Error(ErrorKind::unsupported, path.string() + ": unsupported source type '" + ext +
                                           "'; supported: .txt, .md, .html, .htm, .pdf, or an http(s) URL");
}

util::Result<std::string> text_layer(const std::string& media_type, std::string raw, const std::string& origin) {
  core::SourceMeta legacy;
  legacy.media_type = media_type;
  return text_layer(legacy, std::move(raw), origin);
}

util::Result<std::string> text_layer(const core::SourceMeta& meta, std::string raw, const std::string& origin) {
  std::string layer = layer_of(meta);
  if (std::string why = layer_problem(layer, meta.media_type); !why.empty()) {
    return Error(ErrorKind::unsupported, origin + ": " + why);
  }
  PC_ASSIGN_OR_RETURN(TextLayer t, extract_text_layer(layer, std::move(raw), origin));
  return std::move(t.text);
}

fs::path sidecar_path(const Workspace& ws, const std::string& id) { return ws.sources_dir() / (id + k_sidecar_suffix); }

namespace {
const std::vector<std::string_view> k_sidecar_fields = {"schema",    "id",        "file",       "title",
                                                        "publisher", "url",       "published",  "retrieved",
                                                        "media_type", "content_hash", "text_layer",
                                                        "capture_url", "final_url", "http_status", "etag",
                                                        "last_modified", "response_headers"};
}

util::Result<core::SourceMeta> read_sidecar(const fs::path& path, const std::string& origin) {
  std::string bytes;
  PC_ASSIGN_OR_RETURN(bytes, util::read_file(path));
  if (auto fast = fast_parse_sidecar(bytes)) return std::move(*fast);
  JsonValue root;
  PC_ASSIGN_OR_RETURN(root, parse_json(bytes, origin));
  if (root.type != JsonValue::Type::object) {
    return Error(ErrorKind::invalid_input, json_where(origin, root) + ": a source sidecar must be a JSON object");
  }
  core::SourceMeta m;
  for (const auto& [key, v] : root.fields) {
    std::string* slot = nullptr;
    if (key == "id") slot = &m.id;
    else if (key == "file") slot = &m.file;
    else if (key == "title") slot = &m.title;
    else if (key == "publisher") slot = &m.publisher;
    else if (key == "url") slot = &m.url;
    else if (key == "published") slot = &m.published;
    else if (key == "retrieved") slot = &m.retrieved;
    else if (key == "media_type") slot = &m.media_type;
    else if (key == "content_hash") slot = &m.content_hash;
    else if (key == "text_layer") slot = &m.text_layer;
    else if (key == "capture_url") slot = &m.capture_url;
    else if (key == "final_url") slot = &m.final_url;
    else if (key == "etag") slot = &m.etag;
    else if (key == "last_modified") slot = &m.last_modified;
    else if (key == "response_headers") {
      std::string what = "field \"response_headers\" must be an array of [name, value] pairs of strings";
      if (v.type != JsonValue::Type::array) return Error(ErrorKind::invalid_input, json_where(origin, v) + ": " + what);
      for (const JsonValue& pair : v.items) {
        if (pair.type != JsonValue::Type::array || pair.items.size() != 2 ||
            pair.items[0].type != JsonValue::Type::string || pair.items[1].type != JsonValue::Type::string) {
          return Error(ErrorKind::invalid_input, json_where(origin, pair) + ": " + what);
        }
        m.response_headers.emplace_back(pair.items[0].string, pair.items[1].string);
      }
      continue;
    } else if (key == "http_status") {
      std::int64_t status = 0;
      PC_ASSIGN_OR_RETURN(status, json_int(v, origin, key));
      if (status < 100 || status > 599) {
        return Error(ErrorKind::invalid_input, json_where(origin, v) + ": field \"http_status\" must be an HTTP status (100-599)");
      }
      m.http_status = static_cast<int>(status);
      continue;
    } else if (key == "schema") {
      std::string schema;
      PC_ASSIGN_OR_RETURN(schema, json_string(v, origin, key));
      if (schema != k_sidecar_schema) {
        return Error(ErrorKind::invalid_input, json_where(origin, v) + ": unknown sidecar schema \"" + schema +
                                                   "\"; this provcheck reads " + k_sidecar_schema);
      }
      continue;
    } else {
      return unknown_key_error(origin, v, key, k_sidecar_fields, "a source sidecar");
    }
    PC_ASSIGN_OR_RETURN(*slot, json_string(v, origin, key));
  }
  for (auto [name, value] : {std::pair{"id", &m.id}, std::pair{"file", &m.file}, std::pair{"media_type", &m.media_type}}) {
    if (value->empty()) {
      return Error(ErrorKind::invalid_input, origin + ": required field \"" + name + "\" is missing or empty");
    }
  }
  if (!is_valid_id(m.id)) {
    return Error(ErrorKind::invalid_input, origin + ": field \"id\": '" + m.id +
                                               "' is not a valid id (lowercase letters, digits, '.', '_', '-')");
  }
  if (m.file.find('/') != std::string::npos || m.file == "." || m.file == "..") {
    return Error(ErrorKind::invalid_input, origin + ": field \"file\" must name a file inside sources/, not a path");
  }
  if (std::string why = layer_problem(layer_of(m), m.media_type); !why.empty()) {
    return Error(ErrorKind::invalid_input, origin + ": field \"text_layer\": " + why);
  }
  return m;
}

std::string render_sidecar(const core::SourceMeta& m) {
  nlohmann::ordered_json j;
  j["schema"] = k_sidecar_schema;
  j["id"] = m.id;
  j["file"] = m.file;
  j["title"] = m.title;
  j["publisher"] = m.publisher;
  j["url"] = m.url;
  j["published"] = m.published;
  j["retrieved"] = m.retrieved;
  j["media_type"] = m.media_type;
  j["content_hash"] = m.content_hash;
  // Written only when set, so sidecars from before these fields stay as they were.
  if (!m.text_layer.empty()) j["text_layer"] = m.text_layer;
  if (!m.capture_url.empty()) j["capture_url"] = m.capture_url;
  if (!m.final_url.empty()) j["final_url"] = m.final_url;
  if (m.http_status != 0) j["http_status"] = m.http_status;
  if (!m.etag.empty()) j["etag"] = m.etag;
  if (!m.last_modified.empty()) j["last_modified"] = m.last_modified;
  if (!m.response_headers.empty()) {
    nlohmann::ordered_json h = nlohmann::ordered_json::array();
    for (const auto& [name, value] : m.response_headers) h.push_back({name, value});
    j["response_headers"] = std::move(h);
  }
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

util::Result<std::vector<std::string>> list_sidecars(const Workspace& ws) {
  std::vector<std::string> out;
  auto entries = util::list_directory(ws.sources_dir());
  if (!entries.ok()) {
    if (entries.error().kind() == ErrorKind::not_found) return out;
    return entries.error();
  }
  std::string suffix = k_sidecar_suffix;
  for (const util::DirEntry& e : *entries) {
    const std::string& name = e.name;
    if (name.empty() || name[0] == '.' || !e.stat.is_regular) continue;
    if (name.size() <= suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
    out.push_back("sources/" + name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

util::Result<SourceEntry> read_source_entry(const Workspace& ws, const std::string& sidecar_rel) {
  PC_ASSIGN_OR_RETURN(core::SourceMeta meta, read_sidecar(ws.absolute(sidecar_rel), sidecar_rel));
  std::string name = fs::path(sidecar_rel).filename().string();
  std::string expect = name.substr(0, name.size() - std::string(k_sidecar_suffix).size());
  if (meta.id != expect) {
    return Error(ErrorKind::invalid_input, sidecar_rel + ": field \"id\" is '" + meta.id +
                                               "' but the file is named for '" + expect +
                                               "'; rename the file or fix the id");
  }
  SourceEntry e{std::move(meta), sidecar_rel, ""};
  e.content = "sources/" + e.meta.file;
  return e;
}

util::Result<LoadedText> load_text_layer(const Workspace& ws, const SourceEntry& e) {
  PC_ASSIGN_OR_RETURN(std::string raw, util::read_file(ws.absolute(e.content)));
  LoadedText t;
  t.raw_hash = util::xxh3_128_digest(raw);
  t.raw_size = static_cast<std::int64_t>(raw.size());
  std::string layer = layer_of(e.meta);
  if (std::string why = layer_problem(layer, e.meta.media_type); !why.empty()) {
    return Error(ErrorKind::unsupported, e.sidecar + ": " + why);
  }
  if (is_identity_layer(layer)) {
    t.text = std::move(raw);
    t.text_hash = t.raw_hash;
    return t;
  }
  if (auto cached = cached_text_layer(ws, t.raw_hash, layer)) {
    t.text = std::move(*cached);
  } else {
    PC_ASSIGN_OR_RETURN(TextLayer extracted, extract_text_layer(layer, std::move(raw), e.content));
    t.text = std::move(extracted.text);
    remember_text_layer(ws, t.raw_hash, layer, t.text);
  }
  t.text_hash = util::xxh3_128_digest(t.text);
  return t;
}

int record_page(const core::SourceMeta& meta, std::string_view text, core::Citation& c) {
  if (!is_paged_layer(layer_of(meta))) return 0;
  c.page = page_at(text, static_cast<std::size_t>(c.start));
  return c.page;
}

util::Result<std::vector<SourceEntry>> list_sources(const Workspace& ws) {
  PC_ASSIGN_OR_RETURN(std::vector<std::string> sidecars, list_sidecars(ws));
  std::vector<SourceEntry> out;
  out.reserve(sidecars.size());
  for (const std::string& rel : sidecars) {
    PC_ASSIGN_OR_RETURN(SourceEntry e, read_source_entry(ws, rel));
    out.push_back(std::move(e));
  }
  return out;  // sorted by id, since sidecars are named for their ids
}

}  // namespace provcheck::workspace
