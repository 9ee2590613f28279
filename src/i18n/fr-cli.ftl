# Les mots de la ligne de commande : résumés, lignes de progression et erreurs des
# sous-commandes (src/cli/). Ce qu'un script lit (--json, CSV, lignes séparées par des
# tabulations, chemins, identifiants) n'est jamais ici. Chaque identifiant ici doit être
# dans en-cli.ftl aussi.

## Commun
cli-bad-ui-language = --ui-language `{ $given }` n'est pas une langue de stocktake : en, fr
cli-env-ui-language-ignored = STOCKTAKE_UI_LANGUAGE `{ $given }` n'est pas une langue que stocktake parle (en, fr) ; elle est laissée de côté
cli-note = note : { $what }
cli-warning-skipped = attention : guide ignoré : { $what }
cli-no-data-dir = impossible de savoir où est votre dossier de données (pas de dossier personnel ?) ; indiquez --data-dir DOSSIER
cli-db-is-folder = { $db } : est un dossier, pas une base de collation ; nommez le fichier de la base, par exemple --db { $example }
cli-db-missing = { $db } : cette base de collation n'existe pas ; lancez d'abord stocktake collate
cli-db-dangling = { $db } : est un lien symbolique vers { $target }, qui n'existe pas ; stocktake ne crée une base de collation que sous son vrai nom (privée, 0600) : indiquez --db { $target }
cli-wrote = écrit : { $path }
cli-path-error = { $path } : { $error }

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

# Les sortes de quarantaine, telles que la base de collation les garde ; l'identifiant est
# la sorte, ses espaces remplacés par des tirets. Une sorte absente est montrée telle quelle.
quarantine-kind-unreadable = illisible
quarantine-kind-too-large = trop grand
quarantine-kind-not-a-regular-file = pas un fichier ordinaire
quarantine-kind-corrupt = corrompu
quarantine-kind-truncated = tronqué
quarantine-kind-tampered = altéré
quarantine-kind-unknown-format = format inconnu
quarantine-kind-invalid = invalide
quarantine-kind-guide-mismatch = guide différent
quarantine-kind-unknown-guide = guide inconnu
quarantine-kind-invalid-answer = réponse invalide
quarantine-kind-free-text-without-consent = texte libre sans consentement
quarantine-kind-not-for-this-collator = pas pour cette personne qui collationne
quarantine-kind-damaged-ciphertext = chiffré endommagé
quarantine-kind-no-identity = pas d'identité
quarantine-kind-too-many-recipients = trop de destinataires
quarantine-kind-not-encrypted = pas chiffré
quarantine-kind-unreadable-folder = dossier illisible
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
# The default structures in the narrow table (14 columns at most)
sessions-short-protection-cluster = CP
sessions-short-cp-aor = DR PE
sessions-short-gbv-aor = DR VBG

