# L'écran d'entretien, en français.

## L'en-tête : où l'on est dans le guide, et si c'est enregistré
header-where = §{ $section_no } · Q { $n }/{ $of }
header-no-consent-no-notes = SANS CONSENTEMENT : pas de notes
header-no-consent-keep-local = SANS CONSENTEMENT : notes gardées ici
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
field-specify = Préciser « autre »
field-note = Note
field-no-consent = {" "}· non gardé : pas de consentement
field-sensitive = {" "}· sensible
field-from-pad = {" "}· { $n } du bloc-notes
note-from-pad = bloc-notes : { $text }
nothing-offered = Rien n'est encore coché dans « { $source } » : ce qui y est coché fait les options ici. Répondez-y d'abord (Ctrl-F la trouve), ou PgSuiv.
option-specify = { $label } (préciser)
option-no-longer-ticked = {" "}· plus cochée là-bas
options-above = ↑ encore { $n } au-dessus
options-below = ↓ encore { $n } en dessous
row-yes = Oui
row-no = Non
row-dont-know = Ne sait pas
guidance-more = (Alt-G : tout)
guidance-none = Pas de consignes pour cette question.
guidance-title = Consignes (↑↓ défiler, Échap fermer)

## Les panneaux sur la question
add-structure-title = Ajouter une structure arrivée en cours d'appel
add-structure-body = Chaque structure a sa propre session, dans un nouvel onglet, avec les participants et le consentement de cet appel.
add-structure-named-below = { $structure }, nommée ci-dessous
add-structure-name = Nom de l'autre structure :
add-structure-organisation = Organisation du coordinateur arrivé (facultatif) :
add-structure-name-placeholder = p. ex. Cluster Abris
add-structure-organisation-placeholder = p. ex. UNICEF (facultatif)
find-title = Chercher une question : tapez des mots de son texte
find-none = Aucune question ne correspond.
notes-title = Notes générales : { $structure } ({ $n })
notes-title-tail = · pour ce qui est dit hors de l'ordre
notes-sensitive = sensible
notes-none = Pas encore de notes générales. Tapez ci-dessous.
notes-editing = Note { $seq } : enregistrée à la frappe · Entrée : fini
notes-new = Nouvelle note : enregistrée à la frappe
notes-placeholder = Tapez une note ; Entrée en commence une autre

