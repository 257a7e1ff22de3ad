// SessionPreparation and progressive play: lines are made on a worker in
// hearing order; an engine plays from the first block, waits at a speaking
// step whose lines are late (the wait counted, the step then exact), and,
// fed the versions as they come without a wait, sounds bit for bit as one
// that had every line from the start.
#include "stillpoint/session_preparation.hpp"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <condition_variable>
#include <fstream>
#include <mutex>

#include "session_rendering.hpp"
#include "temporary_directory.hpp"

namespace stillpoint::test {
namespace {

constexpr double kRate = 48000.0;
constexpr int kBlock = 512;

const char* kSession = R"(title: preparation
defaults: {bed: brown, tone: none}
sections:
  - name: one
    steps:
      - bell: {kind: bowl, ring: 4s}
      - say: Let the breath settle.
      - pause: 2s
      - say: Feel the weight of the body.
  - name: two
    steps:
      - breathe: {pattern: box, cycles: 1}
      - say: And rest.
)";

Program planned(const std::string& yaml = kSession) {
    auto parsed = parseSession(yaml, "preparation.yaml");
    EXPECT_TRUE(parsed.session);
    auto plan = planSession(*parsed.session);
    EXPECT_TRUE(plan.program);
    return std::move(*plan.program);
}

PreparationSettings settingsAt(double rate, bool calibrate = false) {
    PreparationSettings settings;
    settings.engine.sampleRate = rate;
    settings.engine.calibrateLoudness = calibrate;
    settings.narration.narrateGrounding = false;
    return settings;
}

/// An engine ready to play `preparation`'s versions as they come.
void prepareLive(Engine& engine, const SessionPreparation& preparation, int block = kBlock) {
    engine.load(preparation.initialProgram());
    EngineConfig config;
    config.sampleRate = kRate;
    config.maxBlockFrames = block;
    config.calibrateLoudness = false;
    config.holdForLoudnessGains = true;
    engine.prepare(config);
}

struct Played {
    std::vector<float> left, right;
    std::vector<Event> events;
};

void playBlock(Engine& engine, Played& played, int block = kBlock) {
    std::vector<float> l(static_cast<std::size_t>(block)), r(l.size());
    float* out[2] = {l.data(), r.data()};
    engine.process(out, block);
    played.left.insert(played.left.end(), l.begin(), l.end());
    played.right.insert(played.right.end(), r.begin(), r.end());
    Event e;
    while (engine.popEvent(e)) played.events.push_back(e);
}

const Event* find(const Played& played, EventType type, int index) {
    for (const auto& e : played.events)
        if (e.type == type && e.index == index) return &e;
    return nullptr;
}

std::int64_t frames(double seconds) {
    return std::llround(seconds * kRate);
}

// The worker yields to the stream's thread where that has no real-time
// priority: it runs nicer than the thread that started it.
TEST(SessionPreparation, TheWorkerRunsAtALowerPriorityThanItsCaller) {
    SessionPreparation preparation(planned(), settingsAt(kRate));
    const int caller = ::getpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)));
    std::vector<int> workerNiceness;
    preparation.setBeforeStepHook([&](int) {
        workerNiceness.push_back(
            ::getpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid))));
    });
    preparation.start([](std::shared_ptr<const Program>) { return true; }, {});
    preparation.wait();
    ASSERT_FALSE(workerNiceness.empty());
    for (const int niceness : workerNiceness) EXPECT_EQ(niceness, std::max(caller, 10));
    EXPECT_EQ(::getpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid))), caller)
        << "the caller's own priority is untouched";
}

