// `stillpoint voices` and `--voice`: both engines listed, a run's voice
// chosen on the command line, and unknown voices refused with the list.
#include "cli_fixture.hpp"

namespace stillpoint {
namespace {

const char* kSession = R"(title: voice
defaults: {bed: none, tone: none}
sections:
  - name: only
    steps:
      - say: Welcome.
grounding:
  - pause: 2s
)";

class VoiceCli : public Cli {
  protected:
    bool espeakInBuild() { return run("voices").out.find("espeak:en-gb") != std::string::npos; }
};

TEST_F(VoiceCli, VoicesListsEachVoiceWithItsEngine) {
    const auto result = run("voices");
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out.rfind("flite:cmu_us_slt", 0), 0u) << result.out;
    EXPECT_NE(result.out.find("(the engine's default)"), std::string::npos);
    EXPECT_NE(result.out.find("\nflite:cmu_us_awb"), std::string::npos);
    if (!espeakInBuild()) {
        EXPECT_NE(result.out.find("(espeak voices: "), std::string::npos) << result.out;
        EXPECT_NE(result.out.find("STILLPOINT_ESPEAK"), std::string::npos) << result.out;
        return;
    }
    EXPECT_NE(result.out.find("\nespeak:en-gb"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("English (Great Britain)"), std::string::npos);
    EXPECT_NE(result.out.find("\nespeak:de "), std::string::npos);
}

TEST_F(VoiceCli, AnUnknownVoiceOnTheCommandLineIsAUsageErrorListingTheVoices) {
    const auto session = write("voice.yaml", kSession);
    const auto result = run("captions " + session.string() + " -o " + (dir_ / "out.vtt").string() +
                            " --voice flite:cmu_us_sltt");
    EXPECT_EQ(result.exitCode, 2) << result.err;
    EXPECT_NE(
        result.err.find("error: the voice chosen for this run: unknown flite voice "
                        "'cmu_us_sltt'; did you mean 'cmu_us_slt'? flite voices: cmu_us_slt,"),
        std::string::npos)
        << result.err;
    EXPECT_FALSE(fs::exists(dir_ / "out.vtt"));
}

TEST_F(VoiceCli, AnUnknownVoiceInTheSessionIsASessionErrorAtItsPlace) {
    const auto session = write("voice.yaml", R"(title: voice
sections:
  - name: only
    steps:
      - say: {text: Welcome., voice: cmu_us_sltt}
)");
    const auto result = run("check " + session.string());
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find(session.string() + ":5:38: error: unknown voice 'cmu_us_sltt'; did "
                                                 "you mean 'cmu_us_slt'? voices"),
              std::string::npos)
        << result.err;
}

TEST_F(VoiceCli, TheVoiceOptionSpeaksTheSessionWithAnotherVoice) {
    const auto session = write("voice.yaml", kSession);
    const std::string voice = espeakInBuild() ? "espeak:en-gb" : "flite:cmu_us_awb";
    const auto chosen = run("captions " + session.string() + " -o " + (dir_ / "a.vtt").string() +
                            " --voice " + voice);
    ASSERT_EQ(chosen.exitCode, 0) << chosen.err;
    const auto plain = run("captions " + session.string() + " -o " + (dir_ / "b.vtt").string());
    ASSERT_EQ(plain.exitCode, 0) << plain.err;
    // Another voice says "Welcome." in another time: the cue ends elsewhere.
    EXPECT_NE(slurp(dir_ / "a.vtt"), slurp(dir_ / "b.vtt"));
    EXPECT_NE(slurp(dir_ / "a.vtt").find("Welcome."), std::string::npos);
}

}  // namespace
}  // namespace stillpoint
