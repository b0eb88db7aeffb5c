"""Corrections by hand: a CSV file beside the article that fixes what the kit got wrong.

The file is ``<article>.corrections.csv`` in the article's folder (``tass.txt`` →
``tass.corrections.csv``), UTF-8 (with or without a byte-order mark). Start it from the kit's
own statements (``python -m helpers statements ARTICLE --format csv > ARTICLE.corrections.csv``)
and edit it in a spreadsheet:

- change ``speaker`` (or ``kind``) on a row: that statement gets the new value, and its
  ``role`` is worked out again for the new speaker;
- delete a row, or write ``drop`` in an ``action`` column: the statement is dropped;
- add a row for a statement the kit missed, with its ``speaker`` and either ``start`` and
  ``end`` (character offsets) or the exact ``text`` as it stands in the article (the kit finds
  it).

Rows are matched to the kit's statements by their ``start`` and ``end``. A row that does not
match (the article changed, the offsets point outside it, the text is not in it) is reported
by its row number, as a spreadsheet shows it (the header is row 1), with the reason, and
skipped: it is never applied to another statement. A file that cannot be read at all (not
UTF-8, an unknown column) stops with a message naming the file and the fix.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from helpers.article import Article, ArticleError
from helpers.corrections_cli import SUFFIX, corrections_file, corrections_path
from helpers.paths import display_path
from helpers.speaker_analysis import KINDS, split_speakers
from helpers.statements.records import COLUMNS

__all__ = [
    "SUFFIX",
    "CorrectionReport",
    "CorrectionsError",
    "apply_corrections",
    "corrections_file",
    "corrections_path",
    "read_corrections",
    "statements_with_corrections",
]
BASE_COLUMNS = list(COLUMNS)  # the statements table's own columns
# columns a corrections file may hold: the statements' own, plus these
EXTRA_COLUMNS = ["action", "correction", "note"]
ACTIONS = {"": "keep", "keep": "keep", "drop": "drop", "delete": "drop", "add": "add"}
_FORMULA = re.compile(r"^'(?=[=+\-@\t\r])")  # the apostrophe helpers.export puts before formulas


class CorrectionsError(ArticleError):
    """A corrections file that cannot be read (the message names the file and the fix)."""


@dataclass
class CorrectionReport:
    """What a corrections file changed, and which of its rows were skipped and why."""

    file: Path | None = None
    applied: list[str] = field(default_factory=list)  # one line per correction applied
    problems: list[str] = field(default_factory=list)  # "row 5: ... — skipped"
    skipped: int = 0  # rows skipped

    @property
    def count(self) -> int:
        return len(self.applied)

    def line(self) -> str:
        """One sentence for a notebook or a report: how many corrections, from which file."""
        if self.file is None:
            return "No corrections file: these are the kit's own statements."
        text = f"{self.count} correction(s) applied by hand, from {self.file.name}"
        if self.skipped:
            text += f"; {self.skipped} row(s) skipped (see below)"
        return text + "."

    def __str__(self) -> str:
        lines = [self.line()]
        lines += [f"  - {a}" for a in self.applied]
        if self.problems:
            lines.append("Skipped:")
            lines += [f"  - {p}" for p in self.problems]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        import html

        parts = [f"<p><b>{html.escape(self.line())}</b></p>"]
        if self.applied:
            items = "".join(f"<li>{html.escape(a)}</li>" for a in self.applied)
            parts.append(f"<ul>{items}</ul>")
        if self.problems:
            items = "".join(f"<li>{html.escape(p)}</li>" for p in self.problems)
            parts.append(f"<p>Rows skipped:</p><ul>{items}</ul>")
        return "".join(parts)

    def __repr__(self) -> str:
        return str(self)


# --------------------------------------------------------------------------- reading


def read_corrections(path: Path | str) -> list[tuple[int, dict[str, str]]]:
    """The rows of a corrections file as (spreadsheet row number, {column: text})."""
    path = Path(path)
    shown = display_path(path)
    if not path.is_file():
        raise CorrectionsError(
            f"{shown} does not exist — check the path, or make the file with "
            f"`python -m helpers statements ARTICLE --format csv > {path.name}`"
        )
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorrectionsError(
            f"{shown} is not UTF-8 text (byte {exc.start}) — in your spreadsheet, save it "
            "again as 'CSV UTF-8 (comma delimited)'"
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise CorrectionsError(f"{shown} is not a readable CSV file ({exc})") from None
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise CorrectionsError(
            f"{shown} is empty — it needs a header row (speaker,…,text,start,end); start it "
            "from `python -m helpers statements ARTICLE --format csv`"
        )
    header = [h.strip().lower() for h in rows[0]]
    known = BASE_COLUMNS + EXTRA_COLUMNS
    for i, name in enumerate(header):
        if name not in known:
            raise CorrectionsError(
                f"{shown}: unknown column {rows[0][i]!r} (column {i + 1}) — the columns a "
                f"corrections file may have are {', '.join(known)}; rename or delete it"
            )
    twice = sorted({h for h in header if header.count(h) > 1})
    if twice:
        raise CorrectionsError(f"{shown}: the column {twice[0]!r} appears twice — delete one")
    if "speaker" not in header or not ({"start", "end"} <= set(header) or "text" in header):
        raise CorrectionsError(
            f"{shown} needs a 'speaker' column and either 'start' and 'end' or 'text' — start "
            "it from `python -m helpers statements ARTICLE --format csv`"
        )
    out = []
    for number, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        cells = cells + [""] * (len(header) - len(cells))
        extra = [c for c in cells[len(header) :] if c.strip()]
        record = {h: _FORMULA.sub("", c) for h, c in zip(header, cells, strict=False)}
        if extra:
            record["__extra__"] = extra[0]
        out.append((number, record))
    return out


# --------------------------------------------------------------------------- applying


def _int(value: str, what: str) -> int | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"{what} {value!r} is not a whole number") from None
    if number != int(number):
        raise ValueError(f"{what} {value!r} is not a whole number")
    return int(number)


def _squash(text: str) -> str:
    return " ".join(str(text).split())


def _find_text(raw: str, wanted: str) -> list[tuple[int, int]]:
    """Where a text stands in the article: exactly, else with any run of spaces and line
    breaks between its words."""
    wanted = wanted.strip()
    if not wanted:
        return []
    found = [(m.start(), m.start() + len(wanted)) for m in re.finditer(re.escape(wanted), raw)]
    if found:
        return found
    pattern = r"\s+".join(re.escape(w) for w in wanted.split())
    return [(m.start(), m.end()) for m in re.finditer(pattern, raw)]


def _short(text: str, width: int = 50) -> str:
    text = _squash(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def _roles(statements: pd.DataFrame, article: Article) -> dict[str, str]:
    """Each known person's role: from the kit's statements, else from the people it found."""
    roles: dict[str, str] = {}
    for speaker, role in zip(statements["speaker"], statements["role"], strict=True):
        if isinstance(speaker, str) and isinstance(role, str) and role and speaker not in roles:
            roles[speaker] = role
    try:
        from helpers.statements import mentioned_people

        people = mentioned_people(article)
        for name, role in zip(people["name"], people["role"], strict=True):
            if role and name not in roles:
                roles[name] = role
    except Exception:  # noqa: BLE001 — roles are a courtesy; corrections work without them
        pass
    return roles


def _guess_kind(raw: str, start: int, end: int) -> str:
    """direct when the span is all quotation, mixed when it holds a quote, else indirect."""
    quotes = '“”"«»‘’„'
    before = raw[max(0, start - 1) : start]
    after = raw[end : end + 1]
    inside = raw[start:end]
    if before and before in quotes and after and after in quotes:
        return "direct"
    if any(q in inside for q in '“”"«»'):
        return "mixed"
    return "indirect"


def apply_corrections(
    statements: pd.DataFrame, article: Article, corrections
) -> tuple[pd.DataFrame, CorrectionReport]:
    """The statements with a corrections file applied, and a report of what changed.

    ``corrections`` is the path of a corrections file (or a DataFrame with its columns). The
    result has the statements' columns plus ``correction`` (what was changed by hand, "" when
    nothing), in text order.
    """
    if isinstance(corrections, pd.DataFrame):
        file = Path("(table)")
        rows = [
            (i + 2, {str(k).lower(): ("" if pd.isna(v) else str(v)) for k, v in r.items()})
            for i, r in enumerate(corrections.to_dict("records"))
        ]
    else:
        file = Path(corrections)
        rows = read_corrections(file)
    applying = _Applying(statements, article, CorrectionReport(file=file))
    for number, row in rows:
        applying.row(number, row)
    return applying.result()


class _Applying:
    """The rows of a corrections file applied in turn to the kit's statements (`base`): which
    statements a row has claimed, which are dropped, which are added."""

    def __init__(self, statements: pd.DataFrame, article: Article, report: CorrectionReport):
        self.article, self.report = article, report
        self.base = statements.reset_index(drop=True).copy()
        if "correction" not in self.base.columns:
            self.base["correction"] = ""
        self.roles = _roles(self.base, article)
        self.by_span: dict[tuple[int, int], list[int]] = {}
        for i, (s, e) in enumerate(zip(self.base["start"], self.base["end"], strict=True)):
            self.by_span.setdefault((int(s), int(e)), []).append(i)
        self.claimed: set[int] = set()
        self.dropped: set[int] = set()
        self.added: list[dict] = []
        self.matched_any = False

    def skip(self, number: int, reason: str) -> None:
        self.report.problems.append(f"row {number}: {reason} — skipped")
        self.report.skipped += 1

    def row(self, number: int, row: dict[str, str]) -> None:
        """Apply one row (its spreadsheet row number for the report)."""
        if "__extra__" in row:
            self.skip(
                number, f"it has more cells than the header has columns ({row['__extra__']!r})"
            )
            return
        action = ACTIONS.get(row.get("action", "").strip().lower())
        if action is None:
            self.skip(number, f"action {row['action']!r} is not one of: drop, add, keep (or empty)")
            return
        span = self._span(number, row)
        if span is None:
            return
        start, end = span
        free = [k for k in self.by_span.get((start, end), []) if k not in self.claimed]
        speaker = _squash(row.get("speaker", ""))
        kind = row.get("kind", "").strip().lower()
        if kind and kind not in KINDS:
            self.skip(number, f"kind {kind!r} is not one of {', '.join(KINDS)}")
        elif free and action != "add":
            self._amend(number, row, free[0], action, speaker, kind)
        elif action == "drop":
            self.skip(number, f"there is no statement at {start}–{end} to drop")
        elif not speaker:
            self.skip(number, "a statement added by hand needs a speaker")
        else:
            new = _added(row, self.article, start, end, speaker, kind, self.roles)
            self.added.append(new)
            self.report.applied.append(
                f"row {number}: added a statement by {speaker} at {start}–{end} "
                f"“{_short(new['text'])}”"
            )

    def _span(self, number: int, row: dict[str, str]) -> tuple[int, int] | None:
        """Where the row's statement is: its start and end, checked against the article, or
        its text found in the article; None (the row skipped) when neither holds."""
        raw = self.article.raw
        n = len(raw)
        try:
            start = _int(row.get("start", ""), "start")
            end = _int(row.get("end", ""), "end")
        except ValueError as exc:
            self.skip(number, str(exc))
            return None
        text = row.get("text", "")
        if (start is None) != (end is None):
            self.skip(
                number, "it gives only one of start and end: give both, or neither and the text"
            )
            return None
        if start is not None:
            if not (0 <= start < end <= n):
                self.skip(
                    number,
                    f"start–end {start}–{end} is outside the article (characters 0–{n}); "
                    "did the article change?",
                )
                return None
            if text.strip() and _squash(text) != _squash(raw[start:end]):
                self.skip(
                    number,
                    f"its text “{_short(text)}” is not what the article holds at {start}–{end} "
                    f"(“{_short(raw[start:end])}”); did the article change?",
                )
                for k in self.by_span.get((start, end), []):
                    self.claimed.add(k)  # the kit's statement there stays as it is
                return None
            return start, end
        if not text.strip():
            self.skip(number, "it gives neither start and end nor the text of the statement")
            return None
        places = _find_text(raw, text)
        if not places:
            self.skip(
                number,
                f"the text “{_short(text)}” is not in the article — copy it exactly from "
                "the article file, or give start and end",
            )
            return None
        if len(places) > 1:
            self.skip(
                number,
                f"the text “{_short(text)}” is in the article {len(places)} times — give "
                "start and end to say which",
            )
            return None
        return places[0]

    def _amend(self, number: int, row: dict, k: int, action: str, speaker: str, kind: str):
        """Drop the kit's statement k, or correct its speaker and kind."""
        base, report = self.base, self.report
        self.claimed.add(k)
        self.matched_any = True
        old = base.loc[k]
        where = f"{old['start']}–{old['end']} “{_short(old['text'], 40)}”"
        if action == "drop":
            self.dropped.add(k)
            report.applied.append(f"row {number}: dropped the statement at {where}")
            return
        notes = []
        if speaker and speaker != old["speaker"]:
            base.at[k, "speaker"] = speaker
            given = row.get("role", "").strip()
            base.at[k, "role"] = (
                given if given and given != (old["role"] or "") else self.roles.get(speaker, "")
            )
            notes.append(f"speaker corrected by hand (the kit said {old['speaker']})")
        elif not speaker:
            self.skip(number, "its speaker is empty (write unknown if nobody can be named)")
            return
        if kind and kind != old["kind"]:
            base.at[k, "kind"] = kind
            notes.append(f"kind corrected by hand (the kit said {old['kind']})")
        if notes:
            base.at[k, "correction"] = "; ".join(notes)
            report.applied.append(f"row {number}: {'; '.join(notes)}, at {where}")

    def result(self) -> tuple[pd.DataFrame, CorrectionReport]:
        """The corrected statements in text order, after the statements no row listed are
        dropped (or kept, when some rows could not be matched)."""
        base, report = self.base, self.report
        unclaimed = [k for k in range(len(base)) if k not in self.claimed]
        if self.matched_any and report.problems and unclaimed:
            # a skipped row may have been meant for one of these: keep them all rather than guess
            report.problems.append(
                f"{len(unclaimed)} statement(s) of the kit have no row in the file and are kept, "
                "because some rows could not be matched — fix those rows; a statement whose row "
                "you delete is dropped once every row matches"
            )
        elif self.matched_any:
            for k in unclaimed:
                self.dropped.add(k)
                where = f"{base.at[k, 'start']}–{base.at[k, 'end']}"
                report.applied.append(
                    f"dropped the statement at {where} “{_short(base.at[k, 'text'], 40)}” "
                    f"({base.at[k, 'speaker']}): its row is not in the file"
                )
        # A file that lists none of the kit's statements (only added rows, written from
        # scratch) drops nothing for a missing row: deleting rows needs the kit's list to
        # start from.
        kept = base.drop(index=sorted(self.dropped))
        if self.added:
            extra = pd.DataFrame(self.added, columns=list(base.columns))
            kept = pd.concat([kept.astype(object), extra.astype(object)], ignore_index=True)
        kept = kept.reset_index(drop=True)
        order = sorted(range(len(kept)), key=lambda i: (int(kept.at[i, "start"]), i))
        result = _typed(kept.iloc[order].reset_index(drop=True))
        result.attrs["corrections"] = report
        return result, report


