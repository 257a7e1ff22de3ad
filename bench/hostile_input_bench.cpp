// What the worst input the parser admits costs: a file whose aliases expand
// to the parser's whole value budget (500000 values). Bounded work is the
// defence against alias bombs; this shows the bound is a fraction of a second.
#include <benchmark/benchmark.h>

#include <fstream>
#include <iterator>
#include <string>

#include "stillpoint/session_parser.hpp"

namespace {

void BM_CheckAliasFlood(benchmark::State& state) {
    std::ifstream in(std::string(STILLPOINT_TEST_DATA_DIR) + "/bad/alias_flood.yaml");
    const std::string text{std::istreambuf_iterator<char>(in), {}};
    if (text.empty()) {
        state.SkipWithError("tests/data/bad/alias_flood.yaml did not load");
        return;
    }
    for (auto _ : state) {
        const auto result = stillpoint::parseSession(text, "alias_flood.yaml");
        benchmark::DoNotOptimize(result.diagnostics.data());
    }
}
BENCHMARK(BM_CheckAliasFlood)->Unit(benchmark::kMillisecond);

}  // namespace
