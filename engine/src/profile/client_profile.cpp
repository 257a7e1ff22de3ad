#include "stillpoint/client_profile.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "stillpoint/output_file.hpp"
#include "stillpoint/pace_range.hpp"

namespace stillpoint {
namespace {

namespace fs = std::filesystem;

/// A profile is a few hundred bytes; a larger file is the wrong file.
constexpr std::uintmax_t kMaxProfileBytes = 1u << 20;

// Ordered: a profile rewritten keeps its fields in the order they were written.
using Json = nlohmann::ordered_json;

/// Line and column (1-based) of byte `at` of `text`.
std::string placeOf(const std::string& text, std::size_t at) {
    at = std::min(at, text.size());
    const auto begin = text.begin();
    const auto line = 1 + std::count(begin, begin + static_cast<std::ptrdiff_t>(at), '\n');
    const auto lineStart = text.rfind('\n', at == 0 ? 0 : at - 1);
    const std::size_t column = lineStart == std::string::npos || at == 0 ? at + 1 : at - lineStart;
    return std::to_string(line) + ":" + std::to_string(column);
}

/// Where `"key"` is first written at or after `from`, or `from` when it is not.
std::size_t keyAt(const std::string& text, const std::string& key, std::size_t from) {
    const auto at = text.find("\"" + key + "\"", from);
    return at == std::string::npos ? from : at;
}

std::string quoted(const std::string& key) {
    return "\"" + key + "\"";
}

/// Reads a profile's fields from its JSON, stopping at the first error.
struct Reader {
    const std::string& text;
    const std::string& path;
    std::string error;

    bool ok() const { return error.empty(); }
    bool fail(std::size_t at, const std::string& message) {
        if (error.empty()) error = path + ":" + placeOf(text, at) + ": error: " + message;
        return false;
    }
    bool number(const Json& object, const std::string& key, std::size_t from, double low,
                double high, double& out) {
        const auto found = object.find(key);
        if (found == object.end()) return true;
        const std::size_t at = keyAt(text, key, from);
        if (!found->is_number())
            return fail(at, quoted(key) + " must be a number, e.g. " + paceText(high));
        const double value = found->get<double>();
        if (value < low || value > high)
            return fail(at, quoted(key) + " is " + paceText(value) + "; use " + paceText(low) +
                                " to " + paceText(high));
        out = value;
        return true;
    }
    bool string(const Json& value, const std::string& key, std::size_t at, std::string& out) {
        if (!value.is_string()) return fail(at, quoted(key) + " must be a string in quotes");
        out = value.get<std::string>();
        return true;
    }

    void resonance(const Json& root, double& bpm) {
        const auto found = root.find("resonance");
        if (found == root.end()) return;
        const std::size_t at = keyAt(text, "resonance", 0);
        const std::string right = "use 0 (none) or " + rangeText(kResonancePaceRange) +
                                  " (`stillpoint resonance` finds it)";
        if (!found->is_number()) {
            fail(at, "\"resonance\" must be a number; " + right);
            return;
        }
        const double value = found->get<double>();
        if (value != 0.0 && !kResonancePaceRange.contains(value)) {
            fail(at, "\"resonance\" is " + paceText(value) + "; " + right);
            return;
        }
        bpm = value;
    }

