// The web build's C ABI (web/wasm/stillpoint_web.cpp) compiled natively:
// renders a compiled session in 128-frame blocks, with commands at given
// frames, to raw 32-bit floats (interleaved), so web.node can compare the
// WebAssembly engine's floats with the native engine's bit for bit.
//
//   stillpoint_web_native_render DIR OUT.f32 [FRAME:COMMAND[:VALUE]]...
// COMMAND: an sp_command_type number; check-ins let their written wait pass.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "stillpoint_web.h"

namespace {

constexpr int kQuantum = 128;
constexpr int kWaitAtCheckins = 20;  // SP_PARAM_WAIT_AT_CHECKINS

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Scheduled {
    int command;
    double value;
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s DIR OUT.f32 [FRAME:COMMAND[:VALUE]]...\n", argv[0]);
        return 2;
    }
    const std::string dir = argv[1];
    const std::string json = slurp(dir + "/session.json");
    const std::string clips = slurp(dir + "/clips.pcm");
    std::multimap<long long, Scheduled> schedule;
    for (int i = 3; i < argc; ++i) {
        long long frame = 0;
        int command = 0;
        double value = 0.0;
        if (std::sscanf(argv[i], "%lld:%d:%lf", &frame, &command, &value) < 2) {
            std::fprintf(stderr, "%s: expected FRAME:COMMAND[:VALUE]\n", argv[i]);
            return 2;
        }
        schedule.insert({frame, {command, value}});
    }
    sp_web_player* player =
        sp_web_create(json.data(), json.size(), reinterpret_cast<const std::uint8_t*>(clips.data()),
                      clips.size(), kQuantum, 0);
    if (!player) {
        std::fprintf(stderr, "%s\n", sp_web_last_error());
        return 1;
    }
    sp_web_set_parameter(player, kWaitAtCheckins, 0.0);
    int finishedField = -1;
    for (int f = 0; f < sp_web_state_field_count(); ++f)
        if (std::string(sp_web_state_field_name(f)) == "finished") finishedField = f;
    const int channels = sp_web_output_channels(player);
    std::vector<float> out;
    for (long long frame = 0; frame == 0 || sp_web_state(player)[finishedField] == 0.0;
         frame += kQuantum) {
        while (!schedule.empty() && schedule.begin()->first <= frame) {
            const Scheduled due = schedule.begin()->second;
            schedule.erase(schedule.begin());
            if (sp_web_command(player, due.command, due.value) != 0)
                std::fprintf(stderr, "command %d at frame %lld refused\n", due.command, frame);
        }
        sp_web_process(player, kQuantum);
        for (int i = 0; i < kQuantum; ++i)
            for (int c = 0; c < channels; ++c) out.push_back(sp_web_output(player, c)[i]);
    }
    sp_web_destroy(player);
    std::ofstream file(argv[2], std::ios::binary);
    file.write(reinterpret_cast<const char*>(out.data()),
               static_cast<std::streamsize>(out.size() * sizeof(float)));
    return file ? 0 : 1;
}
