#include "dsp/true_peak_limiter.hpp"

#include <gtest/gtest.h>

#include <functional>

#include "audio_analysis.hpp"
#include "dsp/random.hpp"
#include "dsp_test_support.hpp"

namespace stillpoint::dsp {
namespace {

using test::samples;
constexpr double kCeilingDb = -1.0;
constexpr double kPi = 3.141592653589793;

TruePeakLimiter preparedLimiter(double rate, int maxBlock = 1024) {
    TruePeakLimiter l;
    l.prepare(rate, 2, kCeilingDb, maxBlock);
    return l;
}

/// Limit a whole signal in place, in blocks of `block`.
void limit(TruePeakLimiter& limiter, test::Stereo& s, int block = 512) {
    for (int done = 0; done < s.frames(); done += block) {
        float* channels[2] = {s.left.data() + done, s.right.data() + done};
        limiter.process(channels, std::min(block, s.frames() - done));
    }
}

test::Stereo signal(double rate, double seconds, const std::function<float(int, int)>& sample) {
    test::Stereo s(samples(seconds, rate));
    for (int i = 0; i < s.frames(); ++i) {
        s.left[i] = sample(0, i);
        s.right[i] = sample(1, i);
    }
    return s;
}

struct HotSignal {
    const char* name;
    std::function<test::Stereo(double rate)> make;
};

std::vector<HotSignal> hotSignals() {
    auto sine = [](double hz, double phase, float amplitude) {
        return [=](double rate) {
            return signal(rate, 2.0, [=](int ch, int i) {
                return amplitude *
                       static_cast<float>(std::sin(2 * kPi * hz * i / rate + phase + 0.3 * ch));
            });
        };
    };
    return {
        {"997 Hz full-scale sine", sine(997.0, 0.0, 1.0f)},
        {"sine just under fs/4, 45 degrees",
         [](double rate) {
             return signal(rate, 2.0, [=](int, int i) {
                 return static_cast<float>(
                     std::sin(2 * kPi * (rate / 4 - 3.0) * i / rate + kPi / 4));
             });
         }},
        {"full-scale square 1 kHz",
         [](double rate) {
             return signal(rate, 2.0, [=](int ch, int i) {
                 const double phase = std::fmod(1000.0 * i / rate + 0.25 * ch, 1.0);
                 return phase < 0.5 ? 1.0f : -1.0f;
             });
         }},
        {"full-scale square 3 kHz",
         [](double rate) {
             return signal(rate, 2.0, [=](int, int i) {
                 return std::fmod(3000.0 * i / rate, 1.0) < 0.5 ? 1.0f : -1.0f;
             });
         }},
        {"single-sample impulses",
         [](double rate) {
             return signal(rate, 2.0, [=](int ch, int i) {
                 return i % 4801 == 100 + 7 * ch ? (i % 2 ? 1.0f : -1.0f) : 0.0f;
             });
         }},
        {"alternating full-scale samples",
         [](double rate) {
             return signal(rate, 1.0, [=](int, int i) {
                 return (i / 50) % 4 == 0 ? (i % 2 ? 1.0f : -1.0f) : 0.0f;
             });
         }},
        {"white noise at +12 dBFS",
         [](double rate) {
             Xorshift32 a(11u), b(12u);
             return signal(rate, 3.0,
                           [&](int ch, int) { return 3.98f * (ch == 0 ? a : b).nextBipolar(); });
         }},
    };
}

TEST(TruePeakLimiter, KeepsTheTruePeakUnderTheCeilingForHotSignals) {
    for (double rate : {44100.0, 48000.0, 88200.0, 96000.0}) {
        for (const auto& hot : hotSignals()) {
            auto s = hot.make(rate);
            const double before =
                test::truePeakDbTp(s.left.data(), s.right.data(), s.frames(), rate);
            TruePeakLimiter limiter = preparedLimiter(rate);
            limit(limiter, s);
            const double after =
                test::truePeakDbTp(s.left.data(), s.right.data(), s.frames(), rate);
            EXPECT_LE(after, kCeilingDb) << hot.name << " at " << rate << " (was " << before << ")";
            // Limited, not crushed: within ~1 dB of the ceiling.
            EXPECT_GT(after, kCeilingDb - 1.2) << hot.name << " at " << rate;
            test::expectClean(s);
        }
    }
}

TEST(TruePeakLimiter, QuietAudioPassesBitExactOnlyDelayed) {
    constexpr double kRate = 48000.0;
    const auto input = signal(kRate, 1.0, [](int ch, int i) {
        return 0.5f * static_cast<float>(std::sin(2 * kPi * 440.0 * i / kRate + ch));
    });
    auto s = input;
    TruePeakLimiter limiter = preparedLimiter(kRate);
    limit(limiter, s, 100);
    const int latency = limiter.latencyFrames();
    EXPECT_EQ(limiter.gainReductionDb(), 0.0f);
    for (int i = 0; i < latency; ++i) ASSERT_EQ(s.left[i], 0.0f);
    for (int i = latency; i < s.frames(); ++i) {
        ASSERT_EQ(s.left[i], input.left[i - latency]) << i;
        ASSERT_EQ(s.right[i], input.right[i - latency]) << i;
    }
}

TEST(TruePeakLimiter, LatencyIsAboutAMillisecondAndShiftsAnImpulseExactly) {
    for (double rate : {44100.0, 48000.0, 96000.0}) {
        TruePeakLimiter limiter = preparedLimiter(rate);
        const int latency = limiter.latencyFrames();
        EXPECT_NEAR(latency, rate / 1000.0, rate / 4000.0) << rate;
        test::Stereo s(4096);
        s.left[1000] = 0.25f;
        s.right[1000] = -0.25f;
        limit(limiter, s, 333);
        for (int i = 0; i < s.frames(); ++i) {
            const float expected = i == 1000 + latency ? 0.25f : 0.0f;
            ASSERT_EQ(s.left[i], expected) << i << " at " << rate;
            ASSERT_EQ(s.right[i], -expected) << i << " at " << rate;
        }
    }
}

TEST(TruePeakLimiter, GainGlidesDownAndReleasesOverAFewHundredMilliseconds) {
    constexpr double kRate = 48000.0;
    TruePeakLimiter limiter = preparedLimiter(kRate);
    // Quiet, then a loud 1 kHz burst of 0.5 s, then quiet again.
    auto s = signal(kRate, 3.0, [](int, int i) {
        const float a = (i >= 24000 && i < 48000) ? 2.0f : 0.1f;
        return a * static_cast<float>(std::sin(2 * kPi * 1000.0 * i / kRate));
    });
    std::vector<float> reduction;
    for (int i = 0; i < s.frames(); ++i) {
        float* channels[2] = {s.left.data() + i, s.right.data() + i};
        limiter.process(channels, 1);
        reduction.push_back(limiter.gainReductionDb());
    }
    // About 7 dB of reduction during the burst (2.0 -> -1.3 dBTP).
    EXPECT_NEAR(reduction[36000], 6.02 + 1.3, 0.3);
    // The attack is a glide, not a jump: no sample changes the gain by more than 0.5 dB.
    double worstStep = 0.0;
    for (std::size_t i = 1; i < reduction.size(); ++i)
        worstStep =
            std::max(worstStep, static_cast<double>(std::abs(reduction[i] - reduction[i - 1])));
    EXPECT_LT(worstStep, 0.5);
    // Release: still recovering 100 ms after the burst, done within 3 s (exactly 0).
    EXPECT_GT(reduction[48000 + limiter.latencyFrames() + 4800], 1.0f);
    EXPECT_LT(reduction[48000 + limiter.latencyFrames() + 4800], 6.0f);
    EXPECT_EQ(reduction.back(), 0.0f);
    // After the release the quiet sine is again passed through bit-exact.
    const int latency = limiter.latencyFrames();
    for (int i = s.frames() - 4800; i < s.frames(); ++i)
        ASSERT_EQ(s.left[i],
                  0.1f * static_cast<float>(std::sin(2 * kPi * 1000.0 * (i - latency) / kRate)))
            << i;
}

TEST(TruePeakLimiter, GainIsLinkedAcrossChannels) {
    constexpr double kRate = 48000.0;
    // Loud left, quiet right: the right channel is turned down by the same gain.
    const auto input = signal(kRate, 1.0, [](int ch, int i) {
        return (ch == 0 ? 1.5f : 0.1f) * static_cast<float>(std::sin(2 * kPi * 500.0 * i / kRate));
    });
    auto s = input;
    TruePeakLimiter limiter = preparedLimiter(kRate);
    limit(limiter, s);
    const int latency = limiter.latencyFrames();
    for (int i = 24000; i < 48000; i += 97) {
        if (std::abs(input.right[i - latency]) < 0.05f) continue;
        EXPECT_NEAR(s.left[i] / input.left[i - latency], s.right[i] / input.right[i - latency],
                    1e-4)
            << i;
    }
}

TEST(TruePeakLimiter, ProcessesMoreFramesThanMaxBlock) {
    constexpr double kRate = 48000.0;
    auto a = signal(kRate, 1.0, [](int ch, int i) {
        return (ch ? 1.2f : 0.9f) * static_cast<float>(std::sin(0.05 * i));
    });
    auto b = a;
    TruePeakLimiter small = preparedLimiter(kRate, 64);
    TruePeakLimiter large = preparedLimiter(kRate, 48000);
    limit(small, a, 48000);
    limit(large, b, 48000);
    EXPECT_EQ(test::firstDifference(a, b), -1);
}

TEST(TruePeakLimiter, AnyBlockSplitGivesIdenticalOutput) {
    for (const double rate : test::kSweepRates) {
        SCOPED_TRACE(rate);
        Xorshift32 noise(99u);
        // Quiet and hot passages, so both the copy path and the limiting path run.
        auto input = signal(rate, 3.0, [&](int, int i) {
            const float level = (i / 12000) % 3 == 1 ? 3.0f : 0.2f;
            return level * noise.nextBipolar();
        });
        test::Scenario<TruePeakLimiter> scenario;
        scenario.frames = input.frames();
        scenario.events.emplace_back(samples(2.5, rate), [](TruePeakLimiter& l) { l.reset(); });
        scenario.process = [&](TruePeakLimiter& l, int offset, float* left, float* right, int n) {
            std::copy_n(input.left.data() + offset, n, left);
            std::copy_n(input.right.data() + offset, n, right);
            float* channels[2] = {left, right};
            l.process(channels, n);
        };
        test::expectSplitInvariant<TruePeakLimiter>([rate] { return preparedLimiter(rate); },
                                                    scenario);
    }
}

}  // namespace
}  // namespace stillpoint::dsp
