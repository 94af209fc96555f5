#pragma once
// SHA-256 (FIPS 180-4) for tests that pin third-party files by their
// published digest (the labelled figure set). Not used by provcheck itself.

#include <string>
#include <string_view>

namespace provcheck::test {

// Lower-case hex digest of `data`.
std::string sha256_hex(std::string_view data);

}  // namespace provcheck::test
