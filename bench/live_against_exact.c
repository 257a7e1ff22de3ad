/* How a session prepared without waiting (sp_prepare, then played at a
 * device's pace while its lines are made and its gains refined) compares in
 * level with the exact one (sp_wait_for_preparation first, as a render):
 * per 5 s window, each one's RMS in dBFS and the difference.
 *
 *   live_against_exact SESSION.yaml SECONDS     (run with an empty cache for the cold case)
 *
 * It plays in real time (SECONDS of wall clock), so it is a measure, not a
 * test: scripts/bench runs it on body-scan-20 with a fresh cache. */
#define _POSIX_C_SOURCE 200809L /* nanosleep */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "stillpoint/stillpoint.h"

enum { kRate = 48000, kBlock = 512, kWindowSeconds = 5, kMaxWindows = 720 };

/* Each window's RMS in dBFS into `windows`; how many windows. */
static int play(const char* path, int exact, int seconds, double* windows) {
    static float left[kBlock], right[kBlock];
    float* channels[2] = {left, right};
    const struct timespec block_time = {0, 1000000000L / kRate * kBlock};
    const long blocks = (long)seconds * kRate / kBlock;
    double sum = 0.0;
    long count = 0, i;
    int k, window = 0;
    sp_engine* engine = NULL;
    sp_event event;
    if (sp_create(&engine) != SP_OK || sp_load_session_file(engine, path) != SP_OK ||
        sp_prepare(engine, kRate, kBlock, SP_LAYOUT_STEREO) != SP_OK) {
        fprintf(stderr, "live_against_exact: %s: %s\n", path, sp_error_message(engine));
        exit(1);
    }
    if (exact) sp_wait_for_preparation(engine);
    for (i = 0; i < blocks && window < kMaxWindows; ++i) {
        sp_process(engine, channels, 2, kBlock);
        while (sp_poll_event(engine, &event) == SP_OK) {
        }
        for (k = 0; k < kBlock; ++k) sum += left[k] * left[k] + right[k] * right[k];
        count += 2 * kBlock;
        if (count >= 2L * kWindowSeconds * kRate) {
            windows[window++] = 10.0 * log10(sum / (double)count + 1e-20);
            sum = 0.0;
            count = 0;
        }
        if (!exact) nanosleep(&block_time, NULL); /* a device's pace: the worker's time */
    }
    sp_destroy(engine);
    return window;
}

int main(int argc, char** argv) {
    static double live[kMaxWindows], exact[kMaxWindows];
    int windows, w;
    if (argc != 3 || atoi(argv[2]) < kWindowSeconds) {
        fprintf(stderr, "usage: live_against_exact SESSION.yaml SECONDS (at least %d)\n",
                kWindowSeconds);
        return 2;
    }
    windows = play(argv[1], 0, atoi(argv[2]), live);
    play(argv[1], 1, atoi(argv[2]), exact);
    for (w = 0; w < windows; ++w)
        printf("%4d s  live %7.2f dBFS  exact %7.2f dBFS  difference %+6.2f dB\n",
               w * kWindowSeconds, live[w], exact[w], live[w] - exact[w]);
    return 0;
}
