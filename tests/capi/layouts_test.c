/* Channel layouts: mono is the stereo mix folded down, stereo + haptic is
 * the same stereo plus the haptic actuator channel: a carrier at the
 * actuator's frequency, under the cap, silent with haptics off. */
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
            REQUIRE_OK(sp_wait_for_preparation(stereo));
            REQUIRE_OK(sp_wait_for_preparation(mono));
        }
    }
    printf("mono = %.4f x folded stereo; residual %.3g of the energy\n", gain,
           residual / mono_mono);
    CHECK(gain > 0.5 && gain < 2.0);
    CHECK(residual / mono_mono < 1e-9);
    sp_destroy(stereo);
    sp_destroy(mono);
}

/* A stereo + haptic engine with haptic parameters set before sp_prepare. */
static sp_engine* haptic_engine(double on, double cap, double actuator) {
    sp_engine* engine = NULL;
    if (sp_create(&engine) != SP_OK) return NULL;
    if (sp_load_session_file(engine, SP_TEST_SESSION_PATH) != SP_OK ||
        sp_set_parameter(engine, SP_PARAM_HAPTICS_ON, on) != SP_OK ||
        sp_set_parameter(engine, SP_PARAM_HAPTIC_CAP, cap) != SP_OK ||
        sp_set_parameter(engine, SP_PARAM_HAPTIC_ACTUATOR, actuator) != SP_OK ||
        sp_prepare(engine, kRate, kBlock, SP_LAYOUT_STEREO_HAPTIC) != SP_OK ||
        sp_wait_for_preparation(engine) != SP_OK) {
        sp_destroy(engine);
        return NULL;
    }
    return engine;
}

typedef struct haptic_measure {
    float peak;
    long rising_crossings; /* of the carrier, across block boundaries too */
    long sounding_samples;
    float last; /* the previous block's last sample */
} haptic_measure;

static void measure_haptic(const float* x, int n, haptic_measure* m) {
    int i;
    for (i = 0; i < n; ++i) {
        const float a = x[i] < 0 ? -x[i] : x[i];
        if (a > m->peak) m->peak = a;
    }
    for (i = 0; i < n; ++i) {
        if ((i == 0 ? m->last : x[i - 1]) < 0.0f && x[i] >= 0.0f) ++m->rising_crossings;
    }
    m->last = x[n - 1];
    for (i = 0; i < n; ++i)
        if (x[i] != 0.0f) ++m->sounding_samples;
}

static void stereo_haptic_is_stereo_plus_the_haptic_channel(void) {
    sp_engine* stereo = sp_test_engine(kRate, kBlock, SP_LAYOUT_STEREO);
    sp_engine* haptic = sp_test_engine(kRate, kBlock, SP_LAYOUT_STEREO_HAPTIC);
    int b, same = 1;
    haptic_measure m = {0.0f, 0, 0, 0.0f};
    double hz;
    REQUIRE(stereo != NULL && haptic != NULL);
    for (b = 0; b < kBlocks; ++b) {
        sp_test_audio_fill(&other_audio, 3, kBlock, 1.0f); /* the haptic channel must be written */
        REQUIRE_OK(sp_process(stereo, stereo_audio.channels, 2, kBlock));
        REQUIRE_OK(sp_process(haptic, other_audio.channels, 3, kBlock));
        same = same &&
               memcmp(stereo_audio.data[0], other_audio.data[0], kBlock * sizeof(float)) == 0 &&
               memcmp(stereo_audio.data[1], other_audio.data[1], kBlock * sizeof(float)) == 0;
        measure_haptic(other_audio.data[2], kBlock, &m);
    }
    hz = (double)m.rising_crossings * kRate / (double)m.sounding_samples;
    printf("haptic channel: peak %.3f, carrier %.1f Hz over %ld sounding samples\n", m.peak, hz,
           m.sounding_samples);
    CHECK(same); /* the audio does not change */
    CHECK(m.peak > 0.3f && m.peak <= 1.0f);
    CHECK(hz > 165.0 && hz < 175.0); /* the LRA carrier, 170 Hz */
    sp_destroy(stereo);
    sp_destroy(haptic);
}

