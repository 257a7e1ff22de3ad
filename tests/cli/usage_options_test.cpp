// Usage text that cannot drift: for every command, its usage and its entry
// in `stillpoint --help` name exactly the options its parser accepts (each
// in its long or short form), and `stillpoint COMMAND --help` prints it.
#include <gtest/gtest.h>

#include <cctype>
#include <set>
#include <sstream>
#include <string>

#include "command_syntax.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"

namespace stillpoint::cli {
namespace {

bool letter(char c) {
    return std::islower(static_cast<unsigned char>(c)) != 0;
}
bool wordChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-';
}

/// Every "--name" and "-x" the text writes as an option.
std::set<std::string> optionsIn(std::string_view text) {
    std::set<std::string> found;
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != '-' || (i > 0 && wordChar(text[i - 1]))) continue;
        if (text[i + 1] == '-' && i + 2 < text.size() && letter(text[i + 2])) {
            std::size_t end = i + 2;
            while (end < text.size() && wordChar(text[end])) ++end;
            found.insert(std::string(text.substr(i, end - i)));
            i = end;
        } else if (std::isalpha(static_cast<unsigned char>(text[i + 1])) &&
                   (i + 2 == text.size() || !wordChar(text[i + 2]))) {
            found.insert(std::string(text.substr(i, 2)));
        }
    }
    return found;
}

/// What is wrong between `text` and the options `syntax` accepts; empty when they agree.
std::string mismatch(const CommandSyntax& syntax, std::string_view text) {
    const std::set<std::string> written = optionsIn(text);
    std::set<std::string> accepted;
    std::string problems;
    for (const OptionSpec& option : syntax.options) {
        const std::string longForm = "--" + option.name;
        const std::string shortForm =
            option.shortName ? std::string("-") + option.shortName : std::string();
        accepted.insert(longForm);
        if (!shortForm.empty()) accepted.insert(shortForm);
        if (!written.count(longForm) && !(shortForm.size() && written.count(shortForm)))
            problems += " takes " + longForm + " but does not show it;";
    }
    for (const std::string& option : written)
        if (!accepted.count(option)) problems += " shows " + option + " but does not take it;";
    return problems;
}

/// The command's entry in `stillpoint --help`: from its "  NAME" line up to
/// the next command's line, or the options section.
std::string helpEntry(std::string_view name) {
    const std::string help = helpText();
    std::istringstream lines(help);
    std::string line, entry;
    bool inside = false;
    while (std::getline(lines, line)) {
        const bool commandLine =
            line.size() > 2 && line[0] == ' ' && line[1] == ' ' && letter(line[2]);
        if (inside && (commandLine || line.empty() || line == "options:")) break;
        if (commandLine && line.substr(2, name.size()) == name &&
            (line.size() == 2 + name.size() || line[2 + name.size()] == ' '))
            inside = true;
        if (inside) entry += line + '\n';
    }
    return entry;
}

std::vector<const CommandSyntax*> everySyntax() {
    std::vector<const CommandSyntax*> all;
    for (const Command& command : commandTable())
        all.insert(all.end(), command.syntaxes.begin(), command.syntaxes.end());
    return all;
}

TEST(UsageOptions, EveryCommandsUsageShowsExactlyTheOptionsItTakes) {
    const auto all = everySyntax();
    ASSERT_EQ(all.size(), 15u);  // 14 commands, voice-pack with two subcommands
    for (const CommandSyntax* syntax : all) {
        EXPECT_NE(syntax->usage.find("stillpoint " + std::string(syntax->name)), std::string::npos)
            << syntax->usage;
        EXPECT_EQ(mismatch(*syntax, syntax->usage), "")
            << "the usage of '" << syntax->name << "':\n"
            << syntax->usage;
    }
}

TEST(UsageOptions, EveryCommandsHelpEntryShowsExactlyTheOptionsItTakes) {
    for (const CommandSyntax* syntax : everySyntax()) {
        const std::string entry = helpEntry(syntax->name);
        ASSERT_FALSE(entry.empty()) << "stillpoint --help has no entry for " << syntax->name;
        EXPECT_EQ(mismatch(*syntax, entry), "") << "the --help entry of '" << syntax->name << "':\n"
                                                << entry;
    }
}

// The checker itself: it finds a missing option, a stray one and short forms.
TEST(UsageOptions, TheCheckFindsMissingAndStrayOptions) {
    const CommandSyntax syntax{"x", "", {{"output", 'o', true}, {"rate", 0, true}}};
    EXPECT_EQ(mismatch(syntax, "usage: stillpoint x -o OUT [--rate HZ]"), "");
    EXPECT_EQ(mismatch(syntax, "usage: stillpoint x --output OUT [--rate 4.5-7] (-60..6)"), "");
    EXPECT_EQ(mismatch(syntax, "usage: stillpoint x -o OUT [--pace BPM] [-q]"),
              " takes --rate but does not show it; shows --pace but does not take it; shows -q "
              "but does not take it;");
}

TEST(UsageOptions, CommandHelpPrintsTheUsageAndCommandsWithoutOptionsRefuseArguments) {
    std::ostringstream out, err;
    EXPECT_EQ(runCommandLine({"render", "--help"}, out, err), kExitOk);
    EXPECT_EQ(out.str(), std::string(renderSyntax().usage));
    EXPECT_EQ(err.str(), "");

    std::ostringstream packOut, packErr;
    EXPECT_EQ(runCommandLine({"voice-pack", "--help"}, packOut, packErr), kExitOk);
    EXPECT_EQ(packOut.str(), std::string(voicePackScriptSyntax().usage) +
                                 std::string(voicePackCheckSyntax().usage));

    for (const char* command : {"presets", "voices", "sessions", "devices"}) {
        std::ostringstream none, refused;
        EXPECT_EQ(runCommandLine({command, "extra"}, none, refused), kExitUsage) << command;
        EXPECT_EQ(refused.str(), "stillpoint " + std::string(command) +
                                     ": takes no arguments\nusage: stillpoint " + command + "\n");
        EXPECT_EQ(none.str(), "");
    }
}

TEST(UsageOptions, AnUnknownCommandSuggestsTheNearestFromTheTable) {
    std::ostringstream out, err;
    EXPECT_EQ(runCommandLine({"rendr"}, out, err), kExitUsage);
    EXPECT_EQ(err.str(),
              "stillpoint: unknown command 'rendr'; did you mean 'render'?\n"
              "run 'stillpoint --help' for the commands\n");
    std::ostringstream out2, err2;
    EXPECT_EQ(runCommandLine({"versoin"}, out2, err2), kExitUsage);
    EXPECT_NE(err2.str().find("did you mean 'version'?"), std::string::npos) << err2.str();
}

}  // namespace
}  // namespace stillpoint::cli
