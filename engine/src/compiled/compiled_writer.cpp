// encodeCompiledSession: a compiled session to session.json and clips.pcm.
// Numbers are written to round-trip exactly (nlohmann/json's shortest form),
// so the program read back is the program written, bit for bit.
#include <nlohmann/json.hpp>

#include "compiled/compiled_names.hpp"
#include "stillpoint/compiled_session.hpp"

namespace stillpoint {
namespace {

using nlohmann::json;
using namespace compiled;

json positionJson(const SourcePos& pos) {
    return json::array({pos.line, pos.column});
}

json soundJson(const SoundSettings& sound) {
    json out = {{"pattern", sound.pattern},
                {"tone", nameOf(kToneTimbres, sound.tone)},
                {"bed", nameOf(kBedKinds, sound.bed)}};
    const LayerVolumes& v = sound.volumes;
    out["volumes"] = {{"tone", v.tone},   {"bed", v.bed},           {"bells", v.bells},
                      {"voice", v.voice}, {"binaural", v.binaural}, {"isochronic", v.isochronic}};
    if (sound.binaural)
        out["binaural"] = {{"carrierHz", sound.binaural->carrierHz},
                           {"beatHz", sound.binaural->beatHz}};
    if (sound.isochronic)
        out["isochronic"] = {{"carrierHz", sound.isochronic->carrierHz},
                             {"rateHz", sound.isochronic->rateHz}};
    return out;
}

json patternJson(const BreathPattern& pattern) {
    json segments = json::array();
    for (const PhaseSegment& segment : pattern.segments)
        segments.push_back(
            {nameOf(kBreathPhases, segment.phase), segment.seconds, segment.endFullness});
    return {{"name", pattern.name}, {"segments", std::move(segments)}};
}

json stepJson(const PlannedStep& step) {
    json out = {{"kind", nameOf(kStepKinds, step.kind)},
                {"section", step.section},
                {"pos", positionJson(step.pos)},
                {"startSeconds", step.startSeconds},
                {"lengthSeconds", step.lengthSeconds}};
    switch (step.kind) {
        case StepKind::Breathe: {
            out["pattern"] = step.pattern;
            out["cycles"] = step.cycles;
            out["writtenCycles"] = step.writtenCycles;
            out["paceBpm"] = step.paceBpm;
            out["rampToBpm"] = step.rampToBpm;
            out["rampSeconds"] = step.rampSeconds;
            out["resonancePace"] = step.resonancePace;
            out["tone"] = nameOf(kToneTimbres, step.tone);
            json anchors = json::array();
            for (BreathPhase phase : step.lineAnchors)
                anchors.push_back(nameOf(kBreathPhases, phase));
            out["lineAnchors"] = std::move(anchors);
            break;
        }
        case StepKind::Bell:
            out["bell"] = nameOf(kBellKinds, step.bell);
            break;
        case StepKind::Scan:
            out["regionSeconds"] = step.regionSeconds;
            break;
        case StepKind::Checkin:
            out["waitSeconds"] = step.waitSeconds;
            break;
        case StepKind::Pause:
        case StepKind::Say:
            break;
    }
    out["lines"] = step.lines;
    out["lineIds"] = step.lineIds;
    return out;
}

void appendLittleEndian(std::vector<std::uint8_t>& bytes,
                        const std::vector<std::int16_t>& samples) {
    bytes.reserve(bytes.size() + samples.size() * 2);
    for (std::int16_t sample : samples) {
        const auto bits = static_cast<std::uint16_t>(sample);
        bytes.push_back(static_cast<std::uint8_t>(bits & 0xff));
        bytes.push_back(static_cast<std::uint8_t>(bits >> 8));
    }
}

json narrationJson(const Narration& narration, std::vector<std::uint8_t>& clips) {
    json steps = json::array();
    for (const auto& lines : narration.steps) {
        json stepLines = json::array();
        for (const SpokenLine& line : lines) {
            json rests = json::array();
            for (const LineRest& rest : line.clip.rests)
                rests.push_back({rest.atSample, rest.frames});
            stepLines.push_back({{"caption", line.caption},
                                 {"offsetFrames", line.offsetFrames},
                                 {"clipRate", line.clip.sampleRate},
                                 {"gain", line.clip.gain},
                                 {"firstSample", clips.size() / 2},
                                 {"samples", line.clip.samples.size()},
                                 {"rests", std::move(rests)}});
            appendLittleEndian(clips, line.clip.samples);
        }
        steps.push_back(std::move(stepLines));
    }
    return {{"sampleRate", narration.sampleRate}, {"steps", std::move(steps)}};
}

}  // namespace

CompiledFiles encodeCompiledSession(const CompiledSession& session) {
    CompiledFiles files;
    const Program& program = *session.program;
    json patterns = json::array(), sections = json::array(), steps = json::array();
    for (const BreathPattern& pattern : program.patterns) patterns.push_back(patternJson(pattern));
    for (const PlannedSection& section : program.sections)
        sections.push_back({{"name", section.name},
                            {"firstStep", section.firstStep},
                            {"stepCount", section.stepCount},
                            {"startSeconds", section.startSeconds}});
    for (const PlannedStep& step : program.steps) steps.push_back(stepJson(step));

    json out = {{"format", kCompiledFormatName},
                {"version", kCompiledFormatVersion},
                {"sampleRate", session.sampleRate},
                {"channels", session.channels},
                {"loudness",
                 {{"targetLufs", session.targetLufs},
                  {"truePeakCeilingDb", session.truePeakCeilingDb},
                  {"masterGainDb", session.masterGainDb},
                  {"voiceTrimDb", session.voiceTrimDb}}},
                {"title", program.title},
                {"language", nameOf(kLanguages, program.language)},
                {"sound", soundJson(program.sound)},
                {"patterns", std::move(patterns)},
                {"sections", std::move(sections)},
                {"steps", std::move(steps)},
                {"lengthSeconds", program.lengthSeconds},
                {"groundingSection", program.groundingSection},
                {"silentSpeechSteps", program.silentSpeechSteps}};
    out["narration"] =
        program.narration ? narrationJson(*program.narration, files.clips) : json(nullptr);
    files.programJson = out.dump(1) + '\n';
    return files;
}

}  // namespace stillpoint