## stocktake sync
sync-no-outbox = pas de boîte d'envoi : indiquez-la avec `stocktake sync --to DOSSIER`, STOCKTAKE_OUTBOX, ou outbox = "DOSSIER" dans { $config }
sync-the-config-file = le fichier de configuration
sync-still-waiting-suffix = , { $n ->
    [one] { $n } révision de session terminée attend toujours d'être synchronisée
   *[other] { $n } révisions de session terminées attendent toujours d'être synchronisées
}
sync-outbox-missing = la boîte d'envoi { $dir } n'existe pas ; créez-la (mkdir { $dir }), ou choisissez-en une autre avec --to DOSSIER ou STOCKTAKE_OUTBOX ; rien n'a été écrit{ $waiting }
sync-outbox-not-folder = la boîte d'envoi { $dir } n'est pas un dossier ; choisissez un dossier avec --to DOSSIER ; rien n'a été écrit{ $waiting }
sync-already-there = déjà là : { $path }
sync-cleaned = { $n ->
    [one] { $n } fichier temporaire inachevé, laissé par une synchronisation interrompue, supprimé
   *[other] { $n } fichiers temporaires inachevés, laissés par une synchronisation interrompue, supprimés
}
sync-not-written = pas écrit : { $name } : { $error }
sync-exposed-everyone = tous les utilisateurs de cette machine peuvent en lister le contenu
sync-exposed-group = les membres du groupe { $group } peuvent en lister le contenu
sync-exposed = attention : { $n ->
    [one] { $n } fichier de session écrit en clair
   *[other] { $n } fichiers de session écrits en clair
} dans { $dir } (mode { $mode }) : { $who }, et le groupe du dossier peut lire les fichiers ; chiffrez-les (destinataires dans la configuration ou le guide), ou utilisez un dossier de dépôt que les enquêteurs ne peuvent pas lire (README, « A shared outbox on a server »)
sync-still-waiting = { $n ->
    [one] { $n } révision de session terminée attend toujours d'être synchronisée ; rien n'a été perdu
   *[other] { $n } révisions de session terminées attendent toujours d'être synchronisées ; rien n'a été perdu
}
sync-nothing = rien à synchroniser : aucune session n'est encore terminée dans ces données ({ $store })
sync-nothing-new = rien de nouveau à synchroniser dans { $dir } : chaque révision terminée est déjà écrite :
sync-sent-line = {"  "}{ $response } · { $structure } r{ $revision } : { $file } dans { $outbox }, { $at }
sync-again-hint = pour toutes les réécrire (une copie sur une clé USB, ou chiffrées cette fois) : stocktake sync --again --to DOSSIER
sync-written = { $n ->
    [one] { $n } fichier écrit dans { $dir }
   *[other] { $n } fichiers écrits dans { $dir }
}

## stocktake keys
keys-cannot-read = { $file } : impossible de lire l'identité : { $error }
keys-not-identity = { $file } : pas un fichier d'identité age ({ $why }) ; donnez le fichier écrit par `stocktake keys new --out FICHIER`
keys-why-too-large = bien trop grand
keys-why-not-text = pas du texte
keys-why-line = la ligne { NUMBER($line, useGrouping: "false") } n'est ni un commentaire ni une clé AGE-SECRET-KEY-1…
keys-cannot-create = { $file } : impossible de créer le fichier d'identité ({ $error }) ; un fichier existant n'est jamais remplacé
keys-created = { $file } créé (lisible par vous seul : gardez-le en lieu sûr, avec une sauvegarde ; qui le détient lit chaque session)

## stocktake guide
guide-col-id = ID
guide-col-version = VERSION
guide-col-questions = QUESTIONS
guide-col-where = OÙ
guide-col-title = TITRE
guide-bundled = fourni
guide-shadowed = note : { $id } (version { $version }) de { $origin } est un autre guide avec le même identifiant ; celui de { $by } est utilisé (--guides, puis ./interview-guides, puis le dossier de configuration, puis les guides fournis)
guide-not-found = { $name } : aucun fichier de ce nom, et aucun guide n'a cet identifiant ; `stocktake guide list` montre les guides trouvés
guide-exported = { $out } : XLSForm de { $id } version { $version } : { $rows ->
    [one] { $rows } ligne survey
   *[other] { $rows } lignes survey
}, { $choices ->
    [one] { $choices } choix
   *[other] { $choices } choix
}
guide-check-ok = { $file } : correct : { $id } version { $version }, { $sections ->
    [one] { $sections } section
   *[other] { $sections } sections
}, { $questions ->
    [one] { $questions } question
   *[other] { $questions } questions
}, { $digest }
guide-check-refused = { $failed ->
    [one] { $failed } fichier de guide refusé
   *[other] { $failed } fichiers de guide refusés
} sur { $total }
guide-import-invalid = { $form } : pas importé : corrigez le formulaire et importez-le de nouveau ; rien n'a été écrit
guide-import-lost = { $form } : { $n ->
    [one] { $n } partie du formulaire ne peut pas passer dans un guide ; rien n'a été écrit. Importez avec --lossy pour écrire le guide sans elle, listée en tête du guide
   *[other] { $n } parties du formulaire ne peuvent pas passer dans un guide ; rien n'a été écrit. Importez avec --lossy pour écrire le guide sans elles, listées en tête du guide
}
guide-import-exists = { $out } : existe déjà ; l'import ne remplace jamais un fichier : nommez-en un nouveau avec --out
guide-imported = { $out } : guide { $id } version { $version } : { $sections ->
    [one] { $sections } section
   *[other] { $sections } sections
}, { $questions ->
    [one] { $questions } question
   *[other] { $questions } questions
}, depuis { $form }
guide-imported-lost = ; { $n ->
    [one] { $n } partie laissée de côté, listée en tête du guide
   *[other] { $n } parties laissées de côté, listées en tête du guide
}

