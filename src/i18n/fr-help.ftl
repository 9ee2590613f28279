# `stocktake --help` et les erreurs de clap en français (src/cli/help.rs). Les arguments
# de commande, les noms de variables et les valeurs (`--db`, `md`) restent tels quels.


## clap's own words, and the layout of --help
help-heading-usage = Utilisation :
help-heading-commands = {"Commandes "}
help-heading-arguments = {"Arguments "}
help-heading-options = {"Options "}
help-command-value = COMMANDE
help-help = Afficher l'aide
help-version = Afficher la version
help-subcommand = Afficher ce message ou l'aide des sous-commandes données
help-possible-values = {" "}[valeurs possibles : { $values }]
help-default = {" "}[par défaut : { $value }]
help-env = {" "}[variable : { $name }]

## clap's errors: what happened, with the text typed, and what to do
help-error = erreur : { $what }

    Utilisation : { $usage }

    Pour en savoir plus, essayez « --help ».
help-error-short = erreur : { $what }

    Pour en savoir plus, essayez « --help ».
help-error-no-value = « { $arg } » demande une valeur, et aucune n'a été donnée
help-error-unknown-argument = argument inattendu « { $arg } »
help-error-unknown-command = sous-commande inconnue « { $name } »
help-error-did-you-mean =  ; vouliez-vous dire « { $name } » ?
help-error-missing = ces arguments obligatoires manquent : { $args }
help-error-no-command = une sous-commande est nécessaire ; --help les énumère
help-error-invalid-value = valeur « { $value } » invalide pour « { $arg } »
help-error-valid-values =  ; valeurs possibles : { $values }
help-error-value-refused = valeur « { $value } » invalide pour « { $arg } » : { $why }
# $why of help-error-value-refused: our parsers' reasons, and Rust's for a number
why-not-a-structure = `{ $typed }` n'est pas l'identifiant d'un type de répondant : lettres minuscules, chiffres, _ ou - (protection_cluster, cp_aor, gbv_aor, other, ou l'un de ceux qu'un guide déclare)
why-not-a-whole-number = ce n'est pas un nombre entier positif
why-number-too-large = nombre trop grand
why-number-empty = aucun nombre
help-error-values-count = mauvais nombre de valeurs pour « { $arg } »
help-error-conflict = l'argument « { $arg } » ne peut pas être utilisé avec « { $other } »
help-error-no-equals = il faut un signe égal pour donner une valeur à « { $arg } »
help-error-invalid-utf8 = un argument n'est pas du texte UTF-8 ; tapez-le de nouveau dans un terminal UTF-8

