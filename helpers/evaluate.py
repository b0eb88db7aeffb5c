"""Measure a statement extractor against gold statements: detection, attribution, counts.

A predicted statement matches a gold one when their contents share enough words: the Dice
coefficient of their word-token sets (2·|P∩G| / (|P|+|G|), punctuation ignored) is at least
0.5. Pairs are matched one-to-one, greedily, best overlap first. A prediction that matches an
optional (borderline) gold statement is ignored: neither a hit nor a false positive; an
optional gold statement left unmatched is not a miss. For brat gold (PolNeAR), each prediction
is first joined with its floating continuations (join_continuations). See docs/gold-format.md.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from helpers.article import Article, ArticleError
from helpers.gold import GoldDocument, GoldStatement, expand_gold_paths, load_any
from helpers.tokens import word_spans

MATCH_THRESHOLD = 0.5

FILE_COLUMNS = [
    "file",
    "origin",
    "predicted",
    "gold_required",
    "matched",
    "precision",
    "recall",
    "f1",
    "attribution_accuracy",
    "end_to_end_f1",
    "count_error",
    "count_error_rate",
]
DETAIL_COLUMNS = [
    "file",
    "problem",
    "start",
    "end",
    "gold_speaker",
    "predicted_speaker",
    "cue",
    "text",
]
SPEAKER_COLUMNS = ["file", "speaker", "predicted", "gold", "error"]


def _ratio(num: int, den: int) -> float:
    """num/den, with 1.0 for 0/0 (nothing to find and nothing found is perfect)."""
    return num / den if den else 1.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def count_error_rate(speakers: pd.DataFrame) -> float:
    """½ Σ_s |p_s − g_s|, where p_s and g_s are speaker s's shares of the predicted and of the
    gold top-level statements (rows of a per-speaker table, `predicted` and `gold` columns;
    over several files each (file, speaker) row is its own speaker). 0 when every count is
    exact or both are empty; 1 when only one side has statements, or they share no speaker.
    Unlike `count_error` it does not grow with the length of the article."""
    pred_total = int(speakers["predicted"].sum()) if len(speakers) else 0
    gold_total = int(speakers["gold"].sum()) if len(speakers) else 0
    if pred_total == 0 and gold_total == 0:
        return 0.0
    if pred_total == 0 or gold_total == 0:
        return 1.0
    shares = speakers["predicted"] / pred_total - speakers["gold"] / gold_total
    return min(1.0, float(shares.abs().sum() / 2))


@dataclass
class FileScore:
    """The score of one article: counts, and tables of pairs, problems and speaker counts."""

    name: str
    origin: str
    predicted: int  # predictions counted (those matching an optional gold one are left out)
    gold_required: int
    matched: int
    speaker_right: int
    details: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=DETAIL_COLUMNS))
    speakers: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=SPEAKER_COLUMNS))
    counted: bool = True  # per-speaker counts were compared (our JSON gold, not brat)

    @property
    def precision(self) -> float:
        return _ratio(self.matched, self.predicted)

    @property
    def recall(self) -> float:
        return _ratio(self.matched, self.gold_required)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def attribution_accuracy(self) -> float:
        """Among matched pairs, the share whose speaker is right."""
        return _ratio(self.speaker_right, self.matched)

    @property
    def end_to_end_f1(self) -> float:
        """F1 where a hit needs both the content match and the right speaker."""
        return _f1(
            _ratio(self.speaker_right, self.predicted),
            _ratio(self.speaker_right, self.gold_required),
        )

    @property
    def count_error(self) -> int | None:
        """Sum over speakers of |predicted − gold| top-level counts (our JSON gold only)."""
        if not self.counted:
            return None
        return int(self.speakers["error"].abs().sum()) if len(self.speakers) else 0

    @property
    def count_error_rate(self) -> float | None:
        """Total variation distance between the predicted and the gold shares of top-level
        statements per speaker, in [0, 1]: 0 when every count is exact (our JSON gold only)."""
        if not self.counted:
            return None
        return count_error_rate(self.speakers)

    def row(self) -> dict:
        return {
            "file": self.name,
            "origin": self.origin,
            "predicted": self.predicted,
            "gold_required": self.gold_required,
            "matched": self.matched,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "attribution_accuracy": round(self.attribution_accuracy, 3),
            "end_to_end_f1": round(self.end_to_end_f1, 3),
            "count_error": self.count_error,
            "count_error_rate": _round(self.count_error_rate),
        }


@dataclass
class EvaluationResult:
    """Micro totals over all files, one row per file, and the debugging tables."""

    scores: list[FileScore]

    @property
    def files(self) -> pd.DataFrame:
        return pd.DataFrame([s.row() for s in self.scores], columns=FILE_COLUMNS)

    @property
    def total(self) -> FileScore:
        """All files pooled (micro-averaged) into one score."""
        origins = {s.origin for s in self.scores}
        return FileScore(
            name="ALL",
            origin=origins.pop() if len(origins) == 1 else "mixed",
            predicted=sum(s.predicted for s in self.scores),
            gold_required=sum(s.gold_required for s in self.scores),
            matched=sum(s.matched for s in self.scores),
            speaker_right=sum(s.speaker_right for s in self.scores),
            details=self.details,
            speakers=self.speakers,
            counted=any(s.counted for s in self.scores),
        )

    @property
    def totals(self) -> pd.DataFrame:
        """One row: the micro totals, with the same columns as the per-file table."""
        row = self.total.row()
        row["file"] = f"ALL ({len(self.scores)} files)"
        return pd.DataFrame([row], columns=FILE_COLUMNS)

    @property
    def details(self) -> pd.DataFrame:
        frames = [s.details for s in self.scores if len(s.details)]
        if not frames:
            return pd.DataFrame(columns=DETAIL_COLUMNS)
        return pd.concat(frames, ignore_index=True)

    @property
    def speakers(self) -> pd.DataFrame:
        frames = [s.speakers for s in self.scores if len(s.speakers)]
        if not frames:
            return pd.DataFrame(columns=SPEAKER_COLUMNS)
        return pd.concat(frames, ignore_index=True)


# --- matching ------------------------------------------------------------------------------


class _WordIndex:
    """Word tokens of a text (punctuation left out), to turn character spans into token sets."""

    def __init__(self, text: str):
        spans = [(s, e) for s, e in word_spans(text) if any(ch.isalnum() for ch in text[s:e])]
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def tokens(self, pieces: Iterable[tuple[int, int]]) -> frozenset[int]:
        out: set[int] = set()
        for a, b in pieces:
            # tokens that overlap [a, b): end > a and start < b
            lo = bisect.bisect_right(self.ends, a)
            hi = bisect.bisect_left(self.starts, b)
            out.update(range(lo, hi))
        return frozenset(out)


def dice(a: frozenset[int], b: frozenset[int]) -> float:
    """Dice overlap of two token sets: 1 when equal, 0 when disjoint or either is empty."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def match(
    pred_tokens: Sequence[frozenset[int]],
    gold_tokens: Sequence[frozenset[int]],
    required: Sequence[bool] | None = None,
    threshold: float = MATCH_THRESHOLD,
) -> list[tuple[int, int, float]]:
    """One-to-one pairs (prediction, gold, overlap) with overlap >= threshold, greedy: best
    overlap first; on ties required gold before optional, then text order."""
    required = required if required is not None else [True] * len(gold_tokens)
    candidates = []
    for i, p in enumerate(pred_tokens):
        for j, g in enumerate(gold_tokens):
            d = dice(p, g)
            if d >= threshold:
                candidates.append((-d, not required[j], j, i))
    candidates.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for neg_d, _, j, i in candidates:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j, -neg_d))
    return sorted(pairs)


