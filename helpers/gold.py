"""Gold statements to measure the extractor against: our JSON gold files and brat attributions.

Our gold format is described in docs/gold-format.md. The brat reader turns PolNeAR-style
attribution files (``T`` lines with possibly discontinuous spans, ``E`` lines tying Source,
Cue and Content together) into the same records, deciding which attributions are *required*
(a Source, a speech cue, outside the headline); every other attribution is kept as optional,
so that a prediction matching it is neither right nor wrong.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from helpers.article import Article, ArticleError, load_article
from helpers.paths import PROJ_ROOT, display_path, is_readable_place
from helpers.statements.quotes import OPENERS

KINDS = ("direct", "indirect", "mixed")

# Speech cue lemmas for brat attributions: OUR list, deliberately independent of the
# extractor's reporting-verb lexicon. A cue counts as speech when one of its words, once
# inflections are stripped, is one of these (or it contains one of the phrases below).
# Thinking, feeling, showing and finding verbs stay out on purpose (believe, want, show, find).
SPEECH_CUE_LEMMAS = frozenset(
    """
    say tell add note write state explain remind stress emphasize emphasise claim insist warn
    announce confirm deny admit acknowledge argue ask answer reply respond tweet comment declare
    mention recall report suggest assert testify quip joke remark concede predict complain
    """.split()
)
SPEECH_CUE_PHRASES = ("according to", "point out", "pointed out", "points out", "pointing out")
_IRREGULAR = {
    "said": "say",
    "says": "say",
    "saying": "say",
    "told": "tell",
    "wrote": "write",
    "written": "write",
    "writing": "write",
}


@dataclass(frozen=True)
class GoldStatement:
    """One gold statement: content span(s), speaker, cue; optional ones are borderline."""

    speaker: str
    kind: str
    cue: str
    start: int
    end: int
    text: str
    required: bool = True
    nested: bool = False
    mention: str | None = None
    note: str | None = None
    # content pieces, (start, end) each; one piece unless the annotation is discontinuous
    spans: tuple[tuple[int, int], ...] = ()
    # brat only: where the Source is written; the speaker is then judged by overlap with it
    source_spans: tuple[tuple[int, int], ...] = ()

    def pieces(self) -> tuple[tuple[int, int], ...]:
        return self.spans or ((self.start, self.end),)


@dataclass
class GoldDocument:
    """The gold statements of one article, and where they came from ("json" or "brat")."""

    path: Path
    article: Article
    statements: list[GoldStatement] = field(default_factory=list)
    origin: str = "json"

    @property
    def name(self) -> str:
        return self.article.name


def _fail(path: Path, message: str) -> ArticleError:
    return ArticleError(f"{display_path(path)}: {message}")


def _resolve_article(path: Path, ref: str) -> Path:
    """An article path as written in a gold file: beside the gold file, or from the project."""
    for base in (path.parent, PROJ_ROOT):
        candidate = (base / ref).resolve()
        if candidate.exists():
            if not is_readable_place(candidate, beside=path):
                raise _fail(
                    path,
                    '"article" names a file outside the project, the shared data folder and '
                    "the gold file's own folder — the kit reads no other place; copy the "
                    "article beside the gold file",
                )
            return candidate
    raise _fail(
        path,
        f'"article" names {ref!r}, which exists neither beside the gold file nor under the '
        "project folder — give the article's path relative to one of them",
    )


def load_gold(path: Path | str) -> GoldDocument:
    """Read and validate one JSON gold file (see docs/gold-format.md)."""
    path = Path(path)
    if not path.exists():
        raise _fail(path, "does not exist — check the path of the gold file")
    if path.is_dir():
        raise _fail(path, "is a folder — give a .json gold file, a .ann file, or a folder")
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise _fail(path, "is not UTF-8 text — save the gold file as UTF-8 JSON") from None
    except json.JSONDecodeError as exc:
        raise _fail(
            path, f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    if not isinstance(doc, dict) or "article" not in doc or "statements" not in doc:
        raise _fail(path, 'needs a JSON object with "article" and "statements" keys')
    if not isinstance(doc["article"], str) or not isinstance(doc["statements"], list):
        raise _fail(path, '"article" must be a string and "statements" a list')
    article = load_article(_resolve_article(path, doc["article"]))
    text = article.text
    statements = [
        _json_statement(path, i, rec, text) for i, rec in enumerate(doc["statements"], start=1)
    ]
    statements.sort(key=lambda s: (s.start, s.end))
    return GoldDocument(path=path, article=article, statements=statements, origin="json")


def _json_statement(path: Path, i: int, rec, text: str) -> GoldStatement:
    """Statement i of a JSON gold file, checked against the article's text."""
    where = f"statement {i}"
    if not isinstance(rec, dict):
        raise _fail(path, f"{where} is not a JSON object")
    missing = [k for k in ("speaker", "kind", "cue", "start", "end") if k not in rec]
    if missing:
        raise _fail(path, f"{where} lacks {', '.join(missing)} — every statement needs them")
    for key in ("speaker", "cue", "text"):
        if key in rec and not isinstance(rec[key], str):
            raise _fail(path, f'{where}: "{key}" must be a string')
    if not rec["speaker"].strip():
        raise _fail(path, f'{where}: "speaker" is empty — write "unknown" when unresolved')
    if rec["kind"] not in KINDS:
        raise _fail(path, f'{where}: "kind" is {rec["kind"]!r} — use one of {", ".join(KINDS)}')
    start, end = rec["start"], rec["end"]
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
        raise _fail(path, f'{where}: "start" and "end" must be whole numbers')
    if not 0 <= start < end <= len(text):
        raise _fail(
            path,
            f"{where}: offsets {start}-{end} are outside the article "
            f"({len(text)} characters) or empty — start must be below end",
        )
    # "text" is for human readers and may be left out (gold files for articles we may
    # not redistribute hold offsets only); when it is given it must match the article
    if "text" in rec and text[start:end] != rec["text"]:
        raise _fail(
            path,
            f"{where}: the article has {text[start:end]!r} at {start}-{end}, not "
            f"{rec['text']!r} — recompute the offsets from the article text",
        )
    for key in ("required", "nested"):
        if key in rec and not isinstance(rec[key], bool):
            raise _fail(path, f'{where}: "{key}" must be true or false')
    for key in ("mention", "note"):
        if rec.get(key) is not None and not isinstance(rec[key], str):
            raise _fail(path, f'{where}: "{key}" must be a string when given')
    return GoldStatement(
        speaker=rec["speaker"],
        kind=rec["kind"],
        cue=rec["cue"],
        start=start,
        end=end,
        text=text[start:end],
        required=rec.get("required", True),
        nested=rec.get("nested", False),
        mention=rec.get("mention"),
        note=rec.get("note"),
    )


