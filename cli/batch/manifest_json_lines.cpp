// JSON Lines manifests: {"session": "a.yaml", "output": "a.wav", "rate": 44100}
// per line; blank lines are passed over. Values are strings, numbers, or
// (for lists such as avoid) arrays of strings.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "batch/manifest.hpp"

namespace stillpoint::cli::batch {
namespace {

using nlohmann::json;

constexpr const char* kRowExample = R"({"session": "scan.yaml", "output": "ana/scan.wav"})";

/// The column where `"name"` appears in the line for the `nth` time (from 0), or 1.
int columnOfKey(std::string_view line, const std::string& name, std::size_t nth) {
    auto at = line.find('"' + name + '"');
    for (; nth > 0 && at != std::string_view::npos; --nth) at = line.find('"' + name + '"', at + 1);
    return at == std::string_view::npos ? 1 : static_cast<int>(at) + 1;
}

/// nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 9: WHAT" -> WHAT.
std::string parseErrorText(const json::parse_error& e) {
    std::string text = e.what();
    if (const auto colon = text.find(": "); colon != std::string::npos) text.erase(0, colon + 2);
    return text;
}

bool readValue(const json& value, std::string& text) {
    switch (value.type()) {
        case json::value_t::string:
            text = value.get<std::string>();
            return true;
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float:
            text = value.dump();
            return true;
        case json::value_t::array:
            text.clear();
            for (const json& item : value) {
                if (!item.is_string()) return false;
                text += (text.empty() ? "" : ",") + item.get<std::string>();
            }
            return true;
        default:
            return false;
    }
}

void readLine(std::string_view line, int number, Manifest& manifest) {
    std::vector<std::string> keys;  // at the top level, in order, duplicates kept
    const json::parser_callback_t collectKeys = [&](int depth, json::parse_event_t event,
                                                    json& parsed) {
        if (event == json::parse_event_t::key && depth == 1)
            keys.push_back(parsed.get<std::string>());
        return true;
    };
    json row;
    try {
        row = json::parse(line, collectKeys);
    } catch (const json::parse_error& e) {
        manifest.problems.push_back(
            {number, static_cast<int>(std::min<std::size_t>(e.byte, line.size() + 1)),
             "not valid JSON (" + parseErrorText(e) +
                 "); write each job as one JSON object on "
                 "one line, like " +
                 kRowExample});
        return;
    }
    if (!row.is_object()) {
        manifest.problems.push_back({number, 1,
                                     "a row must be a JSON object, not " +
                                         std::string(row.type_name()) + "; write it like " +
                                         kRowExample});
        return;
    }
    // A key given twice keeps its last value: which one was meant is unknown.
    bool twice = false;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const auto earlier = static_cast<std::size_t>(
            std::count(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(i), keys[i]));
        if (earlier == 0) continue;
        manifest.problems.push_back({number, columnOfKey(line, keys[i], earlier),
                                     "\"" + keys[i] + "\" is given twice; keep one of them"});
        twice = true;
    }
    if (twice) return;
    ManifestRow parsed{number, {}};
    for (const auto& [key, value] : row.items()) {
        if (value.is_null()) continue;  // as if not given
        const int column = columnOfKey(line, key, 0);
        std::string text;
        if (!readValue(value, text)) {
            manifest.problems.push_back(
                {number, column,
                 "\"" + key + "\" is " + std::string(value.type_name()) +
                     "; give a string or a number (a list as an array of strings)"});
            continue;
        }
        parsed.fields.push_back({key, std::move(text), column});
    }
    manifest.rows.push_back(std::move(parsed));
}

}  // namespace

Manifest parseJsonLines(std::string_view text) {
    Manifest manifest;
    forEachManifestLine(text, [&](std::string_view line, int number) {
        if (line.find_first_not_of(" \t") != std::string_view::npos)
            readLine(line, number, manifest);
        return true;
    });
    return manifest;
}

}  // namespace stillpoint::cli::batch
