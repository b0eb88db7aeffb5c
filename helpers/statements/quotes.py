"""Stage 1, quotations: the kit's one quotation-mark scanner.

Curly, straight, single and guillemet marks; a quotation that runs over several paragraphs;
an unclosed quotation recovered at its paragraph end; apostrophes (won’t, Putin’s, the
Americans’ decision) never taken for marks. Every other module that needs to know what is
quoted (``quoted_share`` in notebook 02, gold validation) asks this one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

# The one table of quotation marks: opening mark -> the closing mark that ends it.
OPENERS = {"“": "”", "«": "»", "‘": "’", '"': '"', "'": "'"}
CLOSERS = {"”": "“", "»": "«", "’": "‘"}
ALL_MARKS = "“”«»‘’\"'"
_MARKS = re.compile("[" + re.escape(ALL_MARKS) + "]")
PLACEHOLDER = "\x00"  # stands for a quotation (marks included) in the masked text
# a quotation closing on a comma, right before what follows it (`“fantastic,” telling`, `has
# “saved the ferry,” claiming`): in the masked text the quotation hides that comma
CLOSING_COMMA = re.compile(r"[,;][”’\"'»]+\s*$")
# Two apostrophes (''like this'', as some newswires write) count as one straight double mark.
_TWO_APOSTROPHES = "''"
_JOINER = "\u2060"  # a zero-width character standing for the second apostrophe while scanning
# A quotation that opens within this many paragraph-crossing quotations before a paragraph
# end may run on over it (only the last few can).
_CROSSING_WINDOW = 3


@dataclass
class Quote:
    """A top-level quotation: where its marks are and where its content is."""

    open: int  # offset of the opening mark
    close: int  # offset just after the closing mark (or the paragraph end when unclosed)
    start: int  # content start
    end: int  # content end (before the closing mark)
    closed: bool = True


def _opening_context(text: str, i: int, lo: int) -> bool:
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in "([{—–-/“‘«\"'" or i == lo) and not nxt.isspace()


def _single_closes(text: str, i: int, hi: int) -> bool:
    """Whether a ’ or ' at i closes an open single quotation rather than being an apostrophe."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    if nxt.isalnum():
        return False  # won’t, Putin’s
    if prev.isspace():
        return False
    if prev in "sS" and nxt == " " and i + 2 < hi and text[i + 2].islower():
        return False  # the Americans’ decision
    return True


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """Top-level quotations in the paragraphs, in order; inner quotations stay inside them.

    Only the range the paragraphs cover is scanned (and copied, when it holds two
    apostrophes), so a call on one sentence costs the sentence, not the article."""
    lo = min((s for s, _ in paragraphs), default=0)
    hi = max((e for _, e in paragraphs), default=0)
    if text.find(_TWO_APOSTROPHES, lo, hi) == -1:
        return _Scanner(text, paragraphs).run()
    local = text[lo:hi].replace(_TWO_APOSTROPHES, '"' + _JOINER)
    shifted = [(s - lo, e - lo) for s, e in paragraphs]
    quotes = _Scanner(local, shifted).run()
    for q in quotes:
        if q.start < len(local) and local[q.start] == _JOINER:
            q.start += 1
        if q.closed and q.close < len(local) and local[q.close] == _JOINER:
            q.close += 1
        q.open, q.close, q.start, q.end = q.open + lo, q.close + lo, q.start + lo, q.end + lo
    return quotes


