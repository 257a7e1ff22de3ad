// `stillpoint play` end to end under a private JACK server (dummy backend):
// a long run at 64 frames, a scripted sequence of live controls whose events
// come back in order and on time, repeated underruns answered by a reopen
// with a larger buffer, and the server dying mid-play.
#include <gtest/gtest.h>
#include <signal.h>
#include <sndfile.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "audio_analysis.hpp"
#include "jack_recorder.hpp"
#include "jack_server.hpp"

namespace {

namespace fs = std::filesystem;
using stillpoint::test::JackRecorder;
using stillpoint::test::JackServer;

const std::string kSession = std::string(STILLPOINT_TEST_DATA_DIR) + "/../live/two-minutes.yaml";
constexpr double kRate = 48000.0;

struct PlayRun {
    int exitCode = -1;
    std::string err;
};

std::string slurp(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

class live_play : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("stillpoint-live-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    std::string playCommand(const JackServer& server, const std::string& args,
                            const std::string& session = kSession,
                            const std::string& environment = {}) const {
        return server.environment() + " " + environment + " " + STILLPOINT_CLI_PATH + " play " +
               session + " --api jack " + args + " </dev/null >/dev/null 2>" +
               (dir_ / "stderr").string();
    }
    PlayRun play(const JackServer& server, const std::string& args,
                 const std::string& session = kSession, const std::string& environment = {}) {
        const int status = std::system(playCommand(server, args, session, environment).c_str());
        return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(dir_ / "stderr")};
    }
    fs::path write(const std::string& name, const std::string& text) {
        std::ofstream(dir_ / name) << text;
        return dir_ / name;
    }

    fs::path dir_;
};

long long summaryNumber(const std::string& err, const std::string& label) {
    std::smatch m;
    const std::regex pattern(label + " ([0-9]+)");
    return std::regex_search(err, m, pattern) ? std::stoll(m[1]) : -1;
}

// (a) The whole two-minute session at 64 frames, start to natural end, with
// no underrun of the player's making. The dummy driver runs on timers: on a
// loaded machine it misses its own deadlines with no client at all and tells
// every client, so the test asserts zero underruns when the server itself
// kept time, and otherwise that every underrun is one the server saw.
TEST_F(live_play, TwoMinutesAt64FramesWithoutUnderrun) {
    JackServer server(64);
    ASSERT_TRUE(server.ready()) << server.log();
    const PlayRun run =
        play(server, "--buffer 64 --callback-stats " + (dir_ / "stats.txt").string());
    ASSERT_EQ(run.exitCode, 0) << run.err;

    // 122 s of steps and a 4 s fade-out; the summary line is there even though
    // stderr is not a terminal.
    std::smatch m;
    ASSERT_TRUE(std::regex_search(
        run.err, m,
        std::regex(
            R"(finished after 2:0[5-7] .* 64-frame buffer, output latency ([0-9]+) frames)")))
        << run.err;
    const long long underruns = summaryNumber(run.err, "underruns");
    ASSERT_GE(underruns, 0) << run.err;
    std::smatch load;
    ASSERT_TRUE(std::regex_search(run.err, load, std::regex(R"(DSP load max ([0-9.]+)%)")))
        << run.err;

    const std::string log = server.log();
    std::size_t serverXruns = 0;
    for (std::size_t at = 0; (at = log.find("XRun", at)) != std::string::npos; ++at) ++serverXruns;
    // The callback's own work is a sliver of its block. (Its maximum and the
    // server's "not finished" notes also count the OS preempting a
    // non-realtime thread on a busy machine, so they are reported, not bounded.)
    std::smatch p99;
    const std::string stats = slurp(dir_ / "stats.txt");
    ASSERT_TRUE(std::regex_search(stats, p99, std::regex(R"(p99 ([0-9.]+)%)"))) << stats;
    EXPECT_LT(std::stod(p99[1]), 25.0) << stats;
    // Every underrun reported is one the server saw; with a punctual server, none.
    EXPECT_LE(static_cast<std::size_t>(underruns), serverXruns) << run.err;
    if (serverXruns == 0) {
        EXPECT_EQ(underruns, 0) << run.err;
    }
    RecordProperty("underruns", static_cast<int>(underruns));
    RecordProperty("server_xruns", static_cast<int>(serverXruns));
    std::printf(
        "2 min at 64 frames: underruns %lld (server's own xruns %zu), DSP load max %s%%; %s",
        underruns, serverXruns, load[1].str().c_str(), stats.c_str());
}

