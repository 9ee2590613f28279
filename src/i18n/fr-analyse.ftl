# Les écrans d'analyse (stocktake analyse), en français.

## Lignes du haut
analyse-title = stocktake analyse · { $db } · { $sessions ->
    [one] { $sessions } session
   *[other] { $sessions } sessions
} · codeur { $coder }{ $by ->
    [question] {" "}· une colonne par question
   *[section] {""}
}
analyse-where = { $who } ({ $row } sur { $rows }) · { $column } ({ $col } sur { $cols }){ $codings ->
    [0] {""}
    [one] {" "}· 1 codage
   *[other] {" "}· { $codings } codages
}
analyse-no-sessions = Aucune session dans cette collation : lancez d'abord stocktake collate.
analyse-too-small = Ce terminal fait { $w }×{ $h } ; stocktake analyse demande au moins { $min_w }×{ $min_h }. Agrandissez la fenêtre ou réduisez la police ; les touches attendent jusque-là.

## La matrice
analyse-session = session
analyse-cell-answers = { $n ->
    [one] { $n } réponse
   *[other] { $n } réponses
}
analyse-cell-texts = { $n ->
    [one] { $n } texte
   *[other] { $n } textes
}

## Une cellule lue en entier
analyse-summary-by = Synthèse de { $author }, { $at }{ $stale ->
    [yes] {" "}(écrite sur une révision antérieure)
   *[no] {""}
} :
analyse-no-summary = Pas encore de synthèse : s en écrit une.
analyse-unresolved = Cette session a un conflit non résolu : la révision la plus récente est affichée.
analyse-nothing-here = Rien n'a été répondu ni dit dans cette section.
analyse-unit-kind = { $kind ->
    [answer] réponse
    [other] autre
    [note] note
   *[pad-note] note du bloc-notes
}
analyse-not-coded = { $kind } · non codé
analyse-codes = { $kind } · codes : { $codes }
analyse-more-below = {" "}· suite en dessous (PgSuiv)
analyse-summary-box = {" "}✎ Synthèse de cette cellule : la saisie va ici · Ctrl-S enregistre{" "}
analyse-part-box = {" "}✎ Mots à coder, tels qu'ils figurent dans le texte choisi{" "}
analyse-codes-for = {" "}Codes pour « { $quote } »{" "}
analyse-leave-title = {" "}Quitter la synthèse ?{" "}
analyse-leave-body = Cette synthèse a changé. L'enregistrer (y ou Entrée), abandonner le changement (n) ou continuer d'écrire (Échap) ?

## Messages
analyse-no-other-view = pas d'autre vue : rien n'a été répondu dans cette collation
analyse-by-section = une colonne par section (v : par question)
analyse-by-question = une colonne par question (v : par section)
analyse-summary-saved = synthèse enregistrée
analyse-summary-unchanged = synthèse inchangée
analyse-summary-discarded = changement de la synthèse abandonné
analyse-coded = codé : { $code }
analyse-uncoded = code retiré : { $code }
analyse-no-codebook = pas de livre de codes : donnez-en un avec --codebook FICHIER
analyse-not-in-text = « { $words } » n'est pas dans ce texte : tapez les mots tels qu'ils y figurent (majuscules ou non)
analyse-not-saved = non enregistré : { $error }

## Indications (les touches sont les mêmes dans toutes les langues)
analyse-hint-scroll = défiler
analyse-hint-closes-help = ferme l'aide
analyse-hint-read-cell = lire la cellule
analyse-hint-summary = synthèse
analyse-hint-by-section = par section
analyse-hint-by-question = par question
analyse-hint-quit = quitter
analyse-hint-move = aller
analyse-hint-help = aide
analyse-hint-code-text = coder le texte
analyse-hint-code-part = coder une partie
analyse-hint-text = texte
analyse-hint-back = retour
analyse-hint-cell = cellule
analyse-hint-save = enregistrer
analyse-hint-close-asks = fermer (demande si changé)
analyse-hint-discard = abandonner le changement
analyse-hint-go-on = continuer d'écrire
analyse-hint-find = la trouver
analyse-hint-cancel = annuler
analyse-hint-code = code
analyse-hint-apply = appliquer/retirer
analyse-hint-done = fini

## Aide (?)
analyse-help-title = {" "}Aide{ $more ->
    [yes] {" "}· ↓ suite
   *[no] {""}
}{" "}
analyse-help-intro = Une ligne par session, une colonne par section (v : par question). ✎ une synthèse (✎* sur une révision antérieure) ; ●n codages sur les textes de la cellule.
analyse-help-move = se déplacer
analyse-help-jump = sauter
analyse-help-read = lire la cellule en entier
analyse-help-view = une colonne par question, ou par section ; chacune sa synthèse
analyse-help-summary = écrire la synthèse de la cellule : Ctrl-S enregistre, Échap demande avant d'abandonner un changement
analyse-help-in-cell = Dans une cellule :
analyse-help-choose = choisir un texte (une note, une réponse tapée, une note du bloc-notes)
analyse-help-code-whole = coder tout le texte : Espace coche ou décoche un code
analyse-help-code-part = coder une partie : tapez ses mots (majuscules ou non), Entrée
analyse-help-cells = cellule précédente / suivante de la ligne
analyse-help-scroll = défiler
analyse-help-back = retour à la matrice
analyse-help-quit = quitter (tout est enregistré au fur et à mesure)
analyse-help-footer = ↑↓ fait défiler cette aide ; toute autre touche la ferme.

## Touches qui sont des mots (les autres sont leur nom, le même dans toutes les langues)
analyse-key-any-other = autre touche
analyse-key-c-or-enter = {"  "}c ou Entrée
