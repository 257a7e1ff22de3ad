#include "prepare/opening_calibration.hpp"

#include <algorithm>

#include "dsp/random.hpp"
#include "narration/compact_clip.hpp"
#include "narration/speech_level.hpp"
#include "session/speech_markup.hpp"

namespace stillpoint::prepare {
namespace {

constexpr double kStandInRate = 16000.0;  // a synthesised voice's own rate

/// A line's stand-in, shaped as the line renderer shapes a real one: noise
/// for each sentence's words, the markup's rests between them as rests, the
/// whole levelled to the speech loudness.
SpeechClip standInLine(const std::string& text, double speechLufs, std::uint32_t seed) {
    dsp::Xorshift32 noise(seed);
    std::vector<float> samples;
    std::vector<LineRest> rests;
    const auto segments = detail::splitSpeech(text);
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const auto words =
            static_cast<std::size_t>(detail::wordsSeconds(segments[i].words) * kStandInRate);
        for (std::size_t n = 0; n < words; ++n) samples.push_back(noise.nextBipolar());
        const auto rest = std::llround(segments[i].restSeconds * kStandInRate);
        if (i + 1 < segments.size() && rest > 0)
            rests.push_back({static_cast<std::int64_t>(samples.size()), rest});
    }
    if (samples.empty()) samples.assign(static_cast<std::size_t>(kStandInRate / 2), 0.0f);
    narration::levelSpeech(samples, kStandInRate, speechLufs);
    return narration::compactClip(samples, kStandInRate, std::move(rests));
}

/// The flow's steps that start within `seconds`, each section cut to them.
Program openingOf(const Program& planned, double seconds) {
    Program opening = planned;
    int steps = 0;
    while (steps < planned.flowStepCount() &&
           planned.steps[static_cast<std::size_t>(steps)].startSeconds < seconds)
        ++steps;
    opening.steps.resize(static_cast<std::size_t>(std::max(steps, 1)));
    opening.groundingSection = -1;
    std::erase_if(opening.sections, [&](const PlannedSection& s) { return s.firstStep >= steps; });
    for (auto& section : opening.sections)
        section.stepCount = std::min(section.stepCount, steps - section.firstStep);
    return opening;
}

}  // namespace

Calibration openingCalibration(const Program& planned, const EngineConfig& config,
                               double speechLufs, double seconds) {
    Program opening = openingOf(planned, seconds);
    auto voice = std::make_shared<Narration>();
    voice->sampleRate = config.sampleRate;
    voice->steps.resize(opening.steps.size());
    std::uint32_t seed = 1;
    for (std::size_t i = 0; i < opening.steps.size(); ++i) {
        const PlannedStep& step = opening.steps[i];
        // Breathe steps' lines sit on breath phases; their breath tone is the
        // opening's character, the words a small part: they keep the planned estimate only.
        if (!speaks(step) || step.kind == StepKind::Breathe) continue;
        std::int64_t at = 0;
        for (const std::string& text : step.lines) {
            SpokenLine line{text, at, standInLine(text, speechLufs, seed++)};
            const std::int64_t length = line.lengthFramesAt(config.sampleRate);
            at += step.kind == StepKind::Scan
                      ? std::max<std::int64_t>(std::llround(step.regionSeconds * config.sampleRate),
                                               length)
                      : length;
            voice->steps[i].push_back(std::move(line));
        }
    }
    opening.narration = std::move(voice);
    opening.pendingSpeechFrom = INT_MAX;
    retimeProgram(opening);
    return calibrateProgram(opening, config, kMaxCalibrationCutDb, kMaxCalibrationBoostDb);
}

}  // namespace stillpoint::prepare