struct LoggedLine {
    long long sample = 0;
    std::string type;
    int index = 0;
    double value = 0;
};

std::vector<LoggedLine> readEvents(const fs::path& path) {
    std::vector<LoggedLine> lines;
    std::ifstream in(path);
    for (LoggedLine l; in >> l.sample >> l.type >> l.index >> l.value;)
        if (l.type != "PhaseChanged" && l.type != "StepStarted" && l.type != "BellStruck" &&
            l.type.rfind("output:", 0) != 0)  // a reopen on a busy machine is not the engine's
            lines.push_back(l);
    return lines;
}

// (b) Scripted controls: each event comes back in order, within one buffer of
// the scripted time plus the fade the command starts.
TEST_F(live_play, ScriptedControlsComeBackInOrderAndOnTime) {
    constexpr int kBuffer = 256;
    JackServer server(kBuffer);
    ASSERT_TRUE(server.ready()) << server.log();
    const auto script = write("controls.txt",
                              "# pause, skip, slower, grounding, stop\n"
                              "2 pause\n4 resume\n6 next\n8 slower\n10 grounding\n14 stop\n");
    const auto events = dir_ / "events.txt";
    const PlayRun run =
        play(server, "--buffer 256 --control " + script.string() + " --events " + events.string());
    ASSERT_EQ(run.exitCode, 0) << run.err;

    struct Expected {
        std::string type;
        int index;
        double seconds;  ///< scripted time + the fade before the event
    };
    // Fades: pause 1.5 s, section jump 1.0 s, stop 2.5 s (engine/src/graph/sequencer.hpp).
    const std::vector<Expected> expected = {
        {"SessionStarted", 0, 0.0},      {"SectionStarted", 0, 0.0},
        {"command:Pause", 0, 2.0},       {"Paused", 0, 3.5},
        {"command:Resume", 0, 4.0},      {"Resumed", 0, 4.0},
        {"command:NextSection", 0, 6.0}, {"SectionStarted", 1, 7.0},
        {"command:SetPace", 0, 8.0},     {"command:Grounding", 0, 10.0},
        {"SectionStarted", 3, 11.0},     {"LineSpoken", 5, 11.0},  // grounding speaks at once
        {"command:Stop", 0, 14.0},       {"Finished", 0, 16.5},
    };
    const auto got = readEvents(events);
    ASSERT_EQ(got.size(), expected.size()) << slurp(events);
    // One buffer, plus the limiter's 1 ms look-ahead that events are reported after.
    const double tolerance = kBuffer + 0.001 * kRate + 1;
    for (std::size_t i = 0; i < got.size(); ++i) {
        SCOPED_TRACE(expected[i].type + " at " + std::to_string(expected[i].seconds) + " s");
        EXPECT_EQ(got[i].type, expected[i].type);
        EXPECT_EQ(got[i].index, expected[i].index);
        const double due = expected[i].seconds * kRate;
        EXPECT_GE(got[i].sample, due - 1);
        EXPECT_LE(got[i].sample, due + tolerance);
    }
    EXPECT_DOUBLE_EQ(got[8].value, 5.5);  // slower: 6 -> 5.5 breaths a minute
}

// The left channel of a rendered file.
std::vector<float> readLeft(const fs::path& path) {
    SF_INFO info{};
    SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
    if (!file) return {};
    std::vector<float> frames(static_cast<std::size_t>(info.frames * info.channels));
    sf_readf_float(file, frames.data(), info.frames);
    sf_close(file);
    std::vector<float> left(static_cast<std::size_t>(info.frames));
    for (std::size_t i = 0; i < left.size(); ++i)
        left[i] = frames[i * static_cast<std::size_t>(info.channels)];
    return left;
}

