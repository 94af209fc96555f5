#pragma once
// SHA-1 for the digests the WARC format records (WARC-Block-Digest,
// WARC-Payload-Digest: "sha1:" and the base-32 of the 20 bytes, as web
// archives write them). Over OpenSSL's libcrypto. Not used to detect drift
// (that is XXH3's job, util/hash.h). Pure, thread-safe.

#include <string>
#include <string_view>

namespace provcheck::util {

// The 20-byte digest.
std::string sha1(std::string_view bytes);
// RFC 4648 base 32, upper case, with padding.
std::string base32(std::string_view bytes);
// "sha1:" followed by the base-32 of the digest.
std::string sha1_base32_digest(std::string_view bytes);

}  // namespace provcheck::util
