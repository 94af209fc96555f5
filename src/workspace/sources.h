#pragma once
// Sources on disk: a content file in sources/ (byte-exact as captured) and
// its sidecar sources/ID.meta.json with the metadata. Also the text layer
// of each source (text_layers.h): the file's bytes for .txt (invalid UTF-8
// is kept in place, never dropped, so offsets never shift), rendered text
// for Markdown, HTML and PDF. Errors name the file.

#include <filesystem>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "util/result.h"
#include "workspace/workspace.h"

namespace provcheck::workspace {

inline constexpr const char* k_sidecar_suffix = ".meta.json";
inline constexpr const char* k_sidecar_schema = "provcheck.source/1";

// Ids: lowercase letters, digits, '.', '_' and '-', starting with a letter or digit.
bool is_valid_id(const std::string& id);
// An id from a file name: lowercase stem, other characters as '-'.
std::string id_from_filename(const std::filesystem::path& path);

// Media type from the file name; unsupported types are an error naming the supported ones.
util::Result<std::string> media_type_for(const std::filesystem::path& path);
// The text layer of a source's raw bytes: the layer its sidecar names
// (text_layers.h), or for a sidecar without one, the file-bytes layer.
util::Result<std::string> text_layer(const core::SourceMeta& meta, std::string raw, const std::string& origin);
// The same for a media type alone, as a sidecar without "text_layer" has it
// (Markdown: the file's bytes). Prefer the overload above.
util::Result<std::string> text_layer(const std::string& media_type, std::string raw, const std::string& origin);

std::filesystem::path sidecar_path(const Workspace& ws, const std::string& id);
util::Result<core::SourceMeta> read_sidecar(const std::filesystem::path& path, const std::string& origin);
std::string render_sidecar(const core::SourceMeta& meta);

struct SourceEntry {
  core::SourceMeta meta;
  std::string sidecar;  // workspace-relative path of the sidecar
  std::string content;  // workspace-relative path of the content file
};

// Workspace-relative paths of every sidecar in sources/, sorted.
util::Result<std::vector<std::string>> list_sidecars(const Workspace& ws);
// Reads one sidecar; its id must match its file name.
util::Result<SourceEntry> read_source_entry(const Workspace& ws, const std::string& sidecar_rel);

// A source's content file read with its text layer (the rendered layer
// from the text-layer cache when it has it). Errors name the file.
struct LoadedText {
  std::string text;
  std::string raw_hash;   // xxh3-128 of the content file: the snapshot
  std::string text_hash;  // xxh3-128 of the text layer
  std::int64_t raw_size = 0;
};
util::Result<LoadedText> load_text_layer(const Workspace& ws, const SourceEntry& entry);

// For a paged text layer (PDF), sets the citation's page from its start
// and returns it; 0 (and the citation untouched) for other sources.
int record_page(const core::SourceMeta& meta, std::string_view text, core::Citation& citation);

// Every sidecar in sources/, sorted by id. A malformed sidecar or two
// sidecars with one id are errors naming the file.
util::Result<std::vector<SourceEntry>> list_sources(const Workspace& ws);

}  // namespace provcheck::workspace
