"""Stage 4, speaker sites: where the speaker phrase of a verb cue is, and where the cue's
clause starts. Before the verb (`Peskov said`, past asides, groups and relative clauses), a
subject it shares (`..., saying`, `... and said`), the issuer of a document (`issued a
statement saying`), or after the verb (`said Peskov`). :func:`speaker_site` gives a Site or
the named reason why there is none.
"""

from __future__ import annotations

import re

from helpers.statements import reasons
from helpers.statements.cues import ASPECTUAL_TO, ASPECTUAL_WINDOW, SPOKEN_TO, Cue, Sentence, Site
from helpers.statements.grammar import (
    CLAUSE_PREPOSITIONS,
    COORDINATORS,
    DETERMINERS,
    GROUP_OPENERS,
    GROUP_PRONOUNS,
    NEGATIVE_SUBJECTS,
    PREPOSITIONS,
    SOURCE_DETERMINERS,
    is_number,
)
from helpers.statements.groups import (
    bare_pp,
    clause_group,
    group_before,
    relative_and_subject,
    relative_antecedent,
)
from helpers.statements.mentions import (
    MODAL,
    PASSIVE,
    extend_chain,
    mention_before,
)
from helpers.statements.mentions_after import mention_after, with_author
from helpers.statements.phrases import Mention
from helpers.statements.quotes import CLOSING_COMMA, PLACEHOLDER
from helpers.statements.reasons import Rejection
from helpers.statements.subjects import sentence_subject
from helpers.statements.words import is_adverb, is_plural

_WHO_AFTER = re.compile(r"\s*,?\s*who\b")  # a relative clause's speaker
# a short phrase before the subject of a sentence (`Overall,`, `In the old harbour town,`)
_FRONTED_PHRASE = re.compile(r"[A-Z][^,;:\x00]{0,50},")
_CLAUSE_START = re.compile(rf",\s+(?:{'|'.join(sorted(COORDINATORS))})\s+$")
_QUOTE_AFTER = re.compile(r"\s*[:,]\s*\x00")  # `said Berg: “...”`
# Prepositions before the antecedent of a relative `who` that still speaks (not `a member
# of the campaign in Philadelphia who said`: a place)
_RELATIVE_AFTER = frozenset(("to", "with", "among"))
# How far before a participle the verb that issued a document is looked for (`sent out a
# two-page press release to reporters on Friday saying`).
_ISSUED_WINDOW = 90
# How many commas after a sentence-opening participle the main clause's subject is looked for.
_MAIN_CLAUSE_COMMAS = 3
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
# adverbs between a linking word and a participle (`while also suggesting`, `after first saying`)
_LINK_ADVERBS = frozenset("also then later again even still first".split())
# a progressive before an -ing cue: `are admitting`, `are increasingly admitting`, `he’s
# predicting`
_PROGRESSIVE = re.compile(
    r"(?:\b(?:is|are|was|were|been|kept|keeps|keep)|\b(?:he|she|it|who|that)[’']s"
    r"|\b(?:they|we|you)[’']re)"
    r"(?:\s+[a-z]+ly)?$",
    re.IGNORECASE,
)
_MODIFIERS_AFTER_QUOTE = re.compile(r"\x00,?\s+((?:[a-z]+\s+){1,2})$")
_MODIFIERS_AFTER_COMMA = re.compile(r",\s+((?:[a-z]+\s+){1,2})$")
_GOING_ON_TO = re.compile(r"(?<![\w’'])going\s+on\s+to$")
# How far before a cue its left context is read (participles, coordination).
_BEFORE_WINDOW = 80
_MODIFIER_WINDOW = 30


