#include "store/search_index.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <filesystem>

namespace provcheck::store {
namespace fs = std::filesystem;

class SearchIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/provcheck-search-XXXXXX";
    m_dir = mkdtemp(tmpl);
    auto s = open_sqlite_store((m_dir / "store.db").string(), OpenOptions{});
    ASSERT_TRUE(s.ok()) << s.error().message();
    m_store = std::move(s).value();
  }
  void TearDown() override {
    m_store.reset();
    fs::remove_all(m_dir);
  }
  fs::path m_dir;
  std::unique_ptr<Store> m_store;
};

TEST(SearchIndexLibrary, DebiansSqliteHasFts5) { EXPECT_EQ(sqlite3_compileoption_used("ENABLE_FTS5"), 1); }

TEST_F(SearchIndexTest, RanksPhrasesAndPrefixesPerSnapshot) {
  auto tx = std::move(m_store->begin_write()).value();
  ASSERT_TRUE(m_store->index_passages("xxh3-128:a", {{0, 40, "East Aleppo had a population of 250,000"},
                                                      {41, 80, "The convoy left the western districts"}}).ok());
  ASSERT_TRUE(m_store->index_passages("xxh3-128:b", {{10, 60, "Population estimates for East Aleppo vary widely"}}).ok());
  ASSERT_TRUE(tx->commit().ok());
  auto hits = m_store->search_passages("\"East Aleppo\" population", 10);
  ASSERT_TRUE(hits.ok()) << hits.error().message();
  ASSERT_EQ(hits->size(), 2u);
  EXPECT_GE((*hits)[0].score, (*hits)[1].score);
  auto prefix = m_store->search_passages("conv*", 10);
  ASSERT_TRUE(prefix.ok());
  ASSERT_EQ(prefix->size(), 1u);
  EXPECT_EQ((*prefix)[0].snapshot, "xxh3-128:a");
  EXPECT_EQ((*prefix)[0].start, 41u);
  EXPECT_NE((*prefix)[0].snippet.find("\x02" "convoy\x03"), std::string::npos);
  auto snaps = m_store->indexed_snapshots();
  ASSERT_TRUE(snaps.ok());
  EXPECT_EQ(*snaps, (std::vector<std::string>{"xxh3-128:a", "xxh3-128:b"}));
  auto tx2 = std::move(m_store->begin_write()).value();
  ASSERT_TRUE(m_store->unindex_snapshot("xxh3-128:a").ok());
  ASSERT_TRUE(tx2->commit().ok());
  EXPECT_EQ(m_store->search_passages("convoy", 10)->size(), 0u);
}

TEST_F(SearchIndexTest, MalformedQueryIsInvalidInput) {
  for (const char* q : {"\"unterminated", "AND", "East:Aleppo", "(a OR"}) {
    auto r = m_store->search_passages(q, 5);
    ASSERT_FALSE(r.ok()) << q;
    EXPECT_EQ(r.error().kind(), util::ErrorKind::invalid_input) << r.error().message();
    EXPECT_NE(r.error().message().find("FTS5"), std::string::npos);
  }
}

}  // namespace provcheck::store