    void profile(const Json& root, ClientProfile& p) {
        if (!root.is_object()) {
            fail(0, "a profile is a JSON object: {\"name\": ..., \"resonance\": 5.5}");
            return;
        }
        if (const auto name = root.find("name"); name != root.end())
            string(*name, "name", keyAt(text, "name", 0), p.name);
        number(root, "pace", 0, 0.0, kMaxProfilePace, p.paceBpm);
        if (ok() && p.paceBpm > 0.0 && p.paceBpm < kMinProfilePace)
            fail(keyAt(text, "pace", 0), "\"pace\" is " + paceText(p.paceBpm) +
                                             ", too slow to follow; use 0 (the session's pace) "
                                             "or 2 to 20");
        if (ok()) resonance(root, p.resonanceBpm);
        if (const auto avoid = root.find("avoid"); ok() && avoid != root.end()) {
            const std::size_t at = keyAt(text, "avoid", 0);
            if (!avoid->is_array()) {
                fail(at, "\"avoid\" must be a list: [\"knees\", \"jaw\"]");
            } else {
                for (const auto& region : *avoid) {
                    std::string name;
                    if (!string(region, "avoid", at, name)) break;
                    p.avoid.push_back(name);
                }
            }
        }
        if (const auto voice = root.find("voice"); ok() && voice != root.end())
            string(*voice, "voice", keyAt(text, "voice", 0), p.voice);
        if (const auto haptics = root.find("haptics"); ok() && haptics != root.end()) {
            const std::size_t at = keyAt(text, "haptics", 0);
            if (!haptics->is_object()) {
                fail(at, "\"haptics\" must be an object: {\"on\": true, \"cap\": 0.6}");
            } else {
                if (const auto on = haptics->find("on"); on != haptics->end()) {
                    if (on->is_boolean())
                        p.haptics = on->get<bool>();
                    else
                        fail(keyAt(text, "on", at), "\"on\" must be true or false");
                }
                if (ok()) number(*haptics, "cap", at, 0.0, 1.0, p.hapticCap);
            }
        }
        if (const auto layers = root.find("layers"); ok() && layers != root.end()) {
            const std::size_t at = keyAt(text, "layers", 0);
            if (!layers->is_object()) {
                fail(at, "\"layers\" must be an object: {\"bed\": -6}");
                return;
            }
            for (const auto& [key, value] : layers->items()) {
                const auto known = std::find(kLayerKeys.begin(), kLayerKeys.end(), key);
                if (known == kLayerKeys.end()) {
                    fail(keyAt(text, key, at),
                         "unknown layer \"" + key + "\"; the layers are " + layerNameList(", "));
                    return;
                }
                const auto index = static_cast<std::size_t>(known - kLayerKeys.begin());
                if (!number(*layers, key, at, kMinTrimDb, kMaxTrimDb, p.layerTrimDb[index])) return;
            }
        }
    }
};

/// `text` as JSON, or the error naming where it breaks.
bool parseJson(const std::string& text, const std::string& path, Json& root, std::string& error) {
    try {
        root = Json::parse(text);
        return true;
    } catch (const Json::parse_error& e) {
        // "[json.exception.parse_error.101] parse error at line 3, column 10: WHAT"
        std::string what = e.what();
        if (const auto column = what.find("column "); column != std::string::npos)
            if (const auto colon = what.find(": ", column); colon != std::string::npos)
                what = what.substr(colon + 2);
        const std::size_t at = e.byte == 0 ? 0 : e.byte - 1;
        error = path + ":" + placeOf(text, at) + ": error: " + what + "; fix the JSON syntax there";
        return false;
    } catch (const Json::out_of_range& e) {
        // "... number overflow parsing '1e400'": no position, but the number's own text.
        const std::string what = e.what();
        const auto open = what.find('\'');
        const auto close = what.rfind('\'');
        const std::string number = open != std::string::npos && close > open
                                       ? what.substr(open + 1, close - open - 1)
                                       : "";
        const auto at = number.empty() ? std::string::npos : text.find(number);
        error = path + ":" + placeOf(text, at == std::string::npos ? 0 : at) +
                ": error: " + (number.size() > 24 ? number.substr(0, 24) + "..." : number) +
                " is too large a number; write one such as 5.5";
        return false;
    } catch (const Json::exception& e) {  // none other is known; never let one escape
        error = path + ":1:1: error: " + std::string(e.what()) + "; fix the JSON there";
        return false;
    }
}

/// Through the atomic writer, into a folder made for it when there is none yet.
std::string writeProfileText(const std::string& text, const std::string& path) {
    const fs::path folder = fs::path(path).parent_path();
    std::error_code failed;
    if (!folder.empty() && !fs::is_directory(folder) && !fs::create_directories(folder, failed))
        return path + ": error: cannot create the folder " + folder.string() + " (" +
               failed.message() + "); name a file in a folder that can be written";
    std::string error;
    if (!writeTextFile(path, text, error)) return error;
    return {};
}

bool readFile(const std::string& path, std::string& text) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    text = bytes.str();
    return !in.bad();
}

}  // namespace

std::string profileToJson(const ClientProfile& profile) {
    Json root;
    root["name"] = profile.name;
    root["pace"] = profile.paceBpm;
    root["resonance"] = profile.resonanceBpm;
    root["avoid"] = profile.avoid;
    root["voice"] = profile.voice;
    root["haptics"] = {{"on", profile.haptics}, {"cap", profile.hapticCap}};
    Json layers = Json::object();
    for (std::size_t i = 0; i < kLayerCount; ++i) layers[kLayerKeys[i]] = profile.layerTrimDb[i];
    root["layers"] = std::move(layers);
    return root.dump(2) + "\n";
}

ProfileResult profileFromJson(const std::string& text, const std::string& path) {
    ProfileResult result;
    Json root;
    if (!parseJson(text, path, root, result.error)) return result;
    Reader read{text, path, {}};
    read.profile(root, result.profile);
    result.error = read.error;
    if (!result.error.empty()) result.profile = {};
    return result;
}

ProfileResult loadProfile(const std::string& path) {
    std::error_code unknown;
    if (const auto bytes = fs::file_size(path, unknown); !unknown && bytes > kMaxProfileBytes)
        return {{},
                path + ": error: " + std::to_string(bytes) +
                    " bytes is no client profile (one is a small JSON file, under 1 MB); check "
                    "the path"};
    std::string text;
    if (!readFile(path, text)) return {{}, path + ": error: no such profile file; check the path"};
    return profileFromJson(text, path);
}

std::string saveProfile(const ClientProfile& profile, const std::string& path) {
    // The project's one atomic writer: written beside the target and renamed
    // over it, never over a pipe or a write-protected file, keeping its mode.
    return writeProfileText(profileToJson(profile), path);
}

std::string saveResonanceToProfile(double resonanceBpm, const std::string& path) {
    if (!kResonancePaceRange.contains(resonanceBpm))
        return path + ": error: a resonance pace of " + paceText(resonanceBpm) +
               " breaths/min is not recorded; a profile takes " + rangeText(kResonancePaceRange);
    std::string text;
    Json root = Json::object();
    std::error_code missing;
    if (fs::exists(path, missing)) {
        if (!readFile(path, text))
            return path + ": error: cannot read the profile; check its permissions";
        // Only a profile that reads whole is rewritten: a broken one is the
        // therapist's to fix, never overwritten.
        const ProfileResult read = profileFromJson(text, path);
        if (!read.error.empty()) return read.error + " (the resonance pace was not recorded)";
        std::string unused;
        parseJson(text, path, root, unused);
    }
    root["resonance"] = resonanceBpm;
    return writeProfileText(root.dump(2) + "\n", path);
}

}  // namespace stillpoint
