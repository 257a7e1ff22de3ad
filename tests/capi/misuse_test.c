/* Misuse returns the documented code and never crashes: NULL pointers,
 * calls out of order, blocks too large, wrong channel counts, values out of
 * range, unknown enum values, a full command queue. */
#include <math.h>
#include <string.h>

#include "fixtures.h"
#include "test_runner.h"

static sp_test_audio audio;

static void null_engine_and_pointers(void) {
    sp_engine* engine = NULL;
    sp_event event;
    double value = 0.0;
    size_t size = 0;
    char buffer[8];
    CHECK_RESULT(sp_create(NULL), SP_ERROR_NULL_POINTER);
    CHECK_RESULT(sp_load_session(NULL, "x", 1, NULL), SP_ERROR_NULL_POINTER);
    CHECK_RESULT(sp_load_session_file(NULL, "x.yaml"), SP_ERROR_NULL_POINTER);
    CHECK_RESULT(sp_prepare(NULL, 48000.0, 512, SP_LAYOUT_STEREO), SP_ERROR_NULL_POINTER);
    CHECK_RESULT(sp_process(NULL, audio.channels, 2, 64), SP_ERROR_NULL_POINTER);
    CHECK_RESULT(sp_get_position(NULL, NULL, NULL), SP_ERROR_NULL_POINTER);
    CHECK_RESULT(sp_command(NULL, SP_COMMAND_PAUSE, 0.0), SP_ERROR_NULL_POINTER);
    CHECK_RESULT(sp_set_parameter(NULL, SP_PARAM_BED_DB, -10.0), SP_ERROR_NULL_POINTER);
    CHECK_RESULT(sp_get_parameter(NULL, SP_PARAM_BED_DB, &value), SP_ERROR_NULL_POINTER);
    CHECK_RESULT(sp_poll_event(NULL, &event), SP_ERROR_NULL_POINTER);
    CHECK_RESULT(sp_get_state(NULL, buffer, sizeof buffer, &size), SP_ERROR_NULL_POINTER);
    CHECK_RESULT(sp_set_state(NULL, "x", 1), SP_ERROR_NULL_POINTER);
    CHECK(strcmp(sp_error_message(NULL), "") == 0 && strcmp(sp_error_file(NULL), "") == 0);
    CHECK(sp_error_line(NULL) == 0 && sp_error_column(NULL) == 0);
    sp_destroy(NULL);

    REQUIRE_OK(sp_create(&engine));
    CHECK_RESULT(sp_load_session(engine, NULL, 10, "x.yaml"), SP_ERROR_NULL_POINTER);
    CHECK_RESULT(sp_load_session(engine, NULL, 0, NULL), SP_ERROR_INVALID_SESSION); /* empty text */
    CHECK_RESULT(sp_load_session_file(engine, NULL), SP_ERROR_NULL_POINTER);
    CHECK_RESULT(sp_process(engine, NULL, 2, 64), SP_ERROR_NULL_POINTER);
    CHECK_RESULT(sp_get_parameter(engine, SP_PARAM_BED_DB, NULL), SP_ERROR_NULL_POINTER);
    CHECK_RESULT(sp_poll_event(engine, NULL), SP_ERROR_NULL_POINTER);
    CHECK_RESULT(sp_get_state(engine, buffer, sizeof buffer, NULL), SP_ERROR_NULL_POINTER);
    CHECK_RESULT(sp_set_state(engine, NULL, 0), SP_ERROR_NULL_POINTER);
    sp_destroy(engine);
}

static void a_null_channel_buffer(void) {
    float* outputs[2];
    sp_engine* engine = sp_test_engine(48000.0, 512, SP_LAYOUT_STEREO);
    REQUIRE(engine != NULL);
    outputs[0] = audio.data[0];
    outputs[1] = NULL;
    CHECK_RESULT(sp_process(engine, outputs, 2, 64), SP_ERROR_NULL_POINTER);
    sp_destroy(engine);
}