## Dit sur la ligne d'état pendant un appel
no-more-sections = Plus de section dans ce sens.
only-unanswered = C'est la seule question sans réponse.
all-answered = Chaque question affichée a une réponse. Alt-R récapitule et termine.
only-one-structure = Une seule structure sur cet appel.
now-structure = Maintenant : { $name } (Ctrl-T change)
cannot-add-structure = Impossible d'ajouter une structure : { $why }
guide-language = Langue du guide : { $lang } (Alt-L pour revenir)
guide-language-read-only = Langue du guide : { $lang } (ici seulement : cet appel est en lecture seule)
clear-nothing = Rien à effacer.
cleared = Effacé — Ctrl-Z annule
last-question = Dernière question. Alt-R récapitule et termine.
first-question = Première question.
typing-in-note = Saisie dans la note de cette question — Échap revient aux options
digit-waiting = { NUMBER($n, useGrouping: "false") }… { $next ->
    [second] un deuxième
   *[another] un autre
} chiffre choisit { NUMBER($from, useGrouping: "false") }–{ NUMBER($to, useGrouping: "false") } ; toute autre touche prend { NUMBER($n, useGrouping: "false") } ; Échap annule
no-such-option = Il n'y a pas d'option { NUMBER($n, useGrouping: "false") }
nothing-pasted = { $why } ; rien n'a été collé
recorded-dont-know = Noté : ne sait pas
recorded-declined = Noté : refus
recorded-not-asked = Noté : non posée
answer-changed = Réponse changée. PgSuiv : question suivante
recorded-next = Noté « { $label } » ; question suivante (PgPréc : retour)
recorded-last = Noté « { $label } ». Dernière question : Alt-R récapitule et termine.
ticked-next = Coché « { $label } », { $n ->
    [one] une case
   *[other] { $n } cases
} ; question suivante (PgPréc : retour)
ticked-last = Coché « { $label } », { $n ->
    [one] une case
   *[other] { $n } cases
}. Dernière question : Alt-R récapitule et termine.
exclusive-unticked-one = « { $label } » décochée : elle exclut les autres. Ctrl-Z annule
exclusive-unticked-many = { $n } autres décochées : elle les exclut. Ctrl-Z annule
undo-nothing = Rien à annuler.
redo-nothing = Rien à rétablir.
undo-what = { $what ->
    [answer] réponse
    [specify] précision
    [note] note
    [said-by] qui a donné la réponse
    [how] comment la réponse est venue
    [pad] note générale { $n }
   *[rest] { $n } réponses marquées non posées
}{ $of ->
    [yes] {" "}de « { $question } »
   *[no] {""}
}
undone = Annulé : { undo-what } — Ctrl-Y rétablit
redone = Rétabli : { undo-what } — Ctrl-Z annule
call-fact-shared = Un fait sur l'appel : noté aussi pour les autres structures (chacune peut changer le sien)
copy-nothing = Les autres structures de l'appel ont déjà cette réponse (ou ne peuvent pas la prendre)
copied = Même réponse notée pour { $structures } (Ctrl-T pour vérifier)
call-details-unchanged = Rien n'a changé
call-details-saved = Détails de l'appel enregistrés
guard-check = Vérifiez { $n ->
    [one] { $n } trouvaille
   *[other] { $n } trouvailles
} avant l'envoi : x caviarde, s marque sensible, k garde
still-required = Encore obligatoire : { $questions }
refused-read-only = Lecture seule : { $why }
# $why of refused-read-only (interview::ReadOnly)
why-read-only-held-elsewhere = un autre stocktake la modifie
why-read-only-taken-over = reprise par un autre stocktake
why-read-only-completed = cette session est terminée ; rouvrez-la depuis la liste (une nouvelle révision) pour la modifier
why-read-only-call-held = un autre stocktake tient une session de cet appel
refused-completed = Cette session est terminée ; rouvrez-la depuis la liste (une nouvelle révision) pour la changer
refused-no-consent = Pas de consentement à la prise de notes : le texte libre n'est pas gardé. Notez seulement les réponses.
refused-nothing-to-copy = Rien à copier : répondez d'abord à cette question, puis Alt-A la donne aux autres structures

## Marquer le reste « non posée »
rest-nothing-open = Rien à marquer : d'ici à la fin { $kind ->
    [section] de « { $section } »
   *[guide] du guide
}, chaque question a une réponse ou est obligatoire.
rest-nothing = Rien à marquer.
rest-marked = { $n ->
    [one] { $n } question marquée non posée
   *[other] { $n } questions marquées non posées
} — Ctrl-Z annule
dialog-rest-title = { $kind ->
    [section] Reste de la section non posé
   *[guide] Reste du guide non posé
}
dialog-rest-body =
    Marquer { $n ->
        [one] { $n } question
       *[other] { $n } questions
    } d'ici à la fin { $kind ->
        [section] de « { $section } »
       *[guide] du guide
    } comme non posées ? Elles n'ont pas encore de réponse.

    Les questions avec réponse et les obligatoires restent telles quelles. Ctrl-Z reprend tout en une fois.
dialog-rest-yes = marquer non posées
dialog-rest-no = continuer

## Terminer une session
dialog-complete-title = Terminer la session
dialog-complete-body =
    Marquer { $response } · { $structure } comme terminée ? Elle pourra être rouverte plus tard en nouvelle révision.

    { $open ->
        [0] Chaque question a une réponse.
        [one] { $open } question sur { $shown } n'a pas de réponse.
       *[other] { $open } questions sur { $shown } n'ont pas de réponse.
    }
dialog-complete-yes = terminer
dialog-complete-no = pas encore

## Quitter un appel
dialog-unsaved-title = Pas encore enregistré
dialog-unsaved-body =
    Une partie de ce que vous avez tapé n'est pas encore enregistrée : { $why }

    Nouvel essai chaque seconde. Restez jusqu'à ce que l'écran dise enregistré, ou partez sans.
dialog-unsaved-stay = rester
dialog-unsaved-leave = partir sans
dialog-quit-title = Quitter stocktake ?
dialog-quit-body = Tout est enregistré ; rouvrir la session vous ramène ici.
dialog-quit-yes = quitter
dialog-call-end-title = Comment l'appel s'est-il terminé ?
dialog-call-end-body = Certaines sessions de cet appel ne sont pas terminées. La campagne note une tentative pour chaque cible : terminée là où la session l'est, et pour les autres ce que vous choisissez ici.
dialog-call-end-partial = partiel
dialog-call-end-not-available = pas disponible
dialog-call-end-line-failed = ligne coupée
dialog-call-end-nothing = ne rien noter

