# Les mots de stocktake, en français. Chaque identifiant ici doit être dans en.ftl aussi.

## Terminal trop petit
too-small = Ce terminal fait { $width }×{ $height } ; stocktake a besoin d'au moins { $min_width }×{ $min_height }. Agrandissez la fenêtre ou réduisez la police. Les touches sont suspendues d'ici là, pour que rien ne soit tapé sans être vu ; tout ce qui a déjà été tapé est enregistré.

## La liste d'accueil
home-sessions = { $shown ->
    [one] { $shown } session
   *[other] { $shown } sessions
}
home-sessions-of = { $shown ->
    [one] { $shown } session sur { $total }
   *[other] { $shown } sessions sur { $total }
}
home-campaign = campagne : { $done ->
    [one] { $done } fait
   *[other] { $done } faits
}, { $due } à appeler, { $left ->
    [one] { $left } restant
   *[other] { $left } restants
}
home-empty-before = Aucun entretien pour l'instant. Appuyez sur{" "}
home-empty-after = {" "}pour commencer un appel.
home-col-response = RÉPONSE
# A structure the interviewer named: its kind, then its name
home-structure-named = { $structure } : { $label }
home-col-structure = RÉPONDANT
home-col-interviewer = ENQUÊTEUR
home-col-status = ÉTAT
home-col-rev = RÉV
home-col-required = REQUIS
home-col-last-change = MODIFIÉ
home-filter = filtre :
home-unsynced = { $waiting ->
    [one] ↑ { $waiting } terminée, pas encore synchronisée (stocktake sync) ·
   *[other] ↑ { $waiting } terminées, pas encore synchronisées (stocktake sync) ·
}
home-data = données : { $path }
status-in-progress = en cours
status-completed = terminée
status-draft = brouillon

## Commun à tous les écrans
hint-dismiss = fermer
help-title = {" "}Touches (Échap ferme){" "}
help-title-scroll = {" "}Touches ({ $shown }/{ $total } · ↑↓ défiler · Échap ferme){" "}
help-saved-in = Tout ce que vous tapez est enregistré aussitôt dans { $path }

## Dialogues de la liste et du formulaire
dialog-cancel = annuler
dialog-completed-title = Session terminée
dialog-completed-body =
    { $response } · { $structure } a été terminée (révision { $revision }).

    La rouvrir commence la révision { $next } : la terminée reste telle qu'envoyée. Ou consultez-la sans rien changer.
