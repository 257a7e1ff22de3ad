/* Saved states: sp_get_state on one engine, sp_set_state on another, and the
 * restored engine's next blocks are the original's, sample for sample, once
 * sp_wait_for_preparation has made its lines and the restored session has
 * faded in (a restore that does not wait for them: restore_test.c). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"
#include "test_runner.h"

enum { kRate = 48000, kBlock = 512 };
/* A session restored mid-way fades in over a session's own fade-in, 3 s. */
enum { kFadeBlocks = (3 * kRate + kBlock - 1) / kBlock };
static sp_test_audio original_audio, restored_audio;

/* The engine's state as a new, NUL-terminated string (free it). */
static char* state_of(const sp_engine* engine, size_t* size) {
    char* state;
    if (!CHECK_RESULT(sp_get_state(engine, NULL, 0, size), SP_ERROR_BUFFER_TOO_SMALL)) return NULL;
    state = malloc(*size + 1);
    if (!CHECK(state != NULL)) return NULL;
    if (!CHECK_OK(sp_get_state(engine, state, *size + 1, size))) {
        free(state);
        return NULL;
    }
    return state;
}

/* Both engines render `blocks` more blocks, which must be identical. */
static int same_next_blocks(sp_engine* a, sp_engine* b, int channels, int blocks) {
    int i, c, same = 1;
    for (i = 0; i < blocks; ++i) {
        if (!CHECK_OK(sp_process(a, original_audio.channels, channels, kBlock))) return 0;
        if (!CHECK_OK(sp_process(b, restored_audio.channels, channels, kBlock))) return 0;
        for (c = 0; c < channels; ++c)
            same = same && memcmp(original_audio.data[c], restored_audio.data[c],
                                  kBlock * sizeof(float)) == 0;
    }
    return same;
}

/* The restored engine fades in: never louder than the original, its first
 * block far quieter; then both render `blocks` more, which must be identical. */
static int fades_in_then_same(sp_engine* original, sp_engine* restored, int channels, int blocks) {
    int i, c, k, quieter = 1;
    float first_original = 0.0f, first_restored = 0.0f;
    for (i = 0; i < kFadeBlocks; ++i) {
        if (!CHECK_OK(sp_process(original, original_audio.channels, channels, kBlock))) return 0;
        if (!CHECK_OK(sp_process(restored, restored_audio.channels, channels, kBlock))) return 0;
        for (c = 0; c < channels; ++c)
            for (k = 0; k < kBlock; ++k)
                quieter =
                    quieter && fabsf(restored_audio.data[c][k]) <= fabsf(original_audio.data[c][k]);
        if (i == 0) {
            first_original = sp_test_audio_peak(&original_audio, channels, kBlock);
            first_restored = sp_test_audio_peak(&restored_audio, channels, kBlock);
        }
    }
    return CHECK(quieter) && CHECK(first_restored <= 0.01f * first_original) &&
           same_next_blocks(original, restored, channels, blocks);
}

static void a_restored_engine_plays_on_exactly(void) {
    sp_engine* original = sp_test_engine(kRate, kBlock, SP_LAYOUT_STEREO);
    sp_engine* restored = NULL;
    char* state;
    size_t size = 0;
    int64_t played = 0;
    REQUIRE(original != NULL);
    sp_test_render(original, &original_audio, 2, kBlock, 1000); /* into the breathing */
    sp_test_drain_events(original);
    state = state_of(original, &size);
    REQUIRE(state != NULL);
    CHECK(strlen(state) == size);
    CHECK(strncmp(state, "stillpoint-state 2\ncrc32 ", 25) == 0);
    CHECK(strstr(state, "position 512000\n") != NULL);
    CHECK(strstr(state, "title: C API test") != NULL); /* the session text itself */

    REQUIRE_OK(sp_create(&restored));
    CHECK_OK(sp_set_state(restored, state, size));
    CHECK_OK(sp_prepare(restored, kRate, kBlock, SP_LAYOUT_STEREO));
    CHECK_OK(sp_get_position(restored, &played, NULL));
    CHECK(played == 512000);
    CHECK_OK(sp_wait_for_preparation(restored));
    CHECK_OK(sp_get_position(restored, &played, NULL));
    CHECK(played == 512000);
    CHECK(fades_in_then_same(original, restored, 2, 50));
    free(state);
    sp_destroy(original);
    sp_destroy(restored);
}

