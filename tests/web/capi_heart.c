/* The C API's heart (stillpoint.h's sp_heart_* and sp_attach_heart) driven by
 * a script, printing what sp_status and sp_heart_push_measurement report, so
 * web.node can check the web build reports the same for the same input.
 *
 *   stillpoint_web_capi_heart OP...
 * OP: attach | detach | rr:MS | ble:HEX (a 0x2A37 notification's bytes) |
 *     update:SECONDS | status
 * Prints one JSON object a line for rr, ble and status; sp_status's heart
 * fields by the web state's names (camel case), numbers to round-trip. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stillpoint/stillpoint.h"

static const char kSession[] =
    "stillpoint: 1\n"
    "title: Heart\n"
    "sections:\n"
    "  - name: Breathing\n"
    "    steps:\n"
    "      - breathe: {cycles: 2, pace: 6}\n";

enum { kRate = 48000, kBlock = 128, kMaxPacket = 512 };

static int fail(const char* what, sp_result result) {
    fprintf(stderr, "stillpoint_web_capi_heart: %s: sp_result %d\n", what, (int)result);
    return 1;
}

/* "3c0004" into bytes; the count, or -1 for odd or non-hex text. */
static int hex_bytes(const char* hex, uint8_t* out, size_t capacity) {
    size_t n = strlen(hex);
    size_t i;
    if (n % 2 != 0 || n / 2 > capacity) return -1;
    for (i = 0; i < n / 2; ++i) {
        unsigned value = 0;
        if (sscanf(hex + 2 * i, "%2x", &value) != 1) return -1;
        out[i] = (uint8_t)value;
    }
    return (int)(n / 2);
}

static void print_json_string(const char* text) {
    putchar('"');
    for (; *text; ++text) {
        if (*text == '"' || *text == '\\') putchar('\\');
        putchar(*text);
    }
    putchar('"');
}

int main(int argc, char** argv) {
    sp_engine* engine = NULL;
    sp_heart* heart = NULL;
    float left[kBlock], right[kBlock];
    float* channels[2];
    sp_result r;
    int i;
    channels[0] = left;
    channels[1] = right;
    if ((r = sp_create(&engine)) != SP_OK) return fail("sp_create", r);
    if ((r = sp_load_session(engine, kSession, sizeof kSession - 1, "heart.yaml")) != SP_OK)
        return fail("sp_load_session", r);
    if ((r = sp_prepare(engine, kRate, kBlock, SP_LAYOUT_STEREO)) != SP_OK)
        return fail("sp_prepare", r);
    if ((r = sp_wait_for_preparation(engine)) != SP_OK) return fail("sp_wait_for_preparation", r);
    if ((r = sp_heart_create(&heart)) != SP_OK) return fail("sp_heart_create", r);
    for (i = 1; i < argc; ++i) {
        const char* op = argv[i];
        if (strcmp(op, "attach") == 0) {
            r = sp_attach_heart(engine, heart);
        } else if (strcmp(op, "detach") == 0) {
            r = sp_attach_heart(engine, NULL);
        } else if (strncmp(op, "rr:", 3) == 0) {
            r = sp_heart_push_rr(heart, atof(op + 3));
            printf("{\"op\":\"rr\",\"result\":%d}\n", (int)r);
            r = SP_OK;
        } else if (strncmp(op, "ble:", 4) == 0) {
            uint8_t bytes[kMaxPacket];
            const int size = hex_bytes(op + 4, bytes, sizeof bytes);
            if (size < 0) {
                fprintf(stderr, "%s: expected ble:HEX, an even count of hex digits\n", op);
                return 2;
            }
            r = sp_heart_push_measurement(heart, bytes, (size_t)size);
            printf("{\"op\":\"ble\",\"result\":%d,\"message\":", (int)r);
            print_json_string(sp_heart_error_message(heart));
            printf("}\n");
            r = SP_OK;
        } else if (strncmp(op, "update:", 7) == 0) {
            r = sp_heart_update(heart, atof(op + 7));
        } else if (strcmp(op, "status") == 0) {
            sp_status s;
            /* A block first, as an app reads the status after one. */
            if ((r = sp_process(engine, channels, 2, kBlock)) != SP_OK)
                return fail("sp_process", r);
            memset(&s, 0, sizeof s);
            s.struct_size = sizeof s;
            r = sp_get_status(engine, &s);
            printf(
                "{\"op\":\"status\",\"heartConnected\":%d,\"heartLive\":%d,"
                "\"heartRateBpm\":%.17g,\"coherenceValid\":%d,\"coherence\":%.17g,"
                "\"heartBeats\":%llu,\"heartArtefacts\":%llu}\n",
                (int)s.heart_connected, (int)s.heart_live, s.heart_rate_bpm, (int)s.coherence_valid,
                s.coherence, (unsigned long long)s.heart_beats,
                (unsigned long long)s.heart_artefacts);
        } else {
            fprintf(stderr,
                    "%s: expected attach, detach, rr:MS, ble:HEX, update:SECONDS or status\n", op);
            return 2;
        }
        if (r != SP_OK) return fail(op, r);
    }
    sp_destroy(engine);
    sp_heart_destroy(heart);
    return 0;
}
