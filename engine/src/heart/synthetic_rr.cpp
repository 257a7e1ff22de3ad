#include "stillpoint/synthetic_rr.hpp"

#include <cmath>
#include <numbers>
#include <random>

namespace stillpoint::heart {
namespace {

constexpr double kTwoPi = 2.0 * std::numbers::pi;

class SyntheticGenerator {
  public:
    SyntheticGenerator(const SyntheticHeart& heart, const std::vector<PaceBlock>& blocks)
        : heart_(heart), blocks_(blocks), random_(heart.seed) {
        std::uniform_real_distribution<double> phase(0.0, kTwoPi);
        mayerPhase_ = phase(random_);
        restPhase_ = phase(random_);
    }

    std::vector<Beat> run(double seconds) {
        std::vector<Beat> beats;
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        std::normal_distribution<double> gauss(0.0, 1.0);
        double t = 0.0, droppedUntil = -1.0, owed = 0.0;  // owed: a missed beat's interval
        while (t < seconds) {
            drift_ = 0.98 * drift_ + heart_.drift * gauss(random_);
            // The rate at the interval's middle (half a beat at the current rate on).
            const double middle = t + 30.0 / std::max(35.0, rateAt(t));
            const double rate =
                std::max(35.0, rateAt(middle) + drift_ + heart_.noise * gauss(random_));
            double rr = 60000.0 / rate;
            if (unit(random_) <
                heart_.ectopicPerBeat) {  // early beat, then the pause that makes up for it
                emit(beats, t, 0.6 * rr, droppedUntil);
                emit(beats, t, 1.4 * rr, droppedUntil);
                continue;
            }
            if (unit(random_) < heart_.missedPerBeat) {
                owed += rr;
                t += rr / 1000.0;
                continue;
            }
            if (unit(random_) < heart_.dropoutsPerMinute * rr / 60000.0)
                droppedUntil = t + 2.0 + 4.0 * unit(random_);
            rr += owed;
            owed = 0.0;
            emit(beats, t, rr, droppedUntil);
        }
        return beats;
    }

  private:
    static void emit(std::vector<Beat>& beats, double& t, double rr, double droppedUntil) {
        t += rr / 1000.0;
        if (t > droppedUntil) beats.push_back({t, rr});
    }

    double rateAt(double t) const {
        double rate =
            heart_.baseHeartRate + heart_.mayerAmplitude * std::cos(kTwoPi * 0.1 * t + mayerPhase_);
        for (const PaceBlock& block : blocks_) {
            if (t < block.startSeconds || t >= block.endSeconds) continue;
            const double off = (block.bpm - heart_.resonanceBpm) / heart_.resonanceWidth;
            const double gain =
                heart_.amplitudeFloor + (1.0 - heart_.amplitudeFloor) * std::exp(-0.5 * off * off);
            const double fullAt = block.startSeconds + block.inhaleEndFraction * 60.0 / block.bpm;
            return rate + heart_.rsaAmplitude * gain *
                              std::cos(kTwoPi * block.bpm / 60.0 * (t - fullAt) - std::atan(off));
        }
        return rate + heart_.rsaAmplitude * heart_.amplitudeFloor *
                          std::cos(kTwoPi * heart_.restBpm / 60.0 * t + restPhase_);
    }

    const SyntheticHeart& heart_;
    const std::vector<PaceBlock>& blocks_;
    std::mt19937_64 random_;
    double mayerPhase_ = 0.0, restPhase_ = 0.0, drift_ = 0.0;
};

}  // namespace

std::vector<Beat> syntheticBeats(const SyntheticHeart& heart, const std::vector<PaceBlock>& blocks,
                                 double seconds) {
    return SyntheticGenerator(heart, blocks).run(seconds);
}

std::vector<Beat> steadyBreathingBeats(const SyntheticHeart& heart, double bpm, double seconds) {
    SyntheticHeart steady = heart;
    steady.resonanceBpm = bpm;
    return syntheticBeats(steady, {PaceBlock{bpm, 0.0, seconds, 0.5}}, seconds);
}

}  // namespace stillpoint::heart
