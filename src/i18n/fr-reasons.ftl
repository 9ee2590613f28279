# Pourquoi quelque chose a échoué : les erreurs des couches du dessous (docs/translating.md).
# Les arguments sont les champs de l'erreur ; ce que disent SQLite, age ou le système reste tel quel.


## What the system said (std::io::Error), by kind; { $os } is ` (os error 2)` or nothing
why-io-os-code = {" "}(erreur système { $code })
why-io-not-found = fichier ou dossier introuvable{ $os }
why-io-permission-denied = permission refusée{ $os }
why-io-already-exists = le fichier existe déjà{ $os }
why-io-storage-full = plus de place sur le disque{ $os }
why-io-read-only = système de fichiers en lecture seule{ $os }
why-io-is-a-folder = c'est un dossier{ $os }
why-io-not-a-folder = ce n'est pas un dossier{ $os }
why-io-folder-not-empty = le dossier n'est pas vide{ $os }
why-io-quota = quota disque dépassé{ $os }
why-io-file-too-large = fichier trop gros{ $os }
why-io-interrupted = appel système interrompu{ $os }
why-io-unexpected-eof = fin de fichier inattendue{ $os }
why-io-invalid-data = données invalides{ $os }
why-io-timed-out = délai dépassé{ $os }
why-io-crosses-devices = lien entre deux disques impossible{ $os }
why-io-busy = périphérique ou ressource occupé{ $os }

## Shared
why-path = { $path } : { $what }