static void calls_before_load_or_prepare(void) {
    sp_engine* engine = NULL;
    sp_event event;
    double value = 0.0;
    size_t size = 0;
    REQUIRE_OK(sp_create(&engine));
    sp_test_audio_fill(&audio, 2, 64, 1.0f);
    CHECK_RESULT(sp_process(engine, audio.channels, 2, 64), SP_ERROR_NOT_PREPARED);
    CHECK(sp_test_audio_peak(&audio, 2, 64) == 0.0f); /* a failed block is silent */
    CHECK_RESULT(sp_command(engine, SP_COMMAND_PAUSE, 0.0), SP_ERROR_NOT_PREPARED);
    CHECK_RESULT(sp_set_parameter(engine, SP_PARAM_BED_DB, -10.0), SP_ERROR_NO_SESSION);
    CHECK_RESULT(sp_get_parameter(engine, SP_PARAM_BED_DB, &value), SP_ERROR_NO_SESSION);
    CHECK_RESULT(sp_get_state(engine, NULL, 0, &size), SP_ERROR_NO_SESSION);
    CHECK_RESULT(sp_poll_event(engine, &event), SP_NO_EVENT);

    /* Loaded, not prepared. */
    REQUIRE_OK(sp_load_session_file(engine, SP_TEST_SESSION_PATH));
    CHECK_RESULT(sp_process(engine, audio.channels, 2, 64), SP_ERROR_NOT_PREPARED);
    CHECK_RESULT(sp_command(engine, SP_COMMAND_PAUSE, 0.0), SP_ERROR_NOT_PREPARED);
    CHECK_OK(sp_set_parameter(engine, SP_PARAM_BED_DB, -10.0)); /* kept for prepare */
    sp_destroy(engine);

    /* Prepared, nothing loaded. */
    REQUIRE_OK(sp_create(&engine));
    REQUIRE_OK(sp_prepare(engine, 48000.0, 512, SP_LAYOUT_STEREO));
    sp_test_audio_fill(&audio, 2, 64, 1.0f);
    CHECK_RESULT(sp_process(engine, audio.channels, 2, 64), SP_ERROR_NO_SESSION);
    CHECK(sp_test_audio_peak(&audio, 2, 64) == 0.0f);
    CHECK_RESULT(sp_command(engine, SP_COMMAND_STOP, 0.0), SP_ERROR_NO_SESSION);
    sp_destroy(engine);
}

static void block_sizes_and_channel_counts(void) {
    sp_engine* engine = sp_test_engine(48000.0, 512, SP_LAYOUT_STEREO);
    int64_t played = -1;
    REQUIRE(engine != NULL);
    sp_test_audio_fill(&audio, 2, 513, 1.0f);
    CHECK_RESULT(sp_process(engine, audio.channels, 2, 513), SP_ERROR_BLOCK_TOO_LARGE);
    CHECK(sp_test_audio_peak(&audio, 2, 513) == 0.0f);
    CHECK_RESULT(sp_process(engine, audio.channels, 2, -1), SP_ERROR_INVALID_ARGUMENT);
    CHECK_RESULT(sp_process(engine, audio.channels, 0, 64), SP_ERROR_INVALID_ARGUMENT);
    CHECK_RESULT(sp_process(engine, audio.channels, -2, 64), SP_ERROR_INVALID_ARGUMENT);
    CHECK_RESULT(sp_process(engine, audio.channels, 1, 64), SP_ERROR_CHANNEL_MISMATCH);
    sp_test_audio_fill(&audio, 3, 64, 1.0f);
    CHECK_RESULT(sp_process(engine, audio.channels, 3, 64), SP_ERROR_CHANNEL_MISMATCH);
    CHECK(sp_test_audio_peak(&audio, 3, 64) == 0.0f);
    CHECK_OK(sp_get_position(engine, &played, NULL));
    CHECK(played == 0); /* nothing above played */
    CHECK_OK(sp_process(engine, audio.channels, 2, 0));
    CHECK_OK(sp_process(engine, audio.channels, 2, 512));
    CHECK_OK(sp_get_position(engine, &played, NULL));
    CHECK(played == 512);
    sp_destroy(engine);
}

