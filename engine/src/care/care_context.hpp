// What the care rules read: the session's steps in play order, each beside
// its planned step and the lines written for it, and where the rules report.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "stillpoint/care_check.hpp"

namespace stillpoint::detail {

/// A line as written in the file: a say text, a check-in prompt, a breath line.
struct CareLine {
    std::string text;    ///< as written
    std::string folded;  ///< foldCase(text), for phrase matching
    SourcePos pos;

    bool says(std::span<const std::string_view> phrases) const;
};

struct CareStep {
    const Step* step = nullptr;
    const PlannedStep* planned = nullptr;
    int section = 0;  ///< index into Session::sections (grounding: -1)
    std::vector<CareLine> lines;

    /// Whether any of its lines holds one of `phrases`.
    bool says(std::span<const std::string_view> phrases) const;
};

class CareContext {
  public:
    CareContext(const Session& session, const Program& program,
                const std::vector<std::string>& extraAvoid);

    const Session& session() const { return session_; }
    const Program& program() const { return program_; }
    /// The normal flow, in play order.
    const std::vector<CareStep>& flow() const { return flow_; }
    /// The grounding the session plays: its own, or the built-in one (no positions).
    const std::vector<CareStep>& grounding() const { return grounding_; }
    bool isAvoided(std::string_view region) const;
    void report(std::string_view rule, SourcePos pos, std::string message, std::string hint);
    Diagnostics takeDiagnostics() { return std::move(diagnostics_); }

  private:
    const Session& session_;
    const Program& program_;
    std::vector<std::string> avoid_;
    std::vector<CareStep> flow_;
    std::vector<CareStep> grounding_;
    Diagnostics diagnostics_;
};

/// Breathe and scan steps: where attention turns inward.
bool isInward(const CareStep& step);

/// "Feel your chest." -> "'Feel your chest.'": a line or sentence quoted in a message.
std::string quoted(std::string_view text);
/// One decimal at most: 5.454 -> "5.5", 7 -> "7".
std::string shortNumber(double value);

// The rule families, one file each. Each reads the flow once, in play order,
// keeping what it needs of what came before: their work grows with the
// session's length, never with its square.

/// care.hold-optional, care.long-hold, care.grounding-calm, care.pace-bounds
void checkBreathRules(CareContext& context);
/// care.invite-not-command
void checkLanguageRules(CareContext& context);
/// care.orient-first, care.scan-skip-offer, care.scan-neutral-start, care.charged-regions-opt-in
void checkScanRules(CareContext& context);
/// care.reminder-interval, care.long-session-checkin
void checkTimingRules(CareContext& context);

}  // namespace stillpoint::detail
