#include "stop_signals.hpp"

#include <unistd.h>

#include <atomic>
#include <csignal>

#include "key_controls.hpp"

namespace stillpoint::cli::live {
namespace {

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};
std::atomic<int> gCount{0};
struct sigaction gPrevious[3];

extern "C" void onStopSignal(int) {
    if (gCount.fetch_add(1) >= 1) {
        restoreTerminalNow();
        ::_exit(130);
    }
}

}  // namespace

StopSignals::StopSignals() {
    gCount = 0;
    struct sigaction action {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    for (int i = 0; i < 3; ++i) ::sigaction(kSignals[i], &action, &gPrevious[i]);
}

StopSignals::~StopSignals() {
    for (int i = 0; i < 3; ++i) ::sigaction(kSignals[i], &gPrevious[i], nullptr);
}

bool StopSignals::requested() noexcept {
    return gCount.load() > 0;
}

}  // namespace stillpoint::cli::live
