#pragma once
// The packed forms both stores keep in one value: the run summary as
// "key=value;" text, the stat cache and the intact set as blobs. Shared by
// the SQLite and PostgreSQL stores so that `store migrate` moves bytes that
// mean the same on both sides. Pure; a damaged blob is reported, never
// guessed at.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/findings.h"
#include "store/store.h"

namespace provcheck::store {

std::string encode_summary(const core::CheckSummary& s);
core::CheckSummary decode_summary(const std::string& text);

std::string pack_file_records(const std::vector<FileRecord>& all);
// nullopt for a damaged blob; an empty map for a blob in another format
// (an older or newer provcheck's: not damage, simply not used).
std::optional<std::unordered_map<std::string, FileRecord>> unpack_file_records(std::string_view blob);

std::string pack_intact_set(const std::vector<IntactEntry>& entries);
std::optional<std::vector<IntactEntry>> unpack_intact_set(std::string_view blob);

}  // namespace provcheck::store
