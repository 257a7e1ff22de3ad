// ProgressBar: a one-line bar on a terminal, nothing when output is not one.
#pragma once

#include <cstdio>
#include <string>

namespace stillpoint::cli {

class ProgressBar {
public:
    /// Draws on `stream` only when it is a terminal.
    ProgressBar(std::FILE* stream, std::string label);
    void update(double fraction);
    /// Clears the bar's line.
    void finish();

private:
    std::FILE* stream_;
    std::string label_;
    bool enabled_;
    int lastPercent_ = -1;
};

}  // namespace stillpoint::cli
