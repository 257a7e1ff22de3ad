// A four-hour session played through the engine as a render does: memory
// stays flat (resident size after 1 h and after 4 h within a margin, peak
// reported) and every breath onset still lands on its exact sample.
// Labelled `long` in ctest.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>
#include <vector>

#include "stillpoint/engine.hpp"
#include "stillpoint/program.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint {
namespace {

// 4.3 s in, 6.1 s out: neither is a whole number of samples' worth of
// seconds at 44.1 kHz, so rounding once per onset (not per breath) matters.
constexpr const char* kFourHours = R"(title: Four hours
defaults: {bed: brown, tone: pad}
patterns:
  slow: {inhale: 4.3, exhale: 6.1}
sections:
  - name: Long
    steps:
      - breathe: {pattern: slow, duration: 4h}
)";
constexpr double kRate = 44100.0;
constexpr long double kInhale = 4.3L, kExhale = 6.1L;

long residentKilobytes() {
    std::ifstream statm("/proc/self/statm");
    long size = 0, resident = 0;
    statm >> size >> resident;
    return resident * (::sysconf(_SC_PAGESIZE) / 1024);
}

long peakResidentKilobytes() {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

TEST(FourHourSession, MemoryStaysFlatAndOnsetsStayExact) {
    auto parsed = parseSession(kFourHours, "four-hours.yaml");
    ASSERT_TRUE(parsed.session);
    auto planned = planSession(*parsed.session);
    ASSERT_TRUE(planned.program);
    auto program = std::make_shared<const Program>(std::move(*planned.program));

    Engine engine;
    engine.load(program);
    EngineConfig config;
    config.sampleRate = kRate;
    config.maxBlockFrames = 4096;
    engine.prepare(config);

    std::vector<float> left(4096), right(4096);
    float* out[2] = {left.data(), right.data()};
    const std::int64_t total = engine.lengthFrames();
    const auto oneHour = static_cast<std::int64_t>(3600 * kRate);
    ASSERT_GT(total, 4 * oneHour);

    std::int64_t stepStart = -1;
    std::int64_t onsetIndex = 0;  // inhale, exhale, inhale, ...
    std::int64_t mismatches = 0, firstMismatch = -1;
    long residentAtOneHour = 0;
    bool finite = true;
    for (std::int64_t done = 0; done < total;) {
        const int n = static_cast<int>(std::min<std::int64_t>(4096, total - done));
        engine.process(out, n);
        for (int i = 0; i < n; ++i)
            finite = finite && std::isfinite(left[i]) && std::isfinite(right[i]);
        Event e;
        while (engine.popEvent(e)) {
            if (e.type == EventType::StepStarted) stepStart = e.sample;
            if (e.type != EventType::PhaseChanged || stepStart < 0) continue;
            const std::int64_t cycle = onsetIndex / 2;
            const long double t = cycle * (kInhale + kExhale) + (onsetIndex % 2 ? kInhale : 0.0L);
            const std::int64_t expected = stepStart + std::llround(t * kRate);
            if (e.sample != expected && mismatches++ == 0) firstMismatch = onsetIndex;
            ++onsetIndex;
        }
        done += n;
        if (done - n < oneHour && done >= oneHour) residentAtOneHour = residentKilobytes();
    }
    const long residentAtEnd = residentKilobytes();
    const long peak = peakResidentKilobytes();
    std::printf("resident after 1 h: %ld kB, after 4 h: %ld kB, peak: %ld kB\n", residentAtOneHour,
                residentAtEnd, peak);
    RecordProperty("resident_kb_1h", static_cast<int>(residentAtOneHour));
    RecordProperty("resident_kb_4h", static_cast<int>(residentAtEnd));
    RecordProperty("peak_resident_kb", static_cast<int>(peak));

    EXPECT_TRUE(finite);
    // 4 h of breaths: 4 * 3600 / 10.4 s, two onsets each.
    EXPECT_GE(onsetIndex, 2 * static_cast<std::int64_t>(4 * 3600 / 10.4) - 2);
    EXPECT_EQ(mismatches, 0) << "first wrong onset: " << firstMismatch;
    // Nothing grows with the length: three more hours add under 1 MB.
    EXPECT_LT(residentAtEnd - residentAtOneHour, 1024);
    // The whole process (test runner, engine, buffers) stays small.
    EXPECT_LT(peak, 256 * 1024);
}

}  // namespace
}  // namespace stillpoint
