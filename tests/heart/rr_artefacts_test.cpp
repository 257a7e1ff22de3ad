// The artefact rules of rr_artefacts.hpp, one by one, counted.
#include "stillpoint/rr_artefacts.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace stillpoint::heart {
namespace {

std::vector<RrVerdict> verdicts(RrArtefactFilter& filter, const std::vector<double>& rr) {
    std::vector<RrVerdict> out;
    for (double value : rr) out.push_back(filter.check(value));
    return out;
}

constexpr auto A = RrVerdict::Accepted;
constexpr auto R = RrVerdict::OutOfRange;
constexpr auto J = RrVerdict::Jump;

TEST(RrArtefacts, RefusesIntervalsOutsideTheRange) {
    RrArtefactFilter filter;
    EXPECT_EQ(verdicts(filter,
                       {299.9, 300.0, 2000.1, 0.0, -800.0, std::numeric_limits<double>::quiet_NaN(),
                        std::numeric_limits<double>::infinity()}),
              (std::vector<RrVerdict>{R, A, R, R, R, R, R}));
    // 300 then 2000 is a jump, not a range problem: range is checked alone first.
    RrArtefactFilter fresh;
    EXPECT_EQ(verdicts(fresh, {2000.0}), (std::vector<RrVerdict>{A}));
    EXPECT_EQ(filter.counts().outOfRange, 6u);
    EXPECT_EQ(filter.counts().accepted, 1u);
}

TEST(RrArtefacts, RefusesAnEctopicBeatAndItsCompensatoryPause) {
    RrArtefactFilter filter;
    // Steady 1000 ms, an early beat at 600, the pause at 1400, steady again.
    EXPECT_EQ(verdicts(filter, {1000, 1010, 600, 1400, 990, 1000}),
              (std::vector<RrVerdict>{A, A, J, J, A, A}));
    EXPECT_EQ(filter.counts().jumps, 2u);
    EXPECT_EQ(filter.counts().accepted, 4u);
    EXPECT_EQ(filter.counts().total(), 6u);
}

TEST(RrArtefacts, TwentyPercentOfTheLastAcceptedIsTheLimit) {
    RrArtefactFilter filter;
    EXPECT_EQ(verdicts(filter, {1000, 1200, 1441, 960, 767}),
              (std::vector<RrVerdict>{A, A, J, A, J}));
}

TEST(RrArtefacts, AcceptsARealChangeOfRateOnTheFifthIntervalInARow) {
    RrArtefactFilter filter;
    EXPECT_EQ(verdicts(filter, {1000, 600, 600, 600, 600, 600, 610}),
              (std::vector<RrVerdict>{A, J, J, J, J, A, A}));
    EXPECT_EQ(filter.counts().jumps, 4u);
}

}  // namespace
}  // namespace stillpoint::heart
