// RealtimeGuard: counts heap allocations, frees and mutex locks made by the
// current thread while a guard is alive. It works by interposing malloc,
// free and pthread_mutex_lock in this test executable (operator new and
// std::mutex go through them), so it sees allocations from any library.
#pragma once

namespace stillpoint::test {

struct RealtimeViolations {
    long allocations = 0;
    long frees = 0;
    long locks = 0;
    long total() const { return allocations + frees + locks; }
};

class RealtimeGuard {
public:
    RealtimeGuard();
    ~RealtimeGuard();
    RealtimeGuard(const RealtimeGuard&) = delete;
    RealtimeGuard& operator=(const RealtimeGuard&) = delete;
    /// What this thread did since the guard was made.
    RealtimeViolations violations() const;
};

}  // namespace stillpoint::test
