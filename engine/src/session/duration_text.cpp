#include "session/duration_text.hpp"

#include <cctype>
#include <cmath>

#include "session/number_text.hpp"

namespace stillpoint::detail {
namespace {

/// Reads `digits[.digits]` at the front of `text`, removing it.
std::optional<double> takeUnsignedDecimal(std::string_view& text) {
    std::size_t length = 0;
    bool sawDigit = false;
    bool sawPoint = false;
    for (; length < text.size(); ++length) {
        const char c = text[length];
        if (std::isdigit(static_cast<unsigned char>(c))) {
            sawDigit = true;
        } else if (c == '.' && !sawPoint) {
            sawPoint = true;
        } else {
            break;
        }
    }
    if (!sawDigit) return std::nullopt;
    const ParsedNumber number = parseNumber(text.substr(0, length));
    if (number.kind != ParsedNumber::Kind::Finite) return std::nullopt;
    text.remove_prefix(length);
    return number.value;
}

void skipSpaces(std::string_view& text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
}

}  // namespace

std::optional<double> parseDurationSeconds(std::string_view text) {
    const ParsedNumber plain = parseNumber(text);
    if (plain.kind == ParsedNumber::Kind::Finite) return plain.value;

    double sign = 1.0;
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        if (text.front() == '-') sign = -1.0;
        text.remove_prefix(1);
    }
    struct Unit {
        char letter;
        double seconds;
    };
    static constexpr Unit kUnits[] = {{'h', 3600.0}, {'m', 60.0}, {'s', 1.0}};
    double total = 0.0;
    int parts = 0;
    std::size_t nextUnit = 0;  // units must come in order: h, then m, then s
    skipSpaces(text);
    while (!text.empty()) {
        const auto amount = takeUnsignedDecimal(text);
        if (!amount || text.empty()) return std::nullopt;
        std::size_t unit = nextUnit;
        while (unit < std::size(kUnits) && kUnits[unit].letter != text.front()) ++unit;
        if (unit == std::size(kUnits)) return std::nullopt;
        text.remove_prefix(1);
        total += *amount * kUnits[unit].seconds;
        nextUnit = unit + 1;
        ++parts;
        skipSpaces(text);
    }
    if (parts == 0) return std::nullopt;
    return sign * total;
}

std::string formatDuration(double seconds) {
    const double rounded = std::round(seconds);
    if (std::fabs(seconds - rounded) > 1e-9 || rounded < 60.0) return formatNumber(seconds) + "s";
    const auto whole = static_cast<long long>(rounded);
    std::string out;
    if (whole >= 3600) out += std::to_string(whole / 3600) + "h";
    if (whole % 3600 >= 60) out += std::to_string(whole % 3600 / 60) + "m";
    if (whole % 60 != 0) out += std::to_string(whole % 60) + "s";
    return out;
}

}  // namespace stillpoint::detail
