"""The article loader: structure, offsets into the file, and clear errors for bad input."""

import pytest

from helpers import BUNDLED_ARTICLE, ArticleError, load_article
from helpers.article import normalise, split_blocks


def test_bundled_article_structure(bundled):
    assert bundled.headline.text.startswith("Kremlin Ready to Hold Putin-Biden Talks")
    assert [s.text for s in bundled.subheadings] == [
        "Conversation via secure video link",
        "Absence of a clear response",
    ]
    assert len(bundled.paragraphs) == 20
    assert [p.index for p in bundled.paragraphs] == list(range(1, 21))
    assert bundled.paragraphs[0].text.startswith("The talks between Russian President")
    assert bundled.paragraphs[-1].text.endswith("his U.S. counterpart.")


def test_bundled_article_metadata(bundled):
    assert bundled.metadata["outlet"] == "TASS"
    assert bundled.metadata["date"] == "2021-03-19"
    assert bundled.metadata["language"] == "en"
    assert bundled.name == "tass_2021-03-19_putin-biden-talks"


def test_offsets_point_into_the_file_as_it_is(bundled):
    raw = BUNDLED_ARTICLE.read_text(encoding="utf-8")
    assert bundled.raw == raw
    assert len(bundled.text) == len(raw)
    for block in bundled.blocks:
        # the normalised text differs only by same-length replacements
        assert raw[block.start : block.end].replace("\xa0", " ") == block.text


def test_no_break_space_is_normalised_without_shifting(bundled):
    i = bundled.raw.index("\xa0")
    assert bundled.text[i] == " "
    assert bundled.text[:i] == bundled.raw[:i]


def test_normalise_keeps_length_for_windows_line_endings(write_article):
    path = write_article("Headline here\r\n\r\nFirst paragraph.\r\n\r\nSecond one.\r\n")
    article = load_article(path)
    assert len(article.text) == len(article.raw)
    assert [p.text for p in article.paragraphs] == ["First paragraph.", "Second one."]
    assert article.raw[article.paragraphs[1].start : article.paragraphs[1].end] == "Second one."


def test_normalise_is_same_length():
    s = "a\u00a0b\u202fc\ufeffd\r\n\te"
    assert len(normalise(s)) == len(s)
    assert normalise(s) == "a b c d \n e"


def test_paragraph_lines_wrap_and_whitespace_lines_separate():
    text = "Title\n\nline one\nline two.\n   \nNext para.\n"
    blocks = split_blocks(text)
    assert [(b.kind, b.text) for b in blocks] == [
        ("headline", "Title"),
        ("paragraph", "line one\nline two."),
        ("paragraph", "Next para."),
    ]


def test_headline_followed_directly_by_body(write_article):
    article = load_article(write_article("The headline\nThe body starts at once, no blank line.\n"))
    assert article.headline.text == "The headline"
    assert article.paragraphs[0].text == "The body starts at once, no blank line."


def test_subheading_needs_short_line_without_closing_punctuation():
    blocks = split_blocks("H\n\nA body paragraph.\n\nA short subheading\n\nShort but ends.\n")
    assert [b.kind for b in blocks] == ["headline", "paragraph", "subheading", "paragraph"]


def test_block_and_paragraph_lookup(bundled):
    p3 = bundled.paragraphs[2]
    assert bundled.paragraph_at(p3.start) == 3
    assert bundled.paragraph_at(p3.end - 1) == 3
    assert bundled.paragraph_at(bundled.headline.start) is None
    assert bundled.block_at(p3.end + 1) is None  # the blank line between paragraphs


def test_structure_table(bundled):
    table = bundled.structure()
    assert list(table.columns) == ["kind", "number", "start", "end", "words", "text"]
    assert table["kind"].value_counts().to_dict() == {
        "paragraph": 20,
        "subheading": 2,
        "headline": 1,
    }


def test_article_without_quotes_is_valid(write_article):
    article = load_article(write_article("Plain news\n\nThe council met on Tuesday.\n"))
    assert len(article.paragraphs) == 1


# --- bad input: each error names the file and says what to do -----------------------------


def _error(path, **kw) -> str:
    with pytest.raises(ArticleError) as info:
        load_article(path, **kw)
    return str(info.value)


def test_missing_file(tmp_path):
    msg = _error(tmp_path / "nope.txt")
    assert "nope.txt" in msg and "does not exist" in msg and "check the path" in msg


def test_directory(tmp_path):
    msg = _error(tmp_path)
    assert str(tmp_path.name) in msg and "is a folder" in msg


@pytest.mark.parametrize("content", ["", "   \n\n  \t\n"])
def test_empty_or_whitespace_only(write_article, content):
    msg = _error(write_article(content, "empty.txt"))
    assert "empty.txt is empty" in msg and "headline" in msg


def test_binary_file(write_article):
    msg = _error(write_article(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "picture.txt"))
    assert "picture.txt" in msg and "binary" in msg and "UTF-8" in msg


def test_not_utf8_gets_a_clear_error_and_a_stated_way_out(write_article):
    path = write_article("Caf\u00e9 owners protest\n\nThe caf\u00e9 closed.\n".encode("cp1252"))
    msg = _error(path)
    assert "article.txt is not UTF-8" in msg and "0xe9" in msg and "encoding=" in msg
    article = load_article(path, encoding="cp1252")
    assert article.headline.text == "Caf\u00e9 owners protest"


def test_utf16_with_byte_order_mark_is_read(write_article):
    article = load_article(write_article("Na\u00efve plan\n\nBody text.\n".encode("utf-16")))
    assert article.headline.text == "Na\u00efve plan"
    assert article.paragraphs[0].text == "Body text."


def test_wrong_stated_encoding(write_article):
    path = write_article("Na\u00efve plan\n\nBody text.\n")
    assert "cannot be decoded as ascii" in _error(path, encoding="ascii")
    assert "unknown encoding" in _error(path, encoding="klingon-8")


def test_html_page(write_article):
    page = "<!DOCTYPE html>\n<html><head><title>News</title></head><body><p>Hi.</p></body></html>"
    msg = _error(write_article(page, "saved.html"))
    assert "saved.html looks like an HTML page" in msg and "save the article as text" in msg


def test_html_fragment(write_article):
    msg = _error(write_article("Headline\n\n<p>First paragraph.</p>\n<div>more</div>\n"))
    assert "HTML" in msg


def test_headline_without_body(write_article):
    msg = _error(write_article("Just a headline\n", "head.txt"))
    assert "head.txt has a headline but no body" in msg


def test_short_quotation_or_lower_case_line_is_a_paragraph_not_a_subheading():
    blocks = split_blocks("H\n\nBody text here.\n\n“We will be back\n\nand so it goes\n")
    assert [b.kind for b in blocks] == ["headline", "paragraph", "paragraph", "paragraph"]


def test_block_at_every_offset_agrees_with_a_scan(bundled):
    for offset in range(0, len(bundled.text), 7):
        expected = next((b for b in bundled.blocks if b.start <= offset < b.end), None)
        assert bundled.block_at(offset) == expected
