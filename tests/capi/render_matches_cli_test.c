/* The C API renders a session as `stillpoint render` does: the same file,
 * rendered here block by block (an odd block size on purpose) and compared
 * with the command's 24-bit WAV, read back with libsndfile: the same length
 * and every sample within one 24-bit step.
 *
 *   render_matches_cli_test SESSION.yaml RENDERED.wav BLOCK_FRAMES */
#include <math.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>

#include "fixtures.h"
#include "test_runner.h"

static const char* session_path;
static const char* wav_path;
static int block_frames;

static const double kTolerance = 1.2e-7; /* one step of 24-bit PCM: 2^-23 */

static void the_c_api_renders_what_the_command_wrote(void) {
    static sp_test_audio audio;
    SF_INFO info = {0};
    SNDFILE* wav = sf_open(wav_path, SFM_READ, &info);
    sp_engine* engine = NULL;
    float* from_file;
    int64_t played = 0, length = 0, compared = 0, off = 0;
    double worst = 0.0;
    REQUIRE(wav != NULL);
    REQUIRE(info.channels == 2 && info.samplerate == 48000);
    CHECK((info.format & SF_FORMAT_SUBMASK) == SF_FORMAT_PCM_24);
    from_file = malloc(sizeof(float) * 2 * (size_t)block_frames);
    REQUIRE(from_file != NULL);

    sp_test_audio_init(&audio);
    REQUIRE_OK(sp_create(&engine));
    REQUIRE_OK(sp_load_session_file(engine, session_path));
    REQUIRE_OK(sp_prepare(engine, 48000.0, block_frames, SP_LAYOUT_STEREO));
    REQUIRE_OK(sp_wait_for_preparation(engine)); /* a render: every line first */
    sp_get_position(engine, &played, &length);
    CHECK(length == (int64_t)info.frames);
    while (played < length) {
        const int n = length - played < block_frames ? (int)(length - played) : block_frames;
        int i, c;
        if (!CHECK_OK(sp_process(engine, audio.channels, 2, n))) break;
        if (!CHECK(sf_readf_float(wav, from_file, n) == n)) break;
        for (i = 0; i < n; ++i) {
            for (c = 0; c < 2; ++c) {
                const double d = fabs((double)audio.data[c][i] - (double)from_file[2 * i + c]);
                if (d > worst) worst = d;
                if (d > kTolerance) ++off;
            }
        }
        compared += n;
        sp_get_position(engine, &played, &length);
        sp_test_drain_events(engine);
    }
    printf("compared %lld frames; largest difference %.3g (%lld samples beyond %.3g)\n",
           (long long)compared, worst, (long long)off, kTolerance);
    CHECK(compared == (int64_t)info.frames);
    CHECK(off == 0);
    CHECK(sf_readf_float(wav, from_file, 1) == 0); /* nothing left in the file */
    free(from_file);
    sf_close(wav);
    sp_destroy(engine);
}

int main(int argc, char** argv) {
    static const sp_test_case cases[] = {SP_TEST_CASE(the_c_api_renders_what_the_command_wrote)};
    if (argc != 4 || atoi(argv[3]) < 1 || atoi(argv[3]) > SP_TEST_MAX_BLOCK) {
        fprintf(stderr, "usage: render_matches_cli_test SESSION.yaml RENDERED.wav BLOCK_FRAMES\n");
        return 2;
    }
    session_path = argv[1];
    wav_path = argv[2];
    block_frames = atoi(argv[3]);
    return sp_test_main(cases, SP_TEST_COUNT(cases));
}