static void prepare_out_of_range(void) {
    sp_engine* engine = NULL;
    REQUIRE_OK(sp_create(&engine));
    CHECK_RESULT(sp_prepare(engine, 0.0, 512, SP_LAYOUT_STEREO), SP_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(sp_error_message(engine), "sample rate") != NULL);
    CHECK_RESULT(sp_prepare(engine, NAN, 512, SP_LAYOUT_STEREO), SP_ERROR_INVALID_ARGUMENT);
    CHECK_RESULT(sp_prepare(engine, 7999.0, 512, SP_LAYOUT_STEREO), SP_ERROR_INVALID_ARGUMENT);
    CHECK_RESULT(sp_prepare(engine, 1e7, 512, SP_LAYOUT_STEREO), SP_ERROR_INVALID_ARGUMENT);
    CHECK_RESULT(sp_prepare(engine, 48000.0, 0, SP_LAYOUT_STEREO), SP_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(sp_error_message(engine), "block") != NULL);
    CHECK_RESULT(sp_prepare(engine, 48000.0, 65537, SP_LAYOUT_STEREO), SP_ERROR_INVALID_ARGUMENT);
    CHECK_RESULT(sp_prepare(engine, 48000.0, 512, (sp_layout)0), SP_ERROR_INVALID_ARGUMENT);
    CHECK_RESULT(sp_prepare(engine, 48000.0, 512, (sp_layout)4), SP_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(sp_error_message(engine), "layout") != NULL);
    CHECK_OK(sp_prepare(engine, 48000.0, 512, SP_LAYOUT_STEREO_HAPTIC));
    CHECK(strcmp(sp_error_message(engine), "") == 0); /* success clears the details */
    sp_destroy(engine);
}

static void commands_and_parameters_out_of_range(void) {
    sp_engine* engine = sp_test_engine(48000.0, 512, SP_LAYOUT_STEREO);
    double value = 0.0;
    REQUIRE(engine != NULL);
    CHECK_RESULT(sp_command(engine, (sp_command_type)(SP_COMMAND_PATTERN + 1), 0.0),
                 SP_ERROR_INVALID_ARGUMENT);
    CHECK_RESULT(sp_command(engine, (sp_command_type)-1, 0.0), SP_ERROR_INVALID_ARGUMENT);
    CHECK_RESULT(sp_command(engine, SP_COMMAND_PACE, 0.5), SP_ERROR_INVALID_ARGUMENT);
    CHECK_RESULT(sp_command(engine, SP_COMMAND_PACE, 31.0), SP_ERROR_INVALID_ARGUMENT);
    CHECK_RESULT(sp_command(engine, SP_COMMAND_PACE, NAN), SP_ERROR_INVALID_ARGUMENT);
    CHECK_RESULT(sp_command(engine, SP_COMMAND_PATTERN, 8.0), SP_ERROR_INVALID_ARGUMENT);
    CHECK_RESULT(sp_command(engine, SP_COMMAND_PATTERN, -1.0), SP_ERROR_INVALID_ARGUMENT);
    CHECK_RESULT(sp_command(engine, SP_COMMAND_PATTERN, 2.5), SP_ERROR_INVALID_ARGUMENT);
    CHECK_RESULT(sp_set_parameter(engine, SP_PARAM_PATTERN, NAN), SP_ERROR_INVALID_ARGUMENT);
    CHECK_RESULT(sp_set_parameter(engine, (sp_param)6, 0.0),
                 SP_ERROR_INVALID_ARGUMENT); /* kept for later layers */
    CHECK_RESULT(sp_set_parameter(engine, (sp_param)99, 0.0), SP_ERROR_INVALID_ARGUMENT);
    CHECK_RESULT(sp_get_parameter(engine, (sp_param)15, &value), SP_ERROR_INVALID_ARGUMENT);
    CHECK_RESULT(sp_set_parameter(engine, SP_PARAM_BED_DB, 6.5), SP_ERROR_INVALID_ARGUMENT);
    CHECK_RESULT(sp_set_parameter(engine, SP_PARAM_BED_DB, -60.5), SP_ERROR_INVALID_ARGUMENT);
    CHECK_RESULT(sp_set_parameter(engine, SP_PARAM_BED_DB, INFINITY), SP_ERROR_INVALID_ARGUMENT);
    CHECK_RESULT(sp_set_parameter(engine, SP_PARAM_PACE_BPM, -1.0), SP_ERROR_INVALID_ARGUMENT);
    CHECK_RESULT(sp_set_parameter(engine, SP_PARAM_PACE_BPM, 0.9), SP_ERROR_INVALID_ARGUMENT);
    CHECK_OK(sp_get_parameter(engine, SP_PARAM_BED_DB, &value));
    CHECK(value == SP_TEST_SESSION_BED_DB); /* unchanged by the refused ones */
    CHECK_OK(sp_set_parameter(engine, SP_PARAM_BED_DB, -60.0));
    CHECK_OK(sp_set_parameter(engine, SP_PARAM_BED_DB, 6.0));
    sp_destroy(engine);
}

