/* sp_prepare returns before the session's lines are made (the library's
 * worker makes them, in hearing order, and sp_get_preparation counts them);
 * sp_wait_for_preparation waits for all of them; a session that outruns its
 * lines says so in sp_status.waiting_for_narration; a voice pack that is not
 * there reaches the app as SP_ERROR_NARRATION with a message naming it. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "fixtures.h"
#include "test_runner.h"

/* Twelve lines in words no cache has seen: every line is synthesised. */
static void unheard_session(char* text, size_t size) {
    static long made = 0;
    const long unique = (long)time(NULL) % 100000 * 100 + (long)clock() % 1000 + 1000 * made++;
    size_t used;
    int i;
    used = (size_t)snprintf(text, size,
                            "title: lines\ndefaults: {bed: pink}\nsections:\n  - name: one\n"
                            "    steps:\n");
    for (i = 0; i < 12; ++i)
        used += (size_t)snprintf(
            text + used, size - used,
            "      - say: Line %d of %ld, a slow and gentle sentence to say.\n", i, unique + i);
}

static void prepare_returns_before_the_lines_are_made(void) {
    char text[2048];
    sp_engine* engine = NULL;
    int ready = -1, total = -1;
    unheard_session(text, sizeof text);
    REQUIRE_OK(sp_create(&engine));
    REQUIRE_OK(sp_load_session(engine, text, strlen(text), "lines.yaml"));
    REQUIRE_OK(sp_prepare(engine, 48000.0, 512, SP_LAYOUT_STEREO));
    CHECK_OK(sp_get_preparation(engine, &ready, &total));
    printf("right after sp_prepare: %d of %d lines made\n", ready, total);
    CHECK(total >= 12); /* the built-in grounding's lines come after the session's */
    CHECK(ready < total);
    CHECK_OK(sp_wait_for_preparation(engine));
    CHECK_OK(sp_get_preparation(engine, &ready, &total));
    CHECK(ready == total);
    sp_destroy(engine);
}

static int status_of(const sp_engine* engine, sp_status* status) {
    memset(status, 0, sizeof *status);
    status->struct_size = sizeof *status;
    return CHECK_OK(sp_get_status(engine, status));
}

static void a_session_that_outruns_its_lines_says_it_waits_for_them(void) {
    char text[2048];
    sp_engine* engine = NULL;
    static sp_test_audio audio;
    sp_status status;
    int blocks, waited = 0;
    const time_t give_up = time(NULL) + 60;
    unheard_session(text, sizeof text);
    sp_test_audio_init(&audio);
    REQUIRE_OK(sp_create(&engine));
    REQUIRE_OK(sp_load_session(engine, text, strlen(text), "lines.yaml"));
    REQUIRE_OK(sp_prepare(engine, 48000.0, 512, SP_LAYOUT_STEREO));
    REQUIRE(status_of(engine, &status));
    CHECK(status.struct_size == sizeof status);
    CHECK(!status.waiting_for_narration);
    /* Far faster than real time: the session reaches a line before it is
     * made. (Until its first gains it holds silence, and is not begun.) */
    for (blocks = 0; blocks < 20000 && !waited && time(NULL) < give_up;) {
        REQUIRE_OK(sp_process(engine, audio.channels, 2, 512));
        sp_test_drain_events(engine);
        REQUIRE(status_of(engine, &status));
        waited = status.waiting_for_narration;
        if (status.started) ++blocks;
    }
    CHECK(waited);
    CHECK(status.started);
    CHECK(status.preparing);
    CHECK(status.lines_ready < status.lines_total);
    printf("waiting for its voice after %d blocks, %d of %d lines made\n", blocks,
           status.lines_ready, status.lines_total);
    /* Once they are all made, the session goes on. */
    CHECK_OK(sp_wait_for_preparation(engine));
    for (blocks = 0; blocks < 4; ++blocks) REQUIRE_OK(sp_process(engine, audio.channels, 2, 512));
    REQUIRE(status_of(engine, &status));
    CHECK(!status.waiting_for_narration);
    CHECK(!status.preparing);
    CHECK(status.lines_ready == status.lines_total);
    sp_destroy(engine);
}

static void a_missing_voice_pack_is_an_error_naming_it(void) {
    static const char text[] =
        "title: pack\n"
        "defaults: {voice: {pack: no-such-pack}}\n"
        "sections:\n  - name: one\n    steps:\n      - say: Hello.\n";
    sp_engine* engine = NULL;
    int ready = -1, total = -1;
    REQUIRE_OK(sp_create(&engine));
    REQUIRE_OK(sp_load_session(engine, text, strlen(text), "pack.yaml"));
    REQUIRE_OK(sp_prepare(engine, 48000.0, 512, SP_LAYOUT_STEREO));
    CHECK_RESULT(sp_wait_for_preparation(engine), SP_ERROR_NARRATION);
    printf("%s\n", sp_error_message(engine));
    CHECK(strstr(sp_error_message(engine), "no-such-pack") != NULL);
    CHECK(strstr(sp_error_message(engine), "pack.yaml:2:") != NULL);
    CHECK_RESULT(sp_get_preparation(engine, &ready, &total), SP_ERROR_NARRATION);
    CHECK(ready == 0);
    sp_destroy(engine);
}

int main(void) {
    static const sp_test_case cases[] = {
        SP_TEST_CASE(prepare_returns_before_the_lines_are_made),
        SP_TEST_CASE(a_session_that_outruns_its_lines_says_it_waits_for_them),
        SP_TEST_CASE(a_missing_voice_pack_is_an_error_naming_it)};
    return sp_test_main(cases, SP_TEST_COUNT(cases));
}
