// The keys the command vocabulary lists are the keys the player maps to that
// command, so the help derived from it cannot drift from what the keys do.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "live/command_help.hpp"
#include "live/key_controls.hpp"
#include "stillpoint/command_vocabulary.hpp"

namespace stillpoint::cli::live {
namespace {

// The commands a key's request can send.
std::set<CommandType> commandsOf(LiveAction action) {
    switch (action) {
        case LiveAction::Pause:
            return {CommandType::Pause};
        case LiveAction::Resume:
            return {CommandType::Resume};
        case LiveAction::TogglePause:
            return {CommandType::Pause, CommandType::Resume};
        case LiveAction::Hold:
            return {CommandType::Hold};
        case LiveAction::Release:
            return {CommandType::Release};
        case LiveAction::ToggleHold:
            return {CommandType::Hold, CommandType::Release};
        case LiveAction::Next:
            return {CommandType::NextSection};
        case LiveAction::Previous:
            return {CommandType::PrevSection};
        case LiveAction::Slower:
        case LiveAction::Faster:
        case LiveAction::SetPace:
            return {CommandType::SetPace};
        case LiveAction::Grounding:
            return {CommandType::Grounding};
        case LiveAction::SelectLayer:
        case LiveAction::LayerUp:
        case LiveAction::LayerDown:
        case LiveAction::SetLayerGain:
            return {CommandType::SetLayerGain};
        case LiveAction::Stop:
            return {CommandType::Stop};
        case LiveAction::Continue:
            return {CommandType::Continue};
        case LiveAction::SetPattern:
        case LiveAction::NextPattern:
            return {CommandType::SetPattern};
    }
    return {};
}

// The bytes a key name in the vocabulary stands for.
std::string bytesOf(std::string_view key) {
    if (key == "space") return " ";
    if (key == "Enter") return "\n";
    if (key == "up") return "\x1b[A";
    if (key == "down") return "\x1b[B";
    if (key == "1-6") return "1";
    return std::string(key);
}

TEST(live_command_vocabulary, EveryKeyItListsSendsItsCommand) {
    int checked = 0;
    for (const CommandWord& word : kCommandVocabulary) {
        std::string_view keys = word.keys;
        while (!keys.empty()) {
            const auto space = keys.find(' ');
            const std::string_view key = keys.substr(0, space);
            keys = space == std::string_view::npos ? std::string_view{} : keys.substr(space + 1);
            if (key == "Ctrl-C") continue;  // a signal, not a key (stop_signals.hpp)
            std::string bytes = bytesOf(key);
            const auto requests = mapKeys(bytes);
            ASSERT_EQ(requests.size(), 1u) << key;
            EXPECT_TRUE(commandsOf(requests[0].action).count(word.type))
                << "key '" << key << "' does not send " << word.name;
            ++checked;
        }
    }
    EXPECT_GE(checked, 14);
}

TEST(live_command_vocabulary, HelpIsDerivedFromIt) {
    const std::string keys = keyHelp();
    EXPECT_EQ(keys.rfind("keys: space pause/resume, h hold/release, n next, p previous,", 0), 0u)
        << keys;
    const std::string commands = scriptCommandHelp();
    for (const CommandWord& word : kCommandVocabulary) {
        EXPECT_NE(commands.find(std::string(word.scriptExample) + " "), std::string::npos)
            << word.name;
        EXPECT_NE(commands.find(std::string(word.help)), std::string::npos) << word.name;
    }
    EXPECT_NE(scriptWordList().find("pause, resume, hold, release"), std::string::npos);
    for (const std::string& line : {keys, commands})
        for (std::size_t start = 0, end; start < line.size(); start = end + 1) {
            end = line.find('\n', start);
            if (end == std::string::npos) end = line.size();
            EXPECT_LE(end - start, 80u) << line.substr(start, end - start);
        }
}

}  // namespace
}  // namespace stillpoint::cli::live
