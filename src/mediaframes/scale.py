"""Streaming analysis of a whole corpus, serially or on Dask: ``mediaframes analyze``.

The corpus is validated and read as a stream (:func:`mediaframes.corpus.iter_scan`: never all
articles at once), cut into chunks of ``chunk_size`` articles, and each chunk goes through
:func:`mediaframes.analysis.analyze_article` — in this process, or on Dask workers with at most
``window`` chunks in flight. Each chunk's tables are appended, in corpus order, to one
Parquet and one CSV file per table as soon as the chunk is next; a chunk that arrives early
waits on disk as a chunk file (uncompressed Arrow IPC and CSV rows, :func:`write_chunk`)
until its turn. Memory therefore depends on the chunk size and the
window, not on the corpus size; the corpus-level aggregates, computed last from the written
tables, read them in record batches and keep one group's scores at a time
(:mod:`mediaframes.aggregates`).

Dask: ``workers > 1`` starts a ``LocalCluster`` on loopback (processes, one thread each);
``scheduler="tcp://host:port"`` (or ``$DASK_SCHEDULER_ADDRESS`` when neither option is given)
uses a running ``distributed`` cluster; the two options exclude each other, and a malformed
address is a usage error before anything is created (:func:`resolve_dask`). A scheduler
without any worker fails after :data:`WORKER_TIMEOUT` seconds. Only an address the user gives
is ever contacted. Resources (actors, codebooks,
lexicons) are loaded once per worker, never per article. On a local cluster (or with
``--worker-io``: workers that see the corpus and output folders at the same paths) the
workers read and validate the input files and write the part files themselves; this process
only lists the files, replays the duplicate and id checks in corpus order and appends the
parts (:mod:`mediaframes.worker_io`); there a task is a group of whole input files (a
JSONL/CSV file is never split), at most ``chunk_size`` of them and fewer when that gives each
worker thread at least :data:`TASKS_PER_THREAD` tasks (:func:`files_per_task`), so one
task's memory grows with its files' records. Otherwise this process reads the corpus, sends the
articles (resources sent as one task whose result each worker fetches once, so that Dask
computes them again if the worker holding them dies) and writes the tables that come back.
Should every worker die or leave during a run, ``analyze`` fails after :data:`WORKER_TIMEOUT`
seconds without one (:class:`WorkerWatch`) instead of waiting forever. Output is identical
whatever the execution mode and chunk size (CSV, ``texts/`` and JSON byte for byte; Parquet in
rows, values and types, its row groups following the chunks): rows follow corpus input order
(file path order, then record order inside JSONL/CSV files — ``article_id`` order for a folder
of ``<id>.txt`` files), then each stage's text order: ``corpus.ROW_ORDER``, the order of
``mediaframes ingest`` and ``mediaframes run`` too.

The output is built in a hidden staging folder beside ``OUT`` and swapped in when complete
(:func:`publish_output`): a failed, interrupted or killed run never changes an earlier ``OUT``.
A rerun replaces every file below and drops a stale ``compare/``; other files in ``OUT`` are
kept. Ctrl-C and SIGTERM stop ``mediaframes analyze`` with one line and exit status 1, as
``mediaframes run`` (:func:`interrupts_raise`).

Files written to ``OUT`` (per-article table columns: see :mod:`mediaframes.analysis`):

``articles.csv|.parquet``, ``quarantine.csv|.parquet``, ``validation.json``, ``texts/``
    As written by ``mediaframes ingest`` (:mod:`mediaframes.corpus`), but streamed: same
    columns and formats; articles in corpus input order.
``statements``, ``sentiment``, ``frames``, ``mentions``, ``tone``, ``sentences`` (``.csv`` and
``.parquet``)
    The per-article tables.
``sentiment_by_actor.csv``
    ``sentiment.aggregate_by_actor``: ``speaker, method, n, n_rejected, mean, median, ci_low,
    ci_high, note`` (``n_rejected``: statements not scored because they reject a claim).
``frames_by_actor.csv``
    ``framing.frames_by_actor``: ``speaker, codebook, frame, n_statements, share``.
``tone_by_actor.csv``
    ``sentiment.aggregate_tone``: ``actor, method, n, mean, median, ci_low, ci_high, note``.
``sentiment_method_agreement.csv``
    ``sentiment.method_agreement``: ``method_a, method_b, n, spearman_r, label_agreement,
    cohen_kappa``.
``actor_frame_differences.csv``
    ``compare.actor_frame_differences``: ``actor_a, actor_b, codebook, frame, n_with_frame_a,
    n_with_frame_b, share_a, share_b, difference, n_statements_a, n_statements_b`` (each
    actor's statements in ``n_statements_a``/``_b``).
``actor_sentiment_differences.csv``
    ``compare.actor_sentiment_differences``: ``actor_a, actor_b, method, n_a, n_b, mean_a,
    mean_b, difference, ci_low, ci_high, note`` (each actor's scored statements in
    ``n_a``/``n_b``; a small-n ``note``).
``actors.yml``
    A byte copy of the actors file the analysis used (``--actors``, or the packaged one):
    ``mediaframes compare`` reads it when no ``--actors`` is given (:func:`compare_actors`).
``aggregates.json``
    How the intervals of ``sentiment_by_actor``, ``tone_by_actor`` and
    ``actor_sentiment_differences`` were computed:
    ``seed``, ``bootstrap_n`` (resamples per interval; ``--seed`` and ``--bootstrap-n``,
    default 0 and :data:`mediaframes.config.BOOTSTRAP_N` as in ``mediaframes run``),
    ``ci_level``, ``ci_method``, ``tables``.

Example:
    $ mediaframes analyze corpus --out build/analysis --workers 2
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import itertools
import json
import os
import pickle
import shutil
import struct
import sys
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import CancelledError
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.ipc as ipc
import pyarrow.parquet as pq

from mediaframes import analysis, config, paths
from mediaframes.records import Article

T = TypeVar("T")

#: Articles per chunk (one task; with worker I/O, input files per task: :func:`files_per_task`).
DEFAULT_CHUNK_SIZE = 200
#: Environment variable naming a running Dask scheduler.
SCHEDULER_ENV = "DASK_SCHEDULER_ADDRESS"
#: Seconds to wait for a scheduler before giving up.
CONNECT_TIMEOUT = 10
#: Seconds to wait for a scheduler to have at least one worker before giving up.
WORKER_TIMEOUT = 10
#: Schemes of ``--scheduler`` addresses (``host:port`` alone means ``tcp://``).
SCHEDULER_SCHEMES = ("tcp", "tls")
#: With workers reading the corpus (:mod:`mediaframes.worker_io`), the input files are grouped
#: so that there are at least this many tasks per worker thread when there are enough files
#: (see :func:`files_per_task`).
TASKS_PER_THREAD = 2
#: Dask settings of the local cluster. The workers' statistical profiler (a stack sample every
#: 10 ms), the event-loop health checks (every 20 ms, in every process) and the nannies' memory
#: checks (every 100 ms, in this process) cost CPU that the analysis needs on a small machine;
#: the workers ignore Ctrl-C (:func:`mediaframes.worker_io.dask_setup`); nothing here changes
#: results.
LOCAL_CLUSTER_CONFIG: dict[str, Any] = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
    # the workers ignore a terminal's Ctrl-C: this process reports it and closes the cluster
    "distributed.worker.preload": ["mediaframes.worker_io"],
}
#: Sub-folder of the output folder holding part files while a run is in progress.
PARTS_DIR = "_parts"
#: Bytes of a table's chunks gathered into one Parquet row group (see ``PartWriter``).
ROW_GROUP_BYTES = 4 << 20
#: Suffix of a chunk file (:func:`write_parts`; written by a Dask worker, or for a chunk that
#: arrives early): every table's Arrow IPC stream and CSV rows of one chunk in one file, with a
#: footer saying where each lies. The process that appends the chunks opens and deletes one
#: file per chunk (it was two per table).
CHUNK_SUFFIX = ".chunk"
#: Last bytes of a complete chunk file (after the footer's length).
_CHUNK_MAGIC = b"MFCHUNK1"
_CHUNK_TAIL = struct.Struct("<Q8s")
#: Alignment of each Arrow stream inside a chunk file (read without copying).
_CHUNK_ALIGN = 64


class ScaleError(RuntimeError):
    """The analysis run cannot go on (bad scheduler address, failing article …)."""


@dataclass
class AnalyzeSummary:
    """What an analysis run did.

    Attributes:
        out_dir: Output folder.
        n_articles: Articles analysed.
        n_quarantined: Inputs rejected by corpus validation.
        quarantined: Those inputs (``corpus.Rejection``: source path, reason, detail), in the
            order of ``quarantine.csv``.
        n_chunks: Chunks (tasks) processed.
        rows: Rows written per table.
        mode: ``serial``, ``local-dask`` or ``dask``.
        files: Every file written, relative to ``out_dir``.
        kept: Entries of an earlier ``out_dir`` that ``analyze`` does not write, carried over
            into the new one (:func:`publish_output`).
    """

    out_dir: Path
    n_articles: int = 0
    n_quarantined: int = 0
    quarantined: list[Any] = field(default_factory=list)
    n_chunks: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    mode: str = "serial"
    files: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


# --- streaming helpers -------------------------------------------------------------------------


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Yield consecutive lists of ``size`` items (the last one may be shorter).

    Example:
        >>> [len(c) for c in chunked(range(5), 2)]
        [2, 2, 1]
    """
    if size < 1:
        raise ValueError(f"chunk size must be at least 1, got {size}")
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


def articles_schema() -> pa.Schema:
    """Arrow schema of the ``articles`` table: :func:`mediaframes.corpus.articles_schema`.

    Example:
        >>> articles_schema().field("n_words").type
        DataType(int64)
    """
    from mediaframes import corpus

    return corpus.articles_schema()


def articles_table(articles: Sequence[Article]) -> pa.Table:
    """The ``articles`` rows of a chunk (``corpus.article_row``) as an Arrow table.

    Example:
        >>> articles_table([]).num_rows
        0
    """
    from mediaframes import corpus

    schema = articles_schema()
    rows = [corpus.article_row(a) for a in articles]
    cols = {}
    for f in schema:
        values = [r[f.name] for r in rows]
        if f.type == pa.string():
            values = [v if v is None or isinstance(v, str) else str(v) for v in values]
        cols[f.name] = pa.array(values, type=f.type)
    return pa.table(cols, schema=schema)


