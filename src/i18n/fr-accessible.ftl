# Le mode accessible (stocktake --accessible), en français : chaque invite une ligne simple.
# Les mots de commande anglais marchent dans toutes les langues, et les mots français
# (aide, suivant, retour, nsp, …) aussi : voir docs/translating.md.

## La liste des sessions
acc-welcome = stocktake, mode accessible. Chaque changement est enregistré aussitôt fait. Tapez aide pour les commandes.
acc-no-sessions = Pas encore de session.
acc-sessions = { $n ->
    [one] { $n } session :
   *[other] { $n } sessions :
}
acc-session-row = { $n }. { $response } · { $structure }, { $status ->
    [draft] brouillon
    [in_progress] en cours
    [completed] terminée
    [synced] envoyée
   *[other] { $status }
}, { $answered } sur { $required } obligatoires répondues
acc-home-prompt = Commande (nouveau, ouvrir N, aide, quitter) :{" "}
acc-help-home = Commandes : nouveau (un nouvel appel), ouvrir N (la session numéro N de la liste), aide, quitter. Les mots anglais (new, open, help, quit) marchent aussi.
acc-open-which = Donnez le numéro d'une session de la liste, par exemple ouvrir 1.
acc-unknown = Commande inconnue « { $word } ». Tapez aide pour les commandes.
acc-read-only = Un autre stocktake a cet appel ouvert ; il est ouvert en lecture seule.

## Ce qu'ont fait les effets
acc-not-saved-yet = PAS ENCORE ENREGISTRÉ : { $message }. Nouvel essai à votre prochaine commande.
acc-sent = Envoyé : { $files ->
    [one] { $files } fichier écrit
   *[other] { $files } fichiers écrits
} dans { $outbox }.
acc-lock-lost = Un autre stocktake a repris cette session : plus rien n'est enregistré ici.

