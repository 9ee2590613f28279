# Les mots de la ligne de commande : résumés, lignes de progression et erreurs des
# sous-commandes (src/cli/). Ce qu'un script lit (--json, CSV, lignes séparées par des
# tabulations, chemins, identifiants) n'est jamais ici. Chaque identifiant ici doit être
# dans en-cli.ftl aussi.

## Commun
cli-bad-ui-language = --ui-language `{ $given }` n'est pas une langue de stocktake : en, fr
cli-note = note : { $what }
cli-warning-skipped = attention : ignoré { $what }
cli-no-data-dir = impossible de savoir où est votre dossier de données (pas de dossier personnel ?) ; indiquez --data-dir DOSSIER
cli-db-is-folder = { $db } : est un dossier, pas une base de collation ; nommez le fichier de la base, par exemple --db { $example }
cli-db-missing = { $db } : cette base de collation n'existe pas ; lancez d'abord stocktake collate
cli-db-dangling = { $db } : est un lien symbolique vers { $target }, qui n'existe pas ; stocktake ne crée une base de collation que sous son vrai nom (privée, 0600) : indiquez --db { $target }
cli-wrote = écrit : { $path }

## stocktake collate
collate-path-missing = { $path } : { $error } ; rien n'a été collationné{ $created ->
    [no] {" "}et aucune base n'a été créée
   *[yes] {""}
}
collate-waiting = une autre collation est en cours sur { $db } ; attente de sa fin…
collate-bar = {" "}{ $done }/{ $total } fichiers · { $quarantined ->
    [one] { $quarantined } en quarantaine
   *[other] { $quarantined } en quarantaine
}{" "}
collate-progress = collation : { $done }/{ $total } fichiers, { $quarantined } en quarantaine
collate-quarantined = en quarantaine ({ $kind }) : { $reason }
collate-summary = { $files ->
    [one] { $files } fichier
   *[other] { $files } fichiers
} : { $new ->
    [one] { $new } nouveau
   *[other] { $new } nouveaux
}, { $updated ->
    [one] { $updated } mis à jour
   *[other] { $updated } mis à jour
}, { $duplicate ->
    [one] { $duplicate } déjà présent
   *[other] { $duplicate } déjà présents
}, { $conflicting ->
    [one] { $conflicting } en conflit
   *[other] { $conflicting } en conflit
}, { $quarantined } en quarantaine
collate-summary-attempts = ; { $attempts ->
    [one] { $attempts } tentative d'appel
   *[other] { $attempts } tentatives d'appel
}
collate-summary-cleared = ; sortis de quarantaine : { $parts }
collate-cleared-imported = { $n ->
    [one] { $n } importé maintenant
   *[other] { $n } importés maintenant
}
collate-cleared-gone = { $n ->
    [one] { $n } introuvable désormais
   *[other] { $n } introuvables désormais
}
collate-cleared-readable = { $n ->
    [one] { $n } dossier de nouveau lisible
   *[other] { $n } dossiers de nouveau lisibles
}
collate-took = {" "}en { $seconds } s
collate-conflicts = { $open ->
    [one] { $open } conflit à examiner
   *[other] { $open } conflits à examiner
} : stocktake conflicts --db { $db }

## stocktake sessions (le tableau étroit tient en 80 colonnes dans chaque langue)
sessions-none = Aucune session pour l'instant dans { $path }.
sessions-col-session = SESSION
sessions-col-call = APPEL
sessions-col-guide = GUIDE
sessions-col-structure = RÉPONDANT
sessions-col-response = RÉPONSE
sessions-col-status = ÉTAT
sessions-col-rev = RÉV
sessions-col-required = REQUIS
sessions-col-last-change = DERNIÈRE MODIFICATION
sessions-col-changed = MODIFIÉ (UTC)
# Après le code de l'état avec --wide : une révision terminée pas encore dans la boîte d'envoi.
sessions-wide-to-sync = { $status } (à synchroniser)
sessions-status-to-sync = à synchroniser
sessions-status-in-progress = en cours
sessions-status-completed = terminée
sessions-status-draft = brouillon
sessions-status-synced = synchronisée
