#include "util/compress.h"

#include <zstd.h>

namespace provcheck::util {

std::string zstd_compress(std::string_view bytes, int level) {
  std::string out;
  out.resize(ZSTD_compressBound(bytes.size()));
  std::size_t n = ZSTD_compress(out.data(), out.size(), bytes.data(), bytes.size(), level);
  // With a buffer of ZSTD_compressBound bytes compression cannot fail.
  out.resize(ZSTD_isError(n) ? 0 : n);
  return out;
}

Result<std::string> zstd_decompress(std::string_view compressed) {
  unsigned long long size = ZSTD_getFrameContentSize(compressed.data(), compressed.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN) {
    return Error(ErrorKind::corruption, "compressed snapshot is not a valid zstd frame");
  }
  std::string out;
  out.resize(static_cast<std::size_t>(size));
  std::size_t n = ZSTD_decompress(out.data(), out.size(), compressed.data(), compressed.size());
  if (ZSTD_isError(n) || n != size) {
    return Error(ErrorKind::corruption, std::string("compressed snapshot is damaged: ") +
                                            (ZSTD_isError(n) ? ZSTD_getErrorName(n) : "size mismatch"));
  }
  return out;
}

}  // namespace provcheck::util
