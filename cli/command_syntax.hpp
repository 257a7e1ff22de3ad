// A command's syntax, declared once beside its parser: the options the parser
// accepts and the usage it prints. The parser reads its options from here,
// and a test (tests/cli/usage_options_test.cpp) checks every command's usage
// and its `stillpoint --help` entry name exactly those options, so neither
// can drift from what the command takes.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "arguments.hpp"

namespace stillpoint::cli {

struct CommandSyntax {
    std::string_view name;  ///< as typed after `stillpoint`: "render", "voice-pack script"
    /// "usage: stillpoint NAME ...\n", naming every option (long or short form).
    std::string_view usage;
    std::vector<OptionSpec> options;  ///< everything the parser accepts
};

// One per parser, defined in each command's file.
const CommandSyntax& checkSyntax();
const CommandSyntax& infoSyntax();
const CommandSyntax& renderSyntax();
const CommandSyntax& renderBatchSyntax();
const CommandSyntax& compileSyntax();
const CommandSyntax& captionsSyntax();
const CommandSyntax& voicesSyntax();
const CommandSyntax& voicePackScriptSyntax();
const CommandSyntax& voicePackCheckSyntax();
const CommandSyntax& hapticsSyntax();
const CommandSyntax& playSyntax();
const CommandSyntax& resonanceSyntax();
const CommandSyntax& devicesSyntax();
const CommandSyntax& presetsSyntax();
const CommandSyntax& sessionsSyntax();

/// "stillpoint NAME: takes no arguments" and the usage on `err`, for
/// commands that take none; false when `args` is empty.
bool refuseArguments(const CommandSyntax& syntax, const std::vector<std::string>& args,
                     std::ostream& err);

/// A command as `stillpoint` dispatches it.
struct Command {
    std::string_view name;
    int (*run)(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
    /// Its parsers' syntaxes: one, or one per subcommand (voice-pack).
    std::vector<const CommandSyntax*> syntaxes;
};

/// Every command but help and version, in the order `--help` lists them.
const std::vector<Command>& commandTable();

}  // namespace stillpoint::cli
