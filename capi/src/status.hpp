// The C API's view of where the session is: SessionState as sp_status, and
// the planned timeline (session_timeline.hpp) as the plain records
// sp_get_timeline_* hand out, with their strings kept alive here.
//
// fillStatus is real-time safe (no allocation: the caption points into the
// Program). CTimeline is built on the control thread (it allocates) and
// only read after.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "stillpoint/program.hpp"
#include "stillpoint/session_state.hpp"
#include "stillpoint/stillpoint.h"

namespace stillpoint::capi {

/// sp_status's header (struct_size, reserved): the least a caller must give.
inline constexpr std::uint32_t kStatusHeaderBytes = 8;

/// Fill the first status.struct_size bytes of `status` (at most
/// sizeof(sp_status)) from `state`; struct_size becomes what was filled.
void fillStatus(const SessionState& state, const Program& program, sp_status& status) noexcept;

class CTimeline {
  public:
    CTimeline() = default;
    CTimeline(const Program& program, double sampleRate);

    bool empty() const noexcept { return length_ == 0 && sections_.empty(); }
    std::int64_t lengthFrames() const noexcept { return length_; }
    const std::vector<sp_timeline_section>& sections() const noexcept { return sections_; }
    const std::vector<sp_timeline_line>& lines() const noexcept { return lines_; }

  private:
    std::int64_t length_ = 0;
    std::vector<std::string> names_;  ///< what the records' pointers point into
    std::vector<std::string> captions_;
    std::vector<sp_timeline_section> sections_;
    std::vector<sp_timeline_line> lines_;
};

}  // namespace stillpoint::capi
