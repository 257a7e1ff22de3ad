#define _POSIX_C_SOURCE 200809L /* setenv, strdup */

#include "fixtures.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "test_runner.h"

void sp_test_audio_init(sp_test_audio* audio) {
    int c;
    for (c = 0; c < 3; ++c) audio->channels[c] = audio->data[c];
    sp_test_audio_fill(audio, 3, SP_TEST_MAX_BLOCK, 0.0f);
}

void sp_test_audio_fill(sp_test_audio* audio, int channels, int frames, float value) {
    int c, i;
    for (c = 0; c < channels; ++c)
        for (i = 0; i < frames; ++i) audio->data[c][i] = value;
}

float sp_test_audio_peak(const sp_test_audio* audio, int channels, int frames) {
    float peak = 0.0f;
    int c, i;
    for (c = 0; c < channels; ++c)
        for (i = 0; i < frames; ++i)
            if (fabsf(audio->data[c][i]) > peak) peak = fabsf(audio->data[c][i]);
    return peak;
}

sp_engine* sp_test_engine(double sample_rate, int max_block_frames, sp_layout layout) {
    sp_engine* engine = NULL;
    if (!CHECK_OK(sp_create(&engine))) return NULL;
    if (!CHECK_OK(sp_load_session_file(engine, SP_TEST_SESSION_PATH)) ||
        !CHECK_OK(sp_prepare(engine, sample_rate, max_block_frames, layout)) ||
        !CHECK_OK(sp_wait_for_preparation(engine))) {
        sp_destroy(engine);
        return NULL;
    }
    return engine;
}

float sp_test_render(sp_engine* engine, sp_test_audio* audio, int channels, int frames,
                     int blocks) {
    float peak = 0.0f;
    int b;
    /* Rendered as `stillpoint render` renders: every line made first. */
    if (!CHECK_OK(sp_wait_for_preparation(engine))) return -1.0f;
    for (b = 0; b < blocks; ++b) {
        float block_peak;
        if (!CHECK_OK(sp_process(engine, audio->channels, channels, frames))) return -1.0f;
        block_peak = sp_test_audio_peak(audio, channels, frames);
        if (block_peak > peak) peak = block_peak;
    }
    return peak;
}

int sp_test_drain_events(sp_engine* engine) {
    sp_event event;
    int count = 0;
    while (sp_poll_event(engine, &event) == SP_OK) ++count;
    return count;
}

void sp_test_unheard_session(char* text, size_t size) {
    static long made = 0;
    const long unique = (long)time(NULL) % 100000 * 100 + (long)clock() % 1000 + 1000 * made++;
    size_t used;
    int i;
    used = (size_t)snprintf(text, size,
                            "title: restore\ndefaults: {bed: pink}\nsections:\n  - name: one\n"
                            "    steps:\n      - pause: 4s\n");
    for (i = 0; i < 5; ++i)
        used += (size_t)snprintf(text + used, size - used,
                                 "      - say: Restored line %d of %ld, slow and gentle.\n", i,
                                 unique + i);
}

char* sp_test_state_saved_mid_session(const char* text, size_t* size) {
    enum { kRate = 48000, kBlock = 512 };
    static sp_test_audio audio;
    const char* cache = getenv("XDG_CACHE_HOME");
    char* before = cache ? strdup(cache) : NULL;
    char own[1024];
    sp_engine* original = NULL;
    char* state = NULL;
    sp_test_audio_init(&audio);
    snprintf(own, sizeof own, "%s/restore-originals", cache ? cache : "/tmp");
    setenv("XDG_CACHE_HOME", own, 1);
    if (CHECK_OK(sp_create(&original)) &&
        CHECK_OK(sp_load_session(original, text, strlen(text), "restore.yaml")) &&
        CHECK_OK(sp_prepare(original, kRate, kBlock, SP_LAYOUT_STEREO)) &&
        CHECK(sp_test_render(original, &audio, 2, kBlock, SP_TEST_SAVED_SECONDS * kRate / kBlock) >
              0.0f) &&
        CHECK_RESULT(sp_get_state(original, NULL, 0, size), SP_ERROR_BUFFER_TOO_SMALL)) {
        state = malloc(*size + 1);
        if (state && !CHECK_OK(sp_get_state(original, state, *size + 1, size))) {
            free(state);
            state = NULL;
        }
    }
    sp_destroy(original);
    if (before) {
        setenv("XDG_CACHE_HOME", before, 1);
        free(before);
    } else {
        unsetenv("XDG_CACHE_HOME");
    }
    return state;
}
