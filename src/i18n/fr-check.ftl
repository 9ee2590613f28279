# Ce que `stocktake guide check` (et le chargement de tout guide ou livre de codes) trouve,
# un problème par ligne après `fichier:ligne:col:`. `file:line:col:` reste tel quel.


## What a problem names (its { $what })
check-what-guide = le guide
check-what-a-section = une section
check-what-section = la section `{ $id }`
check-what-a-question = une question
check-what-question = la question `{ $id }`
check-what-option = une option
check-what-respondent = un type de répondant
check-what-show-if = un show_if

## What a TOML value is, and what one must be
check-type-string = une chaîne
check-type-integer = un entier
check-type-float = un nombre à virgule
check-type-boolean = un booléen
check-type-date-time = une date-heure
check-type-array = un tableau
check-type-table = une table
check-expect-string = une chaîne
check-expect-strings = un tableau de chaînes
check-expect-number = un nombre
check-expect-bool = true ou false
check-expect-text = une chaîne ou une table de langues
check-expect-conditions = un tableau de conditions
check-expect-options = un tableau de tables {"{"} value, label {"}"}
check-expect-respondents = un tableau de tables {"{"} id, label {"}"}
check-expect-sections = un tableau de tables [[sections]]
check-expect-questions = un tableau de tables [[sections.questions]]

## Hints after a name that is not one
check-did-you-mean = vouliez-vous dire `{ $name }` ?
check-maybe-meant =  ; vouliez-vous dire `{ $name }` ?
check-allowed-keys = clés permises : { $keys }
check-use-one-of = utilisez l'un de : { $names }
check-respondent-types = les types de répondant du guide sont : { $names } (déclarez-en d'autres dans `respondents`)

## Any part of a guide (src/guide/load/values.rs)
check-unknown-key = clé inconnue `{ $key }` dans { $what } ; { $hint }
check-not-a-table = { $what } doit être une table comme { $example }, et c'est { $found }
check-wrong-type = `{ $key }` doit être { $expected }, et c'est { $found }
check-not-finite = `{ $key }` = { $value } n'est pas un nombre fini ; écrivez-en un comme 0 ou 2.5
check-no-id = { $what } n'a pas de `{ $key }` ; ajoutez { $key } = "..." (lettres minuscules, chiffres, _ ou -)
check-bad-id = `{ $key }` « { $value } » doit faire de 1 à 64 lettres ASCII minuscules, chiffres, `_` ou `-`, et commencer par une lettre ou un chiffre
check-no-text = { $what } n'a pas de `{ $key }` ; ajoutez { $key } = "..."
check-undeclared-translation = traduction `{ $code }` dans une langue que le guide ne déclare pas ; ajoutez-la à languages = [{ $declared }] ou retirez-la
check-no-default-text = `{ $key }` n'a pas de texte `{ $default }`, la langue par défaut du guide
check-empty-text-table = `{ $key }` est une table vide ; donnez au moins { $default } = "..."
check-empty = `{ $key }` est vide
check-text-too-long = `{ $key }` dépasse { $max } caractères

## The guide as a whole (src/guide/load/mod.rs)
check-guide-too-large = le guide fait { $size } octets, plus que les { $max } permis ; est-ce vraiment un guide ?
check-toml-syntax = syntaxe TOML : { $error }
check-no-version = le guide n'a pas de `version` ; ajoutez par exemple version = "1" (une chaîne, augmentée quand les questions changent)
check-empty-version = `version` est vide ; écrivez par exemple version = "1"
check-version-not-string = `version` doit être une chaîne : écrivez version = "{ $version }"
check-no-sections = le guide n'a pas de sections ; ajoutez au moins une [[sections]] avec des [[sections.questions]]
check-empty-sections = `sections` est vide ; ajoutez au moins une [[sections]]
check-section-twice = l'identifiant de section `{ $id }` est utilisé deux fois (d'abord à la ligne { $line }) ; les identifiants de section doivent être uniques
check-no-questions = { $what } n'a pas de questions ; ajoutez-y des [[sections.questions]] ou retirez la section
check-empty-languages = `languages` est vide ; indiquez au moins la langue par défaut, par exemple ["en"]
check-bad-language = `{ $lang }` n'est pas un code de langue ; utilisez un code comme "en", "fr" ou "pt-BR"
check-language-twice = la langue `{ $lang }` est indiquée deux fois
check-bad-recipient = un destinataire doit être une clé publique age commençant par `age1` (voir `stocktake keys new`)
check-consent-not-yes-no = la question de consentement `{ $id }` doit être une question yes_no
check-consent-unknown = [consent] nomme la question `{ $id }`, que le guide n'a pas
check-bad-when-refused = `when_refused` vaut `{ $value }` ; utilisez "no_free_text" (rien de ce qui est tapé n'est gardé) ou "keep_local" (gardé sur cette machine, jamais envoyé)

## Questions (src/guide/load/question.rs, options_from.rs, respondents.rs)
check-no-type = { $what } n'a pas de `type` ; utilisez l'un de : { $types }
check-unknown-type = type de question inconnu `{ $type }` ; { $hint }
check-call-level-text = { $what } est de type { $kind } ; `call_level` partage une réponse fermée entre les structures d'un appel, et les propres mots de chaque coordinateur restent les siens
check-options-from-kind = `options_from` ne s'applique qu'aux questions single et multi ; { $what } est de type { $kind }
check-bad-hxl = `{ $tag }` n'est pas un hashtag HXL ; écrivez par exemple hxl = "#affected+hh+num" (un #tag et des +attributs : lettres minuscules, chiffres, _)
check-label-not-scale = `{ $key }` ne s'applique qu'aux questions scale ; { $what } est de type { $kind }
check-summary-kind = { $what } est de type { $kind } ; `summary` trace une distribution, il lui faut donc une question single, multi, yes_no ou scale
check-empty-applies-to = `applies_to` est vide, la question ne serait donc jamais posée ; retirez-le pour la poser à toutes les structures
check-applies-to-twice = le type de répondant `{ $name }` est indiqué deux fois dans `applies_to`
check-unknown-respondent = type de répondant inconnu `{ $name }` dans `applies_to` ; { $hint }
check-no-options = { $what } est une question à choix { $kind } sans `options` ; ajoutez options = [{"{"} value = "...", label = "..." {"}"}, ...]
check-options-kind = `options` ne s'appliquent qu'aux questions single et multi ; { $what } est de type { $kind }{ $kind ->
    [yes_no] {" "}(les questions yes_no ont des réponses fixes, yes et no)
   *[other] {""}
    }
check-empty-options = { $what } a une liste `options` vide ; un choix a besoin d'au moins une option
check-exclusive-kind = `exclusive` ne s'applique qu'aux options d'une question multi ; { $what } est de type { $kind }, où chaque option exclut déjà les autres
check-option-twice = la valeur d'option `{ $value }` est utilisée deux fois dans { $what } (d'abord à la ligne { $line }) ; les valeurs doivent être uniques
check-scale-without = { $what } est une échelle sans `{ $key }` ; une échelle a besoin de min et max, par exemple min = 1, max = 5
check-scale-not-whole = `{ $key }` d'une échelle doit être un nombre entier, pas { $value }
check-scale-too-long = une échelle de { $lo } à { $hi } a plus de 100 points ; utilisez une question number
check-bounds-kind = `{ $key }` ne s'applique qu'aux questions number et scale ; { $what } est de type { $kind }
check-min-above-max = `min` ({ $lo }) est plus grand que `max` ({ $hi }) dans { $what }
check-options-from-unknown = options_from nomme `{ $id }`, qui n'est pas une question de ce guide{ $hint }
check-options-from-not-earlier = options_from de `{ $id }` nomme { $which ->
    [itself] la question elle-même
   *[later] une question suivante
    } ; il doit nommer un choix multi qui la précède, dont il propose les cases cochées
