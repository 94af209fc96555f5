#include "util/compress.h"

#include <zstd.h>

namespace provcheck::util {

namespace {

// One compression context per thread, reused: creating one per call costs
// more than compressing a small document.
struct CCtx {
  ZSTD_CCtx* ctx = ZSTD_createCCtx();
  ~CCtx() { ZSTD_freeCCtx(ctx); }
};

}  // namespace

std::string zstd_compress(std::string_view bytes, int level) {
  thread_local CCtx cctx;
  thread_local std::string buffer;  // reused: a fresh one per call costs page faults
  std::size_t bound = ZSTD_compressBound(bytes.size());
  if (buffer.size() < bound) buffer.resize(bound);
  std::size_t n = ZSTD_compressCCtx(cctx.ctx, buffer.data(), bound, bytes.data(), bytes.size(), level);
  // With a buffer of ZSTD_compressBound bytes compression cannot fail.
  return ZSTD_isError(n) ? std::string() : buffer.substr(0, n);
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
