/* Restoring a state saved mid-session does not keep the caller waiting:
 * sp_set_state returns before the lines are made; sp_process writes silence
 * and sp_get_status says it waits at the saved position until the lines
 * reach there; then it plays, fading in along the one fade curve (as it does
 * after sp_wait_for_preparation too). Commands made while it waits act once
 * it plays; sp_wait_for_preparation gives the samples of a restore that
 * waited for every line; destroying or loading while it waits is safe.
 *
 * Each case saves its state from a session of lines no cache has heard,
 * narrated in a cache folder of its own, so the restore finds its lines cold
 * (fixtures.h). */
#define _POSIX_C_SOURCE 200809L /* nanosleep */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fixtures.h"
#include "test_runner.h"

enum { kRate = 48000, kBlock = 512 };
/* Where the state is saved: after the pause and the first few lines. */
static const int64_t kSaved = (int64_t)SP_TEST_SAVED_SECONDS * kRate;
static const int64_t kFadeFrames = 3 * kRate; /* a session's own fade-in */
static sp_test_audio audio, reference;

static int status_of(const sp_engine* engine, sp_status* status) {
    memset(status, 0, sizeof *status);
    status->struct_size = sizeof *status;
    return CHECK_OK(sp_get_status(engine, status));
}

static void pause_a_moment(void) {
    const struct timespec moment = {0, 2000000}; /* 2 ms: the worker's turn */
    nanosleep(&moment, NULL);
}

/* Blocks of silence until the first that sounds (left in `audio`); how many
 * were silent, or -1 when none sounded within a minute. */
static int silent_blocks_before_it_sounds(sp_engine* engine) {
    const time_t give_up = time(NULL) + 60;
    int silent = 0;
    while (time(NULL) < give_up) {
        if (!CHECK_OK(sp_process(engine, audio.channels, 2, kBlock))) return -1;
        if (sp_test_audio_peak(&audio, 2, kBlock) > 0.0f) return silent;
        ++silent;
        pause_a_moment();
    }
    return -1;
}

static void restoring_returns_before_the_lines_are_made(void) {
    char text[2048];
    char* state;
    size_t size = 0;
    sp_engine* engine = NULL;
    sp_status status;
    int ready = -1, total = -1, silent;
    int64_t played = -1, length = -1;
    float first_peak;
    sp_test_unheard_session(text, sizeof text);
    state = sp_test_state_saved_mid_session(text, &size);
    REQUIRE(state != NULL);
    REQUIRE_OK(sp_create(&engine));
    REQUIRE_OK(sp_prepare(engine, kRate, kBlock, SP_LAYOUT_STEREO));
    REQUIRE_OK(sp_set_state(engine, state, size));
    CHECK_OK(sp_get_preparation(engine, &ready, &total));
    printf("right after sp_set_state: %d of %d lines made\n", ready, total);
    CHECK(total >= 5);
    CHECK(ready < total);

    /* It waits at the saved position, not begun. */
    REQUIRE(status_of(engine, &status));
    CHECK(status.session_sample == kSaved);
    CHECK(status.output_sample == kSaved);
    CHECK(status.sample_rate == kRate);
    CHECK(status.started == 0);
    CHECK(status.preparing == 1);
    CHECK(status.waiting_for_narration == 1);
    CHECK(status.lines_total == total);
    CHECK(status.remaining_at_least == 1);
    CHECK_OK(sp_get_position(engine, &played, &length));
    CHECK(played == kSaved);
    CHECK(length > kSaved);

    silent = silent_blocks_before_it_sounds(engine);
    printf("%d silent blocks before it sounded\n", silent);
    REQUIRE(silent >= 1);
    /* It fades in: the first block at most 512 / 144000 of full scale. */
    first_peak = sp_test_audio_peak(&audio, 2, kBlock);
    CHECK(first_peak <= (float)kBlock / (float)kFadeFrames);
    REQUIRE(status_of(engine, &status));
    CHECK(status.started == 1);
    CHECK(status.waiting_for_narration == 0);
    CHECK(status.output_sample == kSaved + kBlock); /* on from the saved position */
    CHECK(status.section == 0);
    sp_test_render(engine, &audio, 2, kBlock, 1); /* (after waiting: every line made) */
    CHECK(sp_test_audio_peak(&audio, 2, kBlock) > first_peak);
    free(state);
    sp_destroy(engine);
}