## The local store (src/store/error.rs)
why-lock-holder = { $user } (processus { $pid } sur { $host }) depuis { $since }
why-store-locked = la session { $session } est ouverte dans un autre stocktake : { $holder }. Ouvrez-la en lecture seule, ou reprenez-la si cet autre stocktake n'est plus là
why-store-lock-lost = la session { $session } a été reprise par un autre stocktake ; votre dernière modification n'y a pas été enregistrée. Rouvrez la session pour continuer
why-store-not-locked = la session { $session } n'est pas ouverte en écriture ici
why-store-busy = { $path } : la base est verrouillée par un autre programme ; fermez-le (un shell sqlite3 ?) et réessayez
why-store-disk-full = { $path } : le disque est plein ; rien de ce qui est à l'écran n'est perdu. Libérez de la place et la prochaine modification sera enregistrée
why-store-not-writable = { $path } : impossible d'écrire ici ({ $reason }) ; vérifiez les droits du dossier ou utilisez --data-dir
why-store-too-new = { $path } : cette base a été créée par un stocktake plus récent (schéma { $found }, celui-ci connaît jusqu'au { $supported }) ; mettez stocktake à jour, rien n'a été modifié
why-store-corrupt = { $path } : le fichier de la base est endommagé ({ $reason }) ; rien n'a été modifié. Gardez-en une copie, puis essayez `sqlite3 { $path } .recover`
why-store-import-refused = la session { $session } n'a pas été importée : { $why }
why-store-no-such-session = pas de session { $session } dans cette base
why-store-missing-guide = le guide de cette session (sha256 { $digest }) n'est pas dans la base
why-store-bad-row = { $path } : une valeur enregistrée est illisible : { $what }

## Answers and sessions (src/session/)
why-answer-unknown-option = la question `{ $question }` n'a pas d'option `{ $value }` ; elle propose : { $offered }
why-answer-wrong-kind = la question `{ $question }` est de type { $expected } ; une réponse de type { $given } ne convient pas
why-answer-below-min = { $value } est en dessous du minimum { $min } de la question `{ $question }`
why-answer-above-max = { $value } est au-dessus du maximum { $max } de la question `{ $question }`
why-answer-not-a-number = « { $input } » n'est pas un nombre (par exemple 12 ou 3,5)
why-answer-not-a-date = « { $input } » n'est pas une date (AAAA-MM-JJ, par exemple 2018-03-14)
why-answer-repeated = l'option `{ $value }` est choisie deux fois dans la question `{ $question }`
why-answer-exclusive = l'option `{ $value }` de la question `{ $question }` exclut les autres (le guide dit exclusive = true), et pourtant d'autres sont cochées avec elle
why-answer-too-long = le texte fait { $chars } caractères, plus que les { $max } permis
why-answer-empty = un texte vide n'est pas une réponse ; effacez plutôt la réponse
why-session-unknown-question = le guide `{ $guide }` n'a pas de question `{ $question }`
why-session-incomplete = { $n ->
    [one] { $n } question obligatoire est toujours sans réponse
   *[other] { $n } questions obligatoires sont toujours sans réponse
    } : { $questions }
why-session-unknown-note = il n'y a pas de note générale { $note }
why-session-no-other = la question `{ $question }` n'a pas d'option « autre » à préciser
why-session-last-revision = cette session en est à la révision { $max }, la dernière qu'un fichier de session peut porter (un lecteur refuse toute révision suivante) : elle ne peut pas être rouverte. Consultez-la en lecture seule ; pour enregistrer davantage, commencez un nouvel appel
why-session-nothing-to-mark = la question `{ $question }` n'a rien d'enregistré à marquer sensible
why-session-not-chosen = l'option `{ $option }` de la question `{ $question }` n'est pas choisie : cochez-la d'abord, puis indiquez comment elle est venue
why-session-no-options = la question `{ $question }` n'a pas d'options : seule une option choisie est spontanée ou suggérée
why-session-nothing-to-attribute = la question `{ $question }` n'a rien d'enregistré à attribuer à quelqu'un de l'appel
why-status-completed-edit = cette session est terminée ; rouvrez-la (une nouvelle révision) pour la modifier
why-status-already-completed = cette session est déjà terminée
why-status-reopen = seule une session terminée peut être rouverte
why-status-delete = seul un brouillon (rien d'enregistré encore) peut être supprimé ; cette session contient des réponses
why-status-empty-complete = une session où rien n'est enregistré ne peut pas être terminée
why-status-other = { $event } n'est pas permis sur une session { $from }

## Session files: reading (src/sync/read/), writing into the outbox (src/sync/write.rs), encryption (src/sync/crypt.rs)
why-at = { $file }:{ $line }:{ $col }: { $what }
why-read-io = { $file } : illisible : { $error }
why-read-not-regular = { $file } : est { $what }, pas un fichier ordinaire : seuls les fichiers ordinaires sont lus ; retirez-le du dossier
why-kind-folder = un dossier
why-kind-fifo = un tube nommé (FIFO)
why-kind-char-device = un périphérique caractère
why-kind-block-device = un périphérique bloc
why-kind-socket = une socket
why-kind-unknown = un fichier d'une sorte inconnue
why-read-too-large = { $file } : trop gros ({ $size } octets ; un fichier de session en fait au plus { $limit })
why-read-not-utf8 = pas du texte UTF-8
why-read-no-digest = { $file }:1:1: pas de ligne d'empreinte : un fichier de session commence par digest = "sha256:..."
why-read-truncated = { $file } : tronqué : le fichier s'arrête au milieu d'une ligne (une copie interrompue ?)
why-read-tampered = { $file } : corrompu ou altéré : son contenu ne correspond pas à son empreinte
why-read-unknown-format = { $file } : le format `{ $found }` n'est pas un de ceux que ce stocktake lit ({ $known }) ; il vient peut-être d'un stocktake plus récent : mettez stocktake à jour pour le lire
why-read-guide-mismatch = { $file } : se dit fait avec le guide { $claimed_id } version { $claimed_version }, mais l'empreinte de son guide désigne { $id } version { $version } ; c'est l'empreinte qui dit avec quel guide un fichier a été fait, donc ce fichier a été modifié ou fait par un outil qui étiquette mal les guides : demandez à son expéditeur le fichier écrit par stocktake
why-read-unknown-guide = { $file } : fait avec le guide { $id } version { $version } ({ $digest }), inconnu ici ; ajoutez ce guide (--guides DOSSIER)
why-read-not-encrypted = { $file } : non chiffré, alors que cette collation exige des fichiers chiffrés (--require-encrypted)
why-read-free-text = { $file } : dit que le consentement à la prise de notes a été refusé, et porte pourtant du texte libre dans `{ $field }` ; stocktake n'envoie jamais de texte libre sans consentement, donc ce fichier a été modifié ou fait par un autre outil, et rien n'en est lu : demandez à son expéditeur le fichier écrit par stocktake
why-read-invalid-answer = { $file } : réponse à `{ $question }` : { $what }
why-crypt-not-for-us = chiffré pour un autre collateur : aucune des identités données ne l'ouvre
why-crypt-damaged = le fichier chiffré est tronqué ou altéré ({ $error })
why-crypt-no-identity = chiffré, et aucune identité n'a été donnée pour l'ouvrir (--identity FICHIER ou STOCKTAKE_IDENTITY)
why-crypt-too-large = déchiffré, il dépasse ce qu'un fichier de session peut contenir
why-crypt-too-many-recipients = l'en-tête du fichier chiffré a { $found } destinataires, et stocktake en lit au plus { $max } (un fichier pour un collateur en nomme quelques-uns) : refusé sans être lu, comme le serait un fichier fait pour bloquer une collation
why-crypt-header-too-large = l'en-tête du fichier chiffré fait { $bytes } octets, et stocktake en lit au plus { $max } : refusé sans être lu, le fichier est endommagé ou fait pour bloquer une collation
why-crypt-bad-recipient = `{ $given }` n'est pas un destinataire age ; il devrait ressembler à age1… (voir stocktake keys new)
why-crypt-no-identity-in = { $file } : aucune identité (AGE-SECRET-KEY-1…) trouvée dedans
why-crypt-bad-identity = { $file } : impossible de lire l'identité : { $error }
why-crypt-encrypt = le chiffrement a échoué : { $error }
why-write-missing = la boîte d'envoi { $dir } n'existe pas ; créez-la, ou choisissez-en une autre avec --to DOSSIER ou STOCKTAKE_OUTBOX
why-write-not-a-folder = la boîte d'envoi { $dir } n'est pas un dossier
why-write-not-writable = impossible d'écrire dans la boîte d'envoi { $dir } : { $reason } ; rien n'est perdu, la session reste à synchroniser
why-write-full = la boîte d'envoi { $dir } est pleine ; libérez de la place, puis synchronisez de nouveau : la session reste à synchroniser
why-write-exists = { $path } existe déjà avec un autre contenu ; il a été laissé tel quel (un fichier de la même révision venu d'ailleurs ?)
why-write-unsafe-name = refus d'écrire un fichier nommé { $name }
why-write-io = écriture de { $path } : { $error }

## The collation database (src/collate/db.rs)
why-collate-too-new = { $path } : créée par un stocktake plus récent (schéma { $found }, celui-ci connaît jusqu'au { $supported }) ; rien n'a été modifié
why-collate-busy = { $path } : un autre stocktake a occupé la base plus de { $seconds } s ; rien n'a été modifié : réessayez quand il aura fini
why-collate-running = { $path } : une autre collation y tourne encore après { $seconds } s ; rien n'a été modifié : relancez celle-ci quand l'autre sera finie

## The interview's refusals (src/interview/)
why-refused-invalid = non enregistré : { $error }
why-details-no-response = Le pays ou la réponse ne peut pas être vide
why-details-sent = { $structure } est terminée et a été envoyée telle quelle : rouvrez-la depuis la liste pour changer le pays de l'appel
why-details-unknown-role = Participant { $n } : `{ $role }` n'est pas un rôle
why-details-too-long = Un texte dépasse { $max } caractères

## The config file (src/config.rs)
why-config-io = { $path } : impossible de lire le fichier de configuration : { $error }
why-config-invalid = { $path }:{ $line }:{ $col }: { $what } (clés permises : outbox, recipients, sensitive_names, attribution, min_cell, ui_language, auto_advance)

## Guides, codebooks and other files of problems, one a line
why-lines = { $first }
    { $then }
# A codebook file refused (guide::CodebookError), after why-path
why-codebook-not-a-file = ce n'est pas un fichier ordinaire : donnez le fichier .toml du livre de codes
why-codebook-too-large = plus de { $kib } Kio : un livre de codes est une liste de codes
why-codebook-not-utf8 = ce n'est pas du texte UTF-8
why-guide-io = { $path } : impossible de lire le guide : { $error }
why-guide-not-a-file = { $path } : impossible de lire le guide : ce n'est pas un fichier ordinaire (un dossier, un FIFO ou un périphérique) ; un guide est un fichier .toml
why-guide-too-large = { $path } : le fichier dépasse { $limit } octets ; un guide est un petit fichier TOML
why-guide-not-utf8 = { $path }:{ $line }:{ $col }: le fichier n'est pas du texte UTF-8 ; enregistrez le guide en UTF-8
why-bad-digest = pas une empreinte : « sha256: » suivi de 64 chiffres hexadécimaux en minuscules étaient attendus
why-xlsform-write = { $path } : impossible d'écrire le XLSForm : { $error }

## The report's folders and files (ReportError)
why-report-not-a-folder = existe et n'est pas un dossier ; nommez un dossier pour le rapport avec --out DOSSIER
why-report-charts-symlink = est un lien symbolique là où le rapport range ses graphiques ; stocktake n'écrit jamais au travers : supprimez-le et écrivez le rapport de nouveau
why-report-charts-not-a-folder = n'est pas un dossier là où le rapport range ses graphiques ; stocktake n'écrit jamais au travers : supprimez-le et écrivez le rapport de nouveau
why-report-read-again = en relisant les réponses : { $cause }
why-report-writer-stopped = le programme qui écrit le classeur s'est arrêté

## A campaign file's refusals (campaign::ImportError)
why-file-line = { $file }:{ $line }: { $what }
why-campaign-not-utf8 = pas du texte UTF-8 (octet { $byte }) ; enregistrez la feuille au format CSV UTF-8
why-campaign-header = impossible de lire la ligne d'en-tête : { $error }
why-campaign-no-columns = la ligne d'en-tête doit nommer au moins `response` et `structure` (trouvé : { $found })
why-campaign-empty = aucune cible : le fichier a une ligne d'en-tête et rien d'autre
why-campaign-row-unreadable = impossible de lire la ligne : { $error }
why-campaign-no-response = pas de réponse (pays) sur cette ligne
why-campaign-unknown-structure = structure inconnue `{ $structure }` ; utilisez protection_cluster, cp_aor, gbv_aor, other: NOM, ou l'identifiant d'un type de répondant que le guide déclare (community_leader)
why-campaign-unknown-time-zone = fuseau horaire inconnu `{ $zone }` ; utilisez un nom IANA comme Africa/Juba ou Asia/Baghdad
why-campaign-not-a-language = `{ $code }` n'est pas un code de langue (en, fr, ar, pt-BR)
why-campaign-twice = { $response } · { $structure } est déjà à la ligne { $first }

## A campaign's rules file (campaign::RulesError)
why-rules-max-tries = `max_tries` est un nombre entier de 1 à 100
why-rules-not-an-outcome = `{ $outcome }` n'est pas un résultat ; utilisez l'un de : { $all }
why-rules-not-a-duration = `{ $outcome }` attend une durée comme « 4h » ou « 30m »
why-rules-unknown-key = clé inconnue `{ $key }` ; les règles ont max_tries et [retry_after]

## A callback time refused (campaign::WhenError)
why-when-not-a-time = `{ $typed }` n'est pas une heure : tapez +2h, 15:30, demain 9:00 ou 2018-03-15 14:30
why-when-passed = cette heure est passée : un rappel est dans le futur

## The report's folder open to others (a note, not a refusal)
report-folder-open = { $path } est ouvert aux autres (mode { $mode }) : ils peuvent en lister le contenu ; les fichiers du rapport ne sont lisibles que par vous (0600), et le dossier est laissé tel quel (un dossier que stocktake crée est en 0700)
report-folder-open-writable = { $path } est ouvert aux autres (mode { $mode }) : ils peuvent en lister le contenu et en remplacer ou supprimer les fichiers ; les fichiers du rapport ne sont lisibles que par vous (0600), et le dossier est laissé tel quel (un dossier que stocktake crée est en 0700)

## Between an error and its cause, on the command line
why-then = {" : "}

## Why an XLSForm's relevant was not read (xlsform::xpath::RelevantError)
# $q and $other: a question as the form writes it, ${name}; $what: a token as the form has it
why-relevant-ref-not-closed = un `${"{"}` sans son `{"}"}`
why-relevant-quote-not-closed = un texte entre guillemets qui n'est pas fermé
why-relevant-bang-alone = `!` sans `=`
why-relevant-bad-number = le nombre `{ $number }`
why-relevant-not-in-subset = `{ $what }`, qui n'est pas dans la partie de XPath que lit stocktake
# $what: one of why-relevant-expected-*
why-relevant-expected = { $what } attendu
why-relevant-expected-close = `)`
why-relevant-expected-open-not = `(` après not
why-relevant-expected-open-selected = `(` après selected
why-relevant-expected-comma = `,` dans selected()
why-relevant-expected-close-selected = `)` fermant selected()
why-relevant-selected-first = selected() dont le premier argument n'est pas une ${"{"}question{"}"}
why-relevant-selected-second = selected() dont le second argument n'est pas une valeur entre guillemets
why-relevant-pulldata = pulldata() lit un fichier CSV joint au formulaire, qu'un guide ne peut pas porter
why-relevant-function = la fonction { $function }(), qui n'est pas dans la partie de XPath que lit stocktake
why-relevant-no-comparison = { $q } sans comparaison
why-relevant-compared-with-question = { $q } comparée à { $other } : un guide ne compare une réponse qu'à des valeurs
why-relevant-no-value = { $q } { $op } sans valeur
why-relevant-not-a-start = { $what } là où une condition devrait commencer
why-relevant-ends-early = une expression qui s'arrête trop tôt
why-relevant-after-end = { $what } après la fin de la condition
why-relevant-not-before = { $q } n'est pas une question placée avant celle-ci
why-relevant-selected-not-choice = selected() sur { $q }, qui n'est pas une question à choix
why-relevant-whole-list = { $q } { $op } … sur un select_multiple compare toute la liste des choix ; écrivez selected({ $q }, '…')
why-relevant-bound-not-a-number = { $q } { $op } '{ $value }' compare à une valeur qui n'est pas un nombre
why-relevant-names-not-numbers = { $q } { $op } { $bound } compare une liste de choix dont les noms ne sont pas tous des nombres (`{ $name }`)
# $kind: the question's type as the guide writes it (number, text, date)
why-relevant-not-a-choice-question = { $q } { $op } … : la logique de saut d'un guide ne teste que les réponses aux questions à choix, et { $q } est de type { $kind }
why-relevant-never-holds = une condition qui n'est jamais vraie
why-relevant-no-such-choice = { $q } n'a pas de choix `{ $value }`
why-relevant-blank-and-selected = { $q } à la fois vide et sélectionnée
why-relevant-non-answer = { $q } testée pour une non-réponse, ce que la logique de saut d'un guide ne sait pas faire

## What SQLite said of a database, named ($code: SQLite's own, to look up)
why-sqlite-not-a-database = ce n'est pas une base de données SQLite (code { $code })
why-sqlite-corrupt = la base de données est endommagée (code { $code })
why-sqlite-busy = la base de données est occupée : un autre programme y écrit (code { $code })
why-sqlite-read-only = la base de données ne peut être que lue ici (code { $code })
why-sqlite-full = le disque est plein (code { $code })
why-sqlite-cannot-open = la base de données ne peut pas être ouverte (code { $code })
why-sqlite-permission = pas de permission pour utiliser la base de données (code { $code })
why-sqlite-io = le système n'a pas pu lire ou écrire la base de données (code { $code })
