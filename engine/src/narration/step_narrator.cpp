#include "narration/step_narrator.hpp"

#include <cmath>
#include <filesystem>

#include "narration/clip_file.hpp"
#include "narration/compact_clip.hpp"
#include "narration/speech_level.hpp"
#include "narration/voice_choice.hpp"
#include "session/anchored_lines.hpp"
#include "session/speech_markup.hpp"
#include "stillpoint/pace_law.hpp"

namespace stillpoint::narration {
namespace {

// The voice's breath after a `say` line before the next step begins.
constexpr double kAfterSayLineSeconds = 1.0;
// A scan never moves on while a region's words are still in the air.
constexpr double kAfterScanLineSeconds = 2.0;

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
std::optional<VoicePack> voicePackFor(const Program& program, const NarrationSettings& settings,
                                      std::string& error) {
    const VoiceSettings& voice = program.sound.voice;
    if (settings.voicePack.empty() && voice.pack.empty()) return std::nullopt;
    if (!settings.voicePack.empty()) return loadVoicePack(settings.voicePack, error);
    // As written in the session: relative to the session file's folder.
    const auto folder = std::filesystem::path(program.sourcePath).parent_path() / voice.pack;
    auto pack = loadVoicePack(folder.string(), error);
    if (!pack) error = placeOf(program, voice.packPos) + ": " + error;
    return pack;
}

/// The pack's clip for a line id, or null (no pack, no id, or no clip for it).
const VoicePackClip* recordingOf(const std::optional<VoicePack>& pack, const std::string& id) {
    if (!pack || id.empty()) return nullptr;
    const auto found = pack->lines.find(id);
    return found == pack->lines.end() ? nullptr : &found->second;
}

/// A step's recorded line, leveled like a synthesised one.
std::optional<SpeechClip> recordedLine(const VoicePackClip& clip, const std::string& id,
                                       const NarrationSettings& settings, std::string& error) {
    auto audio = readClipFile(clip.path, settings.sampleRate, error);
    if (!audio) {
        error += " (line '" + id + "' at " + clip.manifestPlace + ")";
        return std::nullopt;
    }
    levelSpeech(audio->samples, audio->sampleRate, settings.speechLufs);
    return compactClip(audio->samples, audio->sampleRate);
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

/// A failure caused by the input (a voice, a clip, a pack).
bool failBadInput(NarrationReport& report, std::string error) {
    report.ok = false;
    report.badInput = true;
    report.error = std::move(error);
    return false;
}

}  // namespace

StepNarrator::StepNarrator(const Program& program, const NarrationSettings& settings)
    : settings_(settings),
      cache_(narrationCacheDirectory(settings)),
      renderer_(synthesizer_, settings.useCache ? &cache_ : nullptr) {
    if (const Diagnostics wrongVoices = checkVoices(program); !wrongVoices.empty()) {
        failBadInput(setup_, wrongVoices.front().format());
        return;
    }
    std::string packError;
    pack_ = voicePackFor(program, settings, packError);
    if (!packError.empty()) failBadInput(setup_, packError);
}

bool StepNarrator::narrateStep(Program& program, std::size_t index, std::vector<SpokenLine>& lines,
                               NarrationReport& report, const std::function<bool()>& onLine) {
    PlannedStep& step = program.steps[index];
    const double rate = settings_.sampleRate;
    LineRequest request;
    request.speechLufs = settings_.speechLufs;
    std::int64_t at = 0;
    for (std::size_t n = 0; n < step.lines.size(); ++n) {
        const std::string& text = step.lines[n];
        const std::string id = n < step.lineIds.size() ? step.lineIds[n] : std::string();
        std::string error;
        std::optional<SpeechClip> clip;
        if (const auto* recorded = recordingOf(pack_, id)) {
            clip = recordedLine(*recorded, id, settings_, error);
            if (!clip) return failBadInput(report, error);
            ++recorded_;
        } else {
            if (pack_ && step.pos.line == 0)
                ++unrecordedBuiltIn_;
            else if (pack_)
                unrecorded_.push_back((id.empty() ? "\"" + detail::captionText(text) + "\"" : id) +
                                      " (line " + std::to_string(step.pos.line) + ")");
            request.text = text;
            if (auto voice =
                    voiceRequestFor(program.sound.voice, step.voice, program.language, error))
                request.voice = std::move(*voice);
            else
                return failBadInput(report, placeOf(program, step.pos) + ": " + error);
            clip = renderer_.render(request, error);
            if (!clip) {
                report.ok = false;
                report.error = placeOf(program, step.pos) + ": " + error;
                return false;
            }
        }
        SpokenLine line{detail::captionText(text), at, std::move(*clip)};
        const std::int64_t length = line.lengthFramesAt(rate);
        at += step.kind == StepKind::Scan
                  ? std::max(framesFor(step.regionSeconds, rate),
                             length + framesFor(kAfterScanLineSeconds, rate))
                  : length;
        lines.push_back(std::move(line));
        if (onLine && !onLine()) {
            report.ok = false;
            report.error = "stopped";
            return false;
        }
    }
    if (step.kind == StepKind::Breathe)
        anchorBreathLines(program, step, lines, rate);
    else
        step.lengthSeconds = static_cast<double>(spokenStepFrames(step, at, rate)) / rate;
    return true;
}

void StepNarrator::finish(const Program& program, NarrationReport& report) const {
    if (pack_)
        report.warning = missingClipsWarning(program, pack_->name, unrecorded_, unrecordedBuiltIn_);
    report.linesRecorded = recorded_;
    report.linesRendered = renderer_.rendered();
    report.cacheHits = renderer_.cacheHits();
    report.damagedCacheEntries = renderer_.damagedEntries();
    if (settings_.useCache) cache_.trim(cacheLimitBytes(settings_.cacheMaxBytes));
}

}  // namespace stillpoint::narration
