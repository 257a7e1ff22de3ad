// sp_set_state with a blob an app stored somewhere it could be damaged:
// refused with SP_ERROR_INVALID_STATE / SP_ERROR_INVALID_SESSION, or
// restored and played, never a crash. Each input runs twice: as it is, and
// with its crc32 line rewritten to match, so mutations reach the reader
// behind the checksum instead of stopping at it.
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "saved_state.hpp"
#include "stillpoint/crc32.hpp"
#include "stillpoint/stillpoint.h"

namespace {

constexpr std::string_view kCheckedHeader = "stillpoint-state 2\ncrc32 ";

/// `blob` with its checksum made to match the bytes after the crc32 line,
/// when it has the version 2 header and a crc32 line of eight digits.
std::optional<std::string> withMatchingChecksum(std::string_view blob) {
    constexpr std::size_t kDigits = 8;
    const std::size_t lineEnd = kCheckedHeader.size() + kDigits;
    if (blob.substr(0, kCheckedHeader.size()) != kCheckedHeader || blob.size() <= lineEnd ||
        blob[lineEnd] != '\n')
        return std::nullopt;
    char digits[kDigits + 1];
    std::snprintf(digits, sizeof digits, "%08x",
                  static_cast<unsigned>(stillpoint::crc32(blob.substr(lineEnd + 1))));
    std::string fixed(blob);
    fixed.replace(kCheckedHeader.size(), kDigits, digits);
    return fixed;
}

void restoreAndPlay(std::string_view blob) {
    sp_engine* engine = nullptr;
    if (sp_create(&engine) != SP_OK) std::abort();
    // Set before preparing, so a long session in the blob is not measured
    // unless it is short enough (see kMaxPreparedSeconds).
    const sp_result restored = sp_set_state(engine, blob.data(), blob.size());
    if (restored != SP_OK && restored != SP_ERROR_INVALID_STATE &&
        restored != SP_ERROR_INVALID_SESSION)
        std::abort();
    const auto parsed = stillpoint::capi::parseState(blob);
    if (restored == SP_OK && !parsed.state) std::abort();  // accepted what the parser refuses
    if (restored == SP_OK && stillpoint::fuzz::shortEnoughToPrepare(parsed.state->sessionText) &&
        sp_prepare(engine, 8000.0, 256, SP_LAYOUT_MONO) == SP_OK) {
        std::vector<float> mono(256);
        float* outputs[1] = {mono.data()};
        for (int block = 0; block < 8; ++block) {
            if (sp_process(engine, outputs, 1, 256) != SP_OK) std::abort();
            for (const float sample : mono)
                if (!(sample >= -1.0f && sample <= 1.0f)) std::abort();
        }
        // What it saves now must load again.
        std::size_t needed = 0;
        sp_get_state(engine, nullptr, 0, &needed);
        std::vector<char> again(needed + 1);
        if (sp_get_state(engine, again.data(), again.size(), &needed) != SP_OK) std::abort();
        sp_engine* other = nullptr;
        sp_create(&other);
        if (sp_set_state(other, again.data(), needed) != SP_OK) std::abort();
        sp_destroy(other);
    }
    sp_destroy(engine);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view blob = stillpoint::fuzz::asText(data, size);
    restoreAndPlay(blob);
    if (const auto fixed = withMatchingChecksum(blob); fixed && *fixed != blob)
        restoreAndPlay(*fixed);
    return 0;
}