def speaker_site(sent: Sentence, cue: Cue, lex) -> Site | Rejection:
    """The speaker phrase of a verb cue: before it, after it, or the subject it shares."""
    before = sent.masked[max(sent.start, cue.start - _BEFORE_WINDOW) : cue.start].rstrip()
    first_word = cue.form.split()[0]
    going_on = _GOING_ON_TO.search(before)  # `, going on to say`: a participle's frame
    if going_on is not None:
        before = before[: going_on.start()].rstrip()
    if (going_on or first_word.endswith("ing")) and not _PROGRESSIVE.search(before):
        site = _participle_site(sent, cue, before.lower(), lex)
    else:
        site = _verb_site(sent, cue, before.lower(), lex, first_word.endswith("ing"))
    if isinstance(site, Rejection):
        return site
    site = _name_after_quote(sent, cue, site)
    ph = site.mention
    if ph is None:
        return Rejection(reasons.MENTION, reasons.NO_SPEAKER)
    if " ".join(ph.text.lower().split()) in NEGATIVE_SUBJECTS:
        return Rejection(reasons.MENTION, reasons.NEGATIVE_SUBJECT)
    if sent.nested and ph.kind == "pronoun" and not _first_person(sent, ph):
        return Rejection(reasons.MENTION, reasons.PRONOUN_IN_QUOTE)
    if _bare_noun(sent, ph, lex):
        return Rejection(reasons.MENTION, reasons.BARE_NOUN)
    return site


# `“...,” study lead author Ana Berg, a scientist at the Goddard Center in Greenbelt,
# Maryland, said`: a quotation, a few modifiers, a name, then an apposition to the cue
_NAME_AFTER_QUOTE = re.compile(
    r"\x00[,\s]*((?:[a-z][\w-]*\s+){0,4})((?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'-]*),"
    r"\s+(?:a|an|the)\s+[^\x00;]*,\s*$"
)


def _name_after_quote(sent: Sentence, cue: Cue, site: Site) -> Site:
    """The name right after a quotation when the phrase found before the cue is inside the
    apposition that follows that name (`Maryland`, above)."""
    m = _NAME_AFTER_QUOTE.search(sent.masked, sent.start, cue.start)
    if m is None or site.mention is None or site.mention.start < m.end(2):
        return site
    s0, e0 = m.span(2)
    return Site(Mention(s0, e0, sent.masked[s0:e0], "name"), m.start(1))


def _first_person(sent: Sentence, ph: Mention) -> bool:
    """`I` inside a quotation is the quotation's own speaker (`“And I said, ‘...’”`)."""
    return sent.outer is not None and ph.text.lower() in ("i", "we")


# `footage of Kell saying`: the noun before `of` (`recordings of ` is 14 characters)
_WORD_OF = re.compile(r"([A-Za-z]+)\s+of\s+$")
_WORD_OF_WINDOW = 20


def _participle_site(sent: Sentence, cue: Cue, tail: str, lex) -> Site | Rejection:
    """`..., saying that`: the speaker of the statement before, or the sentence subject."""
    prev = sent.found[-1] if sent.found else None
    m, a, cs = sent.masked, sent.start, cue.start
    if not m[a:cs].strip():
        main = _main_clause_subject(sent, cue, lex)
        if main is not None:  # `Noting that A, Malaska asked ...`
            return Site(main, a)
    clause_start = max(a, m.rfind(",", a, cs))
    relative = prev is not None and _WHO_AFTER.match(m, prev.phrase.end, cs) is not None
    quoted = tail.endswith(PLACEHOLDER) and CLOSING_COMMA.search(sent.text, max(a, cs - 4), cs)
    if quoted:
        tail += ","  # `called it “fantastic,” telling reporters`: the comma inside the marks
        clause_start = quoted.end()
    # (adverbs before the participle aside: `while also suggesting`, `and pointedly saying`,
    # `, falsely suggesting`)
    linked = _without_adverbs(tail)
    if prev is not None and linked.endswith((",", " and", ", also")) and not relative:
        return Site(prev.phrase, clause_start)  # (`an architect who said ..., saying`: not his)
    by = linked.endswith((" by", " after", " before", " while")) and not linked.endswith(" and by")
    joined = linked.endswith((",", " and", " but", "–", "—", "--"))
    if (joined or by) and not sent.nested:
        # `Clinton spoke out on Tuesday, arguing that`, `Obama responded by saying that`
        ph = sentence_subject(m, a, cs, lex)
        if ph is None:
            return Rejection(reasons.MENTION, reasons.PARTICIPLE_NO_SUBJECT)
        return Site(ph, clause_start)
    own = _participle_subject(sent, cue, tail, lex)
    if own is not None:  # (before the issuer: `issued a statement – Ryan saying`)
        return Site(own, own.start)
    issuer = _issuer(sent, cs, lex)
    if issuer is not None:
        return Site(issuer, issuer.start)
    return Rejection(reasons.MENTION, reasons.PARTICIPLE_NOT_ADJUNCT)


