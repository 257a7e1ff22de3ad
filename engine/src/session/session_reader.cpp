#include <array>

#include "session/session_readers.hpp"
#include "session/session_vocabulary.hpp"

namespace stillpoint::detail {
namespace {

constexpr std::array<std::string_view, 9> kTopKeys{"stillpoint", "title",    "description",
                                                   "language",   "avoid",    "defaults",
                                                   "patterns",   "sections", "grounding"};
constexpr std::array<std::string_view, 2> kSectionKeys{"name", "steps"};
constexpr std::size_t kMaxTitleCharacters = 200;

void readVersion(const Field& field, YamlReader& reader) {
    if (field.value.IsScalar() && field.value.Scalar() == "1") return;
    const std::string written = field.value.IsScalar() ? field.value.Scalar() : "that";
    reader.error(field, "format version " + written + " is not known",
                 "this Stillpoint reads format 1: write stillpoint: 1");
}

/// Reads the sections and their steps, counting steps against kMaxSteps.
class SectionsReader {
  public:
    SectionsReader(const PatternTable& patterns, YamlReader& reader)
        : patterns_(patterns), reader_(reader) {}

    std::vector<Section> read(const Field& field) {
        std::vector<Section> sections;
        const auto items = reader_.items(field, "section");
        if (!items) return sections;
        if (items->empty())
            reader_.error(field, "sections is empty",
                          "add at least one section with a name and steps");
        for (const Field& item : *items) {
            if (tooManySteps_ || reader_.stopped()) break;
            sections.push_back(readSection(item));
        }
        return sections;
    }

  private:
    Section readSection(const Field& item) {
        Section section;
        section.pos = reader_.positionOf(item);
        const auto entries = reader_.entries(item, kSectionKeys, "in section");
        if (!entries) return section;
        const bool complete = readEveryKey(item, *entries);
        if (const Field* name = findField(*entries, "name")) {
            if (auto text = reader_.text({"section name", name->key, name->value}))
                section.name = std::move(*text);
        } else if (complete) {
            reader_.error(section.pos, "section has no name",
                          "add name: followed by a short title");
        }
        const Field* steps = findField(*entries, "steps");
        if (!steps) {
            if (complete)
                reader_.error(section.pos, "section has no steps",
                              "add steps: with at least one step");
            return section;
        }
        section.steps = readSteps(*steps);
        return section;
    }

  public:
    /// A list of steps (a section's, or the grounding list).
    std::vector<Step> readSteps(const Field& field) {
        std::vector<Step> steps;
        const auto items = reader_.items(field, "step");
        if (!items) return steps;
        if (items->empty()) reader_.error(field, "steps is empty", "add at least one step");
        for (const Field& stepItem : *items) {
            if (reader_.stopped()) break;
            if (++stepCount_ > kMaxSteps) {
                reader_.error(stepItem, "more than " + std::to_string(kMaxSteps) + " steps",
                              "split the session into several files");
                tooManySteps_ = true;
                break;
            }
            if (auto step = readStep(stepItem, patterns_, reader_))
                steps.push_back(std::move(*step));
        }
        return steps;
    }

  private:
    const PatternTable& patterns_;
    YamlReader& reader_;
    std::size_t stepCount_ = 0;
    bool tooManySteps_ = false;
};

}  // namespace

Session readSession(const YAML::Node& root, YamlReader& reader) {
    Session session;
    session.sourcePath = reader.path();
    const Field document{"the session", YAML::Node(YAML::NodeType::Undefined), root};
    if (!root.IsDefined() || root.IsNull()) {
        reader.error(SourcePos{1, 1}, "the file is empty",
                     "a session needs at least a title and sections; see docs/session-format.md");
        return session;
    }
    if (!root.IsMap()) {
        reader.wrongType(document, "a map of keys (title, sections, ...)");
        return session;
    }
    const auto entries = reader.entries(document, kTopKeys, "at the top level");
    if (!entries) return session;

    const bool complete = readEveryKey(document, *entries);
    if (const Field* version = findField(*entries, "stillpoint")) readVersion(*version, reader);
    if (const Field* title = findField(*entries, "title")) {
        if (auto text = reader.text(*title, kMaxTitleCharacters)) session.title = std::move(*text);
    } else if (complete) {
        reader.error(root, "the session has no title",
                     "add title: followed by a short name, e.g. title: Arrive and breathe");
    }
    if (const Field* description = findField(*entries, "description")) {
        if (auto text = reader.text(*description)) session.description = std::move(*text);
    }

    if (const Field* language = findField(*entries, "language")) {
        session.languagePos = reader.positionOf(*language);
        session.language =
            reader.choice(*language, kLanguageNames, "languages").value_or(session.language);
    }

    PatternTable patterns;
    if (const Field* field = findField(*entries, "patterns"))
        patterns = readPatterns(*field, reader);
    session.patterns = patterns.patterns;
    if (const Field* defaults = findField(*entries, "defaults"))
        session.defaults = readSoundSettings(*defaults, patterns, reader);
    if (const Field* avoid = findField(*entries, "avoid"))
        session.avoid = readRegionList(*avoid, reader);

    SectionsReader sectionsReader(patterns, reader);
    if (const Field* sections = findField(*entries, "sections")) {
        session.sections = sectionsReader.read(*sections);
    } else if (complete) {
        reader.error(root, "the session has no sections",
                     "add sections: with at least one section (name and steps)");
    }
    if (const Field* grounding = findField(*entries, "grounding")) {
        Section section{"Grounding", reader.positionOf(*grounding), {}};
        section.steps = sectionsReader.readSteps(*grounding);
        session.grounding = std::move(section);
    }
    return session;
}

}  // namespace stillpoint::detail
