"""Every path the kit uses, fixed in one place and resolved from the package, not the cwd."""

from pathlib import Path

PROJ_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = PROJ_ROOT / "data"
ARTICLES_DIR = DATA_DIR / "articles"
LEXICON_DIR = DATA_DIR / "lexicons"
NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"
REPORTS_DIR = PROJ_ROOT / "reports"
BUNDLED_ARTICLE = ARTICLES_DIR / "tass_2021-03-19_putin-biden-talks.txt"


def display_path(path: Path | str) -> str:
    """A path as a user would type it: relative to the project when inside it."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(PROJ_ROOT))
    except ValueError:
        return str(p)
