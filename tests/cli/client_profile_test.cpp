// Client profiles, the one file format of the therapist app and the command
// line: what is saved is what is read back, bad files name the line, the
// column and the fix, saving replaces a profile whole, and recording a
// resonance pace keeps every other field.
#include "stillpoint/client_profile.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace stillpoint {
namespace {

namespace fs = std::filesystem;

class ProfileFiles : public ::testing::Test {
  protected:
    void SetUp() override {
        folder_ = fs::temp_directory_path() /
                  ("stillpoint-profiles-" + std::to_string(::getpid()) + "-" +
                   ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(folder_);
        ASSERT_TRUE(fs::create_directories(folder_));
    }
    void TearDown() override {
        std::error_code ignored;
        fs::permissions(folder_, fs::perms::owner_all, ignored);
        fs::remove_all(folder_, ignored);
    }
    std::string path(const char* name) const { return (folder_ / name).string(); }
    static std::string read(const std::string& file) {
        std::ifstream in(file);
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    }
    static void write(const std::string& file, const std::string& text) {
        std::ofstream(file) << text;
    }
    fs::path folder_;
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
    EXPECT_NE(read(file).find("\"resonance\": 5.0"), std::string::npos) << read(file);
}

TEST_F(ProfileFiles, SavingReplacesTheFileWholeAndLeavesNothingBeside) {
    const auto file = path("client.json");
    write(file, std::string(5000, 'x'));
    auto profile = sample();
    profile.paceBpm = 4.0;
    ASSERT_EQ(saveProfile(profile, file), "");
    EXPECT_EQ(loadProfile(file).profile.paceBpm, 4.0);
    EXPECT_EQ(std::distance(fs::directory_iterator(folder_), fs::directory_iterator{}), 1);
}

TEST_F(ProfileFiles, AWriteProtectedProfileIsKeptAndSaysHowToSaveIt) {
    const auto file = path("kept.json");
    write(file, "{}");
    fs::permissions(file, fs::perms::owner_read);
    EXPECT_EQ(saveProfile(sample(), file),
              file + ": is write-protected (mode 0400); make it writable with 'chmod u+w " + file +
                  "' if it may be replaced, or name another file");
    EXPECT_EQ(saveResonanceToProfile(5.5, file).rfind(file + ": is write-protected", 0), 0u);
    EXPECT_EQ(read(file), "{}");
}

TEST_F(ProfileFiles, TheResonancePaceIsRecordedAndEveryOtherFieldKeptInItsOrder) {
    const auto file = path("ana.json");
    // Written by hand, with a field this version does not know.
    write(file, R"({"name": "Ana", "notes": "prefers the bowl", "resonance": 6.5,
 "layers": {"bed": -6}})");
    ASSERT_EQ(saveResonanceToProfile(5.5, file), "");
    EXPECT_EQ(read(file), R"({
  "name": "Ana",
  "notes": "prefers the bowl",
  "resonance": 5.5,
  "layers": {
    "bed": -6
  }
}
)");
    const auto loaded = loadProfile(file);
    ASSERT_EQ(loaded.error, "");
    EXPECT_EQ(loaded.profile.resonanceBpm, 5.5);
    EXPECT_EQ(loaded.profile.layerTrimDb[1], -6.0);
}

TEST_F(ProfileFiles, ANewProfileHoldsOnlyTheResonancePace) {
    const auto file = path("new.json");
    ASSERT_EQ(saveResonanceToProfile(4.5, file), "");
    EXPECT_EQ(read(file), "{\n  \"resonance\": 4.5\n}\n");
    EXPECT_EQ(loadProfile(file).profile.resonanceBpm, 4.5);
}

TEST_F(ProfileFiles, ABrokenProfileIsNotOverwrittenByAResonancePace) {
    const auto file = path("broken.json");
    write(file, "{\n  \"pace\": 40\n}\n");
    EXPECT_EQ(saveResonanceToProfile(5.0, file),
              file +
                  ":2:3: error: \"pace\" is 40; use 0 to 20 (the resonance pace was not "
                  "recorded)");
    EXPECT_EQ(read(file), "{\n  \"pace\": 40\n}\n");
}

TEST_F(ProfileFiles, OnlyASafeResonancePaceIsRecorded) {
    const auto file = path("unsafe.json");
    EXPECT_EQ(saveResonanceToProfile(8.0, file),
              file +
                  ": error: a resonance pace of 8 breaths/min is not recorded; a profile takes "
                  "4.5 to 7 breaths/min");
    EXPECT_FALSE(fs::exists(file));
}

TEST_F(ProfileFiles, AFileTooLargeToBeAProfileIsNamedUnread) {
    const auto file = path("huge.json");
    write(file, "{\"name\": \"" + std::string(2u << 20, 'x') + "\"}");
    EXPECT_EQ(loadProfile(file).error,
              file +
                  ": error: 2097164 bytes is no client profile (one is a small JSON file, under "
                  "1 MB); check the path");
}

