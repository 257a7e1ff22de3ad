// play's --events log: engine events, commands, and what the heart did to
// the pace, one line each, stamped with the output sample.
#include "live/event_log.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "stillpoint/heart_pace.hpp"

namespace stillpoint::cli::live {
namespace {

TEST(EventLog, HeartLinesNameTheFollowersNoteAndThePace) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("stillpoint-events-" + std::to_string(::getpid()) + ".log");
    {
        EventLog log;
        ASSERT_TRUE(log.open(path.string()));
        log.write(Event{EventType::StepStarted, 0, 0, 0, 0.0});
        log.writeHeart(48128, heart::followNoteName(heart::FollowNote::Following), 6.0);
        log.write(Command{CommandType::SetPace, 0, 5.95}, 337152);
        log.writeHeart(337152, "Pace", 5.95);
        log.writeHeart(384256, heart::followNoteName(heart::FollowNote::StreamLost), 6.0);
        log.writeHeart(432065, heart::followNoteName(heart::FollowNote::StreamFound), 6.0);
        log.writeHeart(900000, heart::followNoteName(heart::FollowNote::HandedBack), 6.0);
    }
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    std::filesystem::remove(path);
    EXPECT_EQ(text.str(),
              "0 StepStarted 0 0\n"
              "48128 heart:Following 0 6\n"
              "337152 command:SetPace 0 5.95\n"
              "337152 heart:Pace 0 5.95\n"
              "384256 heart:StreamLost 0 6\n"
              "432065 heart:StreamFound 0 6\n"
              "900000 heart:HandedBack 0 6\n");
    EXPECT_STREQ(heart::followNoteName(heart::FollowNote::None), "");
}

}  // namespace
}  // namespace stillpoint::cli::live
