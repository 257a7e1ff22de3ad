/* render_session: a session file to a WAV file, through the Stillpoint C API
 * only. Shows the whole embedding cycle: create, load (with error details),
 * prepare, process block by block, poll events after each block, destroy.
 *
 *   render_session SESSION.yaml OUT.wav [SAMPLE_RATE] [mono|stereo]
 */
#include <stdio.h>
#include <stdlib.h>
#include <stillpoint/stillpoint.h>
#include <string.h>

#include "wav_file.h"

enum { kBlockFrames = 512 };

static void print_event(const sp_event* e, double rate) {
    const double seconds = (double)e->sample / rate;
    switch (e->type) {
        case SP_EVENT_SECTION_STARTED:
            fprintf(stderr, "%7.2f s  section %d\n", seconds, e->index);
            break;
        case SP_EVENT_BELL:
            fprintf(stderr, "%7.2f s  bell\n", seconds);
            break;
        case SP_EVENT_PHASE_CHANGED:
            if (e->index == SP_PHASE_INHALE) fprintf(stderr, "%7.2f s  breathe in\n", seconds);
            break;
        case SP_EVENT_FINISHED:
            fprintf(stderr, "%7.2f s  finished\n", seconds);
            break;
        default:
            break; /* other events, including ones added later */
    }
}

static int fail(const char* what, sp_result result) {
    fprintf(stderr, "render_session: %s: %s\n", what, sp_result_string(result));
    return 1;
}

int main(int argc, char** argv) {
    const char* session_path;
    const char* wav_path;
    double rate = 48000.0;
    sp_layout layout = SP_LAYOUT_STEREO;
    sp_engine* engine = NULL;
    static float buffers[2][kBlockFrames];
    float* outputs[2];
    wav_file wav;
    int64_t played = 0, length = 0;
    sp_result r;
    int channels;

    if (argc < 3 || argc > 5) {
        fprintf(stderr, "usage: render_session SESSION.yaml OUT.wav [SAMPLE_RATE] [mono|stereo]\n");
        return 2;
    }
    session_path = argv[1];
    wav_path = argv[2];
    if (argc > 3) rate = atof(argv[3]);
    if (argc > 4) layout = strcmp(argv[4], "mono") == 0 ? SP_LAYOUT_MONO : SP_LAYOUT_STEREO;
    channels = (int)layout; /* a layout's value is its channel count */
    outputs[0] = buffers[0];
    outputs[1] = buffers[1];

    fprintf(stderr, "Stillpoint %s (ABI %d)\n", sp_version_string(), sp_abi_version());
    if (sp_abi_version() != SP_ABI_VERSION) {
        fprintf(stderr, "render_session: built for ABI %d, running with %d\n", SP_ABI_VERSION,
                sp_abi_version());
        return 1;
    }
    if ((r = sp_create(&engine)) != SP_OK) return fail("create", r);

    r = sp_load_session_file(engine, session_path);
    if (r != SP_OK) {
        /* file:line:column: message, the way compilers say it */
        fprintf(stderr, "%s:%d:%d: error: %s\n", sp_error_file(engine), sp_error_line(engine),
                sp_error_column(engine), sp_error_message(engine));
        sp_destroy(engine);
        return 1;
    }
    /* sp_prepare returns at once; a render waits for every line first. */
    if ((r = sp_prepare(engine, rate, kBlockFrames, layout)) != SP_OK ||
        (r = sp_wait_for_preparation(engine)) != SP_OK) {
        fprintf(stderr, "render_session: %s\n", sp_error_message(engine));
        sp_destroy(engine);
        return 1;
    }
    if (!wav_open(&wav, wav_path, (int)rate, channels)) {
        fprintf(stderr, "render_session: cannot write %s\n", wav_path);
        sp_destroy(engine);
        return 1;
    }

    /* The length is known once prepared; live commands would change it. */
    sp_get_position(engine, &played, &length);
    while (played < length) {
        const int frames = length - played < kBlockFrames ? (int)(length - played) : kBlockFrames;
        sp_event event;
        if ((r = sp_process(engine, outputs, channels, frames)) != SP_OK) break;
        if (!wav_write_planar(&wav, (const float* const*)outputs, frames)) {
            r = SP_ERROR_IO;
            break;
        }
        while (sp_poll_event(engine, &event) == SP_OK) print_event(&event, rate);
        sp_get_position(engine, &played, &length);
    }
    if (!wav_close(&wav) && r == SP_OK) r = SP_ERROR_IO;
    sp_destroy(engine);
    if (r != SP_OK) return fail("render", r);
    printf("%s: %lld frames at %.0f Hz, %d channel(s)\n", wav_path, (long long)played, rate,
           channels);
    return 0;
}