## stocktake plan (les états et résultats de --json restent les codes et libellés anglais)
plan-cannot-read = { $file } : lecture impossible : { $error }
plan-imported = { $file } : { $n ->
    [one] { $n } cible
   *[other] { $n } cibles
} : { $new ->
    [one] { $new } nouvelle
   *[other] { $new } nouvelles
}, { $updated ->
    [one] { $updated } mise à jour
   *[other] { $updated } mises à jour
}, { $unchanged ->
    [one] { $unchanged } inchangée
   *[other] { $unchanged } inchangées
}
plan-flagged = { $n ->
    [one] { $n } cible qui n'est plus dans le fichier est gardée, parce que des tentatives ont été notées : marquée comme retirée
   *[other] { $n } cibles qui ne sont plus dans le fichier sont gardées, parce que des tentatives ont été notées : marquées comme retirées
}
plan-dropped = { $n ->
    [one] { $n } cible qui n'est plus dans le fichier, jamais essayée : supprimée
   *[other] { $n } cibles qui ne sont plus dans le fichier, jamais essayées : supprimées
}
plan-collation-targets = { $file } : { $n ->
    [one] { $n } cible
   *[other] { $n } cibles
} : la couverture de { $db }{ $new ->
    [yes] {" "}(une nouvelle base de collation)
   *[no] {""}
} porte sur cette campagne
plan-cli-empty = Pas encore de campagne : stocktake plan import CAMPAGNE.csv (colonnes response, structure, coordinator, organisation, contact, timezone, language)
plan-cli-col-target = CIBLE
plan-cli-col-status = ÉTAT
plan-cli-col-tries = ESSAIS
plan-cli-col-next = PROCHAIN
plan-cli-col-coordinator = COORDINATEUR
plan-cli-col-sessions = SESSIONS
plan-cli-removed = { $id } (retirée)
plan-cli-state-callback-due = rappel dû
plan-cli-state-due = à appeler
plan-cli-state-not-tried = pas essayé
plan-cli-state-callback = rappel
plan-cli-state-waiting = en attente
plan-cli-state-exhausted = assez essayé
plan-cli-state-needs-contact = il faut un nouveau contact
plan-cli-totals = { $done ->
    [one] { $done } fait
   *[other] { $done } faits
}, { $due } à appeler maintenant, { $left ->
    [one] { $left } restant
   *[other] { $left } restants
}
plan-not-a-time = --{ $flag } `{ $given }` n'est pas une heure ; écrivez par exemple 2018-03-15T14:30 (votre heure locale) ou 2018-03-15T11:30:00Z
plan-cli-no-target = pas de cible `{ $target }` dans la campagne{ $near } ; `stocktake plan list` les montre toutes
plan-did-you-mean = {" "}(vouliez-vous dire { $ids } ?)
plan-unknown-outcome = résultat inconnu `{ $given }` ; utilisez l'un de { $codes }
plan-bad-callback = --callback { $error } (les heures sont celles du répondant ; ou donnez-en une avec son fuseau, 2018-03-15T11:30:00Z)
plan-callback-needs-time = un rappel a besoin de son heure : --callback 2018-03-15T14:30
plan-callback-not-after = l'heure du rappel n'est pas après la tentative ({ $at }) : un rappel est dans l'avenir
plan-callback-only = --callback ne va qu'avec --outcome callback
# The callbacks calendar (plan calendar): what an interviewer's calendar shows
calendar-call-back = Rappeler : { $target }
calendar-call-back-who = Rappeler : { $target } ({ $who })
calendar-target = Cible { $id }.
calendar-contact = Contact : { $contact }.
calendar-time-zone = Fuseau horaire du répondant : { $zone }.
plan-cli-logged = noté : { $target } : { $outcome } (AAPOR { $code })
plan-cli-call-back = , rappel { $when }
plan-calendar-cannot-write = { $file } : impossible d'écrire le calendrier : { $error }
plan-calendar-written = { $file } : { $n ->
    [one] { $n } rappel
   *[other] { $n } rappels
}

