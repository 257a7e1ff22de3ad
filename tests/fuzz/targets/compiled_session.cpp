// Compiled sessions (session.json, `stillpoint compile`) as the web build
// reads them: any bytes come back as an error naming the file, or as a
// program the engine plays for a while with every sample finite and within
// full scale. The clips are silence, enough for any seed's narration.
#include "stillpoint/compiled_session.hpp"

#include <cmath>
#include <cstdlib>
#include <vector>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::vector<std::uint8_t> clips(std::size_t{1} << 21, 0);
    const auto read =
        stillpoint::decodeCompiledSession(stillpoint::fuzz::asText(data, size), clips, "fuzz.json");
    if (!read.session) {
        if (read.error.rfind("fuzz.json", 0) != 0) std::abort();  // every error names the file
        return 0;
    }
    constexpr int kBlock = 512;
    stillpoint::Engine engine;
    stillpoint::prepareCompiledEngine(engine, *read.session,
                                      stillpoint::compiledEngineConfig(*read.session, kBlock));
    std::vector<float> left(kBlock), right(kBlock);
    float* out[] = {left.data(), right.data()};
    for (int block = 0; block < 400 && !engine.finished(); ++block) {  // about 4 s
        engine.process(out, kBlock);
        for (int i = 0; i < kBlock; ++i)
            if (!std::isfinite(left[i]) || std::fabs(left[i]) > 1.0f || !std::isfinite(right[i]) ||
                std::fabs(right[i]) > 1.0f)
                std::abort();
    }
    return 0;
}
