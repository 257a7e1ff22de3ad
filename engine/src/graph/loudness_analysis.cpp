#include "graph/loudness_analysis.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "graph/event_sink.hpp"
#include "graph/loudness_meter.hpp"
#include "graph/speech_anchored_balance.hpp"
#include "rt/denormal_guard.hpp"

namespace stillpoint {

double loudnessAnalysisRate(double outputRate) {
    const double divisor = std::max(1.0, std::round(outputRate / 24000.0));
    return outputRate / divisor;
}

namespace {

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
        const double seconds =
            static_cast<double>(steps[step][line].lengthFrames()) / program_.narration->sampleRate;
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

/// The 100 ms energies of one part of the program, as analysed.
IntegratedLoudnessMeter measurePart(const Program& program, const EngineConfig& config,
                                    const SequencerTiming& timing, double rate, MixPart part,
                                    EventSink& events) {
    constexpr int kBlock = 4096;
    MixGraph graph;
    Sequencer sequencer;
    graph.prepare(program.sound, rate, kBlock);
    graph.setPart(part);
    sequencer.prepare(program, rate, kBlock, timing);
    IntegratedLoudnessMeter meter(rate, config.channels);
    std::vector<float> left(kBlock), right(kBlock);

    rt::ScopedDenormalsOff denormalsOff;
    while (!sequencer.finished()) {
        sequencer.render(graph, left.data(), right.data(), kBlock, events);
        if (config.channels == 1)
            for (int i = 0; i < kBlock; ++i) left[i] = 0.5f * (left[i] + right[i]);
        meter.add(left.data(), right.data(), kBlock);
    }
    return meter;
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
    return measurePart(program, config, timing, rate, MixPart::All, events).integratedLufs();
}

Calibration calibrateProgram(const Program& program, const EngineConfig& config, double minDb,
                             double maxDb) {
    const double rate = loudnessAnalysisRate(config.sampleRate);
    PartEnergies parts;
    DiscardingEventSink discard;
    if (speaks(program)) {
        LineSpanSink lines(program, rate);
        parts.voice =
            measurePart(program, config, {}, rate, MixPart::VoiceOnly, lines).subBlockEnergies();
        parts.lines = lines.take();
        parts.rest = measurePart(program, config, {}, rate, MixPart::WithoutVoice, discard)
                         .subBlockEnergies();
    } else {
        // Without a voice the whole program is the background: one pass.
        parts.rest =
            measurePart(program, config, {}, rate, MixPart::All, discard).subBlockEnergies();
    }
    const SpeechAnchoredBalance balance =
        balanceSpeechAnchored(parts, config.targetLufs, kSpeechToBackgroundLu, minDb, maxDb);
    Calibration calibration;
    calibration.masterGainDb = balance.restDb;
    calibration.voiceTrimDb = balance.voiceDb - balance.restDb;
    calibration.speechToBackgroundLu = balance.marginLu;
    return calibration;
}

}  // namespace stillpoint