class _Scanner:
    """One pass over the marks of each paragraph with a stack of open quotations."""

    def __init__(self, text: str, paragraphs: list[tuple[int, int]]):
        self.text = text
        self.paragraphs = paragraphs
        self.quotes: list[Quote] = []
        self.stack: list[tuple[str, int]] = []
        self.carry: Quote | None = None  # a quotation running on into the next paragraph

    def run(self) -> list[Quote]:
        for n, (lo, hi) in enumerate(self.paragraphs):
            i = self._continue_carry(lo, hi)
            for mark in _MARKS.finditer(self.text, i, hi):
                self._mark(mark.start(), mark.group(), lo, hi)
            if self.stack:
                self._leave_open(hi, last=n + 1 == len(self.paragraphs))
        if self.carry is not None:
            self.quotes.append(self.carry)
        self.quotes.sort(key=lambda q: q.open)
        return self.quotes

    def _continue_carry(self, lo: int, hi: int) -> int:
        """Where scanning starts: after the opening mark that continues an open quotation."""
        carry, text = self.carry, self.text
        if carry is None:
            return lo
        j = lo
        while j < hi and text[j].isspace():
            j += 1
        self.stack = [(text[carry.open], carry.open)]
        if j < hi and text[j] == text[carry.open]:
            return j + 1  # the new opening mark continues the same quotation
        self.quotes.append(carry)  # no continuation: the quotation ended with its paragraph
        self.carry, self.stack = None, []
        return lo

    def _last(self, opener: str) -> int | None:
        return next(
            (k for k in range(len(self.stack) - 1, -1, -1) if self.stack[k][0] == opener), None
        )

    def _mark(self, i: int, ch: str, lo: int, hi: int) -> None:
        text = self.text
        prev = text[i - 1] if i > lo else " "
        nxt = text[i + 1] if i + 1 < hi else " "
        if ch in "“«":
            self.stack.append((ch, i))
        elif ch in "”»":
            k = self._last(CLOSERS[ch])
            if k is None and ch == "”":
                k = self._last('"')  # `"...”`: a straight mark closed by a curly one
            if k is not None:
                self._close(k, i)
        elif ch == '"':
            k = self._last('"')
            closing = not prev.isspace() or not _opening_context(text, i, lo)
            if k is None and closing and not _opening_context(text, i, lo):
                k = self._last("“")  # `“..."`: a curly mark closed by a straight one
            if k is not None and closing:
                self._close(k, i)
            elif _opening_context(text, i, lo):
                self.stack.append((ch, i))
        elif ch == "‘":
            if not prev.isalnum() and not nxt.isdigit() and not nxt.isspace():
                self.stack.append((ch, i))
        else:  # ’ or '
            k = self._last("‘" if ch == "’" else "'")
            double = self._last("“") if k is None and ch == "’" and nxt == "’" else None
            if double is not None:
                self._close(double, i, width=2)  # `“...’’`: two marks close a double
                return
            if k is not None and _single_closes(text, i, hi):
                self._close(k, i)
            elif ch == "'" and _opening_context(text, i, lo) and nxt.isalpha():
                self.stack.append((ch, i))

    def _close(self, k: int, i: int, width: int = 1) -> None:
        """The quotation opened at stack[k] closes with the mark at i (`width` characters)."""
        _mark, at = self.stack[k]
        del self.stack[k:]
        if k != 0:
            return  # an inner quotation: it stays inside the outer one
        carry = self.carry
        if carry is not None:
            self.quotes.append(Quote(carry.open, i + width, carry.start, i, True))
        else:
            self.quotes.append(Quote(at, i + width, at + 1, i, True))
        self.carry = None

    def _leave_open(self, hi: int, last: bool) -> None:
        """The paragraph ends inside a quotation: it may run on into the next paragraph."""
        _mark, base_open = self.stack[0]
        carry = self.carry
        start = carry.start if carry is not None else base_open + 1
        open_at = carry.open if carry is not None else base_open
        self.carry = Quote(open_at, hi, start, hi, closed=False)
        if last:
            self.quotes.append(self.carry)
            self.carry = None
        self.stack = []


def recover(text: str, q: Quote, cue_finder) -> Quote:
    """An unclosed quotation that holds its own cue (`"We won, he said.`) ends before the cue."""
    if q.closed:
        return q
    for m in cue_finder.finditer(text, q.start, q.end):
        comma = text.rfind(",", q.start, m.start)
        if comma < 0:
            continue
        who = text[comma + 1 : m.start].split()
        after = text[m.end : q.end]
        if 1 <= len(who) <= 4 and re.fullmatch(r"[^,.!?]{0,40}[.!?]?\s*", after):
            return Quote(q.open, comma + 1, q.start, comma + 1, closed=False)
    return q


def mask(text: str, quotes: list[Quote]) -> str:
    """The text with every given quotation (marks included) replaced by placeholders."""
    parts = []
    pos = 0
    for q in quotes:
        if q.open < pos:
            continue
        parts.append(text[pos : q.open])
        parts.append(PLACEHOLDER * (q.close - q.open))
        pos = q.close
    parts.append(text[pos:])
    return "".join(parts)


