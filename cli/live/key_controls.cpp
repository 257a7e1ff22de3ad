#include "key_controls.hpp"

#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <atomic>

namespace stillpoint::cli::live {

namespace {

// Saved for the signal handler; written before raw mode starts.
termios gSaved{};
std::atomic<bool> gRaw{false};

}  // namespace

void restoreTerminalNow() noexcept {
    if (gRaw.exchange(false)) ::tcsetattr(STDIN_FILENO, TCSANOW, &gSaved);
}

KeyControls::KeyControls() {
    if (!::isatty(STDIN_FILENO) || ::tcgetattr(STDIN_FILENO, &gSaved) != 0) return;
    termios raw = gSaved;
    raw.c_lflag &= static_cast<tcflag_t>(~(ICANON | ECHO));  // ISIG stays: Ctrl-C is SIGINT
    raw.c_cc[VMIN] = 0;
    raw.c_cc[VTIME] = 0;
    if (::tcsetattr(STDIN_FILENO, TCSANOW, &raw) != 0) return;
    gRaw = true;
    active_ = true;
}

KeyControls::~KeyControls() {
    restoreTerminalNow();
}

std::vector<LiveRequest> KeyControls::poll() {
    if (!active_) return {};
    pollfd fd{STDIN_FILENO, POLLIN, 0};
    char buffer[64];
    while (::poll(&fd, 1, 0) > 0 && (fd.revents & POLLIN)) {
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0) break;
        pending_.append(buffer, static_cast<std::size_t>(n));
    }
    return mapKeys(pending_);
}

std::vector<LiveRequest> mapKeys(std::string& bytes) {
    std::vector<LiveRequest> out;
    std::size_t i = 0;
    while (i < bytes.size()) {
        const char c = bytes[i];
        if (c == '\x1b') {  // ESC [ A / ESC [ B: arrows; anything else after ESC is dropped
            if (i + 2 >= bytes.size()) break;  // wait for the rest
            if (bytes[i + 1] == '[' && bytes[i + 2] == 'A') out.push_back({LiveAction::LayerUp});
            if (bytes[i + 1] == '[' && bytes[i + 2] == 'B') out.push_back({LiveAction::LayerDown});
            i += 3;
            continue;
        }
        ++i;
        switch (c) {
            case ' ':
                out.push_back({LiveAction::TogglePause});
                break;
            case 'h':
                out.push_back({LiveAction::ToggleHold});
                break;
            case 'n':
                out.push_back({LiveAction::Next});
                break;
            case 'p':
                out.push_back({LiveAction::Previous});
                break;
            case '-':
                out.push_back({LiveAction::Slower});
                break;
            case '+':
            case '=':
                out.push_back({LiveAction::Faster});
                break;  // '=' is '+' without shift
            case 'g':
                out.push_back({LiveAction::Grounding});
                break;
            case 'b':
                out.push_back({LiveAction::NextPattern});
                break;
            case 'q':
                out.push_back({LiveAction::Stop});
                break;
            case '\n':
            case '\r':
            case 'c':
                out.push_back({LiveAction::Continue});
                break;
            default:
                if (c >= '1' && c <= '6')
                    out.push_back({LiveAction::SelectLayer, static_cast<LayerId>(c - '1')});
                break;
        }
    }
    bytes.erase(0, i);
    return out;
}

}  // namespace stillpoint::cli::live