## La relecture (Alt-R) et la relecture de fin d'appel
review-title = Récap : { $answered }/{ $shown } répondues · { $missing ->
    [0] obligatoires toutes répondues : c termine
    [one] { $missing } obligatoire ouverte
   *[other] { $missing } obligatoires ouvertes
}
review-only-open = Seulement les questions ouvertes · o les montre toutes
review-section-open = { $open ->
    [0] ✓ tout a une réponse
    [one] { $open } ouverte
   *[other] { $open } ouvertes
}
review-specify = précision :
review-note = note :
review-pad = bloc-notes :
review-all-answered = Chaque question affichée a une réponse.
read-back-not-yet = Pas encore relu · b relit
read-back-at = Relu à { $at } : { $confirmed ->
    [yes] confirmé
   *[no] corrections demandées
}
read-back-at-changed = Relu à { $at } : { $confirmed ->
    [yes] confirmé
   *[no] corrections demandées
} · changé depuis : b relit à nouveau
read-back-title = Relecture · { $name }
read-back-intro = Lisez ceci au coordinateur, puis demandez si c'est juste.
read-back-classification = Classification
read-back-not-classified = Pas encore classé : la classification est nécessaire pour terminer.
read-back-said = Ce qui a été dit
read-back-open = { $n ->
    [one] { $n } question fermée n'a pas de réponse.
   *[other] { $n } questions fermées n'ont pas de réponse.
}
read-back-last = Dernière relecture à { $at } : { $confirmed ->
    [yes] confirmé
   *[no] corrections demandées
}.{ $changed ->
    [yes] {" "}Réponses changées depuis.
   *[no] {""}
}

## Les détails de l'appel (Alt-C)
details-title = Détails de l'appel · les changements sont gardés dans l'historique
details-note = Note de l'appel
details-participants = Participants pour : { $structure }
details-role = Rôle { $n }
details-name = nom

## La vérification avant l'envoi
guard-title = { $n ->
    [0] Plus rien à vérifier : c termine
    [one] Avant l'envoi : { $n } trouvaille à trancher
   *[other] Avant l'envoi : { $n } trouvailles à trancher
}
guard-in-note = note sur « { $question } »
guard-in-other = précision de « { $question } »
guard-in-answer = réponse à « { $question } »
guard-in-pad = note générale { $seq }
guard-decide-first = { $n ->
    [one] { $n } trouvaille
   *[other] { $n } trouvailles
} à trancher d'abord : x la caviarde, s la marque sensible, k la garde telle quelle

