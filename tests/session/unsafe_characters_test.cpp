// Control and bidi characters: found with their code point, named, and shown
// visibly; and how the session reader treats them (refused raw or escaped,
// tab and CRLF line ends kept).
#include "stillpoint/unsafe_characters.hpp"

#include <gtest/gtest.h>

#include <string>

#include "stillpoint/session_parser.hpp"

namespace stillpoint {
namespace {

TEST(UnsafeCharacters, EveryControlAndBidiCharacterIsFoundWithItsOffset) {
    for (const char32_t c : {U'\0', U'\a', U'\r', U'\x1B', U'\x1F', U'\x7F', U'\x80', U'\x9B',
                             U'\x9F', U'\u202A', U'\u202E', U'\u2066', U'\u2069'})
        EXPECT_TRUE(isUnsafeCharacter(c)) << static_cast<unsigned>(c);
    for (const char32_t c :
         {U'\t', U'\n', U' ', U'~', U'\xA0', U'\u2026', U'\u2029', U'\u206A', U'\U0001F33F'})
        EXPECT_FALSE(isUnsafeCharacter(c)) << static_cast<unsigned>(c);

    const auto found = findUnsafeCharacter(
        "Ruhe \xE2\x80\xA6 \xC2\x9B"
        "2J");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->offset, 9u);  // after "Ruhe … "
    EXPECT_EQ(found->codePoint, U'\x9B');
    EXPECT_FALSE(findUnsafeCharacter("tab\there\nand a new line"));
    // A lone byte that is not UTF-8 is the encoding check's, not this one's.
    EXPECT_FALSE(findUnsafeCharacter("Caf\xE9"));
}

TEST(UnsafeCharacters, AreNamedByCodePointAndShortName) {
    EXPECT_EQ(describeCharacter(U'\x1B'), "U+001B ESC");
    EXPECT_EQ(describeCharacter(U'\x07'), "U+0007 BEL");
    EXPECT_EQ(describeCharacter(U'\x7F'), "U+007F DEL");
    EXPECT_EQ(describeCharacter(U'\x9B'), "U+009B CSI");
    EXPECT_EQ(describeCharacter(U'\x9D'), "U+009D OSC");
    EXPECT_EQ(describeCharacter(U'\u202E'), "U+202E RLO");
    EXPECT_EQ(describeCharacter(U'\u2069'), "U+2069 PDI");
}

TEST(UnsafeCharacters, AreShownVisiblyAndEverythingElseIsKept) {
    EXPECT_EQ(escapeForDisplay("a\x1B]0;title\x07z"), "a\\x1B]0;title\\x07z");
    EXPECT_EQ(escapeForDisplay("\x1B]52;c;cm0=\x1B\\"), "\\x1B]52;c;cm0=\\x1B\\");
    EXPECT_EQ(escapeForDisplay("x\xC2\x9B"
                               "2J"),
              "x\\u009B2J");
    EXPECT_EQ(escapeForDisplay("in \xE2\x80\xAEtuo"), "in \\u202Etuo");
    EXPECT_EQ(escapeForDisplay("Caf\xE9"), "Caf\\xE9");
    EXPECT_EQ(escapeForDisplay("one\ntwo\tthree"), "one\\ntwo\tthree");
    EXPECT_EQ(escapeForDisplay("one\ntwo", true), "one\ntwo");
    EXPECT_EQ(escapeForDisplay("Ruhe – atmen 🌿 …"), "Ruhe – atmen 🌿 …");
    EXPECT_EQ(escapeForDisplay("\x7F\r"), "\\x7F\\x0D");
}

TEST(UnsafeCharacters, ADiagnosticNeverCarriesThemRaw) {
    const Diagnostic d{Severity::Error,        "bad\x1B[2J.yaml",     3, 4,
                       "title 'a\x9B' is odd", "see \xE2\x80\xAEhere"};
    EXPECT_EQ(d.format(), "bad\\x1B[2J.yaml:3:4: error: title 'a\\x9B' is odd; see \\u202Ehere");
}

const char* const kSessionTail = "sections:\n  - name: One\n    steps:\n      - pause: 5s\n";

TEST(UnsafeCharacters, TabsAndCrlfLineEndsAreWelcomeInSessions) {
    const std::string crlf =
        "title: \"Tab\\there\"\r\nsections:\r\n  - name: One\r\n    steps:\r\n"
        "      - say: |\r\n          First line.\r\n          Second line.\r\n";
    const ParseResult result = parseSession(crlf, "crlf.yaml");
    ASSERT_TRUE(result.session) << result.diagnostics.front().format();
    EXPECT_EQ(result.session->title, "Tab\there");
}

TEST(UnsafeCharacters, ALoneCarriageReturnOrDelIsRefusedAtItsColumn) {
    ParseResult result =
        parseSession(std::string("title: Back\rwards\n") + kSessionTail, "cr.yaml");
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].format(),
              "cr.yaml:1:12: error: control character U+000D CR; remove it: session text is plain "
              "words, and control characters can retitle a terminal, write its clipboard or hide "
              "links in what is shown");
    result = parseSession(std::string("title: Ä\x7F\n") + kSessionTail, "del.yaml");
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].column, 9);
    EXPECT_EQ(result.diagnostics[0].message, "control character U+007F DEL");
}

