// Text that ends up in a caption file is shown, never sent: control and bidi
// characters come out as visible escapes, whatever reached the captions.
#include <gtest/gtest.h>

#include <string>

#include "stillpoint/captions.hpp"
#include "stillpoint/unsafe_characters.hpp"

namespace stillpoint {
namespace {

TEST(TerminalText, CaptionFilesNeverHoldRawControlCharacters) {
    const std::vector<Caption> captions{
        {0, 48000, "Breathe \x1b]0;owned\x07 in"},
        {48000, 96000,
         "Click \x1b]8;;http://x/\x1b\\here\x1b]8;;\x1b\\ and \xc2\x9b"
         "2J"},
        {96000, 144000, "out \xe2\x80\xaeni"},
    };
    for (const CaptionFormat format : {CaptionFormat::WebVtt, CaptionFormat::Srt}) {
        const std::string text = formatCaptions(captions, 48000.0, format);
        EXPECT_FALSE(findUnsafeCharacter(text)) << text;
        EXPECT_NE(text.find("Breathe \\x1B]0;owned\\x07 in\n"), std::string::npos) << text;
        EXPECT_NE(text.find("and \\u009B2J\n"), std::string::npos) << text;
        EXPECT_NE(text.find("out \\u202Eni\n"), std::string::npos) << text;
    }
}

TEST(TerminalText, PlainCaptionsAreUnchanged) {
    const std::vector<Caption> captions{{0, 48000, "Ruhe – atmen 🌿 … und lass los."}};
    EXPECT_EQ(formatCaptions(captions, 48000.0, CaptionFormat::WebVtt),
              "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nRuhe – atmen 🌿 … und lass los.\n\n");
}

}  // namespace
}  // namespace stillpoint
