#include "saved_state.hpp"

#include <charconv>

#include "stillpoint/crc32.hpp"

namespace stillpoint::capi {
namespace {

constexpr std::string_view kFormatLine = "stillpoint-state 2";
// Version 1 had no checksum line; its blobs are still read, unchecked.
constexpr std::string_view kUncheckedFormatLine = "stillpoint-state 1";
constexpr std::string_view kFormatPrefix = "stillpoint-state ";
constexpr std::string_view kChecksumKey = "crc32 ";
constexpr std::size_t kChecksumDigits = 8;
// Far beyond any session (weeks at 768 kHz), small enough to stay exact in a double.
constexpr std::int64_t kMaxPosition = std::int64_t{1} << 50;

template <typename T>
std::string numberText(T value) {
    char buffer[64];
    const auto end =
        std::to_chars(buffer, buffer + sizeof buffer, value).ptr;  // shortest round trip
    return std::string(buffer, end);
}

template <typename T>
std::optional<T> parseNumber(std::string_view text) {
    T value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

void appendLine(std::string& out, std::string_view key, std::string_view value) {
    out.append(key).append(" ").append(value).append("\n");
}

/// Cuts the text into lines from the front; the session text is what remains.
class LineReader {
  public:
    explicit LineReader(std::string_view text) : text_(text) {}
    std::optional<std::string_view> next() {
        const auto end = text_.find('\n', at_);
        if (end == std::string_view::npos) return std::nullopt;
        const auto line = text_.substr(at_, end - at_);
        at_ = end + 1;
        return line;
    }
    std::string_view rest() const { return text_.substr(at_); }

  private:
    std::string_view text_;
    std::size_t at_ = 0;
};

StateParse refuse(std::string why) {
    return {std::nullopt, std::move(why)};
}

/// "crc32 " and eight lowercase hex digits. Only lowercase: an upper-case
/// digit is one bit away from a lower-case one and must not read the same.
std::string checksumLine(std::uint32_t crc) {
    constexpr char kDigits[] = "0123456789abcdef";
    std::string line(kChecksumKey);
    for (int shift = 28; shift >= 0; shift -= 4) line += kDigits[(crc >> shift) & 0xFu];
    return line;
}

std::optional<std::uint32_t> parseChecksumLine(std::string_view line) {
    if (line.size() != kChecksumKey.size() + kChecksumDigits ||
        line.substr(0, kChecksumKey.size()) != kChecksumKey)
        return std::nullopt;
    std::uint32_t crc = 0;
    for (const char c : line.substr(kChecksumKey.size())) {
        const bool digit = c >= '0' && c <= '9', letter = c >= 'a' && c <= 'f';
        if (!digit && !letter) return std::nullopt;
        crc = (crc << 4) | static_cast<std::uint32_t>(digit ? c - '0' : c - 'a' + 10);
    }
    return crc;
}

/// The lines after the format (and checksum) line, up to the session text.
StateParse parseFields(LineReader& lines) {
    SavedState state;
    bool haveRate = false, havePosition = false;
    while (const auto line = lines.next()) {
        const auto space = line->find(' ');
        const auto key = line->substr(0, space);
        const auto value =
            space == std::string_view::npos ? std::string_view{} : line->substr(space + 1);
        const auto bad = [&] {
            return refuse("bad value for '" + std::string(key) + "' in the state");
        };

        if (key == "sample-rate") {
            const auto rate = parseNumber<double>(value);
            if (!rate || (*rate != 0.0 && !isValidSampleRate(*rate))) return bad();
            state.sampleRate = *rate;
            haveRate = true;
        } else if (key == "position") {
            const auto position = parseNumber<std::int64_t>(value);
            if (!position || *position < 0 || *position > kMaxPosition) return bad();
            state.position = *position;
            havePosition = true;
        } else if (key == "pace-bpm") {
            const auto pace = parseNumber<double>(value);
            if (!pace || (*pace != 0.0 && !isValidParameterValue(SP_PARAM_PACE_BPM, *pace)))
                return bad();
            state.paceBpm = *pace;
        } else if (key == "name") {
            state.name = std::string(value);
        } else if (key == "session") {
            const auto size = parseNumber<std::size_t>(value);
            if (!size || *size != lines.rest().size())
                return refuse("the state's session text is cut short or has extra bytes");
            if (!haveRate || !havePosition)
                return refuse("the state lacks its sample rate or position");
            state.sessionText = std::string(lines.rest());
            return {std::move(state), {}};
        } else {
            for (std::size_t i = 0; i < kLayerParameters.size(); ++i) {
                if (key != kLayerParameters[i].stateKey) continue;
                const auto db = parseNumber<double>(value);
                if (!db || !isValidParameterValue(kLayerParameters[i].param, *db)) return bad();
                state.layersDb[i] = *db;
            }
            for (std::size_t i = 0; i < kHapticStateKeys.size(); ++i) {
                if (key != kHapticStateKeys[i].stateKey) continue;
                const auto v = parseNumber<double>(value);
                if (!v || !isValidParameterValue(kHapticStateKeys[i].param, *v)) return bad();
                state.haptics[i] = *v;
            }
            // Any other key is from a later version: ignored.
        }
    }
    return refuse("the state has no session text");
}

}  // namespace

std::string formatState(const SavedState& state) {
    std::string name = state.name;
    for (char& c : name)
        if (c == '\n' || c == '\r') c = ' ';  // one line per key

    std::string out;
    appendLine(out, "sample-rate", numberText(state.sampleRate));
    appendLine(out, "position", numberText(state.position));
    for (std::size_t i = 0; i < kLayerParameters.size(); ++i)
        if (state.layersDb[i])
            appendLine(out, kLayerParameters[i].stateKey, numberText(*state.layersDb[i]));
    appendLine(out, "pace-bpm", numberText(state.paceBpm));
    for (std::size_t i = 0; i < kHapticStateKeys.size(); ++i)
        if (state.haptics[i])
            appendLine(out, kHapticStateKeys[i].stateKey, numberText(*state.haptics[i]));
    appendLine(out, "name", name);
    appendLine(out, "session", numberText(state.sessionText.size()));
    out.append(state.sessionText);
    return std::string(kFormatLine) + "\n" + checksumLine(crc32(out)) + "\n" + out;
}

StateParse parseState(std::string_view text) {
    LineReader lines(text);
    const auto first = lines.next();
    if (!first || first->substr(0, kFormatPrefix.size()) != kFormatPrefix)
        return refuse("not a Stillpoint state");
    if (*first == kUncheckedFormatLine) return parseFields(lines);
    if (*first != kFormatLine)
        return refuse("state format '" + std::string(first->substr(kFormatPrefix.size())) +
                      "' is not one this library reads (it reads 1 and 2)");
    const auto line = lines.next();
    const auto expected = line ? parseChecksumLine(*line) : std::nullopt;
    if (!expected) return refuse("the state lacks its 'crc32' line after the format line");
    if (*expected != crc32(lines.rest()))
        return refuse(
            "the state's checksum does not match its contents: it was damaged or changed after "
            "it was saved; use a copy saved by sp_get_state");
    return parseFields(lines);
}

}  // namespace stillpoint::capi
