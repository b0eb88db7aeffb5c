"""Every decision the extractor takes on a cue candidate, with a reason a student can read.

As NLTK's Punkt names each sentence-boundary decision (``REASON_*``), each place where a
candidate cue is dropped returns one of these; :func:`helpers.statements.explain_statements`
shows them, one row per candidate.
"""

from __future__ import annotations

from dataclasses import dataclass

# stage names, in the order the data flows through them
CUE, MENTION, CONTENT, RECORD = "cue", "mention", "content", "record"

KEPT = "kept"
KEPT_NESTED = "kept (nested)"
# cue stage: the word is not used as a verb of saying here
CONTEXT_CLAUSE = "inside a scene-setting clause"
CAPITALISED = "capitalised in mid-sentence"
NOUN_OR_INFINITIVE = "after a determiner or 'to'"
POSSESSIVE = "after a possessive"
NEGATED = "negated: nothing was said"
# mention stage: no speaker for the cue
PASSIVE = "passive verb"
MODAL = "after a modal verb"
PARTICIPLE_NO_SUBJECT = "participle without a subject"
PARTICIPLE_NOT_ADJUNCT = "participle not after a comma or 'and'"
NO_SPEAKER = "no speaker phrase"
INVERTED_NO_QUOTE = "cue first, but no quotation follows"
AFTER_PREPOSITION = "speaker phrase after a preposition"
PRONOUN_IN_QUOTE = "pronoun speaker inside a quotation"
BARE_NOUN = "lower-case noun without a determiner"
NEGATIVE_SUBJECT = "nobody spoke"
# content stage: no content for the cue
RELAY = "an outlet relaying another statement"
NO_CONTENT_RULE = "no content rule applies"
NO_FRAME = "not in a frame of its verb"
EMPTY_CONTENT = "empty content"
ONE_WORD = "one-word content"
NO_SOURCE = "no source after 'according to'"
# record stage
TRIMMED_AWAY = "content taken by the next statement"
OVERLAP = "content overlaps an earlier statement"

EXPLANATIONS = {
    KEPT: "the cue, its speaker and its content were found: a statement",
    KEPT_NESTED: "a statement reported inside another statement's content",
    CONTEXT_CLAUSE: "a cue before the comma of `When asked ...,` belongs to the question",
    CAPITALISED: "a capitalised verb in mid-sentence is part of a name (`Say Yes Trust`)",
    NOUN_OR_INFINITIVE: "`the report`, `his comments`, `declined to comment`: not a cue",
    POSSESSIVE: "`the president’s claim`: a noun",
    NEGATED: "`never said`, `did not say`, `At no point did we say`: nothing was said",
    PASSIVE: "`was told`: the subject did not speak",
    MODAL: "`would say`, `could claim`: nothing was said",
    PARTICIPLE_NO_SUBJECT: "`..., saying ...` but the sentence has no subject to speak",
    PARTICIPLE_NOT_ADJUNCT: "`-ing` form that is not a participle clause of the subject",
    NO_SPEAKER: "no name, description or pronoun stands beside the cue",
    INVERTED_NO_QUOTE: "`Said X` opening a sentence needs a quotation after it",
    AFTER_PREPOSITION: "`to the man who said`, `from X said`: the phrase is not a subject",
    PRONOUN_IN_QUOTE: "`he said` inside a quotation refers to the quotation's world",
    BARE_NOUN: "`officials say` needs a plural or a determiner to be a speaker",
    NEGATIVE_SUBJECT: "`Nobody said`, `No one told them`: the sentence says nothing was said",
    RELAY: "`..., X told reporters, TASS reports`: the outlet only passes the words on",
    NO_CONTENT_RULE: "no quotation, colon, `that`, trailing position or clause goes with the cue",
    NO_FRAME: "`called the police`: `call` reports speech only as `called X “Y”` or `called X a Y`",
    EMPTY_CONTENT: "the content is empty once punctuation is trimmed",
    ONE_WORD: "a single word is not a reported clause",
    NO_SOURCE: "`according to` with nothing that can name a source after it",
    TRIMMED_AWAY: "a later statement in the sentence took the whole content",
    OVERLAP: "two statements of one sentence never share words: the first one stands",
}


@dataclass(frozen=True)
class Rejection:
    """A candidate dropped at a stage, for a named reason."""

    stage: str
    reason: str
