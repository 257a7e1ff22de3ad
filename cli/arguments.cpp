#include "arguments.hpp"

#include <algorithm>

#include "stillpoint/nearest_name.hpp"

namespace stillpoint::cli {

bool Arguments::has(const std::string& name) const {
    return values.count(name) > 0 || std::find(flags.begin(), flags.end(), name) != flags.end();
}

std::optional<std::string> Arguments::value(const std::string& name) const {
    const auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> items;
    for (std::size_t start = 0; start <= text.size();) {
        const auto comma = std::min(text.find(',', start), text.size());
        if (comma > start) items.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    return items;
}

ParsedArguments parseArguments(const std::vector<std::string>& args,
                               const std::vector<OptionSpec>& specs) {
    ParsedArguments parsed;
    auto findSpec = [&](auto&& matches) -> const OptionSpec* {
        for (const auto& s : specs)
            if (matches(s)) return &s;
        return nullptr;
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.size() < 2 || arg[0] != '-' || arg == "--") {
            parsed.arguments.positional.push_back(arg);
            continue;
        }
        std::string name;
        std::optional<std::string> inlineValue;
        const OptionSpec* spec = nullptr;
        if (arg[1] == '-') {
            name = arg.substr(2);
            if (const auto eq = name.find('='); eq != std::string::npos) {
                inlineValue = name.substr(eq + 1);
                name.resize(eq);
            }
            spec = findSpec([&](const OptionSpec& s) { return s.name == name; });
        } else {
            name = arg.substr(1);
            if (name.size() == 1)
                spec = findSpec([&](const OptionSpec& s) { return s.shortName == name[0]; });
        }
        if (!spec) {
            std::vector<std::string_view> names;
            for (const auto& s : specs) names.push_back(s.name);
            parsed.error = "unknown option '" + arg + "'";
            if (auto near = nearestName(name, names))
                parsed.error += "; did you mean '--" + *near + "'?";
            return parsed;
        }
        if (!spec->takesValue) {
            if (inlineValue) {
                parsed.error = "option '--" + spec->name + "' takes no value";
                return parsed;
            }
            parsed.arguments.flags.push_back(spec->name);
            continue;
        }
        if (!inlineValue) {
            if (i + 1 >= args.size()) {
                parsed.error = "option '--" + spec->name + "' needs a value";
                return parsed;
            }
            inlineValue = args[++i];
        }
        parsed.arguments.values[spec->name] = *inlineValue;
    }
    return parsed;
}

}  // namespace stillpoint::cli
