#include "batch/batch_jobs.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>

#include "stillpoint/bounded_file.hpp"
#include "stillpoint/contained_path.hpp"
#include "stillpoint/fnv1a.hpp"
#include "stillpoint/narration.hpp"
#include "stillpoint/nearest_name.hpp"
#include "stillpoint/offline_render.hpp"
#include "stillpoint/session.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint::cli::batch {
namespace {

namespace fs = std::filesystem;

// Bump when the way a job's file is named or keyed changes.
constexpr int kKeyVersion = 1;

constexpr const char* kRowExample = "session and output, like scan.yaml and ana/scan.wav";

struct RowChecker {
    const ManifestRow& row;
    std::vector<ManifestProblem>& problems;

    void problem(const ManifestField* field, std::string message) const {
        problems.push_back({row.line, field != nullptr ? field->column : 0, std::move(message)});
    }
};

/// Field names a row may use: session, output, and render's options.
std::vector<std::string_view> knownFields() {
    std::vector<std::string_view> names{"session", "output"};
    for (const OptionSpec& spec : renderSettingOptions()) names.push_back(spec.name);
    return names;
}

/// render's message names its options as flags ("--rate 5 is not supported");
/// in a manifest they are columns ("rate 5 is not supported").
std::string asFieldMessage(std::string message) {
    for (auto at = message.find("--"); at != std::string::npos; at = message.find("--", at))
        message.erase(at, 2);
    return message;
}

/// The field a render setting's problem is about: the first known name it starts with.
const ManifestField* fieldOfProblem(const ManifestRow& row, const std::string& message) {
    const ManifestField* best = nullptr;
    for (const ManifestField& field : row.fields)
        if (message.rfind(field.name + " ", 0) == 0 &&
            (best == nullptr || field.name.size() > best->name.size()))
            best = &field;
    return best;
}

/// The voice a row names is one this build speaks (checked here, not after minutes of work).
std::string voiceProblem(const std::string& text) {
    std::string error;
    const auto voice = parseVoiceName(text, error);
    if (!voice) return "voice " + text + ": " + error;
    std::vector<std::string> names;
    for (const AvailableVoice& available : availableVoices()) {
        if (available.engine != voice->engine) continue;
        if (voice->name.empty() || available.name == voice->name) return {};
        names.push_back(qualifiedName(available));
    }
    std::vector<std::string_view> views(names.begin(), names.end());
    const std::string written = text;
    std::string message = "voice " + written + " is not a voice this build speaks";
    if (auto near = nearestName(written, views)) message += "; did you mean " + *near + "?";
    return message + " (`stillpoint voices` lists them)";
}

std::string avoidProblem(const std::string& text) {
    const auto& regions = bodyRegions();
    std::vector<std::string_view> views(regions.begin(), regions.end());
    for (const std::string& region : splitList(text)) {
        if (std::find(regions.begin(), regions.end(), region) != regions.end()) continue;
        std::string message = "avoid: '" + region + "' is not a body region";
        if (auto near = nearestName(region, views)) message += "; did you mean '" + *near + "'?";
        std::string all;
        for (const auto& r : regions) all += (all.empty() ? "" : ", ") + r;
        return message + " (the regions: " + all + ")";
    }
    return {};
}

/// "chest, throat" as "chest,throat": a list's items without the spaces a
/// CSV cell or a hand-written row puts after its commas.
ManifestRow withListsTrimmed(ManifestRow row) {
    for (ManifestField& field : row.fields) {
        if (field.name != "avoid") continue;
        std::string list;
        for (std::string item : splitList(field.value)) {
            item.erase(0, item.find_first_not_of(" \t"));
            item.erase(item.find_last_not_of(" \t") + 1);
            if (!item.empty()) list += (list.empty() ? "" : ",") + item;
        }
        field.value = list;
    }
    return row;
}

/// A path a row names for something it reads, relative to the manifest's folder.
fs::path besideManifest(const std::string& manifestPath, const std::string& path) {
    const fs::path written(path);
    if (written.is_absolute()) return written;
    return fs::path(manifestPath).parent_path() / written;
}

/// A session or a voice pack's manifest, read whole (within a session's size
/// limit), or nullopt.
std::optional<std::string> readSmallFile(const fs::path& path) {
    BoundedFile file = readBoundedFile(path.string(), kMaxSessionFileBytes);
    if (file.problem != BoundedFile::Problem::None) return std::nullopt;
    return std::move(file.bytes);
}

std::string hex16(std::uint64_t value) {
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
    return text;
}

/// Over the engine, the session's text and every option (names sorted), the
/// output's format and the voice pack's manifest: what the audio depends on.
std::string contentKey(const std::string& sessionText, const ManifestRow& row,
                       const std::string& voicePackManifest) {
    std::map<std::string, std::string> options;
    for (const ManifestField& field : row.fields)
        if (field.name != "session" && field.name != "output") options[field.name] = field.value;
    options["format"] = fs::path(row.find("output")->value).extension().string();
    std::uint64_t h = fnv1a64(engineIdentity());
    auto add = [&](std::string_view part) {
        const std::uint64_t size = part.size();  // lengths keep "ab"+"c" apart from "a"+"bc"
        h = fnv1a64(&size, sizeof size, h);
        h = fnv1a64(part, h);
    };
    add(sessionText);
    for (const auto& [name, value] : options) {
        add(name);
        add(value);
    }
    add(voicePackManifest);
    return hex16(h);
}

/// The same output in another spelling ("a/./b.wav") or format ("b.flac")
/// is the same job's name: files are told apart by folder and stem.
std::string outputIdentity(const fs::path& output) {
    return (output.parent_path() / output.stem()).lexically_normal().string();
}

}  // namespace

