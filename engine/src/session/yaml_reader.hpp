// Typed reads from yaml-cpp nodes, every problem reported as a Diagnostic.
//
// The session readers ask for "a number from 1 to 30" or "a map with these
// keys"; this class does the checking and phrasing once, so every message in
// the format names the position, what is wrong and what would be right. It
// also bounds the work: a value budget stops alias bombs, and caps on errors
// and warnings keep a hopeless file from flooding the author with messages.
#pragma once

#include <yaml-cpp/yaml.h>

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "session/duration_text.hpp"
#include "session/session_limits.hpp"
#include "session/session_vocabulary.hpp"
#include "stillpoint/diagnostic.hpp"
#include "stillpoint/nearest_name.hpp"
#include "stillpoint/session.hpp"

namespace stillpoint::detail {

inline constexpr std::size_t kMaxTextCharacters = 10000;
inline constexpr std::size_t kMaxVisitedValues = 500'000;
inline constexpr std::size_t kMaxErrors = 100;
inline constexpr std::size_t kMaxWarnings = 100;  ///< more are dropped: they never stop a session

/// A value and the key it was written under (undefined for list items), so a
/// message can point at the key when the value itself is missing.
struct Field {
    std::string name;  ///< how messages call it: "pace", "bed volume"
    YAML::Node key;
    YAML::Node value;
};

/// The field called `name`, or null.
const Field* findField(const std::vector<Field>& fields, std::string_view name);

/// True when every key of `map` made it into `entries`. Only then is a missing
/// required key worth reporting: otherwise it is most likely the unknown key
/// already reported ('titel' for 'title').
bool readEveryKey(const Field& map, const std::vector<Field>& entries);

struct Range {
    double low = 0.0;
    double high = 0.0;
    std::string_view unit;  ///< with its leading space: " Hz", " breaths/min"
};

class YamlReader {
  public:
    YamlReader(std::string_view text, std::string path) : text_(text), path_(std::move(path)) {}

    const std::string& path() const { return path_; }
    /// 1-based line and character column; {0, 0} when yaml-cpp has no mark.
    SourcePos positionOf(const YAML::Mark& mark) const;
    SourcePos positionOf(const YAML::Node& node) const;
    /// The value's position, or the key's when the value is empty.
    SourcePos positionOf(const Field& field) const;
    /// Where `piece`, found at byte `offset` of the scalar's value, is written
    /// in the file; the scalar's own position when the file spells it otherwise
    /// (escapes, folding).
    SourcePos positionInScalar(const YAML::Node& scalar, std::string_view piece,
                               std::size_t offset) const;

    /// Reports a problem at `place`: a SourcePos, a YAML::Node or a Field. The
    /// position is only worked out when the report is kept.
    template <class Place>
    void error(const Place& place, std::string message, std::string hint = {}) {
        if (accepts(Severity::Error))
            add(Severity::Error, where(place), std::move(message), std::move(hint));
    }
    template <class Place>
    void warning(const Place& place, std::string message, std::string hint = {}) {
        if (accepts(Severity::Warning))
            add(Severity::Warning, where(place), std::move(message), std::move(hint));
    }
    /// True once the value budget or the error cap is used up; reads then return nothing.
    bool stopped() const { return stopped_; }
    Diagnostics takeDiagnostics() { return std::move(diagnostics_); }

    /// The map's entries whose keys are in `keys`; unknown and repeated keys are
    /// reported ("unknown key 'x' <where>"). Nullopt when it is not a map.
    std::optional<std::vector<Field>> entries(const Field& map,
                                              std::span<const std::string_view> keys,
                                              std::string_view where);
    /// Every entry of a map whose keys are names the author chooses (pattern
    /// names); repeated keys are reported. Nullopt when it is not a map.
    std::optional<std::vector<Field>> namedEntries(const Field& map, std::string_view where);
    /// The items of a list, each named `itemName`. Nullopt when it is not a list.
    std::optional<std::vector<Field>> items(const Field& list, std::string_view itemName);

    /// Non-empty text of at most `maxCharacters`; `tooLongHint` replaces the default advice.
    std::optional<std::string> text(const Field& field,
                                    std::size_t maxCharacters = kMaxTextCharacters,
                                    std::string_view tooLongHint = {});
    std::optional<double> number(const Field& field, const Range& range);
    std::optional<int> wholeNumber(const Field& field, int low, int high);
    /// A duration above 0 and at most `maxSeconds`.
    std::optional<double> duration(const Field& field, double maxSeconds = kMaxDurationSeconds);
    /// Seconds written as a number or a duration, within `range` (0 allowed when low is 0).
    std::optional<double> seconds(const Field& field, const Range& range);
    /// Seconds as written (a number or a duration), without range checks.
    std::optional<double> secondsAsWritten(const Field& field);
    /// Reports "<name> <value> is out of range" with the range as the hint.
    void outOfRange(const Field& field, const Range& range);

    /// One of the names in `choices`; otherwise "unknown <name>", listing them as `listLabel`.
    template <class T, std::size_t N>
    std::optional<T> choice(const Field& field, const std::array<NamedValue<T>, N>& choices,
                            std::string_view listLabel) {
        const auto word = scalar(field, "a name");
        if (!word) return std::nullopt;
        std::vector<std::string_view> names;
        for (const auto& c : choices) {
            if (c.name == *word) return c.value;
            names.push_back(c.name);
        }
        error(positionOf(field), "unknown " + field.name + " '" + *word + "'",
              suggestionHint(*word, names, listLabel));
        return std::nullopt;
    }

    /// Reports that `field` holds the wrong kind of value ("must be <expected>").
    void wrongType(const Field& field, std::string_view expected, std::string_view hint = {});

  private:
    bool visit(const YAML::Node& node);
    /// The scalar text of `field`, or a wrong-type report naming `expected`.
    std::optional<std::string> scalar(const Field& field, std::string_view expected,
                                      std::string_view hint = {});
    /// Entries of a map; `keys` null accepts any name.
    std::optional<std::vector<Field>> mapEntries(const Field& map,
                                                 const std::span<const std::string_view>* keys,
                                                 std::string_view where);
    std::optional<double> finiteNumber(const Field& field, std::string_view expected,
                                       std::string_view hint);
    SourcePos where(SourcePos pos) const { return pos; }
    template <class Place>
    SourcePos where(const Place& place) const {
        return positionOf(place);
    }
    bool accepts(Severity severity) const;
    void add(Severity severity, SourcePos pos, std::string message, std::string hint);

    std::string_view text_;
    std::string path_;
    Diagnostics diagnostics_;
    std::size_t visited_ = 0;
    std::size_t errors_ = 0;
    std::size_t warnings_ = 0;
    bool stopped_ = false;
};

}  // namespace stillpoint::detail
