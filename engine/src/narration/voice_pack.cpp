#include "narration/voice_pack.hpp"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <system_error>

namespace stillpoint::narration {
namespace {

namespace fs = std::filesystem;

std::string place(const fs::path& manifest, const YAML::Mark& mark) {
    return manifest.string() + ":" + std::to_string(mark.line + 1) + ":" +
           std::to_string(mark.column + 1);
}

/// Whether `inner` lies inside `outer` (both canonical).
bool isInside(const fs::path& inner, const fs::path& outer) {
    const auto [end, at] = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
    return end == outer.end() && at != inner.end();
}

/// The clip's path inside `folder`, or an error saying why it is refused.
std::optional<fs::path> clipPath(const fs::path& folder, const std::string& written,
                                 std::string& error) {
    const fs::path relative(written);
    if (relative.is_absolute() || relative.has_root_name() || relative.has_root_directory()) {
        error = "clip path '" + written + "' is absolute; write it relative to the pack folder";
        return std::nullopt;
    }
    for (const auto& part : relative)
        if (part == "..") {
            error = "clip path '" + written +
                    "' leaves the pack folder; keep every clip inside it, without '..'";
            return std::nullopt;
        }
    std::error_code ec;
    const fs::path resolved = fs::weakly_canonical(folder / relative, ec);
    if (ec || !isInside(resolved, folder)) {
        error = "clip path '" + written +
                "' leads out of the pack folder through a symbolic link; copy the clip into "
                "the pack instead";
        return std::nullopt;
    }
    return resolved;
}

}  // namespace

std::optional<VoicePack> loadVoicePack(const std::string& directory, std::string& error) {
    std::error_code ec;
    const fs::path folder = fs::canonical(directory, ec);
    if (ec || !fs::is_directory(folder)) {
        error = directory + ": no voice pack folder here (" +
                (ec ? ec.message() : std::string("not a folder")) + ")";
        return std::nullopt;
    }
    const fs::path manifest = folder / kVoicePackManifest;
    YAML::Node root;
    try {
        root = YAML::LoadFile(manifest.string());
    } catch (const YAML::BadFile&) {
        error = manifest.string() + ": cannot read the voice pack manifest; a pack needs a " +
                kVoicePackManifest + " with name: and lines:";
        return std::nullopt;
    } catch (const YAML::ParserException& e) {
        error = place(manifest, e.mark) + ": " + e.msg;
        return std::nullopt;
    }
    if (!root.IsMap()) {
        error = manifest.string() + ": expected a map with name: and lines:";
        return std::nullopt;
    }
    VoicePack pack;
    pack.directory = folder.string();
    for (const auto& entry : root) {
        const auto key = entry.first.as<std::string>();
        const YAML::Node& value = entry.second;
        if (key == "name" && value.IsScalar()) {
            pack.name = value.Scalar();
        } else if (key == "lines" && value.IsMap()) {
            for (const auto& line : value) {
                const std::string at = place(manifest, line.second.Mark());
                if (!line.second.IsScalar() || line.second.Scalar().empty()) {
                    error = at + ": line '" + line.first.Scalar() +
                            "' needs a clip path, e.g. clips/intro.wav";
                    return std::nullopt;
                }
                auto path = clipPath(folder, line.second.Scalar(), error);
                if (!path) {
                    error = at + ": " + error;
                    return std::nullopt;
                }
                pack.lines[line.first.Scalar()] = {path->string(), at};
            }
        } else {
            error = place(manifest, entry.first.Mark()) + ": unexpected '" + key +
                    "'; a manifest has name: (text) and lines: (line id: clip path)";
            return std::nullopt;
        }
    }
    if (pack.name.empty()) pack.name = folder.filename().string();
    return pack;
}

}  // namespace stillpoint::narration
