// Control scripts: good lines become requests; bad lines name file:line and
// say how to write them.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "live/control_script.hpp"
#include "live/key_controls.hpp"

namespace {

using namespace stillpoint;
using namespace stillpoint::cli::live;

TimedRequest parseGood(std::string_view line) {
    const auto parsed = parseControlLine(line, 1);
    const auto* timed = std::get_if<TimedRequest>(&parsed);
    EXPECT_NE(timed, nullptr) << line;
    return timed ? *timed : TimedRequest{};
}

std::string parseBad(std::string_view line) {
    const auto parsed = parseControlLine(line, 1);
    const auto* error = std::get_if<ScriptError>(&parsed);
    EXPECT_NE(error, nullptr) << line;
    return error ? error->message : "";
}

TEST(live_control_script, GoodLines) {
    EXPECT_EQ(parseGood("2.5 pause").request.action, LiveAction::Pause);
    EXPECT_DOUBLE_EQ(parseGood("2.5 pause").seconds, 2.5);
    EXPECT_EQ(parseGood("  6   resume  ").request.action, LiveAction::Resume);
    EXPECT_EQ(parseGood("10 next").request.action, LiveAction::Next);
    EXPECT_EQ(parseGood("11 previous").request.action, LiveAction::Previous);
    EXPECT_EQ(parseGood("12 slower").request.action, LiveAction::Slower);
    EXPECT_EQ(parseGood("13 faster").request.action, LiveAction::Faster);
    EXPECT_EQ(parseGood("20 grounding").request.action, LiveAction::Grounding);
    EXPECT_EQ(parseGood("21 hold").request.action, LiveAction::Hold);
    EXPECT_EQ(parseGood("22 release").request.action, LiveAction::Release);
    EXPECT_EQ(parseGood("30 stop").request.action, LiveAction::Stop);
    EXPECT_EQ(parseGood("40 continue").request.action, LiveAction::Continue);
    const auto pace = parseGood("14 pace 5.5");
    EXPECT_EQ(pace.request.action, LiveAction::SetPace);
    EXPECT_DOUBLE_EQ(pace.request.value, 5.5);
    const auto volume = parseGood("25 volume bed -30");
    EXPECT_EQ(volume.request.action, LiveAction::SetLayerGain);
    EXPECT_EQ(volume.request.layer, LayerId::Bed);
    EXPECT_DOUBLE_EQ(volume.request.value, -30.0);
}

TEST(live_control_script, PatternLinesNameAPresetOrTheSession) {
    const auto box = parseGood("5 pattern box");
    EXPECT_EQ(box.request.action, LiveAction::SetPattern);
    EXPECT_DOUBLE_EQ(box.request.value, 3.0);  // breathPresets(): resonance, coherent, box, ...
    EXPECT_DOUBLE_EQ(parseGood("9 pattern session").request.value, 0.0);
    EXPECT_NE(parseBad("5 pattern boks").find("unknown pattern 'boks'; did you mean 'box'?"),
              std::string::npos);
    EXPECT_EQ(parseBad("5 pattern"),
              "'pattern' takes 1 argument(s), got 0; write e.g. '5 pattern box'");
    std::string keys = "bb";
    const auto requests = mapKeys(keys);
    ASSERT_EQ(requests.size(), 2u);
    EXPECT_EQ(requests[0].action, LiveAction::NextPattern);
}

TEST(live_control_script, BlankAndCommentLinesAreSkipped) {
    EXPECT_TRUE(std::holds_alternative<std::monostate>(parseControlLine("", 1)));
    EXPECT_TRUE(std::holds_alternative<std::monostate>(parseControlLine("   ", 1)));
    EXPECT_TRUE(std::holds_alternative<std::monostate>(parseControlLine("# a note", 1)));
}

TEST(live_control_script, BadLinesSayWhatToWrite) {
    EXPECT_EQ(parseBad("2,5 pause"), "'2,5' is not a time; start the line with seconds, e.g. '2.5 pause'");
    EXPECT_EQ(parseBad("-1 pause"), "'-1' is not a time; start the line with seconds, e.g. '2.5 pause'");
    EXPECT_EQ(parseBad("pause"), "'pause' is not a time; start the line with seconds, e.g. '2.5 pause'");
    EXPECT_EQ(parseBad("3"), "no command after the time; write e.g. '3 pause'");
    EXPECT_NE(parseBad("3 pasue").find("unknown command 'pasue'; did you mean 'pause'?"), std::string::npos);
    EXPECT_EQ(parseBad("3 pause now"), "'pause' takes 0 argument(s), got 1; write e.g. '3 pause'");
    EXPECT_EQ(parseBad("3 volume bed"), "'volume' takes 2 argument(s), got 1; write e.g. '3 volume bed -30'");
    EXPECT_NE(parseBad("3 volume bde -30").find("unknown layer 'bde'; did you mean 'bed'?"), std::string::npos);
    EXPECT_EQ(parseBad("3 volume bed -90"), "volume '-90' is not a level in dB from -60 to 6, e.g. -30");
    EXPECT_EQ(parseBad("3 pace 50"), "pace '50' is not a number of breaths per minute from 1 to 30");
}

TEST(live_control_script, ReaderNamesFileAndLineAndSortsByTime) {
    const auto path = std::filesystem::temp_directory_path() / ("sp-control-" + std::to_string(::getpid()));
    std::ofstream(path) << "# script\n5 resume\n2 pause\n7 jump\n9 stop";  // no final newline
    ControlScriptReader reader;
    std::string error;
    ASSERT_TRUE(reader.open(path.string(), error)) << error;
    std::vector<std::string> errors;
    reader.poll(errors);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].rfind(path.string() + ":4: unknown command 'jump'", 0), 0u) << errors[0];
    EXPECT_TRUE(reader.takeDue(1.9).empty());
    const auto upTo5 = reader.takeDue(5.0);
    ASSERT_EQ(upTo5.size(), 2u);
    EXPECT_EQ(upTo5[0].action, LiveAction::Pause);
    EXPECT_EQ(upTo5[1].action, LiveAction::Resume);
    const auto rest = reader.takeDue(100.0);
    ASSERT_EQ(rest.size(), 1u);
    EXPECT_EQ(rest[0].action, LiveAction::Stop);
    std::filesystem::remove(path);
}

TEST(live_keys, KeysAndArrows) {
    std::string bytes = " hnp-+g3q\x1b[A\x1b[B\x1b[";
    const auto requests = mapKeys(bytes);
    const LiveAction expected[] = {LiveAction::TogglePause, LiveAction::ToggleHold, LiveAction::Next,
                                   LiveAction::Previous,    LiveAction::Slower,     LiveAction::Faster,
                                   LiveAction::Grounding,   LiveAction::SelectLayer, LiveAction::Stop,
                                   LiveAction::LayerUp,     LiveAction::LayerDown};
    ASSERT_EQ(requests.size(), std::size(expected));
    for (std::size_t i = 0; i < requests.size(); ++i) EXPECT_EQ(requests[i].action, expected[i]) << i;
    EXPECT_EQ(requests[7].layer, LayerId::Bells);
    EXPECT_EQ(bytes, "\x1b[");  // an unfinished arrow waits for its last byte
}

TEST(live_keys, EnterAndCGoOnAfterACheckin) {
    std::string bytes = "\nc\r";
    const auto requests = mapKeys(bytes);
    ASSERT_EQ(requests.size(), 3u);
    for (const auto& r : requests) EXPECT_EQ(r.action, LiveAction::Continue);
    EXPECT_TRUE(bytes.empty());
}

}  // namespace
