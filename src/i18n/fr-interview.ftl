# L'écran d'entretien, en français.

## L'en-tête : où l'on est dans le guide, et si c'est enregistré
header-where = §{ $section_no } · Q { $n }/{ $of }
header-no-consent-no-notes = SANS CONSENTEMENT : pas de notes
header-no-consent-keep-local = SANS CONSENTEMENT : notes gardées ici
elapsed-days = j
save-failed = ✗ NON ENREGISTRÉ
save-completed = terminée
save-read-only = lecture seule
save-saved = ✓ enregistré
save-saving = enregistrement…
tabs-switch = changer

## La question
question-title = { $section_no } { $section } · { $n } sur { $of }{ $required ->
    [yes] {" "}· obligatoire
   *[no] {""}
}
answer-title = Réponse{ $kind ->
    [multi] {" "}(cocher tout ce qui s'applique)
    [number] {" "}(un nombre)
    [date] {" "}(AAAA-MM-JJ)
   *[other] {""}
}{ $special ->
    [dont-know] {" "}· ne sait pas
    [declined] {" "}· refus
    [not-asked] {" "}· non posée
   *[none] {""}
}
field-typing = ✎ { $title } · SAISIE · Échap arrête
field-specify = Préciser « autre »
field-note = Note
field-no-consent = {" "}· non gardé : pas de consentement
field-sensitive = {" "}· sensible
field-from-pad = {" "}· { $n } du bloc-notes
note-from-pad = bloc-notes : { $text }
nothing-offered = Rien n'est encore coché dans « { $source } » : ce qui y est coché fait les options ici. Répondez-y d'abord (Ctrl-F la trouve), ou PgDn.
option-specify = { $label } (préciser)
option-no-longer-ticked = {" "}· plus cochée là-bas
options-above = ↑ encore { $n } au-dessus
options-below = ↓ encore { $n } en dessous
row-yes = Oui
row-no = Non
row-dont-know = Ne sait pas
guidance-more = (Alt-G : tout)
guidance-none = Pas de consignes pour cette question.
guidance-title = Consignes (↑↓ défiler, Échap fermer)

## Les panneaux sur la question
add-structure-title = Ajouter une structure arrivée en cours d'appel
add-structure-body = Chaque structure a sa propre session, dans un nouvel onglet, avec les participants et le consentement de cet appel.
add-structure-named-below = { $structure }, nommée ci-dessous
add-structure-name = Nom de l'autre structure :
add-structure-organisation = Organisation du coordinateur arrivé (facultatif) :
find-title = Chercher une question : tapez des mots de son texte
find-none = Aucune question ne correspond.
notes-title = Notes générales : { $structure } ({ $n })
notes-title-tail = · pour ce qui est dit hors de l'ordre
notes-sensitive = sensible
notes-none = Pas encore de notes générales. Tapez ci-dessous.
notes-editing = Note { $seq } : enregistrée à la frappe · Entrée : fini
notes-new = Nouvelle note : enregistrée à la frappe
