/* Lifecycle: create, load, prepare, play to the end, destroy; versions and
 * result strings. */
#include <stdio.h>
#include <string.h>

#include "fixtures.h"
#include "test_runner.h"

static const char kTinySession[] =
    "title: tiny\n"
    "sections:\n"
    "  - name: only\n"
    "    steps:\n"
    "      - bell: chime\n"
    "      - pause: 2s\n";

static void versions_match_the_header(void) {
    char expected[32];
    CHECK(strcmp(sp_version_string(), SP_VERSION_STRING) == 0);
    CHECK(sp_abi_version() == SP_ABI_VERSION);
    CHECK(SP_ABI_VERSION >= 1);
    snprintf(expected, sizeof expected, "%d.%d.%d", SP_VERSION_MAJOR, SP_VERSION_MINOR,
             SP_VERSION_PATCH);
    CHECK(strcmp(SP_VERSION_STRING, expected) == 0);
}

static void every_result_has_its_own_string(void) {
    int code, other;
    for (code = SP_ERROR_INTERNAL; code <= SP_NO_EVENT; ++code) {
        const char* text = sp_result_string((sp_result)code);
        CHECK(text != NULL && text[0] != '\0');
        CHECK(strcmp(text, "unknown result") != 0);
        for (other = SP_ERROR_INTERNAL; other < code; ++other)
            CHECK(strcmp(text, sp_result_string((sp_result)other)) != 0);
    }
    CHECK(strcmp(sp_result_string((sp_result)42), "unknown result") == 0);
}

static void create_and_destroy(void) {
    sp_engine* engine = NULL;
    REQUIRE_OK(sp_create(&engine));
    CHECK(engine != NULL);
    sp_destroy(engine);
    sp_destroy(NULL); /* fine */
}

static void text_session_plays_to_its_end_then_silence(void) {
    static sp_test_audio audio;
    sp_engine* engine = NULL;
    int64_t played = -1, length = -1;
    int finished = 0, blocks = 0;
    sp_event event;
    sp_test_audio_init(&audio);
    REQUIRE_OK(sp_create(&engine));
    REQUIRE_OK(sp_load_session(engine, kTinySession, strlen(kTinySession), "tiny.yaml"));
    REQUIRE_OK(sp_prepare(engine, 48000.0, 1024, SP_LAYOUT_STEREO));
    CHECK_OK(sp_get_position(engine, &played, &length));
    CHECK(played == 0);
    CHECK(length > 48000 * 2); /* the pause, the bell, the fade-out */
    CHECK(sp_test_render(engine, &audio, 2, 1024, 20) > 0.0f);
    while (!finished && blocks++ < 10000) {
        CHECK_OK(sp_process(engine, audio.channels, 2, 1024));
        while (sp_poll_event(engine, &event) == SP_OK)
            if (event.type == SP_EVENT_FINISHED) finished = 1;
    }
    CHECK(finished);
    /* Past the end: silence, while the output clock runs on. */
    CHECK(sp_test_render(engine, &audio, 2, 1024, 100) == 0.0f);
    CHECK_OK(sp_get_position(engine, &played, &length));
    CHECK(played > length);
    sp_destroy(engine);
}

static void file_session_loads_and_plays(void) {
    static sp_test_audio audio;
    sp_engine* engine = sp_test_engine(44100.0, 256, SP_LAYOUT_STEREO);
    REQUIRE(engine != NULL);
    sp_test_audio_init(&audio);
    CHECK(sp_test_render(engine, &audio, 2, 256, 800) > 0.0f);
    sp_destroy(engine);
}

static void prepare_may_come_before_load(void) {
    static sp_test_audio audio;
    sp_engine* engine = NULL;
    int64_t played = -1;
    sp_test_audio_init(&audio);
    REQUIRE_OK(sp_create(&engine));
    CHECK_OK(sp_prepare(engine, 48000.0, 512, SP_LAYOUT_STEREO));
    CHECK_RESULT(sp_process(engine, audio.channels, 2, 512), SP_ERROR_NO_SESSION);
    CHECK_OK(sp_load_session_file(engine, SP_TEST_SESSION_PATH));
    CHECK(sp_test_render(engine, &audio, 2, 512, 200) > 0.0f);
    CHECK_OK(sp_get_position(engine, &played, NULL));
    CHECK(played == 200 * 512);
    sp_destroy(engine);
}

