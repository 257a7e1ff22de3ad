// The C API as an app uses it with text it did not write: load, prepare,
// a few blocks with commands in between, events polled, state saved.
#include <array>
#include <cstdlib>
#include <vector>

#include "fuzz_support.hpp"
#include "stillpoint/stillpoint.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = stillpoint::fuzz::asText(data, size);
    sp_engine* engine = nullptr;
    if (sp_create(&engine) != SP_OK) std::abort();
    const sp_result loaded = sp_load_session(engine, text.data(), text.size(), "fuzz.yaml");
    if (loaded != SP_OK && loaded != SP_ERROR_INVALID_SESSION) std::abort();
    if (loaded != SP_OK) (void)sp_error_message(engine);
    if (loaded == SP_OK && stillpoint::fuzz::shortEnoughToPrepare(text) &&
        sp_prepare(engine, 8000.0, 512, SP_LAYOUT_STEREO) == SP_OK) {
        std::array<std::vector<float>, 2> buffers{std::vector<float>(512), std::vector<float>(512)};
        float* outputs[2] = {buffers[0].data(), buffers[1].data()};
        // The input's first bytes pick the commands, so the fuzzer explores them too.
        for (std::size_t block = 0; block < 16; ++block) {
            const auto command = static_cast<sp_command_type>((block < size ? data[block] : 0) %
                                                              (SP_COMMAND_CONTINUE + 1));
            sp_command(engine, command, 6.0);
            if (sp_process(engine, outputs, 2, 512) != SP_OK) std::abort();
            for (const auto& channel : buffers)
                for (const float sample : channel)
                    if (!(sample >= -1.0f && sample <= 1.0f)) std::abort();  // NaN fails too
            sp_event event;
            while (sp_poll_event(engine, &event) == SP_OK) {
            }
        }
        std::size_t stateSize = 0;
        if (sp_get_state(engine, nullptr, 0, &stateSize) != SP_ERROR_BUFFER_TOO_SMALL) std::abort();
    }
    sp_destroy(engine);
    return 0;
}
