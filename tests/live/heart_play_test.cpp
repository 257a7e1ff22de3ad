// `play --heart FILE`: beats replayed on the session's clock into the heart
// monitor while a `pace: resonance` step plays at a client profile's
// resonance pace; the notes when following
// starts and when the beats stop, the same moments in the event log, and
// the artefact summary at the end.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "jack_server.hpp"

namespace {

namespace fs = std::filesystem;
using stillpoint::test::JackServer;

TEST(live_heart, ABeatFileIsFollowedNotedWhenItEndsAndSummarised) {
    JackServer server(256);
    ASSERT_TRUE(server.ready()) << server.log();
    const fs::path dir =
        fs::temp_directory_path() / ("stillpoint-heart-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    // Twelve beats of a second, one of them far out of range (it still moves
    // time on): the beats end 16 s in.
    std::ofstream(dir / "rr.txt")
        << "1000\n1000\n1000\n5000\n1000\n1000\n1000\n1000\n1000\n1000\n1000\n1000\n";
    const std::string session = std::string(STILLPOINT_TEST_DATA_DIR) + "/../live/heart.yaml";
    // The listener's resonance pace from a client profile, as the app writes it.
    std::ofstream(dir / "client.json") << "{\"name\": \"Ana\", \"resonance\": 6}\n";
    const std::string command =
        server.environment() + " " + STILLPOINT_CLI_PATH + " play " + session +
        " --api jack --profile " + (dir / "client.json").string() + " --heart " +
        (dir / "rr.txt").string() + " --events " + (dir / "events.log").string() +
        " </dev/null >/dev/null 2>" + (dir / "stderr").string();
    const int status = std::system(command.c_str());
    std::stringstream err, events;
    err << std::ifstream(dir / "stderr").rdbuf();
    events << std::ifstream(dir / "events.log").rdbuf();
    fs::remove_all(dir);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << err.str();
    const std::string text = err.str();
    EXPECT_NE(text.find("heart: the pace follows the heart from 6.00/min (4.5-7/min, at most "
                        "0.5/min a minute)\n"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("heart: no beats for 5 s; the pace glides back to the session's own\n"),
              std::string::npos)
        << text;
    EXPECT_NE(
        text.find(
            "stillpoint play: heart: 12 beats, 11 accepted, 1 outside 300-2000 ms, 0 sudden jumps "
            "refused; no coherence (under 32 s of beats)\n"),
        std::string::npos)
        << text;

    // The log: following from the step's own 6/min; the stream lost 5 s
    // after the beat before the refused 5000 ms one (3 s in) and found again
    // at the next; lost for good 5 s after the last beat (16 s in); each
    // stamped with the output sample where the control loop saw it.
    const std::string log = events.str();
    const auto secondsAt = [&](std::size_t at) {
        const auto lineStart = log.rfind('\n', at) + 1;
        return std::stod(log.substr(lineStart, at - lineStart)) / 48000.0;
    };
    const auto following = log.find(" heart:Following 0 6\n");
    const auto lost = log.find(" heart:StreamLost 0 6\n");
    const auto found = log.find(" heart:StreamFound 0 6\n");
    const auto lostAgain = log.rfind(" heart:StreamLost 0 6\n");
    ASSERT_NE(following, std::string::npos) << log;
    ASSERT_NE(found, std::string::npos) << log;
    EXPECT_LT(log.find(" StepStarted 0 "), following) << log;
    EXPECT_LT(following, lost) << log;
    EXPECT_LT(lost, found) << log;
    EXPECT_LT(found, lostAgain) << log;
    EXPECT_NEAR(secondsAt(lost), 8.0, 0.5) << log;
    EXPECT_NEAR(secondsAt(found), 9.0, 0.5) << log;
    EXPECT_NEAR(secondsAt(lostAgain), 21.0, 0.5) << log;
}

}  // namespace
