// The plugin's processBlock, loaded as a host loads it, under the allocation
// and lock trap of tests/realtime: every heap allocation, free and mutex lock
// the audio thread makes while the host's processBlock runs is counted, with
// its call stack. Through automation of every parameter, transport jumps, a
// stopped transport and session changes, none may come from inside
// StillpointProcessor::processBlock (found by its address in the loaded
// bundle). What JUCE's own VST3 layers do around it is measured and pinned
// down here, so a change there shows.
#include <dlfcn.h>
#include <execinfo.h>
#include <gtest/gtest.h>
#include <link.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <thread>
#include <utility>
#include <vector>

#include "host_fixture.hpp"
#include "realtime_guard.hpp"

namespace stillpoint::plugin::test {
namespace {

using stillpoint::test::RealtimeGuard;
using stillpoint::test::ViolationStack;

/// Address ranges in this process: a function's hot and cold parts, or a
/// loaded library's segments.
struct CodeRanges {
    std::vector<std::pair<std::uintptr_t, std::uintptr_t>> parts;
    bool contains(const void* address) const {
        const auto a = reinterpret_cast<std::uintptr_t>(address);
        for (const auto& [begin, end] : parts)
            if (a >= begin && a < end) return true;
        return false;
    }
    bool containsAny(const ViolationStack& stack) const {
        for (int f = 0; f < stack.depth; ++f)
            if (contains(stack.frames[f])) return true;
        return false;
    }
};

/// The load address and loaded segments of the library called `fileName`.
struct LoadedLibrary {
    std::uintptr_t base = 0;
    CodeRanges segments;
};

LoadedLibrary loaded(const char* fileName) {
    struct Search {
        const char* name;
        LoadedLibrary found;
    } search{fileName, {}};
    dl_iterate_phdr(
        [](dl_phdr_info* info, std::size_t, void* data) {
            auto* s = static_cast<Search*>(data);
            if (!juce::String(info->dlpi_name).endsWith(juce::String("/") + s->name)) return 0;
            s->found.base = info->dlpi_addr;
            for (int i = 0; i < info->dlpi_phnum; ++i)
                if (info->dlpi_phdr[i].p_type == PT_LOAD) {
                    const auto begin = info->dlpi_addr + info->dlpi_phdr[i].p_vaddr;
                    s->found.segments.parts.emplace_back(begin, begin + info->dlpi_phdr[i].p_memsz);
                }
            return 0;
        },
        &search);
    return search.found;
}

/// The address ranges of the symbols whose demangled names start with `name`
/// in the loaded `library` (read with nm: the bundle keeps its symbol table).
CodeRanges rangesOf(const juce::File& library, const juce::String& name) {
    CodeRanges range;
    const std::uintptr_t base = loaded(library.getFileName().toRawUTF8()).base;
    if (base == 0) return range;
    const auto command = "nm -C -S --defined-only " + library.getFullPathName().quoted();
    if (FILE* nm = popen(command.toRawUTF8(), "r")) {
        char line[4096];
        while (std::fgets(line, sizeof line, nm) != nullptr) {
            const auto text = juce::String(line).trim();
            const auto parts = juce::StringArray::fromTokens(text, " ", "");
            if (parts.size() < 4) continue;
            const auto symbol = text.fromFirstOccurrenceOf(parts[2] + " ", false, false);
            if (!symbol.startsWith(name)) continue;
            const auto begin = base + static_cast<std::uintptr_t>(parts[0].getHexValue64());
            range.parts.emplace_back(begin,
                                     begin + static_cast<std::uintptr_t>(parts[1].getHexValue64()));
        }
        pclose(nm);
    }
    return range;
}

const char* kindName(ViolationStack::Kind kind) {
    switch (kind) {
        case ViolationStack::Kind::Allocation:
            return "allocation";
        case ViolationStack::Kind::Free:
            return "free";
        case ViolationStack::Kind::Lock:
            return "lock";
    }
    return "?";
}

/// A readable stack: each frame as `file(function+offset)` (backtrace_symbols).
std::string describe(const ViolationStack& stack) {
    std::string text = kindName(stack.kind);
    char** symbols = backtrace_symbols(stack.frames, stack.depth);
    for (int i = 0; i < stack.depth && symbols != nullptr; ++i)
        text += std::string("\n    ") + symbols[i];
    std::free(symbols);
    return text;
}

/// Violations sorted by whose code made them.
struct Tally {
    long ours = 0;               ///< with StillpointProcessor::processBlock on the stack
    long bundleLocks = 0;        ///< other locks inside the bundle: JUCE's VST3 wrapper
    long bundleAllocations = 0;  ///< other allocations or frees inside the bundle
    long hostOnly = 0;           ///< only in the hosting code (this executable's JUCE)
    std::string ourStacks, bundleAllocationStacks;
};

TEST(Realtime, ProcessBlockOfOursNeverAllocatesFreesOrLocks) {
    const juce::File bundle(STILLPOINT_VST3_PATH);
    const auto library = bundle.getChildFile("Contents/x86_64-linux/Stillpoint.so");
    auto plugin = loadPlugin();
    ASSERT_NE(plugin, nullptr);
    const CodeRanges ours = rangesOf(
        library, "stillpoint::plugin::StillpointProcessor::processBlock(juce::AudioBuffer<float>&");
    ASSERT_FALSE(ours.parts.empty())
        << "StillpointProcessor::processBlock not found in " << library.getFullPathName();
    const CodeRanges inBundle = loaded(library.getFileName().toRawUTF8()).segments;
    ASSERT_FALSE(inBundle.parts.empty());

    constexpr double kRate = 48000.0;
    constexpr int kMaxBlock = 512;
    plugin->prepareToPlay(kRate, kMaxBlock);
    const auto state =
        stateWithSession(*plugin, "spoken.yaml", hostedSession("spoken-session.yaml"));
    plugin->setStateInformation(state.getData(), static_cast<int>(state.getSize()));
    TestPlayHead head;
    plugin->setPlayHead(&head);
    juce::AudioBuffer<float> buffer(3, kMaxBlock);
    juce::MidiBuffer midi;
    const auto& parameters = plugin->getParameters();
    juce::AudioProcessorParameter* session = nullptr;
    for (auto* p : parameters)
        if (p->getName(64) == "Session") session = p;
    ASSERT_NE(session, nullptr);

    std::mt19937 random(23);
    long blocks = 0, changes = 0;
    Tally tally;
    const auto runFor = [&](int count, bool automate) {
        for (int i = 0; i < count; ++i) {
            if (automate) {  // a host's automation, between blocks
                auto* p = parameters[static_cast<int>(random() %
                                                      static_cast<unsigned>(parameters.size()))];
                if (p != session && p != plugin->getBypassParameter()) {
                    p->setValue(std::uniform_real_distribution<float>()(random));
                    ++changes;
                }
            }
            const int frames = 1 + static_cast<int>(random() % kMaxBlock);
            buffer.setSize(3, frames, false, false, true);
            stillpoint::test::ViolationStacks stacks;
            {
                RealtimeGuard guard(true);
                plugin->processBlock(buffer, midi);
                stacks = guard.stacks();
            }
            ++blocks;
            for (int s = 0; s < stacks.count; ++s) {
                const auto& stack = stacks.stacks[s];
                if (ours.containsAny(stack)) {
                    ++tally.ours;
                    if (tally.ourStacks.size() < 8000) tally.ourStacks += describe(stack) + "\n";
                } else if (!inBundle.containsAny(stack)) {
                    ++tally.hostOnly;
                } else if (stack.kind == ViolationStack::Kind::Lock) {
                    ++tally.bundleLocks;
                } else {
                    ++tally.bundleAllocations;
                    if (tally.bundleAllocationStacks.size() < 8000)
                        tally.bundleAllocationStacks += describe(stack) + "\n";
                }
            }
            if (head.playing) head.sample += frames;
            // A device's period passes; the worker builds relocations meanwhile.
            std::this_thread::sleep_for(std::chrono::microseconds(500));
        }
    };

    runFor(400, true);                                   // automation, playing from the start
    head.sample = static_cast<juce::int64>(12 * kRate);  // a jump forward
    runFor(400, true);
    head.sample = static_cast<juce::int64>(2 * kRate);  // a loop back
    runFor(300, true);
    head.playing = false;  // stopped
    runFor(100, true);
    head.playing = true;
    session->setValueNotifyingHost(session->getValueForText(session->getText(0.5f, 64)));
    juce::MessageManager::getInstance()->runDispatchLoopUntil(
        200);  // the processor's timer installs it
    runFor(600, true);
    plugin->setStateInformation(state.getData(),
                                static_cast<int>(state.getSize()));  // spoken again
    runFor(600, false);

    // Our processBlock (and all it calls) never allocates, frees or locks.
    EXPECT_EQ(tally.ours, 0) << tally.ourStacks;
    // Around it, JUCE's VST3 wrapper in the bundle only locks: the processor's
    // callback lock once per block (JuceVST3Component::processAudio), and the
    // parameter's listener lock when it applies a host's automation
    // (AudioProcessorParameter::sendValueChangedMessageToListeners).
    EXPECT_EQ(tally.bundleAllocations, 0) << tally.bundleAllocationStacks;
    EXPECT_GE(tally.bundleLocks, blocks);  // the trap does see the bundle's calls
    EXPECT_LE(tally.bundleLocks, blocks + 2 * changes);
    RecordProperty("blocks", static_cast<int>(blocks));
    RecordProperty("automation_changes", static_cast<int>(changes));
    RecordProperty("bundle_locks", static_cast<int>(tally.bundleLocks));
    RecordProperty("host_only", static_cast<int>(tally.hostOnly));
    std::printf(
        "%ld blocks, %ld automation changes: %ld locks in JUCE's VST3 wrapper, %ld "
        "allocations/frees/locks in the hosting code, none in StillpointProcessor\n",
        blocks, changes, tally.bundleLocks, tally.hostOnly);
}

}  // namespace
}  // namespace stillpoint::plugin::test
