// The gains a session plays with while its lines are still being made
// (prepare/opening_calibration, each line stood in for by noise shaped and
// levelled as a line) against the whole narrated session's, which a render
// uses and live play glides to.
#include "prepare/opening_calibration.hpp"

#include <gtest/gtest.h>

#include <limits>

#include "graph/loudness_analysis.hpp"
#include "session_rendering.hpp"

namespace stillpoint::test {
namespace {

struct Gains {
    Calibration opening, wholePlan, narrated;
};

Gains gainsOf(const std::string& name) {
    const EngineConfig config;
    const auto path = std::string(STILLPOINT_ASSETS_DIR) + "/" + name;
    auto parsed = loadSessionFile(path);
    EXPECT_TRUE(parsed.session) << path;
    auto plan = planSession(*parsed.session);
    EXPECT_TRUE(plan.program) << path;
    const double lufs = NarrationSettings{}.speechLufs;
    Gains gains;
    gains.opening = prepare::openingCalibration(*plan.program, config, lufs, 90.0);
    gains.wholePlan = prepare::openingCalibration(*plan.program, config, lufs,
                                                  std::numeric_limits<double>::infinity());
    gains.narrated =
        calibrateProgram(*planOrFail(parsed), config, kMaxCalibrationCutDb, kMaxCalibrationBoostDb);
    return gains;
}

double voiceDb(const Calibration& c) {
    return c.masterGainDb + c.voiceTrimDb;
}

// Measured on every shipped session (the whole plan within -1.05..+0.13 dB
// of the narrated session's gains): a listener hears live play within about
// 1 dB of the render while lines are made, under the design's +-1 LU bar
// for a rendered session, and then the gains glide to the render's own.
constexpr double kWholePlanWithinDb = 1.1;
// The opening alone is cheap but sees only the start: a voice-heavy start
// needs less gain than a whole session with long quiet breathing (measured
// -4.1..+1.7 dB). It is heard first and glides away within seconds.
constexpr double kOpeningWithinDb = 4.5;

TEST(OpeningCalibration, TheWholePlanWithStandInLinesLandsNearTheNarratedSessionsGains) {
    for (const char* name : {"sessions/body-scan-5.yaml", "programs/extended-exhale.yaml",
                             "sessions/grounding-segment.yaml"}) {
        const Gains gains = gainsOf(name);
        EXPECT_NEAR(gains.wholePlan.masterGainDb, gains.narrated.masterGainDb, kWholePlanWithinDb)
            << name;
        EXPECT_NEAR(voiceDb(gains.wholePlan), voiceDb(gains.narrated), kWholePlanWithinDb) << name;
        EXPECT_NEAR(gains.opening.masterGainDb, gains.narrated.masterGainDb, kOpeningWithinDb)
            << name;
        EXPECT_NE(gains.opening.masterGainDb, gains.wholePlan.masterGainDb) << name;
    }
}

}  // namespace
}  // namespace stillpoint::test
