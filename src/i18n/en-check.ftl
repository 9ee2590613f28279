# What `stocktake guide check` (and loading any guide or codebook) finds, one problem a
# line after `file:line:col:`. Each says what the English has always said, word for word.


## What a problem names (its { $what })
check-what-guide = the guide
check-what-a-section = a section
check-what-section = section `{ $id }`
check-what-a-question = a question
check-what-question = question `{ $id }`
check-what-option = an option
check-what-respondent = a respondent type
check-what-show-if = a show_if

## What a TOML value is, and what one must be
check-type-string = a string
check-type-integer = an integer
check-type-float = a float
check-type-boolean = a boolean
check-type-date-time = a date-time
check-type-array = an array
check-type-table = a table
check-expect-string = a string
check-expect-strings = an array of strings
check-expect-number = a number
check-expect-bool = true or false
check-expect-text = a string or a table of languages
check-expect-conditions = an array of conditions
check-expect-options = an array of {"{"} value, label {"}"} tables
check-expect-respondents = an array of {"{"} id, label {"}"} tables
check-expect-sections = an array of [[sections]] tables
check-expect-questions = an array of [[sections.questions]] tables

## Hints after a name that is not one
check-did-you-mean = did you mean `{ $name }`?
check-maybe-meant = ; did you mean `{ $name }`?
check-allowed-keys = allowed keys: { $keys }
check-use-one-of = use one of: { $names }
check-respondent-types = the guide's respondent types are: { $names } (declare others in `respondents`)

## Any part of a guide (src/guide/load/values.rs)
check-unknown-key = unknown key `{ $key }` in { $what }; { $hint }
check-not-a-table = expected { $what } as a table like { $example }, found { $found }
check-wrong-type = `{ $key }` must be { $expected }, found { $found }
check-not-finite = `{ $key }` = { $value } is not a finite number; write one like 0 or 2.5
check-no-id = { $what } has no `{ $key }`; add { $key } = "..." (lowercase letters, digits, _ or -)
check-bad-id = `{ $key }` "{ $value }" must be 1-64 lowercase ASCII letters, digits, `_` or `-`, starting with a letter or digit
check-no-text = { $what } has no `{ $key }`; add { $key } = "..."
check-undeclared-translation = translation `{ $code }` for a language the guide does not declare; add it to languages = [{ $declared }] or remove it
check-no-default-text = `{ $key }` has no `{ $default }` text, the guide's default language
check-empty-text-table = `{ $key }` is an empty table; give at least { $default } = "..."
check-empty = `{ $key }` is empty
check-text-too-long = `{ $key }` is longer than { $max } characters

## The guide as a whole (src/guide/load/mod.rs)
check-guide-too-large = guide is { $size } bytes, more than the { $max } allowed; is this really a guide?
check-toml-syntax = TOML syntax: { $error }
check-no-version = the guide has no `version`; add e.g. version = "1" (a string, bumped when questions change)
check-empty-version = `version` is empty; write e.g. version = "1"
check-version-not-string = `version` must be a string: write version = "{ $version }"
check-no-sections = the guide has no sections; add at least one [[sections]] with [[sections.questions]]
check-empty-sections = `sections` is empty; add at least one [[sections]]
check-section-twice = section id `{ $id }` is used twice (first on line { $line }); section ids must be unique
check-no-questions = { $what } has no questions; add [[sections.questions]] under it or remove the section
check-empty-languages = `languages` is empty; list at least the default, e.g. ["en"]
check-bad-language = `{ $lang }` is not a language code; use a code such as "en", "fr" or "pt-BR"
check-language-twice = language `{ $lang }` is listed twice
check-bad-recipient = a recipient must be an age public key starting with `age1` (see `stocktake keys new`)
check-consent-not-yes-no = the consent question `{ $id }` must be a yes_no question
check-consent-unknown = [consent] names question `{ $id }`, which the guide does not have
check-bad-when-refused = `when_refused` is `{ $value }`; use "no_free_text" (nothing typed is kept) or "keep_local" (kept on this machine, never sent)

