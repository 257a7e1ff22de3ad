// Client profiles: what is saved is what is read back, bad files name the
// line and the fix, and saving replaces a profile whole.
#include "client_profile.hpp"

#include <gtest/gtest.h>
#include <juce_core/juce_core.h>

#include <filesystem>

namespace stillpoint::app {
namespace {

class ProfileFiles : public ::testing::Test {
  protected:
    void SetUp() override {
        folder_ = juce::File::getSpecialLocation(juce::File::tempDirectory)
                      .getNonexistentChildFile("stillpoint-profiles", "", false);
        ASSERT_TRUE(folder_.createDirectory());
    }
    void TearDown() override { folder_.deleteRecursively(); }
    std::string path(const char* name) const {
        return folder_.getChildFile(name).getFullPathName().toStdString();
    }
    juce::File folder_;
};

ClientProfile sample() {
    ClientProfile p;
    p.name = "Ana Müller";
    p.paceBpm = 5.5;
    p.resonanceBpm = 5.0;
    p.avoid = {"knees", "lower back"};
    p.voice = "flite:cmu_us_slt";
    p.haptics = false;
    p.hapticCap = 0.35;
    p.layerTrimDb = {-3.0, -6.5, 0.0, 4.0, -60.0, -12.25};
    return p;
}

TEST_F(ProfileFiles, RoundTripsEveryField) {
    const auto file = path("ana.json");
    ASSERT_EQ(saveProfile(sample(), file), "");
    const auto loaded = loadProfile(file);
    ASSERT_EQ(loaded.error, "");
    EXPECT_EQ(loaded.profile, sample());
    EXPECT_EQ(loaded.profile.avoid[1], "lower back");
    EXPECT_DOUBLE_EQ(loaded.profile.layerTrimDb[5], -12.25);
}

TEST_F(ProfileFiles, SavingReplacesTheFileWholeAndLeavesNothingBeside) {
    const auto file = path("client.json");
    ASSERT_TRUE(juce::File(file).replaceWithText(std::string(5000, 'x')));
    auto profile = sample();
    profile.paceBpm = 4.0;
    ASSERT_EQ(saveProfile(profile, file), "");
    EXPECT_EQ(loadProfile(file).profile.paceBpm, 4.0);
    EXPECT_EQ(folder_.getNumberOfChildFiles(juce::File::findFiles), 1);  // no temporary file left
}

TEST_F(ProfileFiles, AWriteProtectedProfileIsKeptAndSaysHowToSaveIt) {
    const auto file = path("kept.json");
    ASSERT_TRUE(juce::File(file).replaceWithText("{}"));
    std::filesystem::permissions(file, std::filesystem::perms::owner_read);
    EXPECT_EQ(saveProfile(sample(), file),
              file + ": is write-protected (mode 0400); make it writable with 'chmod u+w " + file +
                  "' if it may be replaced, or name another file");
    EXPECT_EQ(juce::File(file).loadFileAsString(), "{}");
}

TEST_F(ProfileFiles, FieldsLeftOutKeepTheirDefaults) {
    const auto read = profileFromJson(R"({"name": "B"})", "b.json");
    ASSERT_EQ(read.error, "");
    EXPECT_EQ(read.profile.paceBpm, 0.0);
    EXPECT_TRUE(read.profile.haptics);
    EXPECT_EQ(read.profile.hapticCap, 1.0);
    EXPECT_EQ(read.profile.layerTrimDb[1], 0.0);
}

TEST(ProfileErrors, SyntaxErrorNamesFileLineAndColumn) {
    const auto read = profileFromJson("{\n  \"name\": \"A\",\n  \"pace\" 5\n}", "a.json");
    EXPECT_EQ(read.error.rfind("a.json:3:", 0), 0u) << read.error;
    EXPECT_NE(read.error.find("fix the JSON"), std::string::npos) << read.error;
}

TEST(ProfileErrors, PaceOutOfRangeNamesItsLineAndTheRange) {
    const auto read = profileFromJson("{\n  \"name\": \"A\",\n  \"pace\": 40\n}", "a.json");
    EXPECT_EQ(read.error, "a.json:3: error: \"pace\" is 40; use 0 to 20") << read.error;
    EXPECT_EQ(read.profile, ClientProfile{});
}

TEST(ProfileErrors, ResonanceOutsideTheSafeRangeIsRefused) {
    EXPECT_EQ(profileFromJson("{\n  \"name\": \"A\",\n  \"resonance\": 3\n}", "a.json").error,
              "a.json:3: error: \"resonance\" is 3; use 0 (none) or 4.5 to 7");
    EXPECT_EQ(profileFromJson("{\n  \"resonance\": 7.5\n}", "a.json").error,
              "a.json:2: error: \"resonance\" is 7.5; use 0 to 7");
    EXPECT_EQ(profileFromJson("{\"resonance\": 6.5}", "a.json").profile.resonanceBpm, 6.5);
}

TEST(ProfileErrors, UnknownLayerListsTheLayers) {
    const auto read = profileFromJson("{\"layers\": {\"drums\": -3}}", "c.json");
    EXPECT_EQ(read.error,
              "c.json:1: error: unknown layer \"drums\"; the layers are tone, bed, bells, voice, "
              "binaural, isochronic");
}

TEST(ProfileErrors, HapticCapAboveFullIsRefused) {
    const auto read = profileFromJson("{\"haptics\": {\"on\": true,\n \"cap\": 1.5}}", "d.json");
    EXPECT_EQ(read.error, "d.json:2: error: \"cap\" is 1.5; use 0 to 1");
}

TEST(ProfileErrors, AvoidMustBeAList) {
    const auto read = profileFromJson("{\"avoid\": \"knees\"}", "e.json");
    EXPECT_NE(read.error.find("\"avoid\" must be a list"), std::string::npos) << read.error;
}

TEST(ProfileErrors, MissingFileSaysSo) {
    EXPECT_EQ(loadProfile("/nonexistent/p.json").error,
              "/nonexistent/p.json: error: no such profile file; check the path");
}

}  // namespace
}  // namespace stillpoint::app
