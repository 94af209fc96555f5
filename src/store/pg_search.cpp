#include "store/pg_search.h"

#include <cctype>

namespace provcheck::store {
namespace {
using util::Error;
using util::ErrorKind;
using P = PgParam;

struct Token {
  enum Kind { word, phrase, open, close, op_and, op_or, op_not, end } kind;
  std::string text;
  bool prefix = false;
};

Error bad(const std::string& query, const std::string& why) {
  return Error(ErrorKind::invalid_input,
               "search query '" + query + "' is not valid (" + why +
                   "); write words (all must occur), \"a phrase\", a prefix*, or combine with AND, OR, NOT "
                   "and parentheses; quote anything with punctuation, e.g. '\"250,000\"'");
}

util::Result<std::vector<Token>> tokenize(const std::string& q) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < q.size()) {
    char c = q[i];
    if (std::isspace(static_cast<unsigned char>(c))) { ++i; continue; }
    if (c == '(') { out.push_back({Token::open, "("}); ++i; continue; }
    if (c == ')') { out.push_back({Token::close, ")"}); ++i; continue; }
    if (c == '"') {
      std::string text;
      ++i;
      for (;;) {
        if (i >= q.size()) return bad(q, "unterminated string");
        if (q[i] == '"') {
          if (i + 1 < q.size() && q[i + 1] == '"') { text += '"'; i += 2; continue; }
          ++i;
          break;
        }
        text += q[i++];
      }
      Token t{Token::phrase, text};
      if (i < q.size() && q[i] == '*') { t.prefix = true; ++i; }
      out.push_back(t);
      continue;
    }
    std::string text;
    while (i < q.size() && !std::isspace(static_cast<unsigned char>(q[i])) && q[i] != '(' && q[i] != ')' && q[i] != '"') {
      text += q[i++];
    }
    if (text == "AND") { out.push_back({Token::op_and, text}); continue; }
    if (text == "OR") { out.push_back({Token::op_or, text}); continue; }
    if (text == "NOT") { out.push_back({Token::op_not, text}); continue; }
    if (text == "NEAR" || text.find_first_of(":^{}+") != std::string::npos) {
      return bad(q, "near \"" + text + "\": column filters, NEAR and ^ are not supported on a PostgreSQL store");
    }
    Token t{Token::word, text};
    if (!text.empty() && text.back() == '*') { t.prefix = true; t.text.pop_back(); }
    for (char ch : t.text) {
      if (!std::isalnum(static_cast<unsigned char>(ch)) && static_cast<unsigned char>(ch) < 0x80 && ch != '_') {
        return bad(q, "fts5: syntax error near \"" + std::string(1, ch) + "\"");
      }
    }
    out.push_back(t);
  }
  out.push_back({Token::end, ""});
  return out;
}

class Parser {
 public:
  Parser(const std::string& q, std::vector<Token> t, int first) : m_q(q), m_t(std::move(t)), m_next(first) {}

  util::Result<std::string> parse() {
    PC_ASSIGN_OR_RETURN(std::string e, or_expr());
    if (m_t[m_pos].kind != Token::end) return bad(m_q, "syntax error near \"" + m_t[m_pos].text + "\"");
    return e;
  }
  std::vector<std::string> params;

 private:
  util::Result<std::string> or_expr() {
    PC_ASSIGN_OR_RETURN(std::string e, and_expr());
    while (m_t[m_pos].kind == Token::op_or) {
      ++m_pos;
      PC_ASSIGN_OR_RETURN(std::string r, and_expr());
      e = "(" + e + " || " + r + ")";
    }
    return e;
  }
  util::Result<std::string> and_expr() {
    PC_ASSIGN_OR_RETURN(std::string e, not_expr());
    for (;;) {
      Token::Kind k = m_t[m_pos].kind;
      if (k == Token::op_and) ++m_pos;
      else if (k != Token::word && k != Token::phrase && k != Token::open) break;
      PC_ASSIGN_OR_RETURN(std::string r, not_expr());
      e = "(" + e + " && " + r + ")";
    }
    return e;
  }
  util::Result<std::string> not_expr() {
    PC_ASSIGN_OR_RETURN(std::string e, primary());
    while (m_t[m_pos].kind == Token::op_not) {
      ++m_pos;
      PC_ASSIGN_OR_RETURN(std::string r, primary());
      e = "(" + e + " && !!" + r + ")";
    }
    return e;
  }
  util::Result<std::string> primary() {
    const Token& t = m_t[m_pos];
    if (t.kind == Token::open) {
      ++m_pos;
      PC_ASSIGN_OR_RETURN(std::string e, or_expr());
      if (m_t[m_pos].kind != Token::close) return bad(m_q, "unbalanced parentheses");
      ++m_pos;
      return e;
    }
    if (t.kind != Token::word && t.kind != Token::phrase) {
      return bad(m_q, t.kind == Token::end ? "the query ends where a word was expected"
                                           : "syntax error near \"" + t.text + "\"");
    }
    ++m_pos;
    params.push_back(t.text);
    std::string p = "$" + std::to_string(m_next++);
    if (!t.prefix) return "phraseto_tsquery('simple', " + p + ")";
    // A prefix: every lexeme of the text in order, the last one as a prefix.
    return "(SELECT COALESCE(to_tsquery('simple', string_agg(quote_literal(lexeme), ' <-> ' ORDER BY n) || ':*'), "
           "''::tsquery) FROM unnest(regexp_split_to_array(lower(" + p + "), '[^[:alnum:]_]+')) WITH ORDINALITY "
           "AS x(lexeme, n) WHERE lexeme <> '')";
  }

