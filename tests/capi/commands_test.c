/* Live commands and parameters through the C API: each is queued, takes
 * effect at the next block and is reported by its events. */
#include <string.h>

#include "fixtures.h"
#include "test_runner.h"

enum { kRate = 48000, kBlock = 480 };
static sp_test_audio audio;

/* Render for `seconds`; returns the first event of `type` seen (type 0:
 * none wanted) in *found, and the output's peak. */
static float play(sp_engine* engine, double seconds, sp_event_type type, sp_event* found,
                  int* seen) {
    const int blocks = (int)(seconds * kRate / kBlock);
    float peak = 0.0f;
    int b;
    sp_event e;
    if (seen) *seen = 0;
    if (found) memset(found, 0, sizeof *found);
    for (b = 0; b < blocks; ++b) {
        const float block_peak = sp_test_render(engine, &audio, 2, kBlock, 1);
        if (block_peak > peak) peak = block_peak;
        while (sp_poll_event(engine, &e) == SP_OK) {
            if (seen && !*seen && e.type == type) {
                *found = e;
                *seen = 1;
            }
        }
    }
    return peak;
}

static int64_t played(sp_engine* engine) {
    int64_t position = 0;
    sp_get_position(engine, &position, NULL);
    return position;
}

static void pause_fades_to_silence_and_resume_returns(void) {
    sp_engine* engine = sp_test_engine(kRate, kBlock, SP_LAYOUT_STEREO);
    sp_event paused, resumed, section;
    int seen = 0, b;
    REQUIRE(engine != NULL);
    CHECK(play(engine, 5.0, 0, NULL, NULL) > 0.0f);
    REQUIRE_OK(sp_command(engine, SP_COMMAND_PAUSE, 0.0));
    play(engine, 2.0, SP_EVENT_PAUSED, &paused, &seen);
    REQUIRE(seen);
    /* Faded over 1.5 s from the command. */
    CHECK(paused.sample >= 5 * kRate + (3 * kRate) / 2 - kBlock);
    CHECK(paused.sample <= 5 * kRate + (3 * kRate) / 2 + kBlock);
    CHECK(paused.session_sample == paused.sample);
    /* From the Paused event on: exact silence, for as long as it lasts. */
    for (b = 0; b < 200; ++b) {
        const int64_t start = played(engine);
        int i;
        REQUIRE_OK(sp_process(engine, audio.channels, 2, kBlock));
        for (i = 0; i < kBlock; ++i)
            if (start + i >= paused.sample)
                CHECK(audio.data[0][i] == 0.0f && audio.data[1][i] == 0.0f);
    }
    REQUIRE_OK(sp_command(engine, SP_COMMAND_RESUME, 0.0));
    CHECK(play(engine, 1.0, SP_EVENT_RESUMED, &resumed, &seen) > 0.0f);
    REQUIRE(seen);
    CHECK(resumed.session_sample == paused.session_sample); /* the session clock stood still */
    /* Later events carry the pause's length between their two clocks. */
    play(engine, 30.0, SP_EVENT_SECTION_STARTED, &section, &seen);
    REQUIRE(seen);
    CHECK(section.index == 1);
    CHECK(section.sample - section.session_sample == resumed.sample - resumed.session_sample);
    sp_destroy(engine);
}

static void next_and_previous_section(void) {
    sp_engine* engine = sp_test_engine(kRate, kBlock, SP_LAYOUT_STEREO);
    sp_event section;
    int seen = 0;
    REQUIRE(engine != NULL);
    play(engine, 5.0, 0, NULL, NULL);
    REQUIRE_OK(sp_command(engine, SP_COMMAND_NEXT_SECTION, 0.0));
    play(engine, 2.0, SP_EVENT_SECTION_STARTED, &section, &seen);
    REQUIRE(seen);
    CHECK(section.index == 1);
    CHECK(section.sample <= 6 * kRate + kBlock); /* a one-second fade, then the jump */
    /* Just after a section's start, back goes to the one before. */
    REQUIRE_OK(sp_command(engine, SP_COMMAND_PREVIOUS_SECTION, 0.0));
    play(engine, 2.0, SP_EVENT_SECTION_STARTED, &section, &seen);
    REQUIRE(seen);
    CHECK(section.index == 0);
    sp_destroy(engine);
}

