// French: "vous", as French guided practice mostly speaks; regions with
// their possessive ("vos pieds", "le bas de votre dos") so that no
// preposition contracts with an article, anchors likewise.
#include "session/spoken/spoken_words.hpp"

namespace stillpoint::detail {

const SpokenWords kFrenchWords{
    .regions = {{
        {"feet", "vos pieds"},
        {"ankles", "vos chevilles"},
        {"calves", "vos mollets"},
        {"knees", "vos genoux"},
        {"thighs", "vos cuisses"},
        {"hips", "vos hanches"},
        {"pelvis", "votre bassin"},
        {"belly", "votre ventre"},
        {"lower_back", "le bas de votre dos"},
        {"upper_back", "le haut de votre dos"},
        {"chest", "votre poitrine"},
        {"hands", "vos mains"},
        {"arms", "vos bras"},
        {"shoulders", "vos épaules"},
        {"neck", "votre nuque"},
        {"throat", "votre gorge"},
        {"jaw", "votre mâchoire"},
        {"face", "votre visage"},
        {"head", "votre tête"},
    }},
    .leads = {"Maintenant, ", "Si cela vous convient, ", "À votre rythme, ", "Tout doucement, ",
              "Quand le moment vous semble venu, ", "Sans vous presser, "},
    .invitations = {"vous pouvez remarquer {}.", "votre attention peut se poser sur {}.",
                    "vous pouvez accueillir ce qui est présent dans {}.",
                    "vous pouvez laisser votre attention rejoindre {}.",
                    "vous pourriez simplement sentir {}.",
                    "vous pouvez tourner une attention bienveillante vers {}."},
    .startLead = "Pour commencer, ",
    .skipOffers =
        {"Chaque zone peut être laissée de côté : si un endroit ne vous convient pas, vous pouvez "
         "simplement rester avec votre souffle.",
         "Comme tout à l'heure, vous pouvez passer n'importe quelle zone et vous reposer dans "
         "votre souffle quand vous le souhaitez.",
         "Vous pouvez passer n'importe quelle zone et arrêter à tout moment.",
         "Chaque endroit peut être laissé de côté ; votre souffle est toujours là pour vous "
         "reposer.",
         "Si un endroit ne vous convient pas aujourd'hui, vous pouvez simplement le passer.",
         "Passer une zone est toujours possible."},
    .resumeLeads = {"En laissant cela, ", "Ensuite, ", "De là, ", "En mettant cela de côté, ",
                    "Un peu plus loin, ", "À partir d'ici, "},
    .noticeFrames = {"Il y a peut-être {}.", "Vous remarquez peut-être {}.", "Il peut y avoir {}.",
                     "Peut-être sentez-vous {}.", "Tout est bienvenu : {}.",
                     "Il se peut qu'il y ait {}."},
    .sensations = {"de la chaleur, du poids ou rien du tout",
                   "de la fraîcheur ou de l'aisance, ou rien de particulier",
                   "des picotements, une pression ou de l'immobilité",
                   "de la lourdeur ou de la légèreté, ou aucune sensation nette",
                   "le contact des vêtements ou de l'air, ou presque rien",
                   "de la douceur, de la fermeté ou du calme"},
    .breathInvitations = {"Si vous le souhaitez, laissez le souffle circuler doucement autour de "
                          "cet endroit.",
                          "Vous pouvez imaginer le souffle qui rejoint doucement cette zone.",
                          "Si cela aide, chaque expiration peut adoucir un peu cet endroit.",
                          "Le souffle peut tenir compagnie à cette zone un moment.",
                          "Vous pouvez laisser le souffle aller et venir ici, à son propre "
                          "rythme.",
                          "Si cela vous semble juste, quelques respirations tranquilles peuvent "
                          "se poser ici."},
    .anchorFrames = {"Et si votre attention s'égare, vous pouvez toujours revenir à {}.",
                     "Quand vous le souhaitez, vous pouvez retrouver {}, un lieu stable.",
                     "Si quelque chose devient trop intense, vous pouvez plutôt revenir vers {}.",
                     "Vous pouvez aller et venir entre cet endroit et {}, selon vos besoins.",
                     "À tout moment, votre attention peut se poser sur {}.",
                     "Si vous souhaitez une pause, vous pouvez sentir {} un moment."},
    .anchors = {"vos mains", "vos pieds sur le sol"},
    .grounding = {"Faisons une pause dans la pratique. Vous pouvez ouvrir les yeux et regarder "
                  "autour de vous, dans la pièce.",
                  "Vous pouvez repérer cinq choses que vous voyez. Prenez votre temps.",
                  "Quatre choses que vous pouvez toucher ou ressentir. Vos pieds sur le sol. Le "
                  "siège sous vous. Vos mains.",
                  "Trois choses que vous pouvez entendre.",
                  "Deux odeurs que vous percevez, ou deux parfums que vous aimez.",
                  "Et une respiration lente, l'expiration plus longue que l'inspiration.",
                  "Vous êtes ici, dans cette pièce. Vous pouvez vous reposer ici aussi longtemps "
                  "que vous le souhaitez."},
};

}  // namespace stillpoint::detail
