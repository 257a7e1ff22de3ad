// `stillpoint devices`: every audio API RtAudio offers here and its output
// devices, with the ids and names `play --api/--device` accept.
#include "command_syntax.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "live/device_probe.hpp"

namespace stillpoint::cli {

const CommandSyntax& devicesSyntax() {
    static const CommandSyntax syntax{"devices", "usage: stillpoint devices\n", {}};
    return syntax;
}

int runDevices(const Args& args, std::ostream& out, std::ostream& err) {
    if (refuseArguments(devicesSyntax(), args, err)) return kExitUsage;
    for (const auto& name : live::compiledApis()) {
        const auto api = live::probeOutputs(name);
        out << api.api << " (" << api.displayName << ")";
        if (api.outputs.empty()) {
            out << ": " << (api.problem.empty() ? "no output devices" : api.problem) << '\n';
            continue;
        }
        out << '\n';
        for (const auto& d : api.outputs) {
            out << "  " << d.id << "  " << d.name << (d.isDefault ? "  (default)" : "") << "  "
                << d.outputChannels << " ch, rates";
            for (const auto rate : d.rates) out << ' ' << rate;
            out << '\n';
        }
    }
    return kExitOk;
}

}  // namespace stillpoint::cli