TEST(SessionPreparation, MakesLinesInHearingOrderAndCountsThem) {
    const Program plan = planned();
    SessionPreparation preparation(plan, settingsAt(kRate));
    EXPECT_EQ(preparation.progress().linesTotal, 3);
    EXPECT_EQ(preparation.progress().linesReady, 0);
    EXPECT_EQ(preparation.initialProgram()->pendingSpeechFrom, 0);
    std::vector<int> steps, readyBefore;
    preparation.setBeforeStepHook([&](int step) {
        steps.push_back(step);
        readyBefore.push_back(preparation.progress().linesReady);
    });
    std::vector<int> pendingFrom;
    preparation.start(
        [&](std::shared_ptr<const Program> version) {
            pendingFrom.push_back(version->pendingSpeechFrom);
            return true;
        },
        {});
    preparation.wait();
    ASSERT_TRUE(preparation.report().ok) << preparation.report().error;
    EXPECT_EQ(steps, (std::vector<int>{1, 3, 5}));
    EXPECT_EQ(readyBefore, (std::vector<int>{0, 1, 2}));
    EXPECT_EQ(pendingFrom, (std::vector<int>{2, 4, 6, INT_MAX}));
    const auto progress = preparation.progress();
    EXPECT_EQ(progress.linesReady, 3);
    EXPECT_EQ(progress.phase, PreparationPhase::Ready);

    // The same program narrateProgram makes at once.
    Program atOnce = plan;
    NarrationSettings narration;
    narration.narrateGrounding = false;
    ASSERT_TRUE(narrateProgram(atOnce, narration).ok);
    const Program& made = *preparation.finalProgram();
    ASSERT_EQ(made.steps.size(), atOnce.steps.size());
    for (std::size_t i = 0; i < made.steps.size(); ++i) {
        EXPECT_EQ(made.steps[i].lengthSeconds, atOnce.steps[i].lengthSeconds) << i;
        EXPECT_EQ(made.steps[i].startSeconds, atOnce.steps[i].startSeconds) << i;
        ASSERT_EQ(made.narration->steps[i].size(), atOnce.narration->steps[i].size()) << i;
        for (std::size_t n = 0; n < made.narration->steps[i].size(); ++n) {
            EXPECT_EQ(made.narration->steps[i][n].clip, atOnce.narration->steps[i][n].clip);
            EXPECT_EQ(made.narration->steps[i][n].offsetFrames,
                      atOnce.narration->steps[i][n].offsetFrames);
        }
    }
}

TEST(SessionPreparation, TheSessionWaitsAtALateLineThenGoesOnExactly) {
    const Program plan = planned();
    SessionPreparation preparation(plan, settingsAt(kRate));
    Engine engine;
    prepareLive(engine, preparation);
    // A slow synthesiser: the first line comes only when the test says.
    std::mutex mutex;
    std::condition_variable released;
    bool release = false;
    preparation.setBeforeStepHook([&](int step) {
        if (step != 1) return;
        std::unique_lock lock(mutex);
        released.wait(lock, [&] { return release; });
    });
    preparation.start(
        [&](std::shared_ptr<const Program> v) { return engine.updateProgram(v); },
        [&](const LoudnessGains& g) { engine.setLoudnessGains(g.masterGainDb, g.voiceTrimDb); });
    Played played;
    // 10 s of session: past the 4 s bell, into the wait.
    while (engine.position() < frames(10.0)) playBlock(engine, played);
    EXPECT_EQ(find(played, EventType::StepStarted, 1), nullptr);
    const std::int64_t waited = engine.narrationWaitFrames();
    EXPECT_GT(waited, frames(5.0));
    EXPECT_TRUE(engine.state().waitingForNarration);  // every front end can say so
    {
        std::lock_guard lock(mutex);
        release = true;
    }
    released.notify_all();
    preparation.wait();
    ASSERT_TRUE(preparation.report().ok) << preparation.report().error;
    // The line's step begins at the next cue once its lines are there.
    while (find(played, EventType::StepStarted, 1) == nullptr) playBlock(engine, played);
    EXPECT_FALSE(engine.state().waitingForNarration);
    while (!engine.finished()) playBlock(engine, played);

    const Program& made = *preparation.finalProgram();
    const auto* bell = find(played, EventType::StepStarted, 0);
    const auto* say = find(played, EventType::StepStarted, 1);
    const auto* pause = find(played, EventType::StepStarted, 2);
    ASSERT_TRUE(bell && say && pause);
    // The wait is counted exactly: from the bell's end to the line's step.
    EXPECT_EQ(engine.narrationWaitFrames(),
              say->sessionSample - bell->sessionSample - frames(made.steps[0].lengthSeconds));
    // The line starts with its step and the step lasts as its real audio says.
    const auto* line = find(played, EventType::LineSpoken, 1);
    ASSERT_TRUE(line);
    EXPECT_EQ(line->sessionSample, say->sessionSample);
    EXPECT_EQ(pause->sessionSample - say->sessionSample, frames(made.steps[1].lengthSeconds));
}

