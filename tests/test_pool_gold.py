"""The news-pool gold (tests/gold/pool/, its held-out set and tests/gold/unseen/): well-formed,
large and varied enough, and free of the articles' text.

The pool articles are not ours to redistribute: they are read from ../shared/data/news-pool
beside the project, and the gold files hold offsets, speakers, cues, kinds and notes only.
Loading a pool file needs those articles, so those tests skip when they are absent; the checks
on the files themselves never need them. Nothing here runs the extractor: the extractor's
scores on the pool are the lead's to assert, and the held-out set is scored once, at the end.
"""

import json
import re
from pathlib import Path

import pytest

from helpers.gold import load_gold
from helpers.paths import PROJ_ROOT

GOLD_DIR = Path(__file__).resolve().parent / "gold"
POOL = sorted((GOLD_DIR / "pool").glob("*.json"))
# held-out articles, in the order they were annotated (heldout2: session 20's two)
HELDOUT = sorted((GOLD_DIR / "pool" / "heldout").glob("*.json")) + sorted(
    (GOLD_DIR / "pool" / "heldout2").glob("*.json")
)
UNSEEN = sorted((GOLD_DIR / "unseen").glob("*.json"))
NEWS_POOL = PROJ_ROOT.parent / "shared" / "data" / "news-pool"
NEWS_POOL_PREFIX = "../shared/data/news-pool/"

MIN_OUTLETS = 10  # issue 9: at least 10 different outlets
MIN_REQUIRED = 250  # issue 9: at least 250 required statements
MIN_ANNOTATED = 25  # issue 9: at least 25 articles annotated, 5 of them held out
MIN_HELDOUT = 5
MAX_QUOTED = 25  # a note may quote a few words of an article, never more than this

# a stretch between quotation marks: "…", “…”, ‘…’, or '…' where the marks are not
# apostrophes (no letter or digit before the opening one, none after the closing one)
_QUOTED = re.compile(r'"([^"]*)"|“([^”]*)”|‘([^’]*)’|(?<!\w)\'(.+?)\'(?!\w)')


def quotations(note: str) -> list[str]:
    """The stretches of a note between quotation marks."""
    return [next(g for g in m.groups() if g is not None) for m in _QUOTED.finditer(note)]


def _raw(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _notes(doc: dict) -> list[str]:
    notes = [doc.get("annotator_note") or ""]
    return notes + [s.get("note") or "" for s in doc["statements"]]


def _ids(paths):
    return [f"{p.parent.name}/{p.stem}" for p in paths]


needs_news_pool = pytest.mark.skipif(
    not NEWS_POOL.is_dir(),
    reason=f"the news-pool articles are not present at {NEWS_POOL} (not shipped: they are "
    "not ours to redistribute); put ../shared/data/news-pool beside the project to load "
    "the pool gold",
)


def test_the_gold_folders_are_there():
    assert POOL, "no gold files in tests/gold/pool/"
    assert HELDOUT, "no gold files in tests/gold/pool/heldout/"
    assert UNSEEN, "no gold files in tests/gold/unseen/"


def test_quotations_are_found_between_marks_but_not_apostrophes():
    note = "group 'those who said no', \"a b\", “c”, ‘d’; the doctors' letter, Reed's view"
    assert quotations(note) == ["those who said no", "a b", "c", "d"]
    assert quotations("after 'X said on Y's \"Show\"' here") == ['X said on Y\'s "Show"']


@needs_news_pool
@pytest.mark.parametrize("path", POOL + HELDOUT, ids=_ids(POOL + HELDOUT))
def test_pool_gold_loads_from_the_shared_articles(path):
    doc = load_gold(path)  # validates offsets, kinds, flags; fills text from the article
    assert doc.statements, f"{path.name} holds no statements"
    assert doc.article.path.parent.resolve() == NEWS_POOL.resolve()
    assert all(s.text.strip() for s in doc.statements)


@pytest.mark.parametrize("path", UNSEEN, ids=_ids(UNSEEN))
def test_unseen_gold_loads(path):
    doc = load_gold(path)  # a fictional article of ours: its text is in the project
    assert doc.statements and any(s.required for s in doc.statements)


@pytest.mark.parametrize("path", POOL + HELDOUT, ids=_ids(POOL + HELDOUT))
def test_pool_gold_holds_no_article_text(path):
    doc = _raw(path)
    assert "text" not in doc
    with_text = [i for i, s in enumerate(doc["statements"], 1) if "text" in s]
    assert not with_text, f"{path.name}: statements {with_text} hold a 'text' key"
    # the article is read from the shared folder, never from the project
    assert doc["article"].startswith(NEWS_POOL_PREFIX), doc["article"]


@pytest.mark.parametrize("path", POOL + HELDOUT + UNSEEN, ids=_ids(POOL + HELDOUT + UNSEEN))
def test_notes_quote_a_few_words_at_most(path):
    long = [q for note in _notes(_raw(path)) for q in quotations(note) if len(q) > MAX_QUOTED]
    assert not long, f"{path.name}: notes quote more than {MAX_QUOTED} characters: {long}"


def test_no_pool_article_is_in_the_project():
    names = {Path(_raw(p)["article"]).name for p in POOL + HELDOUT}
    for folder in (PROJ_ROOT / "data", PROJ_ROOT / "tests"):
        found = [str(f) for f in folder.rglob("*.txt") if f.name in names]
        assert not found, f"news-pool articles copied into the project: {found}"


def test_the_pool_is_large_and_varied_enough():
    dev = [_raw(p) for p in POOL]
    outlets = {d.get("outlet") for d in dev} - {None, ""}
    required = sum(s.get("required", True) for d in dev for s in d["statements"])
    assert len(outlets) >= MIN_OUTLETS, sorted(outlets)
    assert required >= MIN_REQUIRED
    assert len(HELDOUT) >= MIN_HELDOUT
    assert len(POOL) + len(HELDOUT) >= MIN_ANNOTATED


def test_held_out_articles_are_not_development_articles():
    dev = {_raw(p)["article"] for p in POOL}
    held = {_raw(p)["article"] for p in HELDOUT}
    assert not dev & held
    assert len(held) == len(HELDOUT)  # one gold file per article
