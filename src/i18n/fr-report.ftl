# Les mots propres aux fichiers du rapport (report.html, report.md, ses graphiques,
# report.xlsx) : titres, notes, légendes, notes de bas de tableau, la feuille Columns. Pas
# ici, parce que des scripts les lisent par leur nom : les noms de colonnes des CSV et des
# feuilles, les noms de feuilles et de fichiers, les codes et identifiants. Aucun message
# ne contient de balise. Chaque identifiant ici doit être dans en-report.ftl aussi.

## Le titre et la ligne qui le suit
rpt-title = Rapport stocktake
rpt-generated = Généré le { $at }
rpt-head-respondents = répondants : { $name }
rpt-head-guide = guide : { $guide }
rpt-head-attributed = citations attribuées à : { $who }
rpt-attributed-to = { $level ->
    [none] personne (--attribution none)
    [response] la réponse et la structure (--attribution response)
   *[structure] le type de structure seulement (--attribution structure)
}
rpt-head-suppressed = effectifs sous { $k } masqués
rpt-sensitive-included = { $n ->
    [one] 1 texte marqué sensible par les enquêteurs inclus (--include-sensitive), marqué comme tel
   *[other] { $n } textes marqués sensibles par les enquêteurs inclus (--include-sensitive), chacun marqué comme tel
}
rpt-sensitive-left-out = { $n ->
    [one] 1 texte marqué sensible par les enquêteurs laissé de côté ({ $withheld } dans les tableaux ; --include-sensitive l'inclut)
   *[other] { $n } textes marqués sensibles par les enquêteurs laissés de côté ({ $withheld } dans les tableaux ; --include-sensitive les inclut)
}

## Effectifs, dénominateurs et notes sous les tableaux
rpt-suppression-note = { $mark } : non montré, moins de { $k } sessions, ou un effectif masqué pour qu'aucun effectif sous { $k } ne puisse être déduit des totaux (--min-cell { $k }).
rpt-sessions = { $n ->
    [one] { $n } session
   *[other] { $n } sessions
}
rpt-versions = { $n ->
    [one] version { $list }
   *[other] versions { $list }
}
rpt-n = n = { $n }
rpt-n-of-targeted = { $n } (cibles : { $targeted })
rpt-n-versions-only = { $n } ({ $versions } seulement)
rpt-n-versions-only-short = { $n }, { $versions } seulement
rpt-hidden-for = masquée pour { $sessions } (logique de saut, ou pas pour cette structure) : hors de n
rpt-all = ensemble
rpt-all-respondents = tous les répondants
# « de » devant un nom qui peut commencer par une voyelle s'élide mal : le nom entre guillemets.
rpt-group-sessions-of = { $n ->
    [one] { $n } session
   *[other] { $n } sessions
} « { $name } »
rpt-group-undeclared = { $n ->
    [one] { $n } session
   *[other] { $n } sessions
} de `{ $id }` (un type que le guide ne déclare pas)
rpt-n-of = { $n } sur { $of }
rpt-share = { $pct } ({ $count } sur { $of })
rpt-col-answer = réponse
rpt-col-count = effectif
rpt-chart-alt = graphique

## Couverture
rpt-coverage = Couverture
rpt-on-the-calls = Qui était à l'appel
rpt-no-campaign = { $attempts ->
    [0] Cette collation
    [one] 1 tentative d'appel a été enregistrée, mais cette collation
   *[other] { $attempts } tentatives d'appel ont été enregistrées, mais cette collation
} n'a pas de campagne : rien ne dit qui devait être interrogé. `stocktake plan import FICHIER.csv --db BASE` lui donne les cibles, et à cette section leur couverture.
rpt-cov-headline = { $targets ->
    [one] { $targets } cible
   *[other] { $targets } cibles
} dans la campagne : { $reached ->
    [one] { $reached } atteinte
   *[other] { $reached } atteintes
} ({ $pct }), { $not } non ; { $attempts ->
    [one] { $attempts } tentative enregistrée
   *[other] { $attempts } tentatives enregistrées
}{ $per ->
    [none] {""}
   *[other] , { $per } par entretien terminé
}.
rpt-cov-not-reached = Non atteintes : { $names }.
rpt-cov-removed-mark = [retirée de la campagne]
rpt-cov-unlogged = { $n ->
    [one] 1 cible atteinte sans tentative enregistrée (un entretien commencé depuis la liste des appels, pas depuis l'écran Plan) : comptée comme une tentative.
   *[other] { $n } cibles atteintes sans tentative enregistrée (un entretien commencé depuis la liste des appels, pas depuis l'écran Plan) : chacune comptée comme une tentative.
}
rpt-cov-outside = Sessions hors de la campagne (aucune cible de cette réponse et de cette structure) : { $names }.
rpt-cov-future = Une tentative pour { $name } est datée du { $at }, après ce rapport : l'horloge de l'enquêteur est peut-être en avance. Elle est comptée ; son rang parmi les tentatives de cette cible suit la date qu'elle indique.
rpt-cov-removed = { $n ->
    [one] 1 cible retirée du dernier fichier de campagne après des tentatives : gardée et comptée, marquée { $mark }.
   *[other] { $n } cibles retirées du dernier fichier de campagne après des tentatives : gardées et comptées, marquées { $mark }.
}
rpt-cov-by-structure = Cibles par structure
rpt-cov-by-structure-note = atteintes : un entretien est dans la collation, ou une tentative a été enregistrée comme terminée. sessions : toutes les sessions de cette structure, y compris celles hors de la campagne.
rpt-col-structure = structure
rpt-col-targeted = ciblées
rpt-col-reached = atteintes
rpt-col-reached-pct = atteintes, % des ciblées
rpt-col-sessions = sessions
rpt-cov-not-reached-title = Non atteintes, par disposition finale
rpt-col-disposition = disposition
rpt-col-aapor-code = code AAPOR
rpt-col-aapor-disposition = disposition AAPOR
rpt-col-targets = cibles
rpt-cov-not-reached-note = n = { $n ->
    [one] { $n } non atteinte
   *[other] { $n } non atteintes
} sur { $targets } ciblées{ $suppressed ->
    [yes] ; x : non montré, un effectif sous le seuil minimal du rapport
   *[no] {""}
}. La disposition finale d'une cible est le résultat de ses tentatives qui en dit le plus (un entretien, puis plus actif, partiel, refus, à rappeler, pas disponible, mauvais contact, ligne coupée, occupé, pas de réponse).
rpt-cov-rates = Taux de résultat AAPOR
rpt-col-rate = taux
rpt-col-measures = ce qu'il mesure
rpt-col-formula = formule
rpt-col-value = valeur
rpt-rate-meaning = { $rate ->
    [RR1] taux de réponse : entretiens complets
    [RR2] taux de réponse : entretiens complets et partiels
    [COOP1] taux de coopération : entretiens parmi les cibles jointes
    [REF1] taux de refus
   *[CON1] taux de contact : cibles jointes d'une façon ou d'une autre
}
rpt-cov-rates-note = En cibles, par disposition finale : { $groups } ; non éligibles (aucune structure de ce type active, hors de tout dénominateur) { $ne }. Définitions standard de l'AAPOR, lues pour une liste d'établissements : ici les structures de coordination de chaque réponse.
rpt-outcome = { $code ->
    [completed] terminé
    [partial] partiel
    [callback] à rappeler
    [no_answer] pas de réponse
    [busy] occupé
    [line_failed] ligne coupée
    [wrong_contact] mauvais contact
    [refused] refus
    [not_available] pas disponible
    [ineligible] plus actif (non éligible)
   *[never_tried] jamais tentée
}
rpt-aapor-name = { $code ->
    [completed] Entretien complet
    [partial] Entretien partiel
    [refused] Refus
    [busy] Toujours occupé
    [no_answer] Pas de réponse
    [line_failed] Problèmes techniques de téléphone
    [wrong_contact] Autre admissibilité inconnue (mauvais contact)
    [ineligible] Hors échantillon (aucune structure de ce type active)
    [never_tried] Ni tentée ni traitée
   *[other] Répondant jamais disponible
}
rpt-calls-none = Aucun appel n'a de session dans ce rapport.
rpt-calls = { $calls ->
    [one] { $calls } appel
   *[other] { $calls } appels
} avec des sessions dans ce rapport. À l'appel : { $on }.
rpt-calls-not-available = { $n ->
    [one] { $n } tentative a trouvé un coordinateur pas disponible (enregistrée not_available).
   *[other] { $n } tentatives ont trouvé un coordinateur pas disponible (enregistrées not_available).
}

## La partie d'un guide
rpt-guide-versions-html = Guide { $id } · versions : { $versions }
rpt-guide-versions-md = Guide { $id }, versions : { $versions }
rpt-not-pooled-said = Non regroupées entre versions du guide : { $questions }. `stocktake guide diff` indique que leurs réponses { $older_n ->
    [one] de la
   *[other] des
} { $older } ne se comparent pas à celles de la version { $version } (une option renommée, un type ou une option changés) : leurs tableaux ne comptent que les versions comparables, et les effectifs { $older_n ->
    [one] de la
   *[other] des
} { $older } sont montrés à part, plus bas.
rpt-unchecked-said = Le guide { $versions_n ->
    [one] de la
   *[other] des
} { $versions } est dans la collation, mais ce stocktake ne sait pas le lire : on n'a pas pu vérifier si ses réponses se comparent à celles de la version { $version }, et elles sont regroupées par identifiant de question telles quelles.
rpt-summary = Résumé
rpt-every-choice = Toutes les questions à choix, par type de répondant
rpt-not-pooled-title = Non regroupées entre versions du guide
rpt-apart-heading = { $question } — version { $version } seulement
rpt-apart-why = Non comparable : { $why }
rpt-what-was-said = Ce qui a été dit
rpt-general-notes = Notes générales
rpt-texts-first-html = Les { $shown } premiers textes sur { $total } ; tous sont dans { $file }, et la matrice et les thèmes ci-dessus les rassemblent.
rpt-texts-first-md = Les { $shown } premiers textes sur { $total } ; tous sont dans { $file }, et les thèmes ci-dessus les rassemblent.
rpt-kind-answer = réponse
rpt-kind-other = autre
rpt-kind-note = note
rpt-kind-general-note = note générale
rpt-kind-pad-note = note du bloc-notes
rpt-kind-answer-sensitive = réponse, marquée sensible
rpt-kind-other-sensitive = autre, marqué sensible
rpt-kind-note-sensitive = note, marquée sensible
rpt-kind-general-note-sensitive = note générale, marquée sensible

## Comment les réponses ont été obtenues
rpt-how-title = Comment les réponses ont été obtenues
rpt-how-about = Marqué par les enquêteurs pendant les appels : une option spontanée (dite avant la lecture des options) ou suggérée (choisie après), et une réponse donnée à nouveau après l'explication de la définition de la traite, celle d'avant gardée.
rpt-how-again = répondu à nouveau après l'explication de la définition : { $marked } · changé : { $changed }
rpt-how-kept = gardé : { $kept }
rpt-how-marked = réponses avec une option marquée : { $n }
rpt-col-option = option
rpt-col-volunteered = spontanée
rpt-col-prompted = suggérée

## La matrice, les thèmes, l'accord entre codeurs
rpt-matrix = Matrice d'analyse rapide
rpt-matrix-about-html = Une ligne par session, une colonne par section du guide : la synthèse de la personne qui collationne (écrite dans { $command }), puis ce qui a été répondu et dit.
rpt-matrix-first-html = Les { $shown } premières sessions sur { $sessions } ; toutes sont dans { $file } et dans la feuille Matrix de report.xlsx.
rpt-matrix-about-md = Un titre par session et une ligne par section du guide : la synthèse de la personne qui collationne (✎, écrite dans `stocktake analyse`), sinon ce qui a été répondu et dit, raccourci à { $chars } caractères. Chaque cellule entière est dans { $file }.
rpt-matrix-first-md = Les { $shown } premières sessions sur { $sessions } sont ici.
rpt-col-session = session
rpt-unresolved-conflict = conflit non résolu
rpt-md-unresolved-row = (conflit non résolu : la révision la plus récente)
rpt-matrix-summary-stale = (écrite sur une révision antérieure)
rpt-md-summary-stale = , sur une révision antérieure
rpt-matrix-cell-count = { $answers ->
    [one] { $answers } réponse
   *[other] { $answers } réponses
}, { $texts ->
    [one] { $texts } texte
   *[other] { $texts } textes
}
rpt-labelled = { $label } : { $what }
rpt-colon-then =  : { $what }
rpt-themes = Thèmes
rpt-codebook-has = le livre de codes a { $n ->
    [one] { $n } code
   *[other] { $n } codes
}
rpt-codebook-none = aucun livre de codes n'accompagne ce guide (donnez-en un avec --codebook)
rpt-themes-none-html = Aucun texte n'est encore codé ({ $book }) : codez les notes dans { $command }.
rpt-themes-none-md = Aucun texte n'est encore codé : codez les notes dans { $command }. La matrice d'analyse rapide est dans report.html, { $file } et report.xlsx.
rpt-themes-about-html = Sessions ayant au moins un texte codé avec le thème, par n'importe quel codeur ; chaque effectif ouvre ses citations.
rpt-col-theme = thème
rpt-theme-not-in-codebook = (absent du livre de codes)
rpt-coded-by = codé par { $coders }
rpt-quotes-more = { $n } de plus dans { $file }.
rpt-agreement = Accord : { $first } et { $second }
rpt-agreement-about-html = Kappa de Cohen par code, sur les { $units } textes codés par les deux (1 : accord complet, 0 : pas mieux que le hasard).
rpt-agreement-about-md = Kappa de Cohen par code, sur les { $units } textes codés par les deux.
rpt-col-code = code
rpt-col-kappa = kappa
rpt-col-both = les deux
rpt-col-only = seulement { $coder }
rpt-col-neither = aucun
rpt-kappa-none = s.o. (aucune variation)
rpt-disagreements = Désaccords
rpt-disagreement = session { $session }, { $unit } : { $code } appliqué par { $by } seulement
rpt-codings-to-check = Codages à vérifier
rpt-codings-to-check-about = Leur texte a changé dans une révision ultérieure (ou n'est pas dans ce rapport) : gardés, pas comptés, jamais déplacés.
rpt-stale-coding = { $who }, { $unit } : { $code } par { $coder }
rpt-md-codings-to-check = { $n ->
    [one] { $n } codage à vérifier : son texte a changé dans une révision ultérieure (listé dans report.html).
   *[other] { $n } codages à vérifier : leur texte a changé dans une révision ultérieure (listés dans report.html).
}

## Les sessions derrière chaque effectif
rpt-evidence = Sources des effectifs
rpt-evidence-in-csv = { $sessions } sessions : les sessions derrière chaque effectif sont dans { $file } (filtrez par question et valeur) plutôt que listées ici.
rpt-evidence-about = Les sessions derrière chaque effectif ci-dessus, autant que le niveau d'attribution le permet ; un effectif masqué n'a pas de liste.
rpt-session = session
rpt-col-interviewer = enquêteur
rpt-col-note = note
rpt-col-guide-version = version du guide

## Qualité des données
rpt-data-quality = Qualité des données
rpt-col-respondent-type = type de répondant
rpt-quality-status-html = Sessions par état : { $heads ->
    [one] { $heads } terminée
   *[other] { $heads } terminées
} (seules les révisions terminées sont envoyées : chaque session collationnée en est une). { $revisions ->
    [one] { $revisions } révision
   *[other] { $revisions } révisions
} dans la base ; { $conflicts ->
    [one] { $conflicts } conflit
   *[other] { $conflicts } conflits
}, { $resolved ->
    [one] { $resolved } résolu
   *[other] { $resolved } résolus
}.
rpt-quality-status-md = Sessions par état : { $heads ->
    [one] { $heads } terminée
   *[other] { $heads } terminées
} (seules les révisions terminées sont envoyées). { $revisions ->
    [one] { $revisions } révision
   *[other] { $revisions } révisions
} dans la base ; { $conflicts ->
    [one] { $conflicts } conflit
   *[other] { $conflicts } conflits
}, { $resolved ->
    [one] { $resolved } résolu
   *[other] { $resolved } résolus
} ; { $quarantined ->
    [one] { $quarantined } fichier
   *[other] { $quarantined } fichiers
} en quarantaine.
rpt-quality-unresolved = Conflits non résolus (le rapport prend la révision la plus haute ; résolvez avec { $command }) :
rpt-quality-quarantined = { $n ->
    [one] { $n } fichier en quarantaine.
   *[other] { $n } fichiers en quarantaine.
}
rpt-col-reason = raison
rpt-col-kind = type
rpt-quality-chosen = Réponses prises dans une autre révision d'un conflit ({ $command }) :
rpt-quality-chosen-item = { $who } : { $question } de { $from }
rpt-quality-read-back-html = Relecture au coordinateur en fin d'appel : { $confirmed ->
    [one] { $confirmed } confirmée
   *[other] { $confirmed } confirmées
}, { $corrected ->
    [one] { $corrected } avec des corrections demandées
   *[other] { $corrected } avec des corrections demandées
}, { $not_read ->
    [one] { $not_read } non relue
   *[other] { $not_read } non relues
}.
rpt-quality-consent-refused = Sessions dont les participants ont refusé la prise de notes (aucun de leurs textes libres n'a quitté la machine de l'enquêteur) :
rpt-quality-missing = Sessions avec des questions obligatoires sans réponse :
rpt-quality-missing-item = { $who } : { $questions }
rpt-md-unresolved = conflit non résolu : { $what } ({ $id })
rpt-md-quarantined = en quarantaine ({ $kind }) : { $reason }
rpt-md-chosen = réponse prise dans une autre révision : { $who } : { $question } de { $from }
rpt-md-read-back = relecture au coordinateur : { $confirmed ->
    [one] { $confirmed } confirmée
   *[other] { $confirmed } confirmées
}, { $corrected } avec des corrections demandées, { $not_read ->
    [one] { $not_read } non relue
   *[other] { $not_read } non relues
}
rpt-md-consent-refused = consentement refusé : { $who } (aucun de leurs textes libres n'a quitté la machine de l'enquêteur)
rpt-md-missing = questions obligatoires sans réponse : { $who } : { $questions }

## Les réponses que le guide ne formule pas lui-même, dans la langue du guide
rpt-answer-yes = Oui
rpt-answer-no = Non
rpt-answer-dont_know = Ne sait pas
rpt-answer-declined = Refuse de répondre
rpt-answer-not_asked = Non posée
rpt-answer-unanswered = Sans réponse
rpt-said-yes = oui
rpt-said-no = non
rpt-said-dont_know = ne sait pas
rpt-said-declined = refuse de répondre
rpt-said-not_asked = non posée
rpt-said-nothing-yet = rien encore
rpt-answer-hidden = sans objet (masquée par la logique de saut)

## Le classeur : les notes de ses feuilles et la feuille Columns (ses noms restent anglais)
rpt-xlsx-matrix-elsewhere = { $n } sessions : la matrice d'analyse rapide est dans { $file } (stocktake report --format csv) ; cette feuille la contient jusqu'à { $max }.
rpt-xlsx-long-elsewhere = { $rows } lignes, plus que les { $max } qu'une feuille contient : le tableau long est dans { $file } (stocktake report --format csv) ; la feuille Wide a une ligne par session.
rpt-xlsx-too-wide = Ce tableau a { $columns } colonnes, plus que les { $max } qu'une feuille contient : il est entier dans { $file } (stocktake report --format csv).
rpt-xlsx-not-comparable = non comparable à la version { $version } : { $why }
rpt-xlsx-cut-mark = … [coupé : le texte entier est dans { $file }]
rpt-columns-any = toutes
rpt-columns-as-in-long = comme dans Long
rpt-columns-wide-answer = la réponse ; [dont_know], [declined], [not_asked] pour celles-ci ; [hidden] quand la question n'a pas été posée à la session (logique de saut, ou pas pour sa structure) ; vide sans réponse
rpt-columns-wide-option = choix multiple : 1 quand l'option a été choisie, 0 sinon
rpt-columns-wide-other = ce qui a été précisé pour l'option `other`
rpt-columns-summary-n = le dénominateur : les sessions de cette structure à qui la question a été posée (la logique de saut l'a montrée) ; celles pour qui elle était masquée ne sont pas dans n
rpt-columns-summary-targeted = les cibles de la campagne de cette structure (pour all : des structures à qui la question est posée) ; vide sans campagne
rpt-columns-summary-hidden = les sessions de cette structure pour qui la question était masquée (logique de saut, ou pas pour cette structure)
rpt-columns-summary-count = les sessions qui ont donné cette réponse ; x quand l'effectif est masqué (report --min-cell K) : moins de K, ou un effectif masqué pour qu'aucun effectif sous K ne puisse être déduit des totaux ; son pourcentage est alors vide
rpt-columns-summary-percent = count / n, arrondi au plus proche, une moitié vers l'entier le plus éloigné de zéro
rpt-columns-apostrophe = (apostrophe)
rpt-columns-apostrophe-meaning = un texte qui commence par = + - @, une espace, une tabulation ou un saut de ligne (ou par ＝ ＋ － ＠ pleine chasse) reçoit une ' en tête, pour qu'aucun tableur ne l'exécute
rpt-columns-cut = … [coupé : …]
rpt-columns-cut-meaning = un texte plus long que ce qu'une cellule contient ({ $cell } caractères) est coupé et finit par cette marque ; le CSV qu'elle nomme a le texte entier
rpt-columns-sheets = (feuilles)
rpt-columns-sheets-meaning = un tableau long qui a plus de lignes qu'une feuille n'en contient ({ $rows } avec l'en-tête) n'est que dans son CSV, et sa feuille le dit ; tout autre tableau aussi long continue sur la feuille suivante (Summary 1, Summary 2, …), chacune avec l'en-tête ; un tableau de plus de { $columns } colonnes n'est que dans son CSV
# Ce que signifie chaque colonne des feuilles Long et Coverage : l'identifiant finit par
# le nom de la colonne, qui reste le même dans toutes les langues.
rpt-long-col-session_id = la session (une structure lors d'un appel) ; la même pour toutes ses révisions
rpt-long-col-revision = quelle révision de la session c'est (la tête : son état actuel)
rpt-long-col-digest = le SHA-256 du fichier de session d'où elle vient
rpt-long-col-response = pays ou réponse humanitaire
rpt-long-col-structure = protection_cluster, cp_aor, gbv_aor ou other
rpt-long-col-structure_label = le nom d'une structure `other`, tel que le rapport les regroupe (espaces et casse mis à part, une seule graphie)
rpt-long-col-interviewer = qui a mené l'entretien
rpt-long-col-guide_id = le guide d'entretien
rpt-long-col-guide_version = sa version pour cette session
rpt-long-col-completed_at = quand cette révision a été terminée (UTC)
rpt-long-col-section = la section du guide où est la question
rpt-long-col-question_id = l'identifiant stable de la question
rpt-long-col-question = le texte de la question
rpt-long-col-type = single, multi, yes_no, text, long_text, number, date, scale
rpt-long-col-status = answered, dont_know, declined, not_asked, unanswered
rpt-long-col-value = la réponse : une valeur d'option (plusieurs jointes par ; pour multi), yes/no, un texte, un nombre, une date ou un point d'échelle
rpt-long-col-label = les libellés d'option de la valeur
rpt-long-col-other = ce qui a été précisé pour une option `other`
rpt-long-col-note = la note de l'enquêteur sur la question
rpt-long-col-hidden = 1 quand la question n'a pas été posée à cette session (logique de saut selon ses réponses, ou pas pour sa structure), qu'une ligne porte une réponse ou non
rpt-long-col-consent = no quand les participants ont refusé la prise de notes (la session ne porte alors aucun texte libre), yes quand ils ont accepté, vide quand la question n'a pas été posée
rpt-cov-col-response = la réponse de la cible, telle que le fichier de campagne la nomme
rpt-cov-col-structure = protection_cluster, cp_aor, gbv_aor ou other
rpt-cov-col-structure_label = le nom d'une structure `other`
rpt-cov-col-reached = 1 quand un entretien est dans la collation ou qu'une tentative a été enregistrée comme terminée
rpt-cov-col-disposition = le résultat de ses tentatives qui en dit le plus (completed, ineligible, partial, refused, callback, not_available, wrong_contact, line_failed, busy, no_answer), ou never_tried
rpt-cov-col-aapor_code = le code de disposition finale AAPOR de ce résultat (docs/campaign.md)
rpt-cov-col-aapor_disposition = le nom AAPOR de ce code, en anglais comme l'AAPOR l'écrit
rpt-cov-col-attempts = les tentatives enregistrées pour la cible, par tous les enquêteurs (un entretien sans tentative enregistrée compte pour une)
rpt-cov-col-sessions = les sessions de sa réponse et de sa structure dans la collation
rpt-cov-col-removed = 1 quand un fichier de campagne plus récent l'a retirée après des tentatives

## Why an older version's answers are counted apart (after rpt-apart-why's frame)
rpt-apart-change = { $what }, { $class }{ $texts }
rpt-apart-both = {" :"} « { $old } » → « { $new } »
rpt-apart-one = {" :"} « { $text } »
