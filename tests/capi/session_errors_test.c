/* A session that cannot load says where and why: message, file, line and
 * column, as sp_error_* report them. */
#include <string.h>

#include "fixtures.h"
#include "test_runner.h"

static sp_engine* new_engine(void) {
    sp_engine* engine = NULL;
    CHECK_OK(sp_create(&engine));
    return engine;
}

static void an_unknown_value_in_text(void) {
    static const char kText[] =
        "title: Bad\n"
        "defaults:\n"
        "  tone: padd\n"
        "sections:\n"
        "  - name: One\n"
        "    steps:\n"
        "      - pause: 5s\n";
    sp_engine* engine = new_engine();
    REQUIRE(engine != NULL);
    CHECK_RESULT(sp_load_session(engine, kText, strlen(kText), "bad.yaml"),
                 SP_ERROR_INVALID_SESSION);
    CHECK(strcmp(sp_error_file(engine), "bad.yaml") == 0);
    CHECK(sp_error_line(engine) == 3);
    CHECK(sp_error_column(engine) == 9);
    CHECK(strstr(sp_error_message(engine), "padd") != NULL);
    sp_destroy(engine);
}

static void a_yaml_syntax_error(void) {
    static const char kText[] = "title: ok\nsections: [\n  - name: x\n";
    sp_engine* engine = new_engine();
    REQUIRE(engine != NULL);
    CHECK_RESULT(sp_load_session(engine, kText, strlen(kText), NULL), SP_ERROR_INVALID_SESSION);
    CHECK(strcmp(sp_error_file(engine), "") == 0); /* no name given */
    CHECK(sp_error_line(engine) >= 2);
    CHECK(sp_error_column(engine) >= 1);
    CHECK(strstr(sp_error_message(engine), "YAML") != NULL);
    sp_destroy(engine);
}

static void invalid_utf8_is_placed(void) {
    static const char kText[] =
        "title: caf\xff\nsections:\n  - name: x\n    steps:\n      - pause: 1s\n";
    sp_engine* engine = new_engine();
    REQUIRE(engine != NULL);
    CHECK_RESULT(sp_load_session(engine, kText, strlen(kText), "utf8.yaml"),
                 SP_ERROR_INVALID_SESSION);
    CHECK(sp_error_line(engine) == 1);
    CHECK(sp_error_column(engine) == 11);
    CHECK(strstr(sp_error_message(engine), "UTF-8") != NULL);
    sp_destroy(engine);
}

static void a_file_with_an_error(void) {
    sp_engine* engine = new_engine();
    REQUIRE(engine != NULL);
    CHECK_RESULT(sp_load_session_file(engine, SP_TEST_SESSIONS_DIR "/unknown_tone.yaml"),
                 SP_ERROR_INVALID_SESSION);
    CHECK(strcmp(sp_error_file(engine), SP_TEST_SESSIONS_DIR "/unknown_tone.yaml") == 0);
    CHECK(sp_error_line(engine) == 6);
    CHECK(sp_error_column(engine) == 9);
    CHECK(strstr(sp_error_message(engine), "padd") != NULL);
    sp_destroy(engine);
}

static void files_that_cannot_be_read(void) {
    sp_engine* engine = new_engine();
    REQUIRE(engine != NULL);
    CHECK_RESULT(sp_load_session_file(engine, SP_TEST_SESSIONS_DIR "/missing.yaml"), SP_ERROR_IO);
    CHECK(strcmp(sp_error_file(engine), SP_TEST_SESSIONS_DIR "/missing.yaml") == 0);
    CHECK(sp_error_line(engine) == 0 && sp_error_column(engine) == 0);
    CHECK(strstr(sp_error_message(engine), "cannot open") != NULL);
    CHECK_RESULT(sp_load_session_file(engine, SP_TEST_SESSIONS_DIR), SP_ERROR_IO);
    CHECK(strstr(sp_error_message(engine), "folder") != NULL);
    sp_destroy(engine);
}

static void a_good_load_clears_the_details(void) {
    static const char kText[] = "title: [\n";
    sp_engine* engine = new_engine();
    REQUIRE(engine != NULL);
    CHECK_RESULT(sp_load_session(engine, kText, strlen(kText), "x.yaml"), SP_ERROR_INVALID_SESSION);
    CHECK(sp_error_message(engine)[0] != '\0');
    CHECK_OK(sp_load_session_file(engine, SP_TEST_SESSION_PATH));
    CHECK(strcmp(sp_error_message(engine), "") == 0);
    CHECK(strcmp(sp_error_file(engine), "") == 0);
    CHECK(sp_error_line(engine) == 0 && sp_error_column(engine) == 0);
    sp_destroy(engine);
}

static void a_state_with_a_bad_session_says_where(void) {
    static const char kState[] =
        "stillpoint-state 1\nsample-rate 48000\nposition 0\nname saved.yaml\nsession 13\ntitle: "
        "[oops\n";
    sp_engine* engine = new_engine();
    REQUIRE(engine != NULL);
    CHECK_RESULT(sp_set_state(engine, kState, strlen(kState)), SP_ERROR_INVALID_SESSION);
    CHECK(strcmp(sp_error_file(engine), "saved.yaml") == 0);
    CHECK(sp_error_line(engine) >= 1);
    sp_destroy(engine);
}

int main(void) {
    static const sp_test_case cases[] = {
        SP_TEST_CASE(an_unknown_value_in_text),
        SP_TEST_CASE(a_yaml_syntax_error),
        SP_TEST_CASE(invalid_utf8_is_placed),
        SP_TEST_CASE(a_file_with_an_error),
        SP_TEST_CASE(files_that_cannot_be_read),
        SP_TEST_CASE(a_good_load_clears_the_details),
        SP_TEST_CASE(a_state_with_a_bad_session_says_where),
    };
    return sp_test_main(cases, SP_TEST_COUNT(cases));
}
