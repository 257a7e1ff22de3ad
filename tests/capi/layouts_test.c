/* Channel layouts: mono is the stereo mix folded down, stereo + haptic is
 * stereo plus a silent third channel (until the engine produces haptics). */
#include <stdio.h>
#include <string.h>

#include "fixtures.h"
#include "test_runner.h"

enum { kRate = 48000, kBlock = 400, kBlocks = 1200 };
static sp_test_audio stereo_audio, other_audio;

static void mono_is_the_stereo_mix_folded(void) {
    /* Each layout measures its own loudness, so mono is the folded stereo
     * mix scaled by one constant gain: fit it, and nothing may be left. */
    sp_engine* stereo = sp_test_engine(kRate, kBlock, SP_LAYOUT_STEREO);
    sp_engine* mono = sp_test_engine(kRate, kBlock, SP_LAYOUT_MONO);
    double mono_fold = 0.0, fold_fold = 0.0, mono_mono = 0.0, residual = 0.0, gain = 0.0;
    int b, i;
    REQUIRE(stereo != NULL && mono != NULL);
    for (b = 0; b < 2; ++b) { /* the first pass fits the gain, the second measures what is left */
        int block;
        for (block = 0; block < kBlocks; ++block) {
            REQUIRE_OK(sp_process(stereo, stereo_audio.channels, 2, kBlock));
            REQUIRE_OK(sp_process(mono, other_audio.channels, 1, kBlock));
            for (i = 0; i < kBlock; ++i) {
                const double fold =
                    0.5 * ((double)stereo_audio.data[0][i] + stereo_audio.data[1][i]);
                const double m = other_audio.data[0][i];
                if (b == 0) {
                    mono_fold += m * fold;
                    fold_fold += fold * fold;
                    mono_mono += m * m;
                } else {
                    residual += (m - gain * fold) * (m - gain * fold);
                }
            }
        }
        if (b == 0) {
            REQUIRE(fold_fold > 0.0 && mono_mono > 0.0);
            gain = mono_fold / fold_fold;
            REQUIRE_OK(sp_prepare(stereo, kRate, kBlock, SP_LAYOUT_STEREO)); /* back to the start */
            REQUIRE_OK(sp_prepare(mono, kRate, kBlock, SP_LAYOUT_MONO));
        }
    }
    printf("mono = %.4f x folded stereo; residual %.3g of the energy\n", gain,
           residual / mono_mono);
    CHECK(gain > 0.5 && gain < 2.0);
    CHECK(residual / mono_mono < 1e-9);
    sp_destroy(stereo);
    sp_destroy(mono);
}

static void stereo_haptic_is_stereo_plus_a_silent_channel(void) {
    sp_engine* stereo = sp_test_engine(kRate, kBlock, SP_LAYOUT_STEREO);
    sp_engine* haptic = sp_test_engine(kRate, kBlock, SP_LAYOUT_STEREO_HAPTIC);
    int b, i, same = 1, silent = 1;
    REQUIRE(stereo != NULL && haptic != NULL);
    for (b = 0; b < kBlocks; ++b) {
        sp_test_audio_fill(&other_audio, 3, kBlock, 1.0f); /* the haptic channel must be written */
        REQUIRE_OK(sp_process(stereo, stereo_audio.channels, 2, kBlock));
        REQUIRE_OK(sp_process(haptic, other_audio.channels, 3, kBlock));
        same = same &&
               memcmp(stereo_audio.data[0], other_audio.data[0], kBlock * sizeof(float)) == 0 &&
               memcmp(stereo_audio.data[1], other_audio.data[1], kBlock * sizeof(float)) == 0;
        for (i = 0; i < kBlock; ++i) silent = silent && other_audio.data[2][i] == 0.0f;
    }
    CHECK(same);
    CHECK(silent);
    sp_destroy(stereo);
    sp_destroy(haptic);
}

static void every_layout_fills_every_channel(void) {
    static const sp_layout layouts[] = {SP_LAYOUT_MONO, SP_LAYOUT_STEREO, SP_LAYOUT_STEREO_HAPTIC};
    size_t l;
    for (l = 0; l < sizeof layouts / sizeof layouts[0]; ++l) {
        const int channels = (int)layouts[l];
        sp_engine* engine = sp_test_engine(44100.0, 64, layouts[l]);
        int b;
        float peak = 0.0f;
        REQUIRE(engine != NULL);
        for (b = 0; b < 3000; ++b) {
            const float block_peak = sp_test_render(engine, &other_audio, channels, 64, 1);
            if (block_peak > peak) peak = block_peak;
        }
        CHECK(peak > 0.0f && peak <= 1.0f);
        CHECK_RESULT(sp_process(engine, other_audio.channels, channels == 3 ? 2 : channels + 1, 64),
                     SP_ERROR_CHANNEL_MISMATCH);
        sp_destroy(engine);
    }
}

int main(void) {
    static const sp_test_case cases[] = {
        SP_TEST_CASE(mono_is_the_stereo_mix_folded),
        SP_TEST_CASE(stereo_haptic_is_stereo_plus_a_silent_channel),
        SP_TEST_CASE(every_layout_fills_every_channel),
    };
    sp_test_audio_init(&stereo_audio);
    sp_test_audio_init(&other_audio);
    return sp_test_main(cases, SP_TEST_COUNT(cases));
}