def _added(row, article, start, end, speaker, kind, roles) -> dict:
    raw = article.raw

    def span(prefix: str) -> tuple[int | None, int | None]:
        try:
            s = _int(row.get(f"{prefix}_start", ""), prefix)
            e = _int(row.get(f"{prefix}_end", ""), prefix)
        except ValueError:
            return None, None
        if s is None or e is None or not (0 <= s < e <= len(raw)):
            return None, None
        return s, e

    ms, me = span("mention")
    cs, ce = span("cue")
    nested = row.get("nested", "").strip().lower() in {"true", "1", "yes"}
    given_role = row.get("role", "").strip()
    names = split_speakers(speaker)
    return {
        "speaker": speaker,
        "role": given_role or (roles.get(speaker, "") if len(names) == 1 else ""),
        "mention": raw[ms:me] if ms is not None else None,
        "mention_start": ms,
        "mention_end": me,
        "kind": kind or _guess_kind(raw, start, end),
        "cue": raw[cs:ce] if cs is not None else (row.get("cue", "").strip()),
        "cue_start": cs,
        "cue_end": ce,
        "text": raw[start:end],
        "start": start,
        "end": end,
        "paragraph": article.paragraph_at(start) or 0,
        "nested": nested,
        "correction": "added by hand",
    }


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    """The statements' dtypes again after rows were added (nullable offsets, ints, bools)."""
    out = df.copy()
    for col in ("mention_start", "mention_end", "cue_start", "cue_end"):
        if col in out:
            out[col] = pd.array([None if pd.isna(v) else int(v) for v in out[col]], dtype="Int64")
    for col in ("start", "end", "paragraph"):
        if col in out:
            out[col] = out[col].astype("int64")
    if "nested" in out:
        out["nested"] = out["nested"].astype(bool)
    for col in ("speaker", "role", "mention", "kind", "cue", "text", "correction"):
        if col in out:
            out[col] = out[col].astype(object).where(out[col].notna(), None)
    for col in ("role", "cue", "correction"):
        if col in out:
            out[col] = out[col].fillna("")
    return out


def _kit_statements(article: Article) -> pd.DataFrame:
    """The extractor's own statements (never corrected twice)."""
    from helpers.statements import extract_statements

    return extract_statements(article, corrections=False)


def statements_with_corrections(
    article: Article, corrections: Path | str | bool | None = None
) -> tuple[pd.DataFrame, CorrectionReport]:
    """The kit's statements with the article's corrections file applied, and the report.

    ``corrections=None`` uses ``<article>.corrections.csv`` beside the article when there is
    one; a path uses that file; ``False`` uses none (the kit's own statements).
    """
    statements = _kit_statements(article)
    path = corrections_file(article, corrections)
    if path is None:
        return statements, CorrectionReport()
    return apply_corrections(statements, article, path)
