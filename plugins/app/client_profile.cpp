#include "client_profile.hpp"

#include <juce_core/juce_core.h>

#include <algorithm>
#include <sstream>

#include "stillpoint/output_file.hpp"
#include "stillpoint/resonance.hpp"

namespace stillpoint::app {
namespace {

/// The line where `key` is first written, for errors about its value.
int lineOf(const std::string& text, const char* key) {
    const auto at = text.find(std::string("\"") + key + "\"");
    if (at == std::string::npos) return 1;
    return 1 + static_cast<int>(
                   std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

std::string shortNumber(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

struct Reader {
    const std::string& text;
    const std::string& path;
    std::string error;

    bool fail(const char* key, const std::string& message) {
        if (error.empty())
            error = path + ":" + std::to_string(lineOf(text, key)) + ": error: " + message;
        return false;
    }
    bool number(const juce::var& value, const char* key, double low, double high, double& out) {
        if (value.isVoid()) return true;
        if (!(value.isDouble() || value.isInt() || value.isInt64()))
            return fail(key, std::string("\"") + key + "\" must be a number");
        const double v = static_cast<double>(value);
        if (v < low || v > high)
            return fail(key, std::string("\"") + key + "\" is " + shortNumber(v) + "; use " +
                                 shortNumber(low) + " to " + shortNumber(high));
        out = v;
        return true;
    }
    bool string(const juce::var& value, const char* key, std::string& out) {
        if (value.isVoid()) return true;
        if (!value.isString())
            return fail(key, std::string("\"") + key + "\" must be a string in quotes");
        out = value.toString().toStdString();
        return true;
    }
};

}  // namespace

std::string profileToJson(const ClientProfile& profile) {
    auto* root = new juce::DynamicObject();
    root->setProperty("name", juce::String::fromUTF8(profile.name.c_str()));
    root->setProperty("pace", profile.paceBpm);
    root->setProperty("resonance", profile.resonanceBpm);
    juce::Array<juce::var> avoid;
    for (const auto& region : profile.avoid) avoid.add(juce::String::fromUTF8(region.c_str()));
    root->setProperty("avoid", avoid);
    root->setProperty("voice", juce::String::fromUTF8(profile.voice.c_str()));
    auto* haptics = new juce::DynamicObject();
    haptics->setProperty("on", profile.haptics);
    haptics->setProperty("cap", profile.hapticCap);
    root->setProperty("haptics", juce::var(haptics));
    auto* layers = new juce::DynamicObject();
    for (std::size_t i = 0; i < kLayerCount; ++i)
        layers->setProperty(kLayerKeys[i], profile.layerTrimDb[i]);
    root->setProperty("layers", juce::var(layers));
    return juce::JSON::toString(juce::var(root)).toStdString() + "\n";
}

ProfileResult profileFromJson(const std::string& text, const std::string& path) {
    ProfileResult result;
    juce::var root;
    const auto parsed =
        juce::JSON::parse(juce::String::fromUTF8(text.data(), static_cast<int>(text.size())), root);
    if (parsed.failed()) {
        result.error =
            path + ":" + parsed.getErrorMessage().toStdString() + "; fix the JSON syntax there";
        return result;
    }
    Reader read{text, path, {}};
    auto& p = result.profile;
    if (!root.isObject()) {
        read.fail("", "a profile is a JSON object: {\"name\": ..., \"pace\": ...}");
    } else {
        read.string(root["name"], "name", p.name);
        read.number(root["pace"], "pace", 0.0, kMaxProfilePace, p.paceBpm);
        if (p.paceBpm > 0.0 && p.paceBpm < kMinProfilePace)
            read.fail("pace",
                      "\"pace\" is too slow to follow; use 0 (the session's pace) or 2 to 20");
        read.number(root["resonance"], "resonance", 0.0, heart::kMaxResonancePace, p.resonanceBpm);
        if (p.resonanceBpm > 0.0 && p.resonanceBpm < heart::kMinResonancePace)
            read.fail("resonance", "\"resonance\" is " + shortNumber(p.resonanceBpm) +
                                       "; use 0 (none) or 4.5 to 7");
        const auto& avoid = root["avoid"];
        if (!avoid.isVoid() && !avoid.isArray())
            read.fail("avoid", "\"avoid\" must be a list: [\"knees\", \"jaw\"]");
        if (const auto* regions = avoid.getArray()) {
            for (const auto& region : *regions) {
                std::string name;
                if (!read.string(region, "avoid", name)) break;
                p.avoid.push_back(name);
            }
        }
        read.string(root["voice"], "voice", p.voice);
        const auto& haptics = root["haptics"];
        if (!haptics.isVoid() && !haptics.isObject())
            read.fail("haptics", "\"haptics\" must be an object: {\"on\": true, \"cap\": 0.6}");
        if (haptics.isObject()) {
            const auto& on = haptics["on"];
            if (!on.isVoid() && !on.isBool())
                read.fail("on", "\"on\" must be true or false");
            else if (on.isBool())
                p.haptics = static_cast<bool>(on);
            read.number(haptics["cap"], "cap", 0.0, 1.0, p.hapticCap);
        }
        const auto& layers = root["layers"];
        if (!layers.isVoid() && !layers.isObject())
            read.fail("layers", "\"layers\" must be an object: {\"bed\": -6}");
        if (auto* object = layers.getDynamicObject()) {
            for (const auto& property : object->getProperties()) {
                const auto key = property.name.toString().toStdString();
                const auto known = std::find(kLayerKeys.begin(), kLayerKeys.end(), key);
                if (known == kLayerKeys.end()) {
                    read.fail(key.c_str(), "unknown layer \"" + key + "\"; the layers are " +
                                               layerNameList(", "));
                    break;
                }
                read.number(property.value, *known, kMinTrimDb, kMaxTrimDb,
                            p.layerTrimDb[static_cast<std::size_t>(known - kLayerKeys.begin())]);
            }
        }
    }
    result.error = read.error;
    if (!result.error.empty()) result.profile = {};
    return result;
}

ProfileResult loadProfile(const std::string& path) {
    const juce::File file(juce::String::fromUTF8(path.c_str()));
    if (!file.existsAsFile()) return {{}, path + ": error: no such profile file; check the path"};
    return profileFromJson(file.loadFileAsString().toStdString(), path);
}

std::string saveProfile(const ClientProfile& profile, const std::string& path) {
    const juce::File file(juce::String::fromUTF8(path.c_str()));
    if (!file.getParentDirectory().createDirectory())
        return path + ": error: cannot create the folder " +
               file.getParentDirectory().getFullPathName().toStdString();
    // The project's one atomic writer: written beside the target and renamed
    // over it, never over a pipe or a write-protected file, keeping its mode.
    std::string error;
    if (!writeTextFile(path, profileToJson(profile), error)) return error;
    return {};
}

}  // namespace stillpoint::app
