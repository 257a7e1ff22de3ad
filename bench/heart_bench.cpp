// Heart input costs: one coherence measurement (the 64 s window resampled,
// detrended, windowed and 25 spectral bins), the phase to the breath, and a
// HeartMonitor update taking one beat (filter + coherence once a second).
#include <benchmark/benchmark.h>

#include "stillpoint/heart_coherence.hpp"
#include "stillpoint/heart_monitor.hpp"
#include "stillpoint/synthetic_rr.hpp"

namespace {

using namespace stillpoint::heart;

std::vector<Beat> twoMinutes() {
    return steadyBreathingBeats(SyntheticHeart{}, 6.0, 120.0);
}

void BM_CoherenceMeasure(benchmark::State& state) {
    const std::vector<Beat> beats = twoMinutes();
    CoherenceMeter meter;
    for (auto _ : state)
        benchmark::DoNotOptimize(meter.measure(beats.data(), beats.size(), beats.back().seconds));
}
BENCHMARK(BM_CoherenceMeasure);

void BM_PhaseToBreath(benchmark::State& state) {
    const std::vector<Beat> beats = twoMinutes();
    CoherenceMeter meter;
    for (auto _ : state)
        benchmark::DoNotOptimize(
            meter.phaseDegrees(beats.data(), beats.size(), beats.back().seconds, 0.1, 100.0));
}
BENCHMARK(BM_PhaseToBreath);

// One beat in, one update: mostly the filter; every second of beats, a measurement.
void BM_MonitorUpdatePerBeat(benchmark::State& state) {
    const std::vector<Beat> beats = twoMinutes();
    HeartMonitor monitor;
    std::size_t i = 0;
    double offset = 0.0;
    for (auto _ : state) {
        if (i == beats.size()) {
            i = 0;
            offset += beats.back().seconds;
        }
        const Beat& beat = beats[i++];
        monitor.pushRr(beat.rrMs, beat.seconds + offset);
        monitor.update(beat.seconds + offset);
    }
}
BENCHMARK(BM_MonitorUpdatePerBeat);

}  // namespace
