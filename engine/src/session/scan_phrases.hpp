// Scan phrases: the words a body scan speaks for each region it visits, in
// the session's language, each with a stable id a voice pack can record.
//
// Invitations, never commands. A line is an opener (a lead and an
// invitation naming the region); a `standard` scan adds a noticing sentence,
// a `long` one also an invitation to the breath and a pendulation anchor
// chosen for the region (the hands while on the legs, the feet on the floor
// while on the upper body). Leads, invitations and closers are paired so
// that none repeats within the first kScanVariants lines of a session: one
// ScanPhrasing plans every scan of a session in turn. The first line of each
// scan offers to skip any area; after regions left out by `avoid`, the next
// line says "letting that go" instead of naming what was skipped.
//
// Ids (docs/voice-packs.md): scan.LANG.LENGTH.REGION.VARIANT, with .startK
// on a scan's first line and .resumeK after a gap, e.g.
// scan.de.long.feet.1.start1. The id alone fixes the text: the same id
// always speaks the same words.
#pragma once

#include <string>
#include <vector>

#include "stillpoint/session.hpp"

namespace stillpoint::detail {

/// Distinct openers (and closers) before the variants come round again.
inline constexpr int kScanVariants = 36;
/// Skip offers (and transitions after a gap) before they come round again.
inline constexpr int kScanLeadVariants = 6;

/// How a scan line begins.
enum class ScanLead : unsigned char {
    Plain,   ///< the variant's own lead
    Start,   ///< the scan's first line: offers to skip any area
    Resume,  ///< after regions left out: "letting that go"
};

/// Everything that fixes a scan line's words (and so its id).
struct ScanLineKey {
    Language language = Language::English;
    ScanLength length = ScanLength::Standard;
    std::string region;  ///< one of bodyRegions()
    int variant = 0;     ///< [0, kScanVariants)
    ScanLead lead = ScanLead::Plain;
    int leadVariant = 0;  ///< Start, Resume: which offer or transition
};

struct ScanLine {
    std::string text;
    std::string id;
};

/// A region's name as English prose for messages ("lower_back" -> "lower back").
std::string spokenRegion(std::string region);

std::string scanLineText(const ScanLineKey& key);
std::string scanLineId(const ScanLineKey& key);

/// Hands out scan lines across one session, so that phrases do not repeat.
class ScanPhrasing {
  public:
    explicit ScanPhrasing(Language language) : language_(language) {}

    /// One line per region of `regions` not in `avoid`, in order.
    std::vector<ScanLine> linesFor(const std::vector<std::string>& regions,
                                   const std::vector<std::string>& avoid, ScanLength length);

  private:
    Language language_;
    int lines_ = 0;    ///< scan lines handed out so far
    int scans_ = 0;    ///< scans that spoke so far
    int resumes_ = 0;  ///< lines after a gap so far
};

}  // namespace stillpoint::detail
