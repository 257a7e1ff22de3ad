/* sp_prepare returns before the session's lines are made (the library's
 * worker makes them, in hearing order, and sp_get_preparation counts them);
 * sp_wait_for_preparation waits for all of them; a voice pack that is not
 * there reaches the app as SP_ERROR_NARRATION with a message naming it. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "fixtures.h"
#include "test_runner.h"

static void prepare_returns_before_the_lines_are_made(void) {
    char text[2048];
    sp_engine* engine = NULL;
    int ready = -1, total = -1, i;
    size_t used;
    /* Words no cache has seen: every line is synthesised. */
    const long unique = (long)time(NULL) % 100000 + (long)clock() % 1000;
    used = (size_t)snprintf(text, sizeof text,
                            "title: lines\ndefaults: {bed: pink}\nsections:\n  - name: one\n"
                            "    steps:\n");
    for (i = 0; i < 12; ++i)
        used += (size_t)snprintf(
            text + used, sizeof text - used,
            "      - say: Line %d of %ld, a slow and gentle sentence to say.\n", i, unique + i);
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
    static const sp_test_case cases[] = {SP_TEST_CASE(prepare_returns_before_the_lines_are_made),
                                         SP_TEST_CASE(a_missing_voice_pack_is_an_error_naming_it)};
    return sp_test_main(cases, SP_TEST_COUNT(cases));
}
