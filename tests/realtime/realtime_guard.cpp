#include "realtime_guard.hpp"

#include <dlfcn.h>
#include <execinfo.h>
#include <pthread.h>

#include <cstddef>

extern "C" {
void* __libc_malloc(std::size_t);
void* __libc_calloc(std::size_t, std::size_t);
void* __libc_realloc(void*, std::size_t);
void* __libc_memalign(std::size_t, std::size_t);
void __libc_free(void*);
}

namespace {

thread_local bool tGuarded = false;
thread_local stillpoint::test::RealtimeViolations tCounts;
thread_local bool tRecording = false;
thread_local bool tInRecord = false;  // backtrace() may allocate the first time
thread_local stillpoint::test::ViolationStacks tStacks;

void record(stillpoint::test::ViolationStack::Kind kind) {
    if (!tRecording || tInRecord || tStacks.count >= stillpoint::test::ViolationStacks::kMax)
        return;
    tInRecord = true;
    auto& stack = tStacks.stacks[tStacks.count++];
    stack.kind = kind;
    stack.depth = backtrace(stack.frames, stillpoint::test::ViolationStack::kMaxFrames);
    tInRecord = false;
}

void countAllocation() {
    if (!tGuarded) return;
    ++tCounts.allocations;
    record(stillpoint::test::ViolationStack::Kind::Allocation);
}

using MutexLockFn = int (*)(pthread_mutex_t*);
MutexLockFn realMutexLock() {
    static MutexLockFn fn = reinterpret_cast<MutexLockFn>(dlsym(RTLD_NEXT, "pthread_mutex_lock"));
    return fn;
}
// Resolve before any guard exists: dlsym may itself allocate or lock.
const bool kResolved = realMutexLock() != nullptr;

}  // namespace

extern "C" {
void* malloc(std::size_t n) {
    countAllocation();
    return __libc_malloc(n);
}
void* calloc(std::size_t n, std::size_t size) {
    countAllocation();
    return __libc_calloc(n, size);
}
void* realloc(void* p, std::size_t n) {
    countAllocation();
    return __libc_realloc(p, n);
}
void* aligned_alloc(std::size_t alignment, std::size_t n) {
    countAllocation();
    return __libc_memalign(alignment, n);
}
int posix_memalign(void** out, std::size_t alignment, std::size_t n) {
    countAllocation();
    *out = __libc_memalign(alignment, n);
    return *out ? 0 : 12;  // ENOMEM
}
void free(void* p) {
    if (tGuarded && p) {
        ++tCounts.frees;
        record(stillpoint::test::ViolationStack::Kind::Free);
    }
    __libc_free(p);
}
int pthread_mutex_lock(pthread_mutex_t* m) {
    if (tGuarded) {
        ++tCounts.locks;
        record(stillpoint::test::ViolationStack::Kind::Lock);
    }
    return realMutexLock()(m);
}
}

namespace stillpoint::test {

RealtimeGuard::RealtimeGuard(bool recordStacks) {
    (void)kResolved;
    if (recordStacks) {
        void* warm[1];
        backtrace(warm, 1);  // loads the unwinder now, unguarded
    }
    tCounts = {};
    tStacks.count = 0;
    tRecording = recordStacks;
    tGuarded = true;
}
RealtimeGuard::~RealtimeGuard() {
    tGuarded = false;
    tRecording = false;
}
RealtimeViolations RealtimeGuard::violations() const {
    return tCounts;
}
const ViolationStacks& RealtimeGuard::stacks() const {
    return tStacks;
}

}  // namespace stillpoint::test
