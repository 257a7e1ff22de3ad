// Spoken text: checked as text, then its markup (speech_markup), so a bad or
// overlong `[pause ...]` is reported where it is written.
#include "session/session_readers.hpp"
#include "session/speech_markup.hpp"

namespace stillpoint::detail {

std::optional<std::string> readSpokenText(const Field& field, std::string_view tooLongHint,
                                          YamlReader& reader) {
    auto text = reader.text(field, kMaxTextCharacters, tooLongHint);
    if (!text) return std::nullopt;
    const auto bad = findMarkupError(*text);
    if (!bad) return text;
    reader.error(reader.positionInScalar(field.value, bad->markup, bad->offset), bad->message,
                 bad->hint);
    return std::nullopt;
}

}  // namespace stillpoint::detail