## stocktake conflicts et stocktake resolve (empreintes, identifiants de question et commandes tels quels)
conflicts-none = aucun conflit
conflicts-two-first = deux premières révisions
conflicts-parent = parent { $digest }
conflicts-session = session { $session } · { $response } · { $structure } · { $parent }
conflicts-revision = { $digest }  révision { $revision }, terminée { $completed }, faite par { $by } (selon le fichier), collationnée { $collated }
conflicts-from = de { $path }{ $owner }
conflicts-owner = {" "}(propriétaire du fichier : { $owner })
conflicts-resolved = résolu : { $digest } est gardée
conflicts-unresolved-head = non résolu : tant que vous n'avez pas choisi, le rapport utilise { $digest } (la révision la plus haute, puis la dernière terminée)
conflicts-unresolved-later = non résolu : une révision plus récente s'appuie sur l'une d'elles
conflicts-chosen = ✓ choisie
conflicts-same = (les réponses sont les mêmes ; seuls les horaires des notes ou les participants diffèrent)
conflicts-no-answer-recorded = (aucune réponse enregistrée)
conflicts-no-answer = (pas de réponse)
conflicts-other = {" "}(autre : { $text })
conflicts-note = {" "}· note : { $text }
conflicts-all-resolved = { $n ->
    [one] { $n } conflit, résolu
   *[other] { $n } conflits, tous résolus
} : plus rien à faire (pour revenir sur un choix : stocktake resolve --undo --db { $db } EMPREINTE)
conflicts-open = { $n ->
    [one] { $n } conflit
   *[other] { $n } conflits
}, { $open ->
    [one] { $open } non résolu
   *[other] { $open } non résolus
}. À faire : choisir dans chacun la révision à garder, stocktake resolve --db { $db } EMPREINTE ; pour prendre une réponse d'une autre révision, stocktake resolve --db { $db } --answer QUESTION EMPREINTE{ $full ->
    [yes] {""}
   *[no]  ; --full montre chaque texte en entier
}
resolve-still-needs = ce conflit attend toujours la révision à garder : stocktake resolve --db { $db } EMPREINTE
resolve-resolved = ce conflit est résolu
resolve-none-left = ; il ne reste aucun conflit
resolve-others = ; { $n ->
    [one] { $n } autre conflit non résolu
   *[other] { $n } autres conflits non résolus
} : stocktake conflicts --db { $db }
resolve-undone = le choix est annulé : le conflit de { $digest } est de nouveau non résolu
resolve-kept = { $kept } est gardée plutôt que { $others } ; le rapport l'utilise (annuler : stocktake resolve --undo --db { $db } { $kept })
resolve-answer-undone = { $question } : le choix est annulé ; la réponse vient de nouveau de la révision gardée
resolve-answer-chosen = { $question } : le rapport utilise la réponse de { $digest }, quelle que soit la révision gardée (annuler : stocktake resolve --undo --db { $db } --answer { $question } { $digest })

