// decodeCompiledSession: session.json and its clip files' samples back to a
// playable Program. Every field is checked (type, range, indices into the
// program, clip samples inside their file), since the engine trusts the
// program it plays; the first problem is reported with the field's path.
#include <algorithm>
#include <cmath>
#include <limits>

#include "compiled/clip_files.hpp"
#include "compiled/compiled_names.hpp"
#include "compiled/field_reader.hpp"
#include "compiled/json_document.hpp"
#include "compiled/sixteen_bit.hpp"
#include "stillpoint/compiled_session.hpp"
#include "stillpoint/pace_range.hpp"

namespace stillpoint {
namespace {

using nlohmann::json;
using namespace compiled;

constexpr double kLongest = 1e7;  // seconds: far beyond any session, short of overflow
constexpr std::int64_t kMostFrames = std::int64_t{1} << 40;

SoundSettings readSound(FieldReader& r, const json& object, const std::string& path) {
    SoundSettings sound;
    sound.pattern = r.text(object, path, "pattern");
    sound.tone = r.wordField<ToneTimbre>(object, path, "tone", kToneTimbres);
    sound.bed = r.wordField<BedKind>(object, path, "bed", kBedKinds);
    if (const json* volumes = r.field(object, path, "volumes")) {
        const std::string at = path + ".volumes";
        LayerVolumes& v = sound.volumes;
        v.tone = r.number(*volumes, at, "tone", -60.0, 6.0);
        v.bed = r.number(*volumes, at, "bed", -60.0, 6.0);
        v.bells = r.number(*volumes, at, "bells", -60.0, 6.0);
        v.voice = r.number(*volumes, at, "voice", -60.0, 6.0);
        v.binaural = r.number(*volumes, at, "binaural", -60.0, 6.0);
        v.isochronic = r.number(*volumes, at, "isochronic", -60.0, 6.0);
    }
    if (const json* beat = r.field(object, path, "binaural", false))
        sound.binaural =
            BinauralBeat{r.number(*beat, path + ".binaural", "carrierHz", 40.0, 1000.0),
                         r.number(*beat, path + ".binaural", "beatHz", 0.5, 40.0)};
    if (const json* pulse = r.field(object, path, "isochronic", false))
        sound.isochronic =
            IsochronicPulse{r.number(*pulse, path + ".isochronic", "carrierHz", 40.0, 1000.0),
                            r.number(*pulse, path + ".isochronic", "rateHz", 0.5, 40.0)};
    return sound;
}

BreathPattern readPattern(FieldReader& r, const json& object, const std::string& path) {
    BreathPattern pattern;
    pattern.name = r.text(object, path, "name");
    const json& segments = r.array(object, path, "segments");
    double cycle = 0.0;
    for (std::size_t i = 0; i < segments.size() && r.ok(); ++i) {
        const std::string at = indexed(path + ".segments", i);
        const json& segment = segments[i];
        if (!segment.is_array() || segment.size() != 3) {
            r.fail(at, "expected [phase, seconds, fullness]");
            break;
        }
        PhaseSegment out;
        out.phase = r.word<BreathPhase>(segment[0], at + "[0]", kBreathPhases);
        out.seconds = r.numberValue(segment[1], at + "[1]", 0.0, 600.0);
        out.endFullness = static_cast<float>(r.numberValue(segment[2], at + "[2]", 0.0, 1.0));
        cycle += out.seconds;
        pattern.segments.push_back(out);
    }
    if (r.ok() && !(cycle > 0.0)) r.fail(path + ".segments", "a breath cycle must last some time");
    return pattern;
}

PlannedStep readStep(FieldReader& r, const json& object, const std::string& path,
                     const Program& program) {
    PlannedStep step;
    step.kind = r.wordField<StepKind>(object, path, "kind", kStepKinds);
    step.section = static_cast<int>(r.integer(
        object, path, "section", 0, static_cast<std::int64_t>(program.sections.size()) - 1));
    if (const json* pos = r.field(object, path, "pos");
        pos && pos->is_array() && pos->size() == 2) {
        step.pos.line = static_cast<int>(r.integerValue((*pos)[0], path + ".pos[0]", 0, INT_MAX));
        step.pos.column = static_cast<int>(r.integerValue((*pos)[1], path + ".pos[1]", 0, INT_MAX));
    } else if (pos) {
        r.fail(path + ".pos", "expected [line, column]");
    }
    step.startSeconds = r.number(object, path, "startSeconds", 0.0, kLongest);
    step.lengthSeconds = r.number(object, path, "lengthSeconds", 0.0, kLongest);
    switch (step.kind) {
        case StepKind::Breathe: {
            step.pattern =
                static_cast<int>(r.integer(object, path, "pattern", 0,
                                           static_cast<std::int64_t>(program.patterns.size()) - 1));
            step.cycles = static_cast<int>(r.integer(object, path, "cycles", 0, 1'000'000));
            step.writtenCycles =
                static_cast<int>(r.integer(object, path, "writtenCycles", 0, 1'000'000));
            // The engine's own pace bounds: a breath never stalls or races.
            step.paceBpm = r.number(object, path, "paceBpm", kEnginePaceRange.lowestBpm,
                                    kEnginePaceRange.highestBpm);
            step.rampToBpm = r.number(object, path, "rampToBpm", kEnginePaceRange.lowestBpm,
                                      kEnginePaceRange.highestBpm);
            step.rampSeconds = r.number(object, path, "rampSeconds", 0.0, kLongest);
            step.resonancePace = r.flag(object, path, "resonancePace");
            step.tone = r.wordField<ToneTimbre>(object, path, "tone", kToneTimbres);
            const json& anchors = r.array(object, path, "lineAnchors");
            for (std::size_t i = 0; i < anchors.size() && r.ok(); ++i)
                step.lineAnchors.push_back(r.word<BreathPhase>(
                    anchors[i], indexed(path + ".lineAnchors", i), kBreathPhases));
            break;
        }
        case StepKind::Bell:
            step.bell = r.wordField<BellKind>(object, path, "bell", kBellKinds);
            break;
        case StepKind::Scan:
            step.regionSeconds = r.number(object, path, "regionSeconds", 0.0, kLongest);
            break;
        case StepKind::Checkin:
            step.waitSeconds = r.number(object, path, "waitSeconds", 0.0, kLongest);
            break;
        case StepKind::Pause:
        case StepKind::Say:
            break;
    }
    step.lines = r.strings(object, path, "lines");
    step.lineIds = r.strings(object, path, "lineIds");
    if (r.ok() && step.kind == StepKind::Breathe && step.lineAnchors.size() != step.lines.size())
        r.fail(path + ".lineAnchors",
               "expected one anchor per line (" + std::to_string(step.lines.size()) + ")");
    return step;
}

/// The clip files' samples, one file after another, and where each file starts.
struct ClipStore {
    std::span<const std::uint8_t> bytes;
    std::vector<CompiledClipFile> files;
};

SpokenLine readLine(FieldReader& r, const json& object, const std::string& path,
                    const ClipStore& clips) {
    SpokenLine line;
    line.caption = r.text(object, path, "caption");
    line.offsetFrames = r.integer(object, path, "offsetFrames", 0, kMostFrames);
    line.clip.sampleRate = r.number(object, path, "clipRate", 1000.0, 384000.0);
    line.clip.gain = static_cast<float>(r.number(object, path, "gain", 0.0, 1e3));
    const auto fileIndex = static_cast<std::size_t>(
        r.integer(object, path, "clipFile", 0, static_cast<std::int64_t>(clips.files.size()) - 1));
    if (!r.ok()) return line;
    const CompiledClipFile& file = clips.files[fileIndex];
    if (file.sampleRate != 0 && line.clip.sampleRate != file.sampleRate)
        r.fail(join(path, "clipRate"), shortest(line.clip.sampleRate) + " Hz, but its file " +
                                           file.name + " is at " + std::to_string(file.sampleRate) +
                                           " Hz; compile the session again");
    const std::int64_t first = r.integer(object, path, "firstSample", 0, file.samples);
    const std::int64_t count = r.integer(object, path, "samples", 0, file.samples - first);
    if (!r.ok()) return line;
    line.clip.samples.resize(static_cast<std::size_t>(count));
    for (std::int64_t i = 0; i < count; ++i)
        line.clip.samples[static_cast<std::size_t>(i)] =
            sixteenBitAt(clips.bytes, static_cast<std::size_t>(file.firstSample + first + i));
    const json& rests = r.array(object, path, "rests");
    std::int64_t previous = 0;
    for (std::size_t i = 0; i < rests.size() && r.ok(); ++i) {
        const std::string at = indexed(path + ".rests", i);
        if (!rests[i].is_array() || rests[i].size() != 2) {
            r.fail(at, "expected [atSample, frames]");
            break;
        }
        LineRest rest;
        rest.atSample = r.integerValue(rests[i][0], at + "[0]", previous, count);
        rest.frames = r.integerValue(rests[i][1], at + "[1]", 0, kMostFrames);
        previous = rest.atSample;
        line.clip.rests.push_back(rest);
    }
    return line;
}

std::shared_ptr<const Narration> readNarration(FieldReader& r, const json& object,
                                               std::size_t stepCount, const ClipStore& clips) {
    auto narration = std::make_shared<Narration>();
    narration->sampleRate = r.number(object, "narration", "sampleRate", 1000.0, 384000.0);
    const json& steps = r.array(object, "narration", "steps");
    if (r.ok() && steps.size() != stepCount)
        r.fail("narration.steps",
               "expected one entry per step (" + std::to_string(stepCount) + ")");
    for (std::size_t s = 0; s < steps.size() && r.ok(); ++s) {
        const std::string at = indexed("narration.steps", s);
        if (!steps[s].is_array()) {
            r.fail(at, "expected an array of lines");
            break;
        }
        std::vector<SpokenLine> lines;
        for (std::size_t i = 0; i < steps[s].size() && r.ok(); ++i)
            lines.push_back(readLine(r, steps[s][i], indexed(at, i), clips));
        narration->steps.push_back(std::move(lines));
    }
    return narration;
}

void readProgram(FieldReader& r, const json& root, Program& program, const ClipStore& clips) {
    program.title = r.text(root, "", "title");
    program.language = r.wordField<Language>(root, "", "language", kLanguages);
    if (const json* sound = r.field(root, "", "sound"))
        program.sound = readSound(r, *sound, "sound");
    const json& patterns = r.array(root, "", "patterns");
    for (std::size_t i = 0; i < patterns.size() && r.ok(); ++i)
        program.patterns.push_back(readPattern(r, patterns[i], indexed("patterns", i)));
    const json& sections = r.array(root, "", "sections");
    const json& steps = r.array(root, "", "steps");
    const auto stepCount = static_cast<std::int64_t>(steps.size());
    for (std::size_t i = 0; i < sections.size() && r.ok(); ++i) {
        const std::string at = indexed("sections", i);
        PlannedSection section;
        section.name = r.text(sections[i], at, "name");
        section.firstStep = static_cast<int>(r.integer(sections[i], at, "firstStep", 0, stepCount));
        section.stepCount = static_cast<int>(
            r.integer(sections[i], at, "stepCount", 0, stepCount - section.firstStep));
        section.startSeconds = r.number(sections[i], at, "startSeconds", 0.0, kLongest);
        program.sections.push_back(std::move(section));
    }
    for (std::size_t i = 0; i < steps.size() && r.ok(); ++i)
        program.steps.push_back(readStep(r, steps[i], indexed("steps", i), program));
    program.lengthSeconds = r.number(root, "", "lengthSeconds", 0.0, kLongest);
    program.groundingSection = static_cast<int>(r.integer(
        root, "", "groundingSection", -1, static_cast<std::int64_t>(program.sections.size()) - 1));
    const json& silent = r.array(root, "", "silentSpeechSteps");
    for (std::size_t i = 0; i < silent.size() && r.ok(); ++i)
        program.silentSpeechSteps.push_back(static_cast<int>(
            r.integerValue(silent[i], indexed("silentSpeechSteps", i), 0, stepCount - 1)));
    if (const json* narration = r.field(root, "", "narration"); narration && !narration->is_null())
        program.narration = readNarration(r, *narration, program.steps.size(), clips);
}

}  // namespace

namespace compiled {

std::vector<CompiledClipFile> readClipFiles(FieldReader& r, const json& root) {
    std::vector<CompiledClipFile> files;
    const json& entries = r.array(root, "", "clips");
    std::int64_t firstSample = 0;
    for (std::size_t i = 0; i < entries.size() && r.ok(); ++i) {
        const std::string at = indexed("clips", i);
        CompiledClipFile file;
        file.name = r.text(entries[i], at, "file");
        // A plain name beside session.json: never a path out of the folder.
        if (r.ok() && (file.name.empty() || file.name.front() == '.' ||
                       file.name.find_first_of("/\\") != std::string::npos))
            r.fail(join(at, "file"), "\"" + file.name +
                                         "\" is not a file name beside session.json; compile "
                                         "the session again");
        file.encoding = r.wordField<ClipEncoding>(entries[i], at, "encoding", kClipEncodings);
        file.samples = r.integer(entries[i], at, "samples", 0, kMostFrames);
        if (r.ok() && file.encoding != ClipEncoding::Pcm)
            file.sampleRate =
                static_cast<int>(r.integer(entries[i], at, "sampleRate", 1000, 384000));
        file.firstSample = firstSample;
        firstSample += file.samples;
        files.push_back(std::move(file));
    }
    return files;
}

std::string shortClipFile(const CompiledClipFile& file, std::int64_t holds) {
    return std::to_string(file.samples) + " samples, but " + file.name + " holds " +
           std::to_string(holds) + "; compile the session again";
}

}  // namespace compiled

CompiledReadResult decodeCompiledSession(std::string_view programJson,
                                         std::span<const std::uint8_t> clips,
                                         std::string_view name) {
    CompiledReadResult result;
    const std::string file(name);
    JsonDocument document = parseJsonDocument(programJson);
    if (!document.value) {
        result.error = file + ":" + document.error;
        return result;
    }
    const json& root = *document.value;
    FieldReader r;
    if (root.is_object() && root.value("format", "") != kCompiledFormatName) {
        result.error = file + ": not a compiled Stillpoint session (its \"format\" is not \"" +
                       std::string(kCompiledFormatName) +
                       "\"); write one with `stillpoint compile`";
        return result;
    }
    const auto version = r.integer(root, "", "version", 1, 1'000'000);
    if (r.ok() && version != kCompiledFormatVersion) {
        result.error = file + ": compiled with format version " + std::to_string(version) +
                       ", this engine reads version " + std::to_string(kCompiledFormatVersion) +
                       "; compile the session again with this version's `stillpoint compile`";
        return result;
    }
    if (clips.size() % 2 != 0) {
        result.error = file +
                       ": the clips have an odd number of bytes; they hold 16-bit "
                       "samples: compile again";
        return result;
    }
    ClipStore store{clips, readClipFiles(r, root)};
    const auto available = static_cast<std::int64_t>(clips.size() / 2);
    for (std::size_t i = 0; i < store.files.size() && r.ok(); ++i) {
        const CompiledClipFile& clipFile = store.files[i];
        if (clipFile.firstSample + clipFile.samples > available)
            r.fail(indexed("clips", i) + ".samples",
                   shortClipFile(clipFile,
                                 std::max<std::int64_t>(available - clipFile.firstSample, 0)));
    }
    CompiledSession session;
    session.sampleRate = r.number(root, "", "sampleRate", 8000.0, 384000.0);
    session.channels = static_cast<int>(r.integer(root, "", "channels", 1, 2));
    if (const json* loudness = r.field(root, "", "loudness")) {
        session.targetLufs = r.number(*loudness, "loudness", "targetLufs", -70.0, 0.0);
        session.truePeakCeilingDb =
            r.number(*loudness, "loudness", "truePeakCeilingDb", -20.0, 0.0);
        session.masterGainDb = r.number(*loudness, "loudness", "masterGainDb", -100.0, 100.0);
        session.voiceTrimDb = r.number(*loudness, "loudness", "voiceTrimDb", 0.0, 100.0);
    }
    auto program = std::make_shared<Program>();
    if (r.ok()) readProgram(r, root, *program, store);
    if (!r.ok()) {
        result.error = file + ": " + r.error();
        return result;
    }
    session.program = std::move(program);
    result.session = std::move(session);
    return result;
}

}  // namespace stillpoint
