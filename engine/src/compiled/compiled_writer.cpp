// encodeCompiledSession: a compiled session to session.json and its clip
// files' samples. Numbers are written to round-trip exactly (nlohmann/json's
// shortest form), so the program read back is the program written, bit for bit.
#include <cmath>
#include <nlohmann/json.hpp>

#include "compiled/compiled_names.hpp"
#include "compiled/sixteen_bit.hpp"
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

/// The clip files and each clip's place in them: clips.pcm holds every
/// clip; FLAC and Opus have one file per rate (a stream has one rate), in
/// the order the rates are first heard.
class ClipPacker {
  public:
    explicit ClipPacker(ClipEncoding encoding) : encoding_(encoding) {}

    /// Adds `clip`; returns its file's index and its first sample there.
    std::pair<std::size_t, std::int64_t> add(const SpeechClip& clip) {
        const std::size_t file = fileFor(clip.sampleRate);
        const std::int64_t first = files_[file].samples;
        files_[file].samples += static_cast<std::int64_t>(clip.samples.size());
        bytes_[file].reserve(bytes_[file].size() + clip.samples.size() * 2);
        for (std::int16_t sample : clip.samples) appendSixteenBit(bytes_[file], sample);
        return {file, first};
    }

    json filesJson() const {
        json out = json::array();
        for (const CompiledClipFile& file : files_) {
            json entry = {{"file", file.name},
                          {"encoding", nameOf(kClipEncodings, file.encoding)},
                          {"samples", file.samples}};
            if (file.encoding != ClipEncoding::Pcm) entry["sampleRate"] = file.sampleRate;
            out.push_back(std::move(entry));
        }
        return out;
    }

    /// Moves the files and their samples, one file after another, into `out`.
    void finish(CompiledFiles& out) {
        for (std::size_t i = 0; i < files_.size(); ++i) {
            files_[i].firstSample = static_cast<std::int64_t>(out.clips.size() / 2);
            out.clips.insert(out.clips.end(), bytes_[i].begin(), bytes_[i].end());
        }
        out.clipFiles = std::move(files_);
    }

  private:
    std::size_t fileFor(double sampleRate) {
        const int rate =
            encoding_ != ClipEncoding::Pcm ? static_cast<int>(std::lround(sampleRate)) : 0;
        for (std::size_t i = 0; i < files_.size(); ++i)
            if (files_[i].sampleRate == rate) return i;
        CompiledClipFile file;
        file.encoding = encoding_;
        file.sampleRate = rate;
        file.name = encoding_ == ClipEncoding::Pcm
                        ? std::string(kCompiledClipsFile)
                        : "clips-" + std::to_string(rate) + "." +
                              std::string(nameOf(kClipEncodings, encoding_));
        files_.push_back(std::move(file));
        bytes_.emplace_back();
        return files_.size() - 1;
    }

    ClipEncoding encoding_;
    std::vector<CompiledClipFile> files_;
    std::vector<std::vector<std::uint8_t>> bytes_;
};

json narrationJson(const Narration& narration, ClipPacker& clips) {
    json steps = json::array();
    for (const auto& lines : narration.steps) {
        json stepLines = json::array();
        for (const SpokenLine& line : lines) {
            json rests = json::array();
            for (const LineRest& rest : line.clip.rests)
                rests.push_back({rest.atSample, rest.frames});
            const auto [file, first] = clips.add(line.clip);
            stepLines.push_back({{"caption", line.caption},
                                 {"offsetFrames", line.offsetFrames},
                                 {"clipRate", line.clip.sampleRate},
                                 {"gain", line.clip.gain},
                                 {"clipFile", file},
                                 {"firstSample", first},
                                 {"samples", line.clip.samples.size()},
                                 {"rests", std::move(rests)}});
        }
        steps.push_back(std::move(stepLines));
    }
    return {{"sampleRate", narration.sampleRate}, {"steps", std::move(steps)}};
}

}  // namespace

CompiledFiles encodeCompiledSession(const CompiledSession& session, ClipEncoding encoding) {
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
    ClipPacker clips(encoding);
    out["narration"] = program.narration ? narrationJson(*program.narration, clips) : json(nullptr);
    out["clips"] = clips.filesJson();
    clips.finish(files);
    files.programJson = out.dump(1) + '\n';
    return files;
}

}  // namespace stillpoint