def sections(pars: list[tuple[int, int]], quotes: list[Quote]):
    """Paragraph ranges, joined where a quotation runs on from one paragraph to the next;
    each with the quotations that open in it."""
    out = []
    opens = [q.open for q in quotes]
    crossing = [(q.open, q.close) for q in quotes if not q.closed or q.close > q.open]
    i = 0
    while i < len(pars):
        lo, hi = pars[i]
        j = i
        while j + 1 < len(pars) and _crossed(crossing, pars[j][1]):
            j += 1
            hi = pars[j][1]
        qs = quotes[bisect_left(opens, lo) : bisect_left(opens, hi)]
        out.append((lo, hi, qs))
        i = j + 1
    return out


def _crossed(crossing: list[tuple[int, int]], at: int) -> bool:
    """Whether a quotation opening before `at` closes after it (only the last few can)."""
    k = bisect_left(crossing, (at, -1))
    return any(o < at < c for o, c in crossing[max(0, k - _CROSSING_WINDOW) : k])


def quotes_in(quotes: list[Quote], opens: list[int], a: int, b: int) -> list[Quote]:
    """The quotations (sorted by opening mark, `opens` their offsets) opening in [a, b)."""
    return quotes[bisect_left(opens, a) : bisect_left(opens, b)]


def quote_at(quotes: list[Quote], pos: int) -> Quote | None:
    """The quotation whose opening mark is at pos."""
    return next((q for q in quotes if q.open == pos), None)


def inner_masked(text: str, quotes: list[Quote]) -> tuple[str, dict[int, list[Quote]]]:
    """The text with the quotations *inside* each top-level quotation masked, built once
    for the whole article; with each top-level quotation's inner quotations by its start."""
    inner: dict[int, list[Quote]] = {}
    every: list[Quote] = []
    for q in quotes:
        found = find_quotes(text, [(q.start, q.end)]) if q.end > q.start else []
        inner[q.start] = found
        every.extend(found)
    return mask(text, every), inner


def quoted_spans(text: str, starts_inside: bool = False) -> list[tuple[int, int]]:
    """Content spans of the top-level quotations in a text taken as one paragraph.

    ``starts_inside`` is for a direct statement's content, whose opening mark was cut off (its
    closing marks may still interrupt it: ``A,” he said, “B``): the text is read as if it
    opened with the mark that its first closing mark closes."""
    if not starts_inside:
        return [(q.start, q.end) for q in find_quotes(text, [(0, len(text))])]
    text = text.replace(_TWO_APOSTROPHES, '"' + _JOINER)  # same length: offsets hold
    closing = _first_unmatched_close(text)
    opener = _OPENER_OF[closing]
    wrapped = opener + text + closing
    spans = []
    for q in find_quotes(wrapped, [(0, len(wrapped))]):
        s, e = max(q.start - 1, 0), min(q.end - 1, len(text))
        if s < e and text[s] == _JOINER:
            s += 1
        if e > s:
            spans.append((s, e))
    return spans


_OPENER_OF = {"”": "“", "»": "«", "’": "‘", '"': '"', "'": "'"}


def _first_unmatched_close(text: str) -> str:
    """The closing mark of the quotation a text starts inside: the first closing mark that no
    opening mark in the text matches (apostrophes are skipped); `”` when there is none."""
    opened = dict.fromkeys(OPENERS, 0)
    for m in _MARKS.finditer(text):
        i, ch = m.start(), m.group()
        if ch in "“«‘":
            opened[ch] += 1
        elif ch in "”»’":
            if ch == "’" and not _single_closes(text, i, len(text)):
                continue  # an apostrophe
            if opened[CLOSERS[ch]]:
                opened[CLOSERS[ch]] -= 1
            else:
                return ch
        elif _opening_context(text, i, 0) and (ch == '"' or text[i + 1 : i + 2].isalpha()):
            opened[ch] += 1
        elif ch == '"' or _single_closes(text, i, len(text)):
            if opened[ch]:
                opened[ch] -= 1
            else:
                return ch
    return "”"
