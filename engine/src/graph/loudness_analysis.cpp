#include "graph/loudness_analysis.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "dsp/denormal_guard.hpp"
#include "dsp/true_peak_limiter.hpp"
#include "graph/event_sink.hpp"
#include "graph/loudness_meter.hpp"
#include "graph/speech_anchored_balance.hpp"

namespace stillpoint {

double loudnessAnalysisRate(double outputRate) {
    const double divisor = std::max(1.0, std::round(outputRate / 24000.0));
    return outputRate / divisor;
}

namespace {

// Passes with the limiter to make up what it takes (see calibrateProgram).
constexpr int kLimiterMakeUpSteps = 2;

/// Where each line starts, in session samples at the analysis rate, and how long it lasts.
class LineSpanSink final : public EventSink {
  public:
    LineSpanSink(const Program& program, double rate) : program_(program), rate_(rate) {
        std::size_t lines = 0;
        if (program.narration)
            for (const auto& step : program.narration->steps) lines += step.size();
        spans_.reserve(lines);  // emit() must not allocate
    }
    void emit(const Event& event) noexcept override {
        if (event.type != EventType::LineSpoken || !program_.narration) return;
        const auto& steps = program_.narration->steps;
        const auto step = static_cast<std::size_t>(event.index);
        const auto line = static_cast<std::size_t>(event.value);
        if (step >= steps.size() || line >= steps[step].size() ||
            spans_.size() == spans_.capacity())
            return;
        const SpeechClip& clip = steps[step][line].clip;
        const double seconds = static_cast<double>(clip.lengthFrames()) / clip.sampleRate;
        // Whole sub-blocks inside the line only.
        const double subBlock = std::round(rate_ * 0.1);
        const double start = static_cast<double>(event.sessionSample);
        spans_.push_back({static_cast<long>(std::ceil(start / subBlock)),
                          static_cast<long>(std::floor((start + seconds * rate_) / subBlock))});
    }
    std::vector<SubBlockSpan> take() { return std::move(spans_); }

  private:
    const Program& program_;
    double rate_;
    std::vector<SubBlockSpan> spans_;
};

/// One part of the program as analysed: its 100 ms energies, and its sample peak.
struct PartMeasure {
    IntegratedLoudnessMeter meter;
    float peak = 0.0f;
};

/// How a pass is mixed: as the engine will play it (gains, limiter), or raw.
struct PassGains {
    double voiceTrimDb = 0.0;
    double masterDb = 0.0;
    bool limit = false;
};

PartMeasure measurePart(const Program& program, const EngineConfig& config,
                        const SequencerTiming& timing, double rate, MixPart part, EventSink& events,
                        const PassGains& gains = {}) {
    constexpr int kBlock = 4096;
    MixGraph graph;
    Sequencer sequencer;
    dsp::TruePeakLimiter limiter;
    graph.prepare(program.sound, rate, kBlock);
    graph.setPart(part);
    graph.setVoiceTrim(static_cast<float>(std::pow(10.0, gains.voiceTrimDb / 20.0)));
    sequencer.prepare(program, rate, kBlock, timing);
    if (gains.limit) limiter.prepare(rate, 2, config.truePeakCeilingDb, kBlock);
    const auto master = static_cast<float>(std::pow(10.0, gains.masterDb / 20.0));
    PartMeasure measure{IntegratedLoudnessMeter(rate, config.channels)};
    std::vector<float> left(kBlock), right(kBlock);
    float* bus[2] = {left.data(), right.data()};

    rt::ScopedDenormalsOff denormalsOff;
    while (!sequencer.finished()) {
        sequencer.render(graph, left.data(), right.data(), kBlock, events);
        if (master != 1.0f)
            for (int i = 0; i < kBlock; ++i) {
                left[i] *= master;
                right[i] *= master;
            }
        if (gains.limit) limiter.process(bus, kBlock);
        if (config.channels == 1)
            for (int i = 0; i < kBlock; ++i) left[i] = 0.5f * (left[i] + right[i]);
        for (int i = 0; i < kBlock; ++i)
            measure.peak = std::max({measure.peak, std::abs(left[i]), std::abs(right[i])});
        measure.meter.add(left.data(), right.data(), kBlock);
    }
    return measure;
}

bool speaks(const Program& program) {
    if (!program.narration) return false;
    for (const auto& lines : program.narration->steps)
        if (!lines.empty()) return true;
    return false;
}

}  // namespace

double measureProgramLoudness(const Program& program, const EngineConfig& config,
                              const SequencerTiming& timing, double analysisRate) {
    const double rate = analysisRate > 0.0 ? analysisRate : loudnessAnalysisRate(config.sampleRate);
    DiscardingEventSink events;
    return measurePart(program, config, timing, rate, MixPart::All, events).meter.integratedLufs();
}

Calibration calibrateProgram(const Program& program, const EngineConfig& config, double minDb,
                             double maxDb) {
    const double rate = loudnessAnalysisRate(config.sampleRate);
    PartEnergies parts;
    DiscardingEventSink discard;
    float voicePeak = 0.0f, restPeak = 0.0f;
    if (speaks(program)) {
        LineSpanSink lines(program, rate);
        auto voice = measurePart(program, config, {}, rate, MixPart::VoiceOnly, lines);
        auto rest = measurePart(program, config, {}, rate, MixPart::WithoutVoice, discard);
        parts = {voice.meter.subBlockEnergies(), rest.meter.subBlockEnergies(), lines.take()};
        voicePeak = voice.peak;
        restPeak = rest.peak;
    } else {
        // Without a voice the whole program is the background: one pass.
        auto all = measurePart(program, config, {}, rate, MixPart::All, discard);
        parts.rest = all.meter.subBlockEnergies();
        restPeak = all.peak;
    }
    const SpeechAnchoredBalance balance =
        balanceSpeechAnchored(parts, config.targetLufs, kSpeechToBackgroundLu, minDb, maxDb);
    Calibration calibration;
    calibration.masterGainDb = balance.restDb;
    calibration.voiceTrimDb = balance.voiceDb - balance.restDb;
    calibration.speechToBackgroundLu = balance.marginLu;

    // Peaks the limiter will hold down lower the loudness a little (a loud
    // brown bed: half a LU). When the peaks could reach within 1 dB of the
    // ceiling, measure the mix as played, limiter and all, and make up the
    // difference on the master: a step or two, each a pass at the analysis rate.
    const double peakBound = voicePeak * std::pow(10.0, balance.voiceDb / 20.0) +
                             restPeak * std::pow(10.0, balance.restDb / 20.0);
    if (peakBound <= std::pow(10.0, (config.truePeakCeilingDb - 1.0) / 20.0)) return calibration;
    for (int step = 0; step < kLimiterMakeUpSteps; ++step) {
        const PassGains played{calibration.voiceTrimDb, calibration.masterGainDb, true};
        const double lufs = measurePart(program, config, {}, rate, MixPart::All, discard, played)
                                .meter.integratedLufs();
        if (!std::isfinite(lufs) || std::abs(config.targetLufs - lufs) < 0.05) break;
        calibration.masterGainDb =
            std::clamp(calibration.masterGainDb + config.targetLufs - lufs, minDb, maxDb);
    }
    return calibration;
}

}  // namespace stillpoint
