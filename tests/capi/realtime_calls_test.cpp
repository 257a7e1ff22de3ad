// The calls stillpoint.h promises real-time safe never allocate, free or
// lock: a whole session through sp_process with commands, parameters,
// events and positions, and a restored mid-session state while it waits for
// its lines and as its engine takes over, and the live follow of an attached
// heart (its beats, updates and the pace it sets), watched by the engine tests'
// RealtimeGuard (it interposes malloc and pthread_mutex_lock in this
// executable, so it sees the shared library's calls too).
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "realtime_guard.hpp"

extern "C" {
#include "fixtures.h"
#include "test_runner.h"
}

namespace {

sp_test_audio audio;

// Every command, along the way.
struct Cue {
    long block;
    sp_command_type command;
    double value;
};
constexpr Cue kCues[] = {
    {900, SP_COMMAND_PATTERN, 3.0},
    {1000, SP_COMMAND_PACE, 5.0},
    {1300, SP_COMMAND_PATTERN, 0.0},
    {1400, SP_COMMAND_HOLD, 0.0},
    {1600, SP_COMMAND_RELEASE, 0.0},
    {2000, SP_COMMAND_PAUSE, 0.0},
    {2500, SP_COMMAND_RESUME, 0.0},
    {3000, SP_COMMAND_NEXT_SECTION, 0.0},
    {3500, SP_COMMAND_PREVIOUS_SECTION, 0.0},
    {4000, SP_COMMAND_GROUNDING, 0.0},
    {6000, SP_COMMAND_STOP, 0.0},
};

void the_audio_thread_calls_never_allocate_or_lock() {
    constexpr int kBlock = 256;
    sp_engine* engine = sp_test_engine(48000.0, kBlock, SP_LAYOUT_STEREO_HAPTIC);
    REQUIRE(engine != nullptr);
    long blocks = 0;
    stillpoint::test::RealtimeViolations seen;
    {
        stillpoint::test::RealtimeGuard guard;
        std::int64_t played = 0, length = 1;
        while (played < length && blocks < 100000) {
            for (const Cue& cue : kCues)
                if (cue.block == blocks) sp_command(engine, cue.command, cue.value);
            if (blocks == 1200) sp_set_parameter(engine, SP_PARAM_BED_DB, -30.0);
            if (blocks == 1300) sp_set_parameter(engine, SP_PARAM_HAPTIC_CAP, 0.4);
            if (blocks == 1400)
                sp_set_parameter(engine, SP_PARAM_HAPTIC_ACTUATOR, SP_HAPTIC_SHAKER);
            if (blocks == 1500) sp_set_parameter(engine, SP_PARAM_HAPTICS_ON, 0.0);
            if (blocks == 1700) sp_set_parameter(engine, SP_PARAM_HAPTICS_ON, 1.0);
            if (sp_process(engine, audio.channels, 3, kBlock) != SP_OK) break;
            sp_event event;
            while (sp_poll_event(engine, &event) == SP_OK) {
            }
            double value = 0.0;
            sp_get_parameter(engine, SP_PARAM_PACE_BPM, &value);
            sp_get_parameter(engine, SP_PARAM_HAPTIC_CAP, &value);
            sp_get_position(engine, &played, &length);
            // The session state and the planned timeline: read on this thread too.
            sp_status status{};
            status.struct_size = sizeof status;
            sp_get_status(engine, &status);
            sp_timeline_section section;
            sp_get_timeline_section(engine, 0, &section);
            ++blocks;
        }
        seen = guard.violations();
    }
    std::printf("%ld blocks: %ld allocations, %ld frees, %ld locks\n", blocks, seen.allocations,
                seen.frees, seen.locks);
    CHECK(blocks > 1000);
    CHECK(seen.total() == 0);
    sp_destroy(engine);
}

void a_restore_waiting_for_its_lines_and_taking_over_never_allocates_or_locks() {
    constexpr int kBlock = 512;
    char text[2048];
    sp_test_unheard_session(text, sizeof text);
    std::size_t size = 0;
    char* state = sp_test_state_saved_mid_session(text, &size);
    REQUIRE(state != nullptr);
    sp_engine* engine = nullptr;
    REQUIRE_OK(sp_create(&engine));
    REQUIRE_OK(sp_prepare(engine, 48000.0, kBlock, SP_LAYOUT_STEREO_HAPTIC));
    REQUIRE_OK(sp_set_state(engine, state, size));  // returns at once: the lines are cold
    long silent = 0, sounding = 0;
    stillpoint::test::RealtimeViolations seen;
    {
        stillpoint::test::RealtimeGuard guard;
        const auto giveUp = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (sounding < 200 && std::chrono::steady_clock::now() < giveUp) {
            if (silent == 3) {  // while it waits: kept for the engine to come
                sp_command(engine, SP_COMMAND_HOLD, 0.0);
                sp_set_parameter(engine, SP_PARAM_BED_DB, -24.0);
                sp_set_parameter(engine, SP_PARAM_HAPTIC_CAP, 0.5);
            }
            if (sounding == 20) sp_command(engine, SP_COMMAND_RELEASE, 0.0);
            if (sp_process(engine, audio.channels, 3, kBlock) != SP_OK) break;
            sp_event event;
            while (sp_poll_event(engine, &event) == SP_OK) {
            }
            std::int64_t played = 0, length = 0;
            sp_get_position(engine, &played, &length);
            sp_status status{};
            status.struct_size = sizeof status;
            sp_get_status(engine, &status);
            if (status.started) {
                ++sounding;
            } else {
                ++silent;
                std::this_thread::sleep_for(std::chrono::milliseconds(1));  // the worker's turn
            }
        }
        seen = guard.violations();
    }
    std::printf("%ld blocks waiting, %ld playing: %ld allocations, %ld frees, %ld locks\n", silent,
                sounding, seen.allocations, seen.frees, seen.locks);
    CHECK(silent > 3);
    CHECK(sounding == 200);
    CHECK(seen.total() == 0);
    std::free(state);
    sp_destroy(engine);
}

void following_the_heart_never_allocates_or_locks() {
    // The follow path: the audio thread's events into the follow's ring and
    // its pace into the engine, the heart's update ticking the follower.
    constexpr int kBlock = 1024;
    constexpr double kRate = 16000.0;
    static const char kSession[] =
        "title: Follow\nsections:\n  - name: One\n    steps:\n"
        "      - breathe: {duration: 3m, pace: resonance}\n";
    sp_engine* engine = nullptr;
    sp_heart* heart = nullptr;
    REQUIRE_OK(sp_create(&engine));
    REQUIRE_OK(sp_heart_create(&heart));
    REQUIRE_OK(sp_set_resonance_pace(engine, 6.0));
    REQUIRE_OK(sp_load_session(engine, kSession, sizeof kSession - 1, "follow.yaml"));
    REQUIRE_OK(sp_prepare(engine, kRate, kBlock, SP_LAYOUT_STEREO));
    REQUIRE_OK(sp_wait_for_preparation(engine));
    REQUIRE_OK(sp_attach_heart(engine, heart));
    long blocks = 0, followed = 0;
    double beat = 0.0;
    stillpoint::test::RealtimeViolations seen;
    {
        stillpoint::test::RealtimeGuard guard;
        std::int64_t played = 0, length = 1;
        while (played < length) {
            if (sp_process(engine, audio.channels, 2, kBlock) != SP_OK) break;
            sp_event event;
            while (sp_poll_event(engine, &event) == SP_OK) {
            }
            sp_get_position(engine, &played, &length);
            const double now = static_cast<double>(played) / kRate;
            while (beat < now) {  // heart rate 66 +- 6 beats/min, in step with a 6/min breath
                const double rr = 60000.0 / (66.0 + 6.0 * std::cos(0.2 * 3.141592653589793 * beat));
                beat += rr / 1000.0;
                sp_heart_push_rr(heart, rr);
            }
            sp_heart_update(heart, now);
            sp_status status{};
            status.struct_size = sizeof status;
            sp_get_status(engine, &status);
            if (status.heart_followed_pace_bpm > 0.0) ++followed;
            ++blocks;
        }
        seen = guard.violations();
    }
    std::printf("%ld blocks, %ld with a followed pace: %ld allocations, %ld frees, %ld locks\n",
                blocks, followed, seen.allocations, seen.frees, seen.locks);
    CHECK(followed > 100);  // the follow did steer, under the guard
    CHECK(seen.total() == 0);
    sp_destroy(engine);
    sp_heart_destroy(heart);
}

void the_guard_sees_the_library_allocate() {
    // Control calls allocate; the guard must see that, or the test above proves nothing.
    stillpoint::test::RealtimeGuard guard;
    sp_engine* engine = nullptr;
    CHECK_OK(sp_create(&engine));
    sp_destroy(engine);
    CHECK(guard.violations().allocations > 0);
}

}  // namespace

int main() {
    static const sp_test_case cases[] = {
        SP_TEST_CASE(the_guard_sees_the_library_allocate),
        SP_TEST_CASE(the_audio_thread_calls_never_allocate_or_lock),
        SP_TEST_CASE(a_restore_waiting_for_its_lines_and_taking_over_never_allocates_or_locks),
        SP_TEST_CASE(following_the_heart_never_allocates_or_locks),
    };
    sp_test_audio_init(&audio);
    return sp_test_main(cases, SP_TEST_COUNT(cases));
}
