// What a host shows about the plugin before loading it: the VST3 factory's
// categories (JUCE 7.0.5's juce_add_plugin takes every word after
// VST3_CATEGORIES up to a keyword it knows, so a stray argument once read
// "Instrument|Generator|LV2_SHARED_LIBRARY_NAME|Stillpoint") and vendor.
// The LV2 manifest's author is checked with lv2info (tests/packaging).
#include <gtest/gtest.h>

#include "host_fixture.hpp"

namespace stillpoint::plugin::test {
namespace {

TEST(PluginMetadata, Vst3CategoriesAreInstrumentAndGeneratorOnly) {
    juce::OwnedArray<juce::PluginDescription> found;
    juce::VST3PluginFormat().findAllTypesForFile(found, STILLPOINT_VST3_PATH);
    ASSERT_EQ(found.size(), 1);
    EXPECT_EQ(found[0]->category, "Instrument|Generator");
    EXPECT_EQ(found[0]->manufacturerName, "Stillpoint");
    EXPECT_EQ(found[0]->name, "Stillpoint");
    EXPECT_TRUE(found[0]->isInstrument);
}

}  // namespace
}  // namespace stillpoint::plugin::test
