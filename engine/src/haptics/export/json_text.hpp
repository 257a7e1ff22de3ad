// Small helpers for writing JSON by hand: escaped strings and numbers that
// are always valid JSON (never NaN, Inf or a locale's comma).
#pragma once

#include <string>
#include <string_view>

namespace stillpoint::haptics {

/// `text` as a quoted, escaped JSON string.
std::string jsonString(std::string_view text);
/// `value` with at most `decimals` decimals, trailing zeros dropped.
std::string jsonNumber(double value, int decimals = 4);

}  // namespace stillpoint::haptics
