r"""Tables between notebooks: every table is written as CSV and Parquet, read back from Parquet.

The notebooks pass their results to each other through the run's ``tables/`` folder
(``reports/tables/`` once published): notebook 01 writes ``articles``, 02 reads it and writes
``statements`` … Each table is written twice with the same rows: ``<name>.csv`` (UTF-8, LF
line ends, no index; for people and spreadsheets) and ``<name>.parquet`` (typed; what the next
notebook reads). ``articles`` keeps the fixed format of ``mediaframes ingest`` and ``analyze``
(``date_inferred`` as ``true``/``false`` in the CSV, :func:`mediaframes.corpus.articles_schema`
types in the Parquet file). Writes go through a temporary file and ``os.replace``. The columns
of each table are documented by the module that makes it (``records``, ``corpus``,
``sentiment``, ``framing``, ``compare``).

Example:
    >>> import tempfile, pandas as pd
    >>> folder = Path(tempfile.mkdtemp())
    >>> [p.name for p in write_table(pd.DataFrame({"a": [1, 2]}), folder, "demo")]
    ['demo.csv', 'demo.parquet']
    >>> read_table(folder, "demo")["a"].tolist()
    [1, 2]
"""

from __future__ import annotations

import dataclasses
import os
import re
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd

T = TypeVar("T")

_NAME = re.compile(r"[a-z][a-z0-9_]*")


def _check_name(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise ValueError(f"table name {name!r}: use lower-case letters, digits and _")
    return name


def write_table(df: pd.DataFrame, folder: str | Path, name: str) -> list[Path]:
    r"""Write ``df`` as ``folder/<name>.csv`` and ``folder/<name>.parquet``.

    Args:
        df: The table (its index is not written).
        folder: Output folder, created when missing (usually ``paths.tables_dir(out)``).
        name: Table name (lower-case letters, digits, ``_``).

    Returns:
        ``[csv_path, parquet_path]``.

    Example:
        >>> import tempfile
        >>> write_table(pd.DataFrame({"x": ["é"]}), tempfile.mkdtemp(), "t")[0].read_text()
        'x\né\n'
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    name = _check_name(name)
    csv_df, arrow = _fixed_format(df, name)
    out = []
    for suffix in (".csv", ".parquet"):
        path = folder / f"{name}{suffix}"
        tmp = folder / f".{name}{suffix}.{uuid.uuid4().hex[:8]}.tmp"
        try:
            if suffix == ".csv":
                csv_df.to_csv(tmp, index=False, lineterminator="\n", encoding="utf-8")
            elif arrow is not None:
                import pyarrow.parquet as pq

                pq.write_table(arrow, tmp)
            else:
                df.to_parquet(tmp, index=False, engine="pyarrow")
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
        out.append(path)
    return out


def _fixed_format(df: pd.DataFrame, name: str) -> tuple[pd.DataFrame, Any]:
    """The frame to write as CSV and, for a table of fixed format, the Arrow table to write.

    ``articles`` is written exactly as ``mediaframes ingest`` and ``analyze`` write it
    (:func:`mediaframes.corpus.articles_csv_frame`, :func:`mediaframes.corpus.articles_arrow`);
    other tables as pandas writes them (Arrow table None).

    Example:
        >>> _fixed_format(pd.DataFrame({"a": [1]}), "demo")[1] is None
        True
    """
    if name == "articles":
        from mediaframes import corpus

        return corpus.articles_csv_frame(df), corpus.articles_arrow(df)
    return df, None


def write_tables(tables: Mapping[str, pd.DataFrame], folder: str | Path) -> list[Path]:
    """Write several tables with :func:`write_table`, in name order; return every file written.

    Example:
        >>> import tempfile
        >>> len(write_tables({"a": pd.DataFrame(), "b": pd.DataFrame()}, tempfile.mkdtemp()))
        4
    """
    files: list[Path] = []
    for name in sorted(tables):
        files += write_table(tables[name], folder, name)
    return files


def read_table(folder: str | Path, name: str) -> pd.DataFrame:
    """Read ``folder/<name>.parquet`` written by :func:`write_table` (or by an earlier notebook).

    Raises:
        FileNotFoundError: With a hint to run the notebook that makes the table.

    Example:
        >>> import tempfile
        >>> d = tempfile.mkdtemp()
        >>> _ = write_table(pd.DataFrame({"a": [1]}), d, "x")
        >>> read_table(d, "x").shape
        (1, 1)
    """
    path = Path(folder) / f"{_check_name(name)}.parquet"
    if not path.is_file():
        raise FileNotFoundError(
            f"{path}: table {name!r} not found; run the notebook that writes it first "
            "(notebooks run in order 01 → 05, all with the same output_dir)"
        )
    return pd.read_parquet(path, engine="pyarrow")


def to_records(df: pd.DataFrame, record_type: type[T]) -> list[T]:
    """Rebuild dataclass records (e.g. ``Statement``) from a table with their fields as columns.

    Extra columns are ignored; missing columns are an error naming them.

    Example:
        >>> from mediaframes.records import Span
        >>> to_records(pd.DataFrame({"start": [0], "end": [2], "text": ["hi"]}), Span)
        [Span(start=0, end=2, text='hi')]
    """
    names = [f.name for f in dataclasses.fields(record_type)]  # type: ignore[arg-type]
    missing = [n for n in names if n not in df.columns]
    if missing:
        raise ValueError(f"cannot build {record_type.__name__} records: missing columns {missing}")
    return [record_type(**_native(row)) for row in df[names].to_dict("records")]


def _native(row: Mapping[str, Any]) -> dict[str, Any]:
    """Row values as plain Python values (numpy scalars unboxed)."""
    return {k: (v.item() if hasattr(v, "item") else v) for k, v in row.items()}
