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

SourcePos positionAt(std::string_view text, std::size_t offset) {
    const std::string_view before = text.substr(0, offset);
    const std::size_t lineStart = before.rfind('\n');
    const auto line = 1 + std::count(before.begin(), before.end(), '\n');
    const std::string_view column =
        lineStart == std::string_view::npos ? before : before.substr(lineStart + 1);
    return {static_cast<int>(line), 1 + static_cast<int>(countCharacters(column))};
}

std::optional<UnsafeCharacter> findUnsafeSessionCharacter(std::string_view text) {
    for (std::size_t from = 0; from < text.size();) {
        auto found = findUnsafeCharacter(text.substr(from));
        if (!found) return std::nullopt;
        found->offset += from;
        const bool lineEnd = found->codePoint == U'\r' && found->offset + 1 < text.size() &&
                             text[found->offset + 1] == '\n';
        if (!lineEnd) return found;
        from = found->offset + 1;
    }
    return std::nullopt;
}

namespace {
bool isBidiControl(char32_t c) {
    return c >= 0x202A;
}
}  // namespace

std::string unsafeCharacterMessage(char32_t c) {
    return (isBidiControl(c) ? "bidirectional control " : "control character ") +
           describeCharacter(c);
}

std::string unsafeCharacterHint(char32_t c) {
    return isBidiControl(c)
               ? "remove it: it reorders how the text is shown, so what a reader sees is not "
                 "what is written"
               : "remove it: session text is plain words, and control characters can retitle a "
                 "terminal, write its clipboard or hide links in what is shown";
}

}  // namespace stillpoint::detail