/// Where `heard[at ..]` (2048 samples) lies in `rendered`: heard[i] ==
/// rendered[i - offset] within 24-bit rounding; -1 when nowhere.
long offsetInRender(const std::vector<float>& heard, std::size_t at,
                    const std::vector<float>& rendered) {
    constexpr std::size_t kChunk = 2048;
    constexpr float kTolerance = 1e-5f;
    if (at + kChunk > heard.size()) return -1;
    for (std::size_t j = 0; j + kChunk <= rendered.size(); ++j) {
        std::size_t k = 0;
        while (k < kChunk && std::fabs(rendered[j + k] - heard[at + k]) < kTolerance) ++k;
        if (k == kChunk) return static_cast<long>(at) - static_cast<long>(j);
    }
    return -1;
}

// (c) Underruns again and again (made to happen at 3 s): the player fades
// out, reopens asking for twice its default 1024-frame buffer, says so, and
// fades back in where it was. What it played is the session's render with
// one silent gap: nothing skipped or repeated, no click at either edge.
TEST_F(live_play, RepeatedUnderrunsReopenWithTwiceTheBufferWhereItWas) {
    JackServer server(256);
    ASSERT_TRUE(server.ready()) << server.log();
    const std::string session = std::string(STILLPOINT_TEST_DATA_DIR) + "/../live/one-breath.yaml";
    const fs::path reference = dir_ / "reference.wav";
    ASSERT_EQ(std::system((std::string(STILLPOINT_CLI_PATH) + " render " + session + " -o " +
                           reference.string() + " --quiet >/dev/null")
                              .c_str()),
              0);
    const auto rendered = readLeft(reference);
    ASSERT_GT(rendered.size(), 10 * kRate);
    JackRecorder recorder(server.name(), "recorder", 40.0, kRate);
    ASSERT_TRUE(recorder.ready()) << server.log();
    const auto events = dir_ / "events.txt";
    const PlayRun run = play(server, "--device recorder --events " + events.string(), session,
                             "STILLPOINT_SIMULATE_UNDERRUNS=3:3");
    ASSERT_EQ(run.exitCode, 0) << run.err;

    // Said once, in one line, and logged.
    EXPECT_NE(
        run.err.find(
            "stillpoint play: 3 underruns within 10 s; reopened the output asking for a "
            "2048-frame buffer instead of 1024 (the device gave 256); faded out and back "
            "in where it was; the device keeps its 256-frame buffer whatever is asked (on "
            "JACK the server's period decides: start jackd with a larger -p, e.g. -p 1024)\n"),
        std::string::npos)
        << run.err;
    EXPECT_NE(slurp(events).find(" output:Reopened 2048 1024\n"), std::string::npos)
        << slurp(events);

    // The recording: one stretch of silence inside the session, the reopen.
    const auto heard = recorder.take(0);
    const auto first = std::find_if(heard.begin(), heard.end(), [](float v) { return v != 0.0f; });
    const auto last =
        std::find_if(heard.rbegin(), heard.rend(), [](float v) { return v != 0.0f; }).base();
    ASSERT_LT(first, last);
    std::vector<std::pair<std::size_t, std::size_t>> gaps;  // [first zero, first sound after)
    for (auto at = first; at < last;) {
        const auto zero = std::find(at, last, 0.0f);
        const auto sound = std::find_if(zero, last, [](float v) { return v != 0.0f; });
        if (sound - zero > 1200)
            gaps.emplace_back(static_cast<std::size_t>(zero - heard.begin()),
                              static_cast<std::size_t>(sound - heard.begin()));
        at = sound;
    }
    ASSERT_EQ(gaps.size(), 1u);
    const auto [gapStart, gapEnd] = gaps.front();
    ASSERT_GT(gapStart, static_cast<std::size_t>(first - heard.begin()) + 8000);

    // Next to the fades on either side the recording is the render, sample
    // for sample (checked close to the gap: on a loaded machine the dummy
    // server itself drops a period now and then, anywhere).
    constexpr int kFadeFrames = 960;  // AudioOutput's 20 ms
    const long before = offsetInRender(heard, gapStart - kFadeFrames - 2048 - 8, rendered);
    const long after = offsetInRender(heard, gapEnd + kFadeFrames + 8, rendered);
    ASSERT_GE(before, 0);
    ASSERT_GT(after, before);
    ASSERT_GT(gapStart, static_cast<std::size_t>(before) + 2 * kFadeFrames);
    // The fade's last sample (gain 0) opens the gap; the first after it is
    // the next sample of the render: nothing skipped, nothing played twice.
    const long skipped =
        (static_cast<long>(gapEnd) - after) - (static_cast<long>(gapStart) - before + 1);
    const std::string serverLog = server.log();
    if (skipped != 0 && skipped % 256 == 0 &&
        serverLog.find("was not finished") != std::string::npos)
        GTEST_SKIP() << "the server dropped " << skipped
                     << " frames of the player's near the reopen (its "
                     << "own xrun, logged); the reopen cannot be judged this time";
    EXPECT_EQ(skipped, 0);

    // Each edge is a 20 ms fade: that long, the render only ever
    // attenuated, never a cut.
    const auto faded = [&](std::size_t begin, std::size_t end, long offset) {
        int count = 0;
        for (std::size_t i = begin; i < end; ++i) {
            const float want = rendered[static_cast<std::size_t>(static_cast<long>(i) - offset)];
            EXPECT_LE(std::fabs(heard[i]), std::fabs(want) + 1e-5f) << "at " << i;
            if (std::fabs(heard[i] - want) > 1e-5f) ++count;
        }
        return count;
    };
    const int fadeOut = faded(gapStart - kFadeFrames - 8, gapStart, before);
    const int fadeIn = faded(gapEnd, gapEnd + kFadeFrames + 8, after);
    EXPECT_GE(fadeOut, kFadeFrames * 9 / 10);
    EXPECT_LE(fadeOut, kFadeFrames);
    EXPECT_GE(fadeIn, kFadeFrames * 9 / 10);
    EXPECT_LE(fadeIn, kFadeFrames);

    // No click: no step around the gap beyond the render's own steps there
    // plus what the fade of its level adds.
    const std::size_t from = gapStart - 4800, to = gapEnd + 4800;
    const float* around = rendered.data() + (static_cast<long>(from) - before);
    const int length = static_cast<int>(to - from) - static_cast<int>(after - before);
    const double bound = stillpoint::test::maxAbsStep(around, length) +
                         stillpoint::test::maxAbs(around, length) / 960.0 + 1e-5;
    EXPECT_LE(stillpoint::test::maxAbsStep(heard.data() + from, static_cast<int>(to - from)),
              bound);
    std::printf(
        "reopen: silent gap %.1f ms, %ld render sample(s) skipped, fades %d/%d samples, step bound "
        "%.5f\n",
        1000.0 * static_cast<double>(gapEnd - gapStart) / kRate, skipped, fadeOut, fadeIn, bound);
}

