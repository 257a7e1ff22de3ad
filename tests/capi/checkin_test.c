/* Checkins through the C API: with SP_PARAM_WAIT_AT_CHECKINS 1 the session
 * waits after the prompt (SP_EVENT_WAITING) until SP_COMMAND_CONTINUE, and
 * goes on at the block the command lands in; with 0 it waits its set time. */
#include <string.h>

#include "fixtures.h"
#include "test_runner.h"

enum { kRate = 48000, kBlock = 480 };
static sp_test_audio audio;

static const char kSession[] =
    "title: C API checkin\n"
    "defaults: {bed: brown, tone: none}\n"
    "sections:\n"
    "  - name: One\n"
    "    steps:\n"
    "      - checkin: {prompt: \"How is this for you?\", wait: 4s}\n"
    "      - bell: chime\n";

static sp_engine* checkin_engine(double wait) {
    sp_engine* engine = NULL;
    if (sp_create(&engine) != SP_OK) return NULL;
    if (sp_load_session(engine, kSession, strlen(kSession), "checkin.yaml") != SP_OK ||
        sp_set_parameter(engine, SP_PARAM_WAIT_AT_CHECKINS, wait) != SP_OK ||
        sp_prepare(engine, kRate, kBlock, SP_LAYOUT_STEREO) != SP_OK) {
        sp_destroy(engine);
        return NULL;
    }
    return engine;
}

/* Render `blocks` blocks; the first event of `type` goes to *found (sample -1: none). */
static void play(sp_engine* engine, int blocks, sp_event_type type, sp_event* found) {
    int b;
    sp_event e;
    for (b = 0; b < blocks; ++b) {
        sp_test_render(engine, &audio, 2, kBlock, 1);
        while (sp_poll_event(engine, &e) == SP_OK)
            if (e.type == type && found->sample < 0) *found = e;
    }
}

static void a_live_checkin_waits_until_continue(void) {
    sp_engine* engine = checkin_engine(1.0);
    sp_event waiting = {0}, bell = {0};
    int64_t continued_at = 0;
    double value = 0.0;
    REQUIRE(engine != NULL);
    CHECK_OK(sp_get_parameter(engine, SP_PARAM_WAIT_AT_CHECKINS, &value));
    CHECK(value == 1.0);
    waiting.sample = -1;
    bell.sample = -1;
    /* A minute: the prompt is a few seconds, the set wait 4 s; it still waits. */
    play(engine, 60 * kRate / kBlock, SP_EVENT_WAITING, &waiting);
    REQUIRE(waiting.sample > 0);
    CHECK(waiting.index == 0);
    CHECK(waiting.sample < 10 * kRate);
    play(engine, 1, SP_EVENT_BELL, &bell);
    CHECK(bell.sample < 0);

    sp_get_position(engine, &continued_at, NULL);
    REQUIRE_OK(sp_command(engine, SP_COMMAND_CONTINUE, 0.0));
    play(engine, 2, SP_EVENT_BELL, &bell);
    REQUIRE(bell.sample >= 0);
    /* At the block the command landed in, plus the 1 ms look-ahead. */
    CHECK(bell.sample == continued_at + kRate / 1000);
    sp_destroy(engine);
}

static void a_render_checkin_waits_its_set_time(void) {
    sp_engine* engine = checkin_engine(0.0);
    sp_event waiting = {0}, bell = {0};
    REQUIRE(engine != NULL);
    waiting.sample = -1;
    bell.sample = -1;
    play(engine, 20 * kRate / kBlock, SP_EVENT_BELL, &bell);
    REQUIRE(bell.sample > 4 * kRate);
    play(engine, 1, SP_EVENT_WAITING, &waiting);
    CHECK(waiting.sample < 0);
    sp_destroy(engine);
}

static void continue_is_a_known_command_and_the_setting_is_checked(void) {
    sp_engine* engine = checkin_engine(0.0);
    REQUIRE(engine != NULL);
    CHECK(SP_COMMAND_CONTINUE == 9);
    CHECK(SP_EVENT_WAITING == 9);
    CHECK_OK(sp_command(engine, SP_COMMAND_CONTINUE, 0.0));
    CHECK_RESULT(sp_set_parameter(engine, SP_PARAM_WAIT_AT_CHECKINS, 0.5),
                 SP_ERROR_INVALID_ARGUMENT);
    CHECK_RESULT(sp_set_parameter(engine, SP_PARAM_WAIT_AT_CHECKINS, 2.0),
                 SP_ERROR_INVALID_ARGUMENT);
    sp_destroy(engine);
}

int main(void) {
    static const sp_test_case cases[] = {
        SP_TEST_CASE(a_live_checkin_waits_until_continue),
        SP_TEST_CASE(a_render_checkin_waits_its_set_time),
        SP_TEST_CASE(continue_is_a_known_command_and_the_setting_is_checked),
    };
    sp_test_audio_init(&audio);
    return sp_test_main(cases, SP_TEST_COUNT(cases));
}
