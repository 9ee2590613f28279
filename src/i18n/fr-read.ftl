# Ce que les lecteurs des fichiers de session et de tentative trouvent de faux dans un
# fichier (src/sync/read/why.rs) : le `message` de `fichier:ligne:col: message`.

## La première ligne (src/sync/read/envelope.rs)
why-file-bom = le fichier commence par une marque d'ordre des octets (U+FEFF), qu'un fichier de session n'a jamais : un éditeur ou un transfert l'a ajoutée ; collationnez le fichier d'origine
why-file-crlf = le fichier a des fins de ligne Windows (CRLF), et les lignes d'un fichier de session finissent par LF seulement : il a été converti en route (un client de messagerie, un partage Windows, l'autocrlf de git) ; collationnez le fichier d'origine
why-file-digest-upper-case = l'empreinte est en majuscules, et celle d'un fichier de session fait 64 chiffres hexadécimaux en minuscules : la ligne a été modifiée ; collationnez le fichier d'origine
why-file-no-format = pas de clé `format`

## Les champs (src/sync/read/fields.rs, v1.rs, v4.rs)
why-file-ulid-lower-case = `{ $what }` = { $value } est un ULID en minuscules ; le format écrit les identifiants en majuscules ({ $upper })
why-file-not-ulid = `{ $what }` = { $value } n'est pas un ULID : 26 caractères attendus parmi 0-9 et A-Z sauf I, L, O et U, le premier de 0 à 7 (comme 01M8J1GE2XBNDT60WBMX0CPVFK)
why-file-not-role = `{ $what }` = { $value } n'est pas un rôle de participant : l'un de { $known } (`other`, avec l'organisation, pour toute autre personne)
why-file-status-not-completed = `status` = { $value } : seule une révision terminée voyage en fichier ; demandez à son expéditeur de terminer la session et de synchroniser à nouveau
why-file-unknown-status = statut inconnu { $value } : le statut d'un fichier de session est "completed"
why-file-revision-zero = la révision doit valoir 1 ou plus
why-file-revision-too-high = `revision` = { $n } dépasse { $max } : aucune session n'est rouverte si souvent, le fichier est donc contrefait ou abîmé
why-file-number-too-large = { $n } est trop grand pour être gardé exactement (une réponse numérique vaut au plus { $max } de part et d'autre de 0)
why-file-time-too-late = `{ $what }` = { $value } est postérieur à { $last }, la dernière date que stocktake sait garder ; les dates d'un entretien sont antérieures
why-file-not-a-time = `{ $what }` = { $value } n'est pas une date et une heure avec un fuseau horaire (comme 2018-03-14T09:00:00Z)
why-file-key-of-later-format = `{ $key }` est une clé de { $format }, et ce fichier se dit { $says }
why-file-too-long = `{ $what }` dépasse { $max } caractères
why-file-not-digest = `{ $what }` n'est pas une empreinte sha256
why-file-unknown-structure = structure inconnue { $value } : un type de répondant est un identifiant (lettres minuscules, chiffres, _ ou -), comme protection_cluster, cp_aor ou un type que son guide déclare
why-file-not-guide-id = `guide.id` = { $value } n'est pas un identifiant de guide (lettres minuscules, chiffres, - et _)
why-file-not-question-id = { $value } n'est pas un identifiant de question
why-file-note-not-question-id = `notes.question` = { $value } n'est pas un identifiant de question
why-file-organisation-too-long = `{ $what }.organisation` est trop long

## Les réponses
why-file-answer = réponse à `{ $question }` : { $what }
why-file-answer-unknown-status = statut inconnu { $value }
why-file-answered-without-value = la réponse à `{ $question }` est répondue mais n'a ni `type` ni `value`
why-file-value-without-answer = la réponse à `{ $question }` a une valeur mais le statut `{ $status }`
why-file-bad-value = une valeur `{ $kind }` ne peut pas être { $value }
why-file-not-option = { $value } n'est pas une valeur d'option (lettres minuscules, chiffres, - et _)
why-file-mark-not-chosen = `{ $mark }` nomme { $value }, qui n'est pas une option choisie
why-file-marked-twice = l'option { $value } est marquée deux fois (spontanée et suggérée s'excluent)
why-file-before-unknown-status = `before_definition` a un statut inconnu { $value }
why-file-before-without-value = `before_definition` est répondue mais n'a ni `type` ni `value`
why-file-before-value-without-answer = `before_definition` a une valeur mais le statut `{ $status }`

## Face au guide (src/sync/read/verify.rs)
why-file-not-guide-language = `language` = { $value } n'est pas une langue du guide { $guide } ({ $languages })
why-file-no-such-question = le guide { $guide } n'a pas cette question
why-file-before-definition = avant la définition : { $what }
why-file-other-without-option = a un texte « autre » mais pas d'option autre
why-file-note-on-unknown-question = une note est attachée à une question que le guide n'a pas

## Les fichiers de tentative (src/campaign/file.rs)
why-attempt-not-ulid = `attempt_id` n'est pas un ULID (26 lettres et chiffres)
why-attempt-not-target = `target` n'est pas un identifiant de cible comme south-sudan/cp_aor
why-attempt-unknown-outcome = issue inconnue `{ $outcome }`
why-attempt-not-a-time = `{ $what }` n'est pas une date et une heure avec un fuseau horaire
why-attempt-callback = une heure de `callback` va avec outcome = "callback", et seulement avec lui
why-attempt-too-long = un texte est plus long qu'un fichier de tentative ne le permet
why-attempt-sessions = `sessions` liste des identifiants de session (des ULID), 20 au plus

## Les dossiers qu'une collation n'a pas pu parcourir (src/collate/walk.rs)
why-folder-too-long = { $path } : le chemin du dossier est plus long que le système ne le permet ; ses fichiers n'ont pas été collationnés : déplacez-les vers un chemin plus court
why-folder-unreadable = { $path } : impossible de lire le dossier ({ $error }) ; ses fichiers n'ont pas été collationnés : donnez au collateur le droit de le lire