def table_schemas() -> dict[str, pa.Schema]:
    """Schemas of every table a chunk produces: ``articles`` plus the analysis tables.

    Example:
        >>> list(table_schemas())[:2]
        ['articles', 'statements']
    """
    return {"articles": articles_schema(), **analysis.table_schemas()}


def analyze_chunk(
    articles: Sequence[Article], resources: analysis.Resources
) -> dict[str, pa.Table]:
    """Analyse a chunk of articles and return its tables (the unit of work of a Dask task).

    Args:
        articles: Articles, in corpus order.
        resources: Loaded resources.

    Returns:
        ``{table name: pa.Table}``: ``articles`` and the tables of
        :func:`mediaframes.analysis.analysis_tables`.

    Raises:
        ScaleError: When an article fails; the message names its source file and id.

    Example:
        >>> analyze_chunk([], analysis.load_resources())["statements"].num_rows
        0
    """
    results = []
    for article in articles:
        try:
            results.append(analysis.analyze_article(article, resources))
        except Exception as exc:  # name the article, keep the cause
            raise ScaleError(
                f"{article.source_path} (article {article.article_id}): analysis failed: "
                f"{type(exc).__name__}: {exc}"
            ) from exc
    return {"articles": articles_table(articles), **analysis.analysis_tables(results)}


def _csv_frame(name: str, table: pa.Table) -> Any:
    """A part as the pandas frame written to CSV (``articles`` as ``mediaframes ingest`` does)."""
    df = table.to_pandas()
    if name == "articles" and "date_inferred" in df.columns:
        df["date_inferred"] = [
            "" if v is None or v != v else ("true" if v else "false") for v in df["date_inferred"]
        ]
    return df


def _csv_quoted_chars() -> str:
    r"""Which of comma, quote, CR and LF make this Python's ``csv`` module quote a field.

    With pandas' settings (``QUOTE_MINIMAL``, ``"\n"`` line ends) Python 3.11 quotes a field
    holding a comma, a quote or a LF, not a lone CR; asking the module keeps that exact.

    Example:
        >>> set(",\"\n") <= set(_csv_quoted_chars())
        True
    """
    quoted = []
    for char in ',"\r\n':
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerow((f"a{char}b", ""))
        if buf.getvalue().startswith('"'):
            quoted.append(char)
    return "".join(quoted)


#: Regex (Arrow, RE2) of the fields the ``csv`` module quotes (see :func:`_csv_quoted_chars`).
_CSV_QUOTE_RE = "[" + _csv_quoted_chars().replace("\r", "\\r").replace("\n", "\\n") + "]"


def _csv_cells(name: str, field: pa.Field, column: pa.ChunkedArray) -> list[str] | None:
    """One column's CSV cells exactly as :func:`_csv_frame` + pandas ``to_csv`` writes them.

    pandas hands the ``csv`` module the values of each column with nulls as ``""``: strings
    as they are, ``int64`` as Python ints, ``float64`` as ``str`` of the NumPy value (the
    shortest round-trip form, which is Python's ``repr``; NaN empty) and booleans as
    ``True``/``False``. Strings the ``csv`` module quotes (found by Arrow,
    :data:`_CSV_QUOTE_RE`) are quoted as it does: in ``"``, inner quotes doubled. Any other
    type (or an integer column with nulls, which pandas turns into floats) returns None: the
    caller falls back to pandas.

    Example:
        >>> _csv_cells("t", pa.field("x", pa.float64()), pa.chunked_array([[0.5, None]]))
        ['0.5', '']
    """
    values = column.to_pylist()
    kind = field.type
    if name == "articles" and field.name == "date_inferred":
        return ["" if v is None or v != v else ("true" if v else "false") for v in values]
    if kind == pa.string() or kind == pa.large_string():
        flags = pc.match_substring_regex(column, _CSV_QUOTE_RE)
        for i in pc.indices_nonzero(flags).to_pylist():
            values[i] = '"' + values[i].replace('"', '""') + '"'
        return ["" if v is None else v for v in values] if column.null_count else values
    if kind == pa.float64():
        return ["" if v is None or v != v else repr(v) for v in values]
    if kind == pa.int64() and not column.null_count:
        return list(map(str, values))
    if kind == pa.bool_():
        return ["" if v is None else ("True" if v else "False") for v in values]
    return None


def _write_csv_rows(fh: Any, name: str, table: pa.Table) -> None:
    r"""Append ``table``'s rows (no header) to ``fh``, byte for byte as pandas ``to_csv`` would.

    Formats the columns directly (:func:`_csv_cells`) and joins them with ``,`` and ``"\n"``
    (the ``csv`` settings pandas uses: ``QUOTE_MINIMAL``, ``"\n"`` line ends), without
    building a DataFrame; tables of fewer than two columns (the ``csv`` module quotes a lone
    empty field) or of column types it does not know go through :func:`_csv_frame`.

    Example:
        >>> import io
        >>> buf = io.StringIO()
        >>> _write_csv_rows(buf, "t", pa.table({"s": ["a,b", None], "x": [1.0, 2.5]}))
        >>> buf.getvalue()
        '"a,b",1.0\n,2.5\n'
    """
    cells = [_csv_cells(name, f, c) for f, c in zip(table.schema, table.columns, strict=True)]
    if len(cells) < 2 or any(c is None for c in cells):
        _csv_frame(name, table).to_csv(fh, index=False, header=False, lineterminator="\n")
        return
    if table.num_rows:
        fh.write("\n".join(map(",".join, zip(*cells, strict=True))))
        fh.write("\n")


def chunk_path(parts_dir: str | Path, index: int, attempt: str = "") -> str:
    """Path of chunk ``index``'s chunk file (:func:`write_parts`) in ``parts_dir``.

    Args:
        parts_dir: The run's parts folder.
        index: Chunk number.
        attempt: Tag of a second computation of the chunk (its own file), ``""`` for the first.

    Example:
        >>> chunk_path("p", 3), chunk_path("p", 3, "exact")
        ('p/part-00000003.chunk', 'p/part-00000003-exact.chunk')
    """
    tag = f"-{attempt}" if attempt else ""
    return os.path.join(parts_dir, f"part-{index:08d}{tag}{CHUNK_SUFFIX}")


def write_chunk(
    path: str | Path,
    tables: dict[str, pa.Table],
    schemas: dict[str, pa.Schema],
    extra: Any = None,
) -> dict[str, int]:
    r"""Write a chunk file: each non-empty table's Arrow stream and CSV rows, then a footer.

    Layout: for each table an uncompressed Arrow IPC stream (cast to its schema, aligned to
    64 bytes) and its CSV rows (no header, exactly as :class:`PartWriter` appends them); then
    the pickled footer ``{"tables": {name: (arrow offset, arrow length, csv offset, csv length,
    rows)}, "extra": extra}``, its length (8 bytes, little-endian) and ``MFCHUNK1``. The file is
    written under a temporary name and renamed into place: a chunk file either is complete or
    does not exist.

    Returns:
        Rows written per table (every table of ``schemas``).

    Example:
        >>> import tempfile, os
        >>> p = os.path.join(tempfile.mkdtemp(), "c.chunk")
        >>> t = pa.table({"x": [1, 2]})
        >>> write_chunk(p, {"t": t}, {"t": t.schema}, extra="hi")
        {'t': 2}
        >>> with ChunkParts(p) as parts:
        ...     parts.table("t").num_rows, bytes(parts.csv("t")), parts.extra
        (2, b'1\n2\n', 'hi')
    """
    rows = dict.fromkeys(schemas, 0)
    where: dict[str, tuple[int, int, int, int, int]] = {}
    tmp = f"{path}.{uuid.uuid4().hex}.tmp"
    try:
        with pa.OSFile(tmp, "wb") as sink:
            for name, schema in schemas.items():
                table = tables.get(name)
                if table is None or table.num_rows == 0:
                    continue
                table = table.select(schema.names).cast(schema)
                pad = -sink.tell() % _CHUNK_ALIGN
                if pad:
                    sink.write(b"\0" * pad)
                arrow_at = sink.tell()
                with ipc.new_stream(sink, schema) as stream:
                    stream.write_table(table)
                csv_at = sink.tell()
                text = io.StringIO()
                _write_csv_rows(text, name, table)
                sink.write(text.getvalue().encode("utf-8"))
                end = sink.tell()
                rows[name] = table.num_rows
                where[name] = (arrow_at, csv_at - arrow_at, csv_at, end - csv_at, rows[name])
            footer = pickle.dumps({"tables": where, "extra": extra}, protocol=5)
            sink.write(footer)
            sink.write(_CHUNK_TAIL.pack(len(footer), _CHUNK_MAGIC))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return rows


