#include "session/utf8_text.hpp"

#include <algorithm>

namespace stillpoint::detail {
namespace {

bool isContinuation(unsigned char byte) {
    return (byte & 0xC0u) == 0x80u;
}

/// Length of the well-formed sequence starting at `at`, or 0 when it is not one.
/// Follows the Unicode table of well-formed byte sequences (no overlongs,
/// no surrogates, nothing above U+10FFFF).
std::size_t sequenceLength(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
    const unsigned char lead = byte(0);
    if (lead < 0x80u) return 1;
    std::size_t length = 0;
    unsigned char secondLow = 0x80u, secondHigh = 0xBFu;
    if (lead >= 0xC2u && lead <= 0xDFu) {
        length = 2;
    } else if (lead >= 0xE0u && lead <= 0xEFu) {
        length = 3;
        if (lead == 0xE0u) secondLow = 0xA0u;   // overlong
        if (lead == 0xEDu) secondHigh = 0x9Fu;  // surrogates
    } else if (lead >= 0xF0u && lead <= 0xF4u) {
        length = 4;
        if (lead == 0xF0u) secondLow = 0x90u;   // overlong
        if (lead == 0xF4u) secondHigh = 0x8Fu;  // above U+10FFFF
    } else {
        return 0;
    }
    if (at + length > text.size()) return 0;
    if (byte(1) < secondLow || byte(1) > secondHigh) return 0;
    for (std::size_t i = 2; i < length; ++i)
        if (!isContinuation(byte(i))) return 0;
    return length;
}

}  // namespace

std::optional<InvalidUtf8> findInvalidUtf8(std::string_view text) {
    int line = 1;
    int column = 1;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t length = sequenceLength(text, at);
        if (length == 0) return InvalidUtf8{{line, column}, static_cast<unsigned char>(text[at])};
        if (text[at] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        at += length;
    }
    return std::nullopt;
}

std::size_t countCharacters(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return !isContinuation(static_cast<unsigned char>(c));
    }));
}

}  // namespace stillpoint::detail
