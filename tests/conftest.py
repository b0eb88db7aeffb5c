"""Shared fixtures: the bundled article, and a factory for small article files."""

from pathlib import Path

import pytest

from helpers import BUNDLED_ARTICLE, load_article


@pytest.fixture(scope="session")
def bundled():
    return load_article(BUNDLED_ARTICLE)


@pytest.fixture
def write_article(tmp_path):
    """Write text (or bytes) to a file in a temporary folder and return its path."""

    def write(content, name: str = "article.txt") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write
