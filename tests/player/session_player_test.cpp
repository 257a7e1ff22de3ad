// SessionPlayer follows a host timeline: contiguous playback and offline
// relocations sound exactly as `stillpoint render` does at the same host
// samples; realtime relocations land on the same audio once the worker's
// engine takes over; a stopped host gets silence and no advance. Realtime
// playback starts while the voice is still being made (see
// session_player_preparation_test.cpp); the tests here that compare it with
// the render wait for the preparation first.
#include "session_player.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "stillpoint/narration.hpp"
#include "stillpoint/offline_render.hpp"
#include "stillpoint/session_parser.hpp"
#include "switch_fade.hpp"

namespace stillpoint::plugin {
namespace {

constexpr double kRate = 48000.0;
// Narrating a short session takes well under this, even with an empty cache.
constexpr auto kPrepared = std::chrono::seconds(120);

std::shared_ptr<const Program> planText(const std::string& yaml, const std::string& name) {
    auto parsed = parseSession(yaml, name);
    EXPECT_TRUE(parsed.session);
    auto planned = planSession(*parsed.session);
    EXPECT_TRUE(planned.program);
    return std::make_shared<const Program>(std::move(*planned.program));
}

/// A session of tests/data/hosted, planned.
std::shared_ptr<const Program> hostedSession(const char* file) {
    const auto path = std::filesystem::path(STILLPOINT_TEST_DATA_DIR) / "hosted" / file;
    std::ifstream in(path);
    EXPECT_TRUE(in) << path;
    std::stringstream text;
    text << in.rdbuf();
    return planText(text.str(), path.string());
}

std::shared_ptr<const Program> shortSession() {
    return hostedSession("short-session.yaml");
}

/// Two box breaths on a wave tone: another sound than the short session's.
std::shared_ptr<const Program> otherSession(const std::string& title = "other") {
    return planText("title: " + title + R"(
defaults: {pattern: box, tone: wave, bed: brown}
sections:
  - name: one
    steps:
      - breathe: {cycles: 2}
)",
                    "other.yaml");
}

/// Plays host blocks of `block` frames from `from` and collects both channels.
struct Capture {
    std::vector<float> left, right;
};

Capture play(SessionPlayer& player, std::int64_t from, std::int64_t frames, int block,
             HostTransport transport) {
    Capture c;
    std::vector<float> l(static_cast<std::size_t>(block)), r(static_cast<std::size_t>(block));
    for (std::int64_t done = 0; done < frames;) {
        const int n = static_cast<int>(std::min<std::int64_t>(block, frames - done));
        float* out[2] = {l.data(), r.data()};
        transport.sample = from + done;
        player.process(out, n, transport);
        c.left.insert(c.left.end(), l.begin(), l.begin() + n);
        c.right.insert(c.right.end(), r.begin(), r.begin() + n);
        done += n;
    }
    return c;
}

/// `program` with its voice at `rate`, as `stillpoint render` narrates it.
std::shared_ptr<const Program> narratedAt(const Program& program, double rate) {
    auto narrated = std::make_shared<Program>(program);
    NarrationSettings settings;
    settings.sampleRate = rate;
    EXPECT_TRUE(narrateProgram(*narrated, settings).ok);
    return narrated;
}

RenderedAudio renderAsIs(const std::shared_ptr<const Program>& program, double rate = kRate) {
    EngineConfig config;
    config.sampleRate = rate;
    return renderProgram(program, config);
}

/// What `stillpoint render` makes of `program`: narrated (its built-in
/// grounding speaks even when the flow does not, which the loudness
/// calibration hears), then rendered.
RenderedAudio reference(const std::shared_ptr<const Program>& program, double rate = kRate) {
    return renderAsIs(narratedAt(*program, rate), rate);
}

/// Frames of `got` from host sample `from` that differ from the render.
std::int64_t mismatches(const Capture& got, const RenderedAudio& render, std::int64_t from) {
    std::int64_t bad = 0;
    for (std::size_t i = 0; i < got.left.size(); ++i) {
        const auto frame = static_cast<std::size_t>(from) + i;
        const float l = frame < static_cast<std::size_t>(render.frames())
                            ? render.interleaved[2 * frame]
                            : 0.0f;
        const float r = frame < static_cast<std::size_t>(render.frames())
                            ? render.interleaved[2 * frame + 1]
                            : 0.0f;
        if (got.left[i] != l || got.right[i] != r) ++bad;
    }
    return bad;
}

double peak(const std::vector<float>& x) {
    double p = 0;
    for (float v : x) p = std::max(p, static_cast<double>(std::fabs(v)));
    return p;
}

/// The short session, its reference render and a player prepared to play it.
struct ShortSessionPlayer {
    std::shared_ptr<const Program> program = shortSession();
    RenderedAudio render = reference(program);
    SessionPlayer player;
    ShortSessionPlayer() {
        player.setProgram(program);
        player.prepare(kRate);
        // Realtime playback compared with the render: the whole voice first.
        EXPECT_TRUE(player.waitUntilPrepared(kPrepared));
    }
};

TEST(SessionPlayer, OfflinePlaybackFromTheStartEqualsTheRender) {
    ShortSessionPlayer fixture;
    auto& [program, render, player] = fixture;
    HostTransport offline{0, true, true};
    const auto got = play(player, 0, render.frames() + 1000, 333, offline);
    EXPECT_EQ(mismatches(got, render, 0), 0);
    EXPECT_GT(peak(got.left), 0.05);
}

TEST(SessionPlayer, RealtimePlaybackFromTheStartEqualsTheRenderAtAnyBlockSize) {
    const auto program = shortSession();
    const auto render = reference(program);
    for (int block : {1, 64, 1000, 8192}) {
        SessionPlayer player;
        player.setProgram(program);
        player.prepare(kRate);
        ASSERT_TRUE(player.waitUntilPrepared(kPrepared));
        const auto got =
            play(player, 0, std::min<std::int64_t>(render.frames(), 200000), block, {});
        EXPECT_EQ(mismatches(got, render, 0), 0) << "block " << block;
    }
}

TEST(SessionPlayer, OfflineJumpLandsOnTheRenderedAudioThere) {
    ShortSessionPlayer fixture;
    auto& [program, render, player] = fixture;
    HostTransport offline{0, true, true};
    play(player, 0, 48000, 512, offline);
    // A loop back and a jump forward, each exact from its first sample.
    for (std::int64_t at : {std::int64_t{12345}, std::int64_t{700001}, std::int64_t{3}}) {
        const auto got = play(player, at, 24000, 512, offline);
        EXPECT_EQ(mismatches(got, render, at), 0) << "at " << at;
        EXPECT_GT(peak(got.left), 0.0) << "at " << at;
    }
}

TEST(SessionPlayer, StoppedHostGetsSilenceAndTheSessionWaits) {
    ShortSessionPlayer fixture;
    auto& [program, render, player] = fixture;
    play(player, 0, 96000, 256, {});
    HostTransport halt{96000, false, false};
    std::vector<float> l(256, 1.0f), r(256, 1.0f);
    float* out[2] = {l.data(), r.data()};
    for (int i = 0; i < 50; ++i) player.process(out, 256, halt);
    EXPECT_EQ(peak(l), 0.0);
    EXPECT_EQ(peak(r), 0.0);
    // Playing on from the same place continues the session (after a 10 ms fade-in).
    const auto resumed = play(player, 96000, 4800, 256, {});
    Capture tail;
    tail.left.assign(resumed.left.begin() + 480, resumed.left.end());
    tail.right.assign(resumed.right.begin() + 480, resumed.right.end());
    EXPECT_EQ(mismatches(tail, render, 96000 + 480), 0);
    EXPECT_LT(std::fabs(resumed.left[0]), 1e-3);
}

/// Plays realtime blocks, sleeping like a device would, until the player has
/// an engine again or `limit` host seconds pass; returns the host sample reached.
std::int64_t playUntilSettled(SessionPlayer& player, std::int64_t from, double limitSeconds) {
    std::vector<float> l(512), r(512);
    float* out[2] = {l.data(), r.data()};
    std::int64_t at = from;
    const auto limit = static_cast<std::int64_t>(limitSeconds * kRate);
    while (at < from + limit) {
        player.process(out, 512, {at, true, false});
        at += 512;
        if (!player.relocating()) break;
        // A host's clock runs at real time; the worker aims ahead by wall time.
        std::this_thread::sleep_for(std::chrono::duration<double>(512 / kRate));
    }
    return at;
}

TEST(SessionPlayer, RealtimeJumpBuildsAnEngineAsideAndLandsOnTheRenderedAudio) {
    ShortSessionPlayer fixture;
    auto& [program, render, player] = fixture;
    play(player, 0, 24000, 512, {});
    const auto generation = player.engineGeneration();
    // The host jumps to 15 s: silence while the worker builds, then the render's audio.
    const std::int64_t settled = playUntilSettled(player, 24000 * 30, 30.0);
    ASSERT_FALSE(player.relocating());
    EXPECT_NE(player.engineGeneration(), generation);
    const std::int64_t from = settled + 48000 * 2;  // past the waiting and the fade-in
    play(player, settled, from - settled, 512, {});
    const auto got = play(player, from, 48000, 512, {});
    EXPECT_EQ(mismatches(got, render, from), 0);
    EXPECT_GT(peak(got.left), 0.01);
}

TEST(SessionPlayer, ADroppedHostCycleIsCaughtUpInPlaceWithoutARelocation) {
    ShortSessionPlayer fixture;
    auto& [program, render, player] = fixture;
    play(player, 0, 48000, 256, {});
    const auto generation = player.engineGeneration();
    // The host skipped 1024 frames (an xrun): the audio there is the render's, at once.
    const auto got = play(player, 48000 + 1024, 4800, 256, {});
    EXPECT_EQ(player.engineGeneration(), generation);
    EXPECT_FALSE(player.relocating());
    EXPECT_EQ(mismatches(got, render, 48000 + 1024), 0);
}

TEST(SessionPlayer, ANewSessionPlaysAtTheSameHostTime) {
    const auto first = shortSession();
    const auto second = otherSession();
    const auto render = reference(second);
    SessionPlayer player;
    player.setProgram(first);
    player.prepare(kRate);
    HostTransport offline{0, true, true};
    play(player, 0, 48000, 512, offline);
    player.setProgram(second);
    const auto got = play(player, 48000, 48000, 512, offline);
    EXPECT_EQ(mismatches(got, render, 48000), 0);
    EXPECT_EQ(player.program(), second);
}

TEST(SessionPlayer, ZeroFramesAndHostsBeforeTheStartAreSilentAndHarmless) {
    ShortSessionPlayer fixture;
    auto& [program, render, player] = fixture;
    float* none[2] = {nullptr, nullptr};
    player.process(none, 0, {});
    // Two seconds of pre-roll, then the session from its first sample.
    const auto got = play(player, -96000, 96000 + 48000, 500, {});
    EXPECT_EQ(peak(std::vector<float>(got.left.begin(), got.left.begin() + 96000)), 0.0);
    Capture session;
    session.left.assign(got.left.begin() + 96000, got.left.end());
    session.right.assign(got.right.begin() + 96000, got.right.end());
    EXPECT_EQ(mismatches(session, render, 0), 0);
}

TEST(SessionPlayer, ASpokenSessionSoundsAsTheNarratedRenderWithItsVoice) {
    const auto program = hostedSession("spoken-session.yaml");
    const auto render = reference(program);
    const auto silent = renderAsIs(program);
    SessionPlayer player;
    player.setProgram(program);
    player.prepare(kRate);
    const auto got = play(player, 0, render.frames(), 512, {0, true, true});
    EXPECT_EQ(mismatches(got, render, 0), 0);
    // The voice is there: the planned program without it sounds otherwise.
    EXPECT_GT(mismatches(got, silent, 0), render.frames() / 4);
    const auto narrated = player.narratedProgram();
    ASSERT_NE(narrated, nullptr);
    ASSERT_NE(narrated->narration, nullptr);
    EXPECT_EQ(narrated->narration->steps[1].size(), 1u);  // the say line
    EXPECT_EQ(player.narrationProblem(), "");
}

TEST(SessionPlayer, NarrationIsMadeOncePerSessionAndRateNotAtEachRelocation) {
    const auto program = hostedSession("spoken-session.yaml");
    SessionPlayer player;
    player.setProgram(program);
    player.prepare(kRate);
    const HostTransport offline{0, true, true};
    play(player, 0, 4800, 512, offline);
    const auto first = player.narratedProgram();
    ASSERT_NE(first, nullptr);
    const auto generation = player.engineGeneration();
    for (std::int64_t at : {std::int64_t{480000}, std::int64_t{96000}})
        play(player, at, 4800, 512, offline);
    EXPECT_GE(player.engineGeneration(), generation + 2);  // two engines built aside
    EXPECT_EQ(player.narratedProgram(), first);            // with the same voice

    player.prepare(96000.0);
    ASSERT_TRUE(player.waitUntilPrepared(kPrepared));
    const auto atNewRate = player.narratedProgram();
    ASSERT_NE(atNewRate, nullptr);
    EXPECT_NE(atNewRate, first);
    EXPECT_EQ(atNewRate->narration->sampleRate, 96000.0);
    // The jump's audio at the new rate is the narrated render's there.
    const auto render = reference(program, 96000.0);
    const auto got = play(player, 200000, 9600, 512, {0, true, true});
    EXPECT_EQ(mismatches(got, render, 200000), 0);
}

TEST(SessionPlayer, ThePlayingStateNamesTheLineBeingSpoken) {
    const auto program = hostedSession("spoken-session.yaml");
    SessionPlayer player;
    player.setProgram(program);
    player.prepare(kRate);
    ASSERT_TRUE(player.waitUntilPrepared(kPrepared));  // the lines' real lengths
    const auto narrated = player.narratedProgram();
    ASSERT_NE(narrated, nullptr);
    const std::int64_t starts = std::llround(narrated->steps[1].startSeconds * kRate);
    play(player, 0, starts + 4800, 512, {0, true, true});
    const SessionState state = player.playingState();
    EXPECT_EQ(state.lineStep, 1);
    EXPECT_EQ(lineCaption(*player.playingProgram(), state),
              "You might let your eyes rest, or keep them open.");
}

/// A check-in between a line and a bell.
std::shared_ptr<const Program> checkinSession() {
    return planText(R"(
title: checkin
defaults: {pattern: coherent, tone: pad, bed: brown}
sections:
  - name: one
    steps:
      - say: "Settle in."
      - checkin: {prompt: "How is this for you?", wait: 2s}
      - bell: {kind: chime, ring: 2s}
)",
                    "checkin.yaml");
}

