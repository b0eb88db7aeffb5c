"""Who says what: the statements of a news article (docs/statements.md has the rules).

A statement is one reporting event: a speaker, a cue of saying, and the content reported.
The extractor needs no tagger or model: quotation marks, capitalisation, our lexicons under
data/lexicons/ and word position. Its stages, in the order data flows through them, are the
modules of this package:

1. ``quotes``     the one quotation scanner (marks, runs over paragraphs, recovery);
2. ``sentences``  quote-safe sentence spans;
3. ``cues``       cue candidates (reporting verbs, `according to`, `in X's view`) and checks;
4. ``sites``      where a verb cue's speaker phrase is; ``mentions``, the phrase itself
   (``phrases``: the shapes it can take; ``groups``: relative clauses and groups before the
   cue);
5. ``content``    the ordered table of content rules (``content_sources``: `according to X`,
   `in X's view`);
6. ``people`` and ``resolve``  the persons and organisations of the article (``names``:
   what each run of capitalised words names; ``genders``: each person's gender), and the
   canonical speaker of each mention (``resolve_pronouns``: pronouns and documents;
   ``resolve_orgs``: organisations;
   ``resolve_sources``: written and counted sources);
7. ``records``    the typed Statement and its table;
``pipeline`` runs the passes (``pipeline_passes``: floating and nested statements),
``explain`` shows every decision with its reason (``reasons``), ``speakers`` derives the
per-speaker tables.
"""

from __future__ import annotations

from helpers.article import Article
from helpers.statements.explain import EXPLAIN_COLUMNS, explain_records, explain_statements
from helpers.statements.pipeline import Extractor
from helpers.statements.quotes import Quote, find_quotes, quoted_spans
from helpers.statements.records import (
    COLUMNS,
    PEOPLE_COLUMNS,
    SPEAKER_COLUMNS,
    UNKNOWN,
    Statement,
    to_frame,
)
from helpers.statements.speakers import mentioned_people, speakers_table

__all__ = [
    "COLUMNS",
    "EXPLAIN_COLUMNS",
    "PEOPLE_COLUMNS",
    "SPEAKER_COLUMNS",
    "UNKNOWN",
    "Quote",
    "Statement",
    "explain_records",
    "explain_statements",
    "extract_statements",
    "find_quotes",
    "mentioned_people",
    "quoted_spans",
    "speakers_table",
    "statement_records",
]


def statement_records(article: Article) -> list[Statement]:
    """The statements as typed records, in text order (no pandas needed)."""
    return Extractor(article).run()


def extract_statements(article: Article, corrections=False):
    """One row per statement, in text order, with the contract's columns.

    ``corrections``: False (the default) gives the kit's own statements; None applies
    ``<article>.corrections.csv`` when there is one beside the article; a path applies that
    file (see helpers.corrections). Corrected tables carry a ``correction`` column and the
    report of what was applied in ``df.attrs["corrections"]``."""
    frame = to_frame(statement_records(article))
    if corrections is False:
        return frame
    from helpers.corrections import apply_corrections
    from helpers.corrections_cli import corrections_file

    path = corrections_file(article, corrections)
    if path is None:
        return frame
    return apply_corrections(frame, article, path)[0]
