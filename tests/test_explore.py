"""The interactive views: a widget in JupyterLab, a static twin in the HTML reports."""

from helpers.explore import (
    WIDGET_VIEW,
    concordance_explorer,
    concordance_table_html,
    speaker_explorer,
)
from helpers.statements import extract_statements


def test_speaker_explorer_offers_a_widget_and_a_static_note(bundled):
    statements = extract_statements(bundled)
    view = speaker_explorer(bundled, statements)
    bundle = view._repr_mimebundle_()
    assert WIDGET_VIEW in bundle and "model_id" in bundle[WIDGET_VIEW]
    assert "Interactive in JupyterLab" in bundle["text/html"]
    assert "VBox" not in bundle["text/html"] and "VBox" not in bundle["text/plain"]
    choice, shown = view.widget.children
    assert shown.value.count('data-speaker="Jen Psaki" title=') == 1
    choice.value = "Jen Psaki"  # pick one speaker: only their statements are marked
    assert 'data-speaker="Dmitry Peskov" title=' not in shown.value
    assert shown.value.count('data-speaker="Jen Psaki" title=') == 1


def test_concordance_explorer_searches_and_shows_the_first_query_statically(bundled):
    statements = extract_statements(bundled)
    view = concordance_explorer(bundled, "talks", statements)
    bundle = view._repr_mimebundle_()
    assert "“talks”:" in bundle["text/html"] and "<table" in bundle["text/html"]
    box, shown = view.widget.children
    box.value = "no such phrase here"
    assert "is not in the article" in shown.value
    box.value = "<script>"
    assert "<script>" not in shown.value


def test_concordance_html_escapes_the_query(bundled):
    assert "<b>" not in concordance_table_html(bundled, "<b>talks", None)
    assert "Type a word" in concordance_table_html(bundled, "  ", None)
