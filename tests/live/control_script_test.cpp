// Control scripts: good lines become requests; bad lines name file:line and
// say how to write them.
#include "live/control_script.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

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
    EXPECT_EQ(parseBad("2,5 pause"),
              "'2,5' is not a time; start the line with seconds, e.g. '2.5 pause'");
    EXPECT_EQ(parseBad("-1 pause"),
              "'-1' is not a time; start the line with seconds, e.g. '2.5 pause'");
    EXPECT_EQ(parseBad("pause"),
              "'pause' is not a time; start the line with seconds, e.g. '2.5 pause'");
    EXPECT_EQ(parseBad("3"), "no command after the time; write e.g. '3 pause'");
    EXPECT_NE(parseBad("3 pasue").find("unknown command 'pasue'; did you mean 'pause'?"),
              std::string::npos);
    EXPECT_EQ(parseBad("3 pause now"), "'pause' takes 0 argument(s), got 1; write e.g. '3 pause'");
    EXPECT_EQ(parseBad("3 volume bed"),
              "'volume' takes 2 argument(s), got 1; write e.g. '3 volume bed -30'");
    EXPECT_NE(parseBad("3 volume bde -30").find("unknown layer 'bde'; did you mean 'bed'?"),
              std::string::npos);
    EXPECT_EQ(parseBad("3 volume bed -90"),
              "volume '-90' is not a level in dB from -60 to 6, e.g. -30");
    EXPECT_EQ(parseBad("3 pace 50"),
              "pace '50' is not a number of breaths per minute from 1 to 30");
}

TEST(live_control_script, ReaderNamesFileAndLineAndSortsByTime) {
    const auto path =
        std::filesystem::temp_directory_path() / ("sp-control-" + std::to_string(::getpid()));
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

class live_control_input : public ::testing::Test {
  protected:
    void SetUp() override {
        path_ = std::filesystem::temp_directory_path() /
                ("sp-control-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
    }
    void TearDown() override { std::filesystem::remove(path_); }
    /// A regular control file with `text`, opened and read whole.
    std::vector<std::string> readFile(ControlScriptReader& reader, const std::string& text) {
        std::ofstream(path_, std::ios::binary) << text;
        std::string error;
        EXPECT_TRUE(reader.open(path_.string(), error)) << error;
        std::vector<std::string> errors;
        reader.poll(errors);
        return errors;
    }
    std::filesystem::path path_;
};

TEST_F(live_control_input, AnOverLongLineIsDiscardedWithOneErrorAndTheNextLineCounts) {
    ControlScriptReader reader;
    const std::string longLine = "1 pause " + std::string(5000, 'x') + "\n";
    const auto errors =
        readFile(reader, "# a note\n" + longLine + "2 resume\n" + std::string(3000, 'y'));
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[0],
              path_.string() +
                  ":2: line longer than 1024 bytes; discarded (write one short command per "
                  "line, e.g. '2.5 pause')");
    EXPECT_EQ(errors[1].rfind(path_.string() + ":4: line longer than 1024 bytes", 0), 0u)
        << errors[1];
    const auto due = reader.takeDue(10.0);
    ASSERT_EQ(due.size(), 1u);  // only the line after the long one
    EXPECT_EQ(due[0].action, LiveAction::Resume);
}

TEST_F(live_control_input, PendingCommandsAreBoundedButStopAndGroundingAreAlwaysTaken) {
    std::string text;
    for (int i = 0; i < 1005; ++i) text += "100 pause\n";
    text += "7 grounding\n5 stop\n9 stop\n";
    ControlScriptReader reader;
    const auto errors = readFile(reader, text);
    ASSERT_EQ(errors.size(), 5u);
    EXPECT_EQ(errors[0],
              path_.string() +
                  ":1001: 1000 commands already wait for their time; line refused (stop and "
                  "grounding are always taken; send the rest when those have played)");
    EXPECT_EQ(reader.pendingCount(), 1002u);  // 1000, one grounding, the earliest stop
    const auto upTo10 = reader.takeDue(10.0);
    ASSERT_EQ(upTo10.size(), 2u);
    EXPECT_EQ(upTo10[0].action, LiveAction::Stop);
    EXPECT_EQ(upTo10[1].action, LiveAction::Grounding);
    EXPECT_EQ(reader.takeDue(100.0).size(), 1000u);
}

TEST_F(live_control_input, ProblemsBeyondTheFirstFewAreCountedNotPrinted) {
    std::string text;
    for (int i = 0; i < 1000; ++i) text += "soon pause\n";
    text += "3 stop\n";
    ControlScriptReader reader;
    const auto errors = readFile(reader, text);
    EXPECT_EQ(errors.size(), RefusalLog::kShownInFull);
    EXPECT_EQ(errors.back().rfind(path_.string() + ":20: 'soon' is not a time", 0), 0u)
        << errors.back();
    const auto now = RefusalLog::Clock::now();
    EXPECT_FALSE(reader.refusalSummary(now));  // the first summary waits its period
    EXPECT_FALSE(reader.refusalSummary(now + std::chrono::seconds(4)));
    EXPECT_EQ(reader.refusalSummary(now + std::chrono::seconds(5)),
              path_.string() +
                  ": 980 more control line(s) refused (only the first 20 problems are "
                  "shown in full; 1000 refused in all)");
    EXPECT_FALSE(reader.refusalSummary(now + std::chrono::seconds(60), true));  // nothing new
    ASSERT_EQ(reader.takeDue(3.0).size(), 1u);
}

long residentKiB() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
    return -1;
}

