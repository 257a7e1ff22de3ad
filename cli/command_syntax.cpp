#include "command_syntax.hpp"

#include "commands.hpp"

namespace stillpoint::cli {

bool refuseArguments(const CommandSyntax& syntax, const std::vector<std::string>& args,
                     std::ostream& err) {
    if (args.empty()) return false;
    err << "stillpoint " << syntax.name << ": takes no arguments\n" << syntax.usage;
    return true;
}

const std::vector<Command>& commandTable() {
    static const std::vector<Command> table = {
        {"check", runCheck, {&checkSyntax()}},
        {"info", runInfo, {&infoSyntax()}},
        {"render", runRender, {&renderSyntax()}},
        {"render-batch", runRenderBatch, {&renderBatchSyntax()}},
        {"compile", runCompile, {&compileSyntax()}},
        {"captions", runCaptions, {&captionsSyntax()}},
        {"voices", runVoices, {&voicesSyntax()}},
        {"voice-pack", runVoicePack, {&voicePackScriptSyntax(), &voicePackCheckSyntax()}},
        {"haptics", runHaptics, {&hapticsSyntax()}},
        {"play", runPlay, {&playSyntax()}},
        {"resonance", runResonance, {&resonanceSyntax()}},
        {"devices", runDevices, {&devicesSyntax()}},
        {"presets", runPresets, {&presetsSyntax()}},
        {"sessions", runSessions, {&sessionsSyntax()}},
    };
    return table;
}

}  // namespace stillpoint::cli
