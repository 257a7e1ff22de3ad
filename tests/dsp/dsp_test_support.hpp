// Shared scaffolding for the DSP tests: render a unit through a scenario
// (events at exact samples) with any block split, compare renders bit for bit,
// and check every sample is a normal finite float.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "audio_analysis.hpp"

namespace stillpoint::test {

struct Stereo {
    std::vector<float> left, right;
    explicit Stereo(int frames = 0)
        : left(static_cast<std::size_t>(frames), 0.0f),
          right(static_cast<std::size_t>(frames), 0.0f) {}
    int frames() const { return static_cast<int>(left.size()); }
    /// Pointers to [from, to) seconds of each channel, with their length.
    const float* l(int from) const { return left.data() + from; }
    const float* r(int from) const { return right.data() + from; }
};

/// Sizes of consecutive blocks covering a render.
using BlockPlan = std::function<int(int blockIndex)>;

inline BlockPlan fixedBlocks(int size) {
    return [size](int) { return size; };
}

/// Deterministic pseudo-random block sizes in [1, 1024].
inline BlockPlan randomBlocks(std::uint32_t seed) {
    return [state = seed](int) mutable {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return 1 + static_cast<int>(state % 1024u);
    };
}

/// A unit under test driven through a script: `events` fire between blocks at
/// their exact sample, `process` renders a block (adding into the buffers).
template <typename Unit>
struct Scenario {
    int frames = 0;
    std::vector<std::pair<int, std::function<void(Unit&)>>> events;  // sorted by sample
    std::function<void(Unit&, int offset, float* left, float* right, int n)> process;
};

template <typename Unit>
Stereo render(Unit& unit, const Scenario<Unit>& scenario, const BlockPlan& plan) {
    Stereo out(scenario.frames);
    std::size_t next = 0;
    int block = 0;
    for (int done = 0; done < scenario.frames;) {
        while (next < scenario.events.size() && scenario.events[next].first <= done)
            scenario.events[next++].second(unit);
        int n = std::min(plan(block++), scenario.frames - done);
        if (next < scenario.events.size()) n = std::min(n, scenario.events[next].first - done);
        scenario.process(unit, done, out.left.data() + done, out.right.data() + done, n);
        done += n;
    }
    return out;
}

inline bool identical(const Stereo& a, const Stereo& b) {
    return a.frames() == b.frames() &&
           std::memcmp(a.left.data(), b.left.data(), a.left.size() * sizeof(float)) == 0 &&
           std::memcmp(a.right.data(), b.right.data(), a.right.size() * sizeof(float)) == 0;
}

/// First sample where two renders differ, or -1.
inline int firstDifference(const Stereo& a, const Stereo& b) {
    for (int i = 0; i < std::min(a.frames(), b.frames()); ++i)
        if (std::memcmp(&a.left[i], &b.left[i], sizeof(float)) != 0 ||
            std::memcmp(&a.right[i], &b.right[i], sizeof(float)) != 0)
            return i;
    return a.frames() == b.frames() ? -1 : std::min(a.frames(), b.frames());
}

/// Every sample finite and not subnormal.
inline void expectClean(const Stereo& s) {
    EXPECT_EQ(countNonFinite(s.left.data(), s.frames()), 0);
    EXPECT_EQ(countNonFinite(s.right.data(), s.frames()), 0);
    EXPECT_EQ(countSubnormal(s.left.data(), s.frames()), 0);
    EXPECT_EQ(countSubnormal(s.right.data(), s.frames()), 0);
}

/// Renders `scenario` with fresh units (`make` prepares one) in one block,
/// then in many other splits, and expects every render to be bit-identical
/// to the first. Also: two fresh units give identical output (determinism),
/// and the output is clean.
template <typename Unit, typename Make>
void expectSplitInvariant(Make&& make, const Scenario<Unit>& scenario) {
    Unit reference = make();
    const Stereo whole = render(reference, scenario, fixedBlocks(scenario.frames));
    expectClean(whole);
    {
        Unit again = make();
        EXPECT_TRUE(identical(whole, render(again, scenario, fixedBlocks(scenario.frames))))
            << "two fresh units differ";
    }
    std::vector<std::pair<std::string, BlockPlan>> plans;
    for (int size : {1, 2, 3, 31, 32, 33, 64, 100, 127, 256, 511, 512, 1000, 1024})
        plans.emplace_back("blocks of " + std::to_string(size), fixedBlocks(size));
    for (std::uint32_t seed : {1u, 77u, 2024u})
        plans.emplace_back("random split " + std::to_string(seed), randomBlocks(seed));
    for (const auto& [name, plan] : plans) {
        Unit unit = make();
        const Stereo split = render(unit, scenario, plan);
        EXPECT_EQ(firstDifference(whole, split), -1) << name;
    }
}

/// Fullness breathing: hold empty, rise, hold full, fall, hold empty (seconds),
/// each move a raised-cosine ease as the pacer gives it.
inline std::vector<float> breathingFullness(double rate, double holdEmpty, double rise,
                                            double holdFull, double fall, double tail) {
    std::vector<float> f;
    auto hold = [&](double seconds, float value) {
        for (long i = 0; i < std::lround(seconds * rate); ++i) f.push_back(value);
    };
    auto move = [&](double seconds, bool up) {
        const long n = std::lround(seconds * rate);
        for (long i = 0; i < n; ++i) {
            const double u = 0.5 - 0.5 * std::cos(3.141592653589793 * static_cast<double>(i) /
                                                  static_cast<double>(n));
            f.push_back(static_cast<float>(up ? u : 1.0 - u));
        }
    };
    hold(holdEmpty, 0.0f);
    move(rise, true);
    hold(holdFull, 1.0f);
    move(fall, false);
    hold(tail, 0.0f);
    return f;
}

/// The rates every split test runs at.
inline constexpr double kSweepRates[] = {44100.0, 48000.0, 96000.0};

inline int samples(double seconds, double rate) {
    return static_cast<int>(std::lround(seconds * rate));
}

}  // namespace stillpoint::test
