"""Our own word lists under data/lexicons/: read once, one entry a line, '#' starts a comment."""

from functools import cache
from pathlib import Path

from helpers.paths import LEXICON_DIR


def read_lexicon(path: Path | str) -> tuple[str, ...]:
    """Entries of a lexicon file, in file order, without comments or blank lines."""
    entries = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.append(entry)
    return tuple(entries)


@cache
def lexicon(name: str) -> tuple[str, ...]:
    """A bundled lexicon by name: ``lexicon("stopwords")`` reads data/lexicons/stopwords.txt."""
    return read_lexicon(LEXICON_DIR / f"{name}.txt")


@cache
def lexicon_set(name: str) -> frozenset[str]:
    """A bundled lexicon as a lower-cased set, for membership tests."""
    return frozenset(e.lower() for e in lexicon(name))
