/* fixtures.h: what the C API tests share: the test session, an engine ready
 * to play it, planar buffers for blocks, and small measurements. */
#ifndef SP_TEST_FIXTURES_H
#define SP_TEST_FIXTURES_H

#include <stddef.h>

#include "stillpoint/stillpoint.h"

enum { SP_TEST_MAX_BLOCK = 4096 };

/* The session's own layer volumes (sessions/short.yaml). */
#define SP_TEST_SESSION_BED_DB (-20.0)
#define SP_TEST_SESSION_VOICE_DB (-2.0)

/* Up to three planar channels of SP_TEST_MAX_BLOCK frames. */
typedef struct sp_test_audio {
    float data[3][SP_TEST_MAX_BLOCK];
    float* channels[3];
} sp_test_audio;

void sp_test_audio_init(sp_test_audio* audio);
/* Every sample of the first `channels` x `frames` set to `value`. */
void sp_test_audio_fill(sp_test_audio* audio, int channels, int frames, float value);
float sp_test_audio_peak(const sp_test_audio* audio, int channels, int frames);

/* A new engine with sessions/short.yaml loaded and prepared, its lines made; NULL, with a
 * failed check, when that fails. */
sp_engine* sp_test_engine(double sample_rate, int max_block_frames, sp_layout layout);
/* After sp_wait_for_preparation (a render: every line made first), `blocks`
 * calls of sp_process with `frames` each; returns the peak over all of
 * them, or -1 (and a failed check) when a call fails. */
float sp_test_render(sp_engine* engine, sp_test_audio* audio, int channels, int frames, int blocks);
/* A pause, then five lines in words no narration cache has seen (a new
 * text each call). */
void sp_test_unheard_session(char* text, size_t size);
/* Where sp_test_state_saved_mid_session saves: after the pause and a few lines. */
#define SP_TEST_SAVED_SECONDS 12
/* The state (a new string: free it; NULL with a failed check) of a 48 kHz
 * engine that played `text` for SP_TEST_SAVED_SECONDS, its lines narrated
 * in a cache folder beside the test's, so the test's cache has not heard them. */
char* sp_test_state_saved_mid_session(const char* text, size_t* size);
/* Drop every waiting event; returns how many there were. */
int sp_test_drain_events(sp_engine* engine);

#endif /* SP_TEST_FIXTURES_H */
