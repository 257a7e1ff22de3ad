#include "stillpoint/unsafe_characters.hpp"

#include <array>
#include <cstdio>

namespace stillpoint {
namespace {

constexpr std::array<std::string_view, 32> kC0Names{
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS",  "HT",  "LF",
    "VT",  "FF",  "CR",  "SO",  "SI",  "DLE", "DC1", "DC2", "DC3", "DC4", "NAK",
    "SYN", "ETB", "CAN", "EM",  "SUB", "ESC", "FS",  "GS",  "RS",  "US"};
constexpr std::array<std::string_view, 32> kC1Names{
    "PAD", "HOP", "BPH", "NBH", "IND", "NEL", "SSA", "ESA", "HTS", "HTJ", "VTS",
    "PLD", "PLU", "RI",  "SS2", "SS3", "DCS", "PU1", "PU2", "STS", "CCH", "MW",
    "SPA", "EPA", "SOS", "SGC", "SCI", "CSI", "ST",  "OSC", "PM",  "APC"};
constexpr std::array<std::string_view, 5> kEmbeddingNames{"LRE", "RLE", "PDF", "LRO", "RLO"};
constexpr std::array<std::string_view, 4> kIsolateNames{"LRI", "RLI", "FSI", "PDI"};

/// The code point at `at` in `text` and its length in bytes; length 0 when
/// the bytes there are not well-formed UTF-8.
std::pair<char32_t, std::size_t> decodeAt(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
    const unsigned char lead = byte(0);
    if (lead < 0x80u) return {lead, 1};
    std::size_t length = 0;
    char32_t value = 0;
    if (lead >= 0xC2u && lead <= 0xDFu) {
        length = 2;
        value = lead & 0x1Fu;
    } else if (lead >= 0xE0u && lead <= 0xEFu) {
        length = 3;
        value = lead & 0x0Fu;
    } else if (lead >= 0xF0u && lead <= 0xF4u) {
        length = 4;
        value = lead & 0x07u;
    } else {
        return {0, 0};
    }
    if (at + length > text.size()) return {0, 0};
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(i) & 0xC0u) != 0x80u) return {0, 0};
        value = (value << 6) | (byte(i) & 0x3Fu);
    }
    const bool overlong = (length == 3 && value < 0x800) || (length == 4 && value < 0x10000);
    const bool surrogate = value >= 0xD800 && value <= 0xDFFF;
    if (overlong || surrogate || value > 0x10FFFF) return {0, 0};
    return {value, length};
}

std::string hex(const char* format, unsigned value) {
    char text[16];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

}  // namespace

bool isUnsafeCharacter(char32_t c) {
    if (c == U'\t' || c == U'\n') return false;
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}

std::optional<UnsafeCharacter> findUnsafeCharacter(std::string_view text) {
    for (std::size_t at = 0; at < text.size();) {
        const auto [c, length] = decodeAt(text, at);
        if (length > 0 && isUnsafeCharacter(c)) return UnsafeCharacter{at, c};
        at += length > 0 ? length : 1;
    }
    return std::nullopt;
}

std::string describeCharacter(char32_t c) {
    std::string name;
    if (c < 0x20)
        name = kC0Names[c];
    else if (c == 0x7F)
        name = "DEL";
    else if (c >= 0x80 && c <= 0x9F)
        name = kC1Names[c - 0x80];
    else if (c >= 0x202A && c <= 0x202E)
        name = kEmbeddingNames[c - 0x202A];
    else if (c >= 0x2066 && c <= 0x2069)
        name = kIsolateNames[c - 0x2066];
    const std::string code = hex("U+%04X", static_cast<unsigned>(c));
    return name.empty() ? code : code + " " + name;
}

std::string escapeForDisplay(std::string_view text, bool keepLineFeeds) {
    std::string shown;
    shown.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const auto [c, length] = decodeAt(text, at);
        if (length == 0) {
            shown += hex("\\x%02X", static_cast<unsigned char>(text[at]));
            ++at;
            continue;
        }
        if (c == U'\n' && !keepLineFeeds)
            shown += "\\n";
        else if (!isUnsafeCharacter(c))
            shown.append(text.substr(at, length));
        else if (c < 0x80)
            shown += hex("\\x%02X", static_cast<unsigned>(c));
        else
            shown += hex("\\u%04X", static_cast<unsigned>(c));
        at += length;
    }
    return shown;
}

}  // namespace stillpoint