// A checkin waits for `continue` from the control file, long past its set
// 2 s, and the bell after it starts where the command lands.
TEST_F(live_play, ACheckinWaitsForContinueFromTheControlFile) {
    constexpr int kBuffer = 256;
    JackServer server(kBuffer);
    ASSERT_TRUE(server.ready()) << server.log();
    const auto script = write("controls.txt", "15 continue\n");
    const auto events = dir_ / "events.txt";
    const std::string session = std::string(STILLPOINT_TEST_DATA_DIR) + "/../live/checkin.yaml";
    const PlayRun run =
        play(server, "--buffer 256 --control " + script.string() + " --events " + events.string(),
             session);
    ASSERT_EQ(run.exitCode, 0) << run.err;

    const auto got = readEvents(events);
    const auto find = [&](const std::string& type) {
        return std::find_if(got.begin(), got.end(),
                            [&](const LoggedLine& l) { return l.type == type; });
    };
    const auto waiting = find("WaitingForContinue");
    const auto command = find("command:Continue");
    const auto finished = find("Finished");
    ASSERT_NE(waiting, got.end()) << slurp(events);
    ASSERT_NE(command, got.end()) << slurp(events);
    ASSERT_NE(finished, got.end()) << slurp(events);
    EXPECT_LT(waiting->sample, 10 * kRate);  // the prompt is a few seconds
    EXPECT_LT(waiting, command);
    EXPECT_GE(command->sample, 15 * kRate - 1);
    EXPECT_LE(command->sample, 15 * kRate + kBuffer + 1);
    // The bell (3 s) and the fade-out (4 s) follow the command, not the set wait.
    std::ifstream in(events);
    std::int64_t bell = -1;
    for (LoggedLine l; in >> l.sample >> l.type >> l.index >> l.value;)
        if (l.type == "BellStruck") bell = l.sample;
    EXPECT_GE(bell, command->sample);
    EXPECT_LE(bell, command->sample + kBuffer + 0.001 * kRate + 1);
    EXPECT_NEAR(static_cast<double>(finished->sample - bell), 7.0 * kRate, 1.0);
}