dialog-completed-last-body = { $response } · { $structure } a été terminée (révision { $revision }), la dernière révision qu'un fichier de session peut porter : elle ne peut pas être rouverte. Consultez-la sans rien changer ; pour noter davantage, commencez un nouvel appel.
dialog-completed-reopen = rouvrir
dialog-completed-view = consulter
delete-not-draft = Seul un brouillon (rien d'enregistré) peut être supprimé ; cette session contient des réponses
dialog-delete-title = Supprimer le brouillon
dialog-delete-body = Supprimer la session brouillon { $response } · { $structure } ? Rien n'y a été noté.
dialog-delete-yes = supprimer
dialog-delete-no = garder
dialog-discard-title = Abandonner cet appel ?
dialog-discard-body = Rien de ce formulaire n'est gardé si vous le quittez maintenant.
dialog-discard-yes = abandonner
dialog-discard-no = continuer
dialog-locked-title = Session ouverte ailleurs
dialog-locked-body =
    Cette session est en cours de modification par { $user } (processus { $pid } sur { $host }) depuis le { $since }.

    Ouvrez-la en lecture seule, ou reprenez-la si ce stocktake n'est plus là (une session SSH oubliée). Celui dont elle est reprise ne peut plus enregistrer.
dialog-locked-read-only = lecture seule
dialog-locked-take-over = reprendre

## Le formulaire de nouvel appel (libellés de 22 colonnes au plus)
form-title = Nouvel appel
form-subtitle = une session par répondant de l'appel
form-guide-from = guide venant de { $origin } ({ $what ->
    [replaces] remplace le guide fourni
   *[not-bundled] non fourni avec stocktake
})
form-guide = Guide
form-language = Langue
form-response = Pays / réponse
form-respondents = Répondants
form-other-structure = Autre structure
form-participant = Participant { $n }
form-organisation = organisation
form-add-participant = + Ajouter un participant
form-interviewer = Enquêteur
form-consent = Consentement aux notes
form-consent-not-asked = pas encore demandé
form-consent-yes = oui
form-consent-no = non
form-start = Commencer l'entretien
form-error-response = tapez le pays ou la réponse
form-error-structures = cochez au moins un répondant de l'appel
form-error-other = nommez l'autre structure
form-error-interviewer = qui mène l'entretien ?
form-error-no-guide = aucun guide n'est disponible

## L'écran Plan (la campagne d'appels)
plan-title = Campagne
plan-totals = · { $done ->
    [one] { $done } fait
   *[other] { $done } faits
} · { $due } à appeler · { $left ->
    [one] { $left } restant
   *[other] { $left } restants
}
plan-empty = Pas encore de campagne. Importez son fichier depuis un terminal :
plan-empty-columns = (colonnes response, structure, coordinator, organisation, contact, timezone, language)
plan-col-target = CIBLE
plan-col-status = ÉTAT
plan-col-tries = ESSAIS
plan-col-next = PROCHAIN APPEL
plan-removed = retirée
plan-next-theirs = { $here } (là-bas { $theirs })
plan-state-callback-due = rappel dû
plan-state-due = à appeler
plan-state-not-tried = pas essayé
plan-state-callback = rappel
plan-state-waiting = en attente
plan-state-exhausted = assez essayé
plan-state-needs-contact = nouveau contact ?
plan-when-again = Quand faut-il rappeler ?
plan-their-time = Leur heure, quand une heure est tapée.
plan-outcome-title = Résultat : { $target }
plan-no-target = Pas de cible : importez d'abord une campagne.
plan-one-response = Un appel est une réponse : cochez seulement des cibles de la même réponse.
plan-logged = Noté pour { $target } : { $outcome ->
    [completed] terminé
    [partial] partiel
    [callback] à rappeler
    [no_answer] pas de réponse
    [busy] occupé
    [line_failed] ligne coupée
    [wrong_contact] mauvais contact
    [refused] refus
    [not_available] pas disponible
   *[ineligible] plus actif (non éligible)
}
outcome-completed = terminé
outcome-partial = partiel
outcome-callback = à rappeler
outcome-no_answer = pas de réponse
outcome-busy = occupé
outcome-line_failed = ligne coupée
outcome-wrong_contact = mauvais contact
outcome-refused = refus
outcome-not_available = pas disponible
outcome-ineligible = plus actif (non éligible)
plan-there-now = { $zone } : { $time } là-bas maintenant
plan-aapor = AAPOR { $code } { $outcome ->
    [completed] Entretien complet
    [partial] Entretien partiel
    [refused] Refus
    [busy] Toujours occupé
    [no_answer] Pas de réponse
    [line_failed] Problèmes techniques de téléphone
    [wrong_contact] Autre admissibilité inconnue (mauvais contact)
    [ineligible] Hors échantillon (aucune structure de ce type active)
   *[other] Répondant jamais disponible
}
# Le champ comprend demain et tomorrow, dans 30m et in 30m.
plan-callback-placeholder = +2h, 15:30 (leur heure), demain 9:00

## Heures : jiff n'écrit les jours qu'en anglais, chaque langue nomme les siens.
day-time = { $day ->
    [mon] lun.
    [tue] mar.
    [wed] mer.
    [thu] jeu.
    [fri] ven.
    [sat] sam.
   *[sun] dim.
} { $time }

## Rôles des participants (le fichier de session garde l'identifiant après `role-`)
role-protection_cluster_coordinator = Coordinateur du Cluster Protection
role-cp_aor_coordinator = Coordinateur du domaine Protection de l'enfance
role-gbv_aor_coordinator = Coordinateur du domaine VBG
role-ngo = ONG
role-un_agency = Agence des Nations unies
role-government = Gouvernement
role-other = Autre

## Le dialogue avant d'utiliser un guide venu d'ailleurs que stocktake
guide-trust-title = Un guide venu d'ailleurs que stocktake
guide-trust-origin = Le guide { $guide } vient de { $origin }, pas de stocktake lui-même.
guide-trust-replaces = Il remplace le guide fourni de même identifiant, et ses mots diffèrent.
guide-trust-encrypted = Chaque fichier de session de ce guide sera chiffré pour : { $recipients }. Seul qui détient la clé correspondante peut les lire.
guide-trust-ask = Ne l'utilisez que si vous savez qui vous l'a donné. La question n'est posée qu'une fois.
guide-trust-use = l'utiliser
guide-trust-cancel = annuler

# After a crash of the full screen, on the terminal it gives back
tui-stopped = stocktake s'est arrêté sur une erreur interne. Tout ce qui était affiché comme enregistré est dans { $path } ; relancez stocktake pour reprendre là où vous étiez.
