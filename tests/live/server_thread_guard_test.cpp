// The guard against a dying server's thread: a terminate without an
// exception on a thread the player did not start parks that thread and flags
// the loss; on the control thread, or with an exception in flight, terminate
// still ends the process.
#include "live/server_thread_guard.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <exception>
#include <stdexcept>
#include <thread>

namespace stillpoint::cli::live {
namespace {

bool waitForLoss(std::chrono::milliseconds limit) {
    const auto end = std::chrono::steady_clock::now() + limit;
    while (!ServerThreadGuard::serverThreadEnded() && std::chrono::steady_clock::now() < end)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return ServerThreadGuard::serverThreadEnded();
}

TEST(ServerThreadGuard, AForeignThreadsTerminateParksItAndFlagsTheLoss) {
    EXPECT_EXIT(
        {
            const ServerThreadGuard guard;
            // Detached, like the audio library's own threads: never joined.
            std::thread([] { std::terminate(); }).detach();
            std::_Exit(waitForLoss(std::chrono::seconds(5)) ? 5 : 1);
        },
        testing::ExitedWithCode(5), "");
}

TEST(ServerThreadGuard, TheControlThreadsTerminateStillAborts) {
    EXPECT_DEATH(
        {
            const ServerThreadGuard guard;
            std::terminate();
        },
        "");
}

TEST(ServerThreadGuard, AnExceptionEscapingAForeignThreadStillAborts) {
    EXPECT_DEATH(
        {
            const ServerThreadGuard guard;
            std::thread([] { throw std::runtime_error("a real bug"); }).join();
            std::_Exit(0);
        },
        "a real bug");
}

TEST(ServerThreadGuard, NothingIsFlaggedWithoutATerminate) {
    const ServerThreadGuard guard;
    EXPECT_FALSE(ServerThreadGuard::serverThreadEnded());
}

}  // namespace
}  // namespace stillpoint::cli::live
