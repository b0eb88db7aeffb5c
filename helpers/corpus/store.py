"""The tables on disk: one Parquet file per batch, table and partition, written atomically (a
batch's articles files last: they mark it done); cleaning up after an interrupted run; reading
a table back, or the partitions of some outlets or months."""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from helpers.corpus.lock import LOCK
from helpers.corpus.tables import (
    FORMAT,
    MANIFEST,
    NULL_PART,
    PARTITIONS,
    SCHEMAS,
    STAGING,
    TABLES,
    CorpusError,
    with_partitions,
)
from helpers.paths import display_path

# --------------------------------------------------------------------------- writing


def _part_dir(out: Path, table: str, outlet: str | None, month: str | None) -> Path:
    def seg(v: str | None) -> str:
        return NULL_PART if v is None else quote(v, safe="")

    return out / table / f"outlet={seg(outlet)}" / f"month={seg(month)}"


def _write_atomic(table: pa.Table, path: Path, staging: Path) -> None:
    """Write a Parquet file under a temporary name, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = staging / f"{uuid.uuid4().hex}.parquet"
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)


def write_batch(out: Path, batch_id: str, tables: dict[str, pa.Table]) -> None:
    """One file per table and partition; the articles files last (they mark the batch done)."""
    staging = out / STAGING
    staging.mkdir(exist_ok=True)
    for name in ("statements", "speakers", "terms", "articles"):
        table = tables[name]
        if not table.num_rows:
            continue
        keys = sorted(
            set(zip(table["outlet"].to_pylist(), table["month"].to_pylist(), strict=True)),
            key=lambda k: (k[0] or "", k[1] or ""),
        )
        for outlet, month in keys:
            mask = pc.and_(_equals(table["outlet"], outlet), _equals(table["month"], month))
            part = table.filter(mask).drop_columns(list(PARTITIONS))
            _write_atomic(
                part, _part_dir(out, name, outlet, month) / f"part-{batch_id}.parquet", staging
            )


def _equals(column: pa.ChunkedArray, value: str | None):
    if value is None:
        return pc.is_null(column)
    return pc.fill_null(pc.equal(column, value), False)


def _parts(out: Path, table: str) -> list[Path]:
    root = out / table
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("part-*.parquet") if p.is_file())


def _batch_of(part: Path) -> str:
    return part.stem.removeprefix("part-")


# --------------------------------------------------------------------------- the folder


def check_out(out: Path, force: bool) -> None:
    """Raise CorpusError unless out can take the tables: a new or empty folder, or one this
    command wrote before in this layout (any layout with force). Changes nothing."""
    if out.exists() and not out.is_dir():
        raise CorpusError(f"{display_path(out)} is a file — give a folder for the tables")
    manifest = out / MANIFEST
    if out.is_dir() and any(p.name != LOCK for p in out.iterdir()) and not manifest.is_file():
        raise CorpusError(
            f"{display_path(out)} holds files the corpus command did not write — give an "
            "empty or new folder for the tables"
        )
    if manifest.is_file() and not force:
        try:
            fmt = json.loads(manifest.read_text(encoding="utf-8")).get("format")
        except (ValueError, OSError, AttributeError):
            fmt = None
        if fmt != FORMAT:
            raise CorpusError(
                f"{display_path(out)} holds corpus tables of another layout — run again with "
                "--force to rebuild them"
            )


def prepare_out(out: Path, force: bool) -> None:
    """Make out ready (check_out first): with force, the old tables are deleted."""
    if force:
        for name in (*TABLES, STAGING):
            shutil.rmtree(out / name, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    from helpers import __version__

    (out / MANIFEST).write_text(
        json.dumps({"format": FORMAT, "kit": __version__, "tables": list(TABLES)}, indent=2) + "\n",
        encoding="utf-8",
    )


def recover(out: Path) -> dict[tuple[str, str], str]:
    """Clean up after an interrupted run and return the articles done: (file, sha256) -> batch.

    Temporary files are removed, and so are the parts of batches whose articles file was never
    written (the run stopped while writing them)."""
    shutil.rmtree(out / STAGING, ignore_errors=True)
    done: dict[tuple[str, str], str] = {}
    committed = set()
    for part in _parts(out, "articles"):
        batch = _batch_of(part)
        committed.add(batch)
        t = pq.read_table(part, columns=["file", "sha256"])
        for f, s in zip(t["file"].to_pylist(), t["sha256"].to_pylist(), strict=True):
            done[(f, s)] = batch
    for name in ("statements", "speakers", "terms"):
        for part in _parts(out, name):
            if _batch_of(part) not in committed:
                part.unlink()
    return done


def drop_files(out: Path, batches: set[str], files: set[str]) -> None:
    """Remove the rows of files (whose text has changed) from the given batches' parts."""
    staging = out / STAGING
    staging.mkdir(exist_ok=True)
    for name in ("articles", "statements", "speakers", "terms"):
        for part in _parts(out, name):
            if _batch_of(part) not in batches:
                continue
            table = pq.read_table(part)
            keep = pc.invert(pc.is_in(table["file"], pa.array(sorted(files))))
            kept = table.filter(keep)
            if kept.num_rows == table.num_rows:
                continue
            if kept.num_rows:
                _write_atomic(kept, part, staging)
            else:
                part.unlink()


