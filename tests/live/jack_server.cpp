#include "jack_server.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace stillpoint::test {
namespace {

std::atomic<int> gServers{0};

bool waitForExit(pid_t pid, std::chrono::milliseconds limit) {
    const auto end = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < end) {
        if (::waitpid(pid, nullptr, WNOHANG) == pid) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

bool anyJackServerRunning() {
    namespace fs = std::filesystem;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator("/proc", ec)) {
        std::ifstream comm(entry.path() / "comm");
        std::string name;
        if (comm >> name && (name == "jackd" || name == "jackdbg")) return true;
    }
    return false;
}

// A server killed with SIGKILL (as one test does on purpose) leaves its entry
// in JACK's shared-memory registry, and after a few of those new servers
// refuse to start ("Too many servers already active"). With no server
// running, everything JACK keeps in /dev/shm is stale: clear it.
void clearStaleJackState() {
    namespace fs = std::filesystem;
    if (anyJackServerRunning()) return;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator("/dev/shm", ec))
        if (entry.path().filename().string().rfind("jack", 0) == 0) fs::remove(entry.path(), ec);
}

}  // namespace

JackServer::JackServer(int period, int rate) {
    clearStaleJackState();
    name_ = "stillpoint-test-" + std::to_string(::getpid()) + "-" + std::to_string(gServers++);
    logPath_ = (std::filesystem::temp_directory_path() / (name_ + ".log")).string();
    const std::string periodText = std::to_string(period), rateText = std::to_string(rate);
    pid_ = ::fork();
    if (pid_ == 0) {
        const int log = ::open(logPath_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(log, 1);
        ::dup2(log, 2);
        ::setenv("JACK_NO_AUDIO_RESERVATION", "1", 1);
        ::execlp("jackd", "jackd", "-n", name_.c_str(), "--no-realtime", "-d", "dummy", "-r",
                 rateText.c_str(), "-p", periodText.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    // Ready when a client can list its ports; bounded.
    const std::string probe = environment() + " timeout 2 jack_lsp >/dev/null 2>&1";
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!ready_ && std::chrono::steady_clock::now() < end) {
        if (::waitpid(pid_, nullptr, WNOHANG) == pid_) {
            pid_ = -1;
            return;  // jackd exited: see log()
        }
        ready_ = std::system(probe.c_str()) == 0;
        if (!ready_) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

JackServer::~JackServer() {
    if (pid_ > 0) {
        ::kill(pid_, SIGTERM);
        if (!waitForExit(pid_, std::chrono::seconds(5))) {
            ::kill(pid_, SIGKILL);
            waitForExit(pid_, std::chrono::seconds(5));
        }
    }
    std::filesystem::remove(logPath_);
}

std::string JackServer::log() const {
    std::ifstream in(logPath_);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

void JackServer::kill() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    waitForExit(pid_, std::chrono::seconds(5));
    pid_ = -1;
}

}  // namespace stillpoint::test