check-options-from-not-multi = options_from nomme `{ $id }`, une question { $kind } ; il doit nommer un choix multi, dont les cases cochées sont proposées
check-options-from-foreign = la question `{ $id }` propose { $foreign }, ce que `{ $from }` ne propose pas ; avec options_from, ses options sont prises parmi celles de `{ $from }` (ou omettez `options` pour les prendre toutes)
check-empty-respondents = `respondents` est vide, aucune session ne pourrait donc commencer ; indiquez-en au moins un, par exemple respondents = [{"{"} id = "community_leader", label = "Community leader" {"}"}], ou retirez la clé pour les quatre structures de coordination
check-respondent-twice = le type de répondant `{ $id }` est déclaré deux fois (d'abord à la ligne { $line }) ; les identifiants doivent être uniques

## show_if (src/guide/load/condition.rs)
check-show-if-too-deep = `show_if` est imbriqué sur plus de 8 niveaux ; simplifiez-le
check-beside-combo = `{ $key }` ne peut pas figurer à côté de `{ $combo }` dans un show_if ; mettez-le dans une des conditions de `{ $combo }`
check-empty-combo = `{ $combo }` est vide ; donnez-lui au moins une condition
check-show-if-no-question = `show_if` ne nomme pas de `question` ; écrivez {"{"} question = "id", any_of = ["value"] {"}"}, ou utilisez all/any
check-show-if-no-test = `show_if` a besoin d'exactement un test : any_of = [...], none_of = [...] ou answered = true/false
check-show-if-tests = `show_if` a { $n } tests ({ $tests }) ; donnez-en exactement un, ou combinez des conditions avec all = [...]
check-empty-values = `{ $key }` est vide ; indiquez les valeurs à tester
check-question-twice = l'identifiant de question `{ $id }` est utilisé deux fois (d'abord à la ligne { $line }) ; les identifiants doivent être uniques dans un guide
check-show-if-itself = le show_if de la question `{ $id }` nomme `{ $id }` elle-même ; il doit nommer une question qui la précède
check-show-if-unknown = show_if nomme `{ $id }`, qui n'est pas une question de ce guide{ $hint }
check-show-if-later = show_if nomme `{ $id }`, qui vient plus loin dans le guide ; une question ne peut dépendre que de celles qui la précèdent
check-show-if-open = `{ $id }` est une question { $kind }, ses réponses ne peuvent donc pas être énumérées ; testez-la avec answered = true
check-show-if-no-answer = `{ $id }` n'a pas de réponse `{ $value }` ; elle propose : { $offered }

## Codebooks (src/guide/codebook.rs)
check-codebook-format = `format` vaut { $found } : ce stocktake lit { $known } (un stocktake plus récent le lit peut-être)
check-codebook-guide = `guide` doit être l'identifiant d'un guide (lettres minuscules, chiffres, `-` et `_`)
check-codebook-no-language = `languages` ne nomme aucune langue
check-code-bad-id = l'identifiant de code { $id } doit être fait de lettres minuscules, chiffres, `-` et `_`
check-code-twice = l'identifiant de code { $id } est utilisé deux fois
check-code-no-label = le code { $id } n'a pas de libellé en { $lang }, une langue que le livre de codes nomme
check-code-other-label = le code { $id } a un libellé en { $lang }, que `languages` ne nomme pas
check-code-unknown-parent = le code { $id } a pour parent { $parent }, qui n'est pas un code de ce livre de codes
check-code-loop = le code { $id } est son propre ancêtre (une boucle de parents)
