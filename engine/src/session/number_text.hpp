// Numbers as written in session files, and numbers as written in messages.
#pragma once

#include <string>
#include <string_view>

namespace stillpoint::detail {

struct ParsedNumber {
    enum class Kind : unsigned char {
        Finite,     ///< `value` holds it
        NotFinite,  ///< .nan, .inf, or too large for a double
        NotANumber,
    };
    Kind kind = Kind::NotANumber;
    double value = 0.0;
};

/// A decimal number such as `6`, `-2.5`, `+1e3`; YAML's `.nan` and `.inf` are
/// recognised so they can be reported as what they are.
ParsedNumber parseNumber(std::string_view text);

/// Shortest plain form: 6, 0.5, 5.45.
std::string formatNumber(double value);

}  // namespace stillpoint::detail
