// A voice pack's manifest is read like a session file: bounded, UTF-8 checked,
// nesting limited, and every refusal names the manifest's line.
#include <gtest/gtest.h>

#include <string>

#include "narration/voice_pack.hpp"

namespace stillpoint::narration {
namespace {

const std::string kFolder = "/packs/anna";
const std::string kManifest = kFolder + "/voice-pack.yaml";

std::string refusal(const std::string& text) {
    std::string error;
    const auto pack = parseVoicePackManifest(text, kFolder, error);
    EXPECT_FALSE(pack) << "accepted: " << text;
    return error;
}

TEST(VoicePackManifest, LinesResolveInsideTheFolder) {
    std::string error;
    const auto pack = parseVoicePackManifest(
        "name: Anna\nlines:\n  intro: clips/intro.wav\n  settle: s.flac\n", kFolder, error);
    ASSERT_TRUE(pack) << error;
    EXPECT_EQ(pack->name, "Anna");
    ASSERT_EQ(pack->lines.size(), 2u);
    EXPECT_EQ(pack->lines.at("intro").path, kFolder + "/clips/intro.wav");
    EXPECT_EQ(pack->lines.at("settle").manifestPlace, kManifest + ":4:11");
}

TEST(VoicePackManifest, ALineIdListedTwiceNamesBothPlaces) {
    EXPECT_EQ(refusal("lines:\n  intro: a.wav\n  intro: b.wav\n"),
              kManifest + ":3:10: line 'intro' is listed twice (first at " + kManifest +
                  ":2:10); keep one clip per line id");
}

TEST(VoicePackManifest, KeysThatAreNotTextAreRefusedAtTheirLine) {
    EXPECT_EQ(refusal("lines:\n  [a, b]: a.wav\n"),
              kManifest + ":2:3: a line id must be plain text, like intro or settle-2");
    EXPECT_EQ(refusal("{x: 1}: 2\n"), kManifest +
                                          ":1:1: unexpected ''; a manifest has name: (text) and "
                                          "lines: (line id: clip path)");
}

TEST(VoicePackManifest, InvalidUtf8IsRefusedAtItsByte) {
    EXPECT_EQ(refusal("name: Ann\xC3\n"),
              kManifest + ":1:10: invalid UTF-8: byte 0xC3; save the manifest as UTF-8");
}

TEST(VoicePackManifest, DeepNestingIsRefusedBeforeParsing) {
    const std::string deep = "lines: " + std::string(10000, '[') + std::string(10000, ']') + "\n";
    const std::string error = refusal(deep);
    EXPECT_EQ(error.rfind(kManifest + ":1:", 0), 0u) << error;
    EXPECT_NE(error.find("nested more than 64 levels deep"), std::string::npos) << error;
}

TEST(VoicePackManifest, AnOversizedManifestIsRefusedUnread) {
    std::string text = "name: big\n";
    text.resize(kMaxManifestBytes + 1, '#');
    EXPECT_EQ(refusal(text), kManifest +
                                 ": the manifest is 2 MB, larger than the 1 MB a manifest may be; "
                                 "check that this is the right file");
}

TEST(VoicePackManifest, AnAliasBombIsRefusedAsAWrongShape) {
    const std::string bomb =
        "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nlines: *c\n";
    EXPECT_EQ(refusal(bomb), kManifest +
                                 ":1:1: unexpected 'a'; a manifest has name: (text) and lines: "
                                 "(line id: clip path)");
}

}  // namespace
}  // namespace stillpoint::narration
