// German: "du", as most German guided practice speaks; regions in the
// accusative ("deinen Bauch") as every invitation takes them, anchors in the
// dative ("bei deinen Händen") as every anchor sentence takes them. Leads are
// adverbials, so the invitation that follows begins with its verb.
#include "session/spoken/spoken_words.hpp"

namespace stillpoint::detail {

const SpokenWords kGermanWords{
    .regions = {{
        {"feet", "deine Füße"},
        {"ankles", "deine Knöchel"},
        {"calves", "deine Waden"},
        {"knees", "deine Knie"},
        {"thighs", "deine Oberschenkel"},
        {"hips", "deine Hüften"},
        {"pelvis", "dein Becken"},
        {"belly", "deinen Bauch"},
        {"lower_back", "deinen unteren Rücken"},
        {"upper_back", "deinen oberen Rücken"},
        {"chest", "deine Brust"},
        {"hands", "deine Hände"},
        {"arms", "deine Arme"},
        {"shoulders", "deine Schultern"},
        {"neck", "deinen Nacken"},
        {"throat", "deinen Hals"},
        {"jaw", "deinen Kiefer"},
        {"face", "dein Gesicht"},
        {"head", "deinen Kopf"},
    }},
    .leads = {"Jetzt ", "Wenn es sich stimmig anfühlt, ", "In deinem eigenen Tempo ",
              "In aller Ruhe ", "Wenn du so weit bist, ", "Ohne Eile "},
    .invitations = {"kannst du vielleicht {} bemerken.",
                    "darf sich deine Aufmerksamkeit sanft auf {} richten.",
                    "kannst du freundlich in {} hineinspüren.", "darfst du {} einfach wahrnehmen.",
                    "lädt dich dieser Moment ein, {} zu spüren.",
                    "kannst du deine Aufmerksamkeit behutsam auf {} lenken."},
    .startLead = "Zu Beginn ",
    .skipOffers =
        {"Jeder Bereich darf ausgelassen werden: Wenn sich eine Stelle nicht stimmig anfühlt, "
         "kannst du stattdessen einfach beim Atem bleiben.",
         "Wie vorhin darfst du jeden Bereich auslassen und jederzeit beim Atem ausruhen.",
         "Du kannst jeden Bereich überspringen, und du kannst jederzeit aufhören.",
         "Jede Stelle darf ausgelassen werden; der Atem ist immer da, um bei ihm auszuruhen.",
         "Wenn eine Stelle heute nicht passt, kannst du sie einfach übergehen.",
         "Einen Bereich auszulassen, ist immer in Ordnung."},
    .resumeLeads = {"Von hier aus ", "Als Nächstes ", "Ein Stück weiter ", "Danach ",
                    "Im Weitergehen ", "Von dort aus "},
    .noticeFrames = {"Es kann {} geben.", "Vielleicht bemerkst du {}.",
                     "Möglicherweise zeigt sich {}.", "Da ist vielleicht {}.",
                     "Alles darf da sein: {}.", "Vielleicht spürst du {}."},
    .sensations = {"Wärme, Gewicht oder auch gar nichts",
                   "Kühle oder Weite, oder nichts Bestimmtes", "ein Kribbeln, Druck oder Stille",
                   "Schwere oder Leichtigkeit, oder keine klare Empfindung",
                   "die Berührung von Stoff oder Luft, oder kaum etwas",
                   "Weichheit, Festigkeit oder Ruhe"},
    .breathInvitations = {"Wenn du magst, lass den Atem sanft um diese Stelle fließen.",
                          "Vielleicht kannst du dir vorstellen, wie der Atem diesen Bereich "
                          "sanft erreicht.",
                          "Wenn es hilft, darf jedes Ausatmen diese Stelle ein wenig weicher "
                          "werden lassen.",
                          "Vielleicht kann der Atem diesem Bereich eine Weile Gesellschaft "
                          "leisten.",
                          "Der Atem darf hier kommen und gehen, in seinem eigenen Rhythmus.",
                          "Wenn es sich stimmig anfühlt, können ein paar ruhige Atemzüge hier "
                          "verweilen."},
    .anchorFrames = {"Und wenn deine Aufmerksamkeit wandert, kannst du jederzeit zu {} "
                     "zurückkehren.",
                     "Wann immer du magst, kannst du bei {} ausruhen, einem festen Ort.",
                     "Wenn etwas zu viel wird, darfst du stattdessen bei {} bleiben.",
                     "Du kannst zwischen dieser Stelle und {} hin und her wechseln, so wie es dir "
                     "guttut.",
                     "In jedem Moment kann deine Aufmerksamkeit bei {} Halt finden.",
                     "Wenn du eine Pause von diesem Bereich möchtest, kannst du eine Weile bei {} "
                     "verweilen."},
    .anchors = {"deinen Händen", "deinen Füßen auf dem Boden"},
    .grounding = {"Wir halten die Übung hier an. Wenn du magst, kannst du die Augen öffnen und "
                  "dich im Raum umsehen.",
                  "Vielleicht findest du fünf Dinge, die du sehen kannst. Lass dir Zeit.",
                  "Vier Dinge, die du spüren kannst. Deine Füße auf dem Boden. Die Sitzfläche "
                  "unter dir. Deine Hände.",
                  "Drei Dinge, die du hören kannst.",
                  "Zwei Dinge, die du riechen kannst, oder zwei Düfte, die du magst.",
                  "Und ein langsamer Atemzug, länger aus als ein.",
                  "Du bist hier, in diesem Raum. Du kannst hier ausruhen, so lange du möchtest."},
};

}  // namespace stillpoint::detail
