#include "stillpoint/heart_monitor.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <limits>

#include "stillpoint/heart_coherence.hpp"
#include "stillpoint/wait_free_spsc_queue.hpp"

namespace stillpoint::heart {
namespace {

struct PushedInterval {
    double rrMs = 0.0;
    double atSeconds = 0.0;  // NaN: place it after the last beat
};

constexpr std::size_t kBeatCapacity = 512;  // > 64 s at 200 beats/min, twice over
constexpr std::size_t kHeartRateBeats = 4;
constexpr double kMeasureEverySeconds = 1.0;

}  // namespace

struct HeartMonitor::Impl {
    rt::WaitFreeSpscQueue<PushedInterval, kQueueCapacity> queue;
    std::atomic<std::uint64_t> dropped{0};

    // Consumer's own.
    RrArtefactFilter filter;
    std::array<Beat, kBeatCapacity> beats{};
    std::size_t count = 0;
    double lastBeatSeconds = std::numeric_limits<double>::quiet_NaN();
    double lastMeasuredSeconds = -std::numeric_limits<double>::infinity();
    CoherenceMeter meter;

    // Published.
    std::atomic<bool> live{false};
    std::atomic<double> heartRate{0.0};
    std::atomic<bool> coherenceValid{false};
    std::atomic<double> coherence{0.0};
    std::atomic<double> rhythm{0.0};
    std::atomic<std::uint64_t> accepted{0}, outOfRange{0}, jumps{0};

    bool push(const PushedInterval& interval) noexcept {
        if (queue.tryPush(interval)) return true;
        dropped.fetch_add(1, std::memory_order_relaxed);
        return false;
    }

    double place(const PushedInterval& in, double now) const noexcept {
        if (std::isnan(in.atSeconds)) return placeBeat(lastBeatSeconds, in.rrMs, now);
        return in.atSeconds < now - kStreamGapSeconds ? now : in.atSeconds;
    }

    void keep(const Beat& beat) noexcept {
        if (count == kBeatCapacity) {  // drop the older half: far beyond the window
            std::copy(beats.begin() + kBeatCapacity / 2, beats.end(), beats.begin());
            count = kBeatCapacity / 2;
        }
        beats[count++] = beat;
    }

