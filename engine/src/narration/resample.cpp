#include "narration/resample.hpp"

#include <soxr.h>

#include <cmath>

namespace stillpoint::narration {

std::vector<float> resampleMono(const std::vector<float>& samples, double fromRate, double toRate,
                                std::string& error) {
    if (fromRate == toRate || samples.empty()) return samples;
    std::vector<float> out(static_cast<std::size_t>(
        std::llround(static_cast<double>(samples.size()) * toRate / fromRate)));
    const soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
    const soxr_quality_spec_t quality = soxr_quality_spec(SOXR_HQ, 0);
    std::size_t used = 0;
    std::size_t made = 0;
    const soxr_error_t failed =
        soxr_oneshot(fromRate, toRate, 1, samples.data(), samples.size(), &used, out.data(),
                     out.size(), &made, &io, &quality, nullptr);
    if (failed != nullptr) {
        error = std::string("libsoxr: ") + failed;
        return {};
    }
    out.resize(made);
    return out;
}

}  // namespace stillpoint::narration
