// The layer vocabulary names every mixer layer once, in LayerId order; the
// session parser reads `volumes:` from it; docs/session-format.md and the
// docs/cli.md show it as it is.
#include "stillpoint/layer_vocabulary.hpp"

#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>

#include "source_tree.hpp"
#include "stillpoint/pace_range.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint::test {
namespace {

TEST(LayerVocabulary, EveryLayerOnceInOrderUnderItsOwnNameAndCParameter) {
    std::set<std::string_view> names, cNames;
    std::set<int> cValues;
    for (std::size_t i = 0; i < kLayerCount; ++i) {
        const LayerWord& word = kLayerVocabulary[i];
        EXPECT_EQ(word.layer, static_cast<LayerId>(i));
        EXPECT_EQ(&layerWord(word.layer), &word);
        EXPECT_EQ(layerNamed(word.name), &word);
        EXPECT_EQ(kLayerNames[i], word.name);
        EXPECT_TRUE(names.insert(word.name).second) << word.name;
        EXPECT_TRUE(cNames.insert(word.cName).second) << word.cName;
        EXPECT_TRUE(cValues.insert(word.cValue).second) << word.cName;
        EXPECT_EQ(word.cName.substr(0, 9), "SP_PARAM_") << word.name;
        // The title is the name as a control shows it.
        ASSERT_EQ(word.title.size(), word.name.size());
        EXPECT_EQ(word.title.substr(1), word.name.substr(1));
        EXPECT_EQ(word.title[0], word.name[0] - 'a' + 'A');
    }
    EXPECT_EQ(*cValues.rbegin(), 5);  // 0..5, as stillpoint.h numbers them
    EXPECT_EQ(layerNamed("bell"), nullptr);
    EXPECT_EQ(layerNameList(", "), "tone, bed, bells, voice, binaural, isochronic");
    EXPECT_EQ(rangeText(kLayerVolumeRange), "-60 to 6");
}

TEST(LayerVocabulary, TheParserReadsEachLayersVolumeAndKeepsTheOthersDefaults) {
    const auto parsed = parseSession(
        "title: t\ndefaults: {volumes: {isochronic: -40, tone: -3.5}}\nsections:\n"
        "  - name: a\n    steps:\n      - pause: 2s\n",
        "volumes.yaml");
    ASSERT_TRUE(parsed.session);
    const LayerVolumes& read = parsed.session->defaults.volumes;
    for (const LayerWord& word : kLayerVocabulary) {
        const double expected = word.layer == LayerId::Isochronic ? -40.0
                                : word.layer == LayerId::Tone     ? -3.5
                                                                  : LayerVolumes{}.*word.volume;
        EXPECT_EQ(read.*word.volume, expected) << word.name;
    }
}

TEST(LayerVocabulary, AnUnknownLayerOrAVolumeOutOfRangeIsNamedWithTheTablesWords) {
    const auto parsed = parseSession(
        "title: t\ndefaults: {volumes: {bell: -4, voice: 7}}\nsections:\n"
        "  - name: a\n    steps:\n      - pause: 2s\n",
        "volumes.yaml");
    ASSERT_EQ(parsed.diagnostics.size(), 2u);
    EXPECT_EQ(parsed.diagnostics[0].format(),
              "volumes.yaml:2:22: error: unknown key 'bell' in volumes; did you mean 'bells'? "
              "valid keys: tone, bed, bells, voice, binaural, isochronic");
    EXPECT_EQ(parsed.diagnostics[1].format(),
              "volumes.yaml:2:39: error: voice volume 7 dB is out of range; use a value from -60 "
              "to 6 dB");
}

/// The vocabulary as the Markdown table docs/session-format.md shows.
std::string layerTable() {
    std::string table =
        "| layer | default | what it is |\n"
        "|---|---|---|\n";
    for (const LayerWord& word : kLayerVocabulary) {
        std::ostringstream db;
        db << LayerVolumes{}.*word.volume;
        table += "| `" + std::string(word.name) + "` | " + db.str() + " dB | " +
                 std::string(word.help) + " |\n";
    }
    return table;
}

TEST(LayerVocabulary, TheSessionFormatShowsTheTableAndRangeAsTheyAre) {
    const std::string doc = readSourceFile("docs/session-format.md");
    EXPECT_NE(doc.find(layerTable()), std::string::npos)
        << "docs/session-format.md: the layer table differs from layer_vocabulary.hpp; write it "
           "as:\n"
        << layerTable();
    const std::string range = "each from " + rangeText(kLayerVolumeRange) + " dB";
    EXPECT_NE(doc.find("| `volumes` | map of layer to dB | see below | " + range + " |"),
              std::string::npos)
        << "docs/session-format.md: the defaults table's volumes row should say '" << range << "'";
    EXPECT_NE(doc.find("layers, " + range), std::string::npos) << range;
}

TEST(LayerVocabulary, TheCHeaderGivesTheLayersRange) {
    const std::string range =
        paceText(kLayerVolumeRange.lowestDb) + ".." + paceText(kLayerVolumeRange.highestDb);
    EXPECT_NE(readSourceFile("capi/include/stillpoint/stillpoint.h")
                  .find("Layer volumes in dB, " + range + ", smoothed."),
              std::string::npos)
        << "stillpoint.h: the layer parameters' comment should give " << range;
}

TEST(LayerVocabulary, TheCliDocsNameTheLayersAsTheTableDoes) {
    const std::string readme = readSourceFile("docs/cli.md");
    EXPECT_NE(readme.find("a layer (" + layerNameList(", ") + ")"), std::string::npos)
        << "docs/cli.md: the player's layer keys should list: " << layerNameList(", ");
    EXPECT_NE(readme.find("`volume LAYER DB` (" + rangeText(kLayerVolumeRange) + ")"),
              std::string::npos)
        << "docs/cli.md: the control script's volume command should give the range "
        << rangeText(kLayerVolumeRange);
}

}  // namespace
}  // namespace stillpoint::test
