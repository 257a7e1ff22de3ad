#include "server_thread_guard.hpp"

#include <pthread.h>
#include <unistd.h>

#include <atomic>
#include <exception>

namespace stillpoint::cli::live {
namespace {

std::atomic<bool> gEnded{false};
pthread_t gControlThread;
std::terminate_handler gPrevious = nullptr;

[[noreturn]] void onTerminate() {
    const bool controlThread = pthread_equal(pthread_self(), gControlThread) != 0;
    if (controlThread || std::current_exception() || !gPrevious) {
        if (gPrevious) gPrevious();
        std::abort();
    }
    gEnded.store(true, std::memory_order_release);
    // Never returns and never unwinds: whoever joins this thread waits with it,
    // and the player abandons that stream without joining.
    for (;;) ::pause();
}

}  // namespace

ServerThreadGuard::ServerThreadGuard() {
    gControlThread = pthread_self();
    gEnded.store(false);
    gPrevious = std::set_terminate(onTerminate);
}

ServerThreadGuard::~ServerThreadGuard() {
    std::set_terminate(gPrevious);
}

bool ServerThreadGuard::serverThreadEnded() noexcept {
    return gEnded.load(std::memory_order_acquire);
}

}  // namespace stillpoint::cli::live