# --- brat standoff ------------------------------------------------------------------------

_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t|$)")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")


def cue_lemmas(cue: str) -> list[str]:
    """The lemma of each word of a cue, by a crude suffix stripper (ours, needs no data):
    a word whose stripped form is a speech lemma gives that lemma, any other word itself."""
    out = []
    for word in re.findall(r"[a-z]+", cue.lower()):
        if word in _IRREGULAR:
            out.append(_IRREGULAR[word])
            continue
        candidates = [word]
        if word.endswith("ied"):
            candidates.append(word[:-3] + "y")
        if word.endswith("ies"):
            candidates.append(word[:-3] + "y")
        for suffix in ("s", "es", "ed", "d", "ing"):
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                stem = word[: -len(suffix)]
                candidates += [stem, stem + "e"]
                if len(stem) > 2 and stem[-1] == stem[-2]:  # admitted -> admit
                    candidates.append(stem[:-1])
        known = [c for c in candidates if c in SPEECH_CUE_LEMMAS]
        out.append(known[0] if known else word)
    return out


def is_speech_cue(cue: str) -> bool:
    """True when a cue reports speech (say, tell, according to, ...) by our own small list."""
    low = " ".join(re.findall(r"[a-z]+", cue.lower()))
    if any(phrase in low for phrase in SPEECH_CUE_PHRASES):
        return True
    return any(lemma in SPEECH_CUE_LEMMAS for lemma in cue_lemmas(cue))


def _spans(value: str) -> tuple[tuple[int, int], ...]:
    pieces = []
    for piece in value.split(";"):
        a, b = piece.split()
        pieces.append((int(a), int(b)))
    return tuple(sorted(pieces))


def read_brat(ann_path: Path | str, text_path: Path | str | None = None) -> GoldDocument:
    """Read a brat .ann attribution file; the article is text/<name>.txt beside attributions/."""
    ann_path = Path(ann_path)
    if not ann_path.exists():
        raise _fail(ann_path, "does not exist — check the path of the .ann file")
    if text_path is None:
        text_path = brat_text_path(ann_path)
    article = load_article(text_path)
    text = article.text
    headline_end = text.find("\n")
    headline_end = len(text) if headline_end == -1 else headline_end
    spans, events = _read_ann(ann_path, text, text_path)
    found = (_brat_statement(roles, spans, text, headline_end) for roles in events)
    statements = [st for st in found if st is not None]
    statements.sort(key=lambda s: (s.start, s.end))
    return GoldDocument(path=ann_path, article=article, statements=statements, origin="brat")