static void stop_fades_out_and_finishes(void) {
    sp_engine* engine = sp_test_engine(kRate, kBlock, SP_LAYOUT_STEREO);
    sp_event finished;
    int seen = 0;
    REQUIRE(engine != NULL);
    play(engine, 5.0, 0, NULL, NULL);
    REQUIRE_OK(sp_command(engine, SP_COMMAND_STOP, 0.0));
    play(engine, 3.0, SP_EVENT_FINISHED, &finished, &seen);
    REQUIRE(seen);
    CHECK(finished.sample <= 5 * kRate + (5 * kRate) / 2 + kBlock); /* 2.5 s fade */
    CHECK(play(engine, 1.0, 0, NULL, NULL) == 0.0f);
    sp_destroy(engine);
}

/* Fill the command queue with no-ops (continue outside a checkin) until it
 * refuses one; returns how many it took. */
static int fill_queue(sp_engine* engine) {
    int sent = 0;
    while (sent < 100000 && sp_command(engine, SP_COMMAND_CONTINUE, 0.0) == SP_OK) ++sent;
    return sent;
}

static void stop_behind_a_full_queue_still_fades_out(void) {
    sp_engine* engine = sp_test_engine(kRate, kBlock, SP_LAYOUT_STEREO);
    sp_event finished;
    int seen = 0;
    float before, early, late;
    REQUIRE(engine != NULL);
    play(engine, 4.5, 0, NULL, NULL);
    before = play(engine, 0.5, 0, NULL, NULL);
    CHECK(fill_queue(engine) >= 64);
    CHECK_RESULT(sp_command(engine, SP_COMMAND_PAUSE, 0.0), SP_ERROR_QUEUE_FULL);
    REQUIRE_OK(sp_command(engine, SP_COMMAND_STOP, 0.0)); /* never refused */
    /* The level falls over the 2.5 s fade, not at once. */
    early = play(engine, 0.5, 0, NULL, NULL);
    play(engine, 1.0, 0, NULL, NULL);
    late = play(engine, 0.5, SP_EVENT_FINISHED, &finished, &seen);
    CHECK(!seen);
    CHECK(before > 0.0f);
    CHECK(early > 0.5f * before);
    CHECK(late < early);
    CHECK(late > 0.0f);
    play(engine, 1.0, SP_EVENT_FINISHED, &finished, &seen);
    REQUIRE(seen);
    CHECK(finished.sample >= 5 * kRate + (5 * kRate) / 2 - kBlock);
    CHECK(finished.sample <= 5 * kRate + (5 * kRate) / 2 + kBlock);
    CHECK(play(engine, 1.0, 0, NULL, NULL) == 0.0f);
    sp_destroy(engine);
}

static void grounding_behind_a_full_queue_still_comes(void) {
    sp_engine* engine = sp_test_engine(kRate, kBlock, SP_LAYOUT_STEREO);
    sp_event section;
    int seen = 0;
    REQUIRE(engine != NULL);
    play(engine, 5.0, 0, NULL, NULL);
    CHECK(fill_queue(engine) >= 64);
    REQUIRE_OK(sp_command(engine, SP_COMMAND_GROUNDING, 0.0)); /* never refused */
    CHECK(play(engine, 3.0, SP_EVENT_SECTION_STARTED, &section, &seen) > 0.0f);
    REQUIRE(seen);
    CHECK(section.index == 2);
    CHECK(section.sample >= 6 * kRate - kBlock); /* after its 1 s fade */
    CHECK(section.sample <= 6 * kRate + kBlock);
    sp_destroy(engine);
}

