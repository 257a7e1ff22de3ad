/* wav_file.h: a tiny RIFF/WAVE writer (32-bit float, interleaved), so the
 * example needs nothing but the Stillpoint API and the C library.
 * One thread per file. */
#ifndef RENDER_SESSION_WAV_FILE_H
#define RENDER_SESSION_WAV_FILE_H

#include <stdint.h>
#include <stdio.h>

typedef struct wav_file {
    FILE* file;
    int channels;
    uint32_t frames; /* written so far */
} wav_file;

/* Open `path` and write a header whose sizes wav_close fills in. 0 on failure. */
int wav_open(wav_file* wav, const char* path, int sample_rate, int channels);
/* Append `frames` frames from planar buffers (one per channel). 0 on failure. */
int wav_write_planar(wav_file* wav, const float* const* channels, int frames);
/* Fill in the sizes and close. 0 on failure. */
int wav_close(wav_file* wav);

#endif
