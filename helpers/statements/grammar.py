"""Closed-class English words the extractor's rules are written with, one commented set each.

Open-class word lists (reporting verbs, role nouns, titles, organisation words, tell verbs,
honorifics ...) are data files under data/lexicons/, read by :mod:`.lexicon`; these sets are
part of the grammar of English and change only with the rules that use them.
"""

from __future__ import annotations

import re


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


# Words skipped between a speaker phrase and its cue: `Peskov also said`, `he has said`.
SKIPPED_BEFORE_CUE = _words(
    "also later earlier then again repeatedly previously recently once further first "
    "publicly privately separately similarly reportedly has have had did does do is was are "
    "were been simply just only even still already quickly initially now long often always never "
    "frequently since itself himself herself themselves however meanwhile instead nonetheless "
    "nevertheless therefore both all kept keeps today yesterday tonight merely not"
)
# Auxiliaries of the passive: `was told` is not the subject speaking.
AUX_PASSIVE = _words("was were is are be been being get got gets")
# A negative subject reports that nothing was said (`Nobody said`, `No one told them`).
NEGATIVE_SUBJECTS = frozenset({"nobody", "no one", "none", "neither", "nothing", "no-one"})
MODALS = _words("would could might may should can must shall")
# Words that link the parts of one name (`Bank of England`, `Smith and Wesson`).
NAME_LINKS = _words("of and on for &")
# Words that open a noun phrase naming an unnamed source (`a librarian`, `two officials`).
SOURCE_DETERMINERS = _words(
    "a an the our their his her its several many some two three four five other few another one "
    "both all most each"
)
# Numbers written as words; with digits, a number opens a counted group (`70 percent`,
# `Fifty-one percent`, `two officials`) as a determiner does.
NUMBER_WORDS = _words(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand dozen dozens hundreds thousands"
)
_NUMBER = re.compile(r"\d[\d,.]*")


def is_number(word: str) -> bool:
    """`70`, `1,200`, `twelve`, `Fifty-one`."""
    if word[:1].isdigit():
        return bool(_NUMBER.fullmatch(word))
    low = word.lower()
    return low in NUMBER_WORDS or ("-" in low and all(p in NUMBER_WORDS for p in low.split("-")))


# Days, and the last word of a time adjunct (`on Wednesday`, `last week`).
WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
TIME_WORDS = WEEKDAYS | _words(
    "week month year night morning afternoon evening weekend today yesterday"
)
# `44 percent of voters`, `a majority of nurses`: a share of a group, which speaks as one.
QUANTITY_NOUNS = _words(
    "percent majority minority plurality half third thirds quarter fifth dozen dozens "
    "hundreds thousands"
)
# Prepositions that also open a clause: a phrase between one and a verb is its subject
# (`after police said`).
CLAUSE_PREPOSITIONS = _words("after before since until")
# Words that join a coordinated clause with a subject of its own after a comma (`..., and
# human rights groups warned that`).
COORDINATORS = _words("and but while")
# Words after which a quantifier opens a clause as its subject (`But some note that`).
CLAUSE_OPENERS = _words("but yet while though although still")
# Words that open an indirect question (`asked Sanders whether ...`).
QUESTION_WORDS = _words("whether if what how why when where who which")
# Quantifiers standing alone as a subject name an unnamed group (`some note that`, `others
# said`), or an unnamed person (`Another said`): the speaker is named by the word.
GROUP_PRONOUNS = _words("some others many most several few another")
# `most of them said`: a quantifier of a group named before
PARTITIVE_QUANTIFIERS = GROUP_PRONOUNS | _words("all both")
# The conjunctions that may open a sentence before a group that speaks (`But dock workers say`).
GROUP_OPENERS = _words("but and yet")
DETERMINERS = _words("the a an his her its their our this that these those one two")
# Determiners that make a description of a single, already known referent.
DEFINITE = _words("the this that")
INDEFINITE = _words("a an one two another each")  # `another source`: a new one, never one before
POSSESSIVE_DETERMINERS = _words("his her its their our")
PREPOSITIONS = _words(
    "of with to for by about from on in at into onto over under than like after before "
    "between against during without toward towards upon near across inside outside around "
    "behind beside"
)
# Prepositions after which a capitalised phrase belongs to the noun before it
# (`Mr. Morgan of the Sierra Club said`).
PHRASE_PREPOSITIONS = _words("of for at with from to in")
# A sentence opening with these sets the scene (`When asked ...,`): cues before its comma
# belong to the question, not to a statement.
CONTEXT_STARTERS = _words(
    "when asked speaking replying commenting answering responding referring talking upon in"
)
SUBJECT_PRONOUNS = _words("he she they we i there")
# Words that can open a reported clause without `that` (`said the talks were useful`).
CLAUSE_STARTERS = _words(
    "he she it they we i there this that these those the a an his her its their our my your "
    "no not some many most all any both each every one two"
)
# Subordinators: a clause they open is not the content of a bare `said`.
SUBORDINATORS = _words(
    "when whether if because while as that which who what how why where although though"
)
# Time and place adjuncts that may stand between a cue and its content
# (`said on Tuesday that`, `told reporters after the meeting`).
ADJUNCT_STARTS = (
    "on in at after before during last this earlier later yesterday today tonight recently "
    "afterwards again also late early while monday tuesday wednesday thursday friday "
    "saturday sunday"
).split()
ADJUNCT_WORDS = frozenset(ADJUNCT_STARTS)
# Months, and their abbreviations, that open a date between a verb and `that`
# (`announced Nov. 18 that`); not in ADJUNCT_STARTS, where `may` would read as a month.
DATE_WORDS = _words(
    "january february march april may june july august september october november december "
    "jan. feb. mar. apr. aug. sept. sep. oct. nov. dec."
)
# Words that never start a zero-`that` clause after a zero-that verb.
NOT_CLAUSE_OPENERS = _words("that so as not yes it what how nothing")
RELATIVE_PRONOUNS = _words("who which whose")
RELATIVE_WORDS = _words("who which whose that whom")
# Cue verbs whose bare and -s forms are also common nouns (`the state attorney general`,
# `news reports`): before a plain clause without `that`, only their past form is a cue.
NOUN_VERBS = _words("report state claim note reply comment answer stress")
# Finite verbs that show a clause (`the aid had been paused`): auxiliaries, modals and common
# irregular past forms; a word in -ed counts too.
FINITE_VERBS = _words(
    "is are was were has have had will would could can may might should must does did do "
    "thought knew made took got went came saw found gave felt kept left put ran began became "
    "brought bought paid won lost held meant sent spent built stood understood"
)
CONTRACTION = re.compile(r"[’'](?:s|re|ve|d|ll)$")
# Lower-case words ending in -ly that are not adverbs.
NOT_ADVERBS = _words("family ally")
# Adverbs and conjunctions that open a sentence and are never part of the name after them
# (`Whatever Apple says`, `Still Kell warned`, `Yet Berg said`).
OPENING_ADVERBS = _words(
    "whatever maybe perhaps since still outside despite unlike once yet whenever wherever "
    "whoever besides now then"
)
# Verbs before `to` and a cue that report speech that happened (`continued to complain`; not
# `wants to say`, `declined to say`); `went on to say` is read apart.
ASPECTUAL_VERBS = _words("continue continued continues begin began begins start started starts")
# The forms of `go` before `on to` and a cue (`went on to say`, `going on to say`).
GO_FORMS = _words("go goes going went")
