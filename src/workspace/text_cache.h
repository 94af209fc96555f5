#pragma once
// A cache of extracted text layers, keyed by the raw bytes' digest and the
// layer's name: .provcheck/text-layers/LAYER/HEX.zst (zstd). Extraction of
// a large PDF costs far more than reading this back, and the cached text
// also keeps a pinned layer stable across parser upgrades for as long as
// the cache lives. Content-addressed, so entries are never invalidated,
// only added; deleting .provcheck/ drops them with the rest of the memory.
// Best effort: a missing, unreadable or damaged entry reads as absent, and
// a failed write is ignored (the next run extracts again). Thread-safe
// (files are written atomically under distinct names).

#include <optional>
#include <string>

#include "workspace/workspace.h"

namespace provcheck::workspace {

std::optional<std::string> cached_text_layer(const Workspace& ws, const std::string& raw_hash, const std::string& layer);
void remember_text_layer(const Workspace& ws, const std::string& raw_hash, const std::string& layer,
                         const std::string& text);

}  // namespace provcheck::workspace