TEST(ProfileText, FieldsLeftOutKeepTheirDefaults) {
    const auto read = profileFromJson(R"({"name": "B"})", "b.json");
    ASSERT_EQ(read.error, "");
    EXPECT_EQ(read.profile.paceBpm, 0.0);
    EXPECT_EQ(read.profile.resonanceBpm, 0.0);
    EXPECT_TRUE(read.profile.haptics);
    EXPECT_EQ(read.profile.hapticCap, 1.0);
    EXPECT_EQ(read.profile.layerTrimDb[1], 0.0);
}

TEST(ProfileErrors, SyntaxErrorNamesFileLineAndColumn) {
    const auto read = profileFromJson("{\n  \"name\": \"A\",\n  \"pace\" 5\n}", "a.json");
    EXPECT_EQ(read.error,
              "a.json:3:10: error: syntax error while parsing object separator - unexpected "
              "number literal; expected ':'; fix the JSON syntax there");
}

TEST(ProfileErrors, ANumberTooLargeForADoubleIsNamedNotThrown) {
    EXPECT_EQ(profileFromJson("{\n  \"resonance\": 1e400\n}", "a.json").error,
              "a.json:2:16: error: 1e400 is too large a number; write one such as 5.5");
    EXPECT_EQ(profileFromJson("{\"pace\": " + std::string(40, '9') + "e99999}", "a.json").error,
              "a.json:1:10: error: 999999999999999999999999... is too large a number; write one "
              "such as 5.5");
}

TEST(ProfileErrors, PaceOutOfRangeNamesItsLineColumnAndTheRange) {
    const auto read = profileFromJson("{\n  \"name\": \"A\",\n  \"pace\": 40\n}", "a.json");
    EXPECT_EQ(read.error, "a.json:3:3: error: \"pace\" is 40; use 0 to 20");
    EXPECT_EQ(read.profile, ClientProfile{});
}

TEST(ProfileErrors, ResonanceOutsideTheSafeRangeIsRefused) {
    const std::string right =
        "use 0 (none) or 4.5 to 7 breaths/min (`stillpoint resonance` finds it)";
    EXPECT_EQ(profileFromJson("{\n  \"name\": \"A\",\n  \"resonance\": 3\n}", "a.json").error,
              "a.json:3:3: error: \"resonance\" is 3; " + right);
    EXPECT_EQ(profileFromJson("{\n \"resonance\": 7.5\n}", "a.json").error,
              "a.json:2:2: error: \"resonance\" is 7.5; " + right);
    EXPECT_EQ(profileFromJson("{\"resonance\": \"5.5\"}", "a.json").error,
              "a.json:1:2: error: \"resonance\" must be a number; " + right);
    EXPECT_EQ(profileFromJson("{\"resonance\": 6.5}", "a.json").profile.resonanceBpm, 6.5);
    EXPECT_EQ(profileFromJson("{\"resonance\": 7}", "a.json").profile.resonanceBpm, 7.0);
}

TEST(ProfileErrors, UnknownLayerListsTheLayers) {
    const auto read = profileFromJson("{\"layers\": {\"drums\": -3}}", "c.json");
    EXPECT_EQ(read.error,
              "c.json:1:13: error: unknown layer \"drums\"; the layers are tone, bed, bells, "
              "voice, binaural, isochronic");
}

TEST(ProfileErrors, HapticCapAboveFullIsRefusedAtItsOwnLine) {
    const auto read =
        profileFromJson("{\"cap\": 0,\n \"haptics\": {\"on\": true,\n \"cap\": 1.5}}", "d.json");
    EXPECT_EQ(read.error, "d.json:3:2: error: \"cap\" is 1.5; use 0 to 1");
}

TEST(ProfileErrors, AvoidMustBeAListOfNames) {
    EXPECT_EQ(profileFromJson("{\"avoid\": \"knees\"}", "e.json").error,
              "e.json:1:2: error: \"avoid\" must be a list: [\"knees\", \"jaw\"]");
    EXPECT_EQ(profileFromJson("{\"avoid\": [\"knees\", 3]}", "e.json").error,
              "e.json:1:2: error: \"avoid\" must be a string in quotes");
}

TEST(ProfileErrors, AProfileIsAnObject) {
    EXPECT_EQ(profileFromJson("[5.5]", "f.json").error,
              "f.json:1:1: error: a profile is a JSON object: {\"name\": ..., \"resonance\": 5.5}");
}

TEST(ProfileErrors, MissingFileSaysSo) {
    EXPECT_EQ(loadProfile("/nonexistent/p.json").error,
              "/nonexistent/p.json: error: no such profile file; check the path");
}

}  // namespace
}  // namespace stillpoint
