/* sp_get_status and the planned timeline: where the session is, as the
 * engine itself publishes it after each block, and the plan it agrees with
 * to the sample. */
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "fixtures.h"
#include "test_runner.h"

enum { kRate = 16000, kBlock = 256 };
static sp_test_audio audio;

static const char kSpoken[] =
    "stillpoint: 1\n"
    "title: C status\n"
    "defaults: {pattern: coherent, tone: pad, bed: pink}\n"
    "sections:\n"
    "  - name: Arriving\n"
    "    steps:\n"
    "      - say: Welcome to the status test.\n"
    "      - pause: 2s\n"
    "  - name: Breathing\n"
    "    steps:\n"
    "      - breathe: {cycles: 2, pace: 10}\n"
    "      - checkin: {prompt: \"How is this?\", wait: 3s}\n";

static sp_engine* spoken_engine(void) {
    sp_engine* engine = NULL;
    if (!CHECK_OK(sp_create(&engine))) return NULL;
    if (!CHECK_OK(sp_load_session(engine, kSpoken, sizeof kSpoken - 1, "status.yaml")) ||
        !CHECK_OK(sp_prepare(engine, kRate, kBlock, SP_LAYOUT_STEREO)) ||
        /* the lines made: the timeline holds them, at their voice's own times */
        !CHECK_OK(sp_wait_for_preparation(engine))) {
        sp_destroy(engine);
        return NULL;
    }
    return engine;
}

static int status_of(const sp_engine* engine, sp_status* status) {
    memset(status, 0, sizeof *status);
    status->struct_size = sizeof *status;
    return CHECK_OK(sp_get_status(engine, status));
}

/* One block, then the status after it. */
static int step(sp_engine* engine, sp_status* status) {
    if (!CHECK_OK(sp_process(engine, audio.channels, 2, kBlock))) return 0;
    sp_test_drain_events(engine);
    return status_of(engine, status);
}

static void status_needs_a_prepared_engine_and_a_header(void) {
    sp_engine* engine = NULL;
    sp_status status;
    REQUIRE_OK(sp_create(&engine));
    memset(&status, 0, sizeof status);
    status.struct_size = sizeof status;
    CHECK_RESULT(sp_get_status(engine, &status), SP_ERROR_NOT_PREPARED);
    CHECK_RESULT(sp_get_status(engine, NULL), SP_ERROR_NULL_POINTER);
    CHECK_RESULT(sp_get_status(NULL, &status), SP_ERROR_NULL_POINTER);
    sp_destroy(engine);

    engine = spoken_engine();
    REQUIRE(engine != NULL);
    status.struct_size = 4;
    CHECK_RESULT(sp_get_status(engine, &status), SP_ERROR_INVALID_ARGUMENT);
    sp_destroy(engine);
}

static void an_older_smaller_struct_is_filled_only_as_far_as_it_goes(void) {
    sp_engine* engine = spoken_engine();
    unsigned char bytes[sizeof(sp_status) + 16];
    sp_status* status = (sp_status*)bytes;
    const size_t older = offsetof(sp_status, section_name);
    size_t i;
    int untouched = 1;
    REQUIRE(engine != NULL);
    sp_test_render(engine, &audio, 2, kBlock, 10);
    memset(bytes, 0xA5, sizeof bytes);
    status->struct_size = (uint32_t)older;
    CHECK_OK(sp_get_status(engine, status));
    CHECK(status->struct_size == older);
    CHECK(status->generation == 11); /* prepare's, then one per block */
    CHECK(status->sample_rate == kRate);
    CHECK(status->section == 0);
    for (i = older; i < sizeof bytes; ++i) untouched = untouched && bytes[i] == 0xA5;
    CHECK(untouched);
    status->struct_size = sizeof bytes; /* a newer app's larger struct: ours is filled */
    CHECK_OK(sp_get_status(engine, status));
    CHECK(status->struct_size == sizeof(sp_status));
    sp_destroy(engine);
}