static void hold_keeps_breathing_until_release(void) {
    sp_engine* engine = sp_test_engine(kRate, kBlock, SP_LAYOUT_STEREO);
    sp_event section;
    int seen = 0;
    REQUIRE(engine != NULL);
    play(engine, 5.0, 0, NULL, NULL); /* into the breathing, which plans to end near 25 s */
    REQUIRE_OK(sp_command(engine, SP_COMMAND_HOLD, 0.0));
    play(engine, 35.0, SP_EVENT_SECTION_STARTED, &section, &seen);
    CHECK(!seen);
    REQUIRE_OK(sp_command(engine, SP_COMMAND_RELEASE, 0.0));
    play(engine, 15.0, SP_EVENT_SECTION_STARTED, &section, &seen); /* at the next whole breath */
    CHECK(seen && section.index == 1);
    sp_destroy(engine);
}

static void a_chosen_pace_lasts_until_handed_back(void) {
    sp_engine* engine = sp_test_engine(kRate, kBlock, SP_LAYOUT_STEREO);
    sp_event step;
    double pace = -1.0;
    int seen = 0;
    REQUIRE(engine != NULL);
    CHECK_OK(sp_get_parameter(engine, SP_PARAM_PACE_BPM, &pace));
    CHECK(pace == 0.0);
    play(engine, 5.0, 0, NULL, NULL);
    REQUIRE_OK(sp_command(engine, SP_COMMAND_PACE, 4.0));
    play(engine, 1.0, 0, NULL, NULL);
    CHECK_OK(sp_get_parameter(engine, SP_PARAM_PACE_BPM, &pace));
    CHECK(pace == 4.0);
    CHECK_OK(sp_set_parameter(engine, SP_PARAM_PACE_BPM, 5.0));
    CHECK_OK(sp_get_parameter(engine, SP_PARAM_PACE_BPM, &pace));
    CHECK(pace == 5.0);
    play(engine, 40.0, SP_EVENT_STEP_STARTED, &step, &seen);
    REQUIRE(seen);
    CHECK(step.index == 2);
    CHECK_OK(sp_get_parameter(engine, SP_PARAM_PACE_BPM, &pace));
    CHECK(pace == 5.0); /* kept past the breathing, for any later breathe step */
    CHECK_OK(sp_set_parameter(engine, SP_PARAM_PACE_BPM, 0.0));
    CHECK_OK(sp_get_parameter(engine, SP_PARAM_PACE_BPM, &pace));
    CHECK(pace == 0.0); /* the session's own again */
    sp_destroy(engine);
}

static void a_chosen_pattern_starts_on_a_whole_breath_and_holds(void) {
    /* Box (3) chosen during the bell: the breathing starts with it, 4 s in,
     * then a 4 s hold that coherent, the session's own, never has. */
    sp_engine* engine = sp_test_engine(kRate, kBlock, SP_LAYOUT_STEREO);
    sp_event step, hold;
    double pattern = -1.0;
    int seen = 0;
    REQUIRE(engine != NULL);
    CHECK_OK(sp_get_parameter(engine, SP_PARAM_PATTERN, &pattern));
    CHECK(pattern == 0.0);
    play(engine, 1.0, 0, NULL, NULL);
    REQUIRE_OK(sp_command(engine, SP_COMMAND_PATTERN, 3.0));
    CHECK_OK(sp_get_parameter(engine, SP_PARAM_PATTERN, &pattern));
    CHECK(pattern == 3.0);
    play(engine, 5.0, SP_EVENT_STEP_STARTED, &step, &seen);
    REQUIRE(seen);
    CHECK(step.index == 1);
    play(engine, 6.0, SP_EVENT_PHASE_CHANGED, &hold, &seen); /* the inhale came with the step */
    REQUIRE(seen);
    CHECK(hold.index == SP_PHASE_HOLD_IN);
    CHECK(hold.session_sample == step.session_sample + 4 * kRate);
    /* 0 hands it back; a new session starts at the session's own too. */
    CHECK_OK(sp_set_parameter(engine, SP_PARAM_PATTERN, 0.0));
    CHECK_OK(sp_get_parameter(engine, SP_PARAM_PATTERN, &pattern));
    CHECK(pattern == 0.0);
    CHECK_OK(sp_set_parameter(engine, SP_PARAM_PATTERN, 7.0));
    REQUIRE_OK(sp_load_session_file(engine, SP_TEST_SESSION_PATH));
    CHECK_OK(sp_get_parameter(engine, SP_PARAM_PATTERN, &pattern));
    CHECK(pattern == 0.0);
    sp_destroy(engine);
}

