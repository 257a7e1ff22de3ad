// RealtimeGuard: counts heap allocations, frees and mutex locks made by the
// current thread while a guard is alive. It works by interposing malloc,
// free and pthread_mutex_lock in this test executable (operator new and
// std::mutex go through them), so it sees allocations from any library.
// On request it also keeps the call stack (return addresses) of the first
// few, so a test can tell whose code made them.
#pragma once

namespace stillpoint::test {

struct ViolationStack {
    enum class Kind { Allocation, Free, Lock };
    static constexpr int kMaxFrames = 32;
    Kind kind = Kind::Allocation;
    void* frames[kMaxFrames] = {};
    int depth = 0;
};

/// The stacks a recording guard kept, at most kMax of them.
struct ViolationStacks {
    static constexpr int kMax = 16;
    ViolationStack stacks[kMax];
    int count = 0;
};

struct RealtimeViolations {
    long allocations = 0;
    long frees = 0;
    long locks = 0;
    long total() const { return allocations + frees + locks; }
};

class RealtimeGuard {
  public:
    /// `recordStacks`: also keep the first violations' call stacks.
    explicit RealtimeGuard(bool recordStacks = false);
    ~RealtimeGuard();
    RealtimeGuard(const RealtimeGuard&) = delete;
    RealtimeGuard& operator=(const RealtimeGuard&) = delete;
    /// What this thread did since the guard was made.
    RealtimeViolations violations() const;
    /// The call stacks kept (recording guards only).
    const ViolationStacks& stacks() const;
};

}  // namespace stillpoint::test