TEST(UnsafeCharacters, EscapesInQuotedTextAreRefusedInEveryScalar) {
    struct Case {
        std::string text;
        std::string message;
    };
    const Case cases[] = {
        {"title: \"a\\x1Bb\"\n" + std::string(kSessionTail),
         "title holds control character U+001B ESC"},
        {"title: t\ndescription: \"\\u202Dx\"\n" + std::string(kSessionTail),
         "description holds bidirectional control U+202D LRO"},
        {"title: t\nsections:\n  - name: One\n    steps:\n      - say: \"Hi \\u0085\"\n",
         "say text holds control character U+0085 NEL"},
        // yaml-cpp reads "\N" (NEL) as the single byte 0x85: not UTF-8 at all.
        {"title: \"Hi \\N there\"\n" + std::string(kSessionTail),
         "title is not UTF-8 once its escapes are read"},
        {"title: t\npatterns:\n  \"calm\\a\": {inhale: 4, exhale: 6}\n" + std::string(kSessionTail),
         "name holds control character U+0007 BEL"},
        {"title: t\nsections:\n  - name: One\n    steps:\n"
         "      - say: {text: Hi, voice: \"espeak:en\\e\"}\n",
         "voice holds control character U+001B ESC"},
        // Where a message quotes a value it cannot use, the quote is shown, not sent.
        {"title: t\ndefaults: {voice: \"espeak:en\\e\"}\n" + std::string(kSessionTail),
         "voice must be a map such as {engine: espeak, name: en-gb, rate: 0.85} or "
         "{pack: voices/anna}, not 'espeak:en\\x1B'"},
        {"title: t\n\"x\\e\": 1\n" + std::string(kSessionTail),
         "unknown key 'x\\x1B' at the top level"},
    };
    for (const Case& c : cases) {
        const ParseResult result = parseSession(c.text, "escaped.yaml");
        EXPECT_FALSE(result.session) << c.text;
        ASSERT_FALSE(result.diagnostics.empty()) << c.text;
        EXPECT_EQ(result.diagnostics.front().message, c.message) << c.text;
    }
}

TEST(UnsafeCharacters, ASecondDocumentIsRefusedButMarkersAroundOneAreFine) {
    const std::string body = "title: One\n" + std::string(kSessionTail);
    EXPECT_TRUE(parseSession("%YAML 1.2\n---\n" + body + "...\n# the end\n", "one.yaml").session);
    EXPECT_TRUE(parseSession("--- # one document\n" + body, "one.yaml").session);
    // A '---' inside a block scalar is indented, so it is text, not a marker.
    EXPECT_TRUE(
        parseSession("title: One\ndescription: |\n  ---\n  more\n" + std::string(kSessionTail),
                     "one.yaml")
            .session);

    ParseResult result = parseSession(body + "--- {title: Two}\n", "two.yaml");
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].line, 6);
    EXPECT_EQ(result.diagnostics[0].column, 1);
    EXPECT_EQ(result.diagnostics[0].message, "a second YAML document starts here");
    result = parseSession("---\n" + body + "...\n\n---\n" + body, "two.yaml");
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].line, 9);
}

}  // namespace
}  // namespace stillpoint
