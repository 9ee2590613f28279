# Les mots de stocktake, en français. Chaque identifiant ici doit être dans en.ftl aussi.

## Terminal trop petit
too-small = Ce terminal fait { $width }×{ $height } ; stocktake a besoin d'au moins { $min_width }×{ $min_height }. Agrandissez la fenêtre ou réduisez la police. Les touches sont suspendues d'ici là, pour que rien ne soit tapé sans être vu ; tout ce qui a déjà été tapé est enregistré.

## La liste d'accueil
home-sessions = { $shown ->
    [one] { $shown } session
   *[other] { $shown } sessions
}
home-sessions-of = { $shown ->
    [one] { $shown } session sur { $total }
   *[other] { $shown } sessions sur { $total }
}
home-campaign = campagne : { $done } faits, { $due } à appeler, { $left } restants
home-empty-before = Aucun entretien pour l'instant. Appuyez sur{" "}
home-empty-after = {" "}pour commencer un appel.
home-col-response = RÉPONSE
home-col-structure = RÉPONDANT
home-col-interviewer = ENQUÊTEUR
home-col-status = ÉTAT
home-col-rev = RÉV
home-col-required = REQUIS
home-col-last-change = MODIFIÉ
home-filter = filtre :
home-unsynced = { $waiting ->
    [one] ↑ { $waiting } terminée, pas encore synchronisée (stocktake sync) ·
   *[other] ↑ { $waiting } terminées, pas encore synchronisées (stocktake sync) ·
}
home-data = données : { $path }
status-in-progress = en cours
status-completed = terminée
status-draft = brouillon

## Commun à tous les écrans
hint-dismiss = fermer
help-title = {" "}Touches (Échap ferme){" "}
help-title-scroll = {" "}Touches ({ $shown }/{ $total } · ↑↓ défiler · Échap ferme){" "}
help-saved-in = Tout ce que vous tapez est enregistré aussitôt dans { $path }
