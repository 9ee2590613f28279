# Ce que les couches du dessous refusent, dit là où c'est trouvé.

## Résoudre un conflit (src/collate/resolve.rs)
why-resolve-not-digest = `{ $digest }` n'est pas une empreinte : donnez au moins 8 chiffres hexadécimaux (voir stocktake conflicts)
why-resolve-no-revision = aucune révision n'a d'empreinte commençant par { $want }
why-resolve-ambiguous = { $n } révisions commencent par { $want } : donnez plus de chiffres
why-resolve-not-in-conflict = la révision { $revision } n'est pas dans un conflit : rien à résoudre
why-resolve-no-difference = les révisions de ce conflit ne diffèrent pas sur `{ $question }` : rien à choisir ; elles diffèrent sur { $differing }
why-resolve-no-answer = aucune réponse
why-resolve-nothing-picked = aucune révision n'a été retenue dans le conflit de la révision { $revision }
why-resolve-nothing-chosen = aucune réponse à `{ $question }` n'a été choisie dans le conflit de la révision { $revision }

## L'analyse (src/collate/analysis.rs)
why-analysis-summary-too-long = un résumé de { $n } caractères : une cellule en garde au plus { $max } ; raccourcissez-le (les notes elles-mêmes restent dans la matrice)
why-analysis-span-backwards = un passage qui finit ({ $end }) avant de commencer ({ $start })
why-analysis-not-a-db-file = pas un fichier ordinaire : donnez une autre base de collation (.db)
why-analysis-no-codings = pas de codages ici : ce n'est pas une base de collation, ou elle a été faite avant que stocktake garde les codages

## Le dossier et les fichiers du stockage local (src/store/privacy.rs)
why-store-data-dir-is-a-file = c'est un fichier, pas un dossier ; choisissez un autre --data-dir
why-store-data-dir-not-yours = le dossier de données appartient à un autre utilisateur (uid { $uid }) ; les entretiens doivent être dans un dossier que vous seul pouvez lire. Choisissez-en un avec --data-dir
why-store-not-a-db-file = c'est { $kind }, pas un fichier de base de données ; rien n'a été modifié. Sortez-le du dossier de données, ou choisissez-en un autre avec --data-dir
why-store-kind-folder = un dossier
why-store-kind-fifo = un tube nommé (FIFO)
why-store-kind-socket = une socket
why-store-kind-device = un périphérique
why-store-kind-other = autre chose qu'un fichier ordinaire
why-store-link-to-a-file = c'est un lien symbolique vers { $target } ; stocktake ne suit pas les liens vers ses fichiers de base de données, pour ne jamais modifier ni écrire un fichier ailleurs. Rien n'a été modifié. Mettez ce fichier ici à la place du lien
why-store-link-to-nothing = c'est un lien symbolique vers { $target }, qui n'existe pas ; stocktake ne suit pas les liens vers ses fichiers de base de données. Rien n'a été modifié. Supprimez le lien, et stocktake crée son fichier ici
why-store-link = c'est un lien symbolique ; stocktake ne suit pas les liens vers ses fichiers de base de données. Rien n'a été modifié. Mettez le fichier lui-même à la place du lien

## Importer une révision (src/store/revisions.rs)
why-store-import-not-completed = seules les révisions terminées voyagent en fichier
why-store-import-forked = elle est ici en révision { $here } ({ $status }) ; ce fichier est la révision { $theirs } venue d'ailleurs. Rien n'a été modifié : gardez les deux et laissez le collateur voir la divergence

## Les valeurs du fichier de configuration (src/config.rs)
why-config-not-recipient = `{ $recipient }` n'est pas un destinataire age (age1… ; voir stocktake keys new)
why-config-attribution = attribution `{ $given }` n'est pas l'une de { $known }
why-config-ui-language = ui_language `{ $given }` n'est pas une langue que stocktake parle : en, fr