TEST(SessionPlayer, AnOfflineBounceKeepsTheCheckinsOwnWaitAndEqualsTheRender) {
    const auto program = checkinSession();
    const auto render = reference(program);
    SessionPlayer player;
    player.setProgram(program);
    player.prepare(kRate);
    const auto got = play(player, 0, render.frames() + 1000, 512, {0, true, true});
    EXPECT_EQ(mismatches(got, render, 0), 0);
}

TEST(SessionPlayer, RealtimePlaybackWaitsAtACheckinUntilContinue) {
    const auto program = checkinSession();
    SessionPlayer player;
    player.setProgram(program);
    player.prepare(kRate);
    std::vector<float> l(512), r(512);
    float* out[2] = {l.data(), r.data()};
    std::int64_t host = 0, waitingAt = -1, nextStepAt = -1, continuedAt = -1;
    for (; host < 60 * 48000 && nextStepAt < 0; host += 512) {
        // Ten seconds after it began to wait: far past the check-in's own 2 s.
        // On the engine's clock (events'): it began after its hold for the gains.
        const std::int64_t now = player.playingEngineSample();
        if (waitingAt >= 0 && continuedAt < 0 && now >= waitingAt + 10 * 48000) {
            ASSERT_TRUE(player.pushCommand({CommandType::Continue, 0, 0.0}));
            continuedAt = now;
        }
        player.process(out, 512, {host, true, false});
        // While the worker builds the engine, it holds for its gains or it waits
        // for a line still being made (a cold cache), at a device's pace.
        if (player.relocating() || !player.playingState().started ||
            player.playingState().waitingForNarration)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        Event e;
        while (player.popEvent(e)) {
            if (e.type == EventType::WaitingForContinue) waitingAt = e.sample;
            if (e.type == EventType::StepStarted && e.index == 2) nextStepAt = e.sample;
        }
    }
    ASSERT_GE(waitingAt, 0);
    ASSERT_GE(continuedAt, 0);
    // The bell comes with the Continue (the block it was queued before), not before.
    EXPECT_GE(nextStepAt, continuedAt);
    EXPECT_LE(nextStepAt, continuedAt + 512 + 48);
    // Told not to wait, realtime playback keeps the check-in's own wait.
    SessionPlayer unattended;
    unattended.setWaitAtCheckins(false);
    unattended.setProgram(program);
    unattended.prepare(kRate);
    ASSERT_TRUE(unattended.waitUntilPrepared(kPrepared));
    const auto render = reference(program);
    const auto got = play(unattended, 0, render.frames(), 512, {});
    EXPECT_EQ(mismatches(got, render, 0), 0);
}