static void haptic_parameters_are_honoured(void) {
    sp_engine* off = haptic_engine(0.0, 1.0, SP_HAPTIC_LRA);
    sp_engine* capped = haptic_engine(1.0, 0.25, SP_HAPTIC_SHAKER);
    haptic_measure m_off = {0.0f, 0, 0, 0.0f}, m_capped = {0.0f, 0, 0, 0.0f};
    double value = -1.0, hz;
    int b;
    REQUIRE(off != NULL && capped != NULL);
    CHECK_OK(sp_get_parameter(capped, SP_PARAM_HAPTIC_CAP, &value));
    CHECK(value == 0.25);
    CHECK_RESULT(sp_set_parameter(capped, SP_PARAM_HAPTIC_CAP, 1.5), SP_ERROR_INVALID_ARGUMENT);
    CHECK_RESULT(sp_set_parameter(capped, SP_PARAM_HAPTIC_ACTUATOR, 2.0),
                 SP_ERROR_INVALID_ARGUMENT);
    CHECK_RESULT(sp_set_parameter(capped, SP_PARAM_HAPTICS_ON, 0.5), SP_ERROR_INVALID_ARGUMENT);
    for (b = 0; b < kBlocks; ++b) {
        REQUIRE_OK(sp_process(off, other_audio.channels, 3, kBlock));
        measure_haptic(other_audio.data[2], kBlock, &m_off);
        REQUIRE_OK(sp_process(capped, other_audio.channels, 3, kBlock));
        measure_haptic(other_audio.data[2], kBlock, &m_capped);
    }
    hz = (double)m_capped.rising_crossings * kRate / (double)m_capped.sounding_samples;
    printf("haptics off: peak %g; cap 0.25: peak %.4f, carrier %.1f Hz\n", m_off.peak,
           m_capped.peak, hz);
    CHECK(m_off.peak == 0.0f);
    CHECK(m_capped.peak > 0.15f && m_capped.peak <= 0.25f);
    CHECK(hz > 37.0 && hz < 43.0); /* the shaker carrier, 40 Hz */
    sp_destroy(off);
    sp_destroy(capped);
}

static void haptic_taps_are_events(void) {
    sp_engine* engine = sp_test_engine(kRate, kBlock, SP_LAYOUT_STEREO_HAPTIC);
    sp_engine* plain = sp_test_engine(kRate, kBlock, SP_LAYOUT_STEREO);
    long taps = 0, phases = 0, bells = 0, plain_taps = 0;
    int b;
    sp_event event;
    REQUIRE(engine != NULL && plain != NULL);
    for (b = 0; b < kBlocks; ++b) {
        REQUIRE_OK(sp_process(engine, other_audio.channels, 3, kBlock));
        REQUIRE_OK(sp_process(plain, stereo_audio.channels, 2, kBlock));
        while (sp_poll_event(engine, &event) == SP_OK) {
            if (event.type == SP_EVENT_PHASE_CHANGED) ++phases;
            if (event.type == SP_EVENT_BELL) ++bells;
            if (event.type == SP_EVENT_HAPTIC_TAP) {
                ++taps;
                CHECK(event.index == SP_HAPTIC_TAP_PHASE || event.index == SP_HAPTIC_TAP_BELL);
                CHECK(event.value > 0.0 && event.value <= 1.0);
            }
        }
        while (sp_poll_event(plain, &event) == SP_OK)
            if (event.type == SP_EVENT_HAPTIC_TAP) ++plain_taps;
    }
    printf("%ld haptic taps for %ld phase changes and %ld bells\n", taps, phases, bells);
    CHECK(phases > 0 && bells > 0);
    CHECK(taps == phases + bells); /* one tap at every phase change and bell */
    CHECK(plain_taps == 0);        /* only the haptic layout has haptics */
    sp_destroy(engine);
    sp_destroy(plain);
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
        SP_TEST_CASE(stereo_haptic_is_stereo_plus_the_haptic_channel),
        SP_TEST_CASE(haptic_parameters_are_honoured),
        SP_TEST_CASE(haptic_taps_are_events),
        SP_TEST_CASE(every_layout_fills_every_channel),
    };
    sp_test_audio_init(&stereo_audio);
    sp_test_audio_init(&other_audio);
    return sp_test_main(cases, SP_TEST_COUNT(cases));
}