static void loading_into_a_prepared_engine_starts_the_new_session(void) {
    static sp_test_audio audio;
    sp_engine* engine = sp_test_engine(48000.0, 512, SP_LAYOUT_STEREO);
    int64_t played = -1;
    sp_event event;
    REQUIRE(engine != NULL);
    sp_test_audio_init(&audio);
    sp_test_render(engine, &audio, 2, 512, 100);
    REQUIRE_OK(sp_load_session(engine, kTinySession, strlen(kTinySession), "tiny.yaml"));
    REQUIRE_OK(sp_wait_for_preparation(engine));
    CHECK_OK(sp_get_position(engine, &played, NULL));
    CHECK(played == 0);
    CHECK(sp_poll_event(engine, &event) == SP_NO_EVENT); /* the old session's are gone */
    CHECK_OK(sp_process(engine, audio.channels, 2, 512));
    CHECK_OK(sp_poll_event(engine, &event));
    CHECK(event.type == SP_EVENT_SESSION_STARTED && event.sample == 0);
    sp_destroy(engine);
}

static void a_failed_load_keeps_the_session_playing(void) {
    static sp_test_audio audio;
    static const char kBroken[] = "title: [unclosed\n";
    sp_engine* engine = sp_test_engine(48000.0, 512, SP_LAYOUT_STEREO);
    int64_t before = 0, after = 0;
    REQUIRE(engine != NULL);
    sp_test_audio_init(&audio);
    sp_test_render(engine, &audio, 2, 512, 100);
    CHECK_OK(sp_get_position(engine, &before, NULL));
    CHECK_RESULT(sp_load_session(engine, kBroken, strlen(kBroken), "broken.yaml"),
                 SP_ERROR_INVALID_SESSION);
    CHECK_RESULT(sp_load_session_file(engine, "/no/such/session.yaml"), SP_ERROR_IO);
    CHECK(sp_test_render(engine, &audio, 2, 512, 10) > 0.0f);
    CHECK_OK(sp_get_position(engine, &after, NULL));
    CHECK(after == before + 10 * 512);
    sp_destroy(engine);
}

static void preparing_again_rewinds_and_keeps_parameters(void) {
    static sp_test_audio audio;
    sp_engine* engine = sp_test_engine(48000.0, 512, SP_LAYOUT_STEREO);
    int64_t played = -1;
    double db = 0.0;
    REQUIRE(engine != NULL);
    sp_test_audio_init(&audio);
    CHECK_OK(sp_set_parameter(engine, SP_PARAM_BED_DB, -40.0));
    sp_test_render(engine, &audio, 2, 512, 50);
    REQUIRE_OK(sp_prepare(engine, 96000.0, 128, SP_LAYOUT_MONO));
    CHECK_OK(sp_get_position(engine, &played, NULL));
    CHECK(played == 0);
    CHECK_OK(sp_get_parameter(engine, SP_PARAM_BED_DB, &db));
    CHECK(db == -40.0);
    CHECK(sp_test_render(engine, &audio, 1, 128, 1000) > 0.0f);
    sp_destroy(engine);
}

int main(void) {
    static const sp_test_case cases[] = {
        SP_TEST_CASE(versions_match_the_header),
        SP_TEST_CASE(every_result_has_its_own_string),
        SP_TEST_CASE(create_and_destroy),
        SP_TEST_CASE(text_session_plays_to_its_end_then_silence),
        SP_TEST_CASE(file_session_loads_and_plays),
        SP_TEST_CASE(prepare_may_come_before_load),
        SP_TEST_CASE(loading_into_a_prepared_engine_starts_the_new_session),
        SP_TEST_CASE(a_failed_load_keeps_the_session_playing),
        SP_TEST_CASE(preparing_again_rewinds_and_keeps_parameters),
    };
    return sp_test_main(cases, SP_TEST_COUNT(cases));
}