static void restoring_into_a_prepared_engine(void) {
    sp_engine* original = sp_test_engine(kRate, kBlock, SP_LAYOUT_MONO);
    sp_engine* restored = NULL;
    static const char kOther[] =
        "title: other\nsections:\n  - name: x\n    steps:\n      - pause: 9s\n";
    char* state;
    size_t size = 0;
    REQUIRE(original != NULL);
    sp_test_render(original, &original_audio, 1, kBlock, 1500);
    state = state_of(original, &size);
    REQUIRE(state != NULL);
    REQUIRE_OK(sp_create(&restored));
    REQUIRE_OK(sp_load_session(restored, kOther, strlen(kOther), "other.yaml"));
    REQUIRE_OK(sp_prepare(restored, kRate, kBlock, SP_LAYOUT_MONO));
    sp_test_render(restored, &restored_audio, 1, kBlock, 10);
    CHECK_OK(sp_set_state(restored, state, size));
    CHECK_OK(sp_wait_for_preparation(restored));
    CHECK(fades_in_then_same(original, restored, 1, 20));
    free(state);
    sp_destroy(original);
    sp_destroy(restored);
}

static void haptic_settings_travel_with_the_state(void) {
    /* Set before prepare, so the original's haptic channel starts at them. */
    sp_engine* original = NULL;
    sp_engine* restored = NULL;
    char* state;
    size_t size = 0;
    double value = -1.0;
    REQUIRE_OK(sp_create(&original));
    REQUIRE_OK(sp_load_session_file(original, SP_TEST_SESSION_PATH));
    REQUIRE_OK(sp_set_parameter(original, SP_PARAM_HAPTIC_CAP, 0.3));
    REQUIRE_OK(sp_set_parameter(original, SP_PARAM_HAPTIC_ACTUATOR, SP_HAPTIC_SHAKER));
    REQUIRE_OK(sp_prepare(original, kRate, kBlock, SP_LAYOUT_STEREO_HAPTIC));
    sp_test_render(original, &original_audio, 3, kBlock, 1000); /* into the breathing */
    state = state_of(original, &size);
    REQUIRE(state != NULL);
    CHECK(strstr(state, "haptic-cap 0.3\n") != NULL);
    CHECK(strstr(state, "haptic-actuator 1\n") != NULL);
    CHECK(strstr(state, "haptics-on 1\n") != NULL);

    REQUIRE_OK(sp_create(&restored));
    CHECK_OK(sp_set_state(restored, state, size));
    CHECK_OK(sp_get_parameter(restored, SP_PARAM_HAPTIC_CAP, &value));
    CHECK(value == 0.3);
    CHECK_OK(sp_get_parameter(restored, SP_PARAM_HAPTIC_ACTUATOR, &value));
    CHECK(value == SP_HAPTIC_SHAKER);
    CHECK_OK(sp_prepare(restored, kRate, kBlock, SP_LAYOUT_STEREO_HAPTIC));
    CHECK_OK(sp_wait_for_preparation(restored));
    CHECK(fades_in_then_same(original, restored, 3, 50)); /* the haptic channel too */
    free(state);
    sp_destroy(original);
    sp_destroy(restored);
}

static void parameters_travel_with_the_state(void) {
    sp_engine* original = sp_test_engine(kRate, kBlock, SP_LAYOUT_STEREO);
    sp_engine* restored = NULL;
    double db = 0.0;
    char* state;
    size_t size = 0;
    REQUIRE(original != NULL);
    REQUIRE_OK(sp_set_parameter(original, SP_PARAM_VOICE_DB, -12.5));
    REQUIRE_OK(sp_set_parameter(original, SP_PARAM_BED_DB, -33.0));
    sp_test_render(original, &original_audio, 2, kBlock, 100);
    state = state_of(original, &size);
    REQUIRE(state != NULL);
    CHECK(strstr(state, "voice-db -12.5\n") != NULL);
    REQUIRE_OK(sp_create(&restored));
    REQUIRE_OK(sp_set_state(restored, state, size));
    CHECK_OK(sp_get_parameter(restored, SP_PARAM_VOICE_DB, &db));
    CHECK(db == -12.5);
    CHECK_OK(sp_get_parameter(restored, SP_PARAM_BED_DB, &db));
    CHECK(db == -33.0);
    CHECK_OK(sp_get_parameter(restored, SP_PARAM_TONE_DB, &db));
    CHECK(db == -6.0);
    free(state);
    sp_destroy(original);
    sp_destroy(restored);
}

