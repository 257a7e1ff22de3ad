// The command vocabulary names every engine command once, every C command
// under its own name and ABI value, and each word once per front end.
#include "stillpoint/command_vocabulary.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace stillpoint::test {
namespace {

TEST(CommandVocabulary, EveryCommandTypeAppearsExactlyOnce) {
    // SetPattern is the last CommandType.
    const int types = static_cast<int>(CommandType::SetPattern) + 1;
    ASSERT_EQ(kCommandVocabulary.size(), static_cast<std::size_t>(types));
    for (int t = 0; t < types; ++t) {
        int count = 0;
        for (const CommandWord& word : kCommandVocabulary)
            count += word.type == static_cast<CommandType>(t) ? 1 : 0;
        EXPECT_EQ(count, 1) << "CommandType " << t;
        EXPECT_EQ(commandWord(static_cast<CommandType>(t)).type, static_cast<CommandType>(t));
    }
}

// The C names and values are checked against stillpoint.h where the C API is
// built (a static_assert in capi/src/enum_conversion.cpp) and by
// tests/capi/commands_test.c; here, that they are well formed.
TEST(CommandVocabulary, CCommandsHaveDistinctValuesFromZeroWithoutGaps) {
    std::set<int> values;
    for (const CommandWord& word : kCommandVocabulary) {
        if (word.cValue < 0) {
            EXPECT_TRUE(word.cName.empty()) << word.name;
            continue;
        }
        EXPECT_EQ(word.cName.substr(0, 11), "SP_COMMAND_") << word.name;
        EXPECT_TRUE(values.insert(word.cValue).second) << word.cName;
        EXPECT_EQ(commandForCValue(word.cValue), word.type);
    }
    ASSERT_EQ(values.size(), 11u);
    EXPECT_EQ(*values.rbegin(), 10);  // 0..10, as stillpoint.h numbers them
    EXPECT_FALSE(commandForCValue(11).has_value());
    EXPECT_FALSE(commandForCValue(-1).has_value());
    // Continue and Pattern are C commands too.
    EXPECT_EQ(commandWord(CommandType::Continue).cName, "SP_COMMAND_CONTINUE");
    EXPECT_EQ(commandWord(CommandType::SetPattern).cName, "SP_COMMAND_PATTERN");
}

TEST(CommandVocabulary, ScriptWordsAreUniqueAndEveryCommandHasOne) {
    std::set<std::string_view> words;
    for (const CommandWord& word : kCommandVocabulary) {
        EXPECT_FALSE(word.scriptWord.empty()) << word.name;
        EXPECT_TRUE(words.insert(word.scriptWord).second) << word.scriptWord;
        EXPECT_EQ(commandByScriptWord(word.scriptWord), &word);
        EXPECT_FALSE(word.help.empty()) << word.name;
        // The example starts with the word and has its arguments.
        EXPECT_EQ(word.scriptExample.substr(0, word.scriptWord.size()), word.scriptWord);
        int spaces = 0;
        for (const char c : word.scriptExample) spaces += c == ' ' ? 1 : 0;
        EXPECT_EQ(spaces, word.scriptArguments) << word.scriptExample;
    }
    EXPECT_EQ(commandByScriptWord("slow"), nullptr);
}

TEST(CommandVocabulary, OscAddressesAreTheAppsAndAtMostTwoCommandsShareOne) {
    // hold is one address for Hold and Release (its argument 1 or 0).
    for (const CommandWord& word : kCommandVocabulary) {
        if (word.oscAddress.empty()) continue;
        EXPECT_EQ(word.oscAddress.substr(0, 12), "/stillpoint/") << word.name;
        int sharing = 0;
        for (const CommandWord& other : kCommandVocabulary)
            sharing += other.oscAddress == word.oscAddress ? 1 : 0;
        EXPECT_EQ(sharing, word.oscAddress == "/stillpoint/hold" ? 2 : 1) << word.oscAddress;
    }
}

/// The vocabulary as the Markdown table docs/session-state.md shows.
std::string vocabularyTable() {
    const auto code = [](std::string_view text) {
        return text.empty() ? std::string("-") : "`" + std::string(text) + "`";
    };
    std::string table =
        "| command | keys | control script | C API | OSC | what it does |\n"
        "|---|---|---|---|---|---|\n";
    for (const CommandWord& word : kCommandVocabulary)
        table += "| " + std::string(word.name) + " | " + code(word.keys) + " | " +
                 code(word.scriptExample) + " | " + code(word.cName) + " | " +
                 code(word.oscAddress) + " | " + std::string(word.help) + " |\n";
    return table;
}

TEST(CommandVocabulary, TheDocsShowTheTableAsItIs) {
    const std::string path = std::string(STILLPOINT_ASSETS_DIR) + "/../docs/session-state.md";
    std::ifstream in(path);
    ASSERT_TRUE(in) << "cannot read " << path;
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_NE(text.str().find(vocabularyTable()), std::string::npos)
        << path << ": the command table differs from command_vocabulary.hpp; write it as:\n"
        << vocabularyTable();
}

}  // namespace
}  // namespace stillpoint::test
