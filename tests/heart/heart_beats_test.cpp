// The text form of a beat stream: both forms, comments, and each error with
// its line and column.
#include "stillpoint/heart_beats.hpp"

#include <gtest/gtest.h>

namespace stillpoint::heart {
namespace {

TEST(HeartBeats, PlainIntervalsAccumulateTheirOwnTime) {
    const BeatFile file = readBeats("# strap export\n800\n\n 1000\r\n750.5\n", "rr.txt");
    ASSERT_EQ(file.error, "");
    ASSERT_EQ(file.beats.size(), 3u);
    EXPECT_DOUBLE_EQ(file.beats[0].seconds, 0.8);
    EXPECT_DOUBLE_EQ(file.beats[1].seconds, 1.8);
    EXPECT_DOUBLE_EQ(file.beats[2].seconds, 2.5505);
    EXPECT_DOUBLE_EQ(file.beats[2].rrMs, 750.5);
}

TEST(HeartBeats, TimestampedLinesKeepTheirTimesThroughGaps) {
    const BeatFile file = readBeats("0.81 810\n1.62,810\n9.0 820\n", "rr.csv");
    ASSERT_EQ(file.error, "");
    ASSERT_EQ(file.beats.size(), 3u);
    EXPECT_DOUBLE_EQ(file.beats[2].seconds, 9.0);
    EXPECT_DOUBLE_EQ(file.beats[2].rrMs, 820.0);
}

TEST(HeartBeats, ErrorsNameLineAndColumn) {
    EXPECT_EQ(readBeats("800\n80O\n", "rr.txt").error,
              "rr.txt:2:1: '80O' is not a number; write the RR interval in ms, e.g. 812");
    EXPECT_EQ(readBeats("800\n1.0 800\n", "rr.txt").error,
              "rr.txt:2:1: a timestamped line in a stream of plain RR intervals; keep one form: "
              "every line `ms`, or every line `seconds ms`");
    EXPECT_EQ(readBeats("1.0 800\n800\n", "rr.txt").error,
              "rr.txt:2:1: a plain RR interval in a timestamped stream; keep one form: every line "
              "`seconds ms`");
    EXPECT_EQ(readBeats("2.0 800\n  1.5 800\n", "rr.txt").error,
              "rr.txt:2:3: time goes backwards (1.5 s after a later beat); beats must come in time "
              "order");
    EXPECT_EQ(readBeats("1 2 3\n", "rr.txt").error,
              "rr.txt:1:5: more than two values on a line; write an RR interval in ms, or seconds "
              "then the RR interval in ms");
    EXPECT_EQ(readBeats("1.0 -5\n", "rr.txt").error,
              "rr.txt:1:5: an RR interval must be above 0 ms; write milliseconds, e.g. 812");
}

}  // namespace
}  // namespace stillpoint::heart
