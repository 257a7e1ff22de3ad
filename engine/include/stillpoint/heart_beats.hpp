// Heart beats as the heart modules share them, and the text form of a beat
// stream (a file, a FIFO, stdin): one beat per line, either
//   812              an RR interval in milliseconds (time is their running sum)
//   12.345 812       seconds since the stream began, then the RR interval in ms
// Blank lines and lines starting with `#` are skipped; one stream keeps one form.
// Commas may stand for the space (CSV exports).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace stillpoint::heart {

/// One beat: the interval that ended at `seconds` (on the stream's clock).
struct Beat {
    double seconds = 0.0;
    double rrMs = 0.0;
};

/// Reads a beat stream line by line (a live FIFO as much as a whole file).
class RrLineReader {
  public:
    enum class Outcome : unsigned char { Beat, Skip, Error };
    struct Result {
        Outcome outcome = Outcome::Skip;
        Beat beat;
        std::string error;  ///< "source:line:col: what is wrong; what would be right"
    };
    explicit RrLineReader(std::string source) : source_(std::move(source)) {}
    Result read(std::string_view line);

  private:
    enum class Form : unsigned char { Unknown, Intervals, Timestamped };
    std::string source_;
    int lineNumber_ = 0;
    Form form_ = Form::Unknown;
    double clock_ = 0.0;  // running sum of intervals, seconds
};

struct BeatFile {
    std::vector<Beat> beats;
    std::string error;  ///< the first bad line's, or "" when the text read fine
};

/// Read a whole beat stream; `source` names it in errors.
BeatFile readBeats(std::string_view text, const std::string& source);

}  // namespace stillpoint::heart
