#include "session/number_text.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace stillpoint::detail {
namespace {

std::string lowercase(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool namesNonFinite(std::string_view text) {
    std::string word = lowercase(text);
    if (!word.empty() && (word[0] == '+' || word[0] == '-')) word.erase(0, 1);
    if (!word.empty() && word[0] == '.') word.erase(0, 1);
    return word == "nan" || word == "inf" || word == "infinity";
}

}  // namespace

ParsedNumber parseNumber(std::string_view text) {
    using Kind = ParsedNumber::Kind;
    if (namesNonFinite(text)) return {Kind::NotFinite, 0.0};
    // from_chars takes no leading '+'; YAML does.
    if (!text.empty() && text[0] == '+') text.remove_prefix(1);
    if (text.empty() || text[0] == '+' || text[0] == ' ') return {};
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (end != text.data() + text.size()) return {};
    if (error == std::errc::result_out_of_range) return {Kind::NotFinite, 0.0};
    if (error != std::errc{}) return {};
    if (!std::isfinite(value)) return {Kind::NotFinite, 0.0};
    return {Kind::Finite, value};
}

std::string formatNumber(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
    return buffer;
}

}  // namespace stillpoint::detail
