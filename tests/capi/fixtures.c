#include "fixtures.h"

#include <math.h>
#include <stddef.h>

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
