#include "output_files.hpp"

namespace stillpoint::cli {

std::vector<std::string> commandInputs(const Arguments& arguments) {
    std::vector<std::string> inputs = arguments.positional;
    for (const char* option : {"voice-pack", "control"})
        if (const auto value = arguments.value(option)) inputs.push_back(*value);
    return inputs;
}

bool outputsMayBeWritten(std::string_view command, const std::vector<std::string>& outputs,
                         const std::vector<std::string>& inputs, std::ostream& err,
                         OutputWrite write) {
    for (const std::string& output : outputs) {
        const OutputFileCheck check = checkOutputFile(output, inputs, write);
        if (!check.ok()) {
            err << "stillpoint " << command << ": " << check.problem << '\n';
            return false;
        }
    }
    return true;
}

}  // namespace stillpoint::cli