static void waiting_for_the_preparation_gives_the_restore_that_waited(void) {
    char text[2048];
    char* state;
    size_t size = 0;
    sp_engine* restored = NULL;
    sp_engine* waited = NULL;
    int block, c, i, same = 1;
    float first_peak = 0.0f, late_peak = 0.0f;
    sp_test_unheard_session(text, sizeof text);
    state = sp_test_state_saved_mid_session(text, &size);
    REQUIRE(state != NULL);
    REQUIRE_OK(sp_create(&restored));
    REQUIRE_OK(sp_set_state(restored, state, size));
    REQUIRE_OK(sp_prepare(restored, kRate, kBlock, SP_LAYOUT_STEREO));
    for (block = 0; block < 3; ++block) { /* the app's device runs meanwhile */
        REQUIRE_OK(sp_process(restored, audio.channels, 2, kBlock));
        REQUIRE(sp_test_audio_peak(&audio, 2, kBlock) == 0.0f);
    }
    CHECK_OK(sp_wait_for_preparation(restored));

    /* The restore as it was before it returned at once: every line first. */
    REQUIRE_OK(sp_create(&waited));
    REQUIRE_OK(sp_set_state(waited, state, size));
    REQUIRE_OK(sp_prepare(waited, kRate, kBlock, SP_LAYOUT_STEREO));
    REQUIRE_OK(sp_wait_for_preparation(waited));

    /* Sample for sample the same: both fade in along the same curve from
     * their first sound, whatever silence came before. */
    for (block = 0; block < (int)(kFadeFrames / kBlock) + 60; ++block) {
        REQUIRE_OK(sp_process(restored, audio.channels, 2, kBlock));
        REQUIRE_OK(sp_process(waited, reference.channels, 2, kBlock));
        for (c = 0; c < 2; ++c)
            for (i = 0; i < kBlock; ++i) same = same && audio.data[c][i] == reference.data[c][i];
        if (block == 0) first_peak = sp_test_audio_peak(&audio, 2, kBlock);
        if ((int64_t)block * kBlock >= kFadeFrames &&
            sp_test_audio_peak(&audio, 2, kBlock) > late_peak)
            late_peak = sp_test_audio_peak(&audio, 2, kBlock);
    }
    CHECK(same);
    /* Faded: the first block is far below what plays once the fade is done. */
    CHECK(late_peak > 0.0f);
    CHECK(first_peak < 0.01f * late_peak);
    CHECK(sp_test_audio_peak(&reference, 2, kBlock) > 0.0f);
    free(state);
    sp_destroy(restored);
    sp_destroy(waited);
}

static void commands_made_while_it_waits_act_once_it_plays(void) {
    char text[2048];
    char* state;
    size_t size = 0;
    sp_engine* engine = NULL;
    sp_status status;
    int ready = -1, total = -1;
    const time_t give_up = time(NULL) + 60;
    sp_test_unheard_session(text, sizeof text);
    state = sp_test_state_saved_mid_session(text, &size);
    REQUIRE(state != NULL);
    REQUIRE_OK(sp_create(&engine));
    REQUIRE_OK(sp_prepare(engine, kRate, kBlock, SP_LAYOUT_STEREO));
    REQUIRE_OK(sp_set_state(engine, state, size));
    CHECK_OK(sp_get_preparation(engine, &ready, &total));
    CHECK(ready < total);
    CHECK_OK(sp_command(engine, SP_COMMAND_PAUSE, 0.0));
    CHECK_OK(sp_command(engine, SP_COMMAND_PATTERN, 2.0));
    CHECK_OK(sp_set_parameter(engine, SP_PARAM_WAIT_AT_CHECKINS, 1.0));
    REQUIRE(status_of(engine, &status));
    CHECK(status.waiting_for_narration == 1);
    CHECK(status.paused == 0);
    while (!status.started && time(NULL) < give_up) {
        REQUIRE_OK(sp_process(engine, audio.channels, 2, kBlock));
        REQUIRE(status_of(engine, &status));
        pause_a_moment();
    }
    CHECK(status.started == 1);
    CHECK(status.paused == 1);
    CHECK(status.pattern == 2);
    free(state);
    sp_destroy(engine);
}

static void destroying_or_loading_while_it_waits_is_safe(void) {
    static const char kOther[] =
        "title: other\ndefaults: {bed: pink}\nsections:\n  - name: x\n    steps:\n"
        "      - pause: 9s\n";
    char text[2048];
    char* state;
    size_t size = 0;
    sp_engine* engine = NULL;
    sp_status status;
    int ready = -1, total = -1;
    sp_test_unheard_session(text, sizeof text);
    state = sp_test_state_saved_mid_session(text, &size);
    REQUIRE(state != NULL);
    /* Gone while its worker makes a line. */
    REQUIRE_OK(sp_create(&engine));
    REQUIRE_OK(sp_prepare(engine, kRate, kBlock, SP_LAYOUT_STEREO));
    REQUIRE_OK(sp_set_state(engine, state, size));
    REQUIRE_OK(sp_process(engine, audio.channels, 2, kBlock));
    sp_destroy(engine);
    /* Another session in its place: it plays from its start. */
    REQUIRE_OK(sp_create(&engine));
    REQUIRE_OK(sp_prepare(engine, kRate, kBlock, SP_LAYOUT_STEREO));
    REQUIRE_OK(sp_set_state(engine, state, size));
    CHECK_OK(sp_get_preparation(engine, &ready, &total));
    CHECK(ready < total);
    REQUIRE_OK(sp_process(engine, audio.channels, 2, kBlock));
    REQUIRE_OK(sp_load_session(engine, kOther, strlen(kOther), "other.yaml"));
    REQUIRE_OK(sp_wait_for_preparation(engine));
    REQUIRE(sp_test_render(engine, &audio, 2, kBlock, 400) > 0.0f);
    REQUIRE(status_of(engine, &status));
    CHECK(status.output_sample == 400 * kBlock); /* from its own start */
    CHECK(status.lines_total == 0 || status.lines_ready == status.lines_total);
    free(state);
    sp_destroy(engine);
}

int main(void) {
    static const sp_test_case cases[] = {
        SP_TEST_CASE(restoring_returns_before_the_lines_are_made),
        SP_TEST_CASE(waiting_for_the_preparation_gives_the_restore_that_waited),
        SP_TEST_CASE(commands_made_while_it_waits_act_once_it_plays),
        SP_TEST_CASE(destroying_or_loading_while_it_waits_is_safe)};
    sp_test_audio_init(&audio);
    sp_test_audio_init(&reference);
    return sp_test_main(cases, SP_TEST_COUNT(cases));
}
