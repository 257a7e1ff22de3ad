/* A session that cannot load says where and why: message, file, line and
 * column, as sp_error_* report them. */
#include <stdlib.h>
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

/* The bounds on time are the reader's and planner's, so a load refuses a
 * session that would take days to prepare, whether or not the engine is
 * prepared already. */
static void a_flood_of_day_long_pauses_is_refused(void) {
    static const char kHead[] =
        "title: Flood\nsections:\n  - name: One\n    steps: [&day {pause: 24h}";
    const size_t head = strlen(kHead);
    char* text = malloc(head + 9999 * 5 + 3);
    size_t i;
    sp_engine* engine = new_engine();
    REQUIRE(text != NULL && engine != NULL);
    memcpy(text, kHead, head);
    for (i = 0; i < 9999; ++i) memcpy(text + head + i * 5, ",*day", 5);
    memcpy(text + head + 9999 * 5, "]\n", 3); /* 10,000 pauses of a day */
    CHECK_OK(sp_prepare(engine, 48000.0, 512, SP_LAYOUT_STEREO));
    CHECK_RESULT(sp_load_session(engine, text, head + 9999 * 5 + 2, "flood.yaml"),
                 SP_ERROR_INVALID_SESSION);
    CHECK(sp_error_line(engine) == 4);
    CHECK(sp_error_column(engine) == 26);
    CHECK(strcmp(sp_error_message(engine),
                 "pause 24h is longer than the 1h allowed; use at most 1h") == 0);
    free(text);
    sp_destroy(engine);
}

static void a_session_past_twelve_hours_is_refused_at_its_step(void) {
    static const char kHead[] = "title: Long\nsections:\n  - name: One\n    steps:\n";
    static const char kPause[] = "      - pause: 1h\n";
    char text[sizeof kHead + 13 * sizeof kPause];
    int i;
    sp_engine* engine = new_engine();
    REQUIRE(engine != NULL);
    strcpy(text, kHead);
    for (i = 0; i < 13; ++i) strcat(text, kPause);
    CHECK_RESULT(sp_load_session(engine, text, strlen(text), "long.yaml"),
                 SP_ERROR_INVALID_SESSION);
    CHECK(sp_error_line(engine) == 17);
    CHECK(sp_error_column(engine) == 9);
    CHECK(strstr(sp_error_message(engine), "the session runs 13h") != NULL);
    /* Twelve hours are a session. */
    text[strlen(text) - strlen(kPause)] = '\0';
    CHECK_OK(sp_load_session(engine, text, strlen(text), "long.yaml"));
    sp_destroy(engine);
}

static void a_day_long_pause_in_a_line_is_refused_where_written(void) {
    static const char kText[] =
        "title: Markup\nsections:\n  - name: One\n    steps:\n"
        "      - say: Rest now [pause 24h] and return.\n";
    sp_engine* engine = new_engine();
    REQUIRE(engine != NULL);
    CHECK_RESULT(sp_load_session(engine, kText, strlen(kText), "markup.yaml"),
                 SP_ERROR_INVALID_SESSION);
    CHECK(sp_error_line(engine) == 5);
    CHECK(sp_error_column(engine) == 23);
    CHECK(strstr(sp_error_message(engine), "'[pause 24h]' is longer than the 1m") != NULL);
    sp_destroy(engine);
}

/* A host may show the message as it is: it names the character and never
 * carries it. */
static void control_characters_are_named_never_returned(void) {
    static const char kRaw[] = "title: \x1b]0;owned\x07\nsections: []\n";
    static const char kEscaped[] =
        "title: t\ndefaults: {voice: \"espeak:en\\e]52;c;eA==\\a\"}\nsections: []\n";
    sp_engine* engine = new_engine();
    REQUIRE(engine != NULL);
    CHECK_RESULT(sp_load_session(engine, kRaw, strlen(kRaw), "raw.yaml"), SP_ERROR_INVALID_SESSION);
    CHECK(sp_error_line(engine) == 1 && sp_error_column(engine) == 8);
    CHECK(strstr(sp_error_message(engine), "control character U+001B ESC; remove it") ==
          sp_error_message(engine));
    CHECK_RESULT(sp_load_session(engine, kEscaped, strlen(kEscaped), "escaped.yaml"),
                 SP_ERROR_INVALID_SESSION);
    CHECK(strchr(sp_error_message(engine), '\x1b') == NULL);
    CHECK(strchr(sp_error_message(engine), '\x07') == NULL);
    CHECK(strstr(sp_error_message(engine), "espeak:en\\x1B]52;c;eA==\\x07") != NULL);
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
        SP_TEST_CASE(a_flood_of_day_long_pauses_is_refused),
        SP_TEST_CASE(a_session_past_twelve_hours_is_refused_at_its_step),
        SP_TEST_CASE(a_day_long_pause_in_a_line_is_refused_where_written),
        SP_TEST_CASE(control_characters_are_named_never_returned),
    };
    return sp_test_main(cases, SP_TEST_COUNT(cases));
}
