// The built-in breath patterns are named once, by breathPresets(); the
// C header's SP_PARAM_PATTERN numbers and the session format's preset table
// list them as they are, in order.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "source_tree.hpp"
#include "stillpoint/breath_pattern.hpp"

namespace stillpoint::test {
namespace {

/// A C comment's text with its line breaks and leading stars as single spaces.
std::string flattenComment(const std::string& text) {
    std::string flat;
    bool space = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool breakChar = c == '\n' || c == ' ' ||
                               (c == '*' && i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\n') &&
                                i + 1 < text.size() && text[i + 1] == ' ');
        if (breakChar) {
            space = true;
            continue;
        }
        if (space && !flat.empty()) flat += ' ';
        space = false;
        flat += c;
    }
    return flat;
}

TEST(PresetNames, TheCHeaderNumbersThePresetsAsSetPatternTakesThem) {
    std::string list = "0 (what it reads until set) follows the session's own patterns;";
    const auto& presets = breathPresets();
    for (std::size_t i = 0; i < presets.size(); ++i)
        list += (i ? ", " : " ") + std::to_string(i + 1) + " " + presets[i].name;
    const std::string header =
        flattenComment(readSourceFile("capi/include/stillpoint/stillpoint.h"));
    EXPECT_NE(header.find(list), std::string::npos)
        << "stillpoint.h: SP_PARAM_PATTERN's comment should list: " << list;
}

TEST(PresetNames, TheSessionFormatsPresetTableListsThemInOrder) {
    const std::string doc = readSourceFile("docs/session-format.md");
    const auto heading = doc.find("### Presets");
    ASSERT_NE(heading, std::string::npos);
    std::istringstream lines(doc.substr(heading));
    std::vector<std::string> names;
    std::string line;
    bool inTable = false;
    while (std::getline(lines, line)) {
        if (line.rfind("| `", 0) == 0) {
            inTable = true;
            names.push_back(line.substr(3, line.find('`', 3) - 3));
        } else if (inTable && line.rfind('|', 0) != 0) {
            break;
        }
    }
    std::vector<std::string> expected;
    for (const auto& preset : breathPresets()) expected.push_back(preset.name);
    EXPECT_EQ(names, expected) << "docs/session-format.md's Presets table";
}

}  // namespace
}  // namespace stillpoint::test
