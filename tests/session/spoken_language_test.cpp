// The lines the engine writes itself, in each language: scan phrases that
// do not repeat within a session, fit their region, offer to skip, and carry
// stable ids; the built-in grounding; `language:` and the `id:` keys.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "session/built_in_grounding.hpp"
#include "session/scan_phrases.hpp"
#include "session/spoken/spoken_words.hpp"
#include "stillpoint/program.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint {
namespace {

struct Planned {
    Program program;
    Diagnostics diagnostics;
};

Planned planText(const std::string& text) {
    ParseResult parsed = parseSession(text, "spoken.yaml");
    Planned planned;
    planned.diagnostics = parsed.diagnostics;
    if (!parsed.session) return planned;
    PlanResult result = planSession(*parsed.session);
    planned.diagnostics.insert(planned.diagnostics.end(), result.diagnostics.begin(),
                               result.diagnostics.end());
    if (result.program) planned.program = std::move(*result.program);
    return planned;
}

/// A session in `language` scanning every region up (long), then down (standard).
std::string twoFullScans(const std::string& language) {
    return "title: t\nlanguage: " + language +
           "\nsections:\n  - name: s\n    steps:\n"
           "      - scan: {direction: up, length: long}\n"
           "      - scan: {direction: down, length: standard}\n";
}

/// Every line the program speaks (flow and grounding), with its id.
std::vector<std::pair<std::string, std::string>> spoken(const Program& program) {
    std::vector<std::pair<std::string, std::string>> lines;
    for (const PlannedStep& step : program.steps)
        for (std::size_t i = 0; i < step.lines.size(); ++i)
            lines.emplace_back(step.lineIds.at(i), step.lines[i]);
    return lines;
}

std::vector<std::string> scanLinesOf(const Program& program) {
    std::vector<std::string> lines;
    for (const PlannedStep& step : program.steps)
        if (step.kind == StepKind::Scan)
            lines.insert(lines.end(), step.lines.begin(), step.lines.end());
    return lines;
}

/// The words of a table slot around its `{}`, each long enough to be telling.
void addFragments(std::string_view slot, std::vector<std::string>& into) {
    std::size_t start = 0;
    for (;;) {
        const auto at = slot.find("{}", start);
        std::string part(slot.substr(start, at == std::string_view::npos ? slot.npos : at - start));
        while (!part.empty() && (part.back() == ' ' || part.back() == '.')) part.pop_back();
        while (!part.empty() && part.front() == ' ') part.erase(0, 1);
        if (part.size() >= 6) into.push_back(part);
        if (at == std::string_view::npos) return;
        start = at + 2;
    }
}

/// Every English phrase the engine can generate, in fragments.
std::vector<std::string> englishFragments() {
    const detail::SpokenWords& en = detail::kEnglishWords;
    std::vector<std::string> fragments;
    for (const auto& [name, words] : en.regions) addFragments(words, fragments);
    for (const auto* slots : {&en.leads, &en.invitations, &en.noticeFrames, &en.sensations,
                              &en.breathInvitations, &en.anchorFrames})
        for (std::string_view slot : *slots) addFragments(slot, fragments);
    for (std::string_view slot : en.skipOffers) addFragments(slot, fragments);
    for (std::string_view slot : en.resumeLeads) addFragments(slot, fragments);
    for (std::string_view slot : en.anchors) addFragments(slot, fragments);
    for (std::string_view slot : en.grounding) addFragments(slot, fragments);
    addFragments(en.startLead, fragments);
    return fragments;
}

const detail::SpokenWords* const kEveryLanguage[] = {&detail::kEnglishWords, &detail::kGermanWords,
                                                     &detail::kFrenchWords, &detail::kSpanishWords};

TEST(SpokenWords, EveryLanguageNamesEveryBodyRegionInOrder) {
    for (const detail::SpokenWords* words : kEveryLanguage) {
        ASSERT_EQ(words->regions.size(), bodyRegions().size());
        for (std::size_t i = 0; i < bodyRegions().size(); ++i) {
            EXPECT_EQ(words->regions[i].first, bodyRegions()[i]);
            EXPECT_FALSE(words->regions[i].second.empty());
        }
        for (std::string_view slot : words->invitations)
            EXPECT_NE(slot.find("{}"), std::string_view::npos) << slot;
    }
}

TEST(ScanPhrases, NoOpenerOrCloserRepeatsAcrossTwoFullScansInAnyLanguage) {
    for (const char* language : {"en", "de", "fr", "es"}) {
        const Planned planned = planText(twoFullScans(language));
        ASSERT_TRUE(planned.diagnostics.empty()) << planned.diagnostics.front().format();
        const auto lines = scanLinesOf(planned.program);
        ASSERT_EQ(lines.size(), 36u) << language;
        const detail::SpokenWords& words = detail::spokenWords(planned.program.language);
        std::set<std::string> openers, closers, whole;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const std::string& region =
                i < 18 ? wholeBodyScanRegions()[i] : wholeBodyScanRegions()[35 - i];
            const auto named = std::find_if(words.regions.begin(), words.regions.end(),
                                            [&](const auto& r) { return r.first == region; });
            // The opener: everything up to the region's name; the closer: the sentence after it.
            const auto at = lines[i].find(named->second);
            ASSERT_NE(at, std::string::npos) << lines[i];
            const auto closerStart = lines[i].find(". ", at);
            ASSERT_NE(closerStart, std::string::npos) << lines[i];
            const std::string closer = lines[i].substr(
                closerStart + 2, lines[i].find(". ", closerStart + 2) - closerStart);
            EXPECT_TRUE(openers.insert(lines[i].substr(0, at)).second)
                << language << " opener repeats in line " << i << ": " << lines[i];
            EXPECT_TRUE(closers.insert(closer).second)
                << language << " closer repeats in line " << i << ": " << lines[i];
            EXPECT_TRUE(whole.insert(lines[i]).second) << lines[i];
        }
    }
}

