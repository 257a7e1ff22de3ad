// Audio measurements for the test suites: spectra, levels, loudness, steps
// and number hygiene. Plain functions on float sample arrays; nothing here is
// real-time code. Frequencies are in Hz; levels in dBFS or LUFS as named.
//
// Spectra use a Hann window and an iterative radix-2 FFT, zero-padded to the
// next power of two >= n. Loudness and true peak come from libebur128
// (the reference implementation of EBU R128 / ITU-R BS.1770).
#pragma once

#include <vector>

namespace stillpoint::test {

// ---- Spectra ----------------------------------------------------------------

/// |X[k]| for k = 0 .. N/2 of the Hann-windowed x, zero-padded to N (the next
/// power of two >= n). Bin k is at k * rate / N Hz.
std::vector<double> magnitudeSpectrum(const float* x, int n);
/// The FFT size magnitudeSpectrum() uses for n samples.
int spectrumSize(int n);
/// Frequency of the largest bin above `minHz`, refined by a parabola through
/// the log magnitudes of it and its neighbours (accurate to a small fraction
/// of a bin for a steady sine).
double peakFrequency(const float* x, int n, double rate, double minHz = 20.0);
/// Magnitude-weighted mean frequency of the Hann-windowed spectrum (DC bin
/// excluded): a measure of brightness.
double spectralCentroid(const float* x, int n, double rate);
/// Slope of the power spectral density in dB per octave between loHz and hiHz:
/// Welch-averaged PSD (8192-sample Hann segments, 50 % overlap) in third-octave
/// bands, fitted by least squares against log2(frequency). Pink noise ~ -3,
/// brown ~ -6, white 0.
double spectralSlopeDbPerOctave(const float* x, int n, double rate, double loHz, double hiHz);

/// Power above `cutoffHz` relative to the total, in dB, of the Hann-windowed x.
/// For a soft tone (nothing above a few kHz) a click shows up here as
/// broadband energy, where a step size alone cannot tell a click from a
/// steep but smooth waveform.
double highBandPowerDb(const float* x, int n, double rate, double cutoffHz);
/// The largest highBandPowerDb over consecutive windows of `window` samples.
double worstHighBandPowerDb(const float* x, int n, double rate, double cutoffHz, int window = 2048);

// ---- Levels and shape -------------------------------------------------------

double rms(const float* x, int n);
/// 20 log10(rms), -inf for silence.
double rmsDbfs(const float* x, int n);
double mean(const float* x, int n);
double maxAbs(const float* x, int n);
/// The largest |x[i+1] - x[i]|: a click shows up as a step far above the signal's own.
double maxAbsStep(const float* x, int n);
/// RMS of consecutive windows of `window` samples (a trailing partial window is dropped).
std::vector<double> windowedRms(const float* x, int n, int window);

// ---- Loudness (libebur128) --------------------------------------------------

/// True peak of a stereo signal in dBTP (EBUR128_MODE_TRUE_PEAK, max of both channels).
double truePeakDbTp(const float* left, const float* right, int frames, double rate);
/// Integrated loudness of a stereo signal in LUFS (-inf below the gate).
double integratedLufs(const float* left, const float* right, int frames, double rate);
/// The loudest short-term (3 s) loudness, in LUFS, evaluated every 100 ms.
double shortTermLufsMax(const float* left, const float* right, int frames, double rate);
/// Short-term (3 s window ending at `seconds`) loudness in LUFS.
double shortTermLufsAt(const float* left, const float* right, int frames, double rate,
                       double seconds);

// ---- Number hygiene ---------------------------------------------------------

/// How many samples are NaN or infinite.
int countNonFinite(const float* x, int n);
/// How many samples are subnormal (denormal) floats.
int countSubnormal(const float* x, int n);

}  // namespace stillpoint::test