def _read_ann(ann_path: Path, text: str, text_path) -> tuple[dict, list[dict[str, str]]]:
    """The text-bound spans (id: (type, pieces)) and the events (role: id) of a .ann file."""
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
    events: list[dict[str, str]] = []
    for n, line in enumerate(ann_path.read_text(encoding="utf-8").splitlines(), start=1):
        m = _T_LINE.match(line)
        if m:
            try:
                pieces = _spans(m.group(3))
            except ValueError:
                raise _fail(ann_path, f"line {n}: cannot read the offsets {m.group(3)!r}") from None
            if any(not 0 <= a <= b <= len(text) for a, b in pieces):
                raise _fail(
                    ann_path,
                    f"line {n}: offsets {m.group(3)} fall outside {display_path(text_path)} "
                    f"({len(text)} characters) — is this the right text file?",
                )
            spans[m.group(1)] = (m.group(2), pieces)
            continue
        m = _E_LINE.match(line)
        if m:
            roles = {}
            for part in m.group(2).split():
                if ":" in part:
                    role, ref = part.split(":", 1)
                    roles[role] = ref
            events.append(roles)
        # any other line is span text wrapping onto a further line: the offsets rule
    return spans, events


def _brat_statement(
    roles: dict[str, str], spans: dict, text: str, headline_end: int
) -> GoldStatement | None:
    """The gold statement of one attribution event (None without a content span)."""
    if "Content" not in roles or roles["Content"] not in spans:
        return None
    content = spans[roles["Content"]][1]
    cue = spans.get(roles.get("Cue", ""), ("", ()))[1]
    source = spans.get(roles.get("Source", ""), ("", ()))[1]
    cue_text = " ".join(text[a:b] for a, b in cue)
    source_text = " ".join(text[a:b] for a, b in source)
    in_headline = any(a < headline_end for a, _ in content + cue)
    start, end = content[0][0], content[-1][1]
    required = (
        "Attribution" in roles
        and bool(source)
        and is_speech_cue(cue_text)
        and not in_headline
        and not _borderline(text[start:end], cue_text)
    )
    return GoldStatement(
        speaker=source_text or "unknown",
        kind="direct" if _quoted(text[start:end]) else "indirect",
        cue=cue_text,
        start=start,
        end=end,
        text=text[start:end],
        required=required,
        mention=source_text or None,
        spans=content,
        source_spans=source,
    )


_NEGATION = re.compile(r"\b(?:not|never|declined|refused|yet to)\b|n[’']t\b", re.IGNORECASE)


def _borderline(content: str, cue: str) -> bool:
    """Attributions the spec leaves optional: a bare to-infinitive request (`urged X to ...`),
    a short unquoted noun phrase (`claimed victory`: three words or fewer), a negated cue
    (`did not respond`: nothing was said)."""
    words = re.findall(r"\w+", content)
    if re.match(r"\s*to\s", content, re.IGNORECASE):
        return True
    if len(words) <= 3 and not _quoted(content):
        return True
    return bool(_NEGATION.search(cue))


def _quoted(s: str) -> bool:
    """A content between quotation marks (the kit's one table of marks)."""
    s = s.strip()
    return len(s) > 1 and s[0] in OPENERS and s[-1] in OPENERS.values()


def brat_text_path(ann_path: Path) -> Path:
    """text/<article>.txt for attributions/<article>_<annotator>.ann (or <article>.ann)."""
    folder = ann_path.parent.parent / "text"
    stem = ann_path.stem
    candidates = [folder / f"{stem}.txt"]
    if "_" in stem:
        candidates.insert(0, folder / f"{stem.rsplit('_', 1)[0]}.txt")
    for c in candidates:
        if c.exists():
            return c
    raise _fail(
        ann_path,
        f"no article text found (looked for {display_path(candidates[0])}) — put the article "
        "in text/ beside attributions/, named like the .ann file without the annotator suffix",
    )


def expand_gold_paths(paths: list[Path | str]) -> list[Path]:
    """Gold files named directly, or found in folders: *.json, or a brat corpus folder
    (attributions/*.ann, one annotator per article: the first in sorted order)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if not p.exists():
            raise _fail(p, "does not exist — give .json gold files, .ann files or folders")
        if p.is_file():
            if p.suffix not in (".json", ".ann"):
                raise _fail(p, "is neither a .json gold file nor a brat .ann file")
            out.append(p)
            continue
        ann_dir = p / "attributions" if (p / "attributions").is_dir() else p
        anns = sorted(ann_dir.glob("*.ann"))
        seen: set[str] = set()
        for ann in anns:
            text_name = brat_text_path(ann).name
            if text_name not in seen:
                seen.add(text_name)
                out.append(ann)
        out.extend(sorted(p.glob("*.json")))
        if not anns and not list(p.glob("*.json")):
            raise _fail(p, "holds no .json gold files and no attributions/*.ann files")
    return out


def load_any(path: Path | str) -> GoldDocument:
    """A .json gold file or a brat .ann file, by its extension."""
    path = Path(path)
    return read_brat(path) if path.suffix == ".ann" else load_gold(path)
