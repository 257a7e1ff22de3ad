// The spoken-length estimate: words, sentence ends, "..." and pause markup.
#include <gtest/gtest.h>

#include "session/speech_markup.hpp"
#include "stillpoint/program.hpp"

namespace stillpoint {
namespace {

using detail::kEllipsisRestSeconds;
using detail::kSentenceRestSeconds;

TEST(SpeechEstimate, WordsAtAboutTwoAndAHalfSecondsPerFiveWords) {
    EXPECT_DOUBLE_EQ(
        estimateSpeechSeconds("one two three four five six seven eight nine ten eleven"), 5.0);
}

TEST(SpeechEstimate, EachSentenceEndAddsARest) {
    EXPECT_DOUBLE_EQ(estimateSpeechSeconds("Breathe in. Breathe out! Ready?"),
                     5 / 2.2 + 3 * kSentenceRestSeconds);
    EXPECT_DOUBLE_EQ(estimateSpeechSeconds("Really?! Yes."),
                     2 / 2.2 + 2 * kSentenceRestSeconds);  // "?!" ends one sentence
}

TEST(SpeechEstimate, EllipsisRestsLonger) {
    EXPECT_DOUBLE_EQ(estimateSpeechSeconds("And rest... and rest\u2026 now"),
                     5 / 2.2 + 2 * kEllipsisRestSeconds);
}

TEST(SpeechEstimate, PauseMarkupAddsItsSecondsAndIsNotSpoken) {
    EXPECT_DOUBLE_EQ(estimateSpeechSeconds("Breathe in [pause 4s] and out [pause 2.5]"),
                     4 / 2.2 + 6.5);
}

TEST(SpeechEstimate, NumbersAndContractionsAreOneWordEach) {
    EXPECT_DOUBLE_EQ(estimateSpeechSeconds("it's 3.5 well-being"), 3 / 2.2);
}

TEST(SpeechEstimate, NeverShorterThanOneSecond) {
    EXPECT_DOUBLE_EQ(estimateSpeechSeconds(""), 1.0);
    EXPECT_DOUBLE_EQ(estimateSpeechSeconds("Hi"), 1.0);
}

}  // namespace
}  // namespace stillpoint
