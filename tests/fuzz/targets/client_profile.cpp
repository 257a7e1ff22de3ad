// A client profile (JSON, client_profile.hpp): any bytes come back as an
// error naming the file, or as a profile whose every value is in range and
// which, written out and read back, is the same profile.
#include "stillpoint/client_profile.hpp"

#include <cstdlib>
#include <string>

#include "fuzz_support.hpp"
#include "stillpoint/pace_range.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace stillpoint;
    const ProfileResult read =
        profileFromJson(std::string(fuzz::asText(data, size)), "client.json");
    if (!read.error.empty()) {
        if (read.error.rfind("client.json:", 0) != 0 || !(read.profile == ClientProfile{}))
            std::abort();
        return 0;
    }
    const ClientProfile& p = read.profile;
    if (p.resonanceBpm != 0.0 && !kResonancePaceRange.contains(p.resonanceBpm)) std::abort();
    if (p.paceBpm != 0.0 && (p.paceBpm < kMinProfilePace || p.paceBpm > kMaxProfilePace))
        std::abort();
    if (p.hapticCap < 0.0 || p.hapticCap > 1.0) std::abort();
    for (const double trim : p.layerTrimDb)
        if (trim < kMinTrimDb || trim > kMaxTrimDb) std::abort();
    const ProfileResult again = profileFromJson(profileToJson(p), "again.json");
    if (!again.error.empty() || !(again.profile == p)) std::abort();
    return 0;
}