static void the_caption_is_the_line_being_spoken_and_the_timeline_agrees(void) {
    sp_engine* engine = spoken_engine();
    sp_status status;
    sp_timeline_line line;
    sp_timeline_section section;
    int32_t lines = 0, sections = 0;
    int b, spoke = 0;
    REQUIRE(engine != NULL);
    CHECK_OK(sp_get_timeline_line_count(engine, &lines));
    CHECK_OK(sp_get_timeline_section_count(engine, &sections));
    CHECK(sections == 3); /* Arriving, Breathing, and the built-in grounding */
    CHECK(lines >= 2);    /* the welcome, the prompt, and grounding's own */
    REQUIRE_OK(sp_get_timeline_line(engine, 0, &line));
    CHECK(strcmp(line.caption, "Welcome to the status test.") == 0);
    CHECK(line.step == 0 && line.line == 0 && line.section == 0 && !line.grounding);
    REQUIRE_OK(sp_get_timeline_section(engine, 1, &section));
    CHECK(strcmp(section.name, "Breathing") == 0);
    CHECK(!section.grounding);
    REQUIRE_OK(sp_get_timeline_section(engine, 2, &section));
    CHECK(section.grounding && section.start == 0);
    CHECK_RESULT(sp_get_timeline_section(engine, 3, &section), SP_ERROR_INVALID_ARGUMENT);
    CHECK_RESULT(sp_get_timeline_line(engine, -1, &line), SP_ERROR_INVALID_ARGUMENT);
    REQUIRE_OK(sp_get_timeline_line(engine, 0, &line));

    for (b = 0; b < 20 * kRate / kBlock && !spoke; ++b) {
        REQUIRE(step(engine, &status));
        if (status.line_index < 0) {
            CHECK(strcmp(status.caption, "") == 0);
            continue;
        }
        spoke = 1;
        CHECK(strcmp(status.caption, "Welcome to the status test.") == 0);
        CHECK(status.line_start == line.start);
        CHECK(status.line_end == line.end);
        CHECK(status.session_sample > line.start && status.session_sample <= line.end);
        CHECK(strcmp(status.section_name, "Arriving") == 0);
    }
    CHECK(spoke);
    sp_destroy(engine);
}

/* Untouched, the end the status names is the timeline's length and where the
 * session really ends; after next, the end it names then is where it ends. */
static void remaining_is_the_plan_as_it_stands(void) {
    sp_engine* engine = spoken_engine();
    sp_status status, after_next;
    int64_t length = 0, played = 0;
    int b;
    REQUIRE(engine != NULL);
    REQUIRE_OK(sp_get_timeline_length(engine, &length));
    REQUIRE(step(engine, &status));
    CHECK(status.end_sample == length);
    CHECK(status.remaining_frames == length - status.session_sample);
    CHECK(!status.remaining_at_least);
    CHECK_OK(sp_get_position(engine, &played, NULL));
    CHECK(played == status.output_sample);

    CHECK_OK(sp_command(engine, SP_COMMAND_NEXT_SECTION, 0.0));
    REQUIRE(step(engine, &after_next));
    CHECK(after_next.end_sample < length);
    CHECK(after_next.remaining_frames == after_next.end_sample - after_next.session_sample);
    for (b = 0; b < 60 * kRate / kBlock && !status.finished; ++b) REQUIRE(step(engine, &status));
    CHECK(status.finished);
    CHECK(status.session_sample == after_next.end_sample);
    CHECK(status.remaining_frames == 0);
    sp_destroy(engine);
}

/* Live, the checkin waits: remaining is a lower bound until Continue. */
static void a_waiting_checkin_is_said_and_continue_ends_it(void) {
    sp_engine* engine = spoken_engine();
    sp_status status;
    int b, waited = 0;
    REQUIRE(engine != NULL);
    CHECK_OK(sp_set_parameter(engine, SP_PARAM_WAIT_AT_CHECKINS, 1.0));
    CHECK_OK(sp_command(engine, SP_COMMAND_NEXT_SECTION, 0.0));
    for (b = 0; b < 60 * kRate / kBlock && !waited; ++b) {
        REQUIRE(step(engine, &status));
        waited = status.waiting_for_continue;
    }
    REQUIRE(waited);
    CHECK(status.remaining_at_least);
    CHECK(strcmp(status.section_name, "Breathing") == 0);
    CHECK_OK(sp_command(engine, SP_COMMAND_CONTINUE, 0.0));
    REQUIRE(step(engine, &status));
    CHECK(!status.waiting_for_continue);
    CHECK(!status.remaining_at_least);
    sp_destroy(engine);
}

