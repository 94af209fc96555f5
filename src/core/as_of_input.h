#pragma once
// An as-of typed by a person (`claim add --as-of`, an import line's "as_of")
// turned into the ISO form claims files store. Besides the ISO forms of
// as_of.h it reads what people commonly type: a month as "12/2024",
// "Dec 2024", "December 2024"; a day as "5 December 2024", "December 5,
// 2024", "5th Dec 2024", "2024/12/05"; a date-time as "2024-12-05T10:00Z"
// (the date is kept, as written: no time-zone shift); and intervals of
// these ("Dec 2016/Jan 2017"). Numeric day/month orders are read only
// when one reading is possible ("25/12/2024"); "05/12/2024" could be 5
// December or 12 May and is refused with both ISO forms in the message.
//
// Pure; errors are invalid_input values whose message quotes the text and
// says what to write instead (without naming the field). Thread-safe.

#include <string>
#include <string_view>

#include "util/result.h"

namespace provcheck::core {

// The ISO form of a typed as-of ("Dec 2024" -> "2024-12"); an ISO form is
// returned unchanged.
util::Result<std::string> as_of_from_input(std::string_view text);

}  // namespace provcheck::core
