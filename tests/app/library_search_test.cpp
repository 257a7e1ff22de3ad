// Library search: title words and length terms narrow the list together.
#include "library_search.hpp"

#include <gtest/gtest.h>

namespace stillpoint::app {
namespace {

const std::vector<LibraryEntry> kLibrary = {
    {"Arrive and Breathe", "arrive-and-breathe.yaml", 5 * 60.0, true},
    {"Body Scan for Sleep", "body-scan.yaml", 20 * 60.0, true},
    {"Box Breathing", "box.yaml", 10 * 60.0 + 20, true},
    {"Evening Wind-down", "/home/t/Sessions/evening.yaml", 31 * 60.0, false},
};

TEST(LibrarySearch, EmptyQueryListsEverything) {
    EXPECT_EQ(searchLibrary(kLibrary, ""), (std::vector<int>{0, 1, 2, 3}));
}

TEST(LibrarySearch, EveryWordMustBeInTheTitleInAnyCase) {
    EXPECT_EQ(searchLibrary(kLibrary, "BREATH"), (std::vector<int>{0, 2}));
    EXPECT_EQ(searchLibrary(kLibrary, "box breath"), (std::vector<int>{2}));
    EXPECT_EQ(searchLibrary(kLibrary, "scan wind"), (std::vector<int>{}));
}

TEST(LibrarySearch, LengthTermsNarrowByMinutes) {
    EXPECT_EQ(searchLibrary(kLibrary, "<10"), (std::vector<int>{0}));
    EXPECT_EQ(searchLibrary(kLibrary, ">20"), (std::vector<int>{1, 3}));
    EXPECT_EQ(searchLibrary(kLibrary, "10m"), (std::vector<int>{2}));
    EXPECT_EQ(searchLibrary(kLibrary, "30min"), (std::vector<int>{3}));
    EXPECT_EQ(searchLibrary(kLibrary, "breath <8"), (std::vector<int>{0}));
}

TEST(LibrarySearch, AWordThatOnlyLooksLikeALengthMatchesTheTitle) {
    EXPECT_EQ(searchLibrary(kLibrary, "<"), (std::vector<int>{}));
    EXPECT_EQ(searchLibrary(kLibrary, "m"), (std::vector<int>{}));  // no title has an m
    EXPECT_EQ(searchLibrary(kLibrary, "an"), (std::vector<int>{0, 1}));
}

}  // namespace
}  // namespace stillpoint::app
