#pragma once
// zstd compression of snapshot text layers. Level 1 by default: snapshots
// are written on every cold check, so speed matters more than ratio.
// Decompression failure is ErrorKind::corruption. Thread-safe.

#include <string>
#include <string_view>

#include "util/result.h"

namespace provcheck::util {

std::string zstd_compress(std::string_view bytes, int level = 1);
Result<std::string> zstd_decompress(std::string_view compressed);

}  // namespace provcheck::util