    void publish(double now) noexcept {
        const bool any = count > 0;
        live.store(any && now - beats[count - 1].seconds <= kStreamLostSeconds,
                   std::memory_order_relaxed);
        if (any) {
            const std::size_t n = std::min(count, kHeartRateBeats);
            double sum = 0.0;
            for (std::size_t i = count - n; i < count; ++i) sum += beats[i].rrMs;
            heartRate.store(60000.0 * static_cast<double>(n) / sum, std::memory_order_relaxed);
        }
        const RrCounts& counts = filter.counts();
        accepted.store(counts.accepted, std::memory_order_relaxed);
        outOfRange.store(counts.outOfRange, std::memory_order_relaxed);
        jumps.store(counts.jumps, std::memory_order_relaxed);
    }
};

double placeBeat(double lastBeatSeconds, double rrMs, double nowSeconds) noexcept {
    const double at = std::isnan(lastBeatSeconds) ? nowSeconds : lastBeatSeconds + rrMs / 1000.0;
    return at < nowSeconds - kStreamGapSeconds ? nowSeconds : at;
}

bool plausibleInterval(double rrMs) noexcept {
    return rrMs > 0.0 && rrMs <= 10.0 * kMaxRrMs;
}

HeartMonitor::HeartMonitor() : impl_(std::make_unique<Impl>()) {}
HeartMonitor::~HeartMonitor() = default;

bool HeartMonitor::pushRr(double rrMs) noexcept {
    return impl_->push({rrMs, std::numeric_limits<double>::quiet_NaN()});
}

bool HeartMonitor::pushRr(double rrMs, double atSeconds) noexcept {
    if (!std::isfinite(atSeconds)) return pushRr(rrMs);
    return impl_->push({rrMs, atSeconds});
}

HeartRateParse HeartMonitor::pushMeasurement(const std::uint8_t* bytes, std::size_t size) noexcept {
    HeartRateParse parse = parseHeartRateMeasurement(bytes, size);
    if (parse.ok)
        for (std::size_t i = 0; i < parse.measurement.rrCount; ++i)
            pushRr(parse.measurement.rrMs(i));
    return parse;
}

void HeartMonitor::update(double nowSeconds) noexcept {
    auto& m = *impl_;
    PushedInterval in;
    bool fresh = false;
    while (m.queue.tryPop(in)) {
        // Only a plausible interval moves the clock; junk (NaN, 0, hours) is refused as it is.
        const bool plausible = plausibleInterval(in.rrMs);
        const double at = plausible ? m.place(in, nowSeconds) : m.lastBeatSeconds;
        if (plausible) m.lastBeatSeconds = at;
        if (m.filter.check(in.rrMs) != RrVerdict::Accepted) continue;
        m.keep({at, in.rrMs});
        fresh = true;
    }
    if (fresh && m.lastBeatSeconds - m.lastMeasuredSeconds >= kMeasureEverySeconds) {
        const CoherenceFigures figures =
            m.meter.measure(m.beats.data(), m.count, m.lastBeatSeconds);
        m.lastMeasuredSeconds = m.lastBeatSeconds;
        m.coherenceValid.store(figures.valid, std::memory_order_relaxed);
        m.coherence.store(figures.coherence, std::memory_order_relaxed);
        m.rhythm.store(figures.peakHz * 60.0, std::memory_order_relaxed);
    }
    m.publish(nowSeconds);
}

void HeartMonitor::reset() noexcept {
    auto& m = *impl_;
    m.queue.clear();
    m.filter.reset();
    m.count = 0;
    m.lastBeatSeconds = std::numeric_limits<double>::quiet_NaN();
    m.lastMeasuredSeconds = -std::numeric_limits<double>::infinity();
    m.dropped.store(0, std::memory_order_relaxed);
    m.coherenceValid.store(false, std::memory_order_relaxed);
    m.coherence.store(0.0, std::memory_order_relaxed);
    m.rhythm.store(0.0, std::memory_order_relaxed);
    m.heartRate.store(0.0, std::memory_order_relaxed);
    m.publish(0.0);
}

double HeartMonitor::phaseToBreath(double hz, double lungsFullSeconds) noexcept {
    auto& m = *impl_;
    if (m.count == 0) return std::numeric_limits<double>::quiet_NaN();
    return m.meter.phaseDegrees(m.beats.data(), m.count, m.beats[m.count - 1].seconds, hz,
                                lungsFullSeconds);
}

HeartState HeartMonitor::state() const noexcept {
    const auto& m = *impl_;
    HeartState s;
    s.live = m.live.load(std::memory_order_relaxed);
    s.heartRateBpm = m.heartRate.load(std::memory_order_relaxed);
    s.coherenceValid = m.coherenceValid.load(std::memory_order_relaxed);
    s.coherence = m.coherence.load(std::memory_order_relaxed);
    s.rhythmPerMinute = m.rhythm.load(std::memory_order_relaxed);
    s.counts.accepted = m.accepted.load(std::memory_order_relaxed);
    s.counts.outOfRange = m.outOfRange.load(std::memory_order_relaxed);
    s.counts.jumps = m.jumps.load(std::memory_order_relaxed);
    s.dropped = m.dropped.load(std::memory_order_relaxed);
    return s;
}

SessionHeart sessionHeart(const HeartState& state, double followedPaceBpm) noexcept {
    SessionHeart heart;
    heart.connected = true;
    heart.live = state.live;
    heart.heartRateBpm = state.heartRateBpm;
    heart.coherenceValid = state.coherenceValid;
    heart.coherence = state.coherence;
    heart.beats = state.counts.accepted;
    heart.artefacts = state.counts.outOfRange + state.counts.jumps;
    heart.followedPaceBpm = followedPaceBpm;
    return heart;
}

std::string describeHeart(const SessionHeart& heart) {
    if (!heart.connected || heart.beats == 0) return {};
    if (!heart.live) return "heart lost";
    char text[64];
    if (heart.coherenceValid)
        std::snprintf(text, sizeof text, "%.0f bpm, coherence %.2f", heart.heartRateBpm,
                      heart.coherence);
    else
        std::snprintf(text, sizeof text, "%.0f bpm", heart.heartRateBpm);
    return text;
}

}  // namespace stillpoint::heart