## Dit par les panneaux sur la question
add-structure-none-left = Chaque type de répondant de ce guide est déjà sur l'appel.
add-structure-name-first = Tapez d'abord le nom de l'autre structure.
note-attached = Note rattachée à « { $question } »
note-detached = Note détachée
note-move-select-first = Choisissez d'abord une note (↑), puis Alt-M la déplace
note-attribute-select-first = Choisissez d'abord une note (↑), puis Alt-W dit qui l'a dite
note-moved = Note déplacée vers { $structure } (son bloc-notes : Ctrl-T, puis Ctrl-G)
note-pick-first = Choisissez d'abord une note avec ↑, ou tapez-en une.
read-back-confirmed = Relu et confirmé par le coordinateur : noté
read-back-corrections = Corrections demandées : noté. Corrigez les réponses (Entrée en ouvre une), puis relisez à nouveau (b)
guard-kind = { $kind ->
    [phone] un numéro de téléphone
    [email] une adresse e-mail
   *[name] un nom
}
guard-kept = Gardé : { $kind ->
    [phone] un numéro de téléphone
    [email] une adresse e-mail
   *[name] un nom
}
guard-redacted = Caviardé : { $kind ->
    [phone] un numéro de téléphone
    [email] une adresse e-mail
   *[name] un nom
}
guard-marked-sensitive = Marqué sensible : { $place } (envoyé marqué ; les rapports l'excluent sauf demande)
# $place: one of guard-place-*
guard-place-pad = note générale { $seq }
guard-place-question = les textes de `{ $question }`
guard-text-changed = Ce texte a changé ; regardez à nouveau.
details-ctrl-d = Ctrl-D retire le participant sous le curseur
details-removed = Participant retiré — Échap deux fois remet tout
details-not-saved = Pas enregistré : Ctrl-S enregistre les détails de l'appel, Échap à nouveau les laisse comme avant

## Dit quand le stockage répond
took-over = Session reprise de { $user } (processus { $pid } sur { $host }) depuis le { $since }
viewing-completed = Consultation d'un appel terminé : rien ne peut changer ici
read-only-elsewhere = Lecture seule : un autre stocktake modifie cette session
saved-again = Enregistré : tout ce qui a été tapé est de nouveau stocké
not-saved = { $message } ({ $waiting ->
    [one] { $waiting } changement attend
   *[other] { $waiting } changements attendent
}, nouvel essai chaque seconde)
lock-lost = Un autre stocktake a repris cette session : lecture seule désormais. Votre écran montre encore vos derniers mots.
session-added = { $structure } ajouté à l'appel, dans son propre onglet (Ctrl-T pour changer d'onglet)
session-completed = Session terminée
session-synced = Session terminée et écrite dans la boîte d'envoi ({ $files ->
    [one] { $files } fichier
   *[other] { $files } fichiers
} dans { $outbox })
session-sync-failed = Session terminée, mais pas écrite dans la boîte d'envoi : { $message }
answer-after-definition = après la définition (avant : { $before })
answer-said-by = dit par { $who }
option-volunteered = spontané
option-prompted = suggéré
review-volunteered = spontané :
review-prompted = suggéré :
review-changed-after-definition = changé après la définition, avant :
review-kept-after-definition = maintenu après la définition :
review-said-by = dit par :
refused-nothing-chosen = Rien de choisi à marquer : choisissez l'option (dans une liste, placez-vous sur une option cochée), puis Alt-V spontané ou Alt-P suggéré
refused-no-one-to-attribute = Aucun participant enregistré pour cette structure : ajoutez qui est à l'appel (Alt-C), puis Alt-W dit qui l'a dit
said-volunteered = { $option } : spontané (dit avant la lecture des options). Alt-V à nouveau retire la marque
said-prompted = { $option } : suggéré (choisi après la lecture des options). Alt-P à nouveau retire la marque
said-unmarked = { $option } : plus marqué spontané ni suggéré
said-definition = Définition expliquée : la réponse d'avant est gardée ({ $before }) ; enregistrez maintenant la réponse que donne le coordinateur
said-definition-off = Plus marqué comme répondu à nouveau après la définition (Ctrl-Z remet la marque)
said-said-by = Dit par { $who } (Alt-W : le participant suivant)
said-said-by-no-one = Dit par personne en particulier (Alt-W : le premier participant)
said-note-said-by = Note dite par { $who } (Alt-W : le participant suivant)
said-note-said-by-no-one = Note dite par personne en particulier

## Une réponse telle qu'elle est dite (revue, relecture) : dans la langue de l'appel
said-yes = oui
said-no = non
said-dont-know = ne sait pas
said-declined = refuse de répondre
said-not-asked = non posée
said-nothing-yet = rien encore

## Ce qui a échoué dans le stockage ($error : la raison du stockage, en anglais)
failed-give-back = La session n'a pas pu être rendue : { $error }
failed-add-structure = La structure n'a pas été ajoutée : { $error }
failed-log-attempt = La tentative n'a pas été notée : { $error }
failed-read-campaign = La campagne ne peut pas être lue : { $error }
failed-create-call = L'appel n'a pas été créé : { $error }

## Pourquoi une réponse tapée n'est pas enregistrée
field-not-saved = non enregistré : { $why }
answer-not-a-number = « { $input } » n'est pas un nombre (par exemple 12 ou 3,5)
answer-not-a-date = « { $input } » n'est pas une date (AAAA-MM-JJ, par exemple 2018-03-14)
answer-below-min = { $value } est sous le minimum { $min }
answer-above-max = { $value } est au-dessus du maximum { $max }
answer-too-long = le texte fait { $chars } caractères, plus que les { $max } permis
answer-empty = un texte vide n'est pas une réponse ; effacez plutôt la réponse

# Un refus des détails de l'appel (sa raison vient de l'entretien), et ce qui a été gardé.
details-refused-nothing-saved = { $why } ; rien n'a été enregistré
details-refused-participants-saved = { $why } ; les participants ont été enregistrés
