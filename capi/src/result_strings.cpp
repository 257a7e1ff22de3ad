// sp_result_string: a short English description of every result code.
#include "stillpoint/stillpoint.h"

extern "C" const char* sp_result_string(sp_result result) {
    switch (result) {
        case SP_OK:
            return "ok";
        case SP_NO_EVENT:
            return "no event";
        case SP_ERROR_NULL_POINTER:
            return "null pointer";
        case SP_ERROR_INVALID_ARGUMENT:
            return "invalid argument";
        case SP_ERROR_NO_SESSION:
            return "no session loaded";
        case SP_ERROR_NOT_PREPARED:
            return "not prepared";
        case SP_ERROR_BLOCK_TOO_LARGE:
            return "block too large";
        case SP_ERROR_CHANNEL_MISMATCH:
            return "channel count does not match the layout";
        case SP_ERROR_INVALID_SESSION:
            return "invalid session";
        case SP_ERROR_IO:
            return "file could not be read";
        case SP_ERROR_INVALID_STATE:
            return "invalid state";
        case SP_ERROR_BUFFER_TOO_SMALL:
            return "buffer too small";
        case SP_ERROR_QUEUE_FULL:
            return "command queue full";
        case SP_ERROR_OUT_OF_MEMORY:
            return "out of memory";
        case SP_ERROR_INTERNAL:
            return "internal error";
        case SP_ERROR_NARRATION:
            return "the voice could not be made";
    }
    return "unknown result";
}
