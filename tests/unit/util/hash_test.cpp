// Golden vectors: digests are stored in claims files and the store, so a
// change in how they are computed must fail here first.
#include "util/hash.h"

#include <gtest/gtest.h>

namespace provcheck::util {

TEST(Hash, Xxh3_64GoldenVectors) {
  // Values as printed by `xxhsum -H3` (Debian's xxhash).
  EXPECT_EQ(xxh3_64_digest(""), "xxh3-64:2d06800538d394c2");
  EXPECT_EQ(xxh3_64_digest("provcheck"), "xxh3-64:908e1aba3b2ae12a");
}

TEST(Hash, Xxh3_128GoldenVectorMatchesXxhsum) {
  // `xxhsum -H2` prints the same 32 hex digits.
  EXPECT_EQ(xxh3_128_digest("provcheck"), "xxh3-128:51f439515024d7c29f4d3c27a77a4982");
}

TEST(Hash, StreamingEqualsOneShot) {
  Xxh3_128Stream s;
  s.update("prov");
  s.update("check");
  EXPECT_EQ(s.digest(), xxh3_128_digest("provcheck"));
}

TEST(Hash, ParseDigest) {
  auto d = parse_digest("xxh3-64+norm1:00ff");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->algorithm, "xxh3-64+norm1");
  EXPECT_EQ(d->hex, "00ff");
  EXPECT_FALSE(parse_digest("nohex"));
  EXPECT_FALSE(parse_digest("xxh3-64:XYZ"));
}

}  // namespace provcheck::util
