#include "audio_analysis.hpp"

#include <ebur128.h>

#include <algorithm>
#include <cmath>
#include <complex>
#include <limits>
#include <numbers>

namespace stillpoint::test {
namespace {

using Complex = std::complex<double>;

void fft(std::vector<Complex>& a) {
    const std::size_t n = a.size();
    for (std::size_t i = 1, j = 0; i < n; ++i) {  // bit-reversal permutation
        std::size_t bit = n >> 1;
        for (; j & bit; bit >>= 1) j ^= bit;
        j ^= bit;
        if (i < j) std::swap(a[i], a[j]);
    }
    std::vector<Complex> twiddle(n / 2);  // e^(-2 pi i k / n)
    for (std::size_t k = 0; k < twiddle.size(); ++k)
        twiddle[k] = std::polar(
            1.0, -2.0 * std::numbers::pi * static_cast<double>(k) / static_cast<double>(n));
    for (std::size_t len = 2; len <= n; len <<= 1) {
        const std::size_t stride = n / len;
        for (std::size_t start = 0; start < n; start += len) {
            for (std::size_t k = 0; k < len / 2; ++k) {
                const Complex w = twiddle[k * stride];
                const Complex u = a[start + k];
                const Complex v = a[start + k + len / 2] * w;
                a[start + k] = u + v;
                a[start + k + len / 2] = u - v;
            }
        }
    }
}

double hann(int i, int n) {
    return n <= 1 ? 1.0 : 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * i / (n - 1));
}

/// Power (|X|^2) of the Hann-windowed x, bins 0 .. size/2.
std::vector<double> powerSpectrum(const float* x, int n, int size) {
    std::vector<Complex> a(static_cast<std::size_t>(size));
    for (int i = 0; i < n; ++i) a[static_cast<std::size_t>(i)] = x[i] * hann(i, n);
    fft(a);
    std::vector<double> p(static_cast<std::size_t>(size / 2 + 1));
    for (std::size_t k = 0; k < p.size(); ++k) p[k] = std::norm(a[k]);
    return p;
}

struct Meter {
    ebur128_state* state = nullptr;
    Meter(double rate, int mode) {
        state = ebur128_init(2, static_cast<unsigned long>(std::lround(rate)), mode);
    }
    ~Meter() { ebur128_destroy(&state); }
    Meter(const Meter&) = delete;
    Meter& operator=(const Meter&) = delete;

    void add(const float* left, const float* right, int frames) {
        std::vector<float> interleaved(2 * static_cast<std::size_t>(frames));
        for (int i = 0; i < frames; ++i) {
            interleaved[2 * static_cast<std::size_t>(i)] = left[i];
            interleaved[2 * static_cast<std::size_t>(i) + 1] = right[i];
        }
        ebur128_add_frames_float(state, interleaved.data(), static_cast<std::size_t>(frames));
    }
};

double toLufs(double value) {
    return std::isfinite(value) ? value : -std::numeric_limits<double>::infinity();
}

}  // namespace

int spectrumSize(int n) {
    int size = 1;
    while (size < n) size *= 2;
    return size;
}

std::vector<double> magnitudeSpectrum(const float* x, int n) {
    auto p = powerSpectrum(x, n, spectrumSize(n));
    for (auto& v : p) v = std::sqrt(v);
    return p;
}

double peakFrequency(const float* x, int n, double rate, double minHz) {
    const int size = spectrumSize(n);
    const auto mag = magnitudeSpectrum(x, n);
    const double binHz = rate / size;
    const auto first = static_cast<std::size_t>(std::max(1.0, std::ceil(minHz / binHz)));
    std::size_t best = first;
    for (std::size_t k = first; k + 1 < mag.size(); ++k)
        if (mag[k] > mag[best]) best = k;
    double offset = 0.0;
    if (best > 0 && best + 1 < mag.size() && mag[best - 1] > 0 && mag[best + 1] > 0) {
        const double a = std::log(mag[best - 1]), b = std::log(mag[best]),
                     c = std::log(mag[best + 1]);
        const double denominator = a - 2 * b + c;
        if (denominator != 0.0) offset = 0.5 * (a - c) / denominator;
    }
    return (static_cast<double>(best) + offset) * binHz;
}

double spectralCentroid(const float* x, int n, double rate) {
    const int size = spectrumSize(n);
    const auto mag = magnitudeSpectrum(x, n);
    double weighted = 0.0, total = 0.0;
    for (std::size_t k = 1; k < mag.size(); ++k) {
        weighted += mag[k] * static_cast<double>(k) * rate / size;
        total += mag[k];
    }
    return total > 0.0 ? weighted / total : 0.0;
}

