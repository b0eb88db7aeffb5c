"""Recurring words and multi-word terms, where they occur, and whose voice uses them.

Terms are word n-grams (2 to 4 words) counted inside sentences, headline and subheadings
included; punctuation (a comma, a quotation mark, a bracket) ends a run of words, so no term
spans it. Counting is case-folded with curly and straight apostrophes made equal; every term
is shown in the form the text uses most. Stopwords are removed only *after* counting: a term
may hold them inside ("state of emergency") but not at its edges ("of the" is no term).
A run of two or more stopwords that comes before a term every single time it occurs is a
set phrase and is kept with it (see docs/terms.md). Association is Dunning's log-likelihood
ratio G², from NLTK's collocation finders.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from helpers.article import Article, ArticleError
from helpers.lexicons import read_lexicon
from helpers.paths import display_path
from helpers.tokens import Token, is_word, stopwords, tokens, word_spans

MIN_WORDS, MAX_WORDS = 2, 4
MIN_LEAD = 2  # stopwords that must precede a term every time for them to join it
NARRATOR = "narrator"

TERM_COLUMNS = [
    "term",
    "count",
    "words",
    "g2",
    "contains",
    "part_of",
    "alone",
    "folded_into",
]
CONCORDANCE_COLUMNS = [
    "left",
    "term",
    "right",
    "start",
    "end",
    "paragraph",
    "block",
    "voice",
    "kind",
]
DISPERSION_COLUMNS = ["term", "word_index", "start", "end", "paragraph", "block"]

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_SPACES = re.compile(r"\s+")

Stoplist = Iterable[str] | str | Path | None


def fold(word: str) -> str:
    """The counting key of a token: lower case, every apostrophe made straight."""
    return word.translate(_APOSTROPHES).lower()


def resolve_stopwords(stop: Stoplist = None) -> frozenset[str]:
    """The stopword set to use: ours by default, a collection of words, or a lexicon file."""
    if stop is None:
        return frozenset(fold(w) for w in stopwords())
    if isinstance(stop, str | Path):
        path = Path(stop)
        if not path.is_file():
            raise ArticleError(
                f"{display_path(path)} is not a stopword file — give a text file with one "
                "word a line ('#' starts a comment), or leave it out to use ours"
            )
        try:
            return frozenset(fold(w) for w in read_lexicon(path))
        except UnicodeDecodeError as exc:
            raise ArticleError(
                f"{display_path(path)} is not UTF-8 text (byte {exc.object[exc.start]:#04x} at "
                f"position {exc.start}) — save the stopword list as UTF-8"
            ) from None
        except OSError as exc:
            raise ArticleError(
                f"{display_path(path)} cannot be read ({exc.strerror}) — check its permissions"
            ) from None
    return frozenset(fold(w) for w in stop)


# ---------------------------------------------------------------------------------------
# The token index: built once per article and reused by every function below
# ---------------------------------------------------------------------------------------


@dataclass
class _Index:
    toks: list[Token]
    keys: list[str]
    word_index: list[int]  # position among the article's words; -1 for punctuation
    segments: list[tuple[int, int]]  # [first, last) token ranges of unbroken word runs
    n_words: int
    blocks: list[str]  # "headline", "subheading" or "paragraph", per token
    seg_start: list[int]  # per token: the first token of its word run (-1 for punctuation)
    by_first: dict[str, list[int]] = field(default_factory=dict)
    finders: dict[int, object] = field(default_factory=dict)  # NLTK collocation finders by n
    tables: dict[tuple, pd.DataFrame] = field(default_factory=dict)  # unsorted term tables


_CACHE: list = [None, None, None]  # article, its text, its index


def clear_cache() -> None:
    """Forget the last article's token index (benchmarks use this to time a cold start)."""
    _CACHE[:] = [None, None, None]