long residentKiB(pid_t pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
    return -1;
}

// 50 MB of garbage and over-long lines into a --control FIFO while playing:
// the player's memory stays put, it writes a few lines about it, not
// megabytes, and a `stop` written after it all still fades the session out.
TEST_F(live_play, AFloodIntoTheControlFifoStaysBoundedAndStopStillWorks) {
    JackServer server(256);
    ASSERT_TRUE(server.ready()) << server.log();
    const auto fifo = dir_ / "control";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const pid_t child = ::fork();
    if (child == 0) {
        // A small AddressSanitizer quarantine (in sanitizer builds), so the
        // resident size shows what the player keeps, not what it has freed.
        const std::string command =
            "exec env ASAN_OPTIONS=\"${ASAN_OPTIONS:-}:quarantine_size_mb=1\" " +
            server.environment() + " " + STILLPOINT_CLI_PATH + " play " + kSession +
            " --api jack --buffer 256 --control " + fifo.string() + " </dev/null >/dev/null 2>" +
            (dir_ / "stderr").string();
        ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    std::ofstream control(fifo, std::ios::binary);         // opens once the player reads it
    std::this_thread::sleep_for(std::chrono::seconds(2));  // playing by now
    const long before = residentKiB(child);
    long largest = before;
    std::atomic<bool> written{false};
    std::thread writer([&] {
        std::string chunk(1 << 20, 'z');  // 1 MB without a newline
        for (int i = 0; i < 10; ++i) control << chunk;
        for (std::size_t i = 8192; i < chunk.size(); i += 8192) chunk[i] = '\n';
        for (int i = 0; i < 38; ++i) control << chunk;  // 8 KB lines
        std::string garbage;
        for (int i = 0; i < 50000; ++i)
            garbage += "\x02\xfe not a command " + std::to_string(i) + "\n";
        control << garbage << garbage;  // ~2.5 MB of short wrong lines
        control << "0 stop\n";
        control.close();
        written = true;
    });
    int status = 0;
    pid_t done = 0;
    const auto start = std::chrono::steady_clock::now();
    while ((done = ::waitpid(child, &status, WNOHANG)) == 0 &&
           std::chrono::steady_clock::now() - start < std::chrono::seconds(60)) {
        largest = std::max(largest, residentKiB(child));
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    const double took =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (done == 0) {
        ::kill(child, SIGKILL);
        ::waitpid(child, &status, 0);
    }
    writer.join();
    const std::string err = slurp(dir_ / "stderr");
    ASSERT_TRUE(written);
    ASSERT_NE(done, 0) << "still playing " << took << " s after the flood began\n"
                       << err.substr(0, 4000);
    ASSERT_TRUE(WIFEXITED(status)) << err.substr(0, 4000);
    EXPECT_EQ(WEXITSTATUS(status), 0) << err.substr(0, 4000);
    EXPECT_NE(err.find("stillpoint play: stopped after"), std::string::npos) << err.substr(0, 4000);
    EXPECT_NE(err.find(" more control line(s) refused"), std::string::npos) << err.substr(0, 4000);
    EXPECT_LT(err.size(), 16u * 1024u) << err.substr(0, 4000);
    EXPECT_LT(largest - before, 16 * 1024) << "KiB grown; resident before " << before;
    std::printf(
        "52 MB into the control FIFO: resident %ld -> peak %ld KiB, stderr %zu bytes, %.1f s\n",
        before, largest, err.size(), took);
}

// (c) The server killed mid-play: exit 5, promptly, with a message.
TEST_F(live_play, ServerKilledMidPlayExitsWithDeviceLost) {
    JackServer server(64);
    ASSERT_TRUE(server.ready()) << server.log();
    const pid_t child = ::fork();
    if (child == 0) {
        const std::string command = playCommand(server, "--buffer 64");
        ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    std::this_thread::sleep_for(std::chrono::seconds(4));
    server.kill();
    const auto killed = std::chrono::steady_clock::now();
    int status = 0;
    pid_t done = 0;
    while ((done = ::waitpid(child, &status, WNOHANG)) == 0 &&
           std::chrono::steady_clock::now() - killed < std::chrono::seconds(15))
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const double waited =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - killed).count();
    if (done == 0) {
        ::kill(child, SIGKILL);
        ::waitpid(child, &status, 0);
        FAIL() << "play still running " << waited << " s after the server died";
    }
    const std::string err = slurp(dir_ / "stderr");
    ASSERT_TRUE(WIFEXITED(status)) << err;
    EXPECT_EQ(WEXITSTATUS(status), 5) << err;
    EXPECT_LT(waited, 5.0) << err;
    EXPECT_NE(err.find("lost the output Jack"), std::string::npos) << err;
}

TEST_F(live_play, NoServerMeansNoDeviceExit4) {
    const std::string command = std::string("JACK_DEFAULT_SERVER=stillpoint-absent-") +
                                std::to_string(::getpid()) + " " + STILLPOINT_CLI_PATH + " play " +
                                kSession + " --api jack 2>" + (dir_ / "stderr").string();
    const int status = std::system(command.c_str());
    const std::string err = slurp(dir_ / "stderr");
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 4) << err;
    EXPECT_NE(err.find("Jack"), std::string::npos) << err;
    EXPECT_NE(err.find("try:"), std::string::npos) << err;
}

// --help says the listening default, how to ask for less, and what repeated
// underruns make the player do; a buffer out of range is refused naming it.
TEST_F(live_play, HelpSaysTheListeningBufferAndTheReopen) {
    const int status = std::system(
        (std::string(STILLPOINT_CLI_PATH) + " help >" + (dir_ / "help").string()).c_str());
    ASSERT_EQ(status, 0);
    const std::string help = slurp(dir_ / "help");
    EXPECT_NE(help.find("--buffer: frames per audio callback, 16-8192 (default 1024, about\n"
                        "              21 ms at 48 kHz: for listening; ask for 64-256 only when\n"
                        "              low latency matters)."),
              std::string::npos)
        << help;
    EXPECT_NE(
        help.find("After 3 underruns within 10 s the player fades out, reopens\n"
                  "              the output with twice the buffer (up to 8192), fades back in\n"
                  "              where it was, and says so."),
        std::string::npos)
        << help;
    const int refused = std::system((std::string(STILLPOINT_CLI_PATH) + " play " + kSession +
                                     " --buffer 9000 2>" + (dir_ / "stderr").string())
                                        .c_str());
    ASSERT_TRUE(WIFEXITED(refused));
    EXPECT_EQ(WEXITSTATUS(refused), 2);
    EXPECT_NE(slurp(dir_ / "stderr")
                  .find("stillpoint play: --buffer 9000 is not a frame count from 16 to 8192; "
                        "use e.g. 256 or 1024\n"),
              std::string::npos)
        << slurp(dir_ / "stderr");
}

}  // namespace
