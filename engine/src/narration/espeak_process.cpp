#include "narration/espeak_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <string_view>

extern char** environ;

namespace stillpoint::narration {
namespace {

namespace fs = std::filesystem;

constexpr const char* kProgramName = "stillpoint-espeak";
constexpr const char* kSwitch = "STILLPOINT_ESPEAK";

bool isExecutable(const fs::path& path) {
    std::error_code error;
    return fs::is_regular_file(path, error) && ::access(path.c_str(), X_OK) == 0;
}

/// stillpoint-espeak beside the running program (where it is installed), then on PATH.
std::optional<std::string> findProgram() {
    std::error_code error;
    const fs::path self = fs::read_symlink("/proc/self/exe", error);
    if (!error && isExecutable(self.parent_path() / kProgramName))
        return (self.parent_path() / kProgramName).string();
    const char* path = std::getenv("PATH");
    std::string_view dirs = path != nullptr ? path : "";
    while (!dirs.empty()) {
        const auto colon = dirs.find(':');
        const fs::path dir(std::string(dirs.substr(0, colon)));
        if (!dir.empty() && isExecutable(dir / kProgramName)) return (dir / kProgramName).string();
        dirs = colon == std::string_view::npos ? std::string_view() : dirs.substr(colon + 1);
    }
    return std::nullopt;
}

void closeBoth(int fds[2]) {
    ::close(fds[0]);
    ::close(fds[1]);
}

}  // namespace

std::optional<std::string> enabledEspeakProgram(std::string& why) {
    const char* value = std::getenv(kSwitch);
    const std::string setting = value != nullptr ? value : "";
    if (setting.empty() || setting == "off" || setting == "0") {
        why =
            "espeak voices are off; turn them on with STILLPOINT_ESPEAK=on in your environment "
            "(it runs stillpoint-espeak, installed beside the stillpoint command)";
        return std::nullopt;
    }
    if (setting == "on" || setting == "1") {
        if (auto found = findProgram()) return found;
        why =
            "STILLPOINT_ESPEAK is on but stillpoint-espeak is neither beside this program nor "
            "on PATH; install it (built with -DSTILLPOINT_WITH_ESPEAK=ON, libespeak-ng-dev) or "
            "set STILLPOINT_ESPEAK to its path";
        return std::nullopt;
    }
    if (setting.find('/') != std::string::npos) {
        if (isExecutable(setting)) return setting;
        why = "STILLPOINT_ESPEAK names " + setting +
              ", which is not an executable file; set it to the path of stillpoint-espeak, or on";
        return std::nullopt;
    }
    why = "STILLPOINT_ESPEAK is '" + setting +
          "'; set it to on, off or the path of stillpoint-espeak";
    return std::nullopt;
}

ProcessOutput runProgram(const std::string& program, const std::vector<std::string>& arguments) {
    ProcessOutput result;
    int outPipe[2], errPipe[2];
    if (::pipe2(outPipe, O_CLOEXEC) != 0) return result;
    if (::pipe2(errPipe, O_CLOEXEC) != 0) {
        closeBoth(outPipe);
        return result;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], STDERR_FILENO);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(program.c_str()));
    for (const auto& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    pid_t child = 0;
    const int spawned =
        ::posix_spawn(&child, program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(outPipe[1]);
    ::close(errPipe[1]);
    if (spawned != 0) {
        ::close(outPipe[0]);
        ::close(errPipe[0]);
        return result;
    }
    // Both pipes at once, so a chatty stderr cannot stall the samples.
    pollfd fds[2] = {{outPipe[0], POLLIN, 0}, {errPipe[0], POLLIN, 0}};
    std::string* sinks[2] = {&result.out, &result.err};
    int open = 2;
    char buffer[65536];
    while (open > 0) {
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0) continue;
            const ssize_t got = ::read(fds[i].fd, buffer, sizeof buffer);
            if (got < 0 && errno == EINTR) continue;
            if (got <= 0) {
                ::close(fds[i].fd);
                fds[i].fd = -1;
                --open;
                continue;
            }
            sinks[i]->append(buffer, static_cast<std::size_t>(got));
        }
    }
    for (const pollfd& fd : fds)
        if (fd.fd >= 0) ::close(fd.fd);
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

}  // namespace stillpoint::narration
