#include "session/yaml_reader.hpp"

#include <cctype>
#include <cmath>

#include "session/number_text.hpp"
#include "session/utf8_text.hpp"

namespace stillpoint::detail {
namespace {

/// How a message shows a value the author wrote where something else belongs.
std::string describe(const YAML::Node& value) {
    if (!value.IsDefined() || value.IsNull()) return "empty";
    if (value.IsSequence()) return "a list";
    if (value.IsMap()) return "a map";
    constexpr std::size_t kShown = 40;
    const std::string& text = value.Scalar();
    return "'" + (text.size() > kShown ? text.substr(0, kShown) + "..." : text) + "'";
}

std::string rangeHint(const Range& range) {
    return "use a value from " + formatNumber(range.low) + " to " + formatNumber(range.high) +
           std::string(range.unit);
}

const std::string kDurationHint = "write seconds or a duration: " + std::string(kDurationExamples);

}  // namespace

const Field* findField(const std::vector<Field>& fields, std::string_view name) {
    for (const Field& field : fields)
        if (field.name == name) return &field;
    return nullptr;
}

bool readEveryKey(const Field& map, const std::vector<Field>& entries) {
    return !map.value.IsMap() || entries.size() == map.value.size();
}

SourcePos YamlReader::positionOf(const YAML::Node& node) const {
    return node.IsDefined() ? positionOf(node.Mark()) : SourcePos{};
}

SourcePos YamlReader::positionOf(const YAML::Mark& mark) const {
    if (mark.is_null()) return {};
    // yaml-cpp counts bytes; editors count characters.
    const auto lineStart = static_cast<std::size_t>(mark.pos - mark.column);
    const auto column = static_cast<std::size_t>(mark.column);
    if (mark.pos < mark.column || lineStart + column > text_.size())
        return {mark.line + 1, mark.column + 1};
    return {mark.line + 1, 1 + static_cast<int>(countCharacters(text_.substr(lineStart, column)))};
}

SourcePos YamlReader::positionOf(const Field& field) const {
    const bool valueHasPlace = field.value.IsDefined() && !field.value.IsNull();
    if (!valueHasPlace && field.key.IsDefined()) return positionOf(field.key);
    return positionOf(field.value);
}

SourcePos YamlReader::positionInScalar(const YAML::Node& scalar, std::string_view piece,
                                       std::size_t offset) const {
    const SourcePos fallback = positionOf(scalar);
    const YAML::Mark mark = scalar.Mark();
    if (piece.empty() || mark.is_null() || static_cast<std::size_t>(mark.pos) > text_.size())
        return fallback;
    // The value may hold the same piece earlier; find the same occurrence in the file.
    const std::string& value = scalar.Scalar();
    std::size_t earlier = 0;
    for (std::size_t at = value.find(piece); at < offset; at = value.find(piece, at + 1)) ++earlier;
    std::size_t from = static_cast<std::size_t>(mark.pos);
    for (std::size_t i = 0;; ++i) {
        const std::size_t found = text_.find(piece, from);
        if (found == std::string_view::npos) return fallback;
        if (i == earlier) return positionAt(text_, found);
        from = found + 1;
    }
}

bool YamlReader::accepts(Severity severity) const {
    return !stopped_ && (severity == Severity::Error || warnings_ < kMaxWarnings);
}

void YamlReader::add(Severity severity, SourcePos pos, std::string message, std::string hint) {
    if (severity == Severity::Warning) ++warnings_;
    // Messages quote what the file says; a host may show them as they are.
    diagnostics_.push_back(
        {severity, path_, pos.line, pos.column, escapeForDisplay(message), escapeForDisplay(hint)});
    if (severity == Severity::Error && ++errors_ == kMaxErrors) {
        diagnostics_.push_back({Severity::Error, path_, 0, 0,
                                "stopped after " + std::to_string(kMaxErrors) + " errors",
                                "fix these and check the file again"});
        stopped_ = true;
    }
}

bool YamlReader::visit(const YAML::Node& node) {
    if (stopped_) return false;
    if (++visited_ <= kMaxVisitedValues) return true;
    error(node, "the file expands to more than " + std::to_string(kMaxVisitedValues) + " values",
          "aliases (*name) repeat what they point to; a session needs far fewer values");
    stopped_ = true;
    return false;
}

void YamlReader::wrongType(const Field& field, std::string_view expected, std::string_view hint) {
    if (!field.value.IsDefined() || field.value.IsNull()) {
        error(field, field.name + " has no value",
              hint.empty() ? "write " + std::string(expected) : std::string(hint));
        return;
    }
    error(field,
          field.name + " must be " + std::string(expected) + ", not " + describe(field.value),
          std::string(hint));
}

std::optional<std::vector<Field>> YamlReader::entries(const Field& map,
                                                      std::span<const std::string_view> keys,
                                                      std::string_view where) {
    return mapEntries(map, &keys, where);
}

std::optional<std::vector<Field>> YamlReader::namedEntries(const Field& map,
                                                           std::string_view where) {
    return mapEntries(map, nullptr, where);
}

std::optional<std::vector<Field>> YamlReader::mapEntries(
    const Field& map, const std::span<const std::string_view>* keys, std::string_view where) {
    if (!visit(map.value)) return std::nullopt;
    std::vector<Field> found;
    if (map.value.IsNull()) return found;  // `defaults:` with nothing under it
    const std::string validKeys = keys ? "valid keys: " + joinNames(*keys) : "";
    if (!map.value.IsMap()) {
        wrongType(map, "a map of keys", validKeys);
        return std::nullopt;
    }
    for (auto it = map.value.begin(); it != map.value.end(); ++it) {
        if (!visit(it->second)) return std::nullopt;
        const YAML::Node key = it->first;  // a copy: the iterator hands out a temporary pair
        if (!key.IsScalar()) {
            error(key, "a key must be a name, not " + describe(key), validKeys);
            continue;
        }
        const std::string& name = key.Scalar();
        if (keys == nullptr && !scalar({"name", key, key}, "a name")) continue;
        bool known = keys == nullptr;
        if (keys)
            for (const std::string_view k : *keys) known = known || k == name;
        if (!known) {
            error(key, "unknown key '" + name + "' " + std::string(where),
                  suggestionHint(name, *keys, "valid keys"));
            continue;
        }
        bool repeated = false;
        for (const Field& earlier : found) {
            if (earlier.name != name) continue;
            repeated = true;
            error(key, "key '" + name + "' appears twice " + std::string(where),
                  "the first is on line " + std::to_string(positionOf(earlier.key).line) +
                      "; keep one");
        }
        if (!repeated) found.push_back({name, key, it->second});
    }
    return found;
}

std::optional<std::vector<Field>> YamlReader::items(const Field& list, std::string_view itemName) {
    if (!visit(list.value)) return std::nullopt;
    std::vector<Field> found;
    if (list.value.IsNull()) return found;
    if (!list.value.IsSequence()) {
        wrongType(list, "a list", "write a list, one '- ' per item or [a, b]");
        return std::nullopt;
    }
    for (const YAML::Node& item : list.value) {
        if (!visit(item)) return std::nullopt;
        found.push_back({std::string(itemName), YAML::Node(YAML::NodeType::Undefined), item});
    }
    return found;
}

std::optional<std::string> YamlReader::scalar(const Field& field, std::string_view expected,
                                              std::string_view hint) {
    if (stopped_) return std::nullopt;
    if (!field.value.IsScalar()) {
        wrongType(field, expected, hint);
        return std::nullopt;
    }
    const std::string& value = field.value.Scalar();
    // The file was checked before parsing; these came from escapes like "\e" or "\u202E"
    // (and yaml-cpp reads "\N" and "\_" as single Latin-1 bytes).
    if (findInvalidUtf8(value)) {
        error(field, field.name + " is not UTF-8 once its escapes are read",
              "write the character itself, or as \\u followed by four hex digits");
        return std::nullopt;
    }
    if (const auto unsafe = findUnsafeSessionCharacter(value)) {
        error(field, field.name + " holds " + unsafeCharacterMessage(unsafe->codePoint),
              unsafeCharacterHint(unsafe->codePoint));
        return std::nullopt;
    }
    return value;
}

std::optional<std::string> YamlReader::text(const Field& field, std::size_t maxCharacters,
                                            std::string_view tooLongHint) {
    auto value = scalar(field, "text",
                        "write the words after the colon; quote them if they start with [ or {");
    if (!value) return std::nullopt;
    // Folded and literal blocks (`>`, `|`) keep a final line break the words do not need.
    while (!value->empty() && std::isspace(static_cast<unsigned char>(value->back())))
        value->pop_back();
    if (value->empty()) {
        error(field, field.name + " is empty", "write some text");
        return std::nullopt;
    }
    const std::size_t length = countCharacters(*value);
    if (length > maxCharacters) {
        error(field, field.name + " is " + std::to_string(length) + " characters long",
              tooLongHint.empty()
                  ? "keep it to at most " + std::to_string(maxCharacters) + " characters"
                  : std::string(tooLongHint));
        return std::nullopt;
    }
    return value;
}

std::optional<double> YamlReader::finiteNumber(const Field& field, std::string_view expected,
                                               std::string_view hint) {
    const auto written = scalar(field, expected, hint);
    if (!written) return std::nullopt;
    const ParsedNumber parsed = parseNumber(*written);
    if (parsed.kind == ParsedNumber::Kind::NotFinite) {
        error(field, field.name + " is " + *written + ", not a finite number", std::string(hint));
        return std::nullopt;
    }
    if (parsed.kind == ParsedNumber::Kind::NotANumber) {
        wrongType(field, expected, hint);
        return std::nullopt;
    }
    return parsed.value;
}

std::optional<double> YamlReader::number(const Field& field, const Range& range) {
    const std::string hint = rangeHint(range);
    const auto value = finiteNumber(field, "a number", hint);
    if (!value) return std::nullopt;
    if (*value < range.low || *value > range.high) {
        outOfRange(field, range);
        return std::nullopt;
    }
    return value;
}

std::optional<int> YamlReader::wholeNumber(const Field& field, int low, int high) {
    const std::string hint =
        "use a whole number from " + std::to_string(low) + " to " + std::to_string(high);
    const auto value = finiteNumber(field, "a whole number", hint);
    if (!value) return std::nullopt;
    if (*value != std::floor(*value)) {
        error(field, field.name + " must be a whole number, not " + field.value.Scalar(), hint);
        return std::nullopt;
    }
    if (*value < low || *value > high) {
        error(field, field.name + " " + field.value.Scalar() + " is out of range", hint);
        return std::nullopt;
    }
    return static_cast<int>(*value);
}

std::optional<double> YamlReader::duration(const Field& field, double maxSeconds) {
    const auto value = secondsAsWritten(field);
    if (!value) return std::nullopt;
    const std::string& written = field.value.Scalar();
    if (*value <= 0.0) {
        error(field, field.name + " " + written + " is not longer than 0",
              "use a positive duration such as 5s or 2m");
        return std::nullopt;
    }
    if (*value > maxSeconds) {
        const std::string limit = formatDuration(maxSeconds);
        error(field, field.name + " " + written + " is longer than the " + limit + " allowed",
              "use at most " + limit);
        return std::nullopt;
    }
    return value;
}

std::optional<double> YamlReader::seconds(const Field& field, const Range& range) {
    const auto value = secondsAsWritten(field);
    if (!value) return std::nullopt;
    if (*value < range.low || *value > range.high) {
        outOfRange(field, range);
        return std::nullopt;
    }
    return value;
}

void YamlReader::outOfRange(const Field& field, const Range& range) {
    // `90s` carries its unit already; a bare `90` gets the range's.
    const std::string& written = field.value.Scalar();
    const bool bare = parseNumber(written).kind == ParsedNumber::Kind::Finite;
    error(field,
          field.name + " " + written + (bare ? std::string(range.unit) : "") + " is out of range",
          rangeHint(range));
}

std::optional<double> YamlReader::secondsAsWritten(const Field& field) {
    const auto written = scalar(field, "a duration", kDurationHint);
    if (!written) return std::nullopt;
    if (parseNumber(*written).kind == ParsedNumber::Kind::NotFinite) {
        error(field, field.name + " is " + *written + ", not a finite number", kDurationHint);
        return std::nullopt;
    }
    const auto value = parseDurationSeconds(*written);
    if (!value) {
        error(field, field.name + " '" + *written + "' is not a duration", kDurationHint);
        return std::nullopt;
    }
    return value;
}

}  // namespace stillpoint::detail