## Each command's about (help-about-<path>) and each argument's help (help-arg-<path>-<id>)
help-about = Saisir des entretiens semi-directifs, les synchroniser sous forme de fichiers, les collationner en un rapport
help-arg-guides = Chercher aussi des guides dans DOSSIER (répétable) ; ceux-ci l'emportent sur tout autre endroit
help-arg-data-dir = Où les entretiens sont gardés (par défaut : le dossier de données XDG, par exemple ~/.local/share/stocktake)
help-arg-outbox = Où les sessions terminées sont écrites sous forme de fichiers (sinon `outbox` dans le fichier de configuration)
help-arg-accessible = Des lignes simples au lieu du plein écran, pour un lecteur d'écran : chaque invite écrite dans l'ordre de lecture, chaque réponse ou commande tapée comme une ligne
help-arg-ui-language = La langue des mots du programme : en ou fr (sinon `ui_language` dans le fichier de configuration, sinon LC_ALL / LC_MESSAGES / LANG)
help-about-guide = Lister ou valider les guides d'entretien
help-about-guide-list = Lister les guides trouvés : fournis, ./interview-guides/, le dossier de configuration, --guides
help-about-guide-check = Valider des fichiers de guide ; écrit fichier:ligne:col: message pour chaque problème, code de sortie 1 s'il y en a
help-about-guide-diff = Ce qui a changé entre deux versions d'un guide (fichiers ou identifiants), une ligne par changement, classé ; code de sortie 0 quand les réponses de chaque question se comparent, 1 quand certaines non ou qu'un identifiant est repris avec un autre type, 2 quand un guide est illisible
help-arg-guide-diff-json = Un objet JSON, pour les scripts
help-about-guide-export = Écrire un guide (un fichier .toml, ou l'identifiant d'un guide que `guide list` montre) en XLSForm pour ODK, KoboToolbox ou pyxform (docs/xlsform.md)
help-arg-guide-export-xlsform = Le classeur à écrire (remplacé s'il existe)
help-about-guide-import = Lire un XLSForm (.xlsx) comme guide ; échoue, sans rien écrire, quand une partie du formulaire ne peut pas être reprise, sauf avec --lossy (docs/xlsform.md)
help-arg-guide-import-out = Le guide à écrire (jamais remplacé : nommez un nouveau fichier)
help-arg-guide-import-lossy = Écrire le guide sans ce qu'il ne peut pas reprendre, listé dans un commentaire en tête
help-about-sessions = Lister les sessions du stock local, l'appel le plus récent d'abord
help-arg-sessions-json = Un tableau JSON, pour les scripts
help-arg-sessions-wide = Toutes les colonnes (identifiants de session et d'appel, guide, heures exactes) : plus de 80 colonnes de large
help-about-sync = Écrire dans la boîte d'envoi chaque révision de session terminée pas encore écrite
help-arg-sync-to = Le dossier de la boîte d'envoi (sinon --outbox, STOCKTAKE_OUTBOX ou le fichier de configuration)
help-arg-sync-again = Réécrire chaque révision terminée ici, déjà écrite ou non (une copie sur une clé USB, ou chiffrée après avoir activé le chiffrement) ; un fichier différent du même nom n'est jamais remplacé
help-about-import = Faire entrer des fichiers de session dans le stock local, pour les relire ou les continuer ici (les dossiers sont parcourus)
help-about-collate = Fusionner des fichiers de session (les dossiers sont parcourus) dans une base de collation
help-arg-collate-db = La base de collation (créée si elle manque)
help-arg-collate-identities = Un fichier d'identité age qui ouvre les fichiers de session chiffrés (répétable ; sinon STOCKTAKE_IDENTITY, plusieurs séparés par `:`, les entrées vides ignorées)
help-arg-collate-require-encrypted = Mettre en quarantaine les fichiers de session non chiffrés
help-about-keys = Créer ou montrer la clé age du collateur
help-about-keys-new = Créer un nouveau fichier d'identité (lisible par vous seul) et écrire son destinataire public
help-about-keys-show = Écrire le destinataire public d'un fichier d'identité, à mettre dans un guide ou une configuration
help-about-conflicts = Lister les conflits : les révisions d'une session modifiée à deux endroits, qui a fait chacune et d'où elle vient, et les réponses qui diffèrent
help-arg-conflicts-full = Chaque texte en entier, sans le couper à la largeur d'une ligne
help-about-analyse = L'écran de synthèse : la matrice d'analyse rapide (une ligne par session, une colonne par section), les résumés des cases, et le codage du texte libre avec le livre de codes du guide
help-arg-analyse-codebook = Le livre de codes avec lequel coder (docs/codebook.md) ; par défaut : celui fourni à côté du guide
help-arg-analyse-coder = Qui code, tel que chaque résumé et chaque codage l'enregistre (par défaut : votre identifiant)
help-arg-analyse-guide = Le guide dont analyser les sessions (par défaut : le premier)
help-arg-analyse-include-sensitive = Montrer les textes que les enquêteurs ont marqués sensibles
help-about-merge-codings = Faire entrer les codages d'un autre codeur (de sa base de collation) dans celle-ci, pour que le rapport dise à quel point les codeurs s'accordent
help-arg-merge-codings-from = Les bases de collation des autres codeurs
help-about-report = Écrire le rapport : tableaux de synthèse et graphiques, fréquences, textes, qualité des données
help-arg-report-out = Le dossier où écrire (créé privé : 0700)
help-arg-report-format = N'importe lesquels de html, md, csv, xlsx, qdpx (un projet REFI-QDA) et qdc (son livre de codes), séparés par des virgules (par défaut : html, md, csv et xlsx)
help-arg-report-structure = Seulement ce type de répondant (son identifiant : cp_aor, community_leader)
help-arg-report-guide = Seulement les sessions de cet identifiant de guide
help-arg-report-attribution = À qui les citations sont attribuées : none, structure (son type seulement ; par défaut, sinon `attribution` dans le fichier de configuration) ou response (la réponse et la structure, qui nomme souvent une personne)
help-arg-report-min-cell = Ne montrer aucun nombre de sessions inférieur à K dans les tableaux et graphiques (ni aucun qui en trahirait un) ; par défaut : `min_cell` dans le fichier de configuration, sinon aucun
help-arg-report-include-sensitive = Inclure les textes libres que les enquêteurs ont marqués sensibles (par défaut ils sont laissés de côté, et les tableaux disent `[sensitive]` à leur place)
help-arg-report-codebook = Le livre de codes des thèmes (docs/codebook.md) ; par défaut : celui fourni à côté de chaque guide, s'il y en a un
help-arg-report-hxl = Ajouter une ligne de hashtags HXL sous l'en-tête des tableaux CSV larges (les balises des clés `hxl` des questions, et des balises standard pour le pays, la structure et la date)
help-arg-report-matrix-by = Les colonnes de la matrice d'analyse rapide : les sections du guide, ou ses questions (la case d'une question a son propre résumé dans `stocktake analyse`, touche `v`)
help-arg-report-report-language = La langue des titres, notes et libellés du rapport : en ou fr. Par défaut : la première langue du guide du rapport (avec plusieurs guides, celui qui a le plus de sessions ; à égalité, le premier par identifiant), l'anglais si stocktake ne parle pas cette langue. Pas --ui-language : un rapport est lu par d'autres. Les noms de colonnes et de feuilles, les codes et les identifiants restent les mêmes dans toutes les langues
help-about-plan = La campagne d'appels : qui appeler, chaque tentative, les rappels, la couverture
help-about-plan-import = Lire le fichier de campagne : un CSV avec réponse, structure, coordinateur, organisation, contact, fuseau horaire, langue (les autres colonnes gardées comme notes). Tout ou rien
help-arg-plan-import-rules = Les règles de la campagne pour réessayer (TOML : max_tries, [retry_after])
help-arg-plan-import-db = Pour le collateur : la campagne dont une base de collation indique la couverture
help-about-plan-list = Chaque cible, ce qu'il faut faire d'abord en haut : état, tentatives, prochain rappel, sessions
help-arg-plan-list-json = Un tableau JSON, pour les scripts
help-about-plan-log = Noter une tentative auprès d'une cible (son identifiant, tel que `plan list` le montre)
help-arg-plan-log-outcome = completed, partial, callback, no_answer, busy, line_failed, wrong_contact, refused, not_available, ineligible (l'issue de la tentative)
help-arg-plan-log-at = Quand la tentative a été faite (par défaut : maintenant) ; votre heure locale, ou UTC avec Z
help-arg-plan-log-callback = Avec --outcome callback : quand rappeler
help-about-plan-calendar = Écrire chaque rappel en attente comme un calendrier (iCalendar, RFC 5545)
help-about-resolve = Choisir la révision à garder dans son conflit, ou avec --answer la révision d'où vient une réponse (--undo revient sur l'un ou l'autre)
help-arg-resolve-digest = L'empreinte de la révision (au moins 8 chiffres hexadécimaux, comme `conflicts` la montre)
help-arg-resolve-undo = Revenir sur le choix fait dans le conflit de cette révision (avec --answer : le choix de cette réponse seulement)
help-arg-resolve-answer = Prendre la réponse de cette question dans EMPREINTE, quelle que soit la révision gardée

## The value names in the help and the usage (<FILE>), by help-value-<name in lower case>
help-value-file = FICHIER
help-value-dir = DOSSIER
help-value-path = CHEMIN
help-value-digest = EMPREINTE
help-value-lang = LANGUE
help-value-level = NIVEAU
help-value-list = LISTE
help-value-name = NOM
help-value-new = NOUVELLE
help-value-old = ANCIENNE
help-value-other_db = AUTRE_BASE
help-value-target = CIBLE
help-value-text = TEXTE
help-value-time = HEURE
help-value-matrix_by = PAR