## stocktake report (les lignes du terminal ; les fichiers du rapport ne suivent pas cette langue)
report-bad-language = --report-language `{ $given }` n'est pas une langue dans laquelle stocktake écrit ses rapports : en, fr
report-out-not-folder = { $out } : existe et n'est pas un dossier ; nommez un dossier pour le rapport avec --out DOSSIER (il est créé, privé, s'il manque)
report-no-guide = pas de guide `{ $guide }` dans { $db } ; ses sessions ont été faites avec : { $ids }
report-no-guide-none = aucun pour l'instant (collationnez d'abord des fichiers)
report-reading = lecture de la collation…
report-empty = aucune session ne correspond : le rapport est vide
report-read = { $n ->
    [one] { $n } session lue
   *[other] { $n } sessions lues
} en { $seconds } s ; écriture de { $formats }…
report-format-written = { $format } écrit en { $seconds } s
report-pruned = supprimé : { $path } (reste d'un rapport précédent, qui ne fait pas partie de celui-ci)
report-failed = stocktake : { $format } pas écrit : { $error }{ $removed }
report-removed-earlier = ; l'ancien { $paths } a été supprimé pour qu'il ne passe pas pour ce rapport

## stocktake import
import-unreadable-folder = stocktake : { $dir } : impossible de lire ce dossier : { $why }
import-no-files = aucun fichier de session (*.toml) dans { $paths }
import-encrypted = { $file } : chiffré pour la personne qui collationne (age) : import ne peut pas l'ouvrir, seule son identité le peut ; importez le fichier .toml en clair depuis les données où il a été écrit, ou, si vous collationnez, lisez-le avec stocktake collate --identity FICHIER
import-attempt = { $file } : tentative d'appel { $new ->
    [yes] importée
   *[no] déjà là, rien de changé
} : { $target } · { $outcome } le { $at }
import-new = importé
import-replacing = importé, remplace la révision { $from }
import-already = déjà là, rien de changé
import-session = { $file } : { $what } : { $response } · { $structure } révision { $revision }

## stocktake guide diff (chaque ligne de changement garde le nom de sa classe, que les scripts reconnaissent)
diff-not-same-guide = { $old } est le guide `{ $old_id }` et { $new } le guide `{ $new_id }` : ce ne sont pas deux versions d'un même guide, il n'y a donc rien à comparer
diff-header = { $id } : version { $old } → { $new }
diff-no-change = aucun changement
diff-changes = { $n ->
    [one] { $n } changement
   *[other] { $n } changements
}
diff-refused = { $changes } ; refusé : { $ids } { $n ->
    [one] réutilise
   *[other] réutilisent
} un identifiant avec un autre type. Donnez un nouvel identifiant à la nouvelle question, et gardez ou retirez l'ancienne
diff-all-compare = { $changes } ; les réponses de chaque question se comparent : un rapport les regroupe
diff-apart = { $changes } ; les réponses { $n ->
    [one] d'une question
   *[other] de { $n } questions
} ne se comparent pas d'une version à l'autre : { $ids } (un rapport les compte par version)
diff-same-version = note : les deux fichiers disent version { $version } ; augmentez la `version` du nouveau pour que les sessions les distinguent

## stocktake analyse, merge-codings, et les écrans lancés depuis la ligne de commande
analyse-needs-terminal = stocktake analyse est un programme plein écran et a besoin d'un terminal ; pour des fichiers, utilisez stocktake report --db { $db }
analyse-nothing = { $db } : aucune session{ $guide ->
    [none] {""}
   *[other] {" "}du guide `{ $guide }`
} à analyser pour l'instant ; collationnez d'abord des fichiers
merge-codings-merged = { $file } : { $n ->
    [one] { $n } nouveau codage fusionné
   *[other] { $n } nouveaux codages fusionnés
} dans { $db }
tui-needs-terminal = les écrans d'entretien ont besoin d'un terminal ; lancez stocktake dans un terminal, ou utilisez une sous-commande (stocktake --help)
tui-no-guide = aucun guide d'entretien n'a pu être chargé ; lancez `stocktake guide list` pour savoir pourquoi

