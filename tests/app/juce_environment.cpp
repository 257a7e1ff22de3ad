// JUCE's message manager for the app's test programs: the processor starts a
// timer, the window's controls post their clicks. Created when the tests run
// (not when ctest lists them) and gone before the program ends.
#include <gtest/gtest.h>
#include <juce_events/juce_events.h>

#include <memory>

namespace {

class JuceEnvironment : public ::testing::Environment {
  public:
    void SetUp() override { juce_ = std::make_unique<juce::ScopedJuceInitialiser_GUI>(); }
    void TearDown() override { juce_.reset(); }

  private:
    std::unique_ptr<juce::ScopedJuceInitialiser_GUI> juce_;
};

[[maybe_unused]] const auto* const kJuce = ::testing::AddGlobalTestEnvironment(new JuceEnvironment);

}  // namespace
