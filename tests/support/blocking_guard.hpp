// Tests of readers that must never block: a FIFO to name in place of a file,
// and a time limit that turns a hang into a failure instead of a stuck suite.
#pragma once

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <string>

namespace stillpoint::test {

/// A named pipe with no writer, removed after.
class TestFifo {
  public:
    explicit TestFifo(std::filesystem::path path) : path_(std::move(path)) {
        std::filesystem::remove(path_);
        if (::mkfifo(path_.c_str(), 0600) != 0) ADD_FAILURE() << "cannot make " << path_;
    }
    ~TestFifo() { std::filesystem::remove(path_); }
    TestFifo(const TestFifo&) = delete;
    TestFifo& operator=(const TestFifo&) = delete;
    const std::filesystem::path& path() const { return path_; }

    /// Opens and closes the writing end: a reader stuck in open() or read() returns.
    void release() const {
        const int fd = ::open(path_.c_str(), O_WRONLY | O_NONBLOCK);
        if (fd >= 0) ::close(fd);
    }

  private:
    std::filesystem::path path_;
};

/// `read()` run with a limit of `seconds`: past it, a failure is recorded and
/// the FIFO released so the test ends, with whatever the reader returns then.
template <typename Read>
auto returnsPromptly(const TestFifo& fifo, Read&& read, double seconds = 5.0) -> decltype(read()) {
    auto result = std::async(std::launch::async, std::forward<Read>(read));
    if (result.wait_for(std::chrono::duration<double>(seconds)) != std::future_status::ready) {
        ADD_FAILURE() << "still blocked on " << fifo.path() << " after " << seconds << " s";
        while (result.wait_for(std::chrono::milliseconds(50)) != std::future_status::ready)
            fifo.release();
    }
    return result.get();
}

}  // namespace stillpoint::test
