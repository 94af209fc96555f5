#include "workspace/text_builder.h"

#include <algorithm>

namespace provcheck::workspace {
namespace {
bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
}  // namespace

void TextBuilder::flush_breaks() {
  if (m_pending_breaks > 0 && !m_out.empty()) {
    while (!m_out.empty() && m_out.back() == ' ') m_out.pop_back();
    int have = 0;
    for (auto it = m_out.rbegin(); it != m_out.rend() && *it == '\n' && have < m_pending_breaks; ++it) ++have;
    m_out.append(static_cast<std::size_t>(m_pending_breaks - have), '\n');
    m_pending_space = false;
  }
  m_pending_breaks = 0;
}

void TextBuilder::flow(std::string_view text) {
  for (char c : text) {
    if (is_html_space(c)) {
      m_pending_space = true;
      continue;
    }
    if (m_pending_breaks > 0) flush_breaks();
    if (m_pending_space && !m_out.empty() && m_out.back() != '\n') m_out.push_back(' ');
    m_pending_space = false;
    m_out.push_back(c);
  }
}

void TextBuilder::literal(std::string_view text) {
  if (text.empty()) return;
  flush_breaks();
  if (m_pending_space && !m_out.empty() && m_out.back() != '\n') m_out.push_back(' ');
  m_pending_space = false;
  m_out.append(text);
}

void TextBuilder::boundary(int breaks) {
  m_pending_breaks = std::max(m_pending_breaks, breaks);
  m_pending_space = false;
}

void TextBuilder::line_break() {
  if (m_out.empty()) return;
  flush_breaks();
  while (!m_out.empty() && m_out.back() == ' ') m_out.pop_back();
  m_out.push_back('\n');
  m_pending_space = false;
}

std::string TextBuilder::finish() {
  while (!m_out.empty() && (m_out.back() == ' ' || m_out.back() == '\n')) m_out.pop_back();
  if (!m_out.empty()) m_out.push_back('\n');
  m_pending_breaks = 0;
  m_pending_space = false;
  return std::move(m_out);
}

}  // namespace provcheck::workspace