## L'entretien
acc-interview-prompt = Réponse ou commande (aide les liste) :{" "}
acc-last-question = C'était la dernière question. Tapez revue, ou terminer.
acc-first-question = C'est la première question.
acc-go-which = Donnez un numéro de question de 1 à { $n }.
acc-find-none = Aucune question posée ici ne mentionne « { $words } ».
acc-all-answered = Chaque question posée ici a une réponse.
acc-now-recording = Vous enregistrez maintenant pour { $structure }.
acc-pad-how = Tapez la note après le mot : bloc Ligne coupée deux fois.
acc-not-saved = Non enregistré : { $reason }
acc-saved = Enregistré : { $answer }.
acc-help-interview =
    Pour répondre : le numéro de l'option (1) ; plusieurs numéros pour une question à plusieurs réponses (1,3) ;
    o ou n pour oui ou non ; pour un texte, un nombre ou une date, tapez-le
    (= TEXTE est toujours une réponse, même s'il commence par un mot de commande).
    nsp : ne sait pas. refus : refuse de répondre. na : non posée. effacer : pas de réponse.
    note TEXTE : la note de la question (note seul l'efface). préciser TEXTE : le texte « autre, préciser ».
    bloc TEXTE : une note générale, rattachée à cette question.
    Entrée ou suivant : question suivante. retour : précédente. aller N : question N. chercher MOTS : une question par ses mots.
    manque : la prochaine question sans réponse.
    reste : marquer le reste de cette section non posé (reste guide : jusqu'à la fin), après confirmation.
    spontané N / suggéré N : l'option N (ou la réponse donnée) a été dite spontanément / choisie après
    lecture des options (à nouveau : la marque s'en va). définition : la définition vient d'être expliquée,
    la réponse d'avant est gardée comme telle. dit : qui l'a dit (le participant suivant).
    structure N : enregistrer pour une autre structure de l'appel (structure seul les liste).
    revue : toutes les réponses de cette structure. relecture : la relecture de fin d'appel, puis si le
    coordinateur l'a confirmée. terminer : terminer la session de cette structure.
    partir : retour à la liste (tout est déjà enregistré). aide : cette liste.
    Les mots anglais (next, back, dk, complete, …) marchent aussi.

## L'invite d'une question
acc-call-header = Appel : { $response }, { $n ->
    [one] { $n } structure
   *[other] { $n } structures
} : { $names }. Langue { $lang }.
acc-structures = Structures de cet appel :
acc-structure-row = { $n }. { $structure }{ $now ->
    [yes] {" "}(en cours)
   *[no] {""}
}, { $status ->
    [draft] brouillon
    [in_progress] en cours
    [completed] terminée
    [synced] envoyée
   *[other] { $status }
}, { $answered } sur { $required } obligatoires répondues
acc-none = aucune
acc-specify = ; précision : { $text }
acc-note = ; note : { $text }
acc-where = { $structure }. Section { $section_no } sur { $sections } : { $section }.
acc-question = Question { $n } sur { $of }{ $required ->
    [yes] , obligatoire
   *[no] {""}
} : { $text }
acc-guidance = Conseil : { $text }
acc-options-multi = Options, plusieurs possibles :
acc-options-single = Options, une seule :
acc-options-none-yet = Aucune pour l'instant : les options sont celles cochées dans « { $source } », et rien n'y est coché. Répondez-y d'abord (chercher MOTS), ou suivant.
acc-answer-yes-no = Répondez o ou n.
acc-answer-scale = Un nombre de { $min } à { $max }.
acc-answer-number = Tapez un nombre.
acc-answer-date = Tapez une date, par exemple 2018-03-14.
acc-answer-text = Tapez la réponse.
acc-current = Réponse actuelle : { $answer }
acc-no-consent = Le consentement aux notes a été refusé : n'enregistrez que des réponses, pas de notes.
acc-review-row = { $n }. { $question } : { $answer }
acc-said-row = { $question } : { $answer }
acc-review = Revue de { $structure } :
acc-general-notes = { $n ->
    [one] { $n } note générale :
   *[other] { $n } notes générales :
}
acc-place-answer = la réponse à { $q }
acc-place-other = la précision de { $q }
acc-place-note = la note de { $q }
acc-place-pad = la note générale { $n }
acc-no-option-yet = Non enregistré : il n'y a pas encore d'option à choisir (voir les options de la question).
acc-not-an-option = Non enregistré : « { $typed } » n'est pas un numéro d'option (1 à { $n }). Tapez aide pour les commandes.
acc-one-option = Non enregistré : donnez le numéro d'une seule option.
acc-y-or-n = Non enregistré : répondez o ou n.

## Le reste d'une section
acc-rest-how = Tapez reste (le reste de cette section) ou reste guide (jusqu'à la fin).
acc-rest-nothing = Rien à marquer : d'ici à la fin { $whose ->
    [section] de cette section
   *[guide] du guide
}, chaque question a une réponse ou est obligatoire.
acc-rest-ask = Marquer { $n ->
    [one] { $n } question
   *[other] { $n } questions
} d'ici à la fin { $whose ->
    [section] de cette section
   *[guide] du guide
} comme non posées ? Les questions répondues et obligatoires restent. Tapez o pour les marquer, n pour continuer :{" "}
acc-rest-none-marked = Rien de marqué.
acc-rest-marked = Enregistré : { $n ->
    [one] { $n } question marquée non posée.
   *[other] { $n } questions marquées non posées.
}

## Terminer
acc-not-completed-why = Pas terminé : { $reason }. Tapez manque, ou aller N.
acc-check = Vérification { $n } sur { $of } : { $kind } dans { $place } : « { $found } ».
acc-check-ask = Tapez x pour le caviarder, s pour marquer le texte sensible, k pour le garder, c pour annuler :{" "}
acc-not-completed = Pas terminé.
acc-text-changed = Ce texte a changé ; terminez à nouveau pour le revoir.
acc-not-redacted = Non caviardé : { $reason }
acc-completed = Terminé : { $structure }. Son fichier est écrit à la synchronisation (ou tout de suite, si une boîte d'envoi est configurée).
acc-not-completed-error = Pas terminé : { $reason }

## Un nouvel appel
acc-no-guide = Aucun guide d'entretien n'est installé.
acc-guide-number = Numéro du guide (Entrée : { $n }) :{" "}
acc-response = Pays ou réponse :{" "}
acc-need-response = Rien de créé : un appel demande son pays ou sa réponse.
acc-respondents = Répondants de l'appel, numéros séparés par des virgules (par exemple 1,2) :{" "}
acc-other-name = Nom de la structure « { $kind } » :{" "}
acc-not-a-respondent = Rien de créé : « { $typed } » n'est pas un numéro de répondant.
acc-need-structure = Rien de créé : cochez au moins une structure.
acc-call-language = Langue de l'appel, parmi { $languages } (Entrée : { $default }) :{" "}
acc-unknown-language = « { $answer } » n’est pas une langue de ce guide ; tapez l’une de { $languages }, ou Entrée pour la langue par défaut.
acc-not-created = Rien de créé : { $reason }

## Comment une réponse est venue
acc-no-such-option = Il n'y a pas d'option { $n } ici : donnez le numéro d'une option choisie, ou le mot seul pour la réponse donnée.
acc-not-the-answer = L'option { $n } n'est pas la réponse donnée : tapez { $word ->
    [volunteered] spontané
   *[prompted] suggéré
} seul pour marquer la réponse donnée.
acc-marked = { $label } : { $mark ->
    [volunteered] dit spontanément.
    [prompted] choisi après lecture des options.
   *[none] plus marqué.
}
acc-definition = Définition expliquée : la réponse d'avant est gardée ({ $before }). Tapez la réponse que le coordinateur donne maintenant.
acc-definition-off = Plus marqué comme répondu à nouveau après la définition.
acc-said-by = Dit par { $who } (dit à nouveau : le participant suivant).
acc-said-by-no-one = Dit par personne en particulier.
acc-nothing-chosen = Rien de choisi à marquer : répondez d'abord, ou donnez le numéro d'une option choisie (spontané 3).
acc-no-participants = Aucun participant enregistré pour cette structure : qui est en ligne est demandé au début de l'appel.

## La relecture
acc-read-back = Relecture pour { $structure }. Lisez ceci au coordinateur, puis demandez si c'est juste.
acc-classification = Classification :
acc-not-classified = Pas encore classé : la classification est nécessaire pour terminer.
acc-what-was-said = Ce qui a été dit :
acc-closed-open = { $n ->
    [one] { $n } question fermée n'a pas de réponse.
   *[other] { $n } questions fermées n'ont pas de réponse.
}
acc-last-read-back = Dernière relecture à { $at } : { $confirmed ->
    [yes] confirmée
   *[no] corrections demandées
}.{ $changed ->
    [yes] {" "}Des réponses ont changé depuis.
   *[no] {""}
}
acc-confirm-ask = Le coordinateur l'a-t-il confirmée ? Tapez o (confirmée), n (corrections demandées), ou Entrée pour ne rien noter :{" "}
acc-nothing-recorded = Rien de noté.
acc-confirmed = Enregistré : relue et confirmée par le coordinateur.
acc-corrections = Enregistré : corrections demandées. Corrigez les réponses, puis tapez relecture à nouveau.