static void grounding_pace_and_pattern_show_in_the_status(void) {
    sp_engine* engine = spoken_engine();
    sp_status status;
    int b;
    REQUIRE(engine != NULL);
    CHECK_OK(sp_command(engine, SP_COMMAND_NEXT_SECTION, 0.0));
    for (b = 0; b < 3 * kRate / kBlock; ++b) REQUIRE(step(engine, &status));
    CHECK(status.breath_phase >= 0);
    CHECK(status.pace_bpm > 9.99 && status.pace_bpm < 10.01);
    CHECK_OK(sp_command(engine, SP_COMMAND_PATTERN, 3.0));
    REQUIRE(step(engine, &status));
    CHECK(status.pattern == 3);
    CHECK_RESULT(sp_command(engine, (sp_command_type)11, 0.0), SP_ERROR_INVALID_ARGUMENT);
    CHECK_OK(sp_command(engine, SP_COMMAND_GROUNDING, 0.0));
    REQUIRE(step(engine, &status));
    CHECK(status.grounding_active);
    sp_destroy(engine);
}

/* An attached heart's figures ride in the status; an app built before they
 * were added (a struct that ends at lines_total) never sees them written;
 * detached, they are 0 again. */
static void an_attached_heart_shows_in_the_status(void) {
    sp_engine* engine = spoken_engine();
    sp_heart* heart = NULL;
    sp_status status;
    unsigned char bytes[sizeof(sp_status)];
    sp_status* older = (sp_status*)bytes;
    const size_t olderSize = offsetof(sp_status, heart_connected);
    size_t i;
    int untouched = 1;
    REQUIRE(engine != NULL);
    REQUIRE_OK(sp_heart_create(&heart));
    REQUIRE(step(engine, &status));
    CHECK(status.heart_connected == 0);
    CHECK(status.heart_beats == 0);
    CHECK_RESULT(sp_attach_heart(NULL, heart), SP_ERROR_NULL_POINTER);
    CHECK_OK(sp_attach_heart(engine, heart));
    CHECK_OK(sp_heart_push_rr(heart, 1000.0));
    CHECK_OK(sp_heart_push_rr(heart, 1000.0));
    CHECK_OK(sp_heart_push_rr(heart, 250.0)); /* out of range */
    CHECK_OK(sp_heart_push_rr(heart, 1000.0));
    CHECK_OK(sp_heart_update(heart, 3.0));
    REQUIRE(step(engine, &status));
    CHECK(status.heart_connected == 1);
    CHECK(status.heart_live == 1);
    CHECK(fabs(status.heart_rate_bpm - 60.0) < 1e-9);
    CHECK(status.coherence_valid == 0);
    CHECK(status.heart_beats == 3);
    CHECK(status.heart_artefacts == 1);
    CHECK(status.section == 0); /* the session's own figures beside them */

    memset(bytes, 0xA5, sizeof bytes);
    older->struct_size = (uint32_t)olderSize;
    CHECK_OK(sp_get_status(engine, older));
    CHECK(older->struct_size == olderSize);
    for (i = olderSize; i < sizeof bytes; ++i) untouched = untouched && bytes[i] == 0xA5;
    CHECK(untouched);
    /* An app from before heart_followed_pace_bpm: filled up to it, not past. */
    memset(bytes, 0xA5, sizeof bytes);
    older->struct_size = (uint32_t)offsetof(sp_status, heart_followed_pace_bpm);
    CHECK_OK(sp_get_status(engine, older));
    CHECK(older->struct_size == offsetof(sp_status, heart_followed_pace_bpm));
    CHECK(older->heart_beats == 3);
    untouched = 1;
    for (i = offsetof(sp_status, heart_followed_pace_bpm); i < sizeof bytes; ++i)
        untouched = untouched && bytes[i] == 0xA5;
    CHECK(untouched);
    /* No `pace: resonance` step: the heart sets no pace. */
    CHECK(status.heart_followed_pace_bpm == 0.0);

    CHECK_OK(sp_attach_heart(engine, NULL));
    REQUIRE(status_of(engine, &status));
    CHECK(status.heart_connected == 0);
    CHECK(status.heart_rate_bpm == 0.0);
    sp_destroy(engine);
    sp_heart_destroy(heart);
}

int main(void) {
    static const sp_test_case cases[] = {
        SP_TEST_CASE(status_needs_a_prepared_engine_and_a_header),
        SP_TEST_CASE(an_older_smaller_struct_is_filled_only_as_far_as_it_goes),
        SP_TEST_CASE(an_attached_heart_shows_in_the_status),
        SP_TEST_CASE(the_caption_is_the_line_being_spoken_and_the_timeline_agrees),
        SP_TEST_CASE(remaining_is_the_plan_as_it_stands),
        SP_TEST_CASE(a_waiting_checkin_is_said_and_continue_ends_it),
        SP_TEST_CASE(grounding_pace_and_pattern_show_in_the_status),
    };
    sp_test_audio_init(&audio);
    return sp_test_main(cases, SP_TEST_COUNT(cases));
}
