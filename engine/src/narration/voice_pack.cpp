#include "narration/voice_pack.hpp"

#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <filesystem>
#include <system_error>

#include "io/regular_file.hpp"
#include "session/layout_check.hpp"
#include "session/utf8_text.hpp"
#include "stillpoint/bounded_file.hpp"
#include "stillpoint/contained_path.hpp"
#include "stillpoint/narration.hpp"

namespace stillpoint::narration {
namespace {

namespace fs = std::filesystem;

std::string place(const std::string& manifest, const YAML::Mark& mark) {
    return manifest + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
}

std::string place(const std::string& manifest, const SourcePos& pos) {
    return manifest + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

/// Problems found before yaml-cpp may see the text, as for session files.
std::optional<std::string> checkRawText(std::string_view text, const std::string& manifest) {
    if (const auto bad = detail::findInvalidUtf8(text)) {
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", bad->byte);
        return place(manifest, bad->pos) + ": invalid UTF-8: byte " + byte +
               "; save the manifest as UTF-8";
    }
    if (const auto problem = detail::checkLayout(text))
        return place(manifest, problem->pos) + ": " + problem->message + "; " + problem->hint;
    return std::nullopt;
}

class ManifestReader {
  public:
    ManifestReader(const fs::path& folder, std::string manifest)
        : folder_(folder), manifest_(std::move(manifest)) {}

    std::optional<VoicePack> read(const YAML::Node& root, std::string& error) {
        if (!root.IsMap()) return fail(error, manifest_ + ": expected a map with name: and lines:");
        VoicePack pack;
        pack.directory = folder_.string();
        for (const auto& entry : root) {
            const YAML::Node& key = entry.first;
            const YAML::Node& value = entry.second;
            const std::string name = key.IsScalar() ? key.Scalar() : std::string();
            if (name == "name" && value.IsScalar()) {
                pack.name = value.Scalar();
            } else if (name == "lines" && value.IsMap()) {
                if (!readLines(value, pack, error)) return std::nullopt;
            } else {
                return fail(error, place(manifest_, key.Mark()) + ": unexpected '" + name +
                                       "'; a manifest has name: (text) and lines: (line id: "
                                       "clip path)");
            }
        }
        if (pack.name.empty()) pack.name = folder_.filename().string();
        return pack;
    }

  private:
    bool readLines(const YAML::Node& lines, VoicePack& pack, std::string& error) {
        for (const auto& line : lines) {
            const std::string at = place(manifest_, line.second.Mark());
            if (!line.first.IsScalar() || line.first.Scalar().empty()) {
                fail(error, place(manifest_, line.first.Mark()) +
                                ": a line id must be plain text, like intro or settle-2");
                return false;
            }
            const std::string& id = line.first.Scalar();
            if (!line.second.IsScalar() || line.second.Scalar().empty()) {
                fail(error, at + ": line '" + id + "' needs a clip path, e.g. clips/intro.wav");
                return false;
            }
            const auto resolved = resolveInsideFolder(folder_, line.second.Scalar());
            if (!resolved.path) {
                fail(error, at + ": clip path " + resolved.error);
                return false;
            }
            const auto [where, added] =
                pack.lines.try_emplace(id, VoicePackClip{resolved.path->string(), at});
            if (!added) {
                fail(error, at + ": line '" + id + "' is listed twice (first at " +
                                where->second.manifestPlace + "); keep one clip per line id");
                return false;
            }
        }
        return true;
    }

    static std::nullopt_t fail(std::string& error, std::string message) {
        error = std::move(message);
        return std::nullopt;
    }

    fs::path folder_;
    std::string manifest_;
};

}  // namespace

std::optional<VoicePack> parseVoicePackManifest(std::string_view text, const std::string& directory,
                                                std::string& error) {
    const fs::path folder(directory);
    const std::string manifest = (folder / kVoicePackManifest).string();
    if (text.size() > kMaxManifestBytes) {
        error = manifest + ": the manifest is " + megabytes(text.size()) + ", larger than the " +
                megabytes(kMaxManifestBytes) +
                " a manifest may be; check that this is the right file";
        return std::nullopt;
    }
    if (auto problem = checkRawText(text, manifest)) {
        error = std::move(*problem);
        return std::nullopt;
    }
    try {
        return ManifestReader(folder, manifest).read(YAML::Load(std::string(text)), error);
    } catch (const YAML::ParserException& e) {
        error = place(manifest, e.mark) + ": " + e.msg;
    } catch (const YAML::Exception& e) {
        error = manifest + ": " + e.what();
    }
    return std::nullopt;
}

std::optional<VoicePack> loadVoicePack(const std::string& directory, std::string& error) {
    std::error_code ec;
    const fs::path folder = fs::canonical(directory, ec);
    if (ec || !fs::is_directory(folder)) {
        error = directory + ": no voice pack folder here (" +
                (ec ? ec.message() : std::string("not a folder")) + ")";
        return std::nullopt;
    }
    const std::string manifest = (folder / kVoicePackManifest).string();
    const auto file = readRegularFile(manifest, kMaxManifestBytes);
    switch (file.problem) {
        case RegularFile::Problem::None:
            return parseVoicePackManifest(file.bytes, folder.string(), error);
        case RegularFile::Problem::TooLarge:
            // The text is not read: say so with the size the file reports.
            error = manifest + ": the manifest is " + megabytes(file.sizeBytes) +
                    ", larger than the " + megabytes(kMaxManifestBytes) +
                    " a manifest may be; check that this is the right file";
            return std::nullopt;
        case RegularFile::Problem::NotRegular:
            error = manifest + ": is " + file.whatItIs + ", not a file; a pack needs a " +
                    kVoicePackManifest + " file with name: and lines:";
            return std::nullopt;
        case RegularFile::Problem::Missing:
        case RegularFile::Problem::Folder:
        case RegularFile::Problem::Unreadable:
            break;
    }
    error = manifest + ": cannot read the voice pack manifest; a pack needs a " +
            kVoicePackManifest + " with name: and lines:";
    return std::nullopt;
}

}  // namespace stillpoint::narration

namespace stillpoint {

std::optional<VoicePackLines> readVoicePackLines(const std::string& directory, std::string& error) {
    const auto pack = narration::loadVoicePack(directory, error);
    if (!pack) return std::nullopt;
    VoicePackLines lines{pack->name, {}};
    for (const auto& entry : pack->lines) lines.ids.push_back(entry.first);  // a map: sorted
    return lines;
}

}  // namespace stillpoint