TEST(SessionPlayer, ANewSessionWhileAHostPlaysFadesTheOldOutThenTheNewInAtTheHostsPlace) {
    const auto first = shortSession();
    const auto second = otherSession();
    const auto firstRender = reference(first), secondRender = reference(second);
    SessionPlayer player;
    player.setProgram(first);
    player.prepare(kRate);
    ASSERT_TRUE(player.waitUntilPrepared(kPrepared));
    const std::int64_t at = 6 * 48000;
    Capture got = play(player, 0, at, 512, {});
    ASSERT_EQ(mismatches(got, firstRender, 0), 0);
    player.setProgram(second);
    // Compared with its render below: its voice made before it enters (a
    // host that is late, as a device never is, while the worker makes it).
    ASSERT_TRUE(player.waitUntilPrepared(kPrepared));
    std::vector<float> l(512), r(512);
    float* out[2] = {l.data(), r.data()};
    for (std::int64_t host = at; host < at + 10 * 48000; host += 512) {
        player.process(out, 512, {host, true, false});
        got.left.insert(got.left.end(), l.begin(), l.end());
        // The worker builds the new engine meanwhile, as at a device's pace.
        if (player.relocating()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    std::vector<float> unswitched(static_cast<std::size_t>(firstRender.frames()));
    for (std::size_t i = 0; i < unswitched.size(); ++i)
        unswitched[i] = firstRender.interleaved[2 * i];
    const auto fade =
        test::measureSwitchFade(got.left, unswitched, static_cast<std::size_t>(at), kRate, 5.0);
    EXPECT_GE(fade.secondsToQuiet, 2.0);
    EXPECT_LE(fade.secondsToQuiet, kStopFadeSeconds + 0.1);
    EXPECT_LT(fade.steepestFallDb, 12.0);
    EXPECT_LE(fade.stepDuring, fade.stepBefore);

    // The new session enters after that, at the host's place, rising over a
    // session's own fade-in; then it is its render there, sample for sample.
    const auto enters =
        static_cast<std::size_t>(at) + static_cast<std::size_t>(fade.secondsToQuiet * kRate);
    ASSERT_LT(enters + 5 * 48000, got.left.size());
    EXPECT_LT(test::rms(got.left.data() + enters, 9600),
              0.25 * test::rms(got.left.data() + enters + 3 * 48000 + 9600, 48000));
    const std::size_t settled =
        enters + static_cast<std::size_t>((kSessionFadeInSeconds + 0.1) * kRate);
    std::int64_t bad = 0;
    for (std::size_t i = settled; i < got.left.size(); ++i)
        if (got.left[i] != secondRender.interleaved[2 * i]) ++bad;
    EXPECT_EQ(bad, 0);
    EXPECT_EQ(player.program(), second);
}

// A therapist clicking through sessions while one plays: the control
// thread chooses again and again while the audio thread runs and the worker
// builds for the choice before. Whatever the interleaving, the last one
// chosen comes and plays (a build answered for a session no longer wanted
// once left the player relocating for ever, in silence).
TEST(SessionPlayer, SessionsChosenInQuickSuccessionWhilePlayingEndWithTheLastOnePlaying) {
    SessionPlayer player;
    const auto titled = [](int choice) { return otherSession("choice " + std::to_string(choice)); };
    player.setProgram(titled(0));
    player.prepare(kRate);
    std::atomic<bool> done{false};
    std::atomic<std::int64_t> blocks{0};
    // What the audio thread plays, as it sees it: the choice's number, and
    // whether that engine has begun.
    std::atomic<int> playing{-1};
    std::atomic<bool> begun{false};
    std::thread audio([&] {
        std::vector<float> l(256), r(256);
        float* out[2] = {l.data(), r.data()};
        for (std::int64_t host = 0; !done.load(); host += 256) {
            player.process(out, 256, {host, true, false});
            const Program* program = player.playingProgram();
            playing.store(program ? std::stoi(program->title.substr(7)) : -1);
            begun.store(player.playingState().started);
            blocks.fetch_add(1);
            std::this_thread::sleep_for(std::chrono::microseconds(5000));  // a device's pace
        }
    });
    int stuck = 0, last = 0;
    for (int round = 1; round <= 50 && stuck == 0; ++round) {
        // Two choices a moment apart, as the app's load re-plans for a profile.
        player.setProgram(titled(2 * round - 1));
        std::this_thread::sleep_for(std::chrono::microseconds(50 * (round % 9)));
        last = 2 * round;
        player.setProgram(titled(last));
        // The last choice's engine is built and taken within a few blocks.
        const auto giveUp = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (player.relocating() && std::chrono::steady_clock::now() < giveUp)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        if (player.relocating()) stuck = round;
        const auto after = blocks.load();
        while (blocks.load() < after + 4) std::this_thread::yield();
    }
    // The last one plays once the replaced ones have faded out.
    const auto giveUp = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!(playing.load() == last && begun.load() && !player.relocating()) &&
           std::chrono::steady_clock::now() < giveUp)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    done.store(true);
    audio.join();
    EXPECT_EQ(stuck, 0) << "still relocating 10 s after round " << stuck << "'s choice";
    EXPECT_EQ(playing.load(), last);
    EXPECT_TRUE(begun.load());
    EXPECT_FALSE(player.relocating());
}

}  // namespace
}  // namespace stillpoint::plugin