TEST(SessionPreparation, FedAsLinesComeItSoundsAsOneWithEveryLineAtTheStart) {
    const Program plan = planned();
    SessionPreparation preparation(plan, settingsAt(kRate, true));
    std::vector<std::shared_ptr<const Program>> versions;
    std::vector<LoudnessGains> gains;
    preparation.start(
        [&](std::shared_ptr<const Program> v) {
            versions.push_back(std::move(v));
            return true;
        },
        [&](const LoudnessGains& g) { gains.push_back(g); });
    preparation.wait();
    ASSERT_TRUE(preparation.report().ok) << preparation.report().error;
    ASSERT_EQ(gains.size(), 3u);  // the opening's, the whole plan's, then the whole session's
    const LoudnessGains final = gains.back();

    // The whole session's gains are the ones a render calibrates.
    Engine rendered;
    rendered.load(preparation.finalProgram());
    EngineConfig config;
    config.sampleRate = kRate;
    config.maxBlockFrames = kBlock;
    rendered.prepare(config);
    EXPECT_EQ(rendered.calibrationGainDb(), final.masterGainDb);
    EXPECT_EQ(rendered.voiceGainDb(), final.masterGainDb + final.voiceTrimDb);

    Engine whole, fed;
    config.calibrateLoudness = false;
    whole.setLoudnessGains(final.masterGainDb, final.voiceTrimDb);
    whole.load(preparation.finalProgram());
    whole.prepare(config);
    fed.setLoudnessGains(final.masterGainDb, final.voiceTrimDb);
    fed.load(preparation.initialProgram());
    fed.prepare(config);
    Played a, b;
    std::size_t next = 0;
    const Program& made = *preparation.finalProgram();
    while (!whole.finished()) {
        playBlock(whole, a);
        // Each version just before the engine reaches its pending step.
        if (next < versions.size()) {
            const int step = std::min(versions[next]->pendingSpeechFrom, made.flowStepCount()) - 1;
            const auto due =
                frames(made.steps[static_cast<std::size_t>(step)].startSeconds) - frames(0.5);
            if (fed.position() >= due) {
                ASSERT_TRUE(fed.updateProgram(versions[next++]));
            }
        }
        playBlock(fed, b);
    }
    EXPECT_EQ(next, versions.size());
    EXPECT_EQ(fed.narrationWaitFrames(), 0);
    EXPECT_TRUE(fed.finished());
    ASSERT_EQ(a.left.size(), b.left.size());
    EXPECT_TRUE(a.left == b.left);
    EXPECT_TRUE(a.right == b.right);
    ASSERT_EQ(a.events.size(), b.events.size());
    for (std::size_t i = 0; i < a.events.size(); ++i) {
        EXPECT_EQ(a.events[i].type, b.events[i].type) << i;
        EXPECT_EQ(a.events[i].sample, b.events[i].sample) << i;
    }
}

TEST(SessionPreparation, ABrokenVoicePackReachesTheCallerNamed) {
    const TemporaryDirectory folder;
    const auto pack = folder.path() / "pack";
    std::filesystem::create_directories(pack);
    std::ofstream(pack / "voice-pack.yaml") << "name: [broken\n";
    auto settings = settingsAt(kRate);
    settings.narration.voicePack = pack.string();
    SessionPreparation preparation(planned(), settings);
    int versions = 0;
    preparation.start([&](std::shared_ptr<const Program>) { return ++versions > 0; }, {});
    preparation.wait();
    EXPECT_EQ(preparation.progress().phase, PreparationPhase::Failed);
    EXPECT_EQ(versions, 0);
    EXPECT_FALSE(preparation.report().ok);
    EXPECT_TRUE(preparation.report().badInput);
    EXPECT_NE(preparation.report().error.find(pack.string()), std::string::npos)
        << preparation.report().error;
    EXPECT_NE(preparation.report().error.find("voice-pack.yaml"), std::string::npos)
        << preparation.report().error;
}

}  // namespace
}  // namespace stillpoint::test