## What an XLSForm import leaves out (`stocktake guide import`): notes, then lost parts
xlsform-note-metadata = { $file }:survey:{ $row }: `{ $type }` ({ $name }) laissé de côté : stocktake enregistre lui-même ses heures et l'enquêteur
xlsform-note-renamed = { $file }:survey:{ $row }: `{ $name }` devient la question `{ $id }`
# $why: what the condition reader found, in English (the XPath subset's own words)
xlsform-lost-relevant = relevant de `{ $name }` (`{ $relevant }`) : { $why } ; la question est toujours posée
# $what: one of xlsform-uncarried-*; $value: " (`the cell`)" or nothing
xlsform-lost-column = { $what }{ $value } sur `{ $name }` : un guide n'a pas de place pour cela
xlsform-uncarried-calculation = un calcul
xlsform-uncarried-default = une réponse par défaut
xlsform-uncarried-choice-filter = un filtre de choix en cascade
xlsform-uncarried-repeat-count = un nombre de répétitions
xlsform-uncarried-trigger = un déclencheur
xlsform-uncarried-image = une image
xlsform-uncarried-audio = un fichier audio
xlsform-uncarried-video = une vidéo
xlsform-lost-repeat = répétition `{ $name }` : un guide n'a pas de groupes répétés ; ses questions sont posées une fois
xlsform-lost-calculate = calculate `{ $name }` (`{ $calc }`) : un guide ne calcule rien
xlsform-lost-type = question `{ $name }` de type `{ $type }` : un guide n'a pas ce type
xlsform-lost-constraint-multi = contrainte `{ $constraint }` sur `{ $name }` : un guide ne garde que les bornes d'un nombre et, sur un select_multiple, les options qui excluent les autres (`not(selected(., 'none')) or count-selected(.) = 1`)
xlsform-lost-constraint-number = contrainte `{ $constraint }` sur `{ $name }` : un guide ne garde que des bornes (`. >= 0 and . <= 100`)
xlsform-lost-range = range `{ $name }` aux paramètres `{ $parameters }` : l'échelle d'un guide avance par pas entiers de 1 et a au plus 100 points ; c'est une question de nombre
xlsform-lost-required = required `{ $required }` sur `{ $name }` : une question de guide est obligatoire ou non ; elle n'est pas obligatoire
xlsform-lost-hxl = hxl `{ $tag }` sur `{ $name }` : pas un hashtag HXL (#tag+attribut)

## The comments at the top of a guide `stocktake guide import` writes
guide-import-header = Importé de { $form } par `stocktake guide import`. Format : docs/guide-format.md.
guide-import-header-lost = Non repris (--lossy) :

## What makes an XLSForm unreadable as a guide (`stocktake guide import`)
xlsform-bad-no-type = { $file }:survey:{ $row }: `{ $name }` n'a pas de type
xlsform-bad-no-group = { $file }:survey:{ $row }: `{ $type }` sans groupe ouvert
xlsform-bad-no-name = { $file }:survey:{ $row }: `{ $type }` n'a pas de nom
xlsform-bad-name-twice = { $file }:survey:{ $row }: le nom `{ $name }` sert deux fois (d'abord à la ligne { $first }) ; chaque nom doit être unique
xlsform-bad-no-label = { $file }:survey:{ $row }: la question `{ $name }` n'a pas de libellé
xlsform-bad-name-id = { $file }:survey:{ $row }: le nom `{ $name }` ne peut pas devenir un identifiant de guide (lettres, chiffres, `_` ou `-`)
xlsform-bad-id-twice = { $file }:survey:{ $row }: `{ $name }` devient l'identifiant `{ $id }`, comme la question de la ligne { $first } ; renommez l'une des deux
xlsform-bad-no-list = { $file }:survey:{ $row }: `{ $type }` ne nomme aucune liste de choix
xlsform-bad-list-missing = { $file }:survey:{ $row }: `{ $type }` : la liste `{ $list }` n'est pas sur la feuille choices ; ajoutez-y ses choix (list_name `{ $list }`)
xlsform-bad-list-long = { $file }:choices:{ $row }: la liste `{ $list }` a { $count } choix, plus que les { $max } qu'une question de guide peut offrir ; posez-la plutôt comme une question de texte
xlsform-bad-choice-value = { $file }:choices:{ $row }: le choix `{ $value }` ne peut pas devenir une valeur de guide (lettres, chiffres, `_` ou `-`)
xlsform-bad-choice-twice = { $file }:choices:{ $row }: le choix `{ $value }` devient la valeur `{ $id }`, comme le choix de la ligne { $first } ; renommez l'un des deux
xlsform-bad-group-open = { $file }:survey:{ $row }: le groupe `{ $name }` n'est jamais fermé ; ajoutez une ligne end_group
xlsform-bad-no-question = { $file }:survey: aucune question qu'un guide puisse reprendre
xlsform-bad-column-language = { $file }:{ $sheet }:{ $row }: la colonne `{ $column }` ne donne pas le code de sa langue ; écrivez-la `{ $base }::{ $language } (xx)` avec le code, par exemple `{ $base }::Français (fr)`
xlsform-bad-no-label-column = { $file }:survey:{ $row }: pas de colonne `label` ; chaque question a besoin d'un libellé (`label`, ou `label::Français (fr)` par langue)
xlsform-bad-default-language = { $file }:settings:2: default_language `{ $named }` n'a pas de colonne de libellés ; les libellés sont en { $languages } : nommez l'une d'elles
xlsform-bad-stray-language = { $file }:{ $sheet }:{ $row }: la colonne `{ $column }` est dans une langue qu'aucune colonne de libellés n'a ; ajoutez ses libellés ou supprimez la colonne
xlsform-bad-choices-columns = { $file }:{ $sheet }:{ $row }: la feuille choices a besoin des colonnes `list_name` et `name`
xlsform-bad-choice-incomplete = { $file }:{ $sheet }:{ $row }: un choix a besoin d'un list_name et d'un name
xlsform-bad-choice-in-list-twice = { $file }:{ $sheet }:{ $row }: le choix `{ $name }` est deux fois dans la liste `{ $list }` (d'abord à la ligne { $first }) ; les noms doivent être uniques dans une liste
xlsform-bad-survey-columns = { $file }:{ $sheet }:{ $row }: la feuille survey a besoin des colonnes `type` et `name`

## What the XLSForm import's workbook reader finds in the file itself
xlsform-file-unreadable = impossible de le lire : { $error }
xlsform-file-not-a-file = n'est pas un fichier ; nommez le classeur .xlsx du formulaire
xlsform-file-too-large = fait { $size } Mio, plus que les { $limit } Mio qu'un XLSForm peut faire ; est-ce bien un formulaire ?
xlsform-file-zip-not-xlsx = est un fichier ZIP mais pas un classeur XLSX ({ $error }) ; enregistrez le formulaire depuis Excel ou LibreOffice au format .xlsx
xlsform-file-no-survey = n'a pas de feuille `survey` (ses feuilles : { $sheets }) ; un XLSForm a une feuille survey, et d'habitude choices et settings
xlsform-file-encrypted = est protégé par un mot de passe (chiffré) ; ouvrez-le dans Excel ou LibreOffice, retirez le mot de passe, enregistrez-le et importez-le de nouveau
xlsform-file-xls = est un ancien classeur Excel 97-2003 (.xls) ; ouvrez-le et enregistrez-le au format .xlsx
xlsform-file-empty = est vide ; un XLSForm est un classeur .xlsx
xlsform-file-not-zip = n'est pas un classeur XLSX (il ne commence pas comme un fichier ZIP) ; un XLSForm est un classeur .xlsx
xlsform-sheet-merged-unreadable = { $file }:{ $sheet }: impossible de lire ses cellules fusionnées : { $error }
xlsform-sheet-merged = { $file }:{ $sheet }:{ $row }: les cellules { $from }:{ $to } sont fusionnées ; XLSForm lit une valeur par cellule : défusionnez-les et remplissez chaque cellule
xlsform-sheet-formula = { $file }:{ $sheet }:{ $row }: la cellule { $cell } contient une formule (={ $formula }) ; XLSForm lit le texte de la cellule : remplacez la formule par sa valeur
xlsform-sheet-more-formulas = { $file }:{ $sheet }: et { $more } formules de plus
xlsform-sheet-formulas-unreadable = { $file }:{ $sheet }: impossible de lire ses formules : { $error }
xlsform-sheet-unreadable = { $file }:{ $sheet }: impossible de lire la feuille : { $error }
xlsform-sheet-too-long = { $file }:{ $sheet }:{ $row }: la feuille a { $rows } lignes, plus que les { $max } qu'un formulaire peut avoir
xlsform-sheet-date = { $file }:{ $sheet }:{ $row }: la cellule { $cell } contient une date là où XLSForm lit du texte : mettez la cellule au format texte et tapez-la de nouveau
xlsform-sheet-error-value = { $file }:{ $sheet }:{ $row }: la cellule { $cell } contient la valeur d'erreur { $value } : corrigez-la
xlsform-sheet-more-cells = { $file }:{ $sheet }: et { $more } cellules de ce genre de plus

## `stocktake guide diff`: a change's class, what changed, and the words around them
gdiff-class-wording = formulation seulement
gdiff-class-stale-translation = traduction peut-être périmée
gdiff-class-asked = posée autrement
gdiff-class-question-added = question ajoutée
gdiff-class-question-removed = question retirée
gdiff-class-respondents = types de répondants
gdiff-class-bounds = bornes changées
gdiff-class-option-added = option ajoutée
gdiff-class-option-removed = option retirée
gdiff-class-relabelled = option renommée
gdiff-class-type-changed = identifiant repris pour un autre type (refusé)
gdiff-stale = { $what } ({ $lang }) : le { $lang } est peut-être périmé (le { $src } a changé, pas le { $lang })
gdiff-in-lang = { $what } ({ $lang })
gdiff-title = titre
gdiff-description = description
gdiff-section-title = titre de la section `{ $section }`
gdiff-section-guidance = consigne de la section `{ $section }`
gdiff-respondent-declared = type de répondant `{ $id }` déclaré
gdiff-respondent-label = libellé du type de répondant `{ $id }`
gdiff-respondent-dropped = type de répondant `{ $id }` plus déclaré
gdiff-text = texte
gdiff-guidance = consigne
gdiff-every-respondent = tous les types de répondants
gdiff-always = toujours
gdiff-required = obligatoire
gdiff-optional = facultative
gdiff-bounds = bornes
gdiff-bounds-range = de { $min } à { $max }
gdiff-option = option `{ $value }`
gdiff-asks-specify = demande de préciser
gdiff-no-specify = sans précision
gdiff-option-order = ordre des options
gdiff-guide = (guide)
gdiff-not-comparable = non comparable
gdiff-was = était { $text }
gdiff-unchanged = { $text } inchangé

## What the spreadsheet library says of a workbook it cannot read (after an xlsform-file-* or xlsform-sheet-* message); $detail: the library's own words
xlsform-lib-password = il est protégé par un mot de passe
xlsform-lib-missing-part = la partie `{ $part }` y manque
xlsform-lib-zip = son archive ZIP est endommagée : { $detail }
xlsform-lib-no-sheet = il n'a pas de feuille `{ $sheet }`
xlsform-lib-not-a-worksheet = `{ $sheet }` n'est pas une feuille de calcul (une feuille de graphique ou de macros)
xlsform-lib-encoding = un texte y est dans un encodage que le lecteur ne connaît pas : { $detail }
xlsform-lib-malformed = il n'est pas écrit comme un tableur l'écrit : { $detail }