def _issuer(sent: Sentence, cs: int, lex) -> Mention | None:
    """`The council issued a statement saying ...`, `Hale sent a memo to the board explaining
    ...`: the one who issued the document speaks (the guideline's written speech)."""
    m, a = sent.masked, sent.start
    found = lex.issued_document.search(m, max(a, cs - _ISSUED_WINDOW), cs)
    if found is None:
        return None
    return mention_before(m, a, found.start(), lex).mention


def _main_clause_subject(sent: Sentence, cue: Cue, lex) -> Mention | None:
    """`Noting that A, Malaska asked ...`, `Declaring that A, the mogul said ...`: the subject
    of the main clause after a participle that opens the sentence (a name, a pronoun or a
    description after one of the next commas, with a verb after it)."""
    m, b = sent.masked, sent.end
    at = cue.end
    for _ in range(_MAIN_CLAUSE_COMMAS):
        comma = m.find(",", at, b)
        if comma < 0:
            return None
        ph = mention_after(m, comma + 1, b, lex)
        if ph is not None and ph.kind in ("name", "pronoun", "description"):
            after = _NEXT_WORD.match(m, ph.end, b)
            if after is not None and after.group(1).islower() and after.group(1) != "and":
                return ph
        at = comma + 1
    return None


def _without_adverbs(tail: str) -> str:
    """The words before a participle without the adverbs that end them (`while also`)."""
    words = tail.split()
    k = len(words)
    while k > 1 and (words[k - 1] in _LINK_ADVERBS or is_adverb(words[k - 1])):
        k -= 1
    return tail if k == len(words) else " ".join(words[:k])


def _participle_subject(sent: Sentence, cue: Cue, tail: str, lex) -> Mention | None:
    """A participle with its own subject right before it: `quoted Anna Berg as saying`,
    `footage of Tom Kell saying`, `a video shows Kell saying`."""
    m, a = sent.masked, sent.start
    end = a + len(m[a : cue.start].rstrip())
    words = lex.participle_subjects  # data/lexicons/participle_subjects.txt
    if tail.endswith(" as"):
        found = mention_before(m, a, end - len("as"), lex)
        before = words["as"]
    else:
        found = mention_before(m, a, end, lex)
        before = words["before"]
    ph = found.mention
    if ph is None or ph.kind not in ("name", "description"):
        return None
    if found.word_before == "of":  # `footage of Kell saying`, not `the share of voters saying`
        noun = _WORD_OF.search(m, max(a, ph.start - _WORD_OF_WINDOW), ph.start)
        return ph if noun and noun.group(1).lower() in words["media"] else None
    if ph.kind == "name" and found.word_before in _ABSOLUTE_BEFORE and not sent.nested:
        return ph  # `both issued statements – Ryan saying he was encouraged, and Trump calling`
    return ph if found.word_before in before else None


# what may stand before a name that is the subject of its own participle (an absolute
# construction: `– Ryan saying ...`, `, and Trump calling it ...`)
_ABSOLUTE_BEFORE = frozenset(("–", "—", "-", "--", ",", ";", ":", "and"))


