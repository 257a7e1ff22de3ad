#include "prepare/opening_calibration.hpp"

#include <algorithm>

#include "dsp/random.hpp"
#include "narration/compact_clip.hpp"
#include "narration/speech_level.hpp"

namespace stillpoint::prepare {
namespace {

constexpr double kStandInRate = 16000.0;  // a synthesised voice's own rate

/// Noise as long as `seconds`, at the loudness of a narrated line.
SpeechClip standInLine(double seconds, double speechLufs, std::uint32_t seed) {
    dsp::Xorshift32 noise(seed);
    std::vector<float> samples(static_cast<std::size_t>(std::max(seconds, 0.1) * kStandInRate));
    for (float& s : samples) s = noise.nextBipolar();
    narration::levelSpeech(samples, kStandInRate, speechLufs);
    return narration::compactClip(samples, kStandInRate);
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
        double at = 0.0;
        for (const std::string& text : step.lines) {
            const double length = estimateSpeechSeconds(text);
            voice->steps[i].push_back({text, std::llround(at * config.sampleRate),
                                       standInLine(length, speechLufs, seed++)});
            at += step.kind == StepKind::Scan ? std::max(step.regionSeconds, length) : length;
        }
    }
    opening.narration = std::move(voice);
    opening.pendingSpeechFrom = INT_MAX;
    retimeProgram(opening);
    return calibrateProgram(opening, config, kMaxCalibrationCutDb, kMaxCalibrationBoostDb);
}

}  // namespace stillpoint::prepare
