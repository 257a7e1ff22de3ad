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
    /// Offers a choice: one of kChoicePhrases or kSkipOfferPhrases.
    bool saysChoice() const;
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

/// Breathe and scan steps: where attention turns inward. The rules read
/// the flow in one pass, so their work grows with the session, not its square.
bool isInward(const CareStep& step);

/// "Feel your chest." -> "'Feel your chest.'": a line or sentence quoted in a message.
std::string quoted(std::string_view text);
/// One decimal at most: 5.454 -> "5.5", 7 -> "7".
std::string shortNumber(double value);

// The rule families, one file each.
void checkBreathRules(
    CareContext& context);  ///< hold-optional, long-hold, grounding-calm, pace-bounds
void checkLanguageRules(CareContext& context);  ///< invite-not-command
void checkScanRules(CareContext& context);  ///< orient-first, scan-skip-offer, scan-neutral-start,
                                            ///< charged-regions-opt-in
void checkTimingRules(CareContext& context);  ///< reminder-interval, long-session-checkin

}  // namespace stillpoint::detail
