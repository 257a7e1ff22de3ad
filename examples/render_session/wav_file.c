#include "wav_file.h"

#include <string.h>

/* RIFF is little-endian whatever the machine is: write byte by byte. */
static int put_u16(FILE* f, uint32_t v) {
    return fputc((int)(v & 0xff), f) != EOF && fputc((int)((v >> 8) & 0xff), f) != EOF;
}
static int put_u32(FILE* f, uint32_t v) {
    return put_u16(f, v & 0xffff) && put_u16(f, v >> 16);
}
static int put_tag(FILE* f, const char* tag) {
    return fwrite(tag, 1, 4, f) == 4;
}

/* Header layout: RIFF(12) fmt(8+18) fact(8+4) data(8): sizes patched at close. */
enum {
    kFactFramesOffset = 12 + 26 + 8,
    kDataSizeOffset = kFactFramesOffset + 4 + 4,
    kHeaderBytes = 58
};

int wav_open(wav_file* wav, const char* path, int sample_rate, int channels) {
    const uint32_t block_align = (uint32_t)channels * 4u;
    FILE* f = fopen(path, "wb");
    memset(wav, 0, sizeof *wav);
    if (!f) return 0;
    wav->file = f;
    wav->channels = channels;
    if (put_tag(f, "RIFF") && put_u32(f, 0) && put_tag(f, "WAVE") && put_tag(f, "fmt ") &&
        put_u32(f, 18) && put_u16(f, 3 /* IEEE float */) && put_u16(f, (uint32_t)channels) &&
        put_u32(f, (uint32_t)sample_rate) && put_u32(f, (uint32_t)sample_rate * block_align) &&
        put_u16(f, block_align) && put_u16(f, 32) && put_u16(f, 0) && put_tag(f, "fact") &&
        put_u32(f, 4) && put_u32(f, 0) && put_tag(f, "data") && put_u32(f, 0))
        return 1;
    fclose(f);
    wav->file = NULL;
    return 0;
}

int wav_write_planar(wav_file* wav, const float* const* channels, int frames) {
    int i, c;
    for (i = 0; i < frames; ++i) {
        for (c = 0; c < wav->channels; ++c) {
            uint32_t bits;
            memcpy(&bits, &channels[c][i], sizeof bits);
            if (!put_u32(wav->file, bits)) return 0;
        }
    }
    wav->frames += (uint32_t)frames;
    return 1;
}

int wav_close(wav_file* wav) {
    const uint32_t data_bytes = wav->frames * (uint32_t)wav->channels * 4u;
    FILE* f = wav->file;
    int ok = f != NULL;
    ok = ok && fseek(f, 4, SEEK_SET) == 0 && put_u32(f, kHeaderBytes - 8 + data_bytes);
    ok = ok && fseek(f, kFactFramesOffset, SEEK_SET) == 0 && put_u32(f, wav->frames);
    ok = ok && fseek(f, kDataSizeOffset, SEEK_SET) == 0 && put_u32(f, data_bytes);
    if (f && fclose(f) != 0) ok = 0;
    wav->file = NULL;
    return ok;
}