def _verb_site(sent: Sentence, cue: Cue, tail: str, lex, progressive: bool) -> Site | Rejection:
    """The speaker phrase before a verb cue, and where its clause starts."""
    m, a, cs = sent.masked, sent.start, cue.start
    # (`..., but went on to say`, `..., and then pointed out`: the link before the frame)
    aspect = ASPECTUAL_TO.search(m, max(a, cs - ASPECTUAL_WINDOW), cs)
    before_aspect = m[max(a, cs - _BEFORE_WINDOW) : aspect.start()] if aspect else ""
    linked = _without_adverbs(before_aspect.lower().rstrip() if aspect else tail)
    if linked.endswith((" and", " but")):
        # `The union denies the charges and says ...`: a second verb of the same subject; the
        # noun before `and` is the first verb's object
        site = _no_phrase_before(sent, cue, linked, lex)
        if not isinstance(site, Rejection):
            return site
    frame = SPOKEN_TO.search(m, max(a, cs - ASPECTUAL_WINDOW), cs)
    # (`Hale was quick to add`: the speaker stands before the frame)
    found = mention_before(m, a, frame.start() if frame else cs, lex, progressive=progressive)
    antecedent = relative_antecedent(m, a, cs, found, lex)
    if antecedent is not None:
        return Site(antecedent, antecedent.start)
    if found.word_before == PASSIVE:
        return Rejection(reasons.MENTION, reasons.PASSIVE)
    if found.word_before == MODAL:
        return Rejection(reasons.MENTION, reasons.MODAL)
    if found.mention is None:
        return _no_mention(sent, cue, tail, lex, bare_ok=not found.word_before)
    ph, word_before = found.mention, found.word_before
    comma_relative = found.comma_relative and (
        ph.kind == "description" or (ph.kind == "name" and len(ph.text.split()) >= 2)
    )  # (a full name or a description; not `from Manchester, who said`: a place, mostly)
    if comma_relative and ph.kind == "name":
        return Site(ph, ph.start)  # `no mention of Jeb Bush, who announced`: Bush
    # (no chain for `gave hope to the fishermen who say`: the verb's object; nor for `came
    # from a young child, who said`)
    ph, word_before = extend_chain(
        m,
        a,
        ph,
        word_before,
        lex,
        kinds=("name", "description", "org"),  # (`The government in Arden acknowledged`)
        stop=lambda w: (found.relative and w in _RELATIVE_AFTER) or (comma_relative and w != "of"),
    )
    if word_before in CLAUSE_PREPOSITIONS and cue.form != cue.base:
        return Site(ph, ph.start)  # `after police said`: a clause's subject (a bare `after
        # her March comment` is a noun)
    if word_before in PREPOSITIONS:
        group = group_before(m, a, ph.start, ph.end, lex)  # `Two people briefed on the talks`
        if group is not None:
            return Site(group, group.start)
    # (the antecedent of a relative pronoun may follow a preposition that takes a person:
    # `offered help to Republicans who say`, `compared with 23 percent who said`)
    relative = (
        found.relative and (word_before in _RELATIVE_AFTER or ph.kind == "description")
    ) or comma_relative  # (`opposed by dock unions who said`: a person's phrase, not a place)
    if (word_before in PREPOSITIONS or word_before == "who") and not relative:
        group = clause_group(m, a, cs, lex) if word_before != "who" else None
        if group is not None:  # `Those in favour of the toll have said`
            return Site(group, group.start)
        return Rejection(reasons.MENTION, reasons.AFTER_PREPOSITION)
    ph = _with_modifiers(m, a, ph, lex)
    if found.phrase_start is not None and found.phrase_start < ph.start:
        return Site(ph, found.phrase_start)  # (the clause starts with the apposition's head)
    return Site(ph, ph.start)


def _no_mention(sent: Sentence, cue: Cue, tail: str, lex, bare_ok: bool) -> Site | Rejection:
    """No phrase right before the verb: a bare group with its prepositional phrase
    (`Experts on jail suicide told`), else a shared subject or one after the verb."""
    m, a, cs = sent.masked, sent.start, cue.start
    bare = bare_pp(m, a, cs, lex) if bare_ok else None
    if bare is not None:
        group = group_before(m, a, bare.start(2), bare.end(2), lex)
        if group is not None:
            return Site(group, group.start)
    group = clause_group(m, a, cs, lex) if bare_ok else None
    if group is not None:  # `A strong majority of Valdan voters say`
        return Site(group, group.start)
    return _no_phrase_before(sent, cue, tail, lex)


