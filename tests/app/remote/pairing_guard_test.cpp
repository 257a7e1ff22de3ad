// The pairing policy on a simulated clock: guessing takes days, others'
// guessing never keeps the right sender out, and the code stays put.
#include "pairing_guard.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <set>

#include "secure_random.hpp"

namespace stillpoint::app {
namespace {

using Clock = PairingGuard::Clock;
using Verdict = PairingGuard::Verdict;
using std::chrono::seconds;

std::string wrongCode(int i) {
    char text[8];
    std::snprintf(text, sizeof text, "%06d", 100000 + i);
    return text;
}

TEST(PairingGuard, ThreeFreeWrongCodesThenDoublingWaits) {
    PairingGuard guard("424242");
    auto now = Clock::time_point{} + std::chrono::hours(1);
    EXPECT_EQ(guard.attempt("10.0.0.9", "000001", now), Verdict::Wrong);
    EXPECT_EQ(guard.attempt("10.0.0.9", "000002", now), Verdict::Wrong);
    EXPECT_EQ(guard.attempt("10.0.0.9", "000003", now), Verdict::Wrong);
    // Now it waits 1 s; even the right code is not checked meanwhile.
    EXPECT_EQ(guard.nextTryAt("10.0.0.9", now), now + seconds(1));
    EXPECT_EQ(guard.attempt("10.0.0.9", "424242", now + std::chrono::milliseconds(999)),
              Verdict::Refused);
    now += seconds(1);
    EXPECT_EQ(guard.attempt("10.0.0.9", "000004", now), Verdict::Wrong);
    EXPECT_EQ(guard.nextTryAt("10.0.0.9", now), now + seconds(2));
    now += seconds(2);
    EXPECT_EQ(guard.attempt("10.0.0.9", "000005", now), Verdict::Wrong);
    EXPECT_EQ(guard.nextTryAt("10.0.0.9", now), now + seconds(4));
    now += seconds(4);
    EXPECT_EQ(guard.attempt("10.0.0.9", "424242", now), Verdict::Paired);
    // A right code clears the record.
    EXPECT_EQ(guard.attempt("10.0.0.9", "000006", now), Verdict::Wrong);
    EXPECT_EQ(guard.nextTryAt("10.0.0.9", now), now);
    EXPECT_EQ(guard.code(), "424242");
}

TEST(PairingGuard, AThousandGuessesFromOneSenderTakeDays) {
    PairingGuard guard("999999");
    const auto start = Clock::time_point{} + std::chrono::hours(1);
    auto now = start;
    int checked = 0, refused = 0;
    while (checked < 1000) {
        const auto verdict = guard.attempt("192.168.1.66", wrongCode(checked), now);
        if (verdict == Verdict::Wrong) ++checked;
        if (verdict == Verdict::Refused) ++refused;
        ASSERT_NE(verdict, Verdict::Paired);
        // The most patient attacker: the next try the moment it is allowed,
        // or a tenth of a second later when it was refused.
        now = std::max(guard.nextTryAt("192.168.1.66", now), now + std::chrono::milliseconds(100));
    }
    const double hours = std::chrono::duration<double>(now - start).count() / 3600.0;
    // 1 + 2 + ... + 256 s, then 5 min for each of the other 988: about 82 hours.
    EXPECT_GT(hours, 80.0);
    RecordProperty("hours_for_1000_guesses", static_cast<int>(hours));
    std::printf("1000 wrong codes from one sender: %.1f hours (simulated), %d tries refused\n",
                hours, refused);
}

TEST(PairingGuard, OthersGuessingNeitherLocksOutNorReplacesTheCode) {
    PairingGuard guard("424242");
    auto now = Clock::time_point{} + std::chrono::hours(1);
    // An attacker hammers away, as fast as it can send, for ten minutes.
    for (int i = 0; i < 10 * 60 * 100; ++i) {
        guard.attempt("10.0.0.66", wrongCode(i), now);
        now += std::chrono::milliseconds(10);
    }
    EXPECT_EQ(guard.code(), "424242");
    // The therapist's tablet pairs at its first try.
    EXPECT_EQ(guard.nextTryAt("10.0.0.20", now), now);
    EXPECT_EQ(guard.attempt("10.0.0.20", "424242", now), Verdict::Paired);
}

TEST(PairingGuard, ACrowdOfSendersIsCappedPerMinuteInAll) {
    PairingGuard guard("424242");
    auto now = Clock::time_point{} + std::chrono::hours(1);
    int wrong = 0;
    for (int sender = 0; sender < 500; ++sender)
        wrong += guard.attempt("10.1." + std::to_string(sender), wrongCode(sender), now) ==
                 Verdict::Wrong;
    EXPECT_EQ(wrong, static_cast<int>(PairingGuard::kWrongPerMinute));
    // Everyone waits out the minute, the code unchanged; then the right one pairs.
    EXPECT_EQ(guard.attempt("10.0.0.20", "424242", now + seconds(30)), Verdict::Refused);
    EXPECT_EQ(guard.attempt("10.0.0.20", "424242", now + seconds(60)), Verdict::Paired);
    EXPECT_EQ(guard.code(), "424242");
}

TEST(PairingGuard, OnlyTheTherapistReplacesTheCode) {
    PairingGuard guard("424242");
    const auto now = Clock::time_point{} + std::chrono::hours(1);
    for (int i = 0; i < 3; ++i) guard.attempt("10.0.0.66", wrongCode(i), now);
    guard.replaceCode("135790");
    EXPECT_EQ(guard.attempt("10.0.0.66", "424242", now),
              Verdict::Wrong);  // record cleared, old code gone
    EXPECT_EQ(guard.attempt("10.0.0.66", "135790", now), Verdict::Paired);
}

TEST(SecureRandom, CodesAreSixDigitsAndSpreadEvenly) {
    std::array<int, 10> firstDigits{};
    std::set<std::string> seen;
    for (int i = 0; i < 5000; ++i) {
        const auto code = drawPairingCode();
        ASSERT_TRUE(code);
        ASSERT_EQ(code->size(), 6u);
        for (const char c : *code) ASSERT_TRUE(c >= '0' && c <= '9') << *code;
        ++firstDigits[static_cast<std::size_t>((*code)[0] - '0')];
        seen.insert(*code);
    }
    // 5000 draws from a million: nearly all different; each first digit ~500.
    EXPECT_GT(seen.size(), 4950u);
    for (const int n : firstDigits) {
        EXPECT_GT(n, 380);
        EXPECT_LT(n, 620);
    }
    const auto a = drawToken(), b = drawToken();
    ASSERT_TRUE(a && b);
    EXPECT_EQ(a->size(), 32u);
    EXPECT_NE(*a, *b);
}

TEST(SecureRandom, UniformBelowABoundThatDoesNotDivideTheRange) {
    // 3 does not divide 2^32: without rejection 0 would come up a little more often.
    std::array<int, 3> counts{};
    for (int i = 0; i < 30000; ++i) {
        const auto v = secureUniform(3);
        ASSERT_TRUE(v);
        ASSERT_LT(*v, 3u);
        ++counts[*v];
    }
    for (const int n : counts) {
        EXPECT_GT(n, 9500);
        EXPECT_LT(n, 10500);
    }
    EXPECT_FALSE(secureUniform(0));
}

}  // namespace
}  // namespace stillpoint::app
