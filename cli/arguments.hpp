// Arguments: a small, strict command-line parser. Every option is declared;
// an unknown one is an error that suggests the nearest declared name.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace stillpoint::cli {

struct OptionSpec {
    std::string name;         ///< long name without dashes, e.g. "rate"
    char shortName = 0;       ///< e.g. 'o', or 0
    bool takesValue = false;  ///< "--rate 48000" / "--rate=48000"
};

struct Arguments {
    std::vector<std::string> positional;
    std::map<std::string, std::string> values;  ///< options with a value
    std::vector<std::string> flags;             ///< options without one

    bool has(const std::string& name) const;
    std::optional<std::string> value(const std::string& name) const;
};

struct ParsedArguments {
    Arguments arguments;
    std::string error;  ///< empty when parsing succeeded
};

/// "a,b,,c" -> {"a", "b", "c"}: comma-separated option values.
std::vector<std::string> splitList(const std::string& text);

ParsedArguments parseArguments(const std::vector<std::string>& args,
                               const std::vector<OptionSpec>& specs);

}  // namespace stillpoint::cli
