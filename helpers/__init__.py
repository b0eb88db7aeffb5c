"""Helpers for the media-analysis notebook kit: load an article, tokenize it, find who speaks."""

from helpers.article import Article, ArticleError, Block, load_article
from helpers.paths import BUNDLED_ARTICLE, DATA_DIR, PROJ_ROOT

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleError",
    "Block",
    "BUNDLED_ARTICLE",
    "DATA_DIR",
    "PROJ_ROOT",
    "load_article",
    "__version__",
]