// 48 MB into a FIFO: long lines, no newline at all for a while, garbage
// lines; the reader's memory stays put, it prints a bounded few lines, and a
// stop written after it all is still taken.
TEST_F(live_control_input, AFloodIntoAFifoKeepsMemoryAndOutputBoundedAndStopStillWorks) {
    ASSERT_EQ(::mkfifo(path_.c_str(), 0600), 0);
    ControlScriptReader reader;
    std::string error;
    ASSERT_TRUE(reader.open(path_.string(), error)) << error;
    const long before = residentKiB();
    std::thread writer([path = path_] {
        std::ofstream fifo(path, std::ios::binary);
        std::string chunk(1 << 20, 'z');  // 1 MB without a newline
        for (int i = 0; i < 16; ++i) fifo << chunk;
        for (std::size_t i = 4096; i < chunk.size(); i += 4096) chunk[i] = '\n';  // 4 KB lines
        for (int i = 0; i < 24; ++i) fifo << chunk;
        std::string garbage;
        for (int i = 0; i < 20000; ++i) garbage += "\x01\xff junk " + std::to_string(i) + "\n";
        for (int i = 0; i < 8; ++i) fifo << garbage;
        fifo << "0 stop\n";
    });
    std::size_t printed = 0, printedBytes = 0;
    bool stopped = false;
    long largest = 0;
    const auto start = std::chrono::steady_clock::now();
    while (!stopped && std::chrono::steady_clock::now() - start < std::chrono::seconds(60)) {
        std::vector<std::string> errors;
        reader.poll(errors);
        printed += errors.size();
        for (const auto& e : errors) printedBytes += e.size();
        for (const auto& r : reader.takeDue(1.0)) stopped |= r.action == LiveAction::Stop;
        largest = std::max(largest, residentKiB() - before);
    }
    writer.join();
    EXPECT_TRUE(stopped);
    EXPECT_EQ(printed, RefusalLog::kShownInFull);
    EXPECT_LT(printedBytes, 4096u);
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
    // (AddressSanitizer holds freed blocks in quarantine and ThreadSanitizer
    // maps shadow memory as the reader touches pages, so there the resident
    // size says nothing; the live test bounds the player's with a small quarantine.)
    EXPECT_LT(largest, 8 * 1024) << "KiB more resident while reading";
#endif
    const auto summary = reader.refusalSummary(RefusalLog::Clock::now(), true);
    ASSERT_TRUE(summary);
    EXPECT_NE(summary->find(" more control line(s) refused"), std::string::npos) << *summary;
}

TEST(live_keys, KeysAndArrows) {
    std::string bytes = " hnp-+g3q\x1b[A\x1b[B\x1b[";
    const auto requests = mapKeys(bytes);
    const LiveAction expected[] = {
        LiveAction::TogglePause, LiveAction::ToggleHold,  LiveAction::Next,
        LiveAction::Previous,    LiveAction::Slower,      LiveAction::Faster,
        LiveAction::Grounding,   LiveAction::SelectLayer, LiveAction::Stop,
        LiveAction::LayerUp,     LiveAction::LayerDown};
    ASSERT_EQ(requests.size(), std::size(expected));
    for (std::size_t i = 0; i < requests.size(); ++i)
        EXPECT_EQ(requests[i].action, expected[i]) << i;
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
