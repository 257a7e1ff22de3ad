// `stillpoint check --care`, and `avoid` reaching every spoken line of a
// rendered session's captions.
#include <gtest/gtest.h>

#include "cli_fixture.hpp"
#include "stillpoint/session.hpp"

namespace {

const std::string kCareData = std::string(STILLPOINT_TEST_DATA_DIR) + "/care/";

// Its own suite: gtest needs one fixture class per suite name across files.
class CareCli : public Cli {};

TEST_F(CareCli, CheckCareFailsOnACareErrorInTheCheckersForm) {
    const std::string path = kCareData + "bad_hold_optional.yaml";
    const auto r = run("check --care " + path);
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_EQ(r.out, path + ": care errors\n");
    EXPECT_NE(r.err.find(path +
                         ":9:9: error: this breathe step holds the breath (box: 4 s after the "
                         "inhale) and no line before it offers a way without the hold; say first "
                         "that the hold is a choice, e.g. 'If the hold is too long, let the breath "
                         "keep moving.' [care.hold-optional]\n"),
              std::string::npos)
        << r.err;
    // Without --care the same session is only checked for its structure.
    const auto plain = run("check " + path);
    EXPECT_EQ(plain.exitCode, 0);
    EXPECT_EQ(plain.out, path + ": ok\n");
    EXPECT_EQ(plain.err, "");
}

TEST_F(CareCli, CheckCareWarningsAloneLeaveTheExitCodeAtZero) {
    const std::string path = kCareData + "bad_long_hold.yaml";
    const auto r = run("check --care " + path + " " + kCareData + "good_long_hold.yaml");
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, path + ": ok (1 warning)\n" + kCareData + "good_long_hold.yaml: ok\n");
    EXPECT_NE(r.err.find(path + ":9:9: warning: a breath hold of 7 s after the inhale"),
              std::string::npos)
        << r.err;
}

TEST_F(CareCli, ALineNamingAnAvoidedRegionIsAWarningEvenWithoutCare) {
    const auto session = write("ribs.yaml", R"(title: Ribs
sections:
  - name: S
    steps:
      - say: You might notice your ribs rise and fall.
)");
    const auto clean = run("check " + session.string());
    EXPECT_EQ(clean.out, session.string() + ": ok\n");
    const auto avoiding = run("check " + session.string() + " --avoid chest");
    EXPECT_EQ(avoiding.exitCode, 0);
    EXPECT_EQ(avoiding.out, session.string() + ": ok (1 warning)\n");
    EXPECT_EQ(avoiding.err, session.string() +
                                ":5:9: warning: this line names the chest, an avoided region, and "
                                "has no if-avoided text for it; it is left out when played; to say "
                                "something else, add e.g. if-avoided: {chest: Notice the support "
                                "beneath you.} [care.avoided-region-spoken]\n");
}

TEST_F(CareCli, CheckCareIsInTheUsageAndTheHelp) {
    const auto usage = run("check");
    EXPECT_EQ(usage.exitCode, 2);
    EXPECT_NE(usage.err.find("usage: stillpoint check FILE... [--care] [--avoid REGION,...]"),
              std::string::npos);
    const auto help = run("--help");
    EXPECT_NE(help.out.find("Rules, sources and rewrites: docs/care-rules.md"), std::string::npos);
}

TEST_F(CareCli, CaptionsOfASessionAvoidingTheChestNameNoChestWordAndSayTheAlternative) {
    const auto session = write("avoiding.yaml", R"(title: Avoiding the chest
avoid: [chest]
sections:
  - name: S
    steps:
      - say: Notice the room around you.
      - say:
          text: You might notice your ribs rise and fall.
          if-avoided: {chest: You might notice your hands resting.}
      - say: Let the breastbone soften.
      - scan: {regions: [feet, chest, hands], length: short}
      - checkin: {prompt: "How does your heart area feel?", wait: 2s}
)");
    const auto vttPath = dir_ / "avoiding.vtt";
    const auto r = run("captions " + session.string() + " -o " + vttPath.string() + " --quiet");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string vtt = slurp(vttPath);
    // Feet and hands only: the scan and the alternative.
    EXPECT_EQ(stillpoint::regionsNamedIn(vtt), (std::vector<std::string>{"feet", "hands"})) << vtt;
    EXPECT_NE(vtt.find("\nYou might notice your hands resting.\n"), std::string::npos) << vtt;
    EXPECT_NE(vtt.find("\nHow are you, right now? Take whatever time you need.\n"),
              std::string::npos)
        << vtt;
    EXPECT_EQ(vtt.find("soften"), std::string::npos) << vtt;
    // Two warnings: the breastbone line and the heart-area prompt have no alternative.
    EXPECT_NE(r.err.find("avoiding.yaml:10:9: warning: this line names the chest"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("avoiding.yaml:12:9: warning: this line names the chest"),
              std::string::npos)
        << r.err;
}

}  // namespace