def _index(article: Article) -> _Index:
    if _CACHE[0] is article and _CACHE[1] is article.text:
        return _CACHE[2]
    toks = tokens(article, include_headings=True)
    keys = [fold(t.text) for t in toks]
    word_index, segments, blocks = [], [], []
    n_words, run_start, prev_sentence = 0, None, None
    kind_of = {}
    for block in article.blocks:
        kind_of[block.start] = block.kind
    starts = sorted(kind_of)
    b = 0
    for i, t in enumerate(toks):
        while b + 1 < len(starts) and starts[b + 1] <= t.start:
            b += 1
        blocks.append(kind_of[starts[b]] if starts else "paragraph")
        word = is_word(t.text)
        if run_start is not None and (not word or t.sentence != prev_sentence):
            segments.append((run_start, i))
            run_start = None
        if word:
            word_index.append(n_words)
            n_words += 1
            if run_start is None:
                run_start = i
        else:
            word_index.append(-1)
        prev_sentence = t.sentence
    if run_start is not None:
        segments.append((run_start, len(toks)))
    seg_start = [-1] * len(toks)
    for first, last in segments:
        seg_start[first:last] = [first] * (last - first)
    by_first: dict[str, list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        by_first[k].append(i)
    index = _Index(toks, keys, word_index, segments, n_words, blocks, seg_start, dict(by_first))
    _CACHE[:] = [article, article.text, index]
    return index


def _surface(article: Article, index: _Index, first: int, last: int) -> str:
    """The words from token first to token last as written, line breaks made spaces."""
    text = article.text[index.toks[first].start : index.toks[last].end]
    return _SPACES.sub(" ", text)


def _most_common(forms: Counter) -> str:
    """The most used form; on a tie the one with fewer capitals (headline case loses), then
    the alphabetically first, so the result never depends on dict order."""
    return sorted(forms.items(), key=lambda kv: (-kv[1], sum(c.isupper() for c in kv[0]), kv[0]))[
        0
    ][0]


# ---------------------------------------------------------------------------------------
# Words
# ---------------------------------------------------------------------------------------


def word_frequencies(
    article: Article, n: int = 20, stop: Stoplist = None, include_headings: bool = True
) -> pd.DataFrame:
    """The n most frequent words without stopwords and numbers: word (most used form), count.

    Words are counted case-folded (apostrophes folded too) and shown in their most used form;
    the headline and subheadings count, as they do for terms. ``stop`` may be a word
    collection or a lexicon file.
    """
    stopset = resolve_stopwords(stop)
    index = _index(article)
    freq: Counter = Counter()
    forms: dict[str, Counter] = defaultdict(Counter)
    for t, key, wi, blk in zip(index.toks, index.keys, index.word_index, index.blocks, strict=True):
        if wi < 0 or key in stopset or t.text.replace(",", "").replace(".", "").isdigit():
            continue
        if not include_headings and blk != "paragraph":
            continue
        freq[key] += 1
        forms[key][t.text] += 1
    ranked = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    return pd.DataFrame(
        [{"word": _most_common(forms[k]), "count": c} for k, c in ranked],
        columns=["word", "count"],
    )


# ---------------------------------------------------------------------------------------
# Multi-word terms
# ---------------------------------------------------------------------------------------


@dataclass
class _Term:
    key: tuple[str, ...]
    spans: list[int]  # first token of each occurrence
    forms: Counter = field(default_factory=Counter)
    g2: float = float("nan")
    folded_into: tuple[str, ...] | None = None
    contains: list[tuple[str, ...]] = field(default_factory=list)
    part_of: list[tuple[str, ...]] = field(default_factory=list)
    alone: int = 0

    @property
    def count(self) -> int:
        return len(self.spans)


def _ngrams(index: _Index, max_words: int) -> dict[tuple[str, ...], list[int]]:
    found: dict[tuple[str, ...], list[int]] = defaultdict(list)
    keys = index.keys
    for first, last in index.segments:
        for i in range(first, last):
            for n in range(MIN_WORDS, max_words + 1):
                if i + n > last:
                    break
                found[tuple(keys[i : i + n])].append(i)
    return found


def _lead(index: _Index, spans: list[int], stopset: frozenset[str], room: int) -> int:
    """How many stopwords, the same ones each time, precede every occurrence (0 if < MIN_LEAD)."""
    seg_start = index.seg_start
    best = 0
    for lead in range(1, room + 1):
        before = set()
        for s in spans:
            if s - lead < seg_start[s]:
                return best
            before.add(tuple(index.keys[s - lead : s]))
        if len(before) != 1 or not all(k in stopset for k in next(iter(before))):
            return best
        if lead >= MIN_LEAD:
            best = lead
    return best


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> list[int]:
    n = len(short)
    return [i for i in range(len(long) - n + 1) if long[i : i + n] == short]


def _finders(index: _Index) -> dict[int, object]:
    """NLTK's bigram, trigram and quadgram collocation finders over the runs of words.

    The counts are exactly those ``XCollocationFinder.from_documents(runs)`` gathers (no
    n-gram crosses a run); we tally them in plain Counters and hand them to the finders'
    constructors, because filling NLTK's FreqDists one increment at a time is the slowest
    step of the whole analysis.
    """
    if index.finders:
        return index.finders
    from nltk.collocations import (
        BigramCollocationFinder,
        QuadgramCollocationFinder,
        TrigramCollocationFinder,
    )
    from nltk.probability import FreqDist

    w: Counter = Counter()
    ii: Counter = Counter()
    iii: Counter = Counter()
    iiii: Counter = Counter()
    ixi: Counter = Counter()
    ixxi: Counter = Counter()
    ixii: Counter = Counter()
    iixi: Counter = Counter()
    keys = index.keys
    for first, last in index.segments:
        for i in range(first, last):
            w1 = keys[i]
            w[w1] += 1
            if i + 1 >= last:
                continue
            w2 = keys[i + 1]
            ii[w1, w2] += 1
            if i + 2 >= last:
                continue
            w3 = keys[i + 2]
            iii[w1, w2, w3] += 1
            ixi[w1, w3] += 1
            if i + 3 >= last:
                continue
            w4 = keys[i + 3]
            iiii[w1, w2, w3, w4] += 1
            ixxi[w1, w4] += 1
            ixii[w1, w3, w4] += 1
            iixi[w1, w2, w4] += 1
    fd = {name: FreqDist(c) for name, c in locals().items() if isinstance(c, Counter)}
    index.finders = {
        2: BigramCollocationFinder(fd["w"], fd["ii"]),
        3: TrigramCollocationFinder(fd["w"], fd["ii"], fd["ixi"], fd["iii"]),
        4: QuadgramCollocationFinder(
            fd["w"], fd["iiii"], fd["ii"], fd["iii"], fd["ixi"], fd["ixxi"], fd["iixi"], fd["ixii"]
        ),
    }
    return index.finders


def _association(index: _Index, terms: list[_Term]) -> None:
    """Fill in G² (log-likelihood ratio) for every term, with NLTK's finder for its length."""
    from nltk.metrics import (
        BigramAssocMeasures,
        QuadgramAssocMeasures,
        TrigramAssocMeasures,
    )

    measures = {2: BigramAssocMeasures, 3: TrigramAssocMeasures, 4: QuadgramAssocMeasures}
    finders = _finders(index)
    for t in terms:
        try:
            score = finders[len(t.key)].score_ngram(measures[len(t.key)].likelihood_ratio, *t.key)
        except (ValueError, ZeroDivisionError):
            # NLTK's formula takes log(0) when a term fills the whole text ("bus bus bus"):
            # no association can be measured without anything to compare with
            score = None
        t.g2 = round(float(score), 2) if score is not None else float("nan")


def recurring_terms(
    article: Article,
    min_count: int = 2,
    stop: Stoplist = None,
    max_words: int = MAX_WORDS,
    rank_by: str = "count",
    include_folded: bool = False,
) -> pd.DataFrame:
    """Multi-word terms seen at least ``min_count`` times, ranked by count (or by "g2").

    Columns: term (most used written form), count, words, g2 (log-likelihood association),
    contains (shorter terms folded into this one because they never occur without it),
    part_of (longer terms that hold this one only some of the time), alone (occurrences
    outside those longer terms), folded_into ("" unless ``include_folded`` shows folded rows).
    """
    if rank_by not in {"count", "g2"}:
        raise ValueError(f"rank_by must be 'count' or 'g2', not {rank_by!r}")
    if not MIN_WORDS <= max_words <= MAX_WORDS:
        raise ValueError(f"max_words must be between {MIN_WORDS} and {MAX_WORDS}")
    min_count = max(2, int(min_count))
    stopset = resolve_stopwords(stop)
    index = _index(article)
    cache_key = (min_count, stopset, max_words, include_folded)
    if cache_key not in index.tables:
        index.tables[cache_key] = _term_table(
            article, index, min_count, stopset, max_words, include_folded
        )
    table = index.tables[cache_key].copy()
    if table.empty:
        return table
    order = ["count", "g2"] if rank_by == "count" else ["g2", "count"]
    table["_fold"] = table["term"].str.lower()
    table = table.sort_values(
        [*order, "words", "_fold"], ascending=[False, False, False, True], kind="mergesort"
    )
    return table.drop(columns="_fold").reset_index(drop=True)


def term_records(
    article: Article,
    min_count: int = 2,
    stop: Stoplist = None,
    max_words: int = MAX_WORDS,
    rank_by: str = "count",
    include_folded: bool = False,
) -> list[dict]:
    """The rows of ``recurring_terms`` as plain dicts, in the same order, without building a
    DataFrame (corpus mode calls this for thousands of articles)."""
    if rank_by not in {"count", "g2"}:
        raise ValueError(f"rank_by must be 'count' or 'g2', not {rank_by!r}")
    if not MIN_WORDS <= max_words <= MAX_WORDS:
        raise ValueError(f"max_words must be between {MIN_WORDS} and {MAX_WORDS}")
    rows = _term_rows(
        article,
        _index(article),
        max(2, int(min_count)),
        resolve_stopwords(stop),
        max_words,
        include_folded,
    )

    def key(row: dict):
        g2 = row["g2"]
        g2_key = (1, 0.0) if g2 != g2 else (0, -g2)  # NaN last, as pandas sorts it
        first, second = (
            ((-row["count"],), g2_key) if rank_by == "count" else (g2_key, (-row["count"],))
        )
        return (first, second, -row["words"], row["term"].lower())

    return sorted(rows, key=key)


def _term_table(
    article: Article,
    index: _Index,
    min_count: int,
    stopset: frozenset[str],
    max_words: int,
    include_folded: bool,
) -> pd.DataFrame:
    """The term table before ranking (a DataFrame of ``_term_rows``)."""
    rows = _term_rows(article, index, min_count, stopset, max_words, include_folded)
    table = pd.DataFrame(rows, columns=TERM_COLUMNS)
    if table.empty:
        return table.astype({"count": int, "words": int, "g2": float, "alone": int})
    return table


def _term_rows(
    article: Article,
    index: _Index,
    min_count: int,
    stopset: frozenset[str],
    max_words: int,
    include_folded: bool,
) -> list[dict]:
    """The terms before ranking: candidates, set phrases, folding, forms and G²."""
    grams = _ngrams(index, max_words)

    # 1. core terms: recurring, no stopword at either edge
    terms: dict[tuple[str, ...], _Term] = {}
    for key, spans in grams.items():
        if len(spans) >= min_count and key[0] not in stopset and key[-1] not in stopset:
            terms[key] = _Term(key, list(spans))
    # 2. set phrases: the same run of >= MIN_LEAD stopwords before every occurrence joins in
    for key in sorted(terms, key=len):
        room = max_words - len(key)
        if room < MIN_LEAD:
            continue
        lead = _lead(index, terms[key].spans, stopset, room)
        if lead:
            spans = [s - lead for s in terms[key].spans]
            longer = tuple(index.keys[spans[0] : spans[0] + lead]) + key
            terms.setdefault(longer, _Term(longer, spans))
    # 3. folding: a term that never occurs outside one longer term is folded into it
    occurrences = {k: {(s, s + len(k)) for s in t.spans} for k, t in terms.items()}
    by_length = sorted(terms, key=lambda k: (-len(k), k))
    for key in by_length:
        term = terms[key]
        covered_by: dict[tuple[str, ...], int] = {}
        inside = set()
        for other in by_length:
            if len(other) <= len(key) or terms[other].folded_into is not None:
                continue
            offsets = _contains(other, key)
            if not offsets:
                continue
            hits = {
                (s + off, s + off + len(key))
                for s, _ in occurrences[other]
                for off in offsets
                if (s + off, s + off + len(key)) in occurrences[key]
            }
            if hits:
                covered_by[other] = len(hits)
                inside |= hits
        full = [o for o, n in covered_by.items() if n == term.count]
        if full:
            target = max(full, key=lambda o: (terms[o].count, len(o), o))
            term.folded_into = target
            terms[target].contains.append(key)
        else:
            term.part_of = sorted(covered_by, key=lambda o: (-covered_by[o], o))
            term.alone = term.count - len(inside)
    for term in terms.values():
        if term.folded_into is None and not term.part_of:
            term.alone = term.count
    # 4. written forms and association scores
    for key, term in terms.items():
        for s in term.spans:
            term.forms[_surface(article, index, s, s + len(key) - 1)] += 1
    _association(index, list(terms.values()))

    def shown(k: tuple[str, ...] | None) -> str:
        return "" if k is None else _most_common(terms[k].forms)

    rows = []
    for key, term in terms.items():
        if term.folded_into is not None and not include_folded:
            continue
        rows.append(
            {
                "term": shown(key),
                "count": term.count,
                "words": len(key),
                "g2": term.g2,
                "contains": "; ".join(shown(k) for k in sorted(term.contains, key=len)),
                "part_of": "; ".join(shown(k) for k in term.part_of),
                "alone": term.alone,
                "folded_into": shown(term.folded_into),
            }
        )
    return rows


# ---------------------------------------------------------------------------------------
# Finding a word or phrase: concordance (KWIC), dispersion, voices
# ---------------------------------------------------------------------------------------


def _query_keys(term: str) -> tuple[str, ...]:
    keys = tuple(fold(term[s:e]) for s, e in word_spans(term))
    if not any(is_word(k) for k in keys):
        raise ArticleError(f"the query {term!r} holds no word — give a word or a phrase")
    return keys


def find(article: Article, term: str) -> list[tuple[int, int]]:
    """Token ranges [first, last] where a word or phrase occurs, matched case-insensitively,
    across line breaks and whatever the apostrophes."""
    index = _index(article)
    keys = _query_keys(term)
    n = len(keys)
    out = []
    for i in index.by_first.get(keys[0], ()):
        if tuple(index.keys[i : i + n]) == keys:
            out.append((i, i + n - 1))
    return out


def _statement_spans(statements: pd.DataFrame) -> list[tuple[int, int, bool, str, str]]:
    if statements is None or len(statements) == 0:
        return []
    nested = statements["nested"] if "nested" in statements else [False] * len(statements)
    kinds = statements["kind"] if "kind" in statements else [""] * len(statements)
    return [
        (int(s), int(e), bool(n), str(sp), str(k))
        for s, e, n, sp, k in zip(
            statements["start"],
            statements["end"],
            nested,
            statements["speaker"],
            kinds,
            strict=True,
        )
    ]


def _voice(spans, start: int, end: int) -> tuple[str, str]:
    """The speaker (and kind) of the innermost statement whose content holds [start, end)."""
    best = None
    for s, e, nested, speaker, kind in spans:
        if s <= start and end <= e:
            rank = (e - s, not nested)
            if best is None or rank < best[0]:
                best = (rank, speaker, kind)
    return (best[1], best[2]) if best else (NARRATOR, "")


def _statements(article: Article, statements: pd.DataFrame | None) -> pd.DataFrame:
    if statements is not None:
        return statements
    from helpers.statements import extract_statements

    return extract_statements(article)


def concordance(
    article: Article,
    term: str,
    width: int = 40,
    statements: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Key word in context: every occurrence of ``term`` with ``width`` characters each side.

    Columns: left, term (as written), right, start, end (offsets into the file), paragraph
    (0 in the headline and subheadings), block, voice ("narrator" or the speaker whose
    statement content holds the match, the innermost one for nested statements) and kind of
    that statement ("" for the narrator). ``statements`` defaults to the extractor's.
    """
    index = _index(article)
    hits = find(article, term)
    spans = _statement_spans(_statements(article, statements)) if hits else []
    rows = []
    text = article.text
    for first, last in hits:
        start, end = index.toks[first].start, index.toks[last].end
        voice, kind = _voice(spans, start, end)
        rows.append(
            {
                "left": _context(text, _block_start(article, start), start, width, "left"),
                "term": _SPACES.sub(" ", text[start:end]),
                "right": _context(text, end, _block_end(article, end), width, "right"),
                "start": start,
                "end": end,
                "paragraph": index.toks[first].paragraph,
                "block": index.blocks[first],
                "voice": voice,
                "kind": kind,
            }
        )
    table = pd.DataFrame(rows, columns=CONCORDANCE_COLUMNS)
    return table if rows else table.astype({"start": int, "end": int, "paragraph": int})


def _block_start(article: Article, offset: int) -> int:
    return max((b.start for b in article.blocks if b.start <= offset), default=0)


def _block_end(article: Article, offset: int) -> int:
    return min((b.end for b in article.blocks if b.end >= offset), default=len(article.text))


def _context(text: str, start: int, end: int, width: int, side: str) -> str:
    """Up to ``width`` characters of one side of a match, inside its paragraph, whole words
    only (a word cut by the width is left out)."""
    if side == "left":
        cut = max(start, end - width)
        piece = text[cut:end]
        if cut > start and not text[cut - 1].isspace() and not piece[:1].isspace():
            piece = piece.split(None, 1)[1] if len(piece.split(None, 1)) > 1 else ""
    else:
        cut = min(end, start + width)
        piece = text[start:cut]
        if cut < end and not text[cut].isspace() and not piece[-1:].isspace():
            piece = piece.rsplit(None, 1)[0] if len(piece.rsplit(None, 1)) > 1 else ""
    return _SPACES.sub(" ", piece)


def _term_list(terms: Sequence[str] | pd.DataFrame | str) -> list[str]:
    if isinstance(terms, str):
        return [terms]
    if isinstance(terms, pd.DataFrame):
        return list(terms["term"])
    return list(terms)


def dispersion_table(article: Article, terms: Sequence[str] | pd.DataFrame) -> pd.DataFrame:
    """Where each term occurs: word_index (its first word's position among the article's
    words, headline first), character start and end, paragraph and block."""
    index = _index(article)
    rows = []
    for term in _term_list(terms):
        for first, last in find(article, term):
            rows.append(
                {
                    "term": term,
                    "word_index": index.word_index[first],
                    "start": index.toks[first].start,
                    "end": index.toks[last].end,
                    "paragraph": index.toks[first].paragraph,
                    "block": index.blocks[first],
                }
            )
    table = pd.DataFrame(rows, columns=DISPERSION_COLUMNS)
    if rows:
        return table
    return table.astype({"word_index": int, "start": int, "end": int, "paragraph": int})


def word_count(article: Article) -> int:
    """Words in the article, headline and subheadings included (the dispersion x-axis)."""
    return _index(article).n_words


def paragraph_word_starts(article: Article) -> list[tuple[int, int]]:
    """(paragraph number, word index of its first word) for each paragraph."""
    index = _index(article)
    seen: dict[int, int] = {}
    for t, wi, blk in zip(index.toks, index.word_index, index.blocks, strict=True):
        if wi >= 0 and blk == "paragraph" and t.paragraph not in seen:
            seen[t.paragraph] = wi
    return sorted(seen.items())


def terms_by_voice(
    article: Article,
    terms: Sequence[str] | pd.DataFrame | None = None,
    statements: pd.DataFrame | None = None,
    top: int = 10,
) -> pd.DataFrame:
    """How often each voice uses each term: one row per term, a column per voice
    (``narrator`` first, then speakers, most uses first), plus ``total``.

    ``terms`` defaults to the ``top`` recurring terms; ``statements`` to the extractor's.
    """
    if terms is None:
        terms = recurring_terms(article).head(top)
    names = _term_list(terms)
    index = _index(article)
    found = {name: find(article, name) for name in names}
    spans = _statement_spans(_statements(article, statements)) if any(found.values()) else []
    counts: dict[str, Counter] = {}
    totals: Counter = Counter()
    for name in names:
        c: Counter = Counter()
        for first, last in found[name]:
            voice, _ = _voice(spans, index.toks[first].start, index.toks[last].end)
            c[voice] += 1
        counts[name] = c
        totals.update(c)
    speakers = sorted((v for v in totals if v != NARRATOR), key=lambda v: (-totals[v], v))
    voices = [NARRATOR, *speakers]
    rows = [
        {"term": name, **{v: counts[name][v] for v in voices}, "total": sum(counts[name].values())}
        for name in names
    ]
    return pd.DataFrame(rows, columns=["term", *voices, "total"])


def naming_words(statements: pd.DataFrame, people: pd.DataFrame | None = None) -> frozenset[str]:
    """Words that name who speaks or how: speakers' names, roles and mentions, and the cues
    of the statements (plus names and roles of a mentioned_people table), case-folded."""
    texts: list[str] = []
    for table, columns in (
        (statements, ("speaker", "role", "mention", "cue")),
        (people, ("name", "role")),
    ):
        if table is None or len(table) == 0:
            continue
        for column in columns:
            if column in table:
                texts.extend(str(v) for v in table[column] if isinstance(v, str) and v)
    out = set()
    for text in texts:
        out.update(fold(text[s:e]) for s, e in word_spans(text) if is_word(text[s:e]))
    return frozenset(out - {"unknown"})


def choose_terms(
    article: Article,
    n: int = 3,
    terms: pd.DataFrame | None = None,
    statements: pd.DataFrame | None = None,
    people: pd.DataFrame | None = None,
    stop: Stoplist = None,
) -> list[str]:
    """Up to n terms worth reading in context, chosen by rule, never by name: the best-ranked
    terms about the story rather than about who speaks, i.e. holding no word of a speaker's
    name, role or mention and no cue (see naming_words); others only to make up n."""
    if terms is None:
        terms = recurring_terms(article)
    if terms.empty or n < 1:
        return []
    stopset = resolve_stopwords(stop)
    naming = naming_words(_statements(article, statements), people) - stopset
    ranked = list(terms["term"])

    def about_the_story(term: str) -> bool:
        return not any(k in naming for k in _query_keys(term))

    first = [t for t in ranked if about_the_story(t)]
    rest = [t for t in ranked if t not in first]
    return (first + rest)[:n]
