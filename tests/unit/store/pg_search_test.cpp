#include "store/pg_search.h"

#include <gtest/gtest.h>

#include "store/pg_conn.h"

namespace provcheck::store {

TEST(PgSearchQuery, WordsAreAllRequired) {
  auto q = translate_search_query("harbour residents", 1);
  ASSERT_TRUE(q.ok()) << q.error().message();
  EXPECT_EQ(q->sql, "(phraseto_tsquery('simple', $1) && phraseto_tsquery('simple', $2))");
  EXPECT_EQ(q->params, (std::vector<std::string>{"harbour", "residents"}));
}

TEST(PgSearchQuery, PrecedenceNotOverAndOverOr) {
  auto q = translate_search_query("a OR b c NOT d", 3);
  ASSERT_TRUE(q.ok()) << q.error().message();
  EXPECT_EQ(q->sql,
            "(phraseto_tsquery('simple', $3) || (phraseto_tsquery('simple', $4) && "
            "(phraseto_tsquery('simple', $5) && !!phraseto_tsquery('simple', $6))))");
}

TEST(PgSearchQuery, PhrasesParenthesesAndPrefixes) {
  auto q = translate_search_query("(\"250,000\" OR \"a \"\"b\"\"\") AND evac*", 1);
  ASSERT_TRUE(q.ok()) << q.error().message();
  EXPECT_EQ(q->params, (std::vector<std::string>{"250,000", "a \"b\"", "evac"}));
  EXPECT_NE(q->sql.find(":*"), std::string::npos);
  EXPECT_EQ(q->sql.rfind("((phraseto_tsquery('simple', $1) || phraseto_tsquery('simple', $2)) && ", 0), 0u);
}

TEST(PgSearchQuery, RefusesWhatFts5RefusesAndWhatIsNotSupported) {
  for (const char* bad : {"3,900", "\"open", "(a OR b", "a OR", "NOT a", "body:harbour", "NEAR(a b)", "a)"}) {
    auto q = translate_search_query(bad, 1);
    ASSERT_FALSE(q.ok()) << bad;
    EXPECT_EQ(q.error().kind(), util::ErrorKind::invalid_input) << bad;
    EXPECT_NE(q.error().message().find(bad), std::string::npos) << q.error().message();
  }
}

TEST(PgConn, MasksPasswordsInEveryForm) {
  EXPECT_EQ(mask_store_url("postgresql://desk:s3cret@db:5432/news"), "postgresql://desk:***@db:5432/news");
  EXPECT_EQ(mask_store_url("postgresql://desk@db/news?password=s3cret&sslmode=require"),
            "postgresql://desk@db/news?password=***&sslmode=require");
  EXPECT_EQ(mask_store_url("host=db password=s3cret dbname=news"), "host=db password=*** dbname=news");
  EXPECT_EQ(mask_store_url("postgresql://desk@db/news"), "postgresql://desk@db/news");
  EXPECT_EQ(mask_store_url("postgresql://db/a@b"), "postgresql://db/a@b");
}

}  // namespace provcheck::store