class ChunkParts:
    """An open chunk file (:func:`write_chunk`): its tables, CSV rows and extra.

    Each table is read into its own buffer (not a memory map of the whole file: a table
    waiting for its Parquet row group would keep every other table's bytes mapped, and a small
    table waits for many chunks).

    Attributes:
        path: The file.
        rows: Rows per table present in the file (tables with rows only).
        extra: The object stored with the chunk (a Dask worker's outcomes).

    Raises:
        ScaleError: When the file is not a complete chunk file (the message names it).
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._file = pa.OSFile(self.path)
        try:
            size = self._file.size()
            if size < _CHUNK_TAIL.size:
                raise ValueError("too short")
            tail = self._file.read_at(_CHUNK_TAIL.size, size - _CHUNK_TAIL.size)
            n, magic = _CHUNK_TAIL.unpack(tail)
            if magic != _CHUNK_MAGIC or n > size - _CHUNK_TAIL.size:
                raise ValueError("no chunk footer")
            footer = pickle.loads(self._file.read_at(n, size - _CHUNK_TAIL.size - n))
        except Exception as exc:
            self._file.close()
            raise ScaleError(f"{self.path}: not a complete chunk file ({exc})") from exc
        self._where: dict[str, tuple[int, int, int, int, int]] = footer["tables"]
        self.rows = {name: w[4] for name, w in self._where.items()}
        self.extra = footer["extra"]

    def table(self, name: str) -> pa.Table | None:
        """Table ``name`` (None when the chunk has no row of it)."""
        if name not in self._where:
            return None
        at, n = self._where[name][:2]
        self._file.seek(at)  # read_buffer: an Arrow buffer, aligned, read without a copy
        return ipc.open_stream(self._file.read_buffer(n)).read_all()

    def csv(self, name: str) -> bytes:
        """The UTF-8 CSV rows of table ``name`` (empty when the chunk has no row of it)."""
        if name not in self._where:
            return b""
        at, n = self._where[name][2:4]
        return self._file.read_at(n, at)

    def copy_csv(self, name: str, fd: int) -> None:
        """Append the CSV rows of table ``name`` to the open file ``fd`` (kernel-side copy)."""
        if name not in self._where:
            return
        at, n = self._where[name][2:4]
        src = self._file.fileno()
        while n > 0:
            try:
                sent = os.sendfile(fd, src, at, n)
            except OSError:  # no sendfile between these files: copy through this process
                data = os.pread(src, n, at)
                sent = os.write(fd, data)
            if sent <= 0:
                raise ScaleError(f"{self.path}: could not copy the CSV rows of {name}")
            at, n = at + sent, n - sent

    def close(self) -> None:
        """Close the file (tables already read stay valid)."""
        self._file.close()

    def __enter__(self) -> ChunkParts:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def write_parts(
    parts_dir: str | Path,
    index: int,
    tables: dict[str, pa.Table],
    schemas: dict[str, pa.Schema] | None = None,
    *,
    extra: Any = None,
    attempt: str = "",
) -> dict[str, int]:
    """Write a chunk's tables as one ready-to-append chunk file; return the rows per table.

    The file is :func:`chunk_path` ``(parts_dir, index, attempt)`` (:func:`write_chunk`: each
    non-empty table's Arrow stream and CSV rows), so the process that combines the chunks only
    copies bytes and Arrow batches. Dask workers call this on their own chunk
    (:func:`mediaframes.worker_io.run_chunk`), with their outcomes as ``extra``.

    Example:
        >>> import tempfile
        >>> t = pa.table({"x": [1, 2]})
        >>> write_parts(tempfile.mkdtemp(), 0, {"t": t}, {"t": t.schema})
        {'t': 2}
    """
    schemas = schemas if schemas is not None else table_schemas()
    os.makedirs(parts_dir, exist_ok=True)
    return write_chunk(chunk_path(parts_dir, index, attempt), tables, schemas, extra)


class PartWriter:
    """Appends each chunk's tables to ``<table>.parquet`` and ``<table>.csv`` in chunk order.

    Chunks may arrive in any order (Dask): the next expected chunk is appended at once, a chunk
    that arrives early waits on disk as a chunk file (:func:`write_parts`, never in memory)
    until its predecessors are in, as do the chunk files Dask workers write (:meth:`adopt`).
    Final files are written under temporary names and renamed by :meth:`combine` once every
    chunk is in, so a failed run leaves no half-written table.

    Example:
        >>> import tempfile
        >>> w = PartWriter(Path(tempfile.mkdtemp()))
        >>> w.write(0, analyze_chunk([], analysis.load_resources()))
        >>> w.combine()["statements"]
        0
    """

    def __init__(self, out_dir: Path, schemas: dict[str, pa.Schema] | None = None) -> None:
        self.out_dir = Path(out_dir)
        self.parts = self.out_dir / PARTS_DIR
        self.schemas = dict(schemas or table_schemas())
        if self.parts.exists():
            shutil.rmtree(self.parts)
        self.next_index = 0
        self.adopted: dict[int, str | ChunkParts] = {}
        self.rows = dict.fromkeys(self.schemas, 0)
        self._parquet: dict[str, pq.ParquetWriter] = {}
        self._pending: dict[str, list[pa.Table]] = {name: [] for name in self.schemas}
        self._pending_bytes = dict.fromkeys(self.schemas, 0)
        self._csv: dict[str, Any] = {}
        for name, schema in self.schemas.items():
            self._parquet[name] = pq.ParquetWriter(self._tmp(name, "parquet"), schema)
            fh = open(self._tmp(name, "csv"), "w", encoding="utf-8", newline="")
            _csv_frame(name, schema.empty_table()).to_csv(fh, index=False, lineterminator="\n")
            self._csv[name] = fh

    def _tmp(self, name: str, ext: str) -> Path:
        return self.out_dir / f"{name}.{ext}.tmp"

    def _append(self, tables: dict[str, pa.Table]) -> None:
        for name, schema in self.schemas.items():
            table = tables.get(name)
            if table is None or table.num_rows == 0:
                continue
            table = table.select(schema.names).cast(schema)
            self._write_parquet(name, table)
            _write_csv_rows(self._csv[name], name, table)
            self.rows[name] += table.num_rows

    def _append_parts(self, index: int, source: str | ChunkParts) -> None:
        """Append chunk ``index``'s chunk file (:func:`write_parts`), then delete it."""
        parts = source if isinstance(source, ChunkParts) else ChunkParts(source)
        try:
            for name, schema in self.schemas.items():
                table = parts.table(name)
                if table is None:
                    continue
                if not table.schema.equals(schema, check_metadata=True):
                    table = table.cast(schema)
                self._write_parquet(name, table)
                fh = self._csv[name]
                fh.flush()  # the text layer's bytes first, then the part's bytes after them
                parts.copy_csv(name, fh.fileno())
                self.rows[name] += table.num_rows
        finally:
            parts.close()
        os.unlink(parts.path)

    def adopt(self, index: int, source: str | ChunkParts | None = None) -> None:
        """Take chunk ``index`` whose chunk file a worker wrote under ``parts``.

        Appended at once when it is the next chunk in order (with any parked successors),
        otherwise left on disk until its turn.

        Args:
            index: Chunk number.
            source: The chunk file (a path, or an open :class:`ChunkParts`, closed here);
                default :func:`chunk_path` ``(parts, index)``.
        """
        if index < self.next_index or index in self.adopted:
            raise ValueError(f"chunk {index} written twice")
        self.adopted[index] = source if source is not None else chunk_path(self.parts, index)
        self._drain()

    def write(self, index: int, tables: dict[str, pa.Table]) -> None:
        """Take the tables of chunk ``index``: append them, or park them until their turn."""
        if index < self.next_index or index in self.adopted:
            raise ValueError(f"chunk {index} written twice")
        if index != self.next_index:  # parked as the chunk file a worker would write
            write_parts(self.parts, index, tables, self.schemas)
            self.adopted[index] = chunk_path(self.parts, index)
            return
        self._append(tables)
        self.next_index += 1
        self._drain()

    def _drain(self) -> None:
        """Append the parked chunk files (written or adopted) that are next in order."""
        while self.next_index in self.adopted:
            self._append_parts(self.next_index, self.adopted.pop(self.next_index))
            self.next_index += 1

    def _write_parquet(self, name: str, table: pa.Table) -> None:
        """Gather ``table`` into the next row group, written once :data:`ROW_GROUP_BYTES` wait.

        A Parquet writer keeps every row group's metadata (~0.8 kB per column) until it closes:
        one row group per chunk grew with the corpus (~60 MB at 2,000 chunks for four tables).
        """
        self._pending[name].append(table)
        self._pending_bytes[name] += table.nbytes
        if self._pending_bytes[name] >= ROW_GROUP_BYTES:
            self._flush_parquet(name)

    def _flush_parquet(self, name: str) -> None:
        if self._pending[name]:
            self._parquet[name].write_table(pa.concat_tables(self._pending[name]))
        self._pending[name] = []
        self._pending_bytes[name] = 0

    def _close(self) -> None:
        for source in self.adopted.values():
            if isinstance(source, ChunkParts):
                source.close()
        for pw in self._parquet.values():
            pw.close()
        for fh in self._csv.values():
            fh.close()
        shutil.rmtree(self.parts, ignore_errors=True)

    def combine(self) -> dict[str, int]:
        """Close the files and move them into place; returns the rows written per table.

        Raises:
            ScaleError: When a chunk before a received one never arrived.
        """
        if self.adopted:
            self.abort()
            raise ScaleError(
                f"chunk {self.next_index} never arrived (chunks {sorted(self.adopted)} did)"
            )
        for name in self.schemas:
            self._flush_parquet(name)
        self._close()
        for name in self.schemas:
            for ext in ("parquet", "csv"):
                os.replace(self._tmp(name, ext), self.out_dir / f"{name}.{ext}")
        return dict(self.rows)

    def abort(self) -> None:
        """Close and delete the unfinished files (after a failed run)."""
        self._close()
        for name in self.schemas:
            for ext in ("parquet", "csv"):
                self._tmp(name, ext).unlink(missing_ok=True)


class IngestStream:
    """Stream a corpus folder through corpus validation, writing the ingest side tables.

    Iterating yields the valid articles in input order; meanwhile ``texts/<article_id>.txt`` is
    written for each, and rejected inputs are collected. :meth:`finish` writes
    ``quarantine.csv|.parquet`` and ``validation.json`` (the same counts as
    ``mediaframes ingest``).

    Example:
        >>> import tempfile
        >>> stream = IngestStream(paths.corpus_dir(), Path(tempfile.mkdtemp()))
        >>> [a.article_id for a in stream][:1]
        ['000_413afbb7d4f14754']
    """

    def __init__(self, corpus_dir: Path, out: Path) -> None:
        self.corpus_dir = Path(corpus_dir)
        self.out = Path(out)
        self.rejections: list[Any] = []
        self.notes: list[str] = []
        self.accepted = 0
        self.warned = 0
        self.warning_messages = 0
        self.languages: dict[str, int] = {}

    def prepare_texts(self) -> Path:
        """Empty (or create) the ``texts/`` folder of the output and return it."""
        texts = paths.ingest_texts_dir(self.out)
        if texts.exists():
            shutil.rmtree(texts)
        texts.mkdir(parents=True)
        return texts

    def count(self, source_path: str, article_id: str, n_warnings: int, language: str) -> None:
        """Count an accepted article (its warnings and language) for ``validation.json``.

        Raises:
            ScaleError: When the id is not safe as a file name.
        """
        from mediaframes import corpus

        if corpus.safe_id(article_id) != article_id:
            raise ScaleError(f"{source_path}: unsafe article id {article_id!r}")
        self.accepted += 1
        if n_warnings:
            self.warned += 1
            self.warning_messages += n_warnings
        self.languages[language] = self.languages.get(language, 0) + 1

    def __iter__(self) -> Iterator[Article]:
        from mediaframes import corpus

        texts = self.prepare_texts()
        for item in corpus.iter_scan(self.corpus_dir, notes=self.notes):
            if not isinstance(item, Article):
                self.rejections.append(item)
                continue
            lang = str(item.metadata.get("language") or "unknown")
            self.count(item.source_path, item.article_id, len(item.warnings), lang)
            (texts / f"{item.article_id}.txt").write_bytes(item.text.encode("utf-8"))
            yield item

    def finish(self) -> list[str]:
        """Write the quarantine table and ``validation.json``; return the files written."""
        import pandas as pd

        from mediaframes import corpus

        rej = sorted(self.rejections, key=corpus.quarantine_order)
        q = pd.DataFrame(
            [[r.source_path, r.reason, r.detail] for r in rej],
            columns=list(corpus.QUARANTINE_COLUMNS),
            dtype="string",
        )
        q.to_csv(self.out / "quarantine.csv", index=False, lineterminator="\n", encoding="utf-8")
        q.to_parquet(self.out / "quarantine.parquet", index=False, engine="pyarrow")
        by_reason: dict[str, int] = {}
        for r in rej:
            by_reason[r.reason] = by_reason.get(r.reason, 0) + 1
        summary = {
            "inputs": self.accepted + len(rej),
            "accepted": self.accepted,
            "quarantined": len(rej),
            "by_reason": dict(sorted(by_reason.items())),
            "warnings": self.warned,
            "warning_messages": self.warning_messages,
            "languages": dict(sorted(self.languages.items())),
            "notes": list(self.notes),
        }
        (self.out / "validation.json").write_text(
            json.dumps(summary, indent=2, ensure_ascii=False, sort_keys=True) + "\n",
            encoding="utf-8",
        )
        return ["quarantine.csv", "quarantine.parquet", "validation.json"]


def _check_folders(corpus_dir: Path, out: Path) -> None:
    """Refuse an output folder that holds the corpus or lies inside its raw inputs."""
    if not corpus_dir.is_dir():
        from mediaframes import corpus

        raise ScaleError(corpus._no_corpus_folder(corpus_dir))
    out_real, corpus_real = out.resolve(), corpus_dir.resolve()
    raw_real = paths.corpus_raw_dir(corpus_dir).resolve()
    if corpus_real.is_relative_to(out_real):
        raise ScaleError(f"output folder {out} contains the corpus folder {corpus_dir}")
    if out_real.is_relative_to(raw_real):
        raise ScaleError(f"output folder {out} is inside the raw inputs {raw_real}")


# --- Dask --------------------------------------------------------------------------------------


def scheduler_address(explicit: str | None) -> str | None:
    """The scheduler to use: the one given, else ``$DASK_SCHEDULER_ADDRESS``, else None.

    Example:
        >>> scheduler_address("tcp://127.0.0.1:8786")
        'tcp://127.0.0.1:8786'
    """
    if explicit:
        return explicit
    return os.environ.get(SCHEDULER_ENV) or None


def check_scheduler_address(address: str, given_as: str = "--scheduler") -> str:
    """Check the form of a scheduler address, before anything is contacted or created.

    Accepted: ``[tcp://|tls://]host:port`` with a port from 1 to 65535 (an IPv6 host in
    brackets, ``tcp://[::1]:8786``). Nothing is resolved or contacted here.

    Args:
        address: The address as given.
        given_as: Where it came from (``--scheduler`` or ``$DASK_SCHEDULER_ADDRESS``), for the
            message.

    Returns:
        The address, unchanged.

    Raises:
        ValueError: When it is not of that form (a usage error); the message names the address,
            where it came from and the reason.

    Example:
        >>> check_scheduler_address("tcp://127.0.0.1:8786")
        'tcp://127.0.0.1:8786'
        >>> check_scheduler_address("localhost")
        Traceback (most recent call last):
        ...
        ValueError: --scheduler 'localhost': no port; expected tcp://host:port
    """

    def bad(reason: str) -> ValueError:
        return ValueError(f"{given_as} {address!r}: {reason}; expected tcp://host:port")

    rest = address.strip()
    if rest != address or not rest:
        raise bad("empty or surrounded by spaces")
    if "://" in rest:
        scheme, rest = rest.split("://", 1)
        if scheme.lower() not in SCHEDULER_SCHEMES:
            raise bad(f"scheme {scheme + '://'!r} is not one of {', '.join(SCHEDULER_SCHEMES)}")
    if rest.startswith("["):  # [IPv6]:port
        host, sep, port = rest[1:].partition("]:")
        if not sep:
            raise bad("no port after the bracketed host")
    else:
        host, sep, port = rest.rpartition(":")
        if not sep:
            raise bad("no port")
    if not host or any(c in host for c in "/?#@ ") or (":" in host and not rest.startswith("[")):
        raise bad(f"bad host {host!r}")
    if not (port.isascii() and port.isdigit()) or not 1 <= int(port) <= 65535:
        raise bad(f"port {port!r} is not a number from 1 to 65535")
    return address


def check_tls_settings(address: str, given_as: str = "--scheduler") -> None:
    """Refuse a ``tls://`` address when Dask has no TLS settings to connect with.

    Without a CA file and a client certificate in the Dask configuration, ``distributed``
    fails at once with "TLS expects a `ssl_context` argument …", then spends 20 s closing
    the client it could not connect. Dask's own rule decides (``Security``).

    Raises:
        ValueError: A usage error naming the address and the settings to give.

    Example:
        >>> check_tls_settings("tcp://127.0.0.1:8786")  # not TLS: nothing to check
    """
    if not address.startswith("tls://"):
        return
    from distributed.security import Security

    try:
        context = Security().get_connection_args("client").get("ssl_context")
    except Exception as exc:
        raise ValueError(
            f"{given_as} {address!r}: Dask's TLS settings cannot be used: {exc}"
        ) from None
    if context is None:
        raise ValueError(
            f"{given_as} {address!r}: a tls:// scheduler needs Dask's TLS settings, and none "
            "are set: give the CA file and this client's certificate (and key) in the Dask "
            "configuration (distributed.comm.tls.ca-file, distributed.comm.tls.client.cert, "
            "distributed.comm.tls.client.key; or the environment variables "
            "DASK_DISTRIBUTED__COMM__TLS__CA_FILE, DASK_DISTRIBUTED__COMM__TLS__CLIENT__CERT, "
            "DASK_DISTRIBUTED__COMM__TLS__CLIENT__KEY)"
        )


def resolve_dask(scheduler: str | None, workers: int | None) -> tuple[str | None, int]:
    """Which Dask to use: ``(scheduler address or None, local worker processes)``.

    An explicit option beats the environment: ``--scheduler`` is used as given; an explicit
    ``workers`` (``--workers N``, even 1) ignores ``$DASK_SCHEDULER_ADDRESS``; only when
    neither is given is that variable read. ``--workers N`` (N > 1) and ``--scheduler`` together
    are a usage error. Every address is checked (:func:`check_scheduler_address`) before
    anything is contacted or created.

    Args:
        scheduler: The ``--scheduler`` address, or None.
        workers: The ``--workers`` value, or None when not given.

    Raises:
        ValueError: On a malformed address, ``workers < 1`` or both options at once.

    Example:
        >>> resolve_dask("tcp://127.0.0.1:8786", None)
        ('tcp://127.0.0.1:8786', 1)
        >>> resolve_dask(None, 2)
        (None, 2)
    """
    if workers is not None and workers < 1:
        raise ValueError(f"--workers must be at least 1, got {workers}")
    if scheduler is not None:
        check_scheduler_address(scheduler)
        if workers is not None and workers > 1:
            raise ValueError(
                f"--workers {workers} and --scheduler {scheduler} exclude each other: "
                "--workers starts a local cluster, --scheduler uses a running one"
            )
        check_tls_settings(scheduler)
        return scheduler, 1
    if workers is not None:
        return None, workers
    env = os.environ.get(SCHEDULER_ENV) or None
    if env is not None:
        check_scheduler_address(env, f"${SCHEDULER_ENV}")
        check_tls_settings(env, f"${SCHEDULER_ENV}")
    return env, 1


def files_per_task(
    n_files: int, chunk_size: int, threads: int, tasks_per_thread: int = TASKS_PER_THREAD
) -> int:
    """Input files per task when the workers read the corpus (:mod:`mediaframes.worker_io`).

    A task holds whole files (a JSONL/CSV file and all its records go to one task): at most
    ``chunk_size`` files, and fewer when that leaves at least ``tasks_per_thread`` tasks per
    worker thread, so that a corpus of a few record files still spreads over the workers.
    ``tasks_per_thread < 1`` turns the spreading off (``chunk_size`` files per task).

    Example:
        >>> files_per_task(12, 200, 2), files_per_task(1000, 200, 2), files_per_task(3, 200, 2)
        (3, 200, 1)
    """
    if tasks_per_thread < 1 or threads < 1 or n_files < 1:
        return chunk_size
    return max(1, min(chunk_size, -(-n_files // (tasks_per_thread * threads))))


def connection_refused(address: str, timeout: float = 5.0) -> bool:
    """True when the host of a checked scheduler address refuses a TCP connection to its port.

    A refused connection (a closed port) is certain at once, where ``distributed.Client`` would
    retry it until its timeout and then report a time-out. Anything else (the connection
    opens, the host does not answer, the name does not resolve) is False: ``Client`` decides.

    Example:
        >>> connection_refused("tcp://127.0.0.1:1")
        True
    """
    import socket

    rest = address.split("://", 1)[-1]
    if rest.startswith("["):  # [IPv6]:port
        host, _, port = rest[1:].partition("]:")
    else:
        host, _, port = rest.rpartition(":")
    try:
        with socket.create_connection((host, int(port)), timeout=timeout):
            return False
    except ConnectionRefusedError:
        return True
    except (OSError, ValueError):
        return False


def unresolved_host(address: str) -> str | None:
    """The host of a checked scheduler address when its name does not resolve, else None.

    A misspelt host name is certain at once, where ``distributed.Client`` would retry it until
    its timeout and then report a time-out, as for a scheduler that does not answer.

    Example:
        >>> unresolved_host("tcp://nosuchhost.invalid:8786")
        'nosuchhost.invalid'
        >>> unresolved_host("tcp://127.0.0.1:8786") is None
        True
    """
    import socket

    rest = address.split("://", 1)[-1]
    if rest.startswith("["):  # [IPv6]:port: a literal address, nothing to resolve
        return None
    host, _, port = rest.rpartition(":")
    try:
        socket.getaddrinfo(host, int(port), type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        if exc.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)):
            return host
    except (OSError, ValueError):
        pass
    return None


def check_not_refused(address: str, timeout: float = 5.0) -> None:
    """Fail at once when the scheduler's host name does not resolve or its port is closed.

    (:func:`unresolved_host`, :func:`connection_refused`.)

    Raises:
        ScaleError: Naming the address and saying the name is unknown or the connection was
            refused.

    Example:
        >>> check_not_refused("tcp://127.0.0.1:1")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        mediaframes.scale.ScaleError: cannot connect to ...: connection refused ...
    """
    host = unresolved_host(address)
    if host is not None:  # Dask would retry until its timeout, then say "timed out"
        raise ScaleError(
            f"cannot connect to the Dask scheduler at {address!r}: the host name {host!r} does "
            "not resolve (no such host). Check the address (tcp://host:port)."
        )
    if connection_refused(address, timeout):  # Dask would retry until its timeout
        raise ScaleError(
            f"cannot connect to the Dask scheduler at {address!r}: connection refused (nothing "
            "listens on that port). Check the address (tcp://host:port) and that the scheduler "
            "is running."
        )


def connect(address: str, timeout: float | None = None, need_workers: bool = False) -> Any:
    """Connect a ``distributed.Client`` to a running scheduler, with a clear error.

    Args:
        address: Scheduler address given by the user (``tcp://host:port``).
        timeout: Seconds to wait (default :data:`CONNECT_TIMEOUT`).
        need_workers: Also wait (at most :data:`WORKER_TIMEOUT` s) until the scheduler has a
            worker.

    Returns:
        A connected ``distributed.Client``.

    Raises:
        ScaleError: When the scheduler cannot be reached, or has no worker in time with
            ``need_workers``; the message names the address.

    Example:
        >>> connect("tcp://127.0.0.1:1", timeout=1)  # doctest: +SKIP
        Traceback (most recent call last):
        ScaleError: cannot connect to the Dask scheduler at 'tcp://127.0.0.1:1' ...
    """
    timeout = CONNECT_TIMEOUT if timeout is None else timeout
    check_not_refused(address, min(timeout, 5.0))
    from distributed import Client

    try:
        client = Client(address, timeout=f"{timeout}s", set_as_default=False)
    except Exception as exc:
        raise ScaleError(
            f"cannot connect to the Dask scheduler at {address!r} "
            f"(waited {timeout:g} s): {type(exc).__name__}: {exc}. "
            f"Check the address (tcp://host:port) and that the scheduler is running."
        ) from exc
    if need_workers:
        try:
            client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
        except BaseException as exc:
            client.close()
            if not isinstance(exc, Exception):
                raise
            raise ScaleError(
                f"the Dask scheduler at {address!r} has no worker (waited {WORKER_TIMEOUT:g} "
                "s): No valid workers found. Start workers with `dask worker ADDRESS`, or use "
                "--workers N for a local cluster."
            ) from exc
    return client


def local_cluster(workers: int) -> Any:
    """Start a ``LocalCluster`` on loopback: ``workers`` processes, one thread each.

    Example:
        >>> cluster = local_cluster(2)  # doctest: +SKIP
    """
    import dask
    from distributed import LocalCluster

    try:
        with dask.config.set(LOCAL_CLUSTER_CONFIG):
            return LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                silence_logs=40,
            )
    except Exception as exc:
        raise ScaleError(
            f"cannot start a local Dask cluster with {workers} worker(s): "
            f"{type(exc).__name__}: {exc}"
        ) from exc


def _worker_count(client: Any) -> int:
    """Workers the scheduler of ``client`` has now; 0 when it cannot be asked (it is gone)."""
    try:
        return len(client.nthreads())
    except Exception:
        return 0


class WorkerWatch:
    """Fails a Dask run whose cluster has had no worker for ``timeout`` seconds.

    ``distributed`` waits forever for a task that no worker can run, and for the result of a
    task whose worker died with it: when every worker of a cluster dies or leaves during a run
    (killed, out of memory, its machine shut down, or the scheduler is gone), ``analyze``
    would hang without a word. While it waits, the run calls :meth:`check`, which asks the
    scheduler every ``poll`` seconds how many workers it has and gives up after ``timeout``
    seconds (default :data:`WORKER_TIMEOUT`) with none. A worker that dies while others remain,
    or that a nanny restarts in time, is Dask's to handle (it reruns the lost tasks).

    Args:
        client: The run's ``distributed.Client``.
        timeout: Seconds without any worker before failing.
        poll: Seconds between two questions to the scheduler.
        count: Returns the number of workers of ``client`` (tests replace it).

    Example:
        >>> watch = WorkerWatch(None, timeout=0, poll=0, count=lambda client: 0)
        >>> watch.check()  # the first check without a worker starts the clock
        >>> watch.check()  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        mediaframes.scale.ScaleError: the Dask scheduler at None has had no worker for 0 s ...
    """

    def __init__(
        self,
        client: Any,
        timeout: float | None = None,
        poll: float = 1.0,
        count: Callable[[Any], int] | None = None,
    ) -> None:
        self.client = client
        self.timeout = WORKER_TIMEOUT if timeout is None else timeout
        self.poll = poll
        self.count = count or _worker_count
        self.alone_since: float | None = None
        self.next_check = time.monotonic() + poll

    def progress(self) -> None:
        """Something completed: the cluster works."""
        self.alone_since = None

    def check(self) -> None:
        """Ask the scheduler for its workers (at most every ``poll`` s); fail after the timeout.

        Raises:
            ScaleError: Naming the scheduler's address, when it had no worker for ``timeout`` s.
        """
        now = time.monotonic()
        if now < self.next_check:
            return
        self.next_check = now + self.poll
        if self.count(self.client) > 0:
            self.alone_since = None
        elif self.alone_since is None:
            self.alone_since = now
        elif now - self.alone_since >= self.timeout:
            address = getattr(getattr(self.client, "scheduler", None), "address", None)
            raise ScaleError(
                f"the Dask scheduler at {address} has had no worker for {self.timeout:g} s "
                "during the run (the workers died or left: killed, out of memory, shut down; or "
                "the scheduler is gone), so the remaining chunks cannot run. Start workers with "
                "`dask worker ADDRESS` and rerun."
            )


def completed(pending: Any, watch: WorkerWatch) -> Iterator[Any]:
    """Yield the futures of ``pending`` as they complete, failing when no worker is left.

    As iterating over ``distributed.as_completed``, futures added while iterating included, but
    ``watch`` (:class:`WorkerWatch`) is checked while nothing is ready.

    Args:
        pending: A ``distributed.as_completed`` of the run's futures.
        watch: The run's worker watch.

    Raises:
        ScaleError: From :meth:`WorkerWatch.check`.

    Example:
        >>> class Done:  # a stand-in for as_completed holding two finished futures
        ...     def __init__(self): self.items = ["f1", "f2"]
        ...     def is_empty(self): return not self.items
        ...     def has_ready(self): return bool(self.items)
        ...     def __next__(self): return self.items.pop(0)
        >>> list(completed(Done(), WorkerWatch(None, count=lambda client: 1)))
        ['f1', 'f2']
    """
    while not pending.is_empty():
        if pending.has_ready():
            watch.progress()
            yield next(pending)
            continue
        condition = getattr(pending, "thread_condition", None)
        if condition is not None:
            with condition:
                condition.wait(timeout=0.1)
        else:
            time.sleep(0.1)
        watch.check()


def _result(fut: Any, index: int, watch: WorkerWatch | None = None) -> Any:
    """The result of chunk ``index``'s future; a worker's failure as a :class:`ScaleError`.

    With ``watch``, the wait fails when the cluster has no worker left (a finished task whose
    worker died is computed again, which needs a worker). Each wait lasts ``watch.timeout``
    seconds, then twice as long (at most 10 minutes), so that a large result on a slow
    network is not cut off again and again.
    """
    try:
        if watch is None:
            return fut.result()
        wait = max(watch.timeout, 1.0)
        while True:
            try:
                return fut.result(timeout=wait)
            except TimeoutError:
                watch.next_check = 0.0  # ask the scheduler now
                watch.check()
                wait = min(2 * wait, 600.0)
    except ScaleError:
        raise
    except CancelledError as exc:  # Dask gave up the task: not the chunk's own failure
        client = getattr(watch, "client", None)
        address = getattr(getattr(client, "scheduler", None), "address", None)
        raise ScaleError(
            f"chunk {index} was cancelled on the Dask cluster"
            + (f" at {address}" if address else "")
            + f" ({exc}): the scheduler went away, or lost the worker holding what the chunk "
            "needed; check that the scheduler and its workers run, and rerun"
        ) from exc
    except Exception as exc:
        raise ScaleError(f"chunk {index} failed on a Dask worker: {exc}") from exc


def same_object(obj: T) -> T:
    """Return ``obj``: the task that hands the resources to the Dask workers (:func:`_run_dask`).

    Sent as a task, not scattered, the resources live in the scheduler's task graph, so Dask
    computes them again if the worker holding them dies.

    Example:
        >>> same_object("resources")
        'resources'
    """
    return obj


def _run_dask(
    client: Any,
    chunks: Iterator[tuple[int, list[Article]]],
    resources: analysis.Resources,
    writer: PartWriter,
    window: int,
    on_chunk: Callable[[int, int], None] | None,
) -> tuple[int, int]:
    """Submit chunks of articles with at most ``window`` in flight; write results as they come.

    This process reads the corpus and sends the articles; the tables come back as Arrow tables
    and this process writes them (workers that cannot see the corpus or output folders).
    """
    from distributed import as_completed

    run_id = uuid.uuid4().hex
    # a task returning the resources, not data scattered to the workers: when the worker
    # holding them dies (a nanny restarts it, or others remain), Dask computes them again from
    # the task instead of failing every chunk ("cancelled ... already forgotten")
    remote_resources = client.submit(
        same_object, resources, key=f"mediaframes-resources-{run_id}", pure=False
    )
    sizes: dict[Any, tuple[int, int]] = {}
    pending = as_completed(loop=client.loop)
    n_articles = n_chunks = 0

    def submit(index: int, batch: list[Article]) -> None:
        key = f"mediaframes-chunk-{run_id}-{index}"
        fut = client.submit(analyze_chunk, batch, remote_resources, key=key)
        sizes[fut.key] = (index, len(batch))
        pending.add(fut)

    for index, batch in itertools.islice(chunks, window):
        submit(index, batch)
    watch = WorkerWatch(client)
    for fut in completed(pending, watch):
        index, size = sizes.pop(fut.key)
        tables = _result(fut, index, watch)
        writer.write(index, tables)
        fut.release()
        n_articles += size
        n_chunks += 1
        if on_chunk is not None:
            on_chunk(n_chunks, n_articles)
        nxt = next(chunks, None)
        if nxt is not None:
            submit(*nxt)
    return n_articles, n_chunks


def _run_worker_io(
    client: Any,
    stream: IngestStream,
    spec: analysis.ResourceSpec,
    writer: PartWriter,
    chunk_size: int,
    window: int,
    on_chunk: Callable[[int, int], None] | None,
    threads: int = 1,
) -> tuple[int, int]:
    """Let Dask workers read, validate, analyse and write chunks of files (see :mod:`worker_io`).

    This process lists the input files, groups them into tasks (:func:`files_per_task` for
    ``threads`` worker threads), replays every chunk's duplicate and id decisions in
    corpus order (recomputing a chunk whose ids would differ from the serial scan's), drops
    duplicates the workers could not see, and appends the parts in order.
    """
    from distributed import as_completed

    from mediaframes import corpus, worker_io

    corpus_dir = stream.corpus_dir.absolute()
    raw = paths.corpus_raw_dir(corpus_dir)
    meta_path = paths.corpus_metadata_file(corpus_dir)
    meta_key = worker_io.metadata_key(corpus_dir)  # the workers check they read this file
    table = worker_io.metadata_table(corpus_dir)
    stream.notes.extend(table.notes)
    names, walk_rejected = corpus._walk_names(
        raw, meta_path if raw == corpus_dir else None, corpus_dir, stream.notes
    )
    stream.rejections.extend(walk_rejected)
    texts = stream.prepare_texts()
    parts_dir = str(writer.parts.resolve())
    # names relative to raw/ travel in the tasks; the workers build the paths
    n_files = names.count("\0") + 1 if names else 0
    size = files_per_task(n_files, chunk_size, threads, TASKS_PER_THREAD)
    batches = enumerate(chunked(corpus._split_names(names), size))
    run_id = uuid.uuid4().hex
    pending = as_completed(loop=client.loop)
    tasks: dict[int, worker_io.ChunkTask] = {}
    keys: dict[str, int] = {}
    done: set[int] = set()
    replay = worker_io.Replay()
    next_index = n_articles = 0

    digest = worker_io.resource_digest(spec)  # the workers check they load these files

    def submit(task: worker_io.ChunkTask, retry: bool = False) -> None:
        tasks[task.index] = task
        key = f"mediaframes-io-{run_id}-{task.index}{'-exact' if retry else ''}"
        keys[key] = task.index
        pending.add(client.submit(worker_io.run_chunk, task, key=key, priority=int(retry)))

    def fill() -> None:  # keep `window` chunks running, and at most 2 * window not yet adopted
        while pending.count() < window and len(tasks) < 2 * window:
            nxt = next(batches, None)
            if nxt is None:
                return
            submit(
                worker_io.ChunkTask(
                    nxt[0],
                    str(corpus_dir),
                    str(raw.absolute()),
                    tuple(nxt[1]),
                    parts_dir,
                    spec,
                    resource_digest=digest,
                    metadata_key=meta_key,
                )
            )

    fill()
    watch = WorkerWatch(client)
    for fut in completed(pending, watch):
        index = keys.pop(fut.key)
        if fut.status != "finished":
            _result(fut, index, watch)  # raises the worker's error
        # no gather: the outcomes are in the chunk file the finished task wrote
        fut.release()
        done.add(index)
        while next_index in done:
            done.discard(next_index)
            task = tasks[next_index]
            parts = ChunkParts(worker_io.task_chunk_path(task))
            outcomes: tuple[worker_io.Outcome, ...] = parts.extra
            check = replay.check(outcomes)
            if not check.ok:
                parts.close()
                os.unlink(parts.path)
                staged = [o.article_id for o in outcomes if o.article_id is not None]
                # the recomputation may choose other ids: its files replace these
                worker_io.adopt_texts(parts_dir, next_index, (), texts, staged)
                if task.preset is not None:
                    raise ScaleError(
                        f"chunk {next_index} ({task.files[0][1]} …): the recomputed chunk still "
                        "disagrees with the corpus-wide duplicate and id checks"
                    )
                submit(replace(task, preset=replay.preset(outcomes)), retry=True)
                break
            source: str | ChunkParts = parts
            if check.drops:
                parts.close()
                worker_io.drop_articles(parts.path, check.drops, writer.schemas)
                source = parts.path
            stream.rejections.extend(check.rejections)
            for o in check.kept:
                assert o.article_id is not None
                stream.count(o.source_path, o.article_id, o.n_warnings, o.language)
            worker_io.adopt_texts(
                parts_dir, next_index, [o.article_id for o in check.kept], texts, check.drops
            )
            writer.adopt(next_index, source)
            del tasks[next_index]
            n_articles += len(check.kept)
            next_index += 1
            if on_chunk is not None:
                on_chunk(next_index, n_articles)
        fill()
    orphans = sorted(set(table.rows) - replay.used_rows)
    if orphans:
        stream.notes.append(f"metadata.csv rows without an article: {', '.join(orphans)}")
    return n_articles, next_index


# --- the output folder: built beside it, then swapped in --------------------------------------

#: Marks the hidden folders beside ``--out`` where a run builds its output:
#: ``.<out name>.analyze-<pid>-<random>`` (:func:`staging_path`).
STAGING_MARK = ".analyze-"
#: Suffix of the previous output while it is moved aside (:func:`publish_output`, only where
#: two directories cannot be exchanged in one step).
OLD_SUFFIX = ".old"
#: Corpus-level files of a run (:func:`write_aggregates`), ``compare``'s default sub-folder
#: and the temporary entries of a run: with the tables, ``texts/``, ``validation.json`` and
#: ``actors.yml`` they are what a rerun replaces or drops (:func:`replaced_entry`).
AGGREGATE_FILES = (
    "sentiment_by_actor.csv",
    "sentiment_method_agreement.csv",
    "actor_sentiment_differences.csv",
    "frames_by_actor.csv",
    "actor_frame_differences.csv",
    "tone_by_actor.csv",
    "aggregates.json",
)
_DERIVED_ENTRIES = ("compare", PARTS_DIR, "texts", "validation.json", "actors.yml")


def staging_path(final: Path) -> Path:
    """A new staging folder's path beside ``final`` (the folder is not created).

    Example:
        >>> staging_path(Path("/data/out")).name.startswith(f".out.analyze-{os.getpid()}-")
        True
    """
    return final.with_name(f".{final.name}{STAGING_MARK}{os.getpid()}-{uuid.uuid4().hex[:8]}")


def make_staging(stage: Path, final: Path) -> Path:
    """Create the staging folder (and ``final``'s parents); it gets ``final``'s permissions.

    Example:
        >>> import tempfile
        >>> final = Path(tempfile.mkdtemp()) / "a" / "out"
        >>> make_staging(staging_path(final), final).is_dir(), final.exists()
        (True, False)
    """
    stage.parent.mkdir(parents=True, exist_ok=True)
    stage.mkdir()
    if final.is_dir():
        shutil.copymode(final, stage)
    return stage


def staging_owner(path: Path, final: Path) -> int | None:
    """The process id in the name of a staging folder of ``final`` (None for another name).

    Example:
        >>> staging_owner(Path("/d/.out.analyze-42-ab12cd34.old"), Path("/d/out"))
        42
        >>> staging_owner(Path("/d/.other.analyze-42-ab12cd34"), Path("/d/out")) is None
        True
    """
    prefix = f".{final.name}{STAGING_MARK}"
    if path.parent != final.parent or not path.name.startswith(prefix):
        return None
    pid = path.name[len(prefix) :].split("-", 1)[0]
    return int(pid) if pid.isdigit() else None


def _alive(pid: int) -> bool:
    """Whether process ``pid`` exists (on this host)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def recover_output(final: Path) -> list[str]:
    """Tidy what killed runs left beside ``final``; returns what was done, one line each.

    A staging folder whose process is gone is deleted. A previous output moved aside
    (``…{OLD_SUFFIX}``) by a run killed before its new output took the name comes back as
    ``final`` when ``final`` is missing. Folders of running processes are left alone.

    Example:
        >>> import tempfile
        >>> final = Path(tempfile.mkdtemp()) / "out"
        >>> old = final.with_name(".out.analyze-999999999-00000000.old")
        >>> old.mkdir()
        >>> recover_output(final), final.is_dir(), old.exists()
        (['restored out from .out.analyze-999999999-00000000.old'], True, False)
    """
    done: list[str] = []
    if not final.parent.is_dir():
        return done
    for path in sorted(final.parent.glob(f".{final.name}{STAGING_MARK}*")):
        pid = staging_owner(path, final)
        if pid is None or _alive(pid) or not path.is_dir():
            continue
        if path.name.endswith(OLD_SUFFIX) and not final.exists():
            path.rename(final)
            done.append(f"restored {final.name} from {path.name}")
        else:
            shutil.rmtree(path, ignore_errors=True)
            done.append(f"removed {path.name}")
    return done


def replaced_entry(name: str) -> bool:
    """Whether an entry of an earlier output folder is ``analyze``'s, so a rerun drops it.

    The tables, ``texts/``, ``validation.json``, ``actors.yml``, the corpus-level files,
    ``compare/`` (derived from the old tables) and a run's temporary files are; anything
    else (notes, coding files, other folders) is the user's and is kept.

    Example:
        >>> [replaced_entry(n) for n in ("statements.csv", "compare", "notes.txt", "x.tmp")]
        [True, True, False, True]
    """
    tables = {*table_schemas(), "quarantine"}
    stem, _, ext = name.rpartition(".")
    return (
        name in _DERIVED_ENTRIES
        or name in AGGREGATE_FILES
        or (stem in tables and ext in ("csv", "parquet"))
        or name.endswith(".tmp")
        or name.startswith(".aggregates-")
    )


def _link_or_copy(src: str, dst: str) -> None:
    """Hard-link ``src`` to ``dst`` (same file system), else copy it."""
    try:
        os.link(src, dst, follow_symlinks=False)
    except OSError:
        shutil.copy2(src, dst, follow_symlinks=False)


def carry_over(old: Path, new: Path) -> list[str]:
    """Link (or copy) into ``new`` the entries of ``old`` that are not ``analyze``'s.

    ``old`` itself is not changed: until the swap, the earlier output stays whole.

    Returns:
        The names carried over, sorted.

    Example:
        >>> import tempfile
        >>> old, new = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
        >>> for n in ("notes.txt", "statements.csv"):
        ...     _ = (old / n).write_text("INVENTED")
        >>> carry_over(old, new), sorted(p.name for p in new.iterdir())
        (['notes.txt'], ['notes.txt'])
    """
    kept = []
    for entry in sorted(os.scandir(old), key=lambda e: e.name):
        target = new / entry.name
        if replaced_entry(entry.name) or os.path.lexists(target):
            continue
        if entry.is_dir(follow_symlinks=False):
            shutil.copytree(entry.path, target, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(entry.path, str(target))
        kept.append(entry.name)
    return kept


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2(RENAME_EXCHANGE)``); False if unsupported.

    Raises:
        OSError: When the system call exists but fails for another reason.
    """
    import ctypes
    import errno

    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EPERM):
        return False
    raise OSError(err, os.strerror(err), str(b))


def publish_output(stage: Path, final: Path) -> list[str]:
    """Put the complete output ``stage`` in place of ``final``; returns the entries kept.

    Entries of an earlier ``final`` that ``analyze`` does not write are first linked into
    ``stage`` (:func:`carry_over`); then the two folders are exchanged in one step where the
    system allows it (Linux), else ``final`` is moved aside (``…{OLD_SUFFIX}``) and ``stage``
    renamed into place (a run killed between the two renames leaves the old output aside, and
    the next run puts it back: :func:`recover_output`). The earlier output is deleted last;
    an interruption while deleting it leaves a hidden folder the next run removes.

    Example:
        >>> import tempfile
        >>> final = Path(tempfile.mkdtemp()) / "out"
        >>> stage = make_staging(staging_path(final), final)
        >>> _ = (stage / "statements.csv").write_text("INVENTED")
        >>> publish_output(stage, final), (final / "statements.csv").is_file(), stage.exists()
        ([], True, False)
    """
    if not final.is_dir():
        stage.rename(final)
        return []
    kept = carry_over(final, stage)
    if _exchange(stage, final):
        old = stage
    else:
        old = stage.with_name(stage.name + OLD_SUFFIX)
        final.rename(old)
        try:
            stage.rename(final)
        except BaseException:  # the earlier output goes back under its name
            if not final.exists():
                old.rename(final)
            raise
    try:
        shutil.rmtree(old)
    except BaseException:  # published already: the next run removes what is left
        pass
    return kept


def _check_output(out: Path) -> None:
    """Refuse an output path that exists and is not a folder."""
    if out.exists() and not out.is_dir():
        raise ScaleError(f"output path {out} exists and is not a folder")
    if out.resolve().parent == out.resolve():
        raise ScaleError(f"output folder {out} is a file system root: give a folder inside it")


def check_output_writable(out: Path) -> None:
    """Refuse an output folder this user cannot create or replace, naming it, before any work.

    The output is built beside ``out`` (in its parent, created if missing) and takes the mode
    of an earlier ``out``: a parent that is not writable, or an earlier output made read-only
    (``chmod a-w``, to protect it), would otherwise fail at the first table with a message
    naming a hidden temporary file. Permissions are those of this process (root may write
    anywhere).

    Raises:
        ScaleError: Naming ``out``, the folder that is not writable and what to do.

    Example:
        >>> import tempfile
        >>> check_output_writable(Path(tempfile.mkdtemp()) / "new" / "out")  # fine
    """
    final = out.resolve()
    parent = final.parent
    while not parent.exists() and parent != parent.parent:  # created with its parents
        parent = parent.parent
    mode = os.W_OK | os.X_OK
    if not os.access(parent, mode):
        raise ScaleError(
            f"cannot write the output folder {out}: {parent} is not writable (permission "
            "denied); nothing was changed"
        )
    if final.is_dir() and not os.access(final, mode):
        raise ScaleError(
            f"cannot replace the output folder {out}: it is not writable (permission denied: "
            "read-only, or another user's); nothing was changed. Make it writable or give "
            "another --out"
        )


def _rejection_list(rejected: Sequence[Any], limit: int = 3) -> str:
    """The first ``limit`` quarantined inputs with their reasons, for an error message.

    Example:
        >>> from mediaframes.corpus import Rejection
        >>> _rejection_list([Rejection("raw/a.txt", "empty", "file has 0 bytes")])
        'raw/a.txt: empty (file has 0 bytes)'
    """
    shown = "; ".join(f"{r.source_path}: {r.reason} ({r.detail})" for r in rejected[:limit])
    more = len(rejected) - limit
    return shown + (f"; … {more} more" if more > 0 else "") if rejected else "no input found"


class AnalyzeInterrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM stopped ``mediaframes analyze`` (what interrupted it is the argument)."""


#: How each signal is named in the interruption message (as ``mediaframes run`` names them).
_SIGNAL_NAMES = {"SIGINT": "Ctrl-C (SIGINT)", "SIGTERM": "SIGTERM"}


@contextlib.contextmanager
def interrupts_raise() -> Iterator[None]:
    """While the run goes on, Ctrl-C and SIGTERM raise :class:`AnalyzeInterrupted`.

    So the run's cleanup runs (the staging folder and temporary files are removed, the Dask
    cluster closed) whatever stopped it. After the first signal a second one ends the process
    at once (its staging folder is then removed by the next run). Any error raised once a
    signal came (a Dask cluster failing to start, say) is reported as the interruption. Only
    in the main thread (where Python delivers signals); the previous handlers come back.

    Example:
        >>> with interrupts_raise():
        ...     pass
    """
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[str] = []

    def handler(signum: int, frame: Any) -> None:
        name = signal.Signals(signum).name
        received.append(name)
        for sig in (signal.SIGINT, signal.SIGTERM):  # a second signal ends the process
            signal.signal(sig, signal.SIG_DFL)
        raise AnalyzeInterrupted(_SIGNAL_NAMES.get(name, name))

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    except AnalyzeInterrupted:
        raise
    except BaseException as exc:
        if received:
            raise AnalyzeInterrupted(_SIGNAL_NAMES.get(received[0], received[0])) from exc
        raise
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


# --- the run -----------------------------------------------------------------------------------


def _quarantine_order(r: Any) -> tuple[str, int, str, str]:
    """:func:`mediaframes.corpus.quarantine_order` (corpus imported when needed)."""
    from mediaframes import corpus

    return corpus.quarantine_order(r)


def analyze_corpus(
    corpus_dir: str | Path,
    out_dir: str | Path,
    *,
    actors: str | Path | None = None,
    codebooks: Sequence[str | Path] = analysis.DEFAULT_CODEBOOKS,
    methods: Sequence[str] | None = None,
    frame_words: str = "statement",
    scheduler: str | None = None,
    workers: int | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    window: int | None = None,
    articles: Iterable[Article] | None = None,
    aggregates: bool = True,
    on_chunk: Callable[[int, int], None] | None = None,
    worker_io: bool | None = None,
    seed: int = 0,
    bootstrap_n: int = config.BOOTSTRAP_N,
) -> AnalyzeSummary:
    """Analyse a corpus folder and write every table to ``out_dir``.

    The whole output is built in a hidden staging folder beside ``out_dir``
    (``.<name>.analyze-<pid>-<random>``, :func:`staging_path`) and put in place of
    ``out_dir`` only once complete (:func:`publish_output`): until then an earlier output stays
    whole and readable, and a failed or interrupted run deletes its staging folder (a killed
    one leaves it to the next run, :func:`recover_output`). A rerun replaces everything
    ``analyze`` writes and drops a stale ``compare/``; other entries of the earlier folder are
    kept (``AnalyzeSummary.kept``). Nothing is created before the Dask cluster is reached.

    Args:
        corpus_dir: Corpus folder (with ``raw/``), as for ``mediaframes ingest``.
        out_dir: Output folder (created or replaced; a symbolic link's target is replaced).
        actors: Actors YAML file; None for the packaged default.
        codebooks: Codebook ids or YAML files.
        methods: Sentiment methods; None for the defaults.
        frame_words: What a statement's frames come from: ``statement`` (its whole span, the
            default) or ``reported`` (only the reported words; ``framing.label_statements``).
        scheduler: Address of a running Dask scheduler (``tcp://host:port``, checked before
            anything is created); None checks ``$DASK_SCHEDULER_ADDRESS`` unless ``workers``
            is given (:func:`resolve_dask`).
        workers: Local worker processes; more than 1 starts a ``LocalCluster`` (and may not be
            combined with ``scheduler``); None: 1, or the scheduler of the environment.
        chunk_size: What one task holds: serially and on Dask without worker I/O, this many
            articles; with worker I/O, at most this many whole input files (a JSONL/CSV file
            with all its records), fewer so that each worker thread gets at least
            :data:`TASKS_PER_THREAD` tasks when there are enough files (:func:`files_per_task`).
        window: Chunks in flight on Dask (default: twice the worker threads).
        articles: Articles to analyse instead of reading ``corpus_dir`` (benchmarks); then no
            quarantine table, texts or ``validation.json`` are written.
        aggregates: Compute the corpus-level tables after the per-article pass.
        on_chunk: Called with (chunks done, articles done) after each chunk is written.
        worker_io: On Dask, let the workers read and validate the input files and write the
            part files themselves (:mod:`mediaframes.worker_io`); this process only lists the
            files and replays the duplicate and id checks in order. The workers must see
            ``corpus_dir`` and the folder holding ``out_dir`` (where the staging folder is)
            at the same paths. None: on for a local cluster
            (``workers > 1``), off for a scheduler address. Same output either way.
        seed: Seed of the bootstrap intervals (checked as the ``seed`` parameter of
            ``mediaframes run``).
        bootstrap_n: Bootstrap resamples per interval (checked as the ``bootstrap_n``
            parameter: at least :data:`mediaframes.config.MIN_BOOTSTRAP_N`).

    Returns:
        A summary of the run.

    Raises:
        ScaleError: Missing corpus, an output path that is a file, unreachable scheduler or one
            without workers, a failing article, or no valid article at all (the message names
            the first quarantined inputs; ``out_dir`` is left as it was).
        ValueError: On a bad argument, raised before anything is created (the message names
            it; ``config.ParamError`` for ``seed`` and ``bootstrap_n``): a malformed scheduler
            address, or ``workers > 1`` with a scheduler.

    Example:
        >>> analyze_corpus("corpus", "build/analysis").rows["statements"]  # doctest: +SKIP
        12
    """
    address, workers = resolve_dask(scheduler, workers)
    if chunk_size < 1:
        raise ValueError(f"--chunk-size must be at least 1, got {chunk_size}")
    if window is not None and window < 1:
        raise ValueError(f"window must be at least 1, got {window}")
    config.check_value("seed", seed, "--seed")
    config.check_value("bootstrap_n", bootstrap_n, "--bootstrap-n")
    out = Path(out_dir)
    summary = AnalyzeSummary(out_dir=out)
    stream: IngestStream | None = None
    _check_output(out)
    if articles is None:
        _check_folders(Path(corpus_dir), out)
    check_output_writable(out)
    if address is not None:  # a closed port: at once, before the resources load (seconds)
        check_not_refused(address)
    spec = analysis.resource_spec(actors, codebooks, methods, frame_words)
    analysis.check_resources(spec)  # a bad file fails here, before any output or task
    final = out.resolve()  # a symbolic link's target is replaced, not the link
    stage = staging_path(final)  # the whole output is built here, then swapped in
    if articles is None:
        stream = IngestStream(Path(corpus_dir), stage)
        articles = stream
    if worker_io is None:
        worker_io = address is None and workers > 1
    worker_io = worker_io and stream is not None and (address is not None or workers > 1)
    if worker_io:  # the workers load the resources
        resources = None
    else:
        resources = analysis.build_resources(spec)
    chunks = enumerate(chunked(articles, chunk_size))
    cluster = client = None
    if address is not None:
        summary.mode = "dask"
        client = connect(address, need_workers=True)
    elif workers > 1:
        summary.mode = "local-dask"
        cluster = local_cluster(workers)
        client = connect(cluster.scheduler_address)

    writer: PartWriter | None = None
    try:
        recover_output(final)  # what a killed earlier run left beside the output
        make_staging(stage, final)
        writer = PartWriter(stage)
        if client is None:
            for index, batch in chunks:
                writer.write(index, analyze_chunk(batch, resources))
                summary.n_articles += len(batch)
                summary.n_chunks += 1
                if on_chunk is not None:
                    on_chunk(summary.n_chunks, summary.n_articles)
        elif worker_io:
            assert stream is not None
            threads = sum(client.nthreads().values()) or workers
            summary.n_articles, summary.n_chunks = _run_worker_io(
                client, stream, spec, writer, chunk_size, window or 2 * threads, on_chunk, threads
            )
        else:
            threads = sum(client.nthreads().values()) or workers
            summary.n_articles, summary.n_chunks = _run_dask(
                client,
                chunks,
                resources,
                writer,
                window or 2 * threads,
                on_chunk,
            )
    except BaseException:
        if writer is not None:
            writer.abort()
        shutil.rmtree(stage, ignore_errors=True)
        raise
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()

    assert writer is not None
    try:
        summary.rows = writer.combine()
        for name in writer.schemas:
            summary.files.extend([f"{name}.csv", f"{name}.parquet"])
        summary.files.append(record_actors(spec.actors_path, stage))
        if stream is not None:
            summary.files.extend(stream.finish())
            summary.n_quarantined = len(stream.rejections)
            summary.quarantined = sorted(stream.rejections, key=_quarantine_order)
            if summary.n_articles == 0:
                raise ScaleError(
                    f"no valid article in {corpus_dir} ({summary.n_quarantined} input(s) "
                    f"quarantined: {_rejection_list(summary.quarantined)}); {out} was not "
                    "changed"
                )
        if aggregates:
            summary.files.extend(write_aggregates(stage, seed, bootstrap_n))
        summary.kept = publish_output(stage, final)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    return summary


#: The copy of the actors file in an analysis folder (:func:`record_actors`).
ACTORS_COPY = "actors.yml"


def record_actors(actors_path: str | Path | None, out: Path) -> str:
    """Copy the actors file of a run into its output folder, byte for byte.

    Args:
        actors_path: The actors file given to the run; None for the packaged one.
        out: The output folder.

    Returns:
        The copy's name, relative to ``out`` (:data:`ACTORS_COPY`).

    Example:
        >>> import tempfile
        >>> out = Path(tempfile.mkdtemp())
        >>> record_actors(None, out), (out / "actors.yml").read_bytes() == paths.resource(
        ...     "actors.yml").read_bytes()
        ('actors.yml', True)
    """
    source = Path(actors_path) if actors_path is not None else paths.resource("actors.yml")
    data = source.read_bytes()
    (Path(out) / ACTORS_COPY).write_bytes(data)
    return ACTORS_COPY


def compare_actors(analysis_dir: str | Path, given: str | Path | None) -> tuple[str | None, str]:
    """The actors file ``mediaframes compare`` uses, and what to tell the user about it.

    With ``--actors``, that file (a warning when it differs from the one the analysis used);
    without, the analysis folder's copy (:func:`record_actors`); for a folder without one (made
    by an older version, or not by ``analyze``), the packaged actors, with a warning.

    Args:
        analysis_dir: Output folder of ``mediaframes analyze``.
        given: The ``--actors`` argument, or None.

    Returns:
        ``(actors file or None for the packaged one, message or "")``.

    Example:
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> compare_actors(folder, None)[1].startswith("warning: no actors file recorded")
        True
        >>> _ = record_actors(None, folder)
        >>> compare_actors(folder, None)[0] == str(folder / "actors.yml")
        True
    """
    recorded = Path(analysis_dir) / ACTORS_COPY
    if given is not None:
        g = Path(given)
        if recorded.is_file() and g.is_file() and g.read_bytes() != recorded.read_bytes():
            return str(g), (
                f"warning: --actors {g} differs from the actors file the analysis used "
                f"({recorded}): names of actors only in the analysis may become topic words"
            )
        return str(g), ""
    if recorded.is_file():
        return str(recorded), f"using the actors file the analysis used: {recorded}"
    return None, (
        f"warning: no actors file recorded in {analysis_dir} ({ACTORS_COPY}, written by "
        "`mediaframes analyze`): using the packaged actors; give --actors FILE, the file given "
        "to analyze"
    )


def write_aggregates(out: Path, seed: int = 0, n_boot: int = config.BOOTSTRAP_N) -> list[str]:
    """Compute the corpus-level tables from the written per-article tables.

    Streams the Parquet tables in record batches and summarizes one group at a time
    (:func:`mediaframes.aggregates.write_aggregates`), so memory does not grow with the corpus;
    the bytes are those of the pandas functions on whole tables. Returns the files written (see
    the module docstring for their columns).

    Example:
        >>> write_aggregates(Path("build/analysis"))  # doctest: +SKIP
        ['sentiment_by_actor.csv', 'sentiment_method_agreement.csv', ...]
    """
    from mediaframes import aggregates

    return aggregates.write_aggregates(out, seed=seed, n_boot=n_boot)


# --- CLI ---------------------------------------------------------------------------------------


def analyze_command(args: argparse.Namespace) -> int:
    """Run ``mediaframes analyze`` from parsed arguments; returns the exit status.

    Exit 0 on success, 1 when the run cannot go on (named file or address in the message) or,
    with ``--strict``, when an input was quarantined; 2 on a bad argument value or, with
    ``--strict``, an actors file with a warning (``actors_io.load_actors``), before any work.

    Example:
        >>> from mediaframes.cli import build_parser
        >>> args = build_parser().parse_args(["analyze", "corpus", "--out", "build/a"])
        >>> analyze_command(args)  # doctest: +SKIP
        0
    """
    if getattr(args, "strict", False):  # the actors file's warnings are errors, before any work
        from mediaframes import actors_io

        try:
            actors_io.load_actors(args.actors, warn=None, strict=True)
        except (ValueError, FileNotFoundError) as exc:
            print(f"mediaframes analyze: error: {exc}", file=sys.stderr)
            return 2
    try:  # Ctrl-C and SIGTERM raise AnalyzeInterrupted inside the run (interrupts_raise)
        summary = interrupts_raise()(analyze_corpus)(
            args.corpus_dir,
            args.out,
            actors=args.actors,
            codebooks=args.codebooks or analysis.DEFAULT_CODEBOOKS,
            methods=args.methods,
            frame_words=getattr(args, "frame_words", "statement"),
            scheduler=args.scheduler,
            workers=args.workers,
            chunk_size=args.chunk_size,
            worker_io=True if getattr(args, "worker_io", False) else None,
            seed=args.seed,
            bootstrap_n=args.bootstrap_n,
        )
    except KeyboardInterrupt as exc:  # cleaned up already: one line, no traceback
        why = str(exc) if isinstance(exc, AnalyzeInterrupted) else _SIGNAL_NAMES["SIGINT"]
        print(
            f"mediaframes analyze: error: the analysis of {args.corpus_dir} was interrupted by "
            f"{why}; {args.out} was not changed",
            file=sys.stderr,
        )
        return 1
    except (ScaleError, OSError) as exc:
        print(f"mediaframes analyze: error: {exc}", file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"mediaframes analyze: error: {exc}", file=sys.stderr)
        return 2
    from mediaframes import corpus

    counts = ", ".join(f"{n} {name}" for name, n in summary.rows.items())
    lines = [
        f"analysed {summary.n_articles} articles ({summary.mode}, {summary.n_chunks} chunks; "
        f"{summary.n_quarantined} input(s) quarantined): {counts} -> {summary.out_dir}"
    ]
    if summary.kept:
        lines.append(f"  kept from the earlier {summary.out_dir}: {', '.join(summary.kept)}")
    lines.extend(quarantine_lines(summary.quarantined, summary.out_dir))
    corpus.print_report("\n".join(lines))  # `| head` stops the printing, not the status
    if getattr(args, "strict", False) and summary.n_quarantined:
        print(
            f"mediaframes analyze: error: --strict: {summary.n_quarantined} input(s) quarantined "
            f"(listed above and in {Path(summary.out_dir) / 'quarantine.csv'})",
            file=sys.stderr,
        )
        return 1
    return 0


def quarantine_lines(rejected: Sequence[Any], out_dir: Path, limit: int = 50) -> list[str]:
    """One line per quarantined input, as ``mediaframes ingest`` prints them (at most ``limit``).

    Example:
        >>> from mediaframes.corpus import Rejection
        >>> quarantine_lines([Rejection("raw/a.txt", "empty", "file has 0 bytes")], Path("o"))
        ['  quarantined raw/a.txt: empty (file has 0 bytes)']
    """
    lines = [f"  quarantined {r.source_path}: {r.reason} ({r.detail})" for r in rejected[:limit]]
    if len(rejected) > limit:
        lines.append(f"  … {len(rejected) - limit} more in {Path(out_dir) / 'quarantine.csv'}")
    return lines