std::string engineIdentity() {
    return "stillpoint " STILLPOINT_VERSION_STRING " render-batch key v" +
           std::to_string(kKeyVersion);
}

std::string keyedName(const std::string& output, const std::string& key) {
    const fs::path path(output);
    return (path.parent_path() / (path.stem().string() + "." + key + path.extension().string()))
        .string();
}

BatchPlan planBatch(const Manifest& manifest, const std::string& manifestPath,
                    const std::string& outDir) {
    BatchPlan plan;
    plan.problems = manifest.problems;
    const auto known = knownFields();
    std::map<std::string, int> outputLines;  // identity -> line
    std::map<std::string, std::string> sessionTexts;
    for (const ManifestRow& written : manifest.rows) {
        const ManifestRow row = withListsTrimmed(written);
        const RowChecker check{row, plan.problems};
        const std::size_t before = plan.problems.size();
        for (const ManifestField& field : row.fields) {
            if (std::find(known.begin(), known.end(), field.name) != known.end()) continue;
            std::string message = "unknown option '" + field.name + "'";
            if (auto near = nearestName(field.name, known))
                message += "; did you mean '" + *near + "'?";
            check.problem(&field, message +
                                      " (a row takes session, output and the options of "
                                      "`stillpoint render`)");
        }
        const ManifestField* session = row.find("session");
        const ManifestField* output = row.find("output");
        if (session == nullptr)
            check.problem(nullptr,
                          "no session; name the session file (relative to the "
                          "manifest's folder) in every row: " +
                              std::string(kRowExample));
        if (output == nullptr)
            check.problem(nullptr,
                          "no output; name the file to write (relative to --out) in "
                          "every row: " +
                              std::string(kRowExample));

        Arguments options;
        for (const ManifestField& field : row.fields)
            if (field.name != "session" && field.name != "output")
                options.values[field.name] = field.value;
        if (const auto* pack = row.find("voice-pack"))
            options.values["voice-pack"] = besideManifest(manifestPath, pack->value).string();
        BatchJob job;
        job.line = row.line;
        if (const std::string problem = readRenderSettings(options, job.render.settings);
            !problem.empty()) {
            const std::string message = asFieldMessage(problem);
            check.problem(fieldOfProblem(row, message), message);
        }
        if (const auto* voice = row.find("voice"))
            if (std::string problem = voiceProblem(voice->value); !problem.empty())
                check.problem(voice, problem);
        if (const auto* avoid = row.find("avoid"))
            if (std::string problem = avoidProblem(avoid->value); !problem.empty())
                check.problem(avoid, problem);
        std::string packManifest;
        if (const auto* pack = row.find("voice-pack")) {
            const fs::path folder = besideManifest(manifestPath, pack->value);
            std::error_code ec;
            if (!fs::is_directory(folder, ec))
                check.problem(pack, "voice-pack '" + pack->value + "' is not a folder (looked at " +
                                        folder.string() +
                                        "); name a voice pack folder relative to the manifest's");
            else
                packManifest = readSmallFile(folder / "voice-pack.yaml").value_or("");
        }

        std::string sessionText;
        if (session != nullptr) {
            const fs::path path = besideManifest(manifestPath, session->value);
            auto cached = sessionTexts.find(path.string());
            if (cached == sessionTexts.end()) {
                if (auto text = readSmallFile(path))
                    cached = sessionTexts.emplace(path.string(), std::move(*text)).first;
            }
            if (cached == sessionTexts.end())
                check.problem(session, "session '" + session->value +
                                           "' is not a readable file (looked at " + path.string() +
                                           "); name a session file relative to the manifest's "
                                           "folder");
            else
                sessionText = cached->second;
            job.render.session = path.string();
        }
        if (output != nullptr) {
            const ContainedPath inside = resolveInsideFolder(outDir, output->value);
            if (!inside.path)
                check.problem(output, "output " + inside.error);
            else if (!audioFileFormatFor(fs::path(output->value).extension().string()))
                check.problem(output, "output '" + output->value +
                                          "' has no audio format; end its name in " +
                                          std::string(kAudioFileExtensions));
            else {
                const fs::path relative = fs::path(output->value).lexically_normal();
                const auto [seen, added] = outputLines.emplace(outputIdentity(relative), row.line);
                if (!added)
                    check.problem(output, "output '" + output->value + "' is also line " +
                                              std::to_string(seen->second) +
                                              "'s (the same name, whatever its format); give "
                                              "each job its own output name");
                job.output = relative.string();
            }
        }
        if (plan.problems.size() != before) continue;
        job.key = contentKey(sessionText, row, packManifest);
        job.file = keyedName(job.output, job.key);
        if (job.render.settings.captions)
            job.captionFile = captionPathBeside(job.file, *job.render.settings.captions);
        job.render.output = (fs::path(outDir) / job.file).string();
        job.render.inputs = {job.render.session, manifestPath};
        if (!job.render.settings.voicePack.empty())
            job.render.inputs.push_back(job.render.settings.voicePack);
        plan.jobs.push_back(std::move(job));
    }
    std::stable_sort(plan.problems.begin(), plan.problems.end(),
                     [](const ManifestProblem& a, const ManifestProblem& b) {
                         return a.line != b.line ? a.line < b.line : a.column < b.column;
                     });
    return plan;
}

}  // namespace stillpoint::cli::batch