def _with_modifiers(m: str, a: int, ph: Mention, lex) -> Mention:
    """The phrase with the lower-case modifiers before it that belong to it: `“...,” retired
    Air Force general Lloyd Newton said`, `A, council leader Ana Berg said`."""
    if ph.kind == "pronoun":
        return ph  # (`“...,” but he said`: no modifier)
    mod = _MODIFIERS_AFTER_QUOTE.search(m, max(a, ph.start - _MODIFIER_WINDOW), ph.start)
    if mod is None and ph.kind == "name":
        # lower-case nouns before the name, after the comma that ends the reported clause
        mod = _MODIFIERS_AFTER_COMMA.search(m, max(a, ph.start - _MODIFIER_WINDOW), ph.start)
        words = mod.group(1).split() if mod else []
        if any(w in lex.stop or w in lex.verb_forms or w.endswith(("ing", "ed")) for w in words):
            mod = None  # (`, beating rival Marco Rubio`: a participle, no modifier)
    if mod is None:
        return ph
    return Mention(mod.start(1), ph.end, m[mod.start(1) : ph.end], ph.kind)


def _no_phrase_before(sent: Sentence, cue: Cue, tail: str, lex) -> Site | Rejection:
    """No phrase before the verb: a shared subject (`... and said`) or one after (`said X`)."""
    prev = sent.found[-1] if sent.found else None
    m, a, cs = sent.masked, sent.start, cue.start
    if prev is not None and tail.endswith((" and", " but")):
        return Site(prev.phrase, cs - 4)
    if tail.endswith((" and", " but")):
        head = relative_and_subject(m, a, cs, lex)
        if head is not None:  # `a caller who called and said`: the caller
            return Site(head, head.start)
        subject = sentence_subject(m, a, cs, lex, opener=True)
        if subject is not None:
            return Site(subject, cs - 4)  # `I laughed and said`, `..., but said`
    if tail.endswith(",") and not sent.nested:
        subject = sentence_subject(m, a, cs, lex)
        if (
            subject is not None
            and subject.kind != "pronoun"
            and m[subject.end : subject.end + 1] == ","
        ):
            # `Omar Haddad, a former deputy director of [a long name] in Tamsworth, said`: an
            # apposition too long to look through from the cue
            return Site(subject, subject.start)
    if cue.base in lex.addressee_first:
        return Rejection(reasons.MENTION, reasons.NO_SPEAKER)  # `told Newsweek`: the addressee
    if tail.endswith((",", PLACEHOLDER)) or tail == "":
        ph = mention_after(m, cue.end, sent.end, lex, documents=True)
        if ph is None:
            return Rejection(reasons.MENTION, reasons.NO_SPEAKER)
        ph = with_author(m, ph, cue.end, sent.end, lex)  # `said a report from Orlen Equities`
        if tail == "" and not _QUOTE_AFTER.match(m, ph.end, sent.end):
            return Rejection(reasons.MENTION, reasons.INVERTED_NO_QUOTE)
        return Site(ph, cs, inverted=True)
    return Rejection(reasons.MENTION, reasons.NO_SPEAKER)


def _bare_noun(sent: Sentence, ph: Mention, lex) -> bool:
    """A bare lower-case noun needs a determiner, unless plural (`sources said`)."""
    first = ph.text.lower().split()[0]
    if ph.kind != "description" or sent.nested or first in DETERMINERS or first in GROUP_PRONOUNS:
        return False
    if is_number(first):  # `44 percent of voters`
        return False
    if _WHO_AFTER.match(sent.masked, ph.end, sent.end):
        return False  # `opposed by dock unions who said`: a relative clause's antecedent
    if _CLAUSE_START.search(sent.masked, max(sent.start, ph.start - 8), ph.start):
        return False  # `..., and human rights groups warned`: a coordinated clause's subject
    opening = sent.masked[sent.start : ph.start].strip()
    if opening.lower() in GROUP_OPENERS and opening[:1].isupper():
        return False  # `But dock workers say`: the subject of the sentence's one clause
    core_text = sent.masked[ph.start : ph.core_end] if ph.core_end else ph.text
    head = core_text.lower().split()[-1]
    if (
        is_plural(head)
        and _FRONTED_PHRASE.fullmatch(opening)
        and not any(w.lower() in lex.verb_forms for w in opening.split())
    ):
        return False  # `In Arden, dock workers said`: a group after a short fronted phrase
    return (
        not any(w[:1].isupper() for w in ph.text.split())
        and not (head.endswith("s") and head[:-1] in lex.role_fits)
        and head != "people"  # `people familiar with the talks said`
        and head not in lex.collective  # `after police said`
        and first not in SOURCE_DETERMINERS
    )
