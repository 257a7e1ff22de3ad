#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "narration/clip_file.hpp"
#include "narration/compact_clip.hpp"
#include "narration/line_renderer.hpp"
#include "narration/speech_engines.hpp"
#include "narration/speech_level.hpp"
#include "narration/voice_choice.hpp"
#include "narration/voice_pack.hpp"
#include "session/anchored_lines.hpp"
#include "session/speech_markup.hpp"
#include "stillpoint/narration.hpp"
#include "stillpoint/pace_law.hpp"

namespace stillpoint {
namespace {

// The voice's breath after a `say` line before the next step begins.
constexpr double kAfterSayLineSeconds = 1.0;
// A scan never moves on while a region's words are still in the air.
constexpr double kAfterScanLineSeconds = 2.0;

bool speaks(const PlannedStep& step) {
    return (step.kind == StepKind::Say || step.kind == StepKind::Scan ||
            step.kind == StepKind::Checkin || step.kind == StepKind::Breathe) &&
           !step.lines.empty();
}

/// A breathe step's lines start on their breath phases, and the step runs
/// the whole breaths they need (the sequencer follows the same rule live).
void anchorBreathLines(const Program& program, PlannedStep& step, std::vector<SpokenLine>& lines,
                       double rate) {
    std::vector<std::int64_t> frames;
    for (const SpokenLine& line : lines) frames.push_back(line.lengthFramesAt(rate));
    const PaceLaw law{step.paceBpm, step.rampToBpm, step.rampSeconds};
    const auto layout =
        detail::anchoredLineLayout(program.patterns[static_cast<std::size_t>(step.pattern)], rate,
                                   law, step.writtenCycles, step.lineAnchors, frames);
    for (std::size_t i = 0; i < layout.onsets.size(); ++i) lines[i].offsetFrames = layout.onsets[i];
    step.cycles = layout.cycles;
    step.lengthSeconds = law.secondsFor(step.cycles);
}

std::int64_t framesFor(double seconds, double rate) {
    return std::llround(seconds * rate);
}

/// Frames the step lasts once its lines are rendered.
std::int64_t spokenStepFrames(const PlannedStep& step, std::int64_t spokenEnd, double rate) {
    switch (step.kind) {
        case StepKind::Say:
            return spokenEnd + framesFor(kAfterSayLineSeconds, rate);
        case StepKind::Checkin:
            return spokenEnd + framesFor(step.waitSeconds, rate);
        default:
            return spokenEnd;
    }
}

std::string placeOf(const Program& program, SourcePos pos) {
    return program.sourcePath + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

/// The voice pack the settings or the session name (the settings win), or
/// nullopt: none named, or `error` set when it cannot be loaded.
std::optional<narration::VoicePack> voicePackFor(const Program& program,
                                                 const NarrationSettings& settings,
                                                 std::string& error) {
    const VoiceSettings& voice = program.sound.voice;
    if (settings.voicePack.empty() && voice.pack.empty()) return std::nullopt;
    if (!settings.voicePack.empty()) return narration::loadVoicePack(settings.voicePack, error);
    // As written in the session: relative to the session file's folder.
    const auto folder = std::filesystem::path(program.sourcePath).parent_path() / voice.pack;
    auto pack = narration::loadVoicePack(folder.string(), error);
    if (!pack) error = placeOf(program, voice.packPos) + ": " + error;
    return pack;
}

/// The pack's clip for a line id, or null (no pack, no id, or no clip for it).
const narration::VoicePackClip* recordingOf(const std::optional<narration::VoicePack>& pack,
                                            const std::string& id) {
    if (!pack || id.empty()) return nullptr;
    const auto found = pack->lines.find(id);
    return found == pack->lines.end() ? nullptr : &found->second;
}

/// A step's recorded line, leveled like a synthesised one.
std::optional<SpeechClip> recordedLine(const narration::VoicePackClip& clip, const std::string& id,
                                       const NarrationSettings& settings, std::string& error) {
    auto audio = narration::readClipFile(clip.path, settings.sampleRate, error);
    if (!audio) {
        error += " (line '" + id + "' at " + clip.manifestPlace + ")";
        return std::nullopt;
    }
    narration::levelSpeech(audio->samples, audio->sampleRate, settings.speechLufs);
    return narration::compactClip(audio->samples, audio->sampleRate);
}

/// One warning for every line a pack lacks (the built-in grounding's lines,
/// which have no ids, named once), or empty when it lacks none.
std::string missingClipsWarning(const Program& program, const std::string& packName,
                                const std::vector<std::string>& lines, int builtInLines) {
    const std::size_t count = lines.size() + static_cast<std::size_t>(builtInLines);
    if (count == 0) return {};
    std::string warning = program.sourcePath + ": voice pack '" + packName + "' has no clip for " +
                          std::to_string(count) + " line(s); the synthesiser speaks them: ";
    for (std::size_t i = 0; i < lines.size(); ++i) warning += (i > 0 ? ", " : "") + lines[i];
    if (builtInLines > 0)
        warning += std::string(lines.empty() ? "" : ", ") + "the built-in grounding (" +
                   std::to_string(builtInLines) + " lines)";
    return warning;
}

}  // namespace

std::string narrationCacheDirectory(const NarrationSettings& settings) {
    if (!settings.cacheDirectory.empty()) return settings.cacheDirectory;
    namespace fs = std::filesystem;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg == '/')
        return (fs::path(xdg) / "stillpoint").string();
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
        return (fs::path(home) / ".cache" / "stillpoint").string();
    return (fs::temp_directory_path() / "stillpoint-cache").string();
}

namespace {

/// A report of a failure caused by the input (a voice, a clip, a pack).
NarrationReport badInput(std::string error) {
    NarrationReport report;
    report.ok = false;
    report.badInput = true;
    report.error = std::move(error);
    return report;
}

}  // namespace

NarrationReport narrateProgram(Program& program, const NarrationSettings& settings) {
    if (const Diagnostics wrongVoices = checkVoices(program); !wrongVoices.empty())
        return badInput(wrongVoices.front().format());
    NarrationReport report;
    narration::SpeechEngines synthesizer;
    const narration::ClipCache cache(narrationCacheDirectory(settings));
    narration::LineRenderer renderer(synthesizer, settings.useCache ? &cache : nullptr);

    auto spoken = std::make_shared<Narration>();
    const double rate = settings.sampleRate;
    spoken->sampleRate = rate;
    spoken->steps.resize(program.steps.size());
    narration::LineRequest request;
    request.speechLufs = settings.speechLufs;

    std::string packError;
    const auto pack = voicePackFor(program, settings, packError);
    if (!packError.empty()) return badInput(packError);
    std::vector<std::string> unrecorded;  // lines the pack has no clip for
    int unrecordedBuiltIn = 0;            // of those, lines of the built-in grounding

    // The grounding section comes last, so its lines are made after the session's own.
    const std::size_t narrated = settings.narrateGrounding
                                     ? program.steps.size()
                                     : static_cast<std::size_t>(program.flowStepCount());
    for (std::size_t i = 0; i < narrated; ++i) {
        PlannedStep& step = program.steps[i];
        if (!speaks(step)) continue;
        auto& lines = spoken->steps[i];
        std::int64_t at = 0;
        for (std::size_t n = 0; n < step.lines.size(); ++n) {
            const std::string& text = step.lines[n];
            const std::string id = n < step.lineIds.size() ? step.lineIds[n] : std::string();
            std::string error;
            std::optional<SpeechClip> clip;
            if (const auto* recorded = recordingOf(pack, id)) {
                clip = recordedLine(*recorded, id, settings, error);
                if (!clip) return badInput(error);
                ++report.linesRecorded;
            } else {
                if (pack && step.pos.line == 0)
                    ++unrecordedBuiltIn;
                else if (pack)
                    unrecorded.push_back(
                        (id.empty() ? "\"" + detail::captionText(text) + "\"" : id) + " (line " +
                        std::to_string(step.pos.line) + ")");
                request.text = text;
                if (auto voice = narration::voiceRequestFor(program.sound.voice, step.voice,
                                                            program.language, error))
                    request.voice = std::move(*voice);
                else
                    return badInput(placeOf(program, step.pos) + ": " + error);
                clip = renderer.render(request, error);
                if (!clip) {
                    report.ok = false;
                    report.error = placeOf(program, step.pos) + ": " + error;
                    return report;
                }
            }
            SpokenLine line{detail::captionText(text), at, std::move(*clip)};
            const std::int64_t length = line.lengthFramesAt(rate);
            at += step.kind == StepKind::Scan
                      ? std::max(framesFor(step.regionSeconds, rate),
                                 length + framesFor(kAfterScanLineSeconds, rate))
                      : length;
            lines.push_back(std::move(line));
        }
        if (step.kind == StepKind::Breathe) {
            anchorBreathLines(program, step, lines, rate);
            continue;
        }
        step.lengthSeconds = static_cast<double>(spokenStepFrames(step, at, rate)) / rate;
    }
    retimeProgram(program);
    program.narration = std::move(spoken);
    program.silentSpeechSteps.clear();
    if (pack)
        report.warning = missingClipsWarning(program, pack->name, unrecorded, unrecordedBuiltIn);
    report.linesRendered = renderer.rendered();
    report.cacheHits = renderer.cacheHits();
    report.damagedCacheEntries = renderer.damagedEntries();
    if (settings.useCache) cache.trim(narration::cacheLimitBytes(settings.cacheMaxBytes));
    return report;
}

}  // namespace stillpoint