## Questions (src/guide/load/question.rs, options_from.rs, respondents.rs)
check-no-type = { $what } has no `type`; use one of: { $types }
check-unknown-type = unknown question type `{ $type }`; { $hint }
check-call-level-text = { $what } is { $kind }; `call_level` shares a closed answer across the structures on a call, and each coordinator's own words stay theirs
check-options-from-kind = `options_from` only applies to single and multi questions; { $what } is { $kind }
check-bad-hxl = `{ $tag }` is not an HXL hashtag; write e.g. hxl = "#affected+hh+num" (a #tag and +attributes: lowercase letters, digits, _)
check-label-not-scale = `{ $key }` only applies to scale questions; { $what } is { $kind }
check-summary-kind = { $what } is { $kind }; `summary` charts a distribution, so it needs a single, multi, yes_no or scale question
check-empty-applies-to = `applies_to` is empty, so the question would never be asked; remove it to ask every structure
check-applies-to-twice = respondent type `{ $name }` is listed twice in `applies_to`
check-unknown-respondent = unknown respondent type `{ $name }` in `applies_to`; { $hint }
check-no-options = { $what } is a { $kind } choice question without `options`; add options = [{"{"} value = "...", label = "..." {"}"}, ...]
check-options-kind = `options` only apply to single and multi questions; { $what } is { $kind }{ $kind ->
    [yes_no] {" "}(yes_no questions have fixed answers yes and no)
   *[other] {""}
    }
check-empty-options = { $what } has an empty `options` list; a choice needs at least one option
check-exclusive-kind = `exclusive` only applies to options of a multi question; { $what } is { $kind }, where every option excludes the others already
check-option-twice = option value `{ $value }` is used twice in { $what } (first on line { $line }); values must be unique
check-scale-without = { $what } is a scale without `{ $key }`; a scale needs min and max, e.g. min = 1, max = 5
check-scale-not-whole = `{ $key }` of a scale must be a whole number, not { $value }
check-scale-too-long = a scale from { $lo } to { $hi } has more than 100 points; use a number question
check-bounds-kind = `{ $key }` only applies to number and scale questions; { $what } is { $kind }
check-min-above-max = `min` ({ $lo }) is greater than `max` ({ $hi }) in { $what }
check-options-from-unknown = options_from names `{ $id }`, which is not a question in this guide{ $hint }
check-options-from-not-earlier = options_from of `{ $id }` names { $which ->
    [itself] itself
   *[later] a later question
    }; it must name an earlier multi choice, whose ticks it offers
check-options-from-not-multi = options_from names `{ $id }`, a { $kind } question; it must name a multi choice, whose ticks are offered
check-options-from-foreign = question `{ $id }` offers { $foreign }, which `{ $from }` does not; with options_from its options are some of `{ $from }`'s (or leave `options` out to take them all)
check-empty-respondents = `respondents` is empty, so no session could be started; list at least one, e.g. respondents = [{"{"} id = "community_leader", label = "Community leader" {"}"}], or remove the key for the four coordination structures
check-respondent-twice = respondent type `{ $id }` is declared twice (first on line { $line }); ids must be unique

## show_if (src/guide/load/condition.rs)
check-show-if-too-deep = `show_if` is nested more than 8 levels deep; simplify it
check-beside-combo = `{ $key }` cannot stand beside `{ $combo }` in a show_if; put it in one of the `{ $combo }` conditions
check-empty-combo = `{ $combo }` is empty; give it at least one condition
check-show-if-no-question = `show_if` names no `question`; write {"{"} question = "id", any_of = ["value"] {"}"}, or use all/any
check-show-if-no-test = `show_if` needs exactly one test: any_of = [...], none_of = [...] or answered = true/false
check-show-if-tests = `show_if` has { $n } tests ({ $tests }); give exactly one, or combine conditions with all = [...]
check-empty-values = `{ $key }` is empty; list the values to test
check-question-twice = question id `{ $id }` is used twice (first on line { $line }); ids must be unique in a guide
check-show-if-itself = the show_if of question `{ $id }` names `{ $id }` itself; it must name an earlier question
check-show-if-unknown = show_if names `{ $id }`, which is not a question in this guide{ $hint }
check-show-if-later = show_if names `{ $id }`, which comes later in the guide; a question can depend only on earlier ones
check-show-if-open = `{ $id }` is a { $kind } question, so its answers cannot be listed; test it with answered = true
check-show-if-no-answer = `{ $id }` has no answer `{ $value }`; it offers: { $offered }

## Codebooks (src/guide/codebook.rs)
check-codebook-format = `format` is { $found }: this stocktake reads { $known } (a newer stocktake may read it)
check-codebook-guide = `guide` must be the id of a guide (lower-case letters, digits, `-` and `_`)
check-codebook-no-language = `languages` names no language
check-code-bad-id = code id { $id } must be lower-case letters, digits, `-` and `_`
check-code-twice = code id { $id } is used twice
check-code-no-label = code { $id } has no label in { $lang }, a language the codebook names
check-code-other-label = code { $id } has a label in { $lang }, which `languages` does not name
check-code-unknown-parent = code { $id } has parent { $parent }, which is not a code of this codebook
check-code-loop = code { $id } is its own ancestor (a parent loop)
