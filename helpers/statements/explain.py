"""Why a sentence was or was not counted: one row per cue candidate, with its decision."""

from __future__ import annotations

from helpers.article import Article
from helpers.statements.pipeline import Extractor
from helpers.statements.reasons import EXPLANATIONS
from helpers.statements.words import squash

EXPLAIN_COLUMNS = [
    "sentence",
    "cue",
    "cue_start",
    "stage",
    "decision",
    "reason",
    "explanation",
    "speaker",
    "statement",
]


def explain_records(article: Article) -> list[dict]:
    """Every cue candidate of the article with what the extractor decided, as plain dicts."""
    ex = Extractor(article, trace=True)
    ex.run()
    text = article.text
    rows = []
    for d in ex.decisions:
        st = d.statement
        rows.append(
            {
                "sentence": squash(text[d.sentence_start : d.sentence_end]),
                "cue": squash(text[d.cue_start : d.cue_end]),
                "cue_start": d.cue_start,
                "stage": d.stage,
                "decision": d.decision,
                "reason": d.reason,
                "explanation": EXPLANATIONS[d.reason],
                "speaker": st.speaker if st is not None else "",
                "statement": st.text if st is not None else "",
            }
        )
    rows.sort(key=lambda r: r["cue_start"])
    return rows


def explain_statements(article: Article):
    """One row per cue candidate: the sentence, the cue, the stage that decided, kept or
    rejected, the reason (with a sentence explaining it), and the statement it became."""
    import pandas as pd

    return pd.DataFrame(explain_records(article), columns=EXPLAIN_COLUMNS)


def example_sentence(decisions):
    """The decisions of one sentence worth explaining: the first sentence where a cue was
    kept and another rejected, else the first with a rejection, else the first sentence."""
    if decisions.empty:
        return decisions
    by_sentence = decisions.groupby("sentence", sort=False)["decision"]
    mixed = [s for s, d in by_sentence if {"kept", "rejected"} <= set(d)]
    rejected = [s for s, d in by_sentence if "rejected" in set(d)]
    chosen = (mixed or rejected or [decisions["sentence"].iloc[0]])[0]
    return decisions[decisions["sentence"] == chosen].reset_index(drop=True)
