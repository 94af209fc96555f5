#include "store/packing.h"
#include "store/schema.h"
#include "store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <filesystem>

namespace provcheck::store {
namespace fs = std::filesystem;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/provcheck-store-XXXXXX";
    m_dir = mkdtemp(tmpl);
    m_path = (m_dir / "store.db").string();
  }
  void TearDown() override { fs::remove_all(m_dir); }
  std::unique_ptr<Store> open() {
    auto s = open_sqlite_store(m_path, OpenOptions{});
    EXPECT_TRUE(s.ok()) << s.error().message();
    return std::move(s).value();
  }
  void set_user_version(int v) {
    sqlite3* db = nullptr;
    sqlite3_open(m_path.c_str(), &db);
    sqlite3_exec(db, ("PRAGMA user_version=" + std::to_string(v)).c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  fs::path m_dir;
  std::string m_path;
};

TEST_F(StoreTest, SnapshotRoundTripIsCompressedAndContentAddressed) {
  auto s = open();
  std::string text(100000, 'a');
  auto tx = std::move(s->begin_write()).value();
  ASSERT_TRUE(s->put_snapshot({"xxh3-128:aa", "text/plain", 100000, "xxh3-128:aa", "t", "f"}, text).ok());
  ASSERT_TRUE(s->put_snapshot({"xxh3-128:aa", "text/plain", 100000, "xxh3-128:aa", "t", "f"}, text).ok());
  ASSERT_TRUE(tx->commit().ok());
  auto back = s->snapshot_text("xxh3-128:aa");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(**back, text);
  EXPECT_LT(fs::file_size(m_path) + (fs::exists(m_path + "-wal") ? 0 : 0), 100000u);
}

TEST_F(StoreTest, TransactionRollsBackUnlessCommitted) {
  auto s = open();
  {
    auto tx = std::move(s->begin_write()).value();
    ASSERT_TRUE(s->put_file_records({{"sources/a.txt", 1, 2, 3, "h", 4}}).ok());
  }
  EXPECT_TRUE(s->file_records()->empty());
  {
    auto tx = std::move(s->begin_write()).value();
    ASSERT_TRUE(s->put_file_records({{"sources/a.txt", 1, 2, 3, "h", 4}, {"claims/c.json", 5, 6, 7, "stat-only", 8}}).ok());
    ASSERT_TRUE(tx->commit().ok());
  }
  auto records = s->file_records();
  ASSERT_TRUE(records.ok());
  EXPECT_EQ(records->at("sources/a.txt").content_hash, "h");
  EXPECT_EQ(records->at("claims/c.json").mtime_ns, 6);
  EXPECT_EQ(records->at("claims/c.json").recorded_ns, 8);
}

TEST_F(StoreTest, ResultsKeepFirstRunWhileStatusHoldsAndRecordHistory) {
  auto s = open();
  core::CitationFinding f;
  f.claim = "c1";
  f.status = core::CitationStatus::intact;
  f.severity = core::Severity::ok;
  for (int run = 1; run <= 3; ++run) {
    auto tx = std::move(s->begin_write()).value();
    RunRecord r;
    r.started_at = "t" + std::to_string(run);
    auto id = s->add_run(r);
    ASSERT_TRUE(id.ok());
    if (run == 3) {
      f.status = core::CitationStatus::missing;
      f.severity = core::Severity::error;
    }
    ASSERT_TRUE(s->put_result(*id, f, "k").ok());
    ASSERT_TRUE(tx->commit().ok());
  }
  auto res = s->results();
  ASSERT_TRUE(res.ok());
  const StoredResult& r = res->at(result_key("c1", 0));
  EXPECT_EQ(r.first_run, 3);
  EXPECT_EQ(r.finding.since, "t3");
  auto hist = s->history("c1", 0);
  ASSERT_TRUE(hist.ok());
  ASSERT_EQ(hist->size(), 2u);
  EXPECT_EQ((*hist)[0].status, "intact");
  EXPECT_EQ((*hist)[1].status, "missing");
  EXPECT_EQ(s->results(true)->size(), 1u);
}

TEST_F(StoreTest, RunSummaryRoundTrips) {
  auto s = open();
  RunRecord r;
  r.started_at = "t";
  r.fingerprint = "fp";
  r.summary.claims = 5;
  r.summary.by_status["intact"] = 4;
  r.summary.by_status["missing"] = 1;
  r.summary.errors = 1;
  auto tx = std::move(s->begin_write()).value();
  ASSERT_TRUE(s->add_run(r).ok());
  ASSERT_TRUE(tx->commit().ok());
  auto last = s->last_run();
  ASSERT_TRUE(last.ok() && *last);
  EXPECT_EQ((*last)->summary.claims, 5u);
  EXPECT_EQ((*last)->summary.by_status.at("missing"), 1u);
  EXPECT_EQ((*last)->fingerprint, "fp");
}

TEST_F(StoreTest, IntactSetRoundTripsSorted) {
  auto s = open();
  std::vector<IntactEntry> in = {{1, 10}, {5, 50}, {9, 90}};
  auto tx = std::move(s->begin_write()).value();
  ASSERT_TRUE(s->put_intact_set(in).ok());
  ASSERT_TRUE(tx->commit().ok());
  auto out = s->intact_set();
  ASSERT_TRUE(out.ok());
  ASSERT_EQ(out->size(), 3u);
  EXPECT_EQ((*out)[2].cache_key, 90u);
}

TEST_F(StoreTest, NewerSchemaIsRefused) {
  { auto s = open(); }
  set_user_version(99);
  auto s = open_sqlite_store(m_path, OpenOptions{});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind(), util::ErrorKind::incompatible);
  EXPECT_NE(s.error().message().find("newer"), std::string::npos);
}

TEST_F(StoreTest, GarbageFileIsCorruption) {
  FILE* f = std::fopen(m_path.c_str(), "wb");
  std::string junk(8192, 'x');
  std::fwrite(junk.data(), 1, junk.size(), f);
  std::fclose(f);
  auto s = open_sqlite_store(m_path, OpenOptions{});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind(), util::ErrorKind::corruption) << s.error().message();
}

TEST_F(StoreTest, MigratesAnEmptyDatabaseToCurrentVersion) {
  { auto s = open(); }
  sqlite3* db = nullptr;
  sqlite3_open(m_path.c_str(), &db);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(st, 0), latest_schema_version());
  sqlite3_finalize(st);
  sqlite3_close(db);
}

}  // namespace provcheck::store

namespace provcheck::store {

TEST(Packing, RoundTripAndTruncationIsDetected) {
  std::string blob;
  put_u64(blob, 42);
  put_str(blob, "sources/a.txt");
  Unpacker in(blob);
  EXPECT_EQ(in.u64(), 42u);
  EXPECT_EQ(in.str(), "sources/a.txt");
  EXPECT_TRUE(in.ok());
  Unpacker cut(std::string_view(blob).substr(0, blob.size() - 3));
  cut.u64();
  cut.str();
  EXPECT_FALSE(cut.ok());
  const std::string too_long("\xff\xff\xff\xff\xff\xff\xff\x7f", 8);
  Unpacker huge(too_long);
  EXPECT_EQ(huge.str(), "");
  EXPECT_FALSE(huge.ok());
}

}  // namespace provcheck::store
