#include "heart_input.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <utility>

namespace stillpoint::cli::live {
namespace {

constexpr std::size_t kMaxLineBytes = 256;
constexpr std::size_t kMaxReportedProblems = 5;

std::string noteFor(heart::FollowNote note, double paceBpm) {
    char text[160];
    switch (note) {
        case heart::FollowNote::Following:
            std::snprintf(text, sizeof text,
                          "heart: the pace follows the heart from %.2f/min (4.5-7/min, at most "
                          "0.5/min a minute)",
                          paceBpm);
            return text;
        case heart::FollowNote::StreamLost:
            return "heart: no beats for 5 s; the pace glides back to the session's own";
        case heart::FollowNote::StreamFound:
            return "heart: beats again; the pace follows the heart";
        case heart::FollowNote::HandedBack:
            return "heart: the session's own pace again";
        case heart::FollowNote::None:
            break;
    }
    return {};
}

}  // namespace

HeartInput::~HeartInput() {
    stop_.store(true);
    if (reader_.joinable()) reader_.join();
    if (fd_ >= 0) ::close(fd_);
}

bool HeartInput::open(const std::string& source, std::string& problem) {
    source_ = source;
    struct stat info {};
    if (source != "-" && ::stat(source.c_str(), &info) == 0 && S_ISREG(info.st_mode)) {
        std::FILE* file = std::fopen(source.c_str(), "rb");
        if (!file) {
            problem = "--heart " + source + ": " + std::strerror(errno);
            return false;
        }
        std::string text;
        char chunk[65536];
        for (std::size_t n; (n = std::fread(chunk, 1, sizeof chunk, file)) > 0;)
            text.append(chunk, n);
        std::fclose(file);
        heart::BeatFile beats = heart::readBeats(text, source);
        if (!beats.error.empty()) {
            problem = beats.error;
            return false;
        }
        replay_ = std::move(beats.beats);
        return true;
    }
    fd_ = source == "-" ? ::dup(STDIN_FILENO) : ::open(source.c_str(), O_RDONLY | O_NONBLOCK);
    if (fd_ < 0) {
        problem = "--heart " + source + ": " + std::strerror(errno) +
                  "; give a file, a FIFO or - (standard input) of RR intervals in ms";
        return false;
    }
    reader_ = std::thread([this] { readLive(); });
    return true;
}

void HeartInput::readLive() {
    heart::RrLineReader lines(source_ == "-" ? "stdin" : source_);
    std::string pending;
    char buffer[4096];
    while (!stop_.load()) {
        pollfd watch{fd_, POLLIN, 0};
        if (::poll(&watch, 1, 100) <= 0) continue;
        const ssize_t n = ::read(fd_, buffer, sizeof buffer);
        if (n == 0) {  // a FIFO's writer went away: wait for the next one
            ::usleep(100000);
            continue;
        }
        if (n < 0) continue;
        pending.append(buffer, static_cast<std::size_t>(n));
        for (std::size_t end; (end = pending.find('\n')) != std::string::npos;) {
            const auto result =
                lines.read(std::string_view(pending).substr(0, std::min(end, kMaxLineBytes)));
            pending.erase(0, end + 1);
            if (result.outcome == heart::RrLineReader::Outcome::Beat) {
                monitor_.pushRr(result.beat.rrMs);  // live: it counts from its arrival
            } else if (result.outcome == heart::RrLineReader::Outcome::Error) {
                std::lock_guard lock(problemsMutex_);
                if (problems_.size() < kMaxReportedProblems)
                    problems_.push_back(result.error + " (line ignored)");
            }
        }
        if (pending.size() > kMaxLineBytes) pending.clear();  // a line too long to be a beat
    }
}

void HeartInput::follow(std::shared_ptr<const Program> program, double sampleRate) {
    follower_ = std::make_unique<heart::HeartPaceFollower>(std::move(program), sampleRate);
}

void HeartInput::observe(const Event& event) {
    if (follower_) follower_->onEvent(event);
}

HeartInput::Tick HeartInput::tick(double outputSeconds) {
    Tick tick;
    for (; nextReplay_ < replay_.size() && replay_[nextReplay_].seconds <= outputSeconds;
         ++nextReplay_)
        monitor_.pushRr(replay_[nextReplay_].rrMs, replay_[nextReplay_].seconds);
    {
        std::lock_guard lock(problemsMutex_);
        tick.notes = std::exchange(problems_, {});
    }
    monitor_.update(outputSeconds);
    if (!follower_) return tick;
    const heart::FollowUpdate update = follower_->tick(outputSeconds, monitor_);
    tick.command = update.command;
    tick.note = update.note;
    tick.paceBpm = update.paceBpm;
    if (update.note != heart::FollowNote::None)
        tick.notes.push_back(noteFor(update.note, update.paceBpm));
    return tick;
}

SessionHeart HeartInput::sessionHeart() const {
    return heart::sessionHeart(monitor_.state(), follower_ ? follower_->followedBpm() : 0.0);
}

std::string HeartInput::summary() const {
    const heart::HeartState state = monitor_.state();
    char text[200];
    std::snprintf(text, sizeof text,
                  "heart: %llu beats, %llu accepted, %llu outside 300-2000 ms, %llu sudden jumps "
                  "refused%s",
                  static_cast<unsigned long long>(state.counts.total()),
                  static_cast<unsigned long long>(state.counts.accepted),
                  static_cast<unsigned long long>(state.counts.outOfRange),
                  static_cast<unsigned long long>(state.counts.jumps),
                  state.coherenceValid ? "" : "; no coherence (under 32 s of beats)");
    std::string line = text;
    if (state.coherenceValid) {
        std::snprintf(text, sizeof text, "; last coherence %.2f", state.coherence);
        line += text;
    }
    return line;
}

}  // namespace stillpoint::cli::live
