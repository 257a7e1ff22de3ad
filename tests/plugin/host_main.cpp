// The host test's main: JUCE's message manager must exist (and this thread be
// its message thread) before a plugin is loaded.
#include <gtest/gtest.h>
#include <juce_events/juce_events.h>

int main(int argc, char** argv) {
    testing::InitGoogleTest(&argc, argv);
    juce::ScopedJuceInitialiser_GUI juce;
    return RUN_ALL_TESTS();
}
