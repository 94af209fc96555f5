#include "workspace/text_cache.h"

#include "util/compress.h"
#include "util/file_io.h"
#include "util/hash.h"

namespace provcheck::workspace {
namespace fs = std::filesystem;

namespace {

// "pdf-poppler/1" -> "pdf-poppler-1"; the digest's hex part as the name.
std::optional<fs::path> entry_path(const Workspace& ws, const std::string& raw_hash, const std::string& layer) {
  auto d = util::parse_digest(raw_hash);
  if (!d || d->hex.empty()) return std::nullopt;
  std::string dir;
  for (char c : layer) dir.push_back((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ? c : '-');
  return ws.store_dir() / "text-layers" / dir / (d->algorithm + "-" + d->hex + ".zst");
}

}  // namespace

std::optional<std::string> cached_text_layer(const Workspace& ws, const std::string& raw_hash,
                                             const std::string& layer) {
  auto path = entry_path(ws, raw_hash, layer);
  if (!path) return std::nullopt;
  auto packed = util::read_file(*path);
  if (!packed.ok()) return std::nullopt;
  auto text = util::zstd_decompress(*packed);
  if (!text.ok()) return std::nullopt;
  return std::move(text).value();
}

void remember_text_layer(const Workspace& ws, const std::string& raw_hash, const std::string& layer,
                         const std::string& text) {
  auto path = entry_path(ws, raw_hash, layer);
  if (!path || fs::exists(*path)) return;
  if (!util::create_directories(path->parent_path()).ok()) return;
  (void)util::write_file_atomic(*path, util::zstd_compress(text, 3));
}

}  // namespace provcheck::workspace