def _name(name: str) -> str:
    """A name compared leniently: case-folded, spaces squeezed, a leading a/an/the dropped
    (so "The Fenwick Bay Harbour Authority" and "a librarian" compare as written in gold),
    typographic apostrophes as straight ones ("Hale’s office" is "Hale's office")."""
    words = name.replace("’", "'").casefold().split()
    if len(words) > 1 and words[0] in ("a", "an", "the"):
        words = words[1:]
    return " ".join(words)


def _names(speaker: str) -> frozenset[str]:
    """A speaker string as a set of compared names ("A; B" -> {"a", "b"})."""
    return frozenset(_name(n) for n in str(speaker).split(";") if n.strip())


def speaker_key(speaker: str) -> str:
    """A canonical key for counting: names case-folded and sorted, joined by '; '."""
    return "; ".join(sorted(_names(speaker)))


def _overlaps(a: int, b: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(a < e and s < b for s, e in spans)


def speaker_right(pred: dict, gold: GoldStatement, text: str) -> bool:
    """Is the predicted speaker the gold one? Our gold: same canonical name(s), ignoring case.
    Brat gold: the predicted mention overlaps the Source, or a predicted name is in it."""
    if not gold.source_spans:
        return _names(pred.get("speaker", "")) == _names(gold.speaker)
    ms, me = pred.get("mention_start"), pred.get("mention_end")
    if not (_missing(ms) or _missing(me)) and _overlaps(int(ms), int(me), gold.source_spans):
        return True
    source = " ".join(text[a:b] for a, b in gold.source_spans).casefold()
    return any(n != "unknown" and n in source for n in _names(pred.get("speaker", "")))


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def _blank(value) -> bool:
    return _missing(value) or not str(value).strip()


def _pieces(pred: dict) -> list[tuple[int, int]]:
    """The content spans of a prediction: its `pieces` when joined, else start-end."""
    pieces = pred.get("pieces")
    if isinstance(pieces, (list, tuple)) and pieces:
        return [(int(a), int(b)) for a, b in pieces]
    return [(int(pred["start"]), int(pred["end"]))]


JOIN_COLUMNS = ("speaker", "cue", "start", "end", "paragraph")


def join_continuations(predictions: pd.DataFrame) -> pd.DataFrame:
    """Each top-level prediction joined with its floating continuations into one prediction,
    to compare with corpora that annotate `“A,” X said. “B.”` as one attribution (PolNeAR)
    where our guideline has two statements (B floating, with an empty cue).

    In text order (by start), a top-level (not nested) prediction F is a continuation of the
    group before it when all of these hold:
    - F's cue is empty (a floating statement);
    - F's speaker is the group's speaker (compared as in scoring: case and a leading
      a/an/the ignored);
    - F is the next top-level prediction after the group's last member, and its paragraph is
      that member's paragraph or the next one (so a chain of floating quotes joins, but not
      across an unquoted paragraph or a statement of anyone else).
    The joined prediction keeps the first member's row (speaker, mention, cue) with `end` the
    last member's end, `text` the members' texts joined by a space, `pieces` the members'
    (start, end) spans (so the cue words between them are not counted as content) and
    `continuations` the number joined. Nested predictions are kept as they are. Without the
    columns speaker, cue, start, end and paragraph the predictions are returned unchanged.
    """
    if not len(predictions) or not all(c in predictions.columns for c in JOIN_COLUMNS):
        return predictions
    rows = predictions.sort_values(["start", "end"], kind="stable").to_dict("records")
    out: list[dict] = []
    head: dict | None = None
    last: dict | None = None
    for row in rows:
        nested = row.get("nested", False)
        if not _missing(nested) and bool(nested):
            out.append(row)
            continue
        if (
            head is not None
            and last is not None
            and _blank(row["cue"])
            and _names(row["speaker"]) == _names(head["speaker"])
            and 0 <= int(row["paragraph"]) - int(last["paragraph"]) <= 1
        ):
            head["pieces"].append((int(row["start"]), int(row["end"])))
            head["end"] = max(int(head["end"]), int(row["end"]))
            if "text" in head:
                head["text"] = f"{head['text']} {row.get('text', '')}".strip()
            head["continuations"] += 1
            last = row
            continue
        head = dict(row, pieces=[(int(row["start"]), int(row["end"]))], continuations=0)
        last = row
        out.append(head)
    return pd.DataFrame(out)


def score_statements(
    predictions: pd.DataFrame,
    gold: Sequence[GoldStatement],
    text: str,
    name: str = "article",
    origin: str = "json",
    threshold: float = MATCH_THRESHOLD,
    join: bool | None = None,
) -> FileScore:
    """Score one article's predictions (a DataFrame with at least start, end, speaker; and
    mention_start, mention_end, nested, cue, paragraph, text when available) against gold
    statements. `join` (by default: for brat gold) first joins each prediction with its
    floating continuations (see join_continuations), as corpora like PolNeAR annotate them."""
    if join if join is not None else origin == "brat":
        predictions = join_continuations(predictions)
    index = _WordIndex(text)
    preds = predictions.to_dict("records") if len(predictions) else []
    pred_tokens = [index.tokens(_pieces(p)) for p in preds]
    gold_tokens = [index.tokens(g.pieces()) for g in gold]
    pairs = match(pred_tokens, gold_tokens, [g.required for g in gold], threshold)

    ignored = {i for i, j, _ in pairs if not gold[j].required}  # (pairs: one to one)
    details, n_matched, n_right = _problems(pairs, preds, gold, text, name)

    speakers = pd.DataFrame(columns=SPEAKER_COLUMNS)
    if origin == "json":
        speakers = _speaker_counts(name, preds, gold, ignored)

    return FileScore(
        name=name,
        origin=origin,
        predicted=len(preds) - len(ignored),
        gold_required=sum(g.required for g in gold),
        matched=n_matched,
        speaker_right=n_right,
        details=pd.DataFrame(details, columns=DETAIL_COLUMNS),
        speakers=speakers,
        counted=origin == "json",
    )


def _detail(problem: str, p: dict | None, g: GoldStatement | None, text: str, name: str) -> dict:
    """One row of the problems table: a miss (gold only), a false positive (prediction only)
    or a wrong speaker (both)."""
    start, end = (g.start, g.end) if g is not None else (int(p["start"]), int(p["end"]))
    return {
        "file": name,
        "problem": problem,
        "start": start,
        "end": end,
        "gold_speaker": g.speaker if g is not None else "",
        "predicted_speaker": str(p.get("speaker", "")) if p is not None else "",
        "cue": (g.cue if g is not None else str(p.get("cue", "") or "")),
        "text": text[start:end],
    }


def _problems(
    pairs, preds: list[dict], gold: Sequence[GoldStatement], text: str, name: str
) -> tuple[list[dict], int, int]:
    """(the problems in text order, required gold matched, of them with the right speaker)."""
    details = []
    matched_p = {i: j for i, j, _ in pairs}
    matched_g = {j for _, j, _ in pairs}
    n_matched = n_right = 0
    for i, j, _ in pairs:
        if not gold[j].required:
            continue
        n_matched += 1
        if speaker_right(preds[i], gold[j], text):
            n_right += 1
        else:
            details.append(_detail("wrong speaker", preds[i], gold[j], text, name))
    for j, g in enumerate(gold):
        if g.required and j not in matched_g:
            details.append(_detail("miss", None, g, text, name))
    for i, p in enumerate(preds):
        if i not in matched_p:
            details.append(_detail("false positive", p, None, text, name))
    details.sort(key=lambda d: (d["start"], d["problem"]))
    return details, n_matched, n_right


def _speaker_counts(
    name: str, preds: list[dict], gold: Sequence[GoldStatement], ignored: set[int]
) -> pd.DataFrame:
    """Per canonical speaker: top-level predictions (not those matching optional gold) minus
    required top-level gold statements."""
    shown: dict[str, str] = {}
    gold_n: dict[str, int] = {}
    pred_n: dict[str, int] = {}
    for g in gold:
        if g.required and not g.nested:
            key = speaker_key(g.speaker)
            shown.setdefault(key, g.speaker)
            gold_n[key] = gold_n.get(key, 0) + 1
    for i, p in enumerate(preds):
        if i in ignored or bool(p.get("nested", False)):
            continue
        key = speaker_key(p.get("speaker", "unknown"))
        shown.setdefault(key, str(p.get("speaker", "unknown")))
        pred_n[key] = pred_n.get(key, 0) + 1
    rows = [
        {
            "file": name,
            "speaker": shown[k],
            "predicted": pred_n.get(k, 0),
            "gold": gold_n.get(k, 0),
            "error": pred_n.get(k, 0) - gold_n.get(k, 0),
        }
        for k in shown
    ]
    rows.sort(key=lambda r: (-r["gold"], -r["predicted"], r["speaker"]))
    return pd.DataFrame(rows, columns=SPEAKER_COLUMNS)


# --- running the extractor -----------------------------------------------------------------


def default_extractor() -> Callable[[Article], pd.DataFrame]:
    """helpers.statements.extract_statements, or a clear error while it does not exist."""
    try:
        from helpers.statements import extract_statements
    except ImportError as exc:
        raise ArticleError(
            f"the statement extractor cannot be imported ({exc}) — helpers/statements.py "
            "must provide extract_statements(article)"
        ) from None
    return extract_statements


def score_document(
    doc: GoldDocument, extract: Callable[[Article], pd.DataFrame] | None = None
) -> FileScore:
    """Run the extractor on a gold document's article and score it."""
    extract = extract or default_extractor()
    predictions = extract(doc.article)
    return score_statements(
        predictions, doc.statements, doc.article.text, name=doc.name, origin=doc.origin
    )


def evaluate_files(
    paths: Sequence[Path | str], extract: Callable[[Article], pd.DataFrame] | None = None
) -> EvaluationResult:
    """Score the extractor on gold files (.json, .ann, or folders holding them)."""
    files = expand_gold_paths(list(paths))
    if not files:
        raise ArticleError("no gold files given — name .json gold files, .ann files or folders")
    extract = extract or default_extractor()
    return EvaluationResult([score_document(load_any(p), extract) for p in files])
