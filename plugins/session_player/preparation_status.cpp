#include "preparation_status.hpp"

namespace stillpoint::plugin {

std::string preparationStatus(const PreparationProgress& progress, bool waitingForNarration) {
    switch (progress.phase) {
        case PreparationPhase::Narrating:
            if (progress.linesTotal <= 0) return {};
            return std::string(waitingForNarration ? "waiting for the voice: "
                                                   : "preparing the voice: ") +
                   std::to_string(progress.linesReady) + " of " +
                   std::to_string(progress.linesTotal) + " lines";
        case PreparationPhase::Calibrating:
            return progress.linesTotal > 0 ? "measuring the loudness" : "";
        case PreparationPhase::Ready:
        case PreparationPhase::Failed:
            return {};
    }
    return {};
}

}  // namespace stillpoint::plugin
