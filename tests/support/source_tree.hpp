// The project's own files, for tests that check a page of docs or a header
// against the table it shows (STILLPOINT_ASSETS_DIR names assets/ in the
// source tree).
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace stillpoint::test {

/// The text of `relative` (e.g. "docs/session-format.md") under the source
/// tree's root; a test failure naming the path when it cannot be read.
inline std::string readSourceFile(const std::string& relative) {
    const std::string path = std::string(STILLPOINT_ASSETS_DIR) + "/../" + relative;
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in) << "cannot read " << path;
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace stillpoint::test