static void a_paused_session_saves_where_its_clock_stopped(void) {
    sp_engine* original = sp_test_engine(kRate, kBlock, SP_LAYOUT_STEREO);
    sp_event e;
    int64_t paused_at = -1;
    char* state;
    char expected[64];
    size_t size = 0;
    int b;
    REQUIRE(original != NULL);
    sp_test_render(original, &original_audio, 2, kBlock, 500);
    REQUIRE_OK(sp_command(original, SP_COMMAND_PAUSE, 0.0));
    for (b = 0; b < 600; ++b) { /* into the pause and well beyond */
        sp_test_render(original, &original_audio, 2, kBlock, 1);
        while (sp_poll_event(original, &e) == SP_OK)
            if (e.type == SP_EVENT_PAUSED) paused_at = e.session_sample;
    }
    REQUIRE(paused_at > 0);
    state = state_of(original, &size);
    REQUIRE(state != NULL);
    snprintf(expected, sizeof expected, "position %lld\n", (long long)paused_at);
    CHECK(strstr(state, expected) != NULL);
    free(state);
    sp_destroy(original);
}

static void another_rate_scales_the_position(void) {
    sp_engine* original = sp_test_engine(kRate, kBlock, SP_LAYOUT_STEREO);
    sp_engine* restored = NULL;
    int64_t played = 0;
    char* state;
    size_t size = 0;
    REQUIRE(original != NULL);
    sp_test_render(original, &original_audio, 2, kBlock, 375); /* 4 s */
    state = state_of(original, &size);
    REQUIRE(state != NULL);
    REQUIRE_OK(sp_create(&restored));
    REQUIRE_OK(sp_prepare(restored, 96000.0, 256, SP_LAYOUT_STEREO_HAPTIC));
    REQUIRE_OK(sp_set_state(restored, state, size));
    CHECK_OK(sp_get_position(restored, &played, NULL));
    CHECK(played == 4 * 96000);
    free(state);
    sp_destroy(original);
    sp_destroy(restored);
}

static void buffer_sizes_and_later_keys(void) {
    sp_engine* engine = sp_test_engine(kRate, kBlock, SP_LAYOUT_STEREO);
    char* state;
    char* extended;
    char small[16];
    size_t size = 0, again = 0;
    REQUIRE(engine != NULL);
    state = state_of(engine, &size);
    REQUIRE(state != NULL);
    CHECK_RESULT(sp_get_state(engine, small, sizeof small, &again), SP_ERROR_BUFFER_TOO_SMALL);
    CHECK(again == size);
    CHECK_RESULT(sp_get_state(engine, state, size, &again),
                 SP_ERROR_BUFFER_TOO_SMALL); /* no room for NUL */
    /* A key from a later version is passed over, here in a version 1 blob
     * (the same lines without the crc32 line), which is still read. */
    extended = malloc(size + 32);
    REQUIRE(extended != NULL);
    strcpy(extended, "stillpoint-state 1\nfuture-key 7\n");
    strcat(extended, strchr(state + strlen("stillpoint-state 2\n"), '\n') + 1);
    CHECK_OK(sp_set_state(engine, extended, strlen(extended)));
    free(extended);
    free(state);
    sp_destroy(engine);
}

static void a_state_before_prepare_restores_to_the_start(void) {
    sp_engine* loaded = NULL;
    sp_engine* restored = NULL;
    int64_t played = -1;
    char* state;
    size_t size = 0;
    REQUIRE_OK(sp_create(&loaded));
    REQUIRE_OK(sp_load_session_file(loaded, SP_TEST_SESSION_PATH));
    state = state_of(loaded, &size);
    REQUIRE(state != NULL);
    CHECK(strstr(state, "sample-rate 0\nposition 0\n") != NULL);
    REQUIRE_OK(sp_create(&restored));
    CHECK_OK(sp_set_state(restored, state, size));
    CHECK_OK(sp_prepare(restored, kRate, kBlock, SP_LAYOUT_STEREO));
    CHECK_OK(sp_get_position(restored, &played, NULL));
    CHECK(played == 0);
    free(state);
    sp_destroy(loaded);
    sp_destroy(restored);
}

/* The position line of `state` with one digit changed: a plausible state
 * that was not the one saved. */