TEST(ScanPhrases, TheFortyFiveMinuteScanSaysNoSentenceTwice) {
    // Four scans, 36 regions: every sentence of every scan line is its own.
    const ParseResult parsed =
        loadSessionFile(std::string(STILLPOINT_ASSETS_DIR) + "/sessions/body-scan-45.yaml");
    ASSERT_TRUE(parsed.session);
    const PlanResult result = planSession(*parsed.session);
    ASSERT_TRUE(result.program);
    const auto lines = scanLinesOf(*result.program);
    ASSERT_EQ(lines.size(), 36u);
    std::set<std::string> openings;  // each line up to its first sentence's end
    for (const std::string& line : lines)
        EXPECT_TRUE(openings.insert(line.substr(0, line.find(". "))).second) << line;
    std::set<std::string> skipOffers;  // each scan step its own (six wordings)
    std::size_t scans = 0;
    for (const PlannedStep& step : result.program->steps)
        if (step.kind == StepKind::Scan) {
            ++scans;
            EXPECT_TRUE(skipOffers.insert(step.lines.front().substr(0, 30)).second)
                << step.lines.front();
        }
    EXPECT_GE(scans, 4u);
    EXPECT_EQ(skipOffers.size(), scans);
}

TEST(ScanPhrases, EachScanOpensWithTheSkipOfferAndAGapIsNotNamed) {
    const Planned planned = planText(
        "title: t\navoid: [chest]\nsections:\n  - name: s\n    steps:\n"
        "      - scan: {regions: [feet, belly, chest, hands], length: short}\n"
        "      - scan: {regions: [jaw, face], length: short}\n");
    ASSERT_TRUE(planned.diagnostics.empty()) << planned.diagnostics.front().format();
    const auto lines = scanLinesOf(planned.program);
    ASSERT_EQ(lines.size(), 5u);
    EXPECT_EQ(lines[0].rfind("Any area can be skipped", 0), 0u) << lines[0];
    EXPECT_EQ(lines[3].rfind("As before, any area can be skipped", 0), 0u) << lines[3];
    EXPECT_EQ(lines[2].rfind("Letting that go, ", 0), 0u) << lines[2];
    for (const std::string& line : lines) EXPECT_EQ(line.find("chest"), std::string::npos);
}

TEST(ScanPhrases, TheWayBackIsNeverTheRegionBeingScanned) {
    const Planned planned = planText(
        "title: t\nsections:\n  - name: s\n    steps:\n"
        "      - scan: {regions: [feet, hands, chest, lower_back], length: long}\n");
    const auto lines = scanLinesOf(planned.program);
    ASSERT_EQ(lines.size(), 4u);
    // The way back is the sentence after the pause.
    const auto wayBack = [&](std::size_t i) {
        return lines[i].substr(lines[i].find("[pause 3s]"));
    };
    EXPECT_EQ(wayBack(0).find("feet"), std::string::npos) << lines[0];
    EXPECT_NE(wayBack(0).find("your hands"), std::string::npos) << lines[0];
    EXPECT_NE(wayBack(1).find("your feet on the floor"), std::string::npos) << lines[1];
    EXPECT_NE(wayBack(2).find("your feet on the floor"), std::string::npos) << lines[2];
    EXPECT_NE(wayBack(3).find("your hands"), std::string::npos) << lines[3];
}

TEST(ScanPhrases, AnIdAlwaysSpeaksTheSameWords) {
    // The same id from two different sessions has the same text, and the
    // text follows from the id's parts alone.
    const Planned a = planText(twoFullScans("de"));
    const Planned b = planText(
        "title: t\nlanguage: de\nsections:\n  - name: s\n    steps:\n"
        "      - say: Hallo.\n"
        "      - scan: {regions: [feet, ankles], length: long}\n");
    const auto first = spoken(a.program);
    const auto second = spoken(b.program);
    ASSERT_GE(second.size(), 3u);
    EXPECT_EQ(second[1].first, "scan.de.long.feet.1.start1");
    EXPECT_EQ(second[2].first, "scan.de.long.ankles.2");
    for (const auto& line : second) {
        const auto same = std::find_if(first.begin(), first.end(), [&](const auto& other) {
            return other.first == line.first;
        });
        if (same != first.end()) {
            EXPECT_EQ(same->second, line.second) << line.first;
        }
    }
    detail::ScanLineKey key{
        Language::German, ScanLength::Long, "ankles", 1, detail::ScanLead::Plain, 0};
    EXPECT_EQ(detail::scanLineId(key), "scan.de.long.ankles.2");
    EXPECT_EQ(detail::scanLineText(key), second[2].second);
    EXPECT_EQ(detail::scanLineText(key).rfind("Wenn es sich stimmig anfühlt, darf sich deine "
                                              "Aufmerksamkeit sanft auf deine Knöchel richten.",
                                              0),
              0u)
        << detail::scanLineText(key);
}