static void a_full_command_queue_says_so(void) {
    sp_engine* engine = sp_test_engine(48000.0, 512, SP_LAYOUT_STEREO);
    sp_result r = SP_OK;
    int sent = 0;
    REQUIRE(engine != NULL);
    while (sent < 100000 && (r = sp_command(engine, SP_COMMAND_HOLD, 0.0)) == SP_OK) ++sent;
    CHECK_RESULT(r, SP_ERROR_QUEUE_FULL);
    CHECK(sent >= 64);
    CHECK_RESULT(sp_set_parameter(engine, SP_PARAM_VOICE_DB, -10.0), SP_ERROR_QUEUE_FULL);
    CHECK_OK(sp_process(engine, audio.channels, 2, 512)); /* the audio thread takes them */
    CHECK_OK(sp_command(engine, SP_COMMAND_RELEASE, 0.0));
    sp_destroy(engine);
}

static void bad_states_are_refused_and_change_nothing(void) {
    static const char* const bad[] = {
        "",
        "hello",
        "stillpoint-state 3\nsample-rate 48000\nposition 0\nsession 0\n",
        "stillpoint-state 2\nsample-rate 48000\nposition 0\nsession 0\n", /* no crc32 line */
        "stillpoint-state 2\ncrc32 00000000\nsample-rate 48000\nposition 0\nsession 0\n",
        "stillpoint-state 1\nsample-rate 48000\nposition -5\nsession 0\n",
        "stillpoint-state 1\nsample-rate 12\nposition 0\nsession 0\n",
        "stillpoint-state 1\nsample-rate 48000\nposition 0\nbed-db 9\nsession 0\n",
        "stillpoint-state 1\nsample-rate 48000\nposition 0\npace-bpm abc\nsession 0\n",
        "stillpoint-state 1\nsample-rate 48000\nposition 0\nsession 99\ntitle: short\n",
        "stillpoint-state 1\nposition 0\nsession 0\n",
        "stillpoint-state 1\nsample-rate 48000\nposition 0\n",
    };
    sp_engine* engine = sp_test_engine(48000.0, 512, SP_LAYOUT_STEREO);
    int64_t before = 0, after = 0;
    size_t i;
    REQUIRE(engine != NULL);
    sp_test_render(engine, &audio, 2, 512, 10);
    CHECK_OK(sp_get_position(engine, &before, NULL));
    for (i = 0; i < sizeof bad / sizeof bad[0]; ++i) {
        CHECK_RESULT(sp_set_state(engine, bad[i], strlen(bad[i])), SP_ERROR_INVALID_STATE);
        CHECK(sp_error_message(engine)[0] != '\0');
    }
    CHECK(strstr(sp_error_message(engine), "session text") != NULL);
    CHECK_OK(sp_process(engine, audio.channels, 2, 512));
    CHECK_OK(sp_get_position(engine, &after, NULL));
    CHECK(after == before + 512);
    sp_destroy(engine);
}

int main(void) {
    static const sp_test_case cases[] = {
        SP_TEST_CASE(null_engine_and_pointers),
        SP_TEST_CASE(a_null_channel_buffer),
        SP_TEST_CASE(calls_before_load_or_prepare),
        SP_TEST_CASE(block_sizes_and_channel_counts),
        SP_TEST_CASE(prepare_out_of_range),
        SP_TEST_CASE(commands_and_parameters_out_of_range),
        SP_TEST_CASE(a_full_command_queue_says_so),
        SP_TEST_CASE(bad_states_are_refused_and_change_nothing),
    };
    sp_test_audio_init(&audio);
    return sp_test_main(cases, SP_TEST_COUNT(cases));
}
