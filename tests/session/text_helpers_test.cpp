// The parser's text helpers: durations, numbers, UTF-8, nearest names.
#include <gtest/gtest.h>

#include <array>

#include "session/duration_text.hpp"
#include "session/number_text.hpp"
#include "session/utf8_text.hpp"
#include "stillpoint/nearest_name.hpp"

namespace stillpoint::detail {
namespace {

TEST(DurationText, AcceptsNumbersAndUnitParts) {
    EXPECT_EQ(parseDurationSeconds("90"), 90.0);
    EXPECT_EQ(parseDurationSeconds("2.5"), 2.5);
    EXPECT_EQ(parseDurationSeconds("90s"), 90.0);
    EXPECT_EQ(parseDurationSeconds("2.5s"), 2.5);
    EXPECT_EQ(parseDurationSeconds("3m"), 180.0);
    EXPECT_EQ(parseDurationSeconds("1m30s"), 90.0);
    EXPECT_EQ(parseDurationSeconds("1m 30s"), 90.0);
    EXPECT_EQ(parseDurationSeconds("1h"), 3600.0);
    EXPECT_EQ(parseDurationSeconds("1h05m"), 3900.0);
    EXPECT_EQ(parseDurationSeconds("1.5m"), 90.0);
    EXPECT_EQ(parseDurationSeconds("-5s"), -5.0);
}

TEST(DurationText, RejectsWhatIsNotADuration) {
    for (const char* text :
         {"", "s", "5 minutes", "5x", "30s1m", "1m1m", "m5", "1h 2", ".s", "5ss", "--5s"})
        EXPECT_FALSE(parseDurationSeconds(text)) << text;
}

TEST(DurationText, FormatsInTheShortestUnits) {
    EXPECT_EQ(formatDuration(8), "8s");
    EXPECT_EQ(formatDuration(2.5), "2.5s");
    EXPECT_EQ(formatDuration(60), "1m");
    EXPECT_EQ(formatDuration(90), "1m30s");
    EXPECT_EQ(formatDuration(86400), "24h");
    EXPECT_EQ(formatDuration(3900), "1h5m");
}

TEST(NumberText, ParsesDecimalsAndNamesNonFinites) {
    EXPECT_EQ(parseNumber("6").value, 6.0);
    EXPECT_EQ(parseNumber("+1e3").value, 1000.0);
    EXPECT_EQ(parseNumber("-2.5").value, -2.5);
    EXPECT_EQ(parseNumber("1e999").kind, ParsedNumber::Kind::NotFinite);
    for (const char* text : {".nan", ".NaN", ".inf", "-.inf", "+.Inf", "nan", "inf"})
        EXPECT_EQ(parseNumber(text).kind, ParsedNumber::Kind::NotFinite) << text;
    for (const char* text : {"", "six", "6 ", "0x10", "++1", "1,5"})
        EXPECT_EQ(parseNumber(text).kind, ParsedNumber::Kind::NotANumber) << text;
    EXPECT_EQ(formatNumber(0.5), "0.5");
    EXPECT_EQ(formatNumber(1000), "1000");
}

TEST(Utf8Text, FindsTheFirstBadByteByLineAndCharacter) {
    EXPECT_FALSE(findInvalidUtf8("plain ascii\nand é, ✓, 🌿"));
    const auto bad = findInvalidUtf8("ok\nä\xff");
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->pos.line, 2);
    EXPECT_EQ(bad->pos.column, 2);
    EXPECT_EQ(bad->byte, 0xFF);
}

TEST(Utf8Text, RejectsOverlongsSurrogatesAndTruncation) {
    for (const char* text :
         {"\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x82", "\x80"})
        EXPECT_TRUE(findInvalidUtf8(text)) << text;
}

TEST(Utf8Text, CountsCharacters) {
    EXPECT_EQ(countCharacters("ä🌿x"), 3u);
    EXPECT_EQ(countCharacters(""), 0u);
}

TEST(NearestName, SuggestsTyposButNotStrangers) {
    constexpr std::array<std::string_view, 6> keys{"pattern", "cycles", "duration",
                                                   "pace",    "ramp",   "tone"};
    EXPECT_EQ(nearestName("cylces", keys), "cycles");  // swapped letters are one edit
    EXPECT_EQ(nearestName("Duration", keys), "duration");
    EXPECT_EQ(nearestName("pase", keys), "pace");
    EXPECT_FALSE(nearestName("volume", keys));
    EXPECT_FALSE(nearestName("x", keys));
}

TEST(NearestName, HintNamesTheSuggestionAndTheList) {
    constexpr std::array<std::string_view, 2> bells{"bowl", "chime"};
    EXPECT_EQ(suggestionHint("chim", bells, "bells"), "did you mean 'chime'? bells: bowl, chime");
    EXPECT_EQ(suggestionHint("gong", bells, "bells"), "bells: bowl, chime");
}

}  // namespace
}  // namespace stillpoint::detail
