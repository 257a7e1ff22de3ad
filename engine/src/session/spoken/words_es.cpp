// Spanish: "tú", as most Spanish guided practice speaks; regions with their
// possessive ("tus pies", "la parte baja de tu espalda") so that no
// preposition contracts with an article ("a el" -> "al"), anchors likewise.
#include "session/spoken/spoken_words.hpp"

namespace stillpoint::detail {

const SpokenWords kSpanishWords{
    .regions = {{
        {"feet", "tus pies"},
        {"ankles", "tus tobillos"},
        {"calves", "tus pantorrillas"},
        {"knees", "tus rodillas"},
        {"thighs", "tus muslos"},
        {"hips", "tus caderas"},
        {"pelvis", "tu pelvis"},
        {"belly", "tu vientre"},
        {"lower_back", "la parte baja de tu espalda"},
        {"upper_back", "la parte alta de tu espalda"},
        {"chest", "tu pecho"},
        {"hands", "tus manos"},
        {"arms", "tus brazos"},
        {"shoulders", "tus hombros"},
        {"neck", "tu cuello"},
        {"throat", "tu garganta"},
        {"jaw", "tu mandíbula"},
        {"face", "tu cara"},
        {"head", "tu cabeza"},
    }},
    .leads = {"Ahora, ", "Si te parece bien, ", "A tu propio ritmo, ", "Con suavidad, ",
              "Cuando sea el momento, ", "Sin prisa, "},
    .invitations = {"puedes notar {}.", "tu atención puede posarse en {}.",
                    "puedes acoger lo que haya en {}.", "puedes dejar que tu atención llegue a {}.",
                    "quizá puedas simplemente sentir {}.",
                    "puedes llevar una atención amable hacia {}."},
    .startLead = "Para empezar, ",
    .skipOffers =
        {"Puedes saltarte cualquier zona: si un lugar no te resulta cómodo, puedes quedarte "
         "simplemente con tu respiración.",
         "Como antes, puedes saltarte cualquier zona y descansar en tu respiración cuando quieras.",
         "Puedes omitir cualquier zona y parar en cualquier momento.",
         "Cualquier lugar puede quedar fuera; tu respiración siempre está ahí para descansar.",
         "Si hoy un lugar no es adecuado para ti, puedes pasarlo por alto.",
         "Saltarse una zona siempre está bien."},
    .resumeLeads = {"Dejando eso, ", "A continuación, ", "Desde ahí, ", "Dejando eso a un lado, ",
                    "Un poco más adelante, ", "A partir de aquí, "},
    .noticeFrames = {"Puede haber {}.", "Quizá notes {}.", "Quizá aparezca {}.", "Tal vez haya {}.",
                     "Todo es bienvenido: {}.", "A lo mejor encuentras {}."},
    .sensations = {"calor, peso o nada en absoluto", "frescor o soltura, o nada en particular",
                   "cosquilleo, presión o quietud", "pesadez o ligereza, o ninguna sensación clara",
                   "el contacto de la ropa o del aire, o casi nada", "suavidad, firmeza o calma"},
    .breathInvitations = {"Si quieres, deja que la respiración se mueva suavemente alrededor de "
                          "este lugar.",
                          "Puedes imaginar la respiración llegando con suavidad a esta zona.",
                          "Si te ayuda, cada exhalación puede suavizar un poco este lugar.",
                          "Quizá la respiración pueda acompañar a esta zona durante un rato.",
                          "Puedes dejar que la respiración vaya y venga aquí, a su propio ritmo.",
                          "Si te parece adecuado, unas cuantas respiraciones tranquilas pueden "
                          "descansar aquí."},
    .anchorFrames = {"Y si tu atención se dispersa, siempre puedes volver a {}.",
                     "Cuando quieras, puedes descansar la atención en {}, un lugar estable.",
                     "Si algo se siente demasiado intenso, puedes volver la atención hacia {}.",
                     "Puedes ir y venir entre este lugar y {}, según lo necesites.",
                     "En cualquier momento, tu atención puede apoyarse en {}.",
                     "Si quieres una pausa de esta zona, puedes sentir {} un rato."},
    .anchors = {"tus manos", "tus pies en el suelo"},
    .grounding = {"Hagamos una pausa en la práctica. Puedes abrir los ojos y mirar a tu "
                  "alrededor.",
                  "Quizá puedas notar cinco cosas que ves. Tómate tu tiempo.",
                  "Cuatro cosas que puedes sentir. Tus pies en el suelo. El asiento bajo tu "
                  "cuerpo. Tus manos.",
                  "Tres cosas que puedes oír.",
                  "Dos cosas que puedes oler, o dos aromas que te gusten.",
                  "Y una respiración lenta, con la exhalación más larga que la inhalación.",
                  "Estás aquí, en esta habitación. Puedes descansar aquí todo el tiempo que "
                  "quieras."},
};

}  // namespace stillpoint::detail