TEST(ScanPhrases, PastThirtySixLinesTheVariantsComeRoundAgain) {
    detail::ScanPhrasing phrasing(Language::English);
    const auto regions = wholeBodyScanRegions();  // 18: two scans use up the 36 variants
    phrasing.linesFor(regions, {}, ScanLength::Short);
    phrasing.linesFor(regions, {}, ScanLength::Short);
    const auto third = phrasing.linesFor({"knees"}, {}, ScanLength::Short);
    ASSERT_EQ(third.size(), 1u);
    EXPECT_EQ(third[0].id, "scan.en.short.knees.1.start3");
}

TEST(SpokenLanguage, AGermanFrenchOrSpanishSessionGeneratesNoEnglishLine) {
    const auto english = englishFragments();
    ASSERT_GT(english.size(), 60u);
    for (const char* language : {"de", "fr", "es"}) {
        const Planned planned = planText(twoFullScans(language));
        ASSERT_TRUE(planned.program.groundingSection >= 0);
        const auto lines = spoken(planned.program);
        ASSERT_EQ(lines.size(), 36u + 7u) << language;  // two scans and the built-in grounding
        std::set<std::string> distinct;
        for (const auto& [id, text] : lines) {
            EXPECT_TRUE(distinct.insert(text).second) << language << ": said twice: " << text;
            EXPECT_NE(id.find(std::string(".") + language + "."), std::string::npos) << id;
            for (const std::string& fragment : english)
                EXPECT_EQ(text.find(fragment), std::string::npos)
                    << language << ": English \"" << fragment << "\" in: " << text;
        }
    }
}

TEST(SpokenLanguage, TheBuiltInGroundingSpeaksTheSessionsLanguageWithIds) {
    const Planned planned =
        planText("title: t\nlanguage: fr\nsections:\n  - name: s\n    steps:\n      - pause: 1s\n");
    ASSERT_TRUE(planned.diagnostics.empty()) << planned.diagnostics.front().format();
    const auto lines = spoken(planned.program);
    ASSERT_EQ(lines.size(), 7u);
    EXPECT_EQ(lines[0].first, "grounding.fr.1");
    EXPECT_EQ(lines[6].first, "grounding.fr.7");
    EXPECT_EQ(lines[2].second,
              "Quatre choses que vous pouvez toucher ou ressentir. Vos pieds sur le sol. Le siège "
              "sous vous. Vos mains.");
    EXPECT_EQ(detail::groundingLineId(Language::Spanish, 3), "grounding.es.3");
}

TEST(SpokenLanguage, AnUnknownLanguageIsAnErrorListingTheKnownOnes) {
    const Planned planned = planText(
        "title: t\nlanguage: german\nsections:\n  - name: s\n    steps:\n      - pause: 1s\n");
    ASSERT_FALSE(planned.diagnostics.empty());
    const std::string message = planned.diagnostics.front().format();
    EXPECT_NE(message.find("spoken.yaml:2:11: error: unknown language 'german'"), std::string::npos)
        << message;
    EXPECT_NE(message.find("en, de, fr, es"), std::string::npos) << message;
}

TEST(LineIds, CheckinsAndBreathLinesTakeAnIdToo) {
    const Planned planned = planText(R"(title: t
sections:
  - name: s
    steps:
      - checkin: {prompt: "How is this?", id: how-1}
      - breathe:
          cycles: 2
          lines:
            - {at: exhale, say: Let it go., id: breath.out}
            - {at: inhale, say: And in.}
)");
    ASSERT_TRUE(planned.diagnostics.empty()) << planned.diagnostics.front().format();
    EXPECT_EQ(planned.program.steps.at(0).lineIds, std::vector<std::string>{"how-1"});
    EXPECT_EQ(planned.program.steps.at(1).lineIds, (std::vector<std::string>{"breath.out", ""}));

    const Planned bad = planText(
        "title: t\nsections:\n  - name: s\n    steps:\n"
        "      - checkin: {prompt: Now, id: ../up}\n");
    ASSERT_FALSE(bad.diagnostics.empty());
    EXPECT_NE(bad.diagnostics.front().format().find(
                  "spoken.yaml:5:36: error: line id '../up' is not a plain name"),
              std::string::npos)
        << bad.diagnostics.front().format();
}

}  // namespace
}  // namespace stillpoint