static void a_state_changed_after_saving_is_refused(void) {
    sp_engine* engine = sp_test_engine(kRate, kBlock, SP_LAYOUT_STEREO);
    char* state;
    char* digit;
    size_t size = 0;
    REQUIRE(engine != NULL);
    sp_test_render(engine, &original_audio, 2, kBlock, 100);
    state = state_of(engine, &size);
    REQUIRE(state != NULL);
    digit = strstr(state, "position 51200\n");
    REQUIRE(digit != NULL);
    digit[strlen("position ")] = '6';
    CHECK_RESULT(sp_set_state(engine, state, size), SP_ERROR_INVALID_STATE);
    CHECK(strstr(sp_error_message(engine),
                 "the state's checksum does not match its contents: it was damaged or changed "
                 "after it was saved; use a copy saved by sp_get_state") != NULL);
    free(state);
    sp_destroy(engine);
}

/* An engine that already plays another session, and its own state. */
static sp_engine* engine_playing_another_session(char** state, size_t* size) {
    static const char kOther[] =
        "title: other\nsections:\n  - name: x\n    steps:\n      - pause: 9s\n";
    sp_engine* engine = NULL;
    if (!CHECK_OK(sp_create(&engine))) return NULL;
    if (!CHECK_OK(sp_load_session(engine, kOther, strlen(kOther), "other.yaml")) ||
        !CHECK_OK(sp_prepare(engine, kRate, kBlock, SP_LAYOUT_MONO))) {
        sp_destroy(engine);
        return NULL;
    }
    sp_test_render(engine, &restored_audio, 1, kBlock, 10);
    *state = state_of(engine, size);
    return engine;
}

/* Every single-bit flip of a real state, and every cut of it, is refused
 * as an invalid state, and the engine it was handed to keeps playing what
 * it played: its own state reads back byte for byte the same. */
static void every_damaged_copy_is_refused_and_changes_nothing(void) {
    sp_engine* original = sp_test_engine(kRate, kBlock, SP_LAYOUT_STEREO);
    sp_engine* target;
    char *saved, *damaged, *before = NULL, *after;
    size_t size = 0, before_size = 0, after_size = 0, i, length;
    int bit;
    long accepted = 0, wrong_code = 0, tried = 0;
    REQUIRE(original != NULL);
    sp_test_render(original, &original_audio, 2, kBlock, 1000);
    saved = state_of(original, &size);
    REQUIRE(saved != NULL);
    target = engine_playing_another_session(&before, &before_size);
    REQUIRE(target != NULL && before != NULL);
    damaged = malloc(size);
    REQUIRE(damaged != NULL);

    for (i = 0; i < size; ++i) {
        for (bit = 0; bit < 8; ++bit) {
            sp_result result;
            memcpy(damaged, saved, size);
            damaged[i] = (char)(damaged[i] ^ (1 << bit));
            result = sp_set_state(target, damaged, size);
            accepted += result == SP_OK;
            wrong_code += result != SP_OK && result != SP_ERROR_INVALID_STATE;
            ++tried;
        }
    }
    for (length = 0; length < size; ++length) {
        const sp_result result = sp_set_state(target, saved, length);
        accepted += result == SP_OK;
        wrong_code += result != SP_OK && result != SP_ERROR_INVALID_STATE;
        ++tried;
    }
    CHECK(tried == (long)(9 * size));
    CHECK(accepted == 0);
    CHECK(wrong_code == 0);
    after = state_of(target, &after_size);
    REQUIRE(after != NULL);
    CHECK(after_size == before_size && memcmp(after, before, before_size) == 0);
    /* The undamaged copy still loads. */
    CHECK_OK(sp_set_state(target, saved, size));
    free(after);
    free(damaged);
    free(before);
    free(saved);
    sp_destroy(target);
    sp_destroy(original);
}

int main(void) {
    static const sp_test_case cases[] = {
        SP_TEST_CASE(a_restored_engine_plays_on_exactly),
        SP_TEST_CASE(restoring_into_a_prepared_engine),
        SP_TEST_CASE(parameters_travel_with_the_state),
        SP_TEST_CASE(haptic_settings_travel_with_the_state),
        SP_TEST_CASE(a_paused_session_saves_where_its_clock_stopped),
        SP_TEST_CASE(another_rate_scales_the_position),
        SP_TEST_CASE(buffer_sizes_and_later_keys),
        SP_TEST_CASE(a_state_before_prepare_restores_to_the_start),
        SP_TEST_CASE(a_state_changed_after_saving_is_refused),
        SP_TEST_CASE(every_damaged_copy_is_refused_and_changes_nothing),
    };
    sp_test_audio_init(&original_audio);
    sp_test_audio_init(&restored_audio);
    return sp_test_main(cases, SP_TEST_COUNT(cases));
}
