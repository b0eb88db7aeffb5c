"""Tables derived from the statements: one row per speaker, and the people named."""

from __future__ import annotations

from helpers.article import Article
from helpers.statements.lexicon import lexicons
from helpers.statements.people import Registry
from helpers.statements.records import PEOPLE_COLUMNS, SPEAKER_COLUMNS


def speaker_rows(statements) -> list[dict]:
    """One dict per speaker (the SPEAKER_COLUMNS), most statements first, from rows or records
    that have speaker, role, mention, kind and nested (DataFrame rows or Statement records)."""
    rows: dict[str, dict] = {}
    order: dict[str, int] = {}
    for r in statements:
        row = rows.get(r.speaker)
        if row is None:
            row = dict.fromkeys(SPEAKER_COLUMNS, 0)
            row.update(speaker=r.speaker, role=r.role or "", forms=[])
            rows[r.speaker] = row
            order[r.speaker] = len(order)
        if not row["role"] and r.role:
            row["role"] = r.role
        if isinstance(r.mention, str) and r.mention and r.mention not in row["forms"]:
            row["forms"].append(r.mention)
        if r.nested:
            row["nested"] += 1
        else:
            row["statements"] += 1
            row[r.kind] += 1
    return sorted(rows.values(), key=lambda row: (-row["statements"], order[row["speaker"]]))


def speakers_table(statements):
    """One row per speaker: role, surface forms, and statement counts by kind."""
    import pandas as pd

    rows = speaker_rows(statements.itertuples(index=False))
    return pd.DataFrame(rows, columns=SPEAKER_COLUMNS)


def mentioned_people(article: Article):
    """People (not organisations) named in the article, whether or not they speak."""
    import pandas as pd

    reg = Registry(article, lexicons())
    people = sorted(reg.people, key=lambda p: p.first_start)
    return pd.DataFrame(
        [
            {"name": p.name, "role": p.role, "mentions": p.mentions, "first_start": p.first_start}
            for p in people
        ],
        columns=PEOPLE_COLUMNS,
    )