static void grounding_jumps_to_the_grounding_section(void) {
    /* The test session has none of its own: the built-in one follows its two. */
    sp_engine* engine = sp_test_engine(kRate, kBlock, SP_LAYOUT_STEREO);
    sp_event section;
    int seen = 0;
    REQUIRE(engine != NULL);
    play(engine, 5.0, 0, NULL, NULL);
    REQUIRE_OK(sp_command(engine, SP_COMMAND_GROUNDING, 0.0));
    CHECK(play(engine, 3.0, SP_EVENT_SECTION_STARTED, &section, &seen) > 0.0f);
    REQUIRE(seen);
    CHECK(section.index == 2);
    sp_destroy(engine);
}

static void layer_volumes_start_at_the_session_and_turn_it_down(void) {
    static const sp_param layers[] = {SP_PARAM_TONE_DB,     SP_PARAM_BED_DB,
                                      SP_PARAM_BELLS_DB,    SP_PARAM_VOICE_DB,
                                      SP_PARAM_BINAURAL_DB, SP_PARAM_ISOCHRONIC_DB};
    sp_engine* engine = sp_test_engine(kRate, kBlock, SP_LAYOUT_STEREO);
    double db = 0.0;
    float before, after;
    size_t i;
    REQUIRE(engine != NULL);
    CHECK_OK(sp_get_parameter(engine, SP_PARAM_BED_DB, &db));
    CHECK(db == SP_TEST_SESSION_BED_DB);
    CHECK_OK(sp_get_parameter(engine, SP_PARAM_VOICE_DB, &db));
    CHECK(db == SP_TEST_SESSION_VOICE_DB);
    play(engine, 5.0, 0, NULL, NULL);
    before = play(engine, 2.0, 0, NULL, NULL);
    for (i = 0; i < sizeof layers / sizeof layers[0]; ++i)
        CHECK_OK(sp_set_parameter(engine, layers[i], -60.0));
    CHECK_OK(sp_get_parameter(engine, SP_PARAM_TONE_DB, &db));
    CHECK(db == -60.0);
    play(engine, 1.0, 0, NULL, NULL); /* the glide */
    after = play(engine, 2.0, 0, NULL, NULL);
    CHECK(before > 0.0f);
    CHECK(after < before * 0.05f);
    /* A new load: the new session's own volumes again. */
    REQUIRE_OK(sp_load_session_file(engine, SP_TEST_SESSION_PATH));
    CHECK_OK(sp_get_parameter(engine, SP_PARAM_TONE_DB, &db));
    CHECK(db == -6.0);
    sp_destroy(engine);
}

int main(void) {
    static const sp_test_case cases[] = {
        SP_TEST_CASE(pause_fades_to_silence_and_resume_returns),
        SP_TEST_CASE(next_and_previous_section),
        SP_TEST_CASE(stop_fades_out_and_finishes),
        SP_TEST_CASE(stop_behind_a_full_queue_still_fades_out),
        SP_TEST_CASE(grounding_behind_a_full_queue_still_comes),
        SP_TEST_CASE(hold_keeps_breathing_until_release),
        SP_TEST_CASE(a_chosen_pace_lasts_until_handed_back),
        SP_TEST_CASE(a_chosen_pattern_starts_on_a_whole_breath_and_holds),
        SP_TEST_CASE(grounding_jumps_to_the_grounding_section),
        SP_TEST_CASE(layer_volumes_start_at_the_session_and_turn_it_down),
    };
    sp_test_audio_init(&audio);
    return sp_test_main(cases, SP_TEST_COUNT(cases));
}
