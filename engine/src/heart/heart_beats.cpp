#include "stillpoint/heart_beats.hpp"

#include <charconv>
#include <cmath>

namespace stillpoint::heart {
namespace {

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == ',';
}

struct Field {
    std::string_view text;
    std::size_t column = 0;  // 1-based
};

/// Up to three whitespace- or comma-separated fields (three means too many).
int splitFields(std::string_view line, Field (&fields)[3]) {
    int count = 0;
    std::size_t i = 0;
    while (i < line.size() && count < 3) {
        while (i < line.size() && isSpace(line[i])) ++i;
        if (i >= line.size()) break;
        const std::size_t start = i;
        while (i < line.size() && !isSpace(line[i])) ++i;
        fields[count++] = {line.substr(start, i - start), start + 1};
    }
    return count;
}

bool toNumber(std::string_view text, double& value) {
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    return ec == std::errc{} && ptr == end && std::isfinite(value);
}

}  // namespace

RrLineReader::Result RrLineReader::read(std::string_view line) {
    ++lineNumber_;
    Result result;
    Field fields[3];
    const int count = splitFields(line, fields);
    if (count == 0 || fields[0].text.front() == '#') return result;
    const auto fail = [&](const Field& at, const std::string& what) {
        result.outcome = Outcome::Error;
        result.error = source_ + ":" + std::to_string(lineNumber_) + ":" +
                       std::to_string(at.column) + ": " + what;
        return result;
    };
    if (count == 3)
        return fail(fields[2],
                    "more than two values on a line; write an RR interval in ms, or "
                    "seconds then the RR interval in ms");
    const Form form = count == 1 ? Form::Intervals : Form::Timestamped;
    if (form_ != Form::Unknown && form != form_)
        return fail(fields[0], form_ == Form::Intervals
                                   ? "a timestamped line in a stream of plain RR intervals; "
                                     "keep one form: every line `ms`, or every line `seconds ms`"
                                   : "a plain RR interval in a timestamped stream; keep one form: "
                                     "every line `seconds ms`");
    double values[2] = {0.0, 0.0};
    for (int i = 0; i < count; ++i)
        if (!toNumber(fields[i].text, values[i]))
            return fail(fields[i], "'" + std::string(fields[i].text) +
                                       "' is not a number; write the RR interval in ms, e.g. 812");
    const double rr = values[count - 1];
    if (!(rr > 0.0))
        return fail(fields[count - 1],
                    "an RR interval must be above 0 ms; write milliseconds, e.g. 812");
    if (form == Form::Timestamped) {
        if (values[0] < clock_)
            return fail(fields[0], "time goes backwards (" + std::string(fields[0].text) +
                                       " s after a later beat); beats must come in time order");
        clock_ = values[0];
    } else {
        clock_ += rr / 1000.0;
    }
    form_ = form;
    result.outcome = Outcome::Beat;
    result.beat = {clock_, rr};
    return result;
}

BeatFile readBeats(std::string_view text, const std::string& source) {
    BeatFile file;
    RrLineReader reader(source);
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        RrLineReader::Result result = reader.read(line);
        if (result.outcome == RrLineReader::Outcome::Error) {
            file.error = std::move(result.error);
            return file;
        }
        if (result.outcome == RrLineReader::Outcome::Beat) file.beats.push_back(result.beat);
    }
    return file;
}

}  // namespace stillpoint::heart
