/* The web build's C ABI (stillpoint_web.cpp): a compiled session played
 * block by block, in the C API's numbers (stillpoint.h's sp_command_type,
 * sp_param, sp_event_type, sp_result). The wasm module exports these; the
 * native build of the same file (tests/web) renders the reference the
 * browser's output is compared with.
 *
 * One thread owns a player. sp_web_process, sp_web_command,
 * sp_web_set_parameter, sp_web_poll_event, sp_web_state and the heart's
 * functions never allocate. */
#ifndef STILLPOINT_WEB_H
#define STILLPOINT_WEB_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct sp_web_player sp_web_player;

void* sp_web_alloc(size_t bytes);
void sp_web_free(void* pointer);
/* Why the last sp_web_create failed (NUL-terminated UTF-8). */
const char* sp_web_last_error(void);

/* A player for session.json's text and its clip files' 16-bit little-endian
 * samples, one file after another (clips.pcm's bytes), rendering blocks of
 * up to max_block_frames; haptic_track 1 adds the haptic envelope as one more
 * channel (and haptic taps to the events). NULL on failure. */
sp_web_player* sp_web_create(const char* json, size_t json_bytes, const uint8_t* clips,
                             size_t clip_bytes, int max_block_frames, int haptic_track);
void sp_web_destroy(sp_web_player* player);

int sp_web_output_channels(const sp_web_player* player);
const float* sp_web_output(const sp_web_player* player, int channel);
double sp_web_sample_rate(const sp_web_player* player);
int sp_web_process(sp_web_player* player, int frames);

int sp_web_command(sp_web_player* player, int command, double value);
int sp_web_set_parameter(sp_web_player* player, int param, double value);
/* type, index, value, sample, session sample; NULL when no event waits. */
const double* sp_web_poll_event(sp_web_player* player);

int sp_web_state_field_count(void);
const char* sp_web_state_field_name(int field);
const double* sp_web_state(sp_web_player* player);

int sp_web_preset_count(void);
const char* sp_web_preset_name(int index);
int sp_web_command_count(void);
const char* sp_web_command_name(int index);
int sp_web_command_value(int index);

/* The listener's heart (docs/heart.md): the C API's sp_heart_* functions
 * and sp_attach_heart, on a heart-rate monitor the player owns. While
 * attached, the state's heart fields (sp_status's heart_* and coherence
 * fields) carry its figures as of the last sp_web_heart_update. Results are
 * sp_result values. */
int sp_web_attach_heart(sp_web_player* player, int attached);
int sp_web_heart_push_rr(sp_web_player* player, double rr_ms);
/* A buffer of sp_web_heart_inbox_bytes() (512, the longest Bluetooth
 * notification) to copy a notification into before pushing it. */
uint8_t* sp_web_heart_inbox(sp_web_player* player);
size_t sp_web_heart_inbox_bytes(void);
int sp_web_heart_push_measurement(sp_web_player* player, const uint8_t* bytes, size_t size);
const char* sp_web_heart_error_message(const sp_web_player* player);
int sp_web_heart_update(sp_web_player* player, double now_seconds);

#ifdef __cplusplus
}
#endif

#endif /* STILLPOINT_WEB_H */