double spectralSlopeDbPerOctave(const float* x, int n, double rate, double loHz, double hiHz) {
    constexpr int kSegment = 8192;
    std::vector<double> psd(kSegment / 2 + 1, 0.0);
    int segments = 0;
    for (int start = 0; start + kSegment <= n; start += kSegment / 2, ++segments) {
        const auto p = powerSpectrum(x + start, kSegment, kSegment);
        for (std::size_t k = 0; k < psd.size(); ++k) psd[k] += p[k];
    }
    if (segments == 0) return std::numeric_limits<double>::quiet_NaN();
    const double binHz = rate / kSegment;
    // Third-octave bands; least squares of band-mean PSD (dB) on log2 f.
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    int bands = 0;
    for (double lo = loHz; lo * std::exp2(1.0 / 3.0) <= hiHz * 1.0001; lo *= std::exp2(1.0 / 3.0)) {
        const double hi = lo * std::exp2(1.0 / 3.0);
        double sum = 0.0;
        int bins = 0;
        for (auto k = static_cast<std::size_t>(std::ceil(lo / binHz));
             k * binHz < hi && k < psd.size(); ++k) {
            sum += psd[k];
            ++bins;
        }
        if (bins == 0 || sum <= 0.0) continue;
        const double fx = std::log2(std::sqrt(lo * hi));
        const double fy = 10.0 * std::log10(sum / bins);
        sx += fx;
        sy += fy;
        sxx += fx * fx;
        sxy += fx * fy;
        ++bands;
    }
    if (bands < 2) return std::numeric_limits<double>::quiet_NaN();
    return (bands * sxy - sx * sy) / (bands * sxx - sx * sx);
}

double highBandPowerDb(const float* x, int n, double rate, double cutoffHz) {
    const int size = spectrumSize(n);
    const auto p = powerSpectrum(x, n, size);
    double high = 0.0, total = 0.0;
    for (std::size_t k = 1; k < p.size(); ++k) {
        total += p[k];
        if (static_cast<double>(k) * rate / size >= cutoffHz) high += p[k];
    }
    if (total <= 0.0) return -std::numeric_limits<double>::infinity();
    return high > 0.0 ? 10.0 * std::log10(high / total) : -std::numeric_limits<double>::infinity();
}

double worstHighBandPowerDb(const float* x, int n, double rate, double cutoffHz, int window) {
    double worst = -std::numeric_limits<double>::infinity();
    for (int start = 0; start + window <= n; start += window)
        worst = std::max(worst, highBandPowerDb(x + start, window, rate, cutoffHz));
    return worst;
}

double rms(const float* x, int n) {
    if (n <= 0) return 0.0;
    double sum = 0.0;
    for (int i = 0; i < n; ++i) sum += static_cast<double>(x[i]) * x[i];
    return std::sqrt(sum / n);
}

double rmsDbfs(const float* x, int n) {
    const double r = rms(x, n);
    return r > 0.0 ? 20.0 * std::log10(r) : -std::numeric_limits<double>::infinity();
}

double mean(const float* x, int n) {
    if (n <= 0) return 0.0;
    double sum = 0.0;
    for (int i = 0; i < n; ++i) sum += x[i];
    return sum / n;
}

double maxAbs(const float* x, int n) {
    double m = 0.0;
    for (int i = 0; i < n; ++i) m = std::max(m, std::abs(static_cast<double>(x[i])));
    return m;
}

double maxAbsStep(const float* x, int n) {
    double m = 0.0;
    for (int i = 0; i + 1 < n; ++i) m = std::max(m, std::abs(static_cast<double>(x[i + 1]) - x[i]));
    return m;
}

std::vector<double> windowedRms(const float* x, int n, int window) {
    std::vector<double> out;
    for (int start = 0; window > 0 && start + window <= n; start += window)
        out.push_back(rms(x + start, window));
    return out;
}

double truePeakDbTp(const float* left, const float* right, int frames, double rate) {
    Meter meter(rate, EBUR128_MODE_TRUE_PEAK);
    meter.add(left, right, frames);
    double peak = 0.0;
    for (unsigned ch = 0; ch < 2; ++ch) {
        double p = 0.0;
        ebur128_true_peak(meter.state, ch, &p);
        peak = std::max(peak, p);
    }
    return peak > 0.0 ? 20.0 * std::log10(peak) : -std::numeric_limits<double>::infinity();
}

double integratedLufs(const float* left, const float* right, int frames, double rate) {
    Meter meter(rate, EBUR128_MODE_I);
    meter.add(left, right, frames);
    double lufs = 0.0;
    ebur128_loudness_global(meter.state, &lufs);
    return toLufs(lufs);
}

double shortTermLufsMax(const float* left, const float* right, int frames, double rate) {
    Meter meter(rate, EBUR128_MODE_S);
    const int hop = static_cast<int>(std::lround(rate * 0.1));
    double best = -std::numeric_limits<double>::infinity();
    for (int done = 0; done < frames; done += hop) {
        const int n = std::min(hop, frames - done);
        meter.add(left + done, right + done, n);
        if (done + n < static_cast<int>(rate * 3.0)) continue;  // a full window first
        double lufs = 0.0;
        if (ebur128_loudness_shortterm(meter.state, &lufs) == EBUR128_SUCCESS)
            best = std::max(best, toLufs(lufs));
    }
    return best;
}

double shortTermLufsAt(const float* left, const float* right, int frames, double rate,
                       double seconds) {
    const int end = std::clamp(static_cast<int>(std::lround(seconds * rate)), 0, frames);
    Meter meter(rate, EBUR128_MODE_S);
    meter.add(left, right, end);
    double lufs = 0.0;
    ebur128_loudness_shortterm(meter.state, &lufs);
    return toLufs(lufs);
}

int countNonFinite(const float* x, int n) {
    int count = 0;
    for (int i = 0; i < n; ++i) count += std::isfinite(x[i]) ? 0 : 1;
    return count;
}

int countSubnormal(const float* x, int n) {
    int count = 0;
    for (int i = 0; i < n; ++i) count += std::fpclassify(x[i]) == FP_SUBNORMAL ? 1 : 0;
    return count;
}

}  // namespace stillpoint::test
