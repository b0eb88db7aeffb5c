"""Every path the kit uses, fixed in one place and resolved from the package, not the cwd."""

from pathlib import Path

PROJ_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = PROJ_ROOT / "data"
ARTICLES_DIR = DATA_DIR / "articles"
LEXICON_DIR = DATA_DIR / "lexicons"
NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"
REPORTS_DIR = PROJ_ROOT / "reports"
BUNDLED_ARTICLE = ARTICLES_DIR / "tass_2021-03-19_putin-biden-talks.txt"
# corpora too large or not ours to commit live beside the project (gold files name them as
# "../shared/data/news-pool/...")
SHARED_DATA_DIR = PROJ_ROOT.parent / "shared" / "data"


def readable_roots(beside: Path | str | None = None) -> list[Path]:
    """The folders a file the kit reads may name an article in: the project, the shared data
    folder beside it, and the folder of the naming file itself (``beside``)."""
    roots = [PROJ_ROOT, SHARED_DATA_DIR]
    if beside is not None:
        roots.append(Path(beside).resolve().parent)
    return roots


def is_readable_place(path: Path | str, beside: Path | str | None = None) -> bool:
    """True when ``path`` (symbolic links followed) lies inside one of ``readable_roots``:
    a gold or corrections file cannot make the kit read (and echo) ``/etc/passwd``."""
    try:
        target = Path(path).resolve()
    except (OSError, RuntimeError):
        return False
    return any(target.is_relative_to(root.resolve()) for root in readable_roots(beside))


def display_path(path: Path | str) -> str:
    """A path as a user would type it: relative to the project when inside it."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(PROJ_ROOT))
    except (ValueError, OSError, RuntimeError):  # outside the project; a link loop
        return str(p)
