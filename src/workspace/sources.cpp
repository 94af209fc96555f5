#include "workspace/sources.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "util/file_io.h"
#include "workspace/fast_read.h"
#include "workspace/json_input.h"

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
  return Error(ErrorKind::unsupported, path.string() + ": unsupported source type '" + ext +
                                           "'; supported now: .txt, .md (HTML, PDF and URLs are planned)");
}

util::Result<std::string> text_layer(const std::string& media_type, std::string raw, const std::string& origin) {
  if (media_type == "text/plain" || media_type == "text/markdown") return raw;
  return Error(ErrorKind::unsupported, origin + ": no text reader for media type '" + media_type + "'");
}

fs::path sidecar_path(const Workspace& ws, const std::string& id) { return ws.sources_dir() / (id + k_sidecar_suffix); }

namespace {
const std::vector<std::string_view> k_sidecar_fields = {"schema",    "id",        "file",       "title",
                                                        "publisher", "url",       "published",  "retrieved",
                                                        "media_type", "content_hash"};
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
    else if (key == "schema") {
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