  const std::string& m_q;
  std::vector<Token> m_t;
  std::size_t m_pos = 0;
  int m_next;
};

}  // namespace

util::Result<TsQuery> translate_search_query(const std::string& query, int first_param) {
  PC_ASSIGN_OR_RETURN(std::vector<Token> tokens, tokenize(query));
  Parser p(query, std::move(tokens), first_param);
  PC_ASSIGN_OR_RETURN(std::string sql, p.parse());
  return TsQuery{sql, p.params};
}

util::Result<std::vector<std::string>> pg_indexed_snapshots(PgConnection& db, const SharedScope& s) {
  PC_ASSIGN_OR_RETURN(PgResult r, db.exec_retry(
      "SELECT snapshot FROM search_snapshots WHERE ws = $1 ORDER BY snapshot COLLATE \"C\"", {P::text(s.workspace_id)}));
  std::vector<std::string> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(r.text(i, 0));
  return out;
}

util::Status pg_index_passages(PgConnection& db, const SharedScope& s, const std::string& snapshot,
                               const std::vector<IndexedPassage>& passages) {
  // A snapshot's passages are the same whoever indexes them: written once.
  PC_ASSIGN_OR_RETURN(PgResult have, db.exec("SELECT 1 FROM passages WHERE snapshot = $1 LIMIT 1", {P::text(snapshot)}));
  if (!have.rows() && !passages.empty()) {
    const std::size_t per = 2000;
    for (std::size_t at = 0; at < passages.size(); at += per) {
      std::string sql = "INSERT INTO passages(snapshot, start, stop, body) VALUES ";
      std::vector<P> params = {P::text(snapshot)};
      for (std::size_t i = at; i < std::min(passages.size(), at + per); ++i) {
        const IndexedPassage& p = passages[i];
        std::size_t n = params.size();
        sql += (i == at ? "" : ",") + std::string("($1,$") + std::to_string(n + 1) + ",$" + std::to_string(n + 2) +
               ",$" + std::to_string(n + 3) + ")";
        params.push_back(P::integer(static_cast<std::int64_t>(p.start)));
        params.push_back(P::integer(static_cast<std::int64_t>(p.end)));
        params.push_back(P::text(p.text));
      }
      PC_ASSIGN_OR_RETURN(PgResult r, db.exec(sql + " ON CONFLICT DO NOTHING", params));
    }
  }
  PC_ASSIGN_OR_RETURN(PgResult mark, db.exec(
      "INSERT INTO search_snapshots(ws, snapshot) VALUES($1, $2) ON CONFLICT DO NOTHING",
      {P::text(s.workspace_id), P::text(snapshot)}));
  return util::Status();
}

util::Status pg_unindex_snapshot(PgConnection& db, const SharedScope& s, const std::string& snapshot) {
  // Only this workspace's mark: another workspace may search the same passages.
  PC_ASSIGN_OR_RETURN(PgResult r, db.exec("DELETE FROM search_snapshots WHERE ws = $1 AND snapshot = $2",
                                          {P::text(s.workspace_id), P::text(snapshot)}));
  return util::Status();
}

util::Result<std::vector<SearchHit>> pg_search(PgConnection& db, const SharedScope& s, const std::string& query,
                                               int limit) {
  PC_ASSIGN_OR_RETURN(TsQuery q, translate_search_query(query, 3));
  std::vector<P> params = {P::integer(limit), P::text("StartSel=\x02, StopSel=\x03, MaxWords=16, MinWords=6")};
  for (const std::string& p : q.params) params.push_back(P::text(p));
  PC_ASSIGN_OR_RETURN(PgResult r, db.exec_retry(
      "WITH q AS (SELECT " + q.sql + " AS q) "
      "SELECT p.snapshot, p.start, p.stop, ts_rank_cd(p.tsv, q.q), ts_headline('simple', p.body, q.q, $2) "
      "FROM passages p, q WHERE p.tsv @@ q.q AND EXISTS (SELECT 1 FROM search_snapshots ss WHERE ss.snapshot = p.snapshot) "
      "ORDER BY 4 DESC, p.snapshot COLLATE \"C\", p.start LIMIT $1", params));
  std::vector<SearchHit> out;
  for (int i = 0; i < r.rows(); ++i) {
    SearchHit h;
    h.snapshot = r.text(i, 0);
    h.start = static_cast<std::uint64_t>(r.integer(i, 1));
    h.end = static_cast<std::uint64_t>(r.integer(i, 2));
    h.score = r.real(i, 3);
    h.snippet = r.text(i, 4);
    out.push_back(std::move(h));
  }
  for (SearchHit& h : out) {
    PC_ASSIGN_OR_RETURN(PgResult e, db.exec_retry(
        "SELECT label FROM (SELECT DISTINCT w.name || ':' || src.id AS label FROM sources src "
        "JOIN workspaces w ON w.ws = src.ws WHERE src.snapshot = $1 AND src.ws <> $2 AND src.br = $3) l "
        "ORDER BY label COLLATE \"C\"",
        {P::text(h.snapshot), P::text(s.workspace_id), P::text(s.base_branch)}));
    for (int i = 0; i < e.rows(); ++i) h.elsewhere.push_back(e.text(i, 0));
  }
  return out;
}

}  // namespace provcheck::store
