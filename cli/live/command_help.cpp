#include "command_help.hpp"

#include <algorithm>
#include <vector>

#include "control_script.hpp"
#include "stillpoint/command_vocabulary.hpp"

namespace stillpoint::cli::live {
namespace {

// Commands that share their keys (a toggle) are shown once: "space pause/resume".
std::vector<std::string> keyItems() {
    std::vector<std::string> items;
    std::vector<std::string_view> shown;
    for (const CommandWord& word : kCommandVocabulary) {
        if (word.keys.empty() || std::find(shown.begin(), shown.end(), word.keys) != shown.end())
            continue;
        shown.push_back(word.keys);
        std::string names;
        for (const CommandWord& other : kCommandVocabulary)
            if (other.keys == word.keys)
                names += (names.empty() ? "" : "/") + std::string(other.name);
        items.push_back(std::string(word.keys) + " " + names);
    }
    return items;
}

}  // namespace

std::string keyHelp(int indent, int width) {
    const std::string lead = "keys: ";
    const std::string pad(static_cast<std::size_t>(indent) + lead.size(), ' ');
    std::string text = std::string(static_cast<std::size_t>(indent), ' ') + lead;
    std::size_t column = text.size();
    const auto items = keyItems();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string item = items[i] + (i + 1 < items.size() ? "," : "");
        if (column > pad.size() && column + 1 + item.size() > static_cast<std::size_t>(width)) {
            text += "\n" + pad;
            column = pad.size();
        } else if (column > pad.size()) {
            text += ' ';
            ++column;
        }
        text += item;
        column += item.size();
    }
    return text;
}

std::string scriptCommandHelp(int indent) {
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    std::size_t widest = 0;
    for (const CommandWord& word : kCommandVocabulary)
        widest = std::max(widest, word.scriptExample.size());
    std::string text;
    const auto line = [&](std::string_view example, std::string_view help) {
        text += pad + std::string(example) + std::string(widest + 2 - example.size(), ' ') +
                std::string(help) + "\n";
    };
    for (const CommandWord& word : kCommandVocabulary) line(word.scriptExample, word.help);
    for (const PaceStep& step : kPaceSteps) line(step.word, step.help);
    return text;
}

std::string scriptWordList() {
    std::string list;
    for (const CommandWord& word : kCommandVocabulary)
        list += (list.empty() ? "" : ", ") + std::string(word.scriptWord);
    for (const PaceStep& step : kPaceSteps) list += ", " + std::string(step.word);
    return list;
}

}  // namespace stillpoint::cli::live