# --------------------------------------------------------------------------- reading


def _filter(outlet, month):
    """The dataset filter for some outlets and months ("" stands for the missing value)."""
    import pyarrow.dataset as ds

    flt = None
    for col, wanted in (("outlet", outlet), ("month", month)):
        if wanted is None:
            continue
        values = [wanted] if isinstance(wanted, str) else list(wanted)
        cond = ds.field(col).isin(pa.array([v for v in values if v], type=pa.string()))
        if "" in values:
            cond = cond | ds.field(col).is_null()
        flt = cond if flt is None else flt & cond
    return flt


def _arrow_table(out: Path, name: str, outlet, month) -> pa.Table:
    """The committed rows of a table (of a batch whose articles file is there), filtered."""
    import pyarrow.dataset as ds  # imports pandas: only where tables are read

    committed = {_batch_of(p) for p in _parts(out, "articles")}
    parts = [str(p) for p in _parts(out, name) if _batch_of(p) in committed]
    schema = with_partitions(name)
    if not parts:
        return schema.empty_table()
    part = ds.HivePartitioning(
        pa.schema([(p, pa.string()) for p in PARTITIONS]),
        null_fallback=NULL_PART,
        segment_encoding="uri",
    )
    dataset = ds.dataset(
        parts,
        schema=schema,
        format="parquet",
        partitioning=part,
        partition_base_dir=str(out / name),
    )
    return dataset.to_table(filter=_filter(outlet, month))


def read_table(
    out: str | Path,
    name: str,
    outlet: str | Iterable[str] | None = None,
    month: str | Iterable[str] | None = None,
    columns: list[str] | None = None,
):
    """One of the four tables as a DataFrame, optionally only some outlets or months (only
    those partitions are read). outlet and month are plain text columns ("" when unknown);
    rows come in a fixed order (outlet, month, file, then the row's order in its article)."""
    import pandas as pd

    if name not in TABLES:
        raise ValueError(f"name must be one of {', '.join(TABLES)}, not {name!r}")
    out = Path(out)
    if not (out / MANIFEST).is_file():
        raise CorpusError(
            f"{display_path(out)} holds no corpus tables — make them with "
            f"`python -m helpers corpus ARTICLES... --out {display_path(out)}`"
        )
    table = _arrow_table(out, name, outlet, month)
    df = table.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get)
    for p in PARTITIONS:
        df[p] = df[p].fillna("").astype(object)
    for f in SCHEMAS[name]:
        if pa.types.is_list(f.type):  # numpy arrays from Arrow: plain lists, as speakers_table
            df[f.name] = [list(v) for v in df[f.name]]
    order = {"statements": "statement", "terms": "rank"}.get(name)
    keys = ["outlet", "month", "file"] + ([order] if order else [])
    df = df.sort_values(keys, kind="mergesort").reset_index(drop=True)
    lead = ["file", "outlet", "month"]
    df = df[lead + [c for c in df.columns if c not in lead]]
    if columns is not None:
        df = df[columns]
    return pd.DataFrame(df)
